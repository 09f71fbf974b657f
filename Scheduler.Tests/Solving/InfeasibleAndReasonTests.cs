using Scheduler.Engine.Checking;
using Scheduler.Engine.Domain;
using Scheduler.Engine.Solving;
using static Scheduler.Tests.Solving.RoomAndPeopleRuleTests;
using static Scheduler.Tests.Solving.Solver;

namespace Scheduler.Tests.Solving;

/// <summary>Required meetings that cannot all be held, and the reason given for every meeting left out.</summary>
public sealed class InfeasibleAndReasonTests
{
    /// <summary>The unscheduled entry of <paramref name="meeting"/>, which must have a code and a sentence.</summary>
    internal static UnscheduledMeeting Why(Schedule schedule, string meeting)
    {
        var u = schedule.Unscheduled.SingleOrDefault(u => u.Meeting == meeting)
            ?? throw new Xunit.Sdk.XunitException($"\"{meeting}\" is not listed as unscheduled");
        Assert.NotNull(u.Code);
        Assert.False(string.IsNullOrWhiteSpace(u.Reason));
        return u;
    }

    /// <summary>Asserts the code and the blockers (ordinal order) of <paramref name="meeting"/>.</summary>
    internal static void AssertWhy(Schedule schedule, string meeting, ReasonCode code, params string[] blockers)
    {
        var u = Why(schedule, meeting);
        Assert.Equal(code, u.Code);
        Assert.Equal(blockers, u.Blockers.ToArray());
    }

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
        var (held, lost) = s.Has("ab") ? ("ab", "ac") : ("ac", "ab");
        AssertWhy(s, lost, ReasonCode.LostToHigherWeight, held);
        Assert.StartsWith("required, but ", Why(s, lost).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_required_meeting_blocked_by_a_busy_period_is_infeasible_and_coded_busy()
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
        AssertWhy(s, "ab", ReasonCode.Busy, "b");
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
        var lost = Assert.Single(s.Unscheduled, u => ev.FindMeeting(u.Meeting)!.Required);
        Assert.Equal(ReasonCode.LostToHigherWeight, lost.Code);
        // Whoever holds the lost one's participants blocks it: "ab" holds a from "ac"; "ac" and "bd" hold a and b from "ab".
        Assert.Equal(s.Has("ab") ? ["ab"] : ["ac", "bd"], lost.Blockers.ToArray());
    }

    [Fact]
    public void A_meeting_no_room_seats_is_coded_no_room_fits_with_no_blockers()
    {
        var ev = Morning().Room("r1", capacity: 10).Room("r2", capacity: 6)
            .Meeting("big", 30, ["a", "b"], m => m.Headcount(12))
            .Build();

        var s = SolveAndValidate(ev);

        AssertWhy(s, "big", ReasonCode.NoRoomFits);
    }

    [Fact]
    public void A_meeting_whose_participant_is_not_there_is_coded_outside_availability_and_names_them()
    {
        var ev = Morning("12:00").Room("r1")
            .Person("b", name: "Bea", available: [("2021-06-23T09:00", "2021-06-23T12:00")])
            .Meeting("ab", 30, ["a", "b"])
            .Build();

        var s = SolveAndValidate(ev);

        AssertWhy(s, "ab", ReasonCode.OutsideAvailability, "b");
    }

    [Fact]
    public void A_meeting_blocked_by_a_busy_period_is_coded_busy_and_names_who_is_busy()
    {
        var ev = Morning("12:00").Room("r1")
            .Person("a", name: "Anna", busy: [("2021-06-22T09:00", "2021-06-22T11:45")])
            .Meeting("ab", 30, ["a", "b"])
            .Build();

        var s = SolveAndValidate(ev);

        AssertWhy(s, "ab", ReasonCode.Busy, "a");
    }

    [Fact]
    public void A_meeting_that_lost_out_is_coded_lost_to_higher_weight_and_names_the_rival()
    {
        var ev = Morning().Room("r1").Room("r2")
            .Person("a", name: "Anna")
            .Meeting("rich", 30, ["a", "b"], m => m.Title("Anna - Bea").Weight(10))
            .Meeting("poor", 30, ["a", "c"], m => m.Title("Anna - Carl").Weight(1))
            .Build();

        var s = SolveAndValidate(ev);

        Assert.Equal(["rich"], s.PlacedIds());
        AssertWhy(s, "poor", ReasonCode.LostToHigherWeight, "rich");
    }

    [Fact]
    public void A_meeting_that_lost_its_room_is_coded_rooms_full_and_names_the_room()
    {
        var ev = Morning().Room("r1")
            .Meeting("rich", 30, ["a", "b"], m => m.Weight(10))
            .Meeting("poor", 30, ["c", "d"], m => m.Weight(1))
            .Build();

        var s = SolveAndValidate(ev);

        AssertWhy(s, "poor", ReasonCode.RoomsFull, "r1");
    }
}
