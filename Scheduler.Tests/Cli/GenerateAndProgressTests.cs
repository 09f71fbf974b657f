using NodaTime;
using Scheduler.Cli.Rendering;
using Scheduler.Engine.Files;
using Scheduler.Engine.Solving;

namespace Scheduler.Tests.Cli;

public sealed class GenerateAndProgressTests
{
    [Fact]
    public async Task Generate_conference_writes_an_event_file_that_reads_back()
    {
        using var folder = new TempFolder();
        var path = folder.File("conference.json");

        var run = await CliRunner.Run("generate", "conference", "--seed", "7", "--delegates", "20", "--requests", "12", "--rooms", "3", "--days", "1", "-o", path);

        Assert.Equal(0, run.ExitCode);
        var read = EventFile.Load(path);
        Assert.Empty(read.Problems);
        Assert.Equal(12, read.Value!.Meetings.Length);
        Assert.Equal(3, read.Value.Rooms.Length);
        Assert.Contains("12 meeting requests", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generate_fair_is_the_same_for_the_same_seed_and_differs_for_another()
    {
        string[] args = ["generate", "fair", "--companies", "30", "--requests", "40", "--tables", "5"];

        var first = await CliRunner.Run([.. args, "--seed", "3"]);
        var again = await CliRunner.Run([.. args, "--seed", "3"]);
        var other = await CliRunner.Run([.. args, "--seed", "4"]);

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(first.Out, again.Out);
        Assert.NotEqual(first.Out, other.Out);
        Assert.Empty(EventFile.Parse(first.Out).Problems);
    }

    [Theory]
    [InlineData("conference", "--days", "15")]
    [InlineData("conference", "--rooms", "1")]
    [InlineData("fair", "--popularity", "-0.5")]
    [InlineData("fair", "--tables", "none")]
    public async Task Generate_rejects_an_impossible_size_with_exit_2(string kind, string option, string value)
    {
        var run = await CliRunner.Run("generate", kind, option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{option}: \"{value}\"", run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Out);
    }

    [Fact]
    public void Progress_line_shows_weight_bound_gap_idle_gaps_and_elapsed()
    {
        var weightPhase = new SolveProgress(Duration.FromSeconds(3), SolvePhase.Weight, 90, 120, null, null);
        var gapsPhase = new SolveProgress(Duration.FromSeconds(5), SolvePhase.IdleGaps, 120, 120, 7, 4);

        Assert.Equal("3.2 s: weight 90 / bound 120 (gap 25.0%) [weight]",
            SolveProgressReporter.Describe(weightPhase, TimeSpan.FromSeconds(3.24)));
        Assert.Equal("5.0 s: weight 120 / bound 120 (gap 0.0%), idle gaps 7 / bound 4 [idle gaps]",
            SolveProgressReporter.Describe(gapsPhase, TimeSpan.FromSeconds(5)));
        Assert.Equal("0.5 s: searching for a first schedule", SolveProgressReporter.Describe(null, TimeSpan.FromSeconds(0.5)));
    }

    [Fact]
    public void Plain_progress_writes_nothing_without_a_report_and_nothing_after_disposal()
    {
        using var error = new StringWriter();
        var reporter = new SolveProgressReporter(error, live: false);

        reporter.Dispose();
        reporter.Report(new SolveProgress(Duration.FromSeconds(1), SolvePhase.Weight, 1, 2, null, null));

        Assert.Equal("", error.ToString());
    }
}
