using System.Text.Json.Nodes;

namespace Scheduler.Tests.Files;

/// <summary>Problems that need more than one place of the file: ids, references, cycles, pins, meetings' participants.</summary>
public class EventFileReferenceErrorTests
{
    private static string Conference(Action<JsonObject> change) => Samples.Edit(Samples.Conference, change);

    private static JsonNode Meeting(JsonObject root, int index) => root["meetings"]![index]!;

    [Fact]
    public void The_contract_example_names_three_things_it_does_not_define() =>
        Assert.Equal(
            [
                "travelMinutes[0].to: no building \"hotel\"",
                "meetings[0].participants[1]: no participant \"ryabkov\"",
                "meetings[0].after[0]: no meeting \"un-mod\"",
            ],
            Samples.Problems(Samples.ContractExample));

    [Fact]
    public void Duplicate_ids_within_a_list_are_an_error() =>
        Assert.Equal(
            [
                "rooms[1].id: duplicate room id \"b1\" (first at rooms[0].id)",
                "participants[2].id: duplicate participant id \"lacroix\" (first at participants[0].id)",
            ],
            Samples.Problems(Conference(root =>
            {
                root["rooms"]![1]!["id"] = "b1";
                root["participants"]![2]!["id"] = "lacroix";
                Meeting(root, 0)["participants"] = Samples.Array("lacroix", "ryabkov");
                Meeting(root, 2)["participants"] = Samples.Array("ryabkov", "lacroix");
            })));

    [Fact]
    public void The_same_id_in_different_lists_is_allowed() =>
        Samples.Read(Conference(root => root["rooms"]![1]!["id"] = "hotel"));

    [Fact]
    public void Unknown_participant_is_an_error() =>
        Assert.Equal(
            "meetings[1].participants[1]: no participant \"ryabkov2\"",
            Samples.Problem(Conference(root => Meeting(root, 1)["participants"]![1] = "ryabkov2")));

    [Fact]
    public void Unknown_room_in_a_pin_is_an_error() =>
        Assert.Equal(
            "meetings[1].pin.room: no room \"b9\"",
            Samples.Problem(Conference(root => Meeting(root, 1)["pin"]!["room"] = "b9")));

    [Fact]
    public void Unknown_building_of_a_room_is_an_error() =>
        Assert.Equal(
            "rooms[1].building: no building \"hotle\"",
            Samples.Problem(Conference(root => root["rooms"]![1]!["building"] = "hotle")));

    [Fact]
    public void Unknown_building_in_travel_is_an_error() =>
        Assert.Equal(
            "travelMinutes[0].from: no building \"kongress\"",
            Samples.Problem(Conference(root => root["travelMinutes"]![0]!["from"] = "kongress")));

    [Fact]
    public void Unknown_delegation_is_an_error() =>
        Assert.Equal(
            "participants[1].delegation: no delegation \"russia\"",
            Samples.Problem(Conference(root => root["participants"]![1]!["delegation"] = "russia")));

    [Fact]
    public void Unknown_meeting_in_after_is_an_error() =>
        Assert.Equal(
            "meetings[1].after[0]: no meeting \"un-mod2\"",
            Samples.Problem(Conference(root => Meeting(root, 1)["after"]![0] = "un-mod2")));

    [Fact]
    public void After_may_name_a_later_meeting() =>
        Assert.Equal("ru-mod", Samples.Read(Conference(root => Meeting(root, 0)["after"] = Samples.Array("ru-mod")))
            .Meetings[0].After.Single());

    [Fact]
    public void Cycle_in_after_is_an_error_naming_the_cycle() =>
        Assert.Equal(
            "meetings[0].after: circular order: \"un-mod\" is after \"ru-mod\", which is after \"un-mfa\", which is after \"un-mod\"",
            Samples.Problem(Conference(root =>
            {
                Meeting(root, 0)["after"] = Samples.Array("ru-mod");
                Meeting(root, 2)["after"] = Samples.Array("un-mfa");
            })));

    [Fact]
    public void Meeting_after_itself_is_an_error() =>
        Assert.Equal(
            "meetings[0].after: meeting \"un-mod\" is listed as after itself",
            Samples.Problem(Conference(root => Meeting(root, 0)["after"] = Samples.Array("un-mod"))));

    [Fact]
    public void Meeting_with_fewer_than_two_distinct_participants_is_an_error() =>
        Assert.Equal(
            "meetings[0].participants: a meeting needs at least two distinct participants, found 1",
            Samples.Problem(Conference(root => Meeting(root, 0)["participants"] = Samples.Array("lacroix"))));

    [Fact]
    public void Repeated_participant_is_an_error() =>
        Assert.Equal(
            [
                "meetings[0].participants: a meeting needs at least two distinct participants, found 1",
                "meetings[0].participants[1]: participant \"fomin\" is listed twice",
            ],
            Samples.Problems(Conference(root => Meeting(root, 0)["participants"] = Samples.Array("fomin", "fomin"))));

    [Fact]
    public void Pin_off_the_grain_is_an_error() =>
        Assert.Equal(
            "meetings[1].pin.start: pin start 2021-06-22T15:10 is off the 15-minute grain counted from 09:00 on 2021-06-22",
            Samples.Problem(Conference(root => Meeting(root, 1)["pin"]!["start"] = "2021-06-22T15:10")));

    [Fact]
    public void Pin_grain_counts_from_the_day_start() =>
        Assert.Equal(
            "meetings[1].pin.start: pin start 2021-06-22T15:00 is off the 15-minute grain counted from 09:10 on 2021-06-22",
            Samples.Problem(Conference(root => root["event"]!["days"]![0]!["start"] = "09:10")));

    [Fact]
    public void Pin_outside_the_days_hours_is_an_error() =>
        Assert.Equal(
            "meetings[1].pin.start: pin start 2021-06-22T19:00 lies outside every day's hours",
            Samples.Problem(Conference(root => Meeting(root, 1)["pin"]!["start"] = "2021-06-22T19:00")));

    [Fact]
    public void Pin_whose_meeting_ends_after_the_day_is_an_error() =>
        Assert.Equal(
            "meetings[1].pin.start: a 45-minute meeting pinned at 2021-06-22T18:30 ends after the day closes at 19:00",
            Samples.Problem(Conference(root => Meeting(root, 1)["pin"]!["start"] = "2021-06-22T18:30")));

    [Fact]
    public void Pin_with_an_offset_is_checked_in_real_time() =>
        Assert.Equal(
            "meetings[1].pin.start: pin start 2021-06-22T15:05 is off the 15-minute grain counted from 09:00 on 2021-06-22",
            Samples.Problem(Conference(root => Meeting(root, 1)["pin"]!["start"] = "2021-06-22T12:05Z")));

    [Fact]
    public void Negative_travel_time_is_an_error() =>
        Assert.Equal(
            "travelMinutes[0].minutes: must be between 0 and 1440, found -5",
            Samples.Problem(Conference(root => root["travelMinutes"]![0]!["minutes"] = -5)));

    [Fact]
    public void Travel_from_a_building_to_itself_is_an_error() =>
        Assert.Equal(
            "travelMinutes[0]: travel from \"congress\" to itself; give only pairs of different buildings",
            Samples.Problem(Conference(root => root["travelMinutes"]![0]!["to"] = "congress")));

    [Fact]
    public void Travel_between_the_same_buildings_given_twice_is_an_error() =>
        Assert.Equal(
            "travelMinutes[1]: travel between \"hotel\" and \"congress\" is given twice (also at travelMinutes[0])",
            Samples.Problem(Conference(root => root["travelMinutes"]!.AsArray().Add(
                new JsonObject { ["from"] = "hotel", ["to"] = "congress", ["minutes"] = 30 }))));
}
