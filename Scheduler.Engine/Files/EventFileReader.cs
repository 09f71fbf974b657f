using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using NodaTime;
using Scheduler.Engine.Domain;

namespace Scheduler.Engine.Files;

/// <summary>
/// Reads a parsed event file (contract v1) into an <see cref="Event"/>, collecting every problem with its path.
/// This part reads the calendar, places and people; <c>EventFileReader.Meetings.cs</c> reads the meetings and
/// checks what needs the whole file (references in <c>after</c>, cycles).
/// </summary>
internal sealed partial class EventFileReader
{
    private static readonly string[] RootFields =
        ["schemaVersion", "event", "buildings", "travelMinutes", "rooms", "delegations", "participants", "meetings", "objective"];
    private static readonly string[] EventFields = ["name", "timeZone", "slotMinutes", "days", "breaks"];
    private static readonly string[] DayFields = ["date", "start", "end"];
    private static readonly string[] BreakFields = ["name", "start", "end"];
    private static readonly string[] BuildingFields = ["id", "name"];
    private static readonly string[] TravelFields = ["from", "to", "minutes"];
    private static readonly string[] RoomFields = ["id", "name", "building", "capacity", "features", "unavailable"];
    private static readonly string[] IntervalFields = ["start", "end"];
    private static readonly string[] DelegationFields = ["id", "name", "precedence"];
    private static readonly string[] ParticipantFields = ["id", "name", "delegation", "available", "busy", "maxMeetingsPerDay"];
    private static readonly string[] ObjectiveFields = ["idleGaps", "maxIdleGapSpread"];
    private const string NotNegative = "must not be negative";

    private readonly ProblemList problems = new();
    private readonly IdRegistry buildingIds;
    private readonly IdRegistry roomIds;
    private readonly IdRegistry delegationIds;
    private readonly IdRegistry participantIds;
    private readonly IdRegistry meetingIds;
    private DateTimeZone? zone;
    private Duration? grain;
    private readonly List<(EventDay Day, Interval? Hours)> days = [];
    private readonly Dictionary<(string, string), JsonPath> travelPairs = [];

    private EventFileReader()
    {
        buildingIds = new IdRegistry("building", problems);
        roomIds = new IdRegistry("room", problems);
        delegationIds = new IdRegistry("delegation", problems);
        participantIds = new IdRegistry("participant", problems);
        meetingIds = new IdRegistry("meeting", problems);
    }

    /// <summary>Reads the document's root element.</summary>
    public static ReadResult<Event> Read(JsonElement root) => new EventFileReader().ReadRoot(root);

    private ReadResult<Event> ReadRoot(JsonElement rootElement)
    {
        var root = JsonObjectReader.Open(rootElement, JsonPath.Root, problems, RootFields);
        if (root is null) return ReadResult<Event>.Failure(problems.InDocumentOrder());
        if (root.TryGet("schemaVersion", true, out var versionElement, out var versionPath))
        {
            var version = JsonValues.WholeNumber(versionElement, versionPath, problems, long.MinValue, long.MaxValue, null);
            if (version is not null && version != 1)
            {
                problems.Add(versionPath, $"schemaVersion {version.Value.ToString(CultureInfo.InvariantCulture)} is not supported; this engine reads version 1");
            }
        }

        var header = root.Object("event", true, EventFields);
        var name = header?.String("name", true);
        var breaks = header is null ? [] : ReadHeader(header);
        var buildings = root.Array("buildings", false, ReadBuilding);
        var travel = root.Array("travelMinutes", false, ReadTravel);
        var rooms = root.Array("rooms", true, ReadRoom);
        var delegations = root.Array("delegations", false, ReadDelegation);
        var participants = root.Array("participants", true, ReadParticipant);
        var meetings = ReadMeetings(root);
        var objective = ReadObjective(root);

        if (problems.Count > 0) return ReadResult<Event>.Failure(problems.InDocumentOrder());
        return ReadResult<Event>.Success(new Event(
            name!, zone!, grain!.Value, days.Select(d => d.Day).ToImmutableArray(), breaks.ToImmutableArray(),
            buildings!.ToImmutableArray(), travel!.ToImmutableArray(), rooms!.ToImmutableArray(),
            delegations!.ToImmutableArray(), participants!.ToImmutableArray(), meetings!.ToImmutableArray(), objective!));
    }

    private List<DailyBreak> ReadHeader(JsonObjectReader header)
    {
        var zoneId = header.String("timeZone", true);
        if (zoneId is not null)
        {
            zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId);
            if (zone is null)
            {
                header.TryGet("timeZone", true, out _, out var zonePath);
                var hint = NearNames.Closest(zoneId, DateTimeZoneProviders.Tzdb.Ids);
                problems.Add(zonePath, hint is null
                    ? $"unknown time zone \"{zoneId}\" (use an IANA id such as \"Europe/Moscow\")"
                    : $"unknown time zone \"{zoneId}\" (did you mean \"{hint}\"?)");
            }
        }

        grain = header.Has("slotMinutes")
            ? header.Int("slotMinutes", false, 1, "must be positive") is { } minutes ? Duration.FromMinutes(minutes) : null
            : Duration.FromMinutes(15);
        var dates = new Dictionary<LocalDate, JsonPath>();
        header.Array("days", true, (e, p) => ReadDay(e, p, dates));
        if (header.TryGet("days", false, out var daysElement, out var daysPath)
            && daysElement.ValueKind == JsonValueKind.Array && daysElement.GetArrayLength() == 0)
        {
            problems.Add(daysPath, "an event needs at least one day");
        }

        return header.Array("breaks", false, ReadBreak) ?? [];
    }

    private EventDay? ReadDay(JsonElement element, JsonPath path, Dictionary<LocalDate, JsonPath> dates)
    {
        var day = JsonObjectReader.Open(element, path, problems, DayFields);
        if (day is null) return null;
        LocalDate? date = day.TryGet("date", true, out var dateElement, out var datePath)
            ? TimeText.ReadDate(dateElement, datePath, problems) : null;
        LocalTime? start = day.TryGet("start", true, out var startElement, out var startPath)
            ? TimeText.ReadTimeOfDay(startElement, startPath, problems) : null;
        LocalTime? end = day.TryGet("end", true, out var endElement, out var endPath)
            ? TimeText.ReadTimeOfDay(endElement, endPath, problems) : null;
        if (date is { } d && !dates.TryAdd(d, datePath))
        {
            problems.Add(datePath, $"the day {TimeText.Date.Format(d)} is given twice (also at {dates[d]})");
        }

        if (start is { } s && end is { } e && e <= s)
        {
            problems.Add(endPath, $"end {TimeText.FormatTimeOfDay(e)} is not after start {TimeText.FormatTimeOfDay(s)}");
            return null;
        }

        if (date is null || start is null || end is null) return null;
        var result = new EventDay(date.Value, start.Value, end.Value);
        Interval? hours = null;
        if (zone is not null)
        {
            var opens = TimeText.Resolve(date.Value + start.Value, zone, startPath, problems);
            var closes = TimeText.Resolve(date.Value + end.Value, zone, endPath, problems);
            if (opens is { } o && closes is { } c) hours = new Interval(o, c);
        }

        days.Add((result, hours));
        return result;
    }

    private DailyBreak? ReadBreak(JsonElement element, JsonPath path)
    {
        var item = JsonObjectReader.Open(element, path, problems, BreakFields);
        if (item is null) return null;
        var name = item.String("name", false) ?? "";
        LocalTime? start = item.TryGet("start", true, out var startElement, out var startPath)
            ? TimeText.ReadTimeOfDay(startElement, startPath, problems) : null;
        LocalTime? end = item.TryGet("end", true, out var endElement, out var endPath)
            ? TimeText.ReadTimeOfDay(endElement, endPath, problems) : null;
        if (start is null || end is null) return null;
        if (end <= start)
        {
            problems.Add(endPath, $"end {TimeText.FormatTimeOfDay(end.Value)} is not after start {TimeText.FormatTimeOfDay(start.Value)}");
            return null;
        }

        if (zone is not null)
        {
            foreach (var (day, _) in days)
            {
                TimeText.Resolve(day.Date + start.Value, zone, startPath, problems);
                TimeText.Resolve(day.Date + end.Value, zone, endPath, problems);
            }
        }

        return new DailyBreak(name, start.Value, end.Value);
    }

    private Building? ReadBuilding(JsonElement element, JsonPath path)
    {
        var item = JsonObjectReader.Open(element, path, problems, BuildingFields);
        var id = RegisterId(item, buildingIds);
        var name = item?.String("name", false);
        return id is null ? null : new Building(id, name ?? id);
    }

    private TravelTime? ReadTravel(JsonElement element, JsonPath path)
    {
        var item = JsonObjectReader.Open(element, path, problems, TravelFields);
        if (item is null) return null;
        var from = Reference(item, "from", buildingIds);
        var to = Reference(item, "to", buildingIds);
        var minutes = item.Int("minutes", true, 0, NotNegative);
        if (from is not null && from == to)
        {
            problems.Add(path, $"travel from \"{from}\" to itself; give only pairs of different buildings");
            return null;
        }

        if (from is null || to is null || minutes is null) return null;

        // Travel is symmetric, so a pair given twice (either way round) would leave one of the times unused.
        var pair = string.CompareOrdinal(from, to) < 0 ? (from, to) : (to, from);
        if (!travelPairs.TryAdd(pair, path))
        {
            problems.Add(path, $"travel between \"{from}\" and \"{to}\" is given twice (also at {travelPairs[pair]})");
            return null;
        }

        return new TravelTime(from, to, Duration.FromMinutes(minutes.Value));
    }

    private Room? ReadRoom(JsonElement element, JsonPath path)
    {
        var item = JsonObjectReader.Open(element, path, problems, RoomFields);
        var id = RegisterId(item, roomIds);
        if (item is null) return null;
        var name = item.String("name", false);
        var building = item.Has("building") ? Reference(item, "building", buildingIds) : null;
        var capacity = item.Int("capacity", true, 0, NotNegative);
        var features = item.Array("features", false, JsonValuesString);
        var unavailable = item.Values("unavailable", false, ReadInterval);
        if (id is null || capacity is null || features is null || unavailable is null) return null;
        return new Room(id, name ?? id, building, capacity.Value, [.. features], [.. unavailable]);
    }

    private Delegation? ReadDelegation(JsonElement element, JsonPath path)
    {
        var item = JsonObjectReader.Open(element, path, problems, DelegationFields);
        var id = RegisterId(item, delegationIds);
        if (item is null) return null;
        var name = item.String("name", false);
        var precedence = item.Int("precedence", false, 0, NotNegative);
        return id is null ? null : new Delegation(id, name ?? id, precedence);
    }

    private Participant? ReadParticipant(JsonElement element, JsonPath path)
    {
        var item = JsonObjectReader.Open(element, path, problems, ParticipantFields);
        var id = RegisterId(item, participantIds);
        if (item is null) return null;
        var name = item.String("name", false);
        var delegation = item.Has("delegation") ? Reference(item, "delegation", delegationIds) : null;
        var available = item.Values("available", false, ReadInterval);
        var busy = item.Values("busy", false, ReadInterval);
        var maxPerDay = item.Int("maxMeetingsPerDay", false, 0, NotNegative);
        if (id is null || available is null || busy is null) return null;
        return new Participant(id, name ?? id, delegation, [.. available], [.. busy], maxPerDay);
    }

    private ScheduleObjective? ReadObjective(JsonObjectReader root)
    {
        if (!root.Has("objective")) return ScheduleObjective.Default;
        var item = root.Object("objective", false, ObjectiveFields);
        if (item is null) return null;
        var policy = IdleGapPolicy.Minimize;
        if (item.TryGet("idleGaps", false, out var policyElement, out var policyPath)
            && JsonValues.String(policyElement, policyPath, problems) is { } text)
        {
            switch (text)
            {
                case "minimize": policy = IdleGapPolicy.Minimize; break;
                case "ignore": policy = IdleGapPolicy.Ignore; break;
                default: problems.Add(policyPath, $"expected \"minimize\" or \"ignore\", found \"{text}\""); break;
            }
        }

        var spread = item.Int("maxIdleGapSpread", false, 0, NotNegative);
        return new ScheduleObjective(policy, spread);
    }

    /// <summary>An interval <c>{start, end}</c> of the event file, start before end.</summary>
    private Interval? ReadInterval(JsonElement element, JsonPath path)
    {
        var item = JsonObjectReader.Open(element, path, problems, IntervalFields);
        if (item is null) return null;
        Instant? start = item.TryGet("start", true, out var startElement, out var startPath)
            ? TimeText.ReadInstant(startElement, startPath, problems, zone) : null;
        Instant? end = item.TryGet("end", true, out var endElement, out var endPath)
            ? TimeText.ReadInstant(endElement, endPath, problems, zone) : null;
        if (start is null || end is null || zone is null) return null;
        if (start >= end)
        {
            problems.Add(path, $"start {TimeText.Describe(start.Value, zone)} is not before end {TimeText.Describe(end.Value, zone)}");
            return null;
        }

        return new Interval(start.Value, end.Value);
    }

    private string? JsonValuesString(JsonElement element, JsonPath path) => JsonValues.String(element, path, problems);

    private static string? RegisterId(JsonObjectReader? item, IdRegistry registry)
    {
        if (item is null) return null;
        var id = item.Id();
        if (id is not null && item.TryGet("id", true, out _, out var idPath)) registry.Register(id, idPath);
        return id;
    }

    /// <summary>A field naming an item of another list, checked against the ids read so far.</summary>
    private string? Reference(JsonObjectReader item, string field, IdRegistry registry)
    {
        if (!item.TryGet(field, true, out var element, out var path)) return null;
        var id = JsonValues.String(element, path, problems);
        return id is not null && registry.Check(id, path) ? id : null;
    }
}

/// <summary>The ids of one list: reports a repeated id where it repeats and an unknown reference where it is made.</summary>
internal sealed class IdRegistry(string kind, ProblemList problems)
{
    private readonly Dictionary<string, JsonPath> first = new(StringComparer.Ordinal);

    public void Register(string id, JsonPath at)
    {
        if (!first.TryAdd(id, at)) problems.Add(at, $"duplicate {kind} id \"{id}\" (first at {first[id]})");
    }

    public bool Contains(string id) => first.ContainsKey(id);

    /// <summary>True when <paramref name="id"/> is known; otherwise reports it at <paramref name="at"/>.</summary>
    public bool Check(string id, JsonPath at)
    {
        if (first.ContainsKey(id)) return true;
        problems.Add(at, $"no {kind} \"{id}\"");
        return false;
    }
}
