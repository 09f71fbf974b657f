using System.Diagnostics;
using System.Globalization;
using Scheduler.Cli.Infrastructure;
using Scheduler.Cli.Rendering;
using Scheduler.Engine.Domain;
using Scheduler.Engine.Files;
using Scheduler.Engine.Solving;

namespace Scheduler.Cli.Commands;

/// <summary>Where a solve's schedule goes.</summary>
internal enum SolveOutput
{
    /// <summary>Schedule JSON on stdout, nothing else there.</summary>
    JsonToStdout,

    /// <summary>A readable timetable on stdout.</summary>
    Timetable,

    /// <summary>A schedule file, written atomically, and a short summary on stdout.</summary>
    File,
}

/// <summary>Runs the solver with progress on stderr and writes the schedule where the user asked.</summary>
internal static class SolveRunner
{
    /// <summary>
    /// Solves <paramref name="ev"/> and writes the schedule. Returns 0 for a valid schedule of the required
    /// meetings, 1 when the status is infeasible or unknown (the schedule is still written).
    /// </summary>
    public static async Task<int> RunAsync(
        Event ev, SolveOptions options, SolveOutput output, string? outputPath, CliConsole console, CancellationToken ct)
    {
        if (output == SolveOutput.File && AtomicFile.ProblemWriting(outputPath!) is { } problem)
        {
            console.Error.WriteLine(problem);
            return ExitCodes.BadInput;
        }

        var clock = Stopwatch.StartNew();
        SolveResult result;
        using (var reporter = new SolveProgressReporter(console.Error, live: console.ErrorIsTerminal))
        {
            // The solver is synchronous and CPU-bound; a worker thread keeps Ctrl-C responsive.
            result = await Task.Run(() => MeetingScheduler.Solve(ev, options, reporter, ct), CancellationToken.None)
                .ConfigureAwait(false);
        }

        var seconds = clock.Elapsed.TotalSeconds;
        var schedule = result.Schedule;
        var json = ScheduleFile.Write(schedule, ev);
        switch (output)
        {
            case SolveOutput.File:
                AtomicFile.WriteAllText(outputPath!, json);
                console.Out.WriteLine($"Wrote {outputPath}: {TimetableBuilder.Summary(ev, schedule)}");
                break;
            case SolveOutput.Timetable:
                var timetable = TimetableBuilder.Build(ev, schedule, TimetableFilter.None);
                if (console.OutIsTerminal) SpectreTimetableWriter.Write(timetable, console.Out);
                else console.Out.Write(PlainTimetableWriter.Render(timetable));
                break;
            default:
                console.Out.Write(json);
                if (!json.EndsWith('\n')) console.Out.WriteLine();
                break;
        }

        console.Out.Flush();
        if (ct.IsCancellationRequested) console.Error.WriteLine("Stopped early: the best schedule found so far was written.");
        if (result.Statistics.SafetyStopFired)
            console.Error.WriteLine("warning: the wall-clock safety stop ended the deterministic search early; this schedule may differ on another machine.");
        foreach (var line in ConflictLines(schedule)) console.Error.WriteLine(line);
        if (ChangesLine(schedule) is { } changes) console.Error.WriteLine(changes);
        console.Error.WriteLine(FinalLine(schedule, seconds));
        return schedule.Status is ScheduleStatus.Infeasible or ScheduleStatus.Unknown ? ExitCodes.Failure : ExitCodes.Success;
    }

    /// <summary>
    /// The conflicts, if any, one per line under a heading:
    /// <c>  1. un-mfa, osce-mfa [participant-overlap] Sergey Lavrov has 1 hour free on 22 June ...</c>.
    /// </summary>
    public static IEnumerable<string> ConflictLines(Schedule schedule)
    {
        if (schedule.Conflicts.IsDefaultOrEmpty) yield break;
        yield return schedule.Conflicts.Length == 1
            ? "These required meetings cannot all be held:"
            : "Required meetings that cannot all be held, in disjoint sets:";
        int n = 0;
        foreach (var c in schedule.Conflicts)
        {
            var unproven = c.Minimal ? "" : " (not proven minimal: a check ran out of time)";
            yield return $"  {++n}. {string.Join(", ", c.Meetings)} [{c.Rule}] {c.Explanation}{unproven}";
        }
    }

    /// <summary>
    /// For a replan, the changes and the objective on one line:
    /// <c>changes: 270 kept, 3 moved, 1 room changed, 0 dropped, 2 added, 1 withdrawn; objective 118.5 / bound 118.5</c>.
    /// </summary>
    public static string? ChangesLine(Schedule schedule)
    {
        if (schedule.Changes is not { } c) return null;
        var line = $"changes: {c.Kept} kept, {c.Moved.Length} moved, {c.RoomChanged.Length} room changed, {c.Dropped.Length} dropped, "
            + $"{c.Added.Length} added, {c.Withdrawn.Length} withdrawn";
        if (schedule.ObjectiveValue is { } value)
            line += string.Create(CultureInfo.InvariantCulture, $"; objective {value:0.##} / bound {schedule.ObjectiveBound ?? value:0.##}");
        return line;
    }

    /// <summary>The closing line on stderr: <c>optimal: weight 12 / bound 12, idle gaps 1 / bound 1, 0.4 s</c>.</summary>
    public static string FinalLine(Schedule schedule, double seconds)
    {
        var line = $"{TimetableBuilder.StatusWord(schedule.Status)}: weight {schedule.ScheduledWeight}";
        line += schedule.WeightBound is { } bound ? $" / bound {bound}" : " / bound unknown";
        line += $", idle gaps {schedule.IdleGaps}";
        if (schedule.IdleGapsBound is { } gapBound) line += $" / bound {gapBound}";
        return line + string.Create(CultureInfo.InvariantCulture, $", {seconds:0.0} s");
    }
}
