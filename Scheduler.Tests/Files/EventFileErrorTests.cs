using System.Text.Json.Nodes;
using Scheduler.Engine.Files;

namespace Scheduler.Tests.Files;

/// <summary>Problems with the structure and values of an event file: one test per class of mistake.</summary>
public class EventFileErrorTests
{
    private static string Minimal(Action<JsonObject> change) => Samples.Edit(Samples.Minimal, change);

    private static JsonNode Meeting(JsonObject root) => root["meetings"]![0]!;

    [Fact]
    public void Malformed_JSON_gives_line_and_column()
    {
        var problem = Assert.Single(EventFile.Parse("{\n  \"schemaVersion\": 1,\n  \"event\": x\n}").Problems);
        Assert.Equal("$", problem.Path);
        Assert.StartsWith("malformed JSON at line 3, column 12: ", problem.Message);
    }

    [Fact]
    public void Truncated_JSON_is_malformed()
    {
        var problem = Assert.Single(EventFile.Parse("{ \"schemaVersion\": 1,").Problems);
        Assert.Equal("$", problem.Path);
        Assert.StartsWith("malformed JSON at line 1", problem.Message);
    }

    [Fact]
    public void Byte_order_mark_before_the_JSON_is_ignored() =>
        Assert.Equal("Minimal", Samples.Read("\uFEFF" + Samples.Minimal).Name);

    [Fact]
    public void Unknown_field_is_an_error_with_the_near_name() =>
        Assert.Equal(
            "meetings[0].durationMinute: unknown field \"durationMinute\" (did you mean \"durationMinutes\"?)",
            Samples.Problems(Minimal(root => Meeting(root)["durationMinute"] = 30))[0]);

    [Fact]
    public void Unknown_field_far_from_every_name_gets_no_hint() =>
        Assert.Equal(
            "rooms[0].colour: unknown field \"colour\"",
            Samples.Problem(Minimal(root => root["rooms"]![0]!["colour"] = "blue")));

    [Fact]
    public void Unknown_field_at_the_top_is_an_error() =>
        Assert.Equal(
            "meeting: unknown field \"meeting\" (did you mean \"meetings\"?)",
            Samples.Problem(Minimal(root => root["meeting"] = new JsonArray())));

    [Fact]
    public void Field_given_twice_is_an_error() =>
        Assert.Equal(
            "rooms[0].capacity: field \"capacity\" is given twice",
            Samples.Problem(Samples.Minimal.Replace("\"capacity\": 4", "\"capacity\": 4, \"capacity\": 5")));

    [Fact]
    public void Wrong_type_is_an_error()
    {
        Assert.Equal(
            "rooms[0].capacity: expected a whole number, found the string \"four\"",
            Samples.Problem(Minimal(root => root["rooms"]![0]!["capacity"] = "four")));
        Assert.Equal(
            "meetings[0].participants: expected an array, found the string \"a\"",
            Samples.Problem(Minimal(root => Meeting(root)["participants"] = "a")));
        Assert.Equal(
            "meetings[0].required: expected true or false, found the string \"yes\"",
            Samples.Problem(Minimal(root => Meeting(root)["required"] = "yes")));
        Assert.Equal(
            "participants[2]: expected an object, found the string \"c\"",
            Samples.Problem(Minimal(root => root["participants"]![2] = "c")));
        Assert.Equal(
            "event.name: expected a string, found null",
            Samples.Problem(Minimal(root => root["event"]!["name"] = null)));
    }

    [Fact]
    public void Root_that_is_not_an_object_is_an_error() =>
        Assert.Equal("$: expected an object, found an array", Samples.Problem("[]"));

    [Fact]
    public void Missing_required_field_is_an_error() =>
        Assert.Equal(
            "meetings[0]: missing required field \"durationMinutes\"",
            Samples.Problem(Minimal(root => Meeting(root).AsObject().Remove("durationMinutes"))));

    [Fact]
    public void Missing_schema_version_is_an_error() =>
        Assert.Equal(
            "$: missing required field \"schemaVersion\"",
            Samples.Problem(Minimal(root => root.Remove("schemaVersion"))));

    [Fact]
    public void Schema_version_other_than_1_is_an_error() =>
        Assert.Equal(
            "schemaVersion: schemaVersion 2 is not supported; this engine reads version 1",
            Samples.Problem(Minimal(root => root["schemaVersion"] = 2)));

    [Fact]
    public void Duration_not_a_multiple_of_the_slot_is_an_error() =>
        Assert.Equal(
            "meetings[0].durationMinutes: 50 is not a positive multiple of slotMinutes (15)",
            Samples.Problem(Minimal(root => Meeting(root)["durationMinutes"] = 50)));

    [Fact]
    public void Zero_duration_is_an_error() =>
        Assert.Equal(
            "meetings[0].durationMinutes: must be between 1 and 1440, found 0",
            Samples.Problem(Minimal(root => Meeting(root)["durationMinutes"] = 0)));

    [Fact]
    public void Interval_with_start_not_before_end_is_an_error() =>
        Assert.Equal(
            "participants[0].busy[0]: start 2021-06-22T12:00 is not before end 2021-06-22T10:00",
            Samples.Problem(Minimal(root => root["participants"]![0]!["busy"] =
                Samples.Array(new JsonObject { ["start"] = "2021-06-22T12:00", ["end"] = "2021-06-22T10:00" }))));

    [Fact]
    public void Day_whose_end_is_not_after_its_start_is_an_error() =>
        Assert.Equal(
            "event.days[0].end: end 09:00 is not after start 09:00",
            Samples.Problem(Minimal(root => root["event"]!["days"]![0]!["end"] = "09:00")));

    [Fact]
    public void Break_whose_end_is_not_after_its_start_is_an_error() =>
        Assert.Equal(
            "event.breaks[0].end: end 12:00 is not after start 13:00",
            Samples.Problem(Minimal(root => root["event"]!["breaks"] =
                Samples.Array(new JsonObject { ["start"] = "13:00", ["end"] = "12:00" }))));

    [Fact]
    public void Event_without_days_is_an_error() =>
        Assert.Equal(
            "event.days: an event needs at least one day",
            Samples.Problem(Minimal(root => root["event"]!["days"] = new JsonArray())));

    [Fact]
    public void Duplicate_day_dates_are_an_error() =>
        Assert.Equal(
            "event.days[1].date: the day 2021-06-22 is given twice (also at event.days[0].date)",
            Samples.Problem(Minimal(root => root["event"]!["days"]!.AsArray().Add(
                new JsonObject { ["date"] = "2021-06-22", ["start"] = "18:00", ["end"] = "19:00" }))));

    [Fact]
    public void Unknown_time_zone_is_an_error_with_the_near_zone() =>
        Assert.Equal(
            "event.timeZone: unknown time zone \"Europe/Moskow\" (did you mean \"Europe/Moscow\"?)",
            Samples.Problem(Minimal(root => root["event"]!["timeZone"] = "Europe/Moskow")));

    [Fact]
    public void Unknown_time_zone_far_from_every_zone_names_the_form() =>
        Assert.Equal(
            "event.timeZone: unknown time zone \"Moscow time\" (use an IANA id such as \"Europe/Moscow\")",
            Samples.Problem(Minimal(root => root["event"]!["timeZone"] = "Moscow time")));

    [Fact]
    public void Slot_minutes_not_positive_is_an_error() =>
        Assert.Equal(
            "event.slotMinutes: must be between 1 and 1440, found 0",
            Samples.Problem(Minimal(root => root["event"]!["slotMinutes"] = 0)));

    [Fact]
    public void Negative_capacity_weight_or_headcount_is_an_error() =>
        Assert.Equal(
            [
                "rooms[0].capacity: must be between 0 and 1000000, found -1",
                "meetings[0].weight: must be between 0 and 100000, found -5",
                "meetings[0].headcount: must be between 0 and 1000000, found -2",
            ],
            Samples.Problems(Minimal(root =>
            {
                root["rooms"]![0]!["capacity"] = -1;
                Meeting(root)["weight"] = -5;
                Meeting(root)["headcount"] = -2;
            })));

    [Fact]
    public void Weight_that_is_not_whole_is_an_error() =>
        Assert.Equal(
            "meetings[0].weight: expected a whole number, found 2.5",
            Samples.Problem(Minimal(root => Meeting(root)["weight"] = 2.5)));

    [Fact]
    public void Weight_written_with_a_zero_fraction_is_whole() =>
        Assert.Equal(3, Samples.Read(Minimal(root => Meeting(root)["weight"] = 3.0m)).Meetings[0].Weight);

    [Fact]
    public void Negative_max_meetings_per_day_is_an_error() =>
        Assert.Equal(
            "participants[2].maxMeetingsPerDay: must be between 0 and 1440, found -1",
            Samples.Problem(Minimal(root => root["participants"]![2]!["maxMeetingsPerDay"] = -1)));

    [Fact]
    public void Negative_max_idle_gap_spread_is_an_error() =>
        Assert.Equal(
            "objective.maxIdleGapSpread: must be between 0 and 1000000, found -1",
            Samples.Problem(Minimal(root => root["objective"] = new JsonObject { ["maxIdleGapSpread"] = -1 })));

    [Fact]
    public void Idle_gap_policy_other_than_minimize_or_ignore_is_an_error() =>
        Assert.Equal(
            "objective.idleGaps: expected \"minimize\" or \"ignore\", found \"minimise\"",
            Samples.Problem(Minimal(root => root["objective"] = new JsonObject { ["idleGaps"] = "minimise" })));

    [Fact]
    public void Empty_id_is_an_error() =>
        Assert.Equal(
            "rooms[0].id: an id must not be empty",
            Samples.Problem(Minimal(root => root["rooms"]![0]!["id"] = "")));

    [Fact]
    public void Every_problem_is_reported_at_once_in_document_order()
    {
        // The objective comes first in this file, and the meetings before the rooms: the order is the file's.
        var json = """
            {
              "objective": { "idleGaps": "sometimes" },
              "schemaVersion": 1,
              "event": { "name": "E", "timeZone": "UTC", "days": [ { "date": "2021-06-22", "start": "09:00", "end": "17:00" } ] },
              "meetings": [ { "id": "m1", "participants": ["a", "zed"], "durationMinutes": 20, "colour": 1 } ],
              "rooms": [ { "id": "r1", "capacity": -3 } ],
              "participants": [ { "id": "a" }, { "id": "b", "delegation": "x" } ]
            }
            """;
        Assert.Equal(
            [
                "objective.idleGaps: expected \"minimize\" or \"ignore\", found \"sometimes\"",
                "meetings[0].participants[1]: no participant \"zed\"",
                "meetings[0].durationMinutes: 20 is not a positive multiple of slotMinutes (15)",
                "meetings[0].colour: unknown field \"colour\"",
                "rooms[0].capacity: must be between 0 and 1000000, found -3",
                "participants[1].delegation: no delegation \"x\"",
            ],
            Samples.Problems(json));
    }

    [Fact]
    public void Unreadable_file_is_a_problem_naming_the_file()
    {
        var path = Path.Combine(Path.GetTempPath(), "no-such-folder-" + Guid.NewGuid().ToString("N"), "event.json");
        var problem = Assert.Single(EventFile.Load(path).Problems);
        Assert.Equal("$", problem.Path);
        Assert.Equal($"cannot read {path}: the folder does not exist", problem.Message);
    }

    [Fact]
    public void Load_reads_a_file()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, Samples.Minimal);
            Assert.Equal("Minimal", EventFile.Load(path).Value!.Name);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
