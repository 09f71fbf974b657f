using Scheduler.Engine.Checking;
using Scheduler.Engine.Domain;
using Scheduler.Engine.Files;

namespace Scheduler.Tests.Cli;

public sealed class SolveAndExportTests
{
    private static readonly string[] Quick = ["--workers", "1", "--seed", "1", "--time-limit", "20"];

    [Fact]
    public async Task Solve_writes_pure_schedule_json_to_stdout_that_the_validator_accepts()
    {
        using var folder = new TempFolder();
        var evPath = folder.Write("event.json", TinyEvent.EventJson);

        var run = await CliRunner.Run(["solve", evPath, .. Quick]);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("{", run.Out, StringComparison.Ordinal);
        var schedule = ScheduleFile.Load(folder.Write("schedule.json", run.Out)).Value!;
        var ev = EventFile.Load(evPath).Value!;
        Assert.True(ScheduleValidator.Check(ev, schedule).IsValid);
        Assert.Equal(ScheduleStatus.Optimal, schedule.Status);
        Assert.Equal(8, schedule.ScheduledWeight);
        Assert.Equal("un-rs", Assert.Single(schedule.Unscheduled).Meeting);
        Assert.Contains("optimal: weight 8 / bound 8", run.Error, StringComparison.Ordinal);
        var schema = Json.Schema.JsonSchema.FromText(
            ContractSchemas.ScheduleFileSchema, new Json.Schema.BuildOptions { SchemaRegistry = new Json.Schema.SchemaRegistry() });
        Assert.Empty(Scheduler.Tests.Files.SchemaTests.Violations(schema, run.Out));
    }

    [Fact]
    public async Task Solve_with_output_writes_the_file_and_prints_a_summary()
    {
        using var folder = new TempFolder();
        var evPath = folder.Write("event.json", TinyEvent.EventJson);
        var output = folder.File("schedule.json");

        var run = await CliRunner.Run(["solve", evPath, "-o", output, .. Quick]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal($"Wrote {output}: optimal: 2 of 3 meetings scheduled, weight 8 (bound 8), idle gaps 0 (bound 0)\n", run.Out);
        var check = await CliRunner.Run("validate", evPath, output);
        Assert.Equal(0, check.ExitCode);
        Assert.Empty(Directory.GetFiles(folder.Path, "*.tmp"));
    }

    [Fact]
    public async Task Solve_of_a_bad_event_file_writes_nothing_and_exits_2()
    {
        using var folder = new TempFolder();
        var evPath = folder.Write("event.json", TinyEvent.EventWithUnknownParticipant);
        var output = folder.File("schedule.json");

        var run = await CliRunner.Run(["solve", evPath, "-o", output, .. Quick]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{evPath}: meetings[1].participants[1]: ", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
        Assert.Single(Directory.GetFiles(folder.Path));
    }

    [Fact]
    public async Task Solve_into_a_missing_folder_exits_2_before_solving()
    {
        using var folder = new TempFolder();
        var evPath = folder.Write("event.json", TinyEvent.EventJson);
        var output = Path.Combine(folder.Path, "no-such-folder", "schedule.json");

        var run = await CliRunner.Run(["solve", evPath, "-o", output, .. Quick]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("does not exist", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("optimal", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Solve_with_unplaceable_required_meeting_still_writes_the_schedule_and_exits_1()
    {
        using var folder = new TempFolder();
        var required = TinyEvent.EventJson.Replace(
            "\"durationMinutes\": 60, \"weight\": 2,", "\"durationMinutes\": 60, \"weight\": 2, \"required\": true,", StringComparison.Ordinal);
        Assert.NotEqual(TinyEvent.EventJson, required);
        var evPath = folder.Write("event.json", required);
        var output = folder.File("schedule.json");

        var run = await CliRunner.Run(["solve", evPath, "-o", output, .. Quick]);

        Assert.Equal(1, run.ExitCode);
        var schedule = ScheduleFile.Load(output).Value!;
        Assert.Equal(ScheduleStatus.Infeasible, schedule.Status);
        Assert.Contains(schedule.Unscheduled, u => u.Meeting == "un-rs");
        Assert.Contains("infeasible", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelled_solve_still_writes_a_valid_schedule()
    {
        using var folder = new TempFolder();
        var evPath = folder.Write("event.json", TinyEvent.EventJson);
        var output = folder.File("schedule.json");
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = await Scheduler.Cli.CliApp.RunAsync(["solve", evPath, "-o", output, .. Quick], stdout, stderr, cancelled.Token);

        Assert.Contains("Stopped early", stderr.ToString(), StringComparison.Ordinal);
        var schedule = ScheduleFile.Load(output).Value!;
        Assert.True(ScheduleValidator.Check(EventFile.Load(evPath).Value!, schedule).IsValid);
        Assert.Equal(schedule.Status is ScheduleStatus.Unknown or ScheduleStatus.Infeasible ? 1 : 0, code);
    }

    [Theory]
    [InlineData("csv", "assignments.csv")]
    [InlineData("html", ".html")]
    [InlineData("ics", ".ics")]
    public async Task Export_writes_the_format_into_the_folder(string format, string expectedSuffix)
    {
        using var folder = new TempFolder();
        var ev = folder.Write("event.json", TinyEvent.EventJson);
        var schedule = folder.Write("schedule.json", TinyEvent.ScheduleJson);
        var output = Path.Combine(folder.Path, "out");

        var run = await CliRunner.Run("export", ev, schedule, "--format", format, "--out", output);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(Directory.GetFiles(output, "*", SearchOption.AllDirectories), f => f.EndsWith(expectedSuffix, StringComparison.Ordinal));
        Assert.StartsWith("Wrote ", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_rejects_an_unknown_format()
    {
        using var folder = new TempFolder();

        var run = await CliRunner.Run("export", "event.json", "schedule.json", "--format", "pdf", "--out", folder.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("pdf", run.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(folder.Path));
    }
}
