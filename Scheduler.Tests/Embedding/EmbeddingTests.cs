using System.Text;
using Scheduler.Engine.Checking;
using Scheduler.Engine.Domain;
using Scheduler.Engine.Files;
using Scheduler.Engine.Solving;
using Scheduler.Tests.Cli;

namespace Scheduler.Tests.Embedding;

/// <summary>The embedding examples run, and README.md shows exactly their code.</summary>
public sealed class EmbeddingTests
{
    private const string Doc = "README.md";

    [Fact]
    public void Solve_example_writes_a_schedule_the_validator_accepts()
    {
        using var folder = new TempFolder();
        var eventPath = folder.Write("event.json", TinyEvent.EventJson);
        var schedulePath = folder.File("schedule.json");
        using var log = new StringWriter();

        var code = ReadmeExample.SolveEventFile(eventPath, schedulePath, log, CancellationToken.None);

        Assert.Equal(0, code);
        var schedule = ScheduleFile.Load(schedulePath).Value!;
        Assert.True(ScheduleValidator.Check(EventFile.Load(eventPath).Value!, schedule).IsValid);
        Assert.Contains("Optimal: weight 8, 1 meetings unscheduled", log.ToString(), StringComparison.Ordinal);
        Assert.Contains("\n  un-rs: ", log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Solve_example_cancelled_before_it_starts_still_writes_a_valid_schedule()
    {
        using var folder = new TempFolder();
        var eventPath = folder.Write("event.json", TinyEvent.EventJson);
        var schedulePath = folder.File("schedule.json");
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        var code = ReadmeExample.SolveEventFile(eventPath, schedulePath, TextWriter.Null, cancelled.Token);

        Assert.InRange(code, 0, 1);
        Assert.True(ScheduleValidator.Check(EventFile.Load(eventPath).Value!, ScheduleFile.Load(schedulePath).Value!).IsValid);
    }

    [Fact]
    public void Solve_example_lists_the_problems_of_a_bad_file_and_writes_nothing()
    {
        using var folder = new TempFolder();
        var eventPath = folder.Write("event.json", TinyEvent.EventWithUnknownParticipant);
        var schedulePath = folder.File("schedule.json");
        using var log = new StringWriter();

        Assert.Equal(2, ReadmeExample.SolveEventFile(eventPath, schedulePath, log, CancellationToken.None));
        Assert.Contains("meetings[1].participants[1]: no participant \"shoigu2\"", log.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(schedulePath));
    }

    [Fact]
    public void Event_built_in_code_is_checked_and_solves()
    {
        using var log = new StringWriter();
        var ev = ReadmeExample.BuildEvent(log);

        Assert.NotNull(ev);
        Assert.Equal("", log.ToString());
        var result = MeetingScheduler.Solve(ev, new SolveOptions { TimeLimit = NodaTime.Duration.FromSeconds(10), Workers = 1 });
        Assert.True(ScheduleValidator.Check(ev, result.Schedule).IsValid);
        Assert.Equal(ScheduleStatus.Optimal, result.Schedule.Status);
        var placed = Assert.Single(result.Schedule.Assignments);
        // Lacroix is busy until 11:00.
        Assert.Equal(new NodaTime.LocalDateTime(2021, 6, 22, 11, 0).InZoneStrictly(ev.Zone).ToInstant(), placed.Start);
    }

    [Fact]
    public void Embedding_doc_shows_the_example_code_verbatim()
    {
        var root = RepositoryRoot();
        var regions = Regions(File.ReadAllText(Path.Combine(root, "Scheduler.Tests", "Embedding", "ReadmeExample.cs")));
        var blocks = CsharpBlocks(File.ReadAllText(Path.Combine(root, Doc)));

        Assert.Equal(["usings", "solve", "create"], regions.Select(r => r.Name));
        Assert.Equal(regions.Count, blocks.Count);
        for (var i = 0; i < blocks.Count; i++)
        {
            Assert.True(regions[i].Code == blocks[i], $"{Doc}, csharp block {i + 1}, differs from the region \"{regions[i].Name}\" of ReadmeExample.cs; copy it over:\n{regions[i].Code}");
        }
    }

    /// <summary>The marked regions of a source file, each without the indent its lines share.</summary>
    private static List<(string Name, string Code)> Regions(string source)
    {
        var regions = new List<(string, string)>();
        var lines = source.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var begin = lines[i].Trim();
            if (!begin.StartsWith("// README: begin ", StringComparison.Ordinal)) continue;
            var name = begin["// README: begin ".Length..];
            var end = Array.FindIndex(lines, i + 1, l => l.Trim() == $"// README: end {name}");
            Assert.True(end > i, $"region \"{name}\" has no end marker");
            var body = lines[(i + 1)..end];
            var indent = body.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
            regions.Add((name, string.Join("\n", body.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart()))));
            i = end;
        }

        return regions;
    }

    /// <summary>The contents of the <c>```csharp</c> blocks of a Markdown text.</summary>
    private static List<string> CsharpBlocks(string markdown)
    {
        var blocks = new List<string>();
        var lines = markdown.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim() != "```csharp") continue;
            var end = Array.FindIndex(lines, i + 1, l => l.Trim() == "```");
            Assert.True(end > i, "a csharp block is not closed");
            blocks.Add(string.Join("\n", lines[(i + 1)..end]));
            i = end;
        }

        return blocks;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Scheduler.sln"))) return dir.FullName;
        }

        throw new InvalidOperationException($"No Scheduler.sln above {AppContext.BaseDirectory}.");
    }
}
