using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Scheduler.Engine.Domain;
using Scheduler.Engine.Files;

namespace Scheduler.Tests.Files;

/// <summary>Every number of an event file is whole and in its range, however it is written; the schema states the same ranges.</summary>
public class NumberRangeTests
{
    private static string Minimal(Action<JsonObject> change) => Samples.Edit(Samples.Minimal, change);

    /// <summary>The minimal sample with <paramref name="raw"/> written verbatim as meeting m1's weight.</summary>
    private static string WithWeight(string raw) =>
        Minimal(root => root["meetings"]![0]!["weight"] = "@").Replace("\"@\"", raw, StringComparison.Ordinal);

    [Theory]
    [InlineData("9223372036854775807", "must be between 0 and 100000, found 9223372036854775807")]
    [InlineData("-9223372036854775808", "must be between 0 and 100000, found -9223372036854775808")]
    [InlineData("9223372036854775808", "must be between 0 and 100000, found 9223372036854775808")]
    [InlineData("100001", "must be between 0 and 100000, found 100001")]
    [InlineData("1e400", "must be between 0 and 100000, found 1e400")]
    [InlineData("-1e400", "must be between 0 and 100000, found -1e400")]
    [InlineData("1.5e5", "must be between 0 and 100000, found 1.5e5")]
    [InlineData("99999999999999999999999999999999999999", "must be between 0 and 100000, found 9999999999999999... (38 characters)")]
    [InlineData("2.5", "expected a whole number, found 2.5")]
    [InlineData("1e-400", "expected a whole number, found 1e-400")]
    [InlineData("\"5\"", "expected a whole number, found the string \"5\" (write numbers without quotes)")]
    [InlineData("\"five\"", "expected a whole number, found the string \"five\"")]
    public void Weight_outside_its_range_or_not_whole_is_named_by_path(string raw, string message) =>
        Assert.Equal($"meetings[0].weight: {message}", Samples.Problem(WithWeight(raw)));

    [Theory]
    [InlineData("1.5e1", 15)]
    [InlineData("1E2", 100)]
    [InlineData("-0", 0)]
    [InlineData("100000", 100000)]
    [InlineData("1000.000", 1000)]
    public void Whole_numbers_in_any_notation_are_read(string raw, long weight) =>
        Assert.Equal(weight, Samples.Read(WithWeight(raw)).Meetings[0].Weight);

    [Fact]
    public void Every_numeric_field_has_its_range() =>
        Assert.Equal(
            [
                // In file order: the fields added by the edit come after the meetings.
                "event.slotMinutes: must be between 1 and 1440, found 1441",
                "rooms[0].capacity: must be between 0 and 1000000, found 1000001",
                "participants[0].maxMeetingsPerDay: must be between 0 and 1440, found 1441",
                "meetings[0].durationMinutes: must be between 1 and 1440, found 1441",
                "meetings[0].weight: must be between 0 and 100000, found 100001",
                "meetings[0].headcount: must be between 0 and 1000000, found 1000001",
                "travelMinutes[0].minutes: must be between 0 and 1440, found 1441",
                "delegations[0].precedence: must be between 0 and 1000000, found 1000001",
                "objective.maxIdleGapSpread: must be between 0 and 1000000, found 1000001",
            ],
            Samples.Problems(Minimal(root =>
            {
                root["event"]!["slotMinutes"] = 1441;
                root["buildings"] = Samples.Array(new JsonObject { ["id"] = "x" }, new JsonObject { ["id"] = "y" });
                root["travelMinutes"] = Samples.Array(new JsonObject { ["from"] = "x", ["to"] = "y", ["minutes"] = 1441 });
                root["rooms"]![0]!["capacity"] = 1_000_001;
                root["delegations"] = Samples.Array(new JsonObject { ["id"] = "d", ["precedence"] = 1_000_001 });
                root["participants"]![0]!["maxMeetingsPerDay"] = 1441;
                var meeting = root["meetings"]![0]!;
                meeting["durationMinutes"] = 1441;
                meeting["weight"] = 100_001;
                meeting["headcount"] = 1_000_001;
                root["objective"] = new JsonObject { ["maxIdleGapSpread"] = 1_000_001 };
            })));

    [Fact]
    public void The_largest_value_of_every_range_is_read()
    {
        var ev = Samples.Read(Minimal(root =>
        {
            root["event"]!["slotMinutes"] = 1440;
            root["event"]!["days"]![0]!["start"] = "00:00";
            root["event"]!["days"]![0]!["end"] = "23:59:59.999";
            root["rooms"]![0]!["capacity"] = 1_000_000;
            root["participants"]![0]!["maxMeetingsPerDay"] = 1440;
            var meeting = root["meetings"]![0]!;
            meeting["durationMinutes"] = 1440;
            meeting["weight"] = 100_000;
            meeting["headcount"] = 1_000_000;
        }));
        Assert.Equal(EventLimits.MaxWeight, ev.Meetings[0].Weight);
        Assert.Equal(EventLimits.MaxSeats, ev.Rooms[0].Capacity);
    }

    [Theory]
    [InlineData("2", "schemaVersion 2 is not supported; this engine reads version 1")]
    [InlineData("1e400", "schemaVersion 1e400 is not supported; this engine reads version 1")]
    [InlineData("1.5", "schemaVersion 1.5 is not supported; this engine reads version 1")]
    public void Schema_version_other_than_one_is_not_supported(string raw, string message) =>
        Assert.Equal(
            $"schemaVersion: {message}",
            Samples.Problem(Samples.Minimal.Replace("\"schemaVersion\": 1", $"\"schemaVersion\": {raw}", StringComparison.Ordinal)));

    [Fact]
    public void More_days_than_a_year_is_an_error()
    {
        var days = new JsonArray();
        var date = new NodaTime.LocalDate(2021, 1, 1);
        for (var i = 0; i <= EventLimits.MaxDays; i++)
        {
            days.Add(new JsonObject { ["date"] = TimeTextDate(date.PlusDays(i)), ["start"] = "09:00", ["end"] = "17:00" });
        }

        Assert.Equal(
            "event.days: an event may have at most 366 days, found 367",
            Samples.Problem(Minimal(root => root["event"]!["days"] = days)));
    }

    [Fact]
    public void More_meetings_than_the_limit_is_an_error()
    {
        var text = new StringBuilder(Samples.Minimal[..Samples.Minimal.IndexOf("\"meetings\"", StringComparison.Ordinal)]);
        text.Append("\"meetings\": [");
        for (var i = 0; i <= EventLimits.MaxMeetings; i++)
        {
            text.Append(i > 0 ? "," : "").Append("{\"id\":\"m").Append(i).Append("\",\"participants\":[\"a\",\"b\"],\"durationMinutes\":30}");
        }

        Assert.Equal("meetings: an event may request at most 100000 meetings, found 100001", Samples.Problem(text.Append("]}").ToString()));
    }

    [Theory]
    [InlineData("-9998-01-01T00:00+18:00")]
    [InlineData("9999-12-31T23:59-18:00")]
    [InlineData("0000-12-31T23:00")]
    public void Time_outside_the_supported_years_is_an_error(string time) =>
        Assert.Equal(
            $"participants[0].busy[0].start: \"{time}\" is outside the years 1 to 9998",
            Samples.Problem(Minimal(root => root["participants"]![0]!["busy"] = Samples.Array(
                new JsonObject { ["start"] = time, ["end"] = "2021-06-22T10:00" }))));

    [Fact]
    public void Day_outside_the_supported_years_is_an_error() =>
        Assert.Equal(
            "event.days[0].date: \"9999-01-01\" is outside the years 1 to 9998",
            Samples.Problem(Minimal(root => root["event"]!["days"]![0]!["date"] = "9999-01-01")));

    [Theory]
    [InlineData("properties.travelMinutes.items.properties.minutes", 0, EventLimits.MaxTravelMinutes)]
    [InlineData("properties.rooms.items.properties.capacity", 0, EventLimits.MaxSeats)]
    [InlineData("properties.delegations.items.properties.precedence", 0, EventLimits.MaxPrecedence)]
    [InlineData("properties.participants.items.properties.maxMeetingsPerDay", 0, EventLimits.MaxMeetingsPerDay)]
    [InlineData("properties.objective.properties.maxIdleGapSpread", 0, EventLimits.MaxIdleGapSpread)]
    [InlineData("$defs.eventHeader.properties.slotMinutes", EventLimits.MinSlotMinutes, EventLimits.MaxSlotMinutes)]
    [InlineData("$defs.meeting.properties.durationMinutes", EventLimits.MinDurationMinutes, EventLimits.MaxDurationMinutes)]
    [InlineData("$defs.meeting.properties.weight", 0, EventLimits.MaxWeight)]
    [InlineData("$defs.meeting.properties.headcount", 0, EventLimits.MaxSeats)]
    public void Schema_states_the_range_the_reader_checks(string location, long minimum, long maximum)
    {
        using var schema = JsonDocument.Parse(ContractSchemas.EventFileSchema);
        var node = location.Split('.').Aggregate(schema.RootElement, (e, name) => e.GetProperty(name));
        Assert.Equal(minimum, node.GetProperty("minimum").GetInt64());
        Assert.Equal(maximum, node.GetProperty("maximum").GetInt64());
    }

    [Fact]
    public void Schema_states_the_list_limits_the_reader_checks()
    {
        using var schema = JsonDocument.Parse(ContractSchemas.EventFileSchema);
        var root = schema.RootElement;
        Assert.Equal(EventLimits.MaxMeetings, root.GetProperty("properties").GetProperty("meetings").GetProperty("maxItems").GetInt32());
        Assert.Equal(EventLimits.MaxDays,
            root.GetProperty("$defs").GetProperty("eventHeader").GetProperty("properties").GetProperty("days").GetProperty("maxItems").GetInt32());
    }

    [Theory]
    [InlineData("0", JsonNumbers.Kind.Whole, 0)]
    [InlineData("-0.0e5", JsonNumbers.Kind.Whole, 0)]
    [InlineData("12.50e1", JsonNumbers.Kind.Whole, 125)]
    [InlineData("-9223372036854775808", JsonNumbers.Kind.Whole, long.MinValue)]
    [InlineData("92233720368547758.07e2", JsonNumbers.Kind.Whole, long.MaxValue)]
    [InlineData("9223372036854775808", JsonNumbers.Kind.BeyondLong, 0)]
    [InlineData("1e19", JsonNumbers.Kind.BeyondLong, 0)]
    [InlineData("1e99999999999999999999", JsonNumbers.Kind.BeyondLong, 0)]
    [InlineData("0.1", JsonNumbers.Kind.Fraction, 0)]
    [InlineData("1e-99999999999999999999", JsonNumbers.Kind.Fraction, 0)]
    [InlineData("123456789012345678901234567890.5", JsonNumbers.Kind.Fraction, 0)]
    internal void Number_text_is_classified_exactly(string text, JsonNumbers.Kind kind, long value)
    {
        Assert.Equal(kind, JsonNumbers.Classify(text, out var read));
        Assert.Equal(value, read);
    }

    private static string TimeTextDate(NodaTime.LocalDate date) =>
        NodaTime.Text.LocalDatePattern.Iso.Format(date);
}
