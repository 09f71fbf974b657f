using NodaTime;
using Scheduler.Engine.Checking;
using Scheduler.Engine.Domain;
using Scheduler.Engine.Solving;

namespace Scheduler.Tests.Solving;

/// <summary>
/// Runs the solver the way every solver test should: one worker, seed 0, a short limit, and the output checked by
/// the independent validator, so no test trusts the solver's own word about validity or totals.
/// </summary>
internal static class Solver
{
    public static SolveOptions Options(int seconds = 10, int workers = 1) =>
        new() { TimeLimit = Duration.FromSeconds(seconds), Seed = 0, Workers = workers };

    /// <summary>Solves, asserts the validator accepts the schedule and agrees with its totals, and returns it.</summary>
    public static Schedule SolveAndValidate(Event ev, int seconds = 10, int workers = 1)
    {
        var schedule = MeetingScheduler.Solve(ev, Options(seconds, workers)).Schedule;
        AssertValid(ev, schedule);
        return schedule;
    }

    /// <summary>Asserts the validator finds no violation (other than those of <paramref name="tolerated"/>) and the same totals.</summary>
    public static ValidationReport AssertValid(Event ev, Schedule schedule, params string[] tolerated)
    {
        var report = ScheduleValidator.Check(ev, schedule);
        var violations = report.Violations.Where(v => !tolerated.Contains(v.Rule)).Select(v => v.ToString()).ToList();
        Assert.True(violations.Count == 0, "The validator rejects the solver's schedule:\n" + string.Join("\n", violations));
        Assert.Equal(report.ScheduledWeight, schedule.ScheduledWeight);
        Assert.Equal(report.IdleGaps, schedule.IdleGaps);
        Assert.Equal(ev.Meetings.Length, schedule.Assignments.Length + schedule.Unscheduled.Length);
        return report;
    }

    public static Assignment? Find(this Schedule schedule, string meeting) =>
        schedule.Assignments.SingleOrDefault(a => a.Meeting == meeting);

    public static bool Has(this Schedule schedule, string meeting) => schedule.Find(meeting) is not null;

    public static Assignment Placed(this Schedule schedule, string meeting) =>
        schedule.Find(meeting) ?? throw new Xunit.Sdk.XunitException($"\"{meeting}\" is not scheduled: {schedule.ReasonFor(meeting)}");

    public static string ReasonFor(this Schedule schedule, string meeting) =>
        schedule.Unscheduled.SingleOrDefault(u => u.Meeting == meeting)?.Reason
        ?? throw new Xunit.Sdk.XunitException($"\"{meeting}\" is not listed as unscheduled");

    /// <summary>The ids of the scheduled meetings, ordinal order.</summary>
    public static string[] PlacedIds(this Schedule schedule) =>
        [.. schedule.Assignments.Select(a => a.Meeting).Order(StringComparer.Ordinal)];

    /// <summary>Placements of a search as a schedule, every meeting left out named, for the validator.</summary>
    public static Schedule ScheduleOf(SchedulingProblem problem, IReadOnlyList<Scheduler.Engine.Solving.Placement> placements)
    {
        var ev = problem.Event;
        // Interpreters named exactly when some naming exists; a meeting none can be found for keeps none, which the
        // validator then reports, so a search that broke an interpreter rule fails the test.
        var (interpreters, _) = InterpreterAssignment.Assign(problem, placements);
        var assignments = ReadBack.WithInterpreters(ev, ReadBack.AssignRooms(ev, problem.Grid, problem.Pools, placements), interpreters);
        var placed = placements.Select(p => ev.Meetings[p.Meeting].Id).ToHashSet();
        return new Schedule(ev.Name, ScheduleStatus.Feasible, placements.Sum(p => ev.Meetings[p.Meeting].Weight), null,
            ReadBack.CountIdleGaps(ev, problem.Grid, problem.Meetings, placements), null, assignments,
            [.. ev.Meetings.Where(m => !placed.Contains(m.Id)).Select(m => new UnscheduledMeeting(m.Id, "left out"))]);
    }
}
