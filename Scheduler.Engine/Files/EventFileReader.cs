using System.Collections.Immutable;
using System.Text.Json;
using NodaTime;
using Scheduler.Engine.Domain;

namespace Scheduler.Engine.Files;

/// <summary>
/// Reads a parsed event file (contract v1) into an <see cref="Event"/>, collecting every problem with its path.
/// The reader owns the file's shape (fields, types, whole numbers in range, time texts); every rule about the
/// values themselves is <see cref="EventRules"/>, which <see cref="Event.Create"/> applies too. This part reads
/// the calendar, places and people; <c>EventFileReader.Meetings.cs</c> reads the meetings.
/// </summary>
internal sealed partial class EventFileReader
{
    // The known fields of each object, in the contract's order; Event.Create names its paths by the same order.
    internal static readonly string[] RootFields =
        ["schemaVersion", "event", "buildings", "travelMinutes", "rooms", "delegations", "participants", "interpreters", "meetings", "objective", "replan"];
    internal static readonly string[] EventFields = ["name", "timeZone", "slotMinutes", "days", "breaks"];
    internal static readonly string[] DayFields = ["date", "start", "end"];
    internal static readonly string[] BreakFields = ["name", "start", "end"];
    internal static readonly string[] BuildingFields = ["id", "name"];
    internal static readonly string[] TravelFields = ["from", "to", "minutes"];
    internal static readonly string[] RoomFields = ["id", "name", "building", "capacity", "features", "unavailable"];
    internal static readonly string[] IntervalFields = ["start", "end"];
    internal static readonly string[] DelegationFields = ["id", "name", "precedence"];
    internal static readonly string[] ParticipantFields = ["id", "name", "delegation", "available", "busy", "maxMeetingsPerDay", "languages"];
    internal static readonly string[] InterpreterFields = ["id", "name", "languages", "available", "busy", "maxMinutesPerDay"];
    internal static readonly string[] ObjectiveFields = ["idleGaps", "maxIdleGapSpread"];

    private readonly ProblemList problems = new();
    private readonly EventRules rules;

    private EventFileReader() => rules = new EventRules(problems);

    /// <summary>Reads the document's root element.</summary>
    public static ReadResult<Event> Read(JsonElement root) => new EventFileReader().ReadRoot(root);

    private ReadResult<Event> ReadRoot(JsonElement rootElement)
    {
        var root = JsonObjectReader.Open(rootElement, JsonPath.Root, problems, RootFields);
        if (root is null) return ReadResult<Event>.Failure(problems.InDocumentOrder());
        if (root.TryGet("schemaVersion", true, out var versionElement, out var versionPath))
        {
            JsonValues.SchemaVersion(versionElement, versionPath, problems);
        }

        var header = root.Object("event", true, EventFields);
        var name = header?.String("name", true);
        List<EventDay>? days = null;
        var breaks = header is null ? [] : ReadHeader(header, out days);
        var buildings = root.Array("buildings", false, ReadBuilding);
        var travel = root.Array("travelMinutes", false, ReadTravel);
        var rooms = root.Array("rooms", true, ReadRoom);
        var delegations = root.Array("delegations", false, ReadDelegation);
        var participants = root.Array("participants", true, ReadParticipant);
        var interpreters = root.Array("interpreters", false, ReadInterpreter);
        var meetings = ReadMeetings(root);
        var objective = ReadObjective(root);
        var replan = ReplanReading.Read(root, problems, rules.Zone);

        if (problems.Count > 0) return ReadResult<Event>.Failure(problems.InDocumentOrder());
        return ReadResult<Event>.Success(new Event(
            name!, rules.Zone!, rules.Grain!.Value, [.. days!], breaks.ToImmutableArray(),
            buildings!.ToImmutableArray(), travel!.ToImmutableArray(), rooms!.ToImmutableArray(),
            delegations!.ToImmutableArray(), participants!.ToImmutableArray(), meetings!.ToImmutableArray(), objective!,
            interpreters!.ToImmutableArray())
        {
            Replan = replan,
        });
    }

    private List<DailyBreak> ReadHeader(JsonObjectReader header, out List<EventDay>? days)
    {
        if (header.TryGet("timeZone", true, out var zoneElement, out var zonePath)
            && JsonValues.String(zoneElement, zonePath, problems) is { } zoneId)
        {
            rules.TimeZone(zoneId, zonePath);
        }

        if (!header.Has("slotMinutes")) rules.SlotMinutes(15);
        else if (header.Int("slotMinutes", false, EventLimits.MinSlotMinutes, EventLimits.MaxSlotMinutes) is { } minutes) rules.SlotMinutes(minutes);
        days = header.Array("days", true, ReadDay);
        if (days is not null && header.TryGet("days", false, out var daysElement, out var daysPath))
        {
            rules.DayCount(daysElement.GetArrayLength(), daysPath);
        }

        return header.Array("breaks", false, ReadBreak) ?? [];
    }

    private EventDay? ReadDay(JsonElement element, JsonPath path)
    {
        var day = JsonObjectReader.Open(element, path, problems, DayFields);
        if (day is null) return null;
        LocalDate? date = day.TryGet("date", true, out var dateElement, out var datePath)
            ? TimeText.ReadDate(dateElement, datePath, problems) : null;
        LocalTime? start = day.TryGet("start", true, out var startElement, out var startPath)
            ? TimeText.ReadTimeOfDay(startElement, startPath, problems) : null;
        LocalTime? end = day.TryGet("end", true, out var endElement, out var endPath)
            ? TimeText.ReadTimeOfDay(endElement, endPath, problems) : null;
        return rules.Day(date, start, end, datePath, startPath, endPath);
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
        return rules.Break(name, start, end, startPath, endPath);
    }

    private Building? ReadBuilding(JsonElement element, JsonPath path)
    {
        var item = JsonObjectReader.Open(element, path, problems, BuildingFields);
        var id = RegisterId(item, rules.Buildings);
        var name = item?.String("name", false);
        return id is null ? null : new Building(id, name ?? id);
    }

    private TravelTime? ReadTravel(JsonElement element, JsonPath path)
    {
        var item = JsonObjectReader.Open(element, path, problems, TravelFields);
        if (item is null) return null;
        var from = Reference(item, "from", rules.Buildings);
        var to = Reference(item, "to", rules.Buildings);
        var minutes = item.Int("minutes", true, 0, EventLimits.MaxTravelMinutes);
        return rules.Travel(from, to, minutes, path);
    }

    private Room? ReadRoom(JsonElement element, JsonPath path)
    {
        var item = JsonObjectReader.Open(element, path, problems, RoomFields);
        var id = RegisterId(item, rules.Rooms);
        if (item is null) return null;
        var name = item.String("name", false);
        var building = item.Has("building") ? Reference(item, "building", rules.Buildings) : null;
        var capacity = item.Int("capacity", true, 0, EventLimits.MaxSeats);
        var features = item.Array("features", false, JsonValuesString);
        var unavailable = item.Values("unavailable", false, ReadInterval);
        if (id is null || capacity is null || features is null || unavailable is null) return null;
        return new Room(id, name ?? id, building, capacity.Value, [.. features], [.. unavailable]);
    }

    private Delegation? ReadDelegation(JsonElement element, JsonPath path)
    {
        var item = JsonObjectReader.Open(element, path, problems, DelegationFields);
        var id = RegisterId(item, rules.Delegations);
        if (item is null) return null;
        var name = item.String("name", false);
        var precedence = item.Int("precedence", false, 0, EventLimits.MaxPrecedence);
        return id is null ? null : new Delegation(id, name ?? id, precedence);
    }

    private Participant? ReadParticipant(JsonElement element, JsonPath path)
    {
        var item = JsonObjectReader.Open(element, path, problems, ParticipantFields);
        var id = RegisterId(item, rules.Participants);
        if (item is null) return null;
        var name = item.String("name", false);
        var delegation = item.Has("delegation") ? Reference(item, "delegation", rules.Delegations) : null;
        var available = item.Values("available", false, ReadInterval);
        var busy = item.Values("busy", false, ReadInterval);
        var maxPerDay = item.Int("maxMeetingsPerDay", false, 0, EventLimits.MaxMeetingsPerDay);
        var languages = ReadLanguages(item);
        if (id is not null && languages is not null) rules.Interpretation.Participant(id, languages);
        if (id is null || available is null || busy is null || languages is null) return null;
        return new Participant(id, name ?? id, delegation, [.. available], [.. busy], maxPerDay) { Languages = [.. languages] };
    }

    private Interpreter? ReadInterpreter(JsonElement element, JsonPath path)
    {
        var item = JsonObjectReader.Open(element, path, problems, InterpreterFields);
        var id = RegisterId(item, rules.Interpretation.Ids);
        if (item is null) return null;
        var name = item.String("name", false);
        var named = item.Array("languages", true, (e, p) => JsonValues.String(e, p, problems) is { } s ? new Named(s, p) : null);
        var languages = named is null ? null : rules.Interpretation.Languages(named);
        var available = item.Values("available", false, ReadInterval);
        var busy = item.Values("busy", false, ReadInterval);
        var maxMinutes = item.Int("maxMinutesPerDay", false, InterpreterRules.MinMinutesPerDay, EventLimits.MinutesPerDay);
        if (named is not null && item.TryGet("languages", true, out _, out var languagesPath))
        {
            rules.Interpretation.Interpreter(id, named.Count, languages!, languagesPath);
        }

        if (id is null || languages is not { Count: > 0 } || available is null || busy is null) return null;
        return new Interpreter(id, name ?? id, [.. languages], [.. available], [.. busy], maxMinutes);
    }

    /// <summary>An optional <c>languages</c> list: codes checked by <see cref="InterpreterRules.Languages"/>; empty when absent.</summary>
    private List<string>? ReadLanguages(JsonObjectReader item)
    {
        var named = item.Array("languages", false, (e, p) => JsonValues.String(e, p, problems) is { } s ? new Named(s, p) : null);
        return named is null ? null : rules.Interpretation.Languages(named);
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

        var spread = item.Int("maxIdleGapSpread", false, 0, EventLimits.MaxIdleGapSpread);
        return new ScheduleObjective(policy, spread);
    }

    /// <summary>An interval <c>{start, end}</c> of the event file, start before end.</summary>
    private Interval? ReadInterval(JsonElement element, JsonPath path)
    {
        var item = JsonObjectReader.Open(element, path, problems, IntervalFields);
        if (item is null) return null;
        Instant? start = item.TryGet("start", true, out var startElement, out var startPath)
            ? TimeText.ReadInstant(startElement, startPath, problems, rules.Zone) : null;
        Instant? end = item.TryGet("end", true, out var endElement, out var endPath)
            ? TimeText.ReadInstant(endElement, endPath, problems, rules.Zone) : null;
        return rules.Interval(start, end, path);
    }

    private string? JsonValuesString(JsonElement element, JsonPath path) => JsonValues.String(element, path, problems);

    private string? RegisterId(JsonObjectReader? item, IdRegistry registry)
    {
        if (item is null || !item.TryGet("id", true, out var element, out var path)) return null;
        var id = JsonValues.String(element, path, problems);
        return id is not null && rules.Id(registry, id, path) ? id : null;
    }

    /// <summary>A field naming an item of another list, checked against the ids read so far.</summary>
    private string? Reference(JsonObjectReader item, string field, IdRegistry registry)
    {
        if (!item.TryGet(field, true, out var element, out var path)) return null;
        var id = JsonValues.String(element, path, problems);
        return id is not null && registry.Check(id, path) ? id : null;
    }
}
