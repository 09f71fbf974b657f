using Scheduler.Engine.Domain;

namespace Scheduler.Engine.Checking;

/// <summary>
/// Checks a schedule against an event: every hard rule of contract v1 and v1.1's interpreters, nothing lost, no unknown ids, and the
/// schedule's totals recomputed. Written from the contract's words alone and sharing no code with the solver,
/// so it is the independent check of whatever the solver (or a person) produced.
/// </summary>
public static class ScheduleValidator
{
    /// <summary>
    /// Checks <paramref name="schedule"/> against <paramref name="ev"/> and reports every violation found.
    /// Never throws for a bad schedule: each problem is a <see cref="Violation"/>. Runs in O(n log n) in the
    /// number of assignments (plus the event's size).
    /// </summary>
    /// <param name="ev">The event, as the reader built it (ids unique, references resolved).</param>
    /// <param name="schedule">The schedule to check; its meetings and rooms may name ids the event lacks.</param>
    /// <returns>The violations, in a deterministic order, and the recomputed weight and idle gaps.</returns>
    public static ValidationReport Check(Event ev, Schedule schedule) => Run(ev, schedule, null);

    /// <summary>
    /// Checks a replanned <paramref name="schedule"/> (contract v1.1): every rule of <see cref="Check"/>, and against
    /// <paramref name="previous"/>, the published schedule it was replanned from: frozen meetings kept exactly and
    /// nothing else before <c>replan.frozenUntil</c>, <c>changes</c> recounted from the two schedules, and
    /// <c>objectiveValue</c> recomputed from the event's costs. Never throws for a bad schedule.
    /// </summary>
    /// <param name="ev">The event as it is now.</param>
    /// <param name="previous">The published schedule (of an earlier version of the event).</param>
    /// <param name="schedule">The replanned schedule to check.</param>
    public static ValidationReport CheckReplan(Event ev, Schedule previous, Schedule schedule)
    {
        ArgumentNullException.ThrowIfNull(previous);
        return Run(ev, schedule, run => ReplanChecks.Check(run, previous));
    }

    private static ValidationReport Run(Event ev, Schedule schedule, Action<ValidationRun>? more)
    {
        ArgumentNullException.ThrowIfNull(ev);
        ArgumentNullException.ThrowIfNull(schedule);

        var run = new ValidationRun(ev, schedule);
        AppearanceChecks.Check(run);
        PlacementChecks.Check(run);
        ConflictChecks.Check(run);
        InterpreterChecks.Check(run);

        var weight = run.Placements.Sum(p => p.Meeting.Weight);
        var gaps = IdleGapCounter.Count(run);
        var totalGaps = gaps.Values.Sum();
        TotalChecks.Check(run, weight, gaps, totalGaps);
        more?.Invoke(run);

        return new ValidationReport(run.Violations(), weight, totalGaps, gaps);
    }
}
