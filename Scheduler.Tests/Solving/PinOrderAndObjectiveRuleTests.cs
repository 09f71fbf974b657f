using Scheduler.Engine.Domain;
using static Scheduler.Tests.Solving.RoomAndPeopleRuleTests;
using static Scheduler.Tests.Solving.Solver;

namespace Scheduler.Tests.Solving;

/// <summary>Pins, <c>after</c>, required meetings and the idle-gap spread cap, each where breaking it would pay.</summary>
public sealed class PinOrderAndObjectiveRuleTests
{
    [Fact]
    public void A_pinned_meeting_keeps_its_time_even_when_moving_it_would_fit_another()
    {
        var b = Morning("10:00").Room("r1").Room("r2");
        var ev = b
            .Meeting("pinned", 30, ["a", "b"], m => m.Weight(5).Pin("2021-06-22T09:30"))
            .Meeting("late", 30, ["a", "c"], m => m.Weight(5).Window("2021-06-22T09:30", "2021-06-22T10:00"))
            .Build();

        var s = SolveAndValidate(ev);

        Assert.Single(s.Assignments);
        Assert.Equal(5, s.ScheduledWeight);
        Assert.Equal(b.At("2021-06-22T09:30"), s.Assignments[0].Start);
    }

    [Fact]
    public void A_pinned_meeting_is_held_at_its_pin()
    {
        var b = Morning("11:00").Room("r1").Room("r2");
        var ev = b.Meeting("pinned", 30, ["a", "b"], m => m.Pin("2021-06-22T10:00")).Build();

        var s = SolveAndValidate(ev);

        Assert.Equal(b.At("2021-06-22T10:00"), s.Placed("pinned").Start);
    }

    [Fact]
    public void A_meeting_pinned_to_a_room_keeps_that_room_even_when_another_would_fit_both()
    {
        var b = Morning().Room("r1").Room("r2", features: ["secure"]);
        var ev = b
            .Meeting("pinned", 30, ["a", "b"], m => m.Weight(5).Pin("2021-06-22T09:00", "r2"))
            .Meeting("secret", 30, ["c", "d"], m => m.Weight(5).Features("secure"))
            .Build();

        var s = SolveAndValidate(ev);

        Assert.Single(s.Assignments);
        Assert.Equal("r2", s.Assignments[0].Room);
    }

    [Fact]
    public void A_meeting_pinned_to_a_room_is_held_there()
    {
        var b = Morning("10:00").Room("r1").Room("r2").Room("r3");
        var ev = b.Meeting("pinned", 30, ["a", "b"], m => m.Pin("2021-06-22T09:30", "r2")).Build();

        var s = SolveAndValidate(ev);

        Assert.Equal("r2", s.Placed("pinned").Room);
        Assert.Equal(b.At("2021-06-22T09:30"), s.Placed("pinned").Start);
    }

    [Fact]
    public void A_successor_starts_after_its_predecessor_ends_even_at_a_cost()
    {
        // Without the order, "next" fits at 09:00 and all three are held; with it, "next" and "late" compete for 10:00.
        var b = Morning("10:30").Room("r1").Room("r2");
        var ev = b
            .Meeting("first", 30, ["a", "b"], m => m.Weight(10).Window("2021-06-22T09:30", "2021-06-22T10:00"))
            .Meeting("next", 30, ["c", "d"], m => m.Weight(10).After("first"))
            .Meeting("late", 30, ["c", "e"], m => m.Weight(10).Window("2021-06-22T10:00", "2021-06-22T10:30"))
            .Build();

        var s = SolveAndValidate(ev);

        Assert.Equal(20, s.ScheduledWeight);
        Assert.Equal(ScheduleStatus.Optimal, s.Status);
        if (s.Find("next") is { } next && s.Find("first") is { } first) Assert.True(next.Start >= first.End);
    }

    [Fact]
    public void A_successor_follows_a_predecessor_that_lasts_longer()
    {
        var b = Morning("11:00").Room("r1").Room("r2");
        var ev = b
            .Meeting("next", 30, ["c", "d"], m => m.Weight(10).After("first"))
            .Meeting("first", 60, ["a", "b"], m => m.Weight(10))
            .Build();

        var s = SolveAndValidate(ev);

        Assert.Equal(["first", "next"], s.PlacedIds());
        Assert.True(s.Placed("next").Start >= s.Placed("first").End);
    }

    [Fact]
    public void An_unscheduled_predecessor_binds_nothing()
    {
        var b = Morning("10:00").Room("r1", capacity: 4);
        var ev = b
            .Meeting("first", 30, ["a", "b"], m => m.Weight(10).Headcount(20))
            .Meeting("next", 30, ["c", "d"], m => m.Weight(10).After("first").Window("2021-06-22T09:00", "2021-06-22T09:30"))
            .Build();

        var s = SolveAndValidate(ev);

        Assert.Equal(["next"], s.PlacedIds());
        Assert.Equal(b.At("2021-06-22T09:00"), s.Placed("next").Start);
    }

    [Fact]
    public void A_required_meeting_is_held_even_against_more_weight()
    {
        var ev = Morning().Room("r1").Room("r2")
            .Meeting("must", 30, ["a", "b"], m => m.Required())
            .Meeting("rich1", 30, ["a", "c"], m => m.Weight(10))
            .Meeting("rich2", 30, ["b", "d"], m => m.Weight(10))
            .Build();

        var s = SolveAndValidate(ev);

        Assert.Equal(["must"], s.PlacedIds());
        Assert.Equal(ScheduleStatus.Optimal, s.Status);
        Assert.Equal(1, s.ScheduledWeight);
        Assert.Equal(1, s.WeightBound);
    }

    [Fact]
    public void The_idle_gap_spread_cap_outweighs_scheduled_weight()
    {
        // Both meetings are fixed by their windows: holding both gives "a" one idle gap and everyone else none.
        var b = Morning("10:30").Room("r1");
        var capped = b
            .Meeting("ab", 30, ["a", "b"], m => m.Weight(10).Window("2021-06-22T09:00", "2021-06-22T09:30"))
            .Meeting("ac", 30, ["a", "c"], m => m.Weight(10).Window("2021-06-22T10:00", "2021-06-22T10:30"));

        var free = SolveAndValidate(capped.Build());
        var s = SolveAndValidate(capped.Objective(maxIdleGapSpread: 0).Build());

        Assert.Equal(20, free.ScheduledWeight);
        Assert.Equal(1, free.IdleGaps);
        Assert.Equal(10, s.ScheduledWeight);
        Assert.Equal(0, s.IdleGaps);
        Assert.Equal(ScheduleStatus.Optimal, s.Status);
    }

    [Fact]
    public void Idle_gaps_are_minimised_once_the_weight_is_kept()
    {
        var b = Morning("11:00").Room("r1").Room("r2");
        var ev = b
            .Meeting("ab", 30, ["a", "b"], m => m.Weight(10).Window("2021-06-22T09:30", "2021-06-22T10:00"))
            .Meeting("ac", 30, ["a", "c"], m => m.Weight(10))
            .Meeting("cd", 30, ["c", "d"], m => m.Weight(10))
            .Build();

        var s = SolveAndValidate(ev);

        Assert.Equal(30, s.ScheduledWeight);
        Assert.Equal(0, s.IdleGaps);
        Assert.Equal(0, s.IdleGapsBound);
    }

    [Fact]
    public void A_break_between_two_meetings_is_no_idle_gap()
    {
        var ev = Morning("10:30").Break("Coffee", "09:30", "10:00").Room("r1")
            .Meeting("ab", 30, ["a", "b"], m => m.Window("2021-06-22T09:00", "2021-06-22T09:30"))
            .Meeting("ac", 30, ["a", "c"], m => m.Window("2021-06-22T10:00", "2021-06-22T10:30"))
            .Objective(maxIdleGapSpread: 0)
            .Build();

        var s = SolveAndValidate(ev);

        Assert.Equal(["ab", "ac"], s.PlacedIds());
        Assert.Equal(0, s.IdleGaps);
    }
}
