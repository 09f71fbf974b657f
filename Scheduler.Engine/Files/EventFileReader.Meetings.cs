using System.Text.Json;
using NodaTime;
using Scheduler.Engine.Domain;

namespace Scheduler.Engine.Files;

/// <summary>The meetings of an event file, and the checks that need every meeting read first.</summary>
internal sealed partial class EventFileReader
{
    internal static readonly string[] MeetingFields =
    [
        "id", "title", "participants", "durationMinutes", "required", "weight", "headcount",
        "requiredFeatures", "windows", "pin", "after", "interpreters",
    ];
    internal static readonly string[] PinFields = ["start", "room"];

    private List<MeetingRequest>? ReadMeetings(JsonObjectReader root)
    {
        var meetings = root.Array("meetings", true, ReadMeeting);
        if (meetings is null) return null;
        if (root.TryGet("meetings", true, out var list, out var listPath)) rules.MeetingCount(list.GetArrayLength(), listPath);
        rules.CheckAfter();
        return meetings;
    }

    private MeetingRequest? ReadMeeting(JsonElement element, JsonPath path)
    {
        var item = JsonObjectReader.Open(element, path, problems, MeetingFields);
        var id = RegisterId(item, rules.Meetings);
        if (item is null) return null;
        var title = item.String("title", false);
        var participants = ReadMeetingParticipants(item);
        var duration = ReadDuration(item);
        var required = item.Bool("required", false) ?? false;
        var weight = item.Long("weight", false, 0, EventLimits.MaxWeight) ?? 1;
        var headcount = item.Int("headcount", false, 0, EventLimits.MaxSeats);
        var features = item.Array("requiredFeatures", false, JsonValuesString);
        var windows = item.Values("windows", false, ReadInterval);
        var pin = item.Has("pin") ? ReadPin(item, duration) : null;
        var after = item.Array("after", false, (e, p) => JsonValues.String(e, p, problems) is { } s ? new Named(s, p) : null);
        if (id is not null && after is not null && item.TryGet("after", false, out _, out var afterPath)) rules.After(id, afterPath, after);
        var interpreters = item.Array("interpreters", false, (e, p) => JsonValues.String(e, p, problems) is { } s ? new Named(s, p) : null);
        if (interpreters is not null) rules.Interpretation.Pins(interpreters, participants ?? []);
        if (id is null || participants is null || duration is null || features is null || windows is null || after is null || interpreters is null) return null;
        return new MeetingRequest(
            id, title ?? id, [.. participants], duration.Value, required, weight, headcount ?? participants.Count,
            [.. features], [.. windows], pin, [.. after.Select(a => a.Id)]) { Interpreters = [.. interpreters.Select(i => i.Id)] };
    }

    /// <summary>Two or more distinct, known participant ids.</summary>
    private List<string>? ReadMeetingParticipants(JsonObjectReader item)
    {
        var named = item.Array("participants", true, (e, p) => JsonValues.String(e, p, problems) is { } s ? new Named(s, p) : null);
        if (named is null) return null;
        item.TryGet("participants", true, out var listElement, out var listPath);
        return rules.MeetingParticipants(named, listPath, complete: listElement.GetArrayLength() == named.Count);
    }

    private Duration? ReadDuration(JsonObjectReader item)
    {
        if (!item.TryGet("durationMinutes", true, out var element, out var path)) return null;
        var minutes = JsonValues.WholeNumber(element, path, problems, EventLimits.MinDurationMinutes, EventLimits.MaxDurationMinutes);
        return minutes is null ? null : rules.MeetingDuration(minutes.Value, path);
    }

    /// <summary>A pin: its start must be on a day's grain and the meeting must fit in that day's hours.</summary>
    private MeetingPin? ReadPin(JsonObjectReader meeting, Duration? duration)
    {
        var item = meeting.Object("pin", false, PinFields);
        if (item is null) return null;
        var room = item.Has("room") ? Reference(item, "room", rules.Rooms) : null;
        if (!item.TryGet("start", true, out var startElement, out var startPath)) return null;
        var start = TimeText.ReadInstant(startElement, startPath, problems, rules.Zone);
        return start is null ? null : rules.Pin(start.Value, room, duration, startPath);
    }
}
