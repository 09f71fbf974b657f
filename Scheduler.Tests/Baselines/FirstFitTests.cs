using NodaTime;
using Scheduler.Engine.Baselines;
using Scheduler.Engine.Domain;
using Scheduler.Engine.Time;
using static Scheduler.Tests.Baselines.TinyEvent;

namespace Scheduler.Tests.Baselines;

public sealed class FirstFitTests
{
    private static FirstFitResult Run(TinyEvent e)
    {
        var ev = e.Build();
        return FirstFit.Run(ev, TimeGrid.Build(ev));
    }

    private static Assignment Placed(FirstFitResult r, string meeting) => r.Assignments.Single(a => a.Meeting == meeting);

    [Fact]
    public void Heavier_meeting_takes_the_earliest_slot()
    {
        var r = Run(new TinyEvent().Room("r").Meeting("light", ["a", "b"], weight: 5).Meeting("heavy", ["a", "c"], weight: 9));
        Assert.Equal(At(9), Placed(r, "heavy").Start);
        Assert.Equal(At(9, 30), Placed(r, "light").Start);
        Assert.Equal(14, r.ScheduledWeight);
    }

    [Fact]
    public void Required_meeting_goes_before_a_heavier_optional_one()
    {
        var r = Run(new TinyEvent().Room("r").Meeting("optional", ["a", "b"], weight: 9).Meeting("must", ["a", "c"], required: true));
        Assert.Equal(At(9), Placed(r, "must").Start);
    }

    [Fact]
    public void Equal_weights_favour_the_meeting_with_fewer_options()
    {
        // "narrow" can only happen at 09:00; placing "wide" first there would lose it.
        var r = Run(new TinyEvent().Room("r")
            .Meeting("wide", ["a", "b"])
            .Meeting("narrow", ["a", "c"], windows: [Between(9, 0, 9, 30)]));
        Assert.Equal(At(9), Placed(r, "narrow").Start);
        Assert.Empty(r.Unplaced);
    }

    [Fact]
    public void Smallest_fitting_room_is_chosen_by_capacity_then_id()
    {
        var r = Run(new TinyEvent().Room("big", 10).Room("z-mid", 6).Room("a-mid", 6).Room("small", 4)
            .Meeting("m", ["a", "b"], headcount: 5));
        Assert.Equal("a-mid", Placed(r, "m").Room);
    }

    [Fact]
    public void Room_must_offer_every_required_feature()
    {
        var r = Run(new TinyEvent().Room("plain", 4).Room("booth", 8, features: ["interpretation"]).Room("vault", 6, features: ["secure"])
            .Meeting("m", ["a", "b"], features: ["interpretation"]));
        Assert.Equal("booth", Placed(r, "m").Room);
    }

    [Fact]
    public void Unavailable_room_is_skipped_then()
    {
        var r = Run(new TinyEvent().Room("only", 4, unavailable: Between(9, 0, 10, 0)).Meeting("m", ["a", "b"]));
        Assert.Equal(At(10), Placed(r, "m").Start);
    }

    [Fact]
    public void Busy_and_availability_move_the_meeting()
    {
        var r = Run(new TinyEvent().Room("r")
            .Person("a", available: [Between(9, 30, 12, 0)])
            .Person("b", busy: [Between(9, 45, 10, 15)])
            .Meeting("m", ["a", "b"]));
        Assert.Equal(At(10, 30), Placed(r, "m").Start);
    }

    [Fact]
    public void Meeting_must_lie_inside_one_availability_interval_not_across_two()
    {
        var r = Run(new TinyEvent().Room("r")
            .Person("a", available: [Between(9, 0, 9, 30), Between(9, 30, 10, 0), Between(10, 0, 11, 0)])
            .Meeting("m", ["a", "b"], minutes: 60));
        Assert.Equal(At(10), Placed(r, "m").Start);
    }

    [Fact]
    public void No_meeting_runs_across_a_break()
    {
        var r = Run(new TinyEvent().Break(10, 0, 10, 30).Room("r")
            .Meeting("first", ["a", "b"], weight: 2, minutes: 60)
            .Meeting("second", ["a", "c"], minutes: 60));
        Assert.Equal(At(9), Placed(r, "first").Start);
        Assert.Equal(At(10, 30), Placed(r, "second").Start);
    }

    [Fact]
    public void Pinned_meeting_keeps_its_time_and_room_and_goes_first()
    {
        var r = Run(new TinyEvent().Room("small", 2).Room("salon", 8)
            .Meeting("heavy", ["a", "b"], weight: 10)
            .Meeting("pinned", ["a", "c"], pin: new MeetingPin(At(9), "salon")));
        Assert.Equal(new Assignment("pinned", "salon", At(9), At(9, 30)), Placed(r, "pinned"));
        Assert.Equal(At(9, 30), Placed(r, "heavy").Start);
    }

    [Fact]
    public void Pin_off_the_grain_leaves_the_meeting_unplaced()
    {
        var r = Run(new TinyEvent().Room("r").Meeting("m", ["a", "b"], pin: new MeetingPin(At(9, 10), null)));
        Assert.Equal(["m"], r.Unplaced.ToArray());
        Assert.Empty(r.Assignments);
    }

    [Fact]
    public void Successor_starts_after_its_predecessor_even_when_heavier()
    {
        var r = Run(new TinyEvent().Room("r").Room("s")
            .Meeting("follow-up", ["c", "d"], weight: 9, after: ["intro"])
            .Meeting("intro", ["a", "b"], weight: 1, minutes: 60));
        Assert.Equal(At(9), Placed(r, "intro").Start);
        Assert.Equal(At(10), Placed(r, "follow-up").Start);
    }

    [Fact]
    public void Predecessor_of_a_pinned_meeting_ends_before_the_pin()
    {
        var r = Run(new TinyEvent().Room("r").Room("s")
            .Person("a", busy: [Between(9, 0, 9, 30)])
            .Meeting("pinned", ["c", "d"], pin: new MeetingPin(At(10), null), after: ["before"])
            .Meeting("before", ["a", "b"]));
        Assert.Equal(At(9, 30), Placed(r, "before").Start);
        Assert.Equal(At(10), Placed(r, "pinned").Start);
    }

    [Fact]
    public void Predecessor_that_cannot_end_before_a_pinned_successor_is_left_out()
    {
        var r = Run(new TinyEvent().Room("r").Room("s")
            .Person("a", busy: [Between(9, 0, 10, 0)])
            .Meeting("pinned", ["c", "d"], pin: new MeetingPin(At(10), null), after: ["before"])
            .Meeting("before", ["a", "b"]));
        Assert.Equal(["before"], r.Unplaced.ToArray());
    }

    [Fact]
    public void Travel_time_separates_meetings_in_different_buildings()
    {
        var r = Run(new TinyEvent().Building("north").Building("south").Travel("north", "south", 30)
            .Room("n1", building: "north").Room("s1", building: "south")
            .Meeting("there", ["a", "b"], pin: new MeetingPin(At(9), "s1"))
            .Meeting("blocker", ["c", "d"], pin: new MeetingPin(At(9, 30), "s1"))
            .Meeting("here", ["a", "e"]));
        // "here" cannot use s1 at 09:30 (taken) and n1 at 09:30 leaves "a" no time to walk from the south.
        Assert.Equal(At(10), Placed(r, "here").Start);
        Assert.Equal("n1", Placed(r, "here").Room);
    }

    [Fact]
    public void Same_building_needs_no_travel_time()
    {
        var r = Run(new TinyEvent().Building("north").Building("south").Travel("north", "south", 30)
            .Room("n1", building: "north").Room("n2", building: "north")
            .Meeting("first", ["a", "b"], pin: new MeetingPin(At(9), "n1"))
            .Meeting("second", ["a", "c"]));
        Assert.Equal(new Assignment("second", "n1", At(9, 30), At(10)), Placed(r, "second"));
    }

    [Fact]
    public void Daily_cap_pushes_the_second_meeting_to_the_next_day()
    {
        var r = Run(new TinyEvent().Days(2).Room("r")
            .Person("a", maxPerDay: 1)
            .Meeting("one", ["a", "b"], weight: 2)
            .Meeting("two", ["a", "c"]));
        Assert.Equal(At(9), Placed(r, "one").Start);
        Assert.Equal(At(9, day: 1), Placed(r, "two").Start);
    }

    [Fact]
    public void Meeting_that_fits_nowhere_is_unplaced_and_weighs_nothing()
    {
        var r = Run(new TinyEvent().Room("r", 2).Meeting("crowd", ["a", "b", "c"], weight: 7).Meeting("pair", ["a", "b"], weight: 3));
        Assert.Equal(["crowd"], r.Unplaced.ToArray());
        Assert.Equal(3, r.ScheduledWeight);
    }

    [Fact]
    public void Room_is_never_double_booked()
    {
        var r = Run(new TinyEvent().Room("r").Meeting("x", ["a", "b"]).Meeting("y", ["c", "d"]));
        Assert.Equal([At(9), At(9, 30)], r.Assignments.Select(a => a.Start).Order().ToArray());
    }

    [Fact]
    public void Assignments_come_ordered_by_start_then_room_then_meeting()
    {
        var r = Run(new TinyEvent().Room("b").Room("a").Meeting("m2", ["a", "b"]).Meeting("m1", ["c", "d"]).Meeting("m3", ["a", "c"]));
        Assert.Equal(["m1", "m2", "m3"], r.Assignments.Select(a => a.Meeting).ToArray());
        Assert.Equal(["a", "b", "a"], r.Assignments.Select(a => a.Room).ToArray());
    }

    [Fact]
    public void End_is_start_plus_duration()
    {
        var r = Run(new TinyEvent().Room("r").Meeting("m", ["a", "b"], minutes: 90));
        Assert.Equal(Duration.FromMinutes(90), Placed(r, "m").End - Placed(r, "m").Start);
    }
}
