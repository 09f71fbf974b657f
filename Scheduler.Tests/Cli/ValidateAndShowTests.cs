using Scheduler.Engine.Checking;

namespace Scheduler.Tests.Cli;

public sealed class ValidateAndShowTests
{
    [Fact]
    public async Task Validate_accepts_a_valid_schedule()
    {
        using var folder = new TempFolder();
        var ev = folder.Write("event.json", TinyEvent.EventJson);
        var schedule = folder.Write("schedule.json", TinyEvent.ScheduleJson);

        var run = await CliRunner.Run("validate", ev, schedule);

        Assert.Equal("", run.Error);
        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("valid: optimal: 2 of 3 meetings scheduled", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_lists_a_planted_violation_on_stdout_and_exits_1()
    {
        using var folder = new TempFolder();
        Assert.NotEqual(TinyEvent.ScheduleJson, TinyEvent.ScheduleInBreak);
        var ev = folder.Write("event.json", TinyEvent.EventJson);
        var schedule = folder.Write("schedule.json", TinyEvent.ScheduleInBreak);

        var run = await CliRunner.Run("validate", ev, schedule);

        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.Out.Split('\n'), l => l.StartsWith(ValidationRules.Break + ":", StringComparison.Ordinal));
        Assert.Contains("un-ru", line, StringComparison.Ordinal);
        Assert.EndsWith("\n1 violation\n", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_event_file_reports_file_path_and_message_and_exits_2()
    {
        using var folder = new TempFolder();
        var ev = folder.Write("event.json", TinyEvent.EventWithUnknownParticipant);
        var schedule = folder.Write("schedule.json", TinyEvent.ScheduleJson);

        var run = await CliRunner.Run("validate", ev, schedule);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{ev}: meetings[1].participants[1]: ", run.Error, StringComparison.Ordinal);
        Assert.Contains("shoigu2", run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Out);
    }

    [Fact]
    public async Task Show_prints_the_timetable_per_day_and_room_then_the_unscheduled()
    {
        using var folder = new TempFolder();
        var ev = folder.Write("event.json", TinyEvent.EventJson);
        var schedule = folder.Write("schedule.json", TinyEvent.ScheduleJson);

        var run = await CliRunner.Run("show", ev, schedule);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            """
            Tiny summit
            optimal: 2 of 3 meetings scheduled, weight 8 (bound 8), idle gaps 0 (bound 0)

            Tuesday 22 June 2021
              Room 1, Congress Centre
                09:00-09:45  Serbia - Russia  Nebojsa Stefanovic (Serbia); Sergei Shoigu (Russia)
              Room 2, Congress Centre
                09:45-10:15  UN - Russia      Jean-Pierre Lacroix (United Nations); Sergei Shoigu (Russia)

            Unscheduled meetings (1)
              UN - Serbia  Jean-Pierre Lacroix (United Nations); Nebojsa Stefanovic (Serbia)
                its windows are shorter than its 60 minutes

            """.ReplaceLineEndings("\n"),
            run.Out);
    }

    [Fact]
    public async Task Show_for_one_participant_is_their_agenda_with_rooms()
    {
        using var folder = new TempFolder();
        var ev = folder.Write("event.json", TinyEvent.EventJson);
        var schedule = folder.Write("schedule.json", TinyEvent.ScheduleJson);

        var run = await CliRunner.Run("show", ev, schedule, "--participant", "lacroix", "--day", "2021-06-22");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            """
            Tiny summit
            optimal: 2 of 3 meetings scheduled, weight 8 (bound 8), idle gaps 0 (bound 0)
            Participant: Jean-Pierre Lacroix (United Nations); Day: Tuesday 22 June 2021

            Tuesday 22 June 2021
              09:45-10:15  UN - Russia  Room 2, Congress Centre  Jean-Pierre Lacroix (United Nations); Sergei Shoigu (Russia)

            Unscheduled meetings (1)
              UN - Serbia  Jean-Pierre Lacroix (United Nations); Nebojsa Stefanovic (Serbia)
                its windows are shorter than its 60 minutes

            """.ReplaceLineEndings("\n"),
            run.Out);
    }

    [Fact]
    public async Task Show_for_a_room_leaves_out_other_rooms_and_the_unscheduled()
    {
        using var folder = new TempFolder();
        var ev = folder.Write("event.json", TinyEvent.EventJson);
        var schedule = folder.Write("schedule.json", TinyEvent.ScheduleJson);

        var run = await CliRunner.Run("show", ev, schedule, "--room", "r1");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Serbia - Russia", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("UN - Russia", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Unscheduled", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_on_a_terminal_draws_tables_with_the_same_meetings()
    {
        using var folder = new TempFolder();
        var ev = folder.Write("event.json", TinyEvent.EventJson);
        var schedule = folder.Write("schedule.json", TinyEvent.ScheduleJson);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var terminal = new Scheduler.Cli.Infrastructure.CliConsole(stdout, stderr, OutIsTerminal: true, ErrorIsTerminal: true);

        var code = await Scheduler.Cli.CliApp.RunAsync(["show", ev, schedule], terminal, CancellationToken.None);

        Assert.Equal(0, code);
        var text = stdout.ToString();
        Assert.Contains("Serbia - Russia", text, StringComparison.Ordinal);
        Assert.Contains("UN - Russia", text, StringComparison.Ordinal);
        Assert.Contains("Unscheduled meetings (1)", text, StringComparison.Ordinal);
        Assert.Contains("│", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_for_a_delegation_lists_only_meetings_with_one_of_its_members()
    {
        using var folder = new TempFolder();
        var ev = folder.Write("event.json", TinyEvent.EventJson);
        var schedule = folder.Write("schedule.json", TinyEvent.ScheduleJson);

        var run = await CliRunner.Run("show", ev, schedule, "--delegation", "rs");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Delegation: Serbia", run.Out, StringComparison.Ordinal);
        Assert.Contains("09:00-09:45  Serbia - Russia", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("UN - Russia", run.Out, StringComparison.Ordinal);
        Assert.Contains("UN - Serbia", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--participant", "nobody", "no participant \"nobody\"")]
    [InlineData("--delegation", "fr", "no delegation \"fr\"")]
    [InlineData("--room", "r9", "no room \"r9\"")]
    [InlineData("--day", "2021-06-23", "not one of the event's days")]
    [InlineData("--day", "22/06/2021", "is not a date")]
    public async Task Show_rejects_a_filter_the_event_does_not_know(string option, string value, string message)
    {
        using var folder = new TempFolder();
        var ev = folder.Write("event.json", TinyEvent.EventJson);
        var schedule = folder.Write("schedule.json", TinyEvent.ScheduleJson);

        var run = await CliRunner.Run("show", ev, schedule, option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Out);
    }
}
