using System.Collections.Immutable;
using Scheduler.Engine.Domain;

namespace Scheduler.Engine.Solving;

/// <summary>
/// What a replan adds to the assembled schedule: its changes against the published schedule, each assignment's
/// iCalendar sequence, and the replanning objective's value and bound.
/// </summary>
internal static class ReplanAssembly
{
    /// <summary>The result of a replan of <paramref name="previous"/> that ended in <paramref name="summary"/>.</summary>
    public static SolveResult Finish(SolveResult result, SchedulingProblem problem, SolveSummary summary, PublishedSchedule previous)
    {
        var schedule = result.Schedule;
        var changes = ScheduleChanges.Between(previous.Event, previous.Previous, schedule);
        var was = previous.Published.ToDictionary(a => a.Meeting, StringComparer.Ordinal);
        var changed = changes.Moved.Concat(changes.RoomChanged).Select(c => c.Meeting).ToHashSet(StringComparer.Ordinal);
        // A calendar client updates an invitation only when its SEQUENCE rises; a kept meeting keeps its number.
        var assignments = schedule.Assignments.Select(a => was.TryGetValue(a.Meeting, out var before)
            ? a with { Sequence = before.Sequence + (changed.Contains(a.Meeting) ? 1 : 0) }
            : a).ToImmutableArray();
        long value = ReplanObjective.ValueOf(schedule.ScheduledWeight, changes, previous.Settings);
        long bound = Math.Max(value, summary.ObjectiveBound ?? ReplanObjective.CeilingOf(problem, previous));
        return result with
        {
            Schedule = schedule with
            {
                Assignments = assignments,
                Changes = changes,
                ObjectiveValue = value / 100m,
                ObjectiveBound = bound / 100m,
            },
        };
    }
}
