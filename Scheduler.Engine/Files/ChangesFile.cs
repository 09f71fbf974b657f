using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Scheduler.Engine.Domain;

namespace Scheduler.Engine.Files;

/// <summary>
/// The replanning parts of the schedule file (contract v1.1): <c>objectiveValue</c>, <c>objectiveBound</c> and the
/// <c>changes</c> object, written and read like the rest of the file (times as offset date-times in the event's zone).
/// </summary>
internal static class ChangesFile
{
    private static readonly string[] ChangesFields = ["moved", "roomChanged", "dropped", "added", "withdrawn", "kept"];
    private static readonly string[] ChangeFields = ["meeting", "from", "to"];
    private static readonly string[] PlaceFields = ["start", "room"];
    private static readonly string[] DroppedFields = ["meeting", "reason"];

    /// <summary>Writes the objective's value and bound when the schedule has them.</summary>
    public static void WriteObjective(Utf8JsonWriter w, Schedule schedule)
    {
        if (schedule.ObjectiveValue is { } value) w.WriteNumber("objectiveValue", ReplanReading.Normal(value));
        if (schedule.ObjectiveBound is { } bound) w.WriteNumber("objectiveBound", ReplanReading.Normal(bound));
    }

    /// <summary>Writes <c>changes</c> when the schedule has them.</summary>
    public static void WriteChanges(Utf8JsonWriter w, Schedule schedule, NodaTime.DateTimeZone zone)
    {
        if (schedule.Changes is not { } changes) return;
        w.WriteStartObject("changes");
        WriteMoves(w, "moved", changes.Moved, zone);
        WriteMoves(w, "roomChanged", changes.RoomChanged, zone);
        w.WriteStartArray("dropped");
        foreach (var d in changes.Dropped)
        {
            w.WriteStartObject();
            w.WriteString("meeting", d.Meeting);
            w.WriteString("reason", d.Reason);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        WriteIds(w, "added", changes.Added);
        WriteIds(w, "withdrawn", changes.Withdrawn);
        w.WriteNumber("kept", changes.Kept);
        w.WriteEndObject();
    }

    /// <summary>An objective figure: a number with at most two decimals, or null (problem reported) when it is not.</summary>
    public static decimal? ReadObjective(JsonObjectReader root, string field, ProblemList problems)
    {
        if (!root.TryGet(field, false, out var element, out var path)) return null;
        if (element.ValueKind != JsonValueKind.Number)
        {
            problems.Add(path, $"expected a number, found {JsonValues.Describe(element)}");
            return null;
        }

        var text = element.GetRawText();
        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && decimal.Truncate(value * 100) == value * 100)
            return value;
        problems.Add(path, $"expected a number in steps of 0.01, found {JsonNumbers.Shorten(text)}");
        return null;
    }

    /// <summary>The <c>changes</c> object, or null when absent or unreadable (problems reported).</summary>
    public static ScheduleChanges? ReadChanges(JsonObjectReader root, ProblemList problems)
    {
        if (!root.Has("changes")) return null;
        var item = root.Object("changes", false, ChangesFields);
        if (item is null) return null;
        var moved = item.Array("moved", true, (e, p) => ReadChange(e, p, problems));
        var roomChanged = item.Array("roomChanged", true, (e, p) => ReadChange(e, p, problems));
        var dropped = item.Array("dropped", true, (e, p) => ReadDropped(e, p, problems));
        var added = item.Array("added", true, (e, p) => ReadId(e, p, problems));
        var withdrawn = item.Array("withdrawn", true, (e, p) => ReadId(e, p, problems));
        var kept = item.Int("kept", true, 0, int.MaxValue);
        if (moved is null || roomChanged is null || dropped is null || added is null || withdrawn is null || kept is null) return null;
        return new ScheduleChanges([.. moved], [.. roomChanged], [.. dropped], [.. added], [.. withdrawn], kept.Value);
    }

    private static void WriteMoves(Utf8JsonWriter w, string name, ImmutableArray<MeetingChange> changes, NodaTime.DateTimeZone zone)
    {
        w.WriteStartArray(name);
        foreach (var c in changes)
        {
            w.WriteStartObject();
            w.WriteString("meeting", c.Meeting);
            WritePlace(w, "from", c.From, zone);
            WritePlace(w, "to", c.To, zone);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WritePlace(Utf8JsonWriter w, string name, PlacedAt place, NodaTime.DateTimeZone zone)
    {
        w.WriteStartObject(name);
        w.WriteString("start", TimeText.ScheduleOffset.Format(place.Start.InZone(zone).ToOffsetDateTime()));
        w.WriteString("room", place.Room);
        w.WriteEndObject();
    }

    private static void WriteIds(Utf8JsonWriter w, string name, ImmutableArray<string> ids)
    {
        w.WriteStartArray(name);
        foreach (var id in ids) w.WriteStringValue(id);
        w.WriteEndArray();
    }

    private static MeetingChange? ReadChange(JsonElement element, JsonPath path, ProblemList problems)
    {
        var item = JsonObjectReader.Open(element, path, problems, ChangeFields);
        if (item is null) return null;
        var meeting = item.Id("meeting");
        var from = ReadPlace(item, "from", problems);
        var to = ReadPlace(item, "to", problems);
        return meeting is null || from is null || to is null ? null : new MeetingChange(meeting, from, to);
    }

    private static PlacedAt? ReadPlace(JsonObjectReader parent, string field, ProblemList problems)
    {
        var item = parent.Object(field, true, PlaceFields);
        if (item is null) return null;
        var start = item.TryGet("start", true, out var startElement, out var startPath)
            ? TimeText.ReadOffsetInstant(startElement, startPath, problems) : null;
        var room = item.Id("room");
        return start is null || room is null ? null : new PlacedAt(start.Value, room);
    }

    private static DroppedMeeting? ReadDropped(JsonElement element, JsonPath path, ProblemList problems)
    {
        var item = JsonObjectReader.Open(element, path, problems, DroppedFields);
        if (item is null) return null;
        var meeting = item.Id("meeting");
        var reason = item.String("reason", true);
        return meeting is null || reason is null ? null : new DroppedMeeting(meeting, reason);
    }

    private static string? ReadId(JsonElement element, JsonPath path, ProblemList problems)
    {
        var id = JsonValues.String(element, path, problems);
        if (id is { Length: 0 })
        {
            problems.Add(path, "an id must not be empty");
            return null;
        }

        return id;
    }
}
