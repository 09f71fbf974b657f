using Scheduler.Engine.Checking;
using Scheduler.Engine.Domain;
using Scheduler.Engine.Solving;
using static Scheduler.Tests.Solving.RoomAndPeopleRuleTests;
using static Scheduler.Tests.Solving.Solver;

namespace Scheduler.Tests.Solving;

/// <summary>Required meetings that cannot all be held, and the reason given for every meeting left out.</summary>
public sealed class InfeasibleAndReasonTests
{
    private static Schedule SolveInfeasible(Event ev)
    {
        var s = MeetingScheduler.Solve(ev, Options()).Schedule;
        var report = AssertValid(ev, s, ValidationRules.Required);
        Assert.Equal(ScheduleStatus.Infeasible, s.Status);
        Assert.NotEmpty(report.Violations);
        return s;
    }

    [Fact]
    public void Two_required_meetings_for_one_slot_are_infeasible_and_the_rest_is_still_scheduled()
    {
        var ev = Morning().Room("r1").Room("r2")
            .Person("a", name: "Anna")
            .Meeting("ab", 30, ["a", "b"], m => m.Title("Anna - Bea").Required())
            .Meeting("ac", 30, ["a", "c"], m => m.Title("Anna - Carl").Required())
            .Meeting("de", 30, ["d", "e"], m => m.Weight(5))
            .Build();

        var s = SolveInfeasible(ev);

        Assert.Contains("de", s.PlacedIds());
        Assert.Single(s.Assignments, a => a.Meeting is "ab" or "ac");
        var (held, lost) = s.Has("ab") ? ("Anna - Bea", "ac") : ("Anna - Carl", "ab");
        var reason = s.ReasonFor(lost);
        Assert.StartsWith("required", reason);
        Assert.Contains("Anna", reason);
        Assert.Contains(held, reason);
    }

    [Fact]
    public void A_required_meeting_blocked_by_a_busy_period_is_infeasible_and_named_with_the_cause()
    {
        var ev = Morning("10:00").Room("r1")
            .Person("b", name: "Bea", busy: [("2021-06-22T08:00", "2021-06-22T12:00")])
            .Meeting("ab", 30, ["a", "b"], m => m.Required())
            .Meeting("cd", 30, ["c", "d"], m => m.Weight(3))
            .Meeting("ce", 30, ["c", "e"], m => m.Weight(4))
            .Build();

        var s = SolveInfeasible(ev);

        Assert.Equal(["cd", "ce"], s.PlacedIds());
        Assert.Equal(7, s.ScheduledWeight);
        var reason = s.ReasonFor("ab");
        Assert.StartsWith("required", reason);
        Assert.Contains("Bea is busy 2021-06-22 08:00–12:00", reason);
    }

    [Fact]
    public void The_largest_valid_part_keeps_as_many_required_meetings_as_possible()
    {
        var ev = Morning().Room("r1").Room("r2")
            .Meeting("ab", 30, ["a", "b"], m => m.Required())
            .Meeting("ac", 30, ["a", "c"], m => m.Required())
            .Meeting("bd", 30, ["b", "d"], m => m.Weight(100))
            .Build();

        var s = SolveInfeasible(ev);

        Assert.Contains(s.Assignments, a => a.Meeting is "ab" or "ac");
        Assert.Single(s.Unscheduled, u => u.Reason.StartsWith("required", StringComparison.Ordinal));
    }

    [Fact]
    public void A_meeting_no_room_seats_says_so()
    {
        var ev = Morning().Room("r1", capacity: 10).Room("r2", capacity: 6)
            .Meeting("big", 30, ["a", "b"], m => m.Headcount(12))
            .Build();

        var s = SolveAndValidate(ev);

        Assert.Equal("no room seats its 12 people (the largest seats 10)", s.ReasonFor("big"));
    }

    [Fact]
    public void A_meeting_whose_participant_is_not_there_names_them_and_their_availability()
    {
        var ev = Morning("12:00").Room("r1")
            .Person("b", name: "Bea", available: [("2021-06-23T09:00", "2021-06-23T12:00")])
            .Meeting("ab", 30, ["a", "b"])
            .Build();

        var s = SolveAndValidate(ev);

        var reason = s.ReasonFor("ab");
        Assert.Contains("Bea is available only 2021-06-23 09:00–12:00", reason);
    }

    [Fact]
    public void A_meeting_blocked_by_a_busy_period_names_who_is_busy_and_when()
    {
        var ev = Morning("12:00").Room("r1")
            .Person("a", name: "Anna", busy: [("2021-06-22T09:00", "2021-06-22T11:45")])
            .Meeting("ab", 30, ["a", "b"])
            .Build();

        var s = SolveAndValidate(ev);

        Assert.Contains("Anna is busy 2021-06-22 09:00–11:45", s.ReasonFor("ab"));
    }

    [Fact]
    public void A_meeting_that_lost_out_names_the_higher_weight_rival()
    {
        var ev = Morning().Room("r1").Room("r2")
            .Person("a", name: "Anna")
            .Meeting("rich", 30, ["a", "b"], m => m.Title("Anna - Bea").Weight(10))
            .Meeting("poor", 30, ["a", "c"], m => m.Title("Anna - Carl").Weight(1))
            .Build();

        var s = SolveAndValidate(ev);

        Assert.Equal(["rich"], s.PlacedIds());
        var reason = s.ReasonFor("poor");
        Assert.StartsWith("lost out (weight 1)", reason);
        Assert.Contains("Anna's meetings \"Anna - Bea\"", reason);
    }

    [Fact]
    public void A_meeting_that_lost_its_room_says_the_rooms_were_booked()
    {
        var ev = Morning().Room("r1")
            .Meeting("rich", 30, ["a", "b"], m => m.Weight(10))
            .Meeting("poor", 30, ["c", "d"], m => m.Weight(1))
            .Build();

        var s = SolveAndValidate(ev);

        Assert.Contains("every suitable room is booked", s.ReasonFor("poor"));
    }
}
