using Scheduler.Cli;
using Scheduler.Engine.Checking;
using Scheduler.Engine.Files;

namespace Scheduler.Tests.Cli;

public sealed class CliBasicsTests
{
    [Fact]
    public async Task Help_lists_every_command_and_exits_0()
    {
        var run = await CliRunner.Run("--help");

        Assert.Equal(0, run.ExitCode);
        foreach (var command in new[] { "solve", "demo", "validate", "show", "export", "sample" })
            Assert.Contains($"  {command}", run.Out, StringComparison.Ordinal);
        Assert.Contains("scheduler [command] [options]", run.Out, StringComparison.Ordinal);
        Assert.Equal("", run.Error);
    }

    [Fact]
    public async Task Version_prints_the_program_name_and_version()
    {
        var run = await CliRunner.Run("--version");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal($"scheduler {CliApp.Version}\n", run.Out);
        Assert.Matches(@"^\d+\.\d+\.\d+", CliApp.Version);
    }

    [Fact]
    public async Task No_command_is_a_usage_error()
    {
        var run = await CliRunner.Run();

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("give a command", run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Out);
    }

    [Theory]
    [InlineData("solve", "--frob")]
    [InlineData("validate", "a.json", "b.json", "--frob")]
    [InlineData("show", "a.json", "b.json", "--bogus", "x")]
    public async Task Unknown_option_exits_2_naming_it(params string[] args)
    {
        var run = await CliRunner.Run(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(args.First(a => a.StartsWith("--", StringComparison.Ordinal)), run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--workers", "0", "--workers")]
    [InlineData("--workers", "many", "many")]
    [InlineData("--time-limit", "-1", "--time-limit")]
    [InlineData("--time-limit", "0", "--time-limit")]
    [InlineData("--seed", "1.5", "1.5")]
    [InlineData("--safety-stop", "0", "--safety-stop")]
    public async Task Bad_solve_option_exits_2_before_reading_anything(string option, string value, string named)
    {
        using var folder = new TempFolder();
        var output = folder.File("schedule.json");

        var run = await CliRunner.Run("solve", "missing.json", option, value, "-o", output);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(named, run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("missing.json", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public async Task Solve_needs_a_file_or_the_sample_but_not_both()
    {
        var neither = await CliRunner.Run("solve");
        var both = await CliRunner.Run("solve", "event.json", "--sample");

        Assert.Equal(2, neither.ExitCode);
        Assert.Contains("--sample", neither.Error, StringComparison.Ordinal);
        Assert.Equal(2, both.ExitCode);
        Assert.Contains("not both", both.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_files_are_each_reported_and_exit_2()
    {
        using var folder = new TempFolder();
        var ev = folder.File("nope-event.json");
        var schedule = folder.File("nope-schedule.json");

        var run = await CliRunner.Run("validate", ev, schedule);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{ev}: no such file", run.Error, StringComparison.Ordinal);
        Assert.Contains($"{schedule}: no such file", run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Out);
    }

    [Fact]
    public async Task A_safety_stop_without_deterministic_exits_2_and_says_to_add_it()
    {
        using var folder = new TempFolder();
        var output = folder.File("schedule.json");

        var run = await CliRunner.Run("solve", folder.Write("tiny.json", TinyEvent.EventJson), "--safety-stop", "60", "-o", output);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--safety-stop", run.Error, StringComparison.Ordinal);
        Assert.Contains("--deterministic", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public async Task A_deterministic_run_past_its_safety_stop_still_writes_a_schedule_and_warns_that_it_may_not_reproduce()
    {
        using var folder = new TempFolder();
        var output = folder.File("schedule.json");

        // A millisecond has passed before the first search could start, so the stop is what ends the run.
        var run = await CliRunner.Run("solve", folder.Write("tiny.json", TinyEvent.EventJson), "--deterministic", "--safety-stop", "0.001", "-o", output);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("safety stop", run.Error, StringComparison.Ordinal);
        var schedule = ScheduleFile.Load(output).Value!;
        Assert.True(ScheduleValidator.Check(EventFile.Parse(TinyEvent.EventJson).Value!, schedule).IsValid);
    }
}
