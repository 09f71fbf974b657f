using Scheduler.Engine.Domain;
using static Scheduler.Tests.Solving.InfeasibleAndReasonTests;
using static Scheduler.Tests.Solving.RoomAndPeopleRuleTests;
using static Scheduler.Tests.Solving.Solver;

namespace Scheduler.Tests.Solving;

/// <summary>
/// Each reason code on an event where exactly that rule keeps a meeting out, solved and checked by the validator:
/// the code, and the ids that stand in the way.
/// </summary>
public sealed class ReasonsPerCodeTests
{
    [Fact]
    public void A_pin_off_the_grain_is_a_pin_conflict_with_no_blockers()
    {
        var ev = Morning().Room("r1").Meeting("ab", 30, ["a", "b"], m => m.Pin("2021-06-22T09:10")).Build();

        AssertWhy(SolveAndValidate(ev), "ab", ReasonCode.PinConflict);
    }

    [Fact]
    public void A_pinned_room_too_small_is_a_pin_conflict_that_names_the_room()
    {
        var ev = Morning().Room("r1").Room("tiny", capacity: 1)
            .Meeting("ab", 30, ["a", "b"], m => m.Pin("2021-06-22T09:00", "tiny"))
            .Build();

        AssertWhy(SolveAndValidate(ev), "ab", ReasonCode.PinConflict, "tiny");
    }

    [Fact]
    public void Two_pins_on_one_person_at_one_time_are_a_pin_conflict_that_names_the_pin_kept()
    {
        var ev = Morning().Room("r1").Room("r2")
            .Meeting("ab", 30, ["a", "b"], m => m.Pin("2021-06-22T09:00").Weight(5))
            .Meeting("ac", 30, ["a", "c"], m => m.Pin("2021-06-22T09:00").Weight(1))
            .Build();

        var s = SolveAndValidate(ev);

        Assert.Equal(["ab"], s.PlacedIds());
        AssertWhy(s, "ac", ReasonCode.PinConflict, "ab");
    }

    [Fact]
    public void A_meeting_longer_than_any_day_is_outside_the_days()
    {
        var ev = Morning().Room("r1").Meeting("ab", 60, ["a", "b"]).Build();

        AssertWhy(SolveAndValidate(ev), "ab", ReasonCode.OutsideDays);
    }

    [Fact]
    public void A_meeting_whose_windows_miss_the_days_is_outside_its_windows()
    {
        var ev = Morning().Room("r1")
            .Meeting("ab", 30, ["a", "b"], m => m.Window("2021-06-23T09:00", "2021-06-23T12:00"))
            .Build();

        AssertWhy(SolveAndValidate(ev), "ab", ReasonCode.OutsideWindows);
    }

    [Fact]
    public void A_meeting_whose_only_room_is_unavailable_names_the_room()
    {
        var ev = Morning("10:00")
            .Room("r1", unavailable: [("2021-06-22T09:00", "2021-06-22T10:00")])
            .Room("tiny", capacity: 1)
            .Meeting("ab", 30, ["a", "b"])
            .Build();

        AssertWhy(SolveAndValidate(ev), "ab", ReasonCode.RoomsUnavailable, "r1");
    }

    [Fact]
    public void A_participant_who_may_have_no_meeting_is_a_daily_limit()
    {
        var ev = Morning().Room("r1").Person("b", maxPerDay: 0).Meeting("ab", 30, ["a", "b"]).Build();

        AssertWhy(SolveAndValidate(ev), "ab", ReasonCode.DailyLimit, "b");
    }

    [Fact]
    public void A_daily_limit_reached_at_most_of_its_times_is_a_daily_limit_that_names_the_participant()
    {
        // Three slots; Anna may meet once. "ac" is kept from one slot by "ab" and from two by Anna's limit.
        var ev = Morning("10:30").Room("r1").Room("r2")
            .Person("a", maxPerDay: 1)
            .Meeting("ab", 30, ["a", "b"], m => m.Weight(10))
            .Meeting("ac", 30, ["a", "c"], m => m.Weight(1))
            .Build();

        var s = SolveAndValidate(ev);

        Assert.Equal(["ab"], s.PlacedIds());
        AssertWhy(s, "ac", ReasonCode.DailyLimit, "a");
    }

    [Fact]
    public void A_successor_whose_every_time_comes_too_early_is_an_after_order_that_names_the_predecessor()
    {
        // "first" is required and pinned to the last slot, so "second" could only start before it ends.
        var ev = Morning("10:00").Room("r1").Room("r2")
            .Meeting("first", 30, ["c", "d"], m => m.Pin("2021-06-22T09:30").Required())
            .Meeting("second", 30, ["a", "b"], m => m.After("first").Weight(10))
            .Build();

        var s = SolveAndValidate(ev);

        Assert.Equal(["first"], s.PlacedIds());
        AssertWhy(s, "second", ReasonCode.AfterOrder, "first");
    }

    [Fact]
    public void Every_unscheduled_meeting_of_a_crowded_morning_has_a_code()
    {
        var ev = Morning("10:00").Room("r1")
            .Person("e", busy: [("2021-06-22T09:00", "2021-06-22T10:00")])
            .Meeting("ab", 30, ["a", "b"], m => m.Weight(3))
            .Meeting("ac", 30, ["a", "c"], m => m.Weight(2))
            .Meeting("ad", 30, ["a", "d"], m => m.Weight(1))
            .Meeting("ae", 30, ["a", "e"])
            .Meeting("big", 30, ["b", "c"], m => m.Headcount(20))
            .Build();

        var s = SolveAndValidate(ev);

        Assert.Equal(3, s.Unscheduled.Length);
        Assert.All(s.Unscheduled, u => Assert.NotNull(u.Code));
        AssertWhy(s, "ae", ReasonCode.Busy, "e");
        AssertWhy(s, "big", ReasonCode.NoRoomFits);
        AssertWhy(s, "ad", ReasonCode.LostToHigherWeight, "ab", "ac");
    }
}
