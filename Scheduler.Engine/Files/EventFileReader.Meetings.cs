using System.Globalization;
using System.Text;
using System.Text.Json;
using NodaTime;
using Scheduler.Engine.Domain;

namespace Scheduler.Engine.Files;

/// <summary>The meetings of an event file, and the checks that need every meeting read first.</summary>
internal sealed partial class EventFileReader
{
    private static readonly string[] MeetingFields =
    [
        "id", "title", "participants", "durationMinutes", "required", "weight", "headcount",
        "requiredFeatures", "windows", "pin", "after",
    ];
    private static readonly string[] PinFields = ["start", "room"];

    /// <summary>An id named in a list, with where it is named.</summary>
    private sealed record Named(string Id, JsonPath Path);

    private List<MeetingRequest>? ReadMeetings(JsonObjectReader root)
    {
        var afterLists = new List<(string Meeting, JsonPath Path, List<Named> After)>();
        var meetings = root.Array("meetings", true, (element, path) => ReadMeeting(element, path, afterLists));
        if (meetings is null) return null;

        // References in `after` may point forward, so they are checked once every id is known.
        var edges = new List<(string Meeting, JsonPath Path, List<string> Before)>(afterLists.Count);
        foreach (var (meeting, path, after) in afterLists)
        {
            edges.Add((meeting, path, after.Where(a => meetingIds.Check(a.Id, a.Path)).Select(a => a.Id).ToList()));
        }

        foreach (var (path, cycle) in AfterCycles.Find(edges))
        {
            problems.Add(path, DescribeCycle(cycle));
        }

        return meetings;
    }

    private static string DescribeCycle(IReadOnlyList<string> cycle)
    {
        if (cycle.Count == 1) return $"meeting \"{cycle[0]}\" is listed as after itself";
        var text = new StringBuilder($"circular order: \"{cycle[0]}\" is after \"{cycle[1]}\"");
        // A long circle is named by its first links and its length, so the message stays readable.
        const int shown = 8;
        var links = cycle.Count > shown + 2 ? shown : cycle.Count;
        for (var i = 1; i < links; i++) text.Append($", which is after \"{cycle[(i + 1) % cycle.Count]}\"");
        if (links < cycle.Count) text.Append($", ... and so on through {cycle.Count} meetings back to \"{cycle[0]}\"");
        return text.ToString();
    }

    private MeetingRequest? ReadMeeting(JsonElement element, JsonPath path, List<(string, JsonPath, List<Named>)> afterLists)
    {
        var item = JsonObjectReader.Open(element, path, problems, MeetingFields);
        var id = RegisterId(item, meetingIds);
        if (item is null) return null;
        var title = item.String("title", false);
        var participants = ReadMeetingParticipants(item);
        var duration = ReadDuration(item);
        var required = item.Bool("required", false) ?? false;
        var weight = item.Long("weight", false, 0, NotNegative) ?? 1;
        var headcount = item.Int("headcount", false, 0, NotNegative);
        var features = item.Array("requiredFeatures", false, JsonValuesString);
        var windows = item.Values("windows", false, ReadInterval);
        var pin = item.Has("pin") ? ReadPin(item, duration) : null;
        var after = item.Array("after", false, (e, p) => JsonValues.String(e, p, problems) is { } s ? new Named(s, p) : null);
        if (id is null || participants is null || duration is null || features is null || windows is null || after is null) return null;
        if (after.Count > 0 && item.TryGet("after", false, out _, out var afterPath))
        {
            afterLists.Add((id, afterPath, after));
        }

        return new MeetingRequest(
            id, title ?? id, [.. participants], duration.Value, required, weight, headcount ?? participants.Count,
            [.. features], [.. windows], pin, [.. after.Select(a => a.Id)]);
    }

    /// <summary>Two or more distinct, known participant ids.</summary>
    private List<string>? ReadMeetingParticipants(JsonObjectReader item)
    {
        var named = item.Array("participants", true, (e, p) => JsonValues.String(e, p, problems) is { } s ? new Named(s, p) : null);
        if (named is null) return null;
        var distinct = new List<string>(named.Count);
        foreach (var participant in named)
        {
            participantIds.Check(participant.Id, participant.Path);
            if (distinct.Contains(participant.Id, StringComparer.Ordinal))
            {
                problems.Add(participant.Path, $"participant \"{participant.Id}\" is listed twice");
            }
            else
            {
                distinct.Add(participant.Id);
            }
        }

        item.TryGet("participants", true, out var listElement, out var listPath);
        if (distinct.Count < 2 && listElement.GetArrayLength() == named.Count)
        {
            problems.Add(listPath, $"a meeting needs at least two distinct participants, found {distinct.Count}");
        }

        return distinct;
    }

    private Duration? ReadDuration(JsonObjectReader item)
    {
        if (!item.TryGet("durationMinutes", true, out var element, out var path)) return null;
        var minutes = JsonValues.WholeNumber(element, path, problems, long.MinValue, int.MaxValue, null);
        if (minutes is null || grain is not { } g) return null;
        var duration = Duration.FromMinutes(minutes.Value);
        if (duration <= Duration.Zero || duration.BclCompatibleTicks % g.BclCompatibleTicks != 0)
        {
            problems.Add(path, $"{minutes.Value.ToString(CultureInfo.InvariantCulture)} is not a positive multiple of slotMinutes "
                + $"({((long)g.TotalMinutes).ToString(CultureInfo.InvariantCulture)})");
            return null;
        }

        return duration;
    }

    /// <summary>A pin: its start must be on a day's grain and the meeting must fit in that day's hours.</summary>
    private MeetingPin? ReadPin(JsonObjectReader meeting, Duration? duration)
    {
        var item = meeting.Object("pin", false, PinFields);
        if (item is null) return null;
        var room = item.Has("room") ? Reference(item, "room", roomIds) : null;
        if (!item.TryGet("start", true, out var startElement, out var startPath)) return null;
        var start = TimeText.ReadInstant(startElement, startPath, problems, zone);
        if (start is null || zone is null) return null;
        var text = TimeText.Describe(start.Value, zone);
        var day = days.FirstOrDefault(d => d.Hours is { } h && h.Contains(start.Value));
        if (day.Hours is not { } hours)
        {
            if (days.All(d => d.Hours is not null)) problems.Add(startPath, $"pin start {text} lies outside every day's hours");
            return null;
        }

        if (grain is { } g && (start.Value - hours.Start).BclCompatibleTicks % g.BclCompatibleTicks != 0)
        {
            problems.Add(startPath, $"pin start {text} is off the {(long)g.TotalMinutes}-minute grain counted from "
                + $"{TimeText.FormatTimeOfDay(day.Day.Start)} on {TimeText.Date.Format(day.Day.Date)}");
            return null;
        }

        if (duration is { } d && start.Value + d > hours.End)
        {
            problems.Add(startPath, $"a {(long)d.TotalMinutes}-minute meeting pinned at {text} ends after the day closes "
                + $"at {TimeText.FormatTimeOfDay(day.Day.End)}");
            return null;
        }

        return new MeetingPin(start.Value, room);
    }
}
