using Scheduler.Engine.Domain;
using Scheduler.Tests.Checking;
using static Scheduler.Tests.Solving.Solver;

namespace Scheduler.Tests.Solving;

/// <summary>
/// The rules about who and where, each on an event where breaking the rule would schedule more weight: the solver
/// keeps the rule and gives the weight up.
/// </summary>
public sealed class RoomAndPeopleRuleTests
{
    /// <summary>Moscow, 30-minute grain, one day opening 09:00 until <paramref name="close"/>.</summary>
    internal static TestEvent Morning(string close = "09:30") =>
        new TestEvent("Europe/Moscow", 30).Day("2021-06-22", "09:00", close);

    [Fact]
    public void A_participant_is_never_in_two_meetings_at_once()
    {
        var ev = Morning().Room("r1").Room("r2")
            .Meeting("ab", 30, ["a", "b"], m => m.Weight(10))
            .Meeting("ac", 30, ["a", "c"], m => m.Weight(10))
            .Build();

        var s = SolveAndValidate(ev);

        Assert.Single(s.Assignments);
        Assert.Equal(10, s.ScheduledWeight);
        Assert.Equal(ScheduleStatus.Optimal, s.Status);
        Assert.Equal(10, s.WeightBound);
    }

    [Fact]
    public void A_room_never_holds_two_meetings_at_once()
    {
        var ev = Morning().Room("r1")
            .Meeting("ab", 30, ["a", "b"], m => m.Weight(10))
            .Meeting("cd", 30, ["c", "d"], m => m.Weight(10))
            .Build();

        var s = SolveAndValidate(ev);

        Assert.Single(s.Assignments);
        Assert.Equal(10, s.ScheduledWeight);
    }

    [Fact]
    public void Separate_people_in_separate_rooms_meet_at_once()
    {
        var ev = Morning().Room("r1").Room("r2")
            .Meeting("ab", 30, ["a", "b"], m => m.Weight(10))
            .Meeting("cd", 30, ["c", "d"], m => m.Weight(10))
            .Build();

        var s = SolveAndValidate(ev);

        Assert.Equal(["ab", "cd"], s.PlacedIds());
        Assert.NotEqual(s.Placed("ab").Room, s.Placed("cd").Room);
    }

    [Fact]
    public void The_big_meeting_takes_the_big_room_so_both_fit()
    {
        var ev = Morning().Room("small", capacity: 4).Room("big", capacity: 10)
            .Meeting("big-one", 30, ["a", "b"], m => m.Headcount(8))
            .Meeting("small-one", 30, ["c", "d"], m => m.Weight(10))
            .Build();

        var s = SolveAndValidate(ev);

        Assert.Equal("big", s.Placed("big-one").Room);
        Assert.Equal("small", s.Placed("small-one").Room);
    }

    [Fact]
    public void A_meeting_no_room_seats_is_left_out_whatever_its_weight()
    {
        var ev = Morning().Room("small", capacity: 4)
            .Meeting("big-one", 30, ["a", "b"], m => m.Headcount(8).Weight(100))
            .Meeting("small-one", 30, ["c", "d"])
            .Build();

        var s = SolveAndValidate(ev);

        Assert.Equal(["small-one"], s.PlacedIds());
        Assert.Contains("seats", s.ReasonFor("big-one"));
    }

    [Fact]
    public void A_meeting_needing_a_feature_gets_the_one_room_that_has_it()
    {
        var ev = Morning().Room("plain").Room("booth", features: ["interpretation"])
            .Meeting("plain-one", 30, ["a", "b"], m => m.Weight(10))
            .Meeting("interpreted", 30, ["c", "d"], m => m.Features("interpretation"))
            .Build();

        var s = SolveAndValidate(ev);

        Assert.Equal("booth", s.Placed("interpreted").Room);
        Assert.Equal("plain", s.Placed("plain-one").Room);
    }

    [Fact]
    public void Two_meetings_needing_the_one_featured_room_cannot_share_its_slot()
    {
        var ev = Morning().Room("plain").Room("booth", features: ["interpretation", "secure"])
            .Meeting("ab", 30, ["a", "b"], m => m.Features("interpretation").Weight(10))
            .Meeting("cd", 30, ["c", "d"], m => m.Features("secure").Weight(10))
            .Build();

        var s = SolveAndValidate(ev);

        Assert.Single(s.Assignments);
        Assert.Equal("booth", s.Assignments[0].Room);
    }

    [Fact]
    public void A_room_is_not_used_while_unavailable()
    {
        var b = Morning("10:00").Room("r1", unavailable: [("2021-06-22T09:00", "2021-06-22T09:30")]);
        var ev = b
            .Meeting("ab", 30, ["a", "b"], m => m.Weight(10))
            .Meeting("cd", 30, ["c", "d"], m => m.Weight(10))
            .Build();

        var s = SolveAndValidate(ev);

        Assert.Single(s.Assignments);
        Assert.Equal(b.At("2021-06-22T09:30"), s.Assignments[0].Start);
    }

    [Fact]
    public void A_participant_meets_no_more_than_their_daily_maximum()
    {
        var ev = Morning("11:00").Room("r1")
            .Person("a", maxPerDay: 2)
            .Meeting("ab", 30, ["a", "b"], m => m.Weight(10))
            .Meeting("ac", 30, ["a", "c"], m => m.Weight(10))
            .Meeting("ad", 30, ["a", "d"], m => m.Weight(10))
            .Build();

        var s = SolveAndValidate(ev);

        Assert.Equal(2, s.Assignments.Length);
        Assert.Equal(20, s.ScheduledWeight);
        Assert.Equal(ScheduleStatus.Optimal, s.Status);
    }

    [Fact]
    public void The_daily_maximum_counts_per_day()
    {
        var ev = Morning("10:00").Day("2021-06-23", "09:00", "10:00").Room("r1")
            .Person("a", maxPerDay: 1)
            .Meeting("ab", 30, ["a", "b"], m => m.Weight(10))
            .Meeting("ac", 30, ["a", "c"], m => m.Weight(10))
            .Build();

        var s = SolveAndValidate(ev);

        Assert.Equal(["ab", "ac"], s.PlacedIds());
        Assert.NotEqual(s.Placed("ab").Start.InZone(ev.Zone).Date, s.Placed("ac").Start.InZone(ev.Zone).Date);
    }

    /// <summary>Two buildings 30 minutes apart, a room in each, each room alone offering what one of the meetings needs.</summary>
    private static TestEvent TwoBuildings(string close) =>
        Morning(close).Building("congress").Building("hotel").Travel("congress", "hotel", 30)
            .Room("c1", building: "congress", features: ["x"])
            .Room("h1", building: "hotel", features: ["y"]);

    [Fact]
    public void Back_to_back_meetings_in_buildings_apart_cannot_both_be_held()
    {
        var ev = TwoBuildings("10:00")
            .Meeting("in-congress", 30, ["a", "b"], m => m.Features("x").Weight(10))
            .Meeting("in-hotel", 30, ["a", "c"], m => m.Features("y").Weight(10))
            .Build();

        var s = SolveAndValidate(ev);

        Assert.Single(s.Assignments);
        Assert.Equal(10, s.ScheduledWeight);
        Assert.Equal(ScheduleStatus.Optimal, s.Status);
    }

    [Fact]
    public void A_participant_gets_the_travel_time_between_buildings()
    {
        var ev = TwoBuildings("10:30")
            .Meeting("in-congress", 30, ["a", "b"], m => m.Features("x").Weight(10))
            .Meeting("in-hotel", 30, ["a", "c"], m => m.Features("y").Weight(10))
            .Build();

        var s = SolveAndValidate(ev);

        var (first, second) = s.Placed("in-congress").Start < s.Placed("in-hotel").Start
            ? (s.Placed("in-congress"), s.Placed("in-hotel"))
            : (s.Placed("in-hotel"), s.Placed("in-congress"));
        Assert.True(second.Start - first.End >= NodaTime.Duration.FromMinutes(30), $"{first} then {second}");
    }

    [Fact]
    public void Back_to_back_meetings_share_a_building_when_they_can()
    {
        var ev = Morning("10:00").Building("congress").Building("hotel").Travel("congress", "hotel", 30)
            .Room("c1", building: "congress").Room("c2", building: "congress").Room("h1", building: "hotel")
            .Room("h2", building: "hotel", features: ["y"])
            .Meeting("ab", 30, ["a", "b"], m => m.Weight(10))
            .Meeting("ac", 30, ["a", "c"], m => m.Weight(10))
            .Meeting("de", 30, ["d", "e"], m => m.Features("y").Weight(10))
            .Build();

        var s = SolveAndValidate(ev);

        Assert.Equal(30, s.ScheduledWeight);
        Assert.Equal(ev.FindRoom(s.Placed("ab").Room)!.Building, ev.FindRoom(s.Placed("ac").Room)!.Building);
    }
}
