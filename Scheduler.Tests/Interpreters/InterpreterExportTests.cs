using Scheduler.Engine.Export;
using Scheduler.Engine.Files;
using Scheduler.Tests.Cli;
using Scheduler.Tests.Solving;
using static Scheduler.Tests.Interpreters.InterpreterEvents;

namespace Scheduler.Tests.Interpreters;

/// <summary>Interpreters in what officers hand out: a calendar each, a sheet each on the HTML page, and <c>show --interpreter</c>.</summary>
public class InterpreterExportTests
{
    private static readonly Scheduler.Engine.Domain.Event Ev = Build(
        List(Interpreter("petrova", "ru fr", """, "name": "Anna Petrova" """), Interpreter("idle", "ru es")),
        List(Meeting("a", "ru1 fr1", weight: 5), Meeting("b", "ru2 fr2", weight: 4), Meeting("same", "ru3 ru4")));

    [Fact]
    public void Each_working_interpreter_gets_a_calendar_and_a_sheet()
    {
        var schedule = Solver.SolveAndValidate(Ev);
        var files = IcsExporter.Export(Ev, schedule);
        var calendar = Assert.Single(files, f => f.RelativePath.StartsWith("interpreters/", StringComparison.Ordinal));
        Assert.Equal("interpreters/petrova.ics", calendar.RelativePath);
        Assert.Equal(2, calendar.Content.Split("BEGIN:VEVENT").Length - 1);
        Assert.Contains("Interpreters: Anna Petrova", calendar.Content.Replace("\r\n ", "", StringComparison.Ordinal), StringComparison.Ordinal);

        var html = Assert.Single(HtmlExporter.Export(Ev, schedule)).Content;
        Assert.Contains("data-interpreter=\"petrova\"", html, StringComparison.Ordinal);
        Assert.Contains("Interpreter: Anna Petrova (ru, fr)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-interpreter=\"idle\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_prints_one_interpreters_day_and_rejects_an_unknown_id()
    {
        var schedule = Solver.SolveAndValidate(Ev);
        using var folder = new TempFolder();
        var evFile = folder.Write("event.json", EventFile.Write(Ev));
        var scheduleFile = folder.Write("schedule.json", ScheduleFile.Write(schedule, Ev));
        var run = await CliRunner.Run("show", evFile, scheduleFile, "--interpreter", "petrova");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Interpreter: Anna Petrova", run.Out, StringComparison.Ordinal);
        Assert.Contains("interpreter: Anna Petrova", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("ru3", run.Out, StringComparison.Ordinal);
        var bad = await CliRunner.Run("show", evFile, scheduleFile, "--interpreter", "nobody");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("--interpreter: the event has no interpreter \"nobody\"", bad.Error, StringComparison.Ordinal);
    }
}
