using Scheduler.Engine.Domain;
using Scheduler.Engine.Files;
using Scheduler.Engine.Solving;

namespace Scheduler.Cli.Service;

/// <summary>
/// The one place the service meets replanning (contract v1.1, <c>previous</c> in <c>POST /v1/solve</c>): the previous
/// schedule is read with the schedule file reader and checked against the event as <c>scheduler solve --previous</c>
/// checks it, every problem named under <c>previous</c> (<c>previous.assignments[3]</c>).
/// </summary>
internal static class Replanning
{
    /// <summary>
    /// The published schedule in <paramref name="text"/> checked against <paramref name="ev"/> (null when the event
    /// itself could not be read: then only the schedule's own problems are reported); null with problems added otherwise.
    /// </summary>
    public static PublishedSchedule? Read(string text, Event? ev, List<InputProblem> problems)
    {
        var read = ScheduleFile.Parse(text);
        if (read.Value is not { } previous)
        {
            problems.AddRange(read.Problems.Select(p => Prefixed(p)));
            return null;
        }

        if (ev is null) return null;
        var check = PublishedSchedule.Check(ev, previous);
        problems.AddRange(check.Problems.Select(p => Prefixed(p)));
        return check.Value;
    }

    private static InputProblem Prefixed(InputProblem p) =>
        p with { Path = p.Path is "$" or "" ? "previous" : p.Path.StartsWith('[') ? "previous" + p.Path : "previous." + p.Path };
}
