using Scheduler.Cli.Samples;
using Scheduler.Engine.Domain;
using Scheduler.Engine.Files;
using Scheduler.Engine.Solving;

namespace Scheduler.Cli.Infrastructure;

/// <summary>
/// Reads the user's files and reports every problem on stderr as <c>file: path: message</c>, so a user with
/// several files sees at once which one is wrong and where.
/// </summary>
internal static class InputFiles
{
    /// <summary>The event in <paramref name="path"/>, or null after reporting every problem.</summary>
    public static Event? LoadEvent(string path, TextWriter error) =>
        Report(path, MissingFile<Event>(path) ?? EventFile.Load(path), error);

    /// <summary>The embedded sample event, or null after reporting its problems (which would be a bug).</summary>
    public static Event? LoadSample(TextWriter error) =>
        Report(SampleEvent.FileName, EventFile.Parse(SampleEvent.Json), error);

    /// <summary>The schedule in <paramref name="path"/>, or null after reporting every problem.</summary>
    public static Schedule? LoadSchedule(string path, TextWriter error) =>
        Report(path, MissingFile<Schedule>(path) ?? ScheduleFile.Load(path), error);

    /// <summary>
    /// The published schedule in <paramref name="path"/> checked against <paramref name="ev"/> for a replan, or null
    /// after reporting every problem. A file that is no schedule file (an event file given by mistake, say) is
    /// reported as such first, then with the reader's own problems.
    /// </summary>
    public static PublishedSchedule? LoadPrevious(string path, Event ev, TextWriter error)
    {
        var read = MissingFile<Schedule>(path) ?? ScheduleFile.Load(path);
        if (read.Value is not { } previous)
        {
            if (!read.Problems.All(p => p.Path is "$" or "")) error.WriteLine($"{path}: not a schedule file of contract v1 (--previous needs the schedule that was published):");
            WriteProblems(path, read.Problems, error);
            return null;
        }

        return Report(path, PublishedSchedule.Check(ev, previous), error);
    }

    /// <summary>Writes each problem as <c>file: path: message</c>.</summary>
    public static void WriteProblems(string file, IEnumerable<InputProblem> problems, TextWriter error)
    {
        foreach (var problem in problems)
        {
            // A problem with the whole document reads better without the root path "$".
            error.WriteLine(problem.Path is "$" or "" ? $"{file}: {problem.Message}" : $"{file}: {problem}");
        }
    }

    private static T? Report<T>(string file, ReadResult<T> result, TextWriter error) where T : class
    {
        WriteProblems(file, result.Problems, error);
        return result.Value;
    }

    // A plain sentence for the commonest mistake, whatever the reader would say about an exception.
    private static ReadResult<T>? MissingFile<T>(string path) where T : class
    {
        if (Directory.Exists(path)) return ReadResult<T>.Failure([new InputProblem("$", "is a directory, not a file")]);
        return File.Exists(path) ? null : ReadResult<T>.Failure([new InputProblem("$", "no such file")]);
    }
}
