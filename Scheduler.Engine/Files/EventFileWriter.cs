using System.Collections.Immutable;
using System.Text.Json;
using NodaTime;
using Scheduler.Engine.Domain;

namespace Scheduler.Engine.Files;

/// <summary>
/// Writes an <see cref="Event"/> as a contract-v1 event file. Fields equal to their default are left out
/// (a name equal to the id, weight 1, ...), so generated files stay small and read back to the same event.
/// </summary>
internal static class EventFileWriter
{
    public static void Write(Utf8JsonWriter w, Event ev)
    {
        var zone = ev.Zone;
        w.WriteStartObject();
        w.WriteNumber("schemaVersion", 1);
        w.WriteStartObject("event");
        w.WriteString("name", ev.Name);
        w.WriteString("timeZone", zone.Id);
        w.WriteNumber("slotMinutes", (long)ev.Grain.TotalMinutes);
        w.WriteStartArray("days");
        foreach (var day in ev.Days)
        {
            w.WriteStartObject();
            w.WriteString("date", TimeText.Date.Format(day.Date));
            w.WriteString("start", TimeText.FormatTimeOfDay(day.Start));
            w.WriteString("end", TimeText.FormatTimeOfDay(day.End));
            w.WriteEndObject();
        }

        w.WriteEndArray();
        Array(w, "breaks", ev.Breaks, b =>
        {
            w.WriteStartObject();
            if (b.Name.Length > 0) w.WriteString("name", b.Name);
            w.WriteString("start", TimeText.FormatTimeOfDay(b.Start));
            w.WriteString("end", TimeText.FormatTimeOfDay(b.End));
            w.WriteEndObject();
        });
        w.WriteEndObject();

        Array(w, "buildings", ev.Buildings, b =>
        {
            w.WriteStartObject();
            IdAndName(w, b.Id, b.Name);
            w.WriteEndObject();
        });
        Array(w, "travelMinutes", ev.TravelTimes, t =>
        {
            w.WriteStartObject();
            w.WriteString("from", t.From);
            w.WriteString("to", t.To);
            w.WriteNumber("minutes", (long)t.Duration.TotalMinutes);
            w.WriteEndObject();
        });
        w.WriteStartArray("rooms");
        foreach (var room in ev.Rooms)
        {
            w.WriteStartObject();
            IdAndName(w, room.Id, room.Name);
            if (room.Building is not null) w.WriteString("building", room.Building);
            w.WriteNumber("capacity", room.Capacity);
            Strings(w, "features", room.Features);
            Intervals(w, "unavailable", room.Unavailable, zone);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        Array(w, "delegations", ev.Delegations, d =>
        {
            w.WriteStartObject();
            IdAndName(w, d.Id, d.Name);
            if (d.Precedence is { } p) w.WriteNumber("precedence", p);
            w.WriteEndObject();
        });
        w.WriteStartArray("participants");
        foreach (var p in ev.Participants)
        {
            w.WriteStartObject();
            IdAndName(w, p.Id, p.Name);
            if (p.Delegation is not null) w.WriteString("delegation", p.Delegation);
            Intervals(w, "available", p.Available, zone);
            Intervals(w, "busy", p.Busy, zone);
            if (p.MaxMeetingsPerDay is { } max) w.WriteNumber("maxMeetingsPerDay", max);
            Strings(w, "languages", p.Languages);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        Array(w, "interpreters", ev.Interpreters, i =>
        {
            w.WriteStartObject();
            IdAndName(w, i.Id, i.Name);
            Strings(w, "languages", i.Languages);
            Intervals(w, "available", i.Available, zone);
            Intervals(w, "busy", i.Busy, zone);
            if (i.MaxMinutesPerDay is { } minutes) w.WriteNumber("maxMinutesPerDay", minutes);
            w.WriteEndObject();
        });
        w.WriteStartArray("meetings");
        foreach (var m in ev.Meetings) Meeting(w, m, zone);
        w.WriteEndArray();
        w.WriteStartObject("objective");
        w.WriteString("idleGaps", PolicyNames[(int)ev.Objective.IdleGaps]);
        if (ev.Objective.MaxIdleGapSpread is { } spread) w.WriteNumber("maxIdleGapSpread", spread);
        w.WriteEndObject();
        if (ev.Replan is { } replan) ReplanReading.Write(w, replan, zone);
        w.WriteEndObject();
    }

    private static readonly string[] PolicyNames = ["minimize", "ignore"];

    private static void Meeting(Utf8JsonWriter w, MeetingRequest m, DateTimeZone zone)
    {
        w.WriteStartObject();
        w.WriteString("id", m.Id);
        if (m.Title != m.Id) w.WriteString("title", m.Title);
        w.WriteStartArray("participants");
        foreach (var p in m.Participants) w.WriteStringValue(p);
        w.WriteEndArray();
        w.WriteNumber("durationMinutes", (long)m.Duration.TotalMinutes);
        if (m.Required) w.WriteBoolean("required", true);
        if (m.Weight != 1) w.WriteNumber("weight", m.Weight);
        if (m.Headcount != m.Participants.Length) w.WriteNumber("headcount", m.Headcount);
        Strings(w, "requiredFeatures", m.RequiredFeatures);
        Intervals(w, "windows", m.Windows, zone);
        if (m.Pin is { } pin)
        {
            w.WriteStartObject("pin");
            w.WriteString("start", TimeText.FormatForEventFile(pin.Start, zone));
            if (pin.Room is not null) w.WriteString("room", pin.Room);
            w.WriteEndObject();
        }

        Strings(w, "after", m.After);
        Strings(w, "interpreters", m.Interpreters);
        w.WriteEndObject();
    }

    private static void IdAndName(Utf8JsonWriter w, string id, string name)
    {
        w.WriteString("id", id);
        if (name != id) w.WriteString("name", name);
    }

    private static void Strings(Utf8JsonWriter w, string field, ImmutableArray<string> values)
    {
        if (values.IsDefaultOrEmpty) return;
        w.WriteStartArray(field);
        foreach (var v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }

    private static void Intervals(Utf8JsonWriter w, string field, ImmutableArray<Interval> intervals, DateTimeZone zone) =>
        Array(w, field, intervals, i =>
        {
            w.WriteStartObject();
            w.WriteString("start", TimeText.FormatForEventFile(i.Start, zone));
            w.WriteString("end", TimeText.FormatForEventFile(i.End, zone));
            w.WriteEndObject();
        });

    private static void Array<T>(Utf8JsonWriter w, string field, ImmutableArray<T> items, Action<T> writeItem)
    {
        if (items.IsDefaultOrEmpty) return;
        w.WriteStartArray(field);
        foreach (var item in items) writeItem(item);
        w.WriteEndArray();
    }
}
