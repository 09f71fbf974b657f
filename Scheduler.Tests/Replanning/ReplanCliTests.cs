using Scheduler.Engine.Checking;
using Scheduler.Engine.Files;
using Scheduler.Tests.Cli;

namespace Scheduler.Tests.Replanning;

/// <summary>The replanning commands through the real entry point, on the tiny summit of the CLI tests.</summary>
public class ReplanCliTests
{
    private static readonly string[] Quick = ["--workers", "1", "--seed", "1", "--time-limit", "10", "--deterministic"];

    /// <summary>The tiny summit with Shoigu busy at 09:00-09:45, where Serbia - Russia was published.</summary>
    private static string ShoiguLate => TinyEvent.EventJson.Replace(
        "{ \"id\": \"shoigu\", \"name\": \"Sergei Shoigu\", \"delegation\": \"ru\" }",
        "{ \"id\": \"shoigu\", \"name\": \"Sergei Shoigu\", \"delegation\": \"ru\", \"busy\": [ { \"start\": \"2021-06-22T09:00\", \"end\": \"2021-06-22T09:45\" } ] }",
        StringComparison.Ordinal);

    [Fact]
    public async Task Solve_with_previous_writes_changes_that_the_validator_accepts()
    {
        using var folder = new TempFolder();
        var evPath = folder.Write("event.json", ShoiguLate);
        var published = folder.Write("published.json", TinyEvent.ScheduleJson);
        var output = folder.File("new.json");

        var run = await CliRunner.Run(["solve", evPath, "--previous", published, "-o", output, .. Quick]);

        Assert.Equal(0, run.ExitCode);
        var ev = EventFile.Load(evPath).Value!;
        var schedule = ScheduleFile.Load(output).Value!;
        Assert.True(ScheduleValidator.CheckReplan(ev, ScheduleFile.Load(published).Value!, schedule).IsValid);
        Assert.Equal("rs-ru", Assert.Single(schedule.Changes!.Moved).Meeting);
        Assert.Contains("changes: 1 kept, 1 moved", run.Error, StringComparison.Ordinal);

        var validate = await CliRunner.Run("validate", evPath, output, "--previous", published);
        Assert.Equal(0, validate.ExitCode);
        var tampered = folder.Write("tampered.json", File.ReadAllText(output).Replace("\"kept\": 1", "\"kept\": 2", StringComparison.Ordinal));
        var invalid = await CliRunner.Run("validate", evPath, tampered, "--previous", published);
        Assert.Equal(1, invalid.ExitCode);
        Assert.Contains("changes-mismatch: kept is 2, but 1 published meetings keep their start and room", invalid.Out, StringComparison.Ordinal);

        var again = await CliRunner.Run(["solve", evPath, "--previous", published, .. Quick]);
        Assert.Equal(File.ReadAllText(output), again.Out);

        var diff = await CliRunner.Run("diff", evPath, published, output);
        Assert.Equal(0, diff.ExitCode);
        Assert.Contains("Russia: Serbia - Russia moved from Tue 09:00, Room 1 to ", diff.Out, StringComparison.Ordinal);
        Assert.Contains("Serbia: Serbia - Russia moved from Tue 09:00, Room 1 to ", diff.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_event_file_given_as_previous_is_an_input_error_and_nothing_is_written()
    {
        using var folder = new TempFolder();
        var evPath = folder.Write("event.json", TinyEvent.EventJson);
        var output = folder.File("new.json");

        var run = await CliRunner.Run(["solve", evPath, "--previous", evPath, "-o", output, .. Quick]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("event.json: not a schedule file", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_previous_schedule_of_another_event_is_an_input_error()
    {
        using var folder = new TempFolder();
        var evPath = folder.Write("event.json", TinyEvent.EventJson);
        var other = folder.Write("other.json", TinyEvent.ScheduleJson.Replace("\"Tiny summit\"", "\"Big summit\"", StringComparison.Ordinal));

        var run = await CliRunner.Run(["solve", evPath, "--previous", other, .. Quick]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("other.json: event: the previous schedule is of the event \"Big summit\"", run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Out);
    }

    [Fact]
    public async Task A_frozen_meeting_that_now_breaks_a_rule_stops_the_replan_with_exit_code_2()
    {
        using var folder = new TempFolder();
        var frozen = ShoiguLate.Replace("\"meetings\": [", "\"replan\": { \"frozenUntil\": \"2021-06-22T10:00\" },\n  \"meetings\": [", StringComparison.Ordinal);
        var evPath = folder.Write("event.json", frozen);
        var published = folder.Write("published.json", TinyEvent.ScheduleJson);

        var run = await CliRunner.Run(["solve", evPath, "--previous", published, .. Quick]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("published.json: assignments[0]: frozen meeting \"rs-ru\"", run.Error, StringComparison.Ordinal);
        Assert.Contains("busy: shoigu busy then", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diff_of_schedules_of_another_event_is_an_input_error()
    {
        using var folder = new TempFolder();
        var evPath = folder.Write("event.json", TinyEvent.EventJson);
        var published = folder.Write("published.json", TinyEvent.ScheduleJson);
        var other = folder.Write("other.json", TinyEvent.ScheduleJson.Replace("\"Tiny summit\"", "\"Big summit\"", StringComparison.Ordinal));

        var run = await CliRunner.Run("diff", evPath, published, other);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("other.json: event: the schedule is of the event \"Big summit\"", run.Error, StringComparison.Ordinal);
    }
}
