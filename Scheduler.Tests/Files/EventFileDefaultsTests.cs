using NodaTime;
using Scheduler.Engine.Domain;

namespace Scheduler.Tests.Files;

public class EventFileDefaultsTests
{
    private static readonly Event Minimal = Samples.Read(Samples.Minimal);

    [Fact]
    public void Slot_minutes_default_to_15() => Assert.Equal(Duration.FromMinutes(15), Minimal.Grain);

    [Fact]
    public void Breaks_default_to_none() => Assert.Empty(Minimal.Breaks);

    [Fact]
    public void Buildings_and_travel_default_to_none()
    {
        Assert.Empty(Minimal.Buildings);
        Assert.Empty(Minimal.TravelTimes);
        Assert.Equal(Duration.Zero, Minimal.TravelTime("x", "y"));
    }

    [Fact]
    public void Delegations_default_to_none() => Assert.Empty(Minimal.Delegations);

    [Fact]
    public void Room_defaults_no_features_no_unavailability_no_building_name_is_id()
    {
        var room = Assert.Single(Minimal.Rooms);
        Assert.Empty(room.Features);
        Assert.Empty(room.Unavailable);
        Assert.Null(room.Building);
        Assert.Equal("r1", room.Name);
        Assert.Equal(4, room.Capacity);
    }

    [Fact]
    public void Participant_defaults_whole_event_available_no_busy_no_delegation_unlimited()
    {
        var p = Minimal.Participants[0];
        Assert.Equal("a", p.Name);
        Assert.Null(p.Delegation);
        Assert.Empty(p.Available);
        Assert.Empty(p.Busy);
        Assert.Null(p.MaxMeetingsPerDay);
    }

    [Fact]
    public void Meeting_defaults_optional_weight_1_headcount_participants_no_features_windows_pin_or_after()
    {
        var m = Assert.Single(Minimal.Meetings);
        Assert.Equal("m1", m.Title);
        Assert.False(m.Required);
        Assert.Equal(1, m.Weight);
        Assert.Equal(2, m.Headcount);
        Assert.Empty(m.RequiredFeatures);
        Assert.Empty(m.Windows);
        Assert.Null(m.Pin);
        Assert.Empty(m.After);
        Assert.Equal(Duration.FromMinutes(30), m.Duration);
        Assert.Equal(new[] { "a", "b" }, m.Participants.ToArray());
    }

    [Fact]
    public void Headcount_defaults_to_the_number_of_participants_of_that_meeting()
    {
        var ev = Samples.Read(Samples.Conference);
        Assert.Equal(3, ev.FindMeeting("ru-mod")!.Headcount);
        Assert.Equal(8, ev.FindMeeting("un-mfa")!.Headcount);
    }

    [Fact]
    public void Objective_defaults_to_minimize_idle_gaps_with_no_spread_cap() =>
        Assert.Equal(new ScheduleObjective(IdleGapPolicy.Minimize, null), Minimal.Objective);

    [Fact]
    public void Objective_fields_default_separately()
    {
        var ev = Samples.Read(Samples.Edit(Samples.Minimal, root => root["objective"] = new System.Text.Json.Nodes.JsonObject()));
        Assert.Equal(ScheduleObjective.Default, ev.Objective);
        var spreadOnly = Samples.Read(Samples.Edit(Samples.Minimal, root =>
            root["objective"] = new System.Text.Json.Nodes.JsonObject { ["maxIdleGapSpread"] = 2 }));
        Assert.Equal(new ScheduleObjective(IdleGapPolicy.Minimize, 2), spreadOnly.Objective);
    }

    [Fact]
    public void Break_name_defaults_to_empty()
    {
        var ev = Samples.Read(Samples.Edit(Samples.Minimal, root =>
            root["event"]!["breaks"] = Samples.Array(new System.Text.Json.Nodes.JsonObject { ["start"] = "12:00", ["end"] = "13:00" })));
        Assert.Equal(new DailyBreak("", new LocalTime(12, 0), new LocalTime(13, 0)), Assert.Single(ev.Breaks));
    }

    [Fact]
    public void Given_values_are_read_as_given()
    {
        var ev = Samples.Read(Samples.Conference);
        Assert.Equal("Moscow Conference on International Security 2021", ev.Name);
        Assert.Equal("Europe/Moscow", ev.Zone.Id);
        Assert.Equal(new DailyBreak("Lunch", new LocalTime(13, 0), new LocalTime(14, 0)), Assert.Single(ev.Breaks));
        Assert.Equal(Duration.FromMinutes(25), ev.TravelTime("hotel", "congress"));
        Assert.Equal("Patriot Congress Centre", ev.FindBuilding("congress")!.Name);
        Assert.Equal("hotel", ev.FindBuilding("hotel")!.Name);
        var room = ev.FindRoom("b1")!;
        Assert.Equal(("congress", 10, "interpretation"), (room.Building, room.Capacity, Assert.Single(room.Features)));
        Assert.Equal(new Delegation("un", "United Nations", 1), ev.FindDelegation("un"));
        Assert.Equal(new Delegation("ru", "ru", null), ev.FindDelegation("ru"));
        var lacroix = ev.FindParticipant("lacroix")!;
        Assert.Equal(("Jean-Pierre Lacroix", "un", 6), (lacroix.Name, lacroix.Delegation, lacroix.MaxMeetingsPerDay));
        var meeting = ev.FindMeeting("un-mfa")!;
        Assert.Equal(("UN DPO - Russian MFA", 10L, false), (meeting.Title, meeting.Weight, meeting.Required));
        Assert.Equal("b1", meeting.Pin!.Room);
        Assert.Equal("un-mod", Assert.Single(meeting.After));
        Assert.True(ev.FindMeeting("un-mod")!.Required);
        Assert.Null(ev.FindMeeting("ru-mod")!.Pin!.Room);
        Assert.Equal(new ScheduleObjective(IdleGapPolicy.Ignore, null), ev.Objective);
    }
}
