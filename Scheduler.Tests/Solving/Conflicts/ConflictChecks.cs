using Scheduler.Engine.Checking;
using Scheduler.Engine.Domain;
using Scheduler.Engine.Solving;
using static Scheduler.Tests.Solving.Solver;

namespace Scheduler.Tests.Solving.Conflicts;

/// <summary>
/// Solves events whose required meetings cannot all be held, and proves a conflict minimal by solving: the event with
/// only the conflict's meetings required cannot be held, and with any one of them made optional it can.
/// </summary>
internal static class ConflictChecks
{
    /// <summary>Solves <paramref name="ev"/>, expects it infeasible with conflicts, checks the schedule with the validator.</summary>
    public static Schedule SolveInfeasible(Event ev, int seconds = 10)
    {
        var schedule = MeetingScheduler.Solve(ev, Options(seconds)).Schedule;
        AssertValid(ev, schedule, ValidationRules.Required);
        Assert.Equal(ScheduleStatus.Infeasible, schedule.Status);
        Assert.NotEmpty(schedule.Conflicts);
        return schedule;
    }

    /// <summary>
    /// The event with exactly <paramref name="required"/> required; every other meeting optional, or left out when
    /// <paramref name="onlyThese"/> (which keeps large events quick: optional meetings can always stay unscheduled).
    /// </summary>
    public static Event RequiringOnly(Event ev, IEnumerable<string> required, bool onlyThese = false)
    {
        var set = required.ToHashSet(StringComparer.Ordinal);
        var meetings = ev.Meetings.Where(m => !onlyThese || set.Contains(m.Id))
            .Select(m => m with { Required = set.Contains(m.Id), After = onlyThese ? [.. m.After.Where(set.Contains)] : m.After });
        return new Event(ev.Name, ev.Zone, ev.Grain, ev.Days, ev.Breaks, ev.Buildings, ev.TravelTimes, ev.Rooms,
            ev.Delegations, ev.Participants, [.. meetings], ev.Objective, ev.Interpreters);
    }

    /// <summary>
    /// Asserts by solving that the conflict's meetings cannot all be held and that dropping any one of them lets the
    /// rest be held: the schedule then holds every one of the rest, and the validator accepts it.
    /// </summary>
    public static void AssertMinimal(Event ev, Conflict conflict, int seconds = 10, bool onlyThese = false)
    {
        Assert.True(conflict.Minimal);
        var all = MeetingScheduler.Solve(RequiringOnly(ev, conflict.Meetings, onlyThese), Options(seconds)).Schedule;
        Assert.Equal(ScheduleStatus.Infeasible, all.Status);
        foreach (var dropped in conflict.Meetings)
        {
            var rest = conflict.Meetings.Where(m => m != dropped).ToList();
            var sub = RequiringOnly(ev, rest, onlyThese);
            var schedule = MeetingScheduler.Solve(sub, Options(seconds)).Schedule;
            AssertValid(sub, schedule);
            Assert.True(schedule.Status is ScheduleStatus.Optimal or ScheduleStatus.Feasible,
                $"Without \"{dropped}\" the rest of {string.Join(", ", conflict.Meetings)} should be schedulable; status {schedule.Status}");
            Assert.All(rest, id => Assert.True(schedule.Has(id), $"\"{id}\" is not held without \"{dropped}\""));
        }
    }
}
