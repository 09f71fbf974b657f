using Scheduler.Engine.Domain;
using Scheduler.Engine.Rules;
using Scheduler.Engine.Time;
using Scheduler.Tests.Checking;

namespace Scheduler.Tests.Rules;

/// <summary>
/// The rules about one meeting alone, each on an event where only that rule decides: which starts are allowed, and
/// which rule and which participants or rooms are named when none is.
/// </summary>
public sealed class PlacementRulesTests
{
    /// <summary>Moscow, 30-minute grain, 2021-06-22 09:00-11:00: slots 0-3 start at 09:00, 09:30, 10:00, 10:30.</summary>
    private static TestEvent TwoHours() => new TestEvent("Europe/Moscow", 30).Day("2021-06-22", "09:00", "11:00").Room("r1");

    private static PlacementRules Rules(Event ev) => new(ev, TimeGrid.Build(ev));

    private static int[] Starts(TestEvent e, string meeting = "ab")
    {
        var ev = e.Build();
        return [.. Rules(ev).AllowedStarts(Index(ev, meeting))];
    }

    private static int Index(Event ev, string meeting) => ev.Meetings.IndexOf(ev.FindMeeting(meeting)!);

    private static string[] People(PlacementRules rules, Hindrance h) => [.. h.Participants.Select(p => rules.Event.Participants[p].Id)];

    private static string[] Rooms(PlacementRules rules, Hindrance h) => [.. h.Rooms.Select(r => rules.Event.Rooms[r].Id)];

    [Fact]
    public void Every_slot_of_the_day_is_allowed_when_nothing_restricts_the_meeting() =>
        Assert.Equal([0, 1, 2, 3], Starts(TwoHours().Meeting("ab", 30, ["a", "b"])));

    [Fact]
    public void A_start_must_keep_the_meeting_inside_its_day_and_out_of_breaks() =>
        Assert.Equal([0], Starts(TwoHours().Break("Coffee", "10:00", "10:30").Meeting("ab", 60, ["a", "b"])));

    [Fact]
    public void A_start_must_keep_the_meeting_inside_one_window() =>
        Assert.Equal([1, 2], Starts(TwoHours().Meeting("ab", 30, ["a", "b"], m => m.Window("2021-06-22T09:30", "2021-06-22T10:30"))));

    [Fact]
    public void A_meeting_must_lie_inside_one_availability_interval_not_across_two() =>
        Assert.Equal([1], Starts(TwoHours()
            .Person("a", available: [("2021-06-22T09:00", "2021-06-22T09:30"), ("2021-06-22T09:30", "2021-06-22T10:30")])
            .Meeting("ab", 60, ["a", "b"])));

    [Fact]
    public void A_busy_period_rules_out_every_start_whose_meeting_it_touches() =>
        Assert.Equal([2, 3], Starts(TwoHours()
            .Person("b", busy: [("2021-06-22T09:15", "2021-06-22T09:45")])
            .Meeting("ab", 30, ["a", "b"])));

    [Fact]
    public void A_pinned_meeting_may_start_only_at_its_pin() =>
        Assert.Equal([2], Starts(TwoHours().Meeting("ab", 30, ["a", "b"], m => m.Pin("2021-06-22T10:00"))));

    [Fact]
    public void A_pin_off_the_grain_allows_no_start_and_is_named()
    {
        var ev = TwoHours().Meeting("ab", 30, ["a", "b"], m => m.Pin("2021-06-22T10:10")).Build();
        var rules = Rules(ev);

        Assert.Empty(rules.AllowedStarts(0));
        Assert.Equal(PlacementRule.PinnedStart, rules.WhyNever(0).Rule);
    }

    [Fact]
    public void A_participant_with_a_daily_limit_of_zero_allows_no_start_and_is_named()
    {
        var ev = TwoHours().Person("b", maxPerDay: 0).Meeting("ab", 30, ["a", "b"]).Build();
        var rules = Rules(ev);

        Assert.Empty(rules.AllowedStarts(0));
        var why = rules.WhyNever(0);
        Assert.Equal(PlacementRule.DailyLimitZero, why.Rule);
        Assert.Equal(["b"], People(rules, why));
    }

    [Fact]
    public void A_room_fits_when_it_is_the_pinned_one_seats_everyone_and_offers_every_feature()
    {
        var ev = TwoHours()
            .Room("small", capacity: 2, features: ["interpretation"])
            .Room("plain", capacity: 8)
            .Room("booth", capacity: 8, features: ["interpretation"])
            .Meeting("ab", 30, ["a", "b"], m => m.Headcount(4).Features("interpretation"))
            .Meeting("pinned", 30, ["a", "c"], m => m.Pin("2021-06-22T09:00", "plain"))
            .Build();
        var ab = ev.FindMeeting("ab")!;

        Assert.Equal(RoomFit.TooSmall, PlacementRules.Fit(ev.FindRoom("small")!, ab));
        Assert.Equal(RoomFit.LacksFeatures, PlacementRules.Fit(ev.FindRoom("plain")!, ab));
        Assert.Equal(RoomFit.Fits, PlacementRules.Fit(ev.FindRoom("booth")!, ab));
        Assert.Equal(RoomFit.NotThePinnedRoom, PlacementRules.Fit(ev.FindRoom("booth")!, ev.FindMeeting("pinned")!));
        Assert.Equal(RoomFit.Fits, PlacementRules.Fit(ev.FindRoom("plain")!, ev.FindMeeting("pinned")!));
    }

    [Fact]
    public void A_start_that_breaks_several_rules_is_stopped_by_the_first_and_names_who_breaks_it()
    {
        var ev = TwoHours()
            .Person("a", busy: [("2021-06-22T09:00", "2021-06-22T11:00")])
            .Person("b", available: [("2021-06-22T10:00", "2021-06-22T11:00")])
            .Meeting("ab", 30, ["a", "b"])
            .Build();
        var rules = Rules(ev);

        var at0900 = rules.Check(0, 0, [0]);
        var at1000 = rules.Check(0, 2, [0]);

        Assert.Equal(PlacementRule.Availability, at0900.Rule);
        Assert.Equal(["b"], People(rules, at0900));
        Assert.Equal(PlacementRule.Busy, at1000.Rule);
        Assert.Equal(["a"], People(rules, at1000));
    }

    [Fact]
    public void Every_participant_who_breaks_the_rule_at_a_start_is_named()
    {
        var ev = TwoHours()
            .Person("a", busy: [("2021-06-22T09:00", "2021-06-22T09:30")])
            .Person("b", busy: [("2021-06-22T09:00", "2021-06-22T09:30")])
            .Meeting("ab", 30, ["a", "b"])
            .Build();
        var rules = Rules(ev);

        var h = rules.Check(0, 0, [0]);

        Assert.Equal(PlacementRule.Busy, h.Rule);
        Assert.Equal(["a", "b"], People(rules, h));
    }

    [Fact]
    public void A_start_in_a_room_set_without_a_suitable_room_is_refused_for_the_room()
    {
        var ev = TwoHours().Room("tiny", capacity: 1).Meeting("ab", 30, ["a", "b"]).Build();
        var rules = Rules(ev);

        Assert.Equal(PlacementRule.NoSuitableRoom, rules.Check(0, 0, [rules.RoomIndex("tiny")]).Rule);
        Assert.True(rules.Check(0, 0, [rules.RoomIndex("tiny"), rules.RoomIndex("r1")]).Allows);
    }

    [Fact]
    public void A_start_other_than_the_pinned_one_is_refused_for_the_pin()
    {
        var ev = TwoHours().Meeting("ab", 30, ["a", "b"], m => m.Pin("2021-06-22T10:00")).Build();
        var rules = Rules(ev);

        Assert.Equal(PlacementRule.PinnedStart, rules.Check(0, 0, [0]).Rule);
        Assert.True(rules.Check(0, 2, [0]).Allows);
    }

    /// <summary>
    /// A meeting with no start is judged on the starts that keep the most rules, naming everyone who breaks the rule
    /// at one of them. First case: 09:00-10:00 break Anna's availability, 10:00-11:00 keep it and break Bea's busy
    /// period, so only Bea is named. Second: Anna is busy for one hour and Bea for the other, so both are.
    /// </summary>
    [Theory]
    [InlineData(false, new[] { "b" })]
    [InlineData(true, new[] { "a", "b" })]
    public void A_meeting_with_no_start_names_who_breaks_the_rule_its_best_starts_break(bool bothBusy, string[] named)
    {
        var e = TwoHours();
        e = bothBusy
            ? e.Person("a", busy: [("2021-06-22T09:00", "2021-06-22T10:00")])
            : e.Person("a", available: [("2021-06-22T10:00", "2021-06-22T11:00")]);
        var ev = e.Person("b", busy: [("2021-06-22T10:00", "2021-06-22T11:00")]).Meeting("ab", 30, ["a", "b"]).Build();
        var rules = Rules(ev);

        var why = rules.WhyNever(0);

        Assert.Equal(PlacementRule.Busy, why.Rule);
        Assert.Equal(named, People(rules, why));
    }

    [Fact]
    public void Room_unavailability_is_not_a_time_rule_but_is_named_when_it_leaves_no_start()
    {
        var ev = TwoHours()
            .Room("r1", unavailable: [("2021-06-22T09:00", "2021-06-22T11:00")])
            .Room("r2", capacity: 1)
            .Meeting("ab", 30, ["a", "b"])
            .Build();
        var rules = Rules(ev);

        Assert.Equal([0, 1, 2, 3], rules.AllowedStarts(0).ToArray());
        Assert.False(rules.RoomFreeOver(rules.RoomIndex("r1"), 0, 1));
        var why = rules.WhyNever(0);
        Assert.Equal(PlacementRule.RoomsUnavailable, why.Rule);
        Assert.Equal(["r1"], Rooms(rules, why));
    }

    [Fact]
    public void A_pinned_room_that_is_too_small_is_named()
    {
        var ev = TwoHours().Room("tiny", capacity: 1).Meeting("ab", 30, ["a", "b"], m => m.Pin("2021-06-22T09:00", "tiny")).Build();
        var rules = Rules(ev);

        var why = rules.WhyNever(0);

        Assert.Equal(PlacementRule.PinnedRoomUnsuitable, why.Rule);
        Assert.Equal(["tiny"], Rooms(rules, why));
    }

    [Fact]
    public void A_meeting_that_has_a_start_and_a_room_is_never_refused()
    {
        var ev = TwoHours().Meeting("ab", 30, ["a", "b"]).Build();

        Assert.True(Rules(ev).WhyNever(0).Allows);
    }
}
