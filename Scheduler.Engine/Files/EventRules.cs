using System.Globalization;
using System.Text;
using NodaTime;
using Scheduler.Engine.Domain;

namespace Scheduler.Engine.Files;

/// <summary>
/// The rules an event keeps beyond the shape of its file: ids unique and non-empty, references that resolve, days
/// and breaks whose hours exist in the zone, intervals that run forward, durations on the grain, pins inside a
/// day, travel between distinct buildings given once, at least two distinct participants a meeting, no circle of
/// <c>after</c>, and the numeric ranges of <see cref="EventLimits"/>. One instance checks one event; the event file
/// reader and <see cref="Event.Create"/> both call it, item by item in file order, with each value's path, so a
/// rule is written once and words its problem the same way for a file and for code.
/// </summary>
internal sealed class EventRules
{
    private readonly Dictionary<LocalDate, JsonPath> dates = [];
    private readonly List<(EventDay Day, Interval? Hours)> days = [];
    private readonly Dictionary<(string, string), JsonPath> travelPairs = [];
    private readonly List<(string Meeting, JsonPath Path, List<Named> After)> afterLists = [];

    public EventRules(ProblemList problems)
    {
        Problems = problems;
        Buildings = new IdRegistry("building", problems);
        Rooms = new IdRegistry("room", problems);
        Delegations = new IdRegistry("delegation", problems);
        Participants = new IdRegistry("participant", problems);
        Meetings = new IdRegistry("meeting", problems);
        Interpretation = new InterpreterRules(problems);
    }

    /// <summary>The rules of interpreters and languages (contract v1.1), with the interpreter ids.</summary>
    public InterpreterRules Interpretation { get; }

    /// <summary>Where problems go.</summary>
    public ProblemList Problems { get; }

    /// <summary>Building ids.</summary>
    public IdRegistry Buildings { get; }

    /// <summary>Room ids.</summary>
    public IdRegistry Rooms { get; }

    /// <summary>Delegation ids.</summary>
    public IdRegistry Delegations { get; }

    /// <summary>Participant ids.</summary>
    public IdRegistry Participants { get; }

    /// <summary>Meeting ids.</summary>
    public IdRegistry Meetings { get; }

    /// <summary>The event's zone, once known.</summary>
    public DateTimeZone? Zone { get; private set; }

    /// <summary>The grain, once known.</summary>
    public Duration? Grain { get; private set; }

    /// <summary>The message for a number outside its range.</summary>
    public static string OutOfRange(long min, long max, string found) =>
        string.Create(CultureInfo.InvariantCulture, $"must be between {min} and {max}, found {found}");

    /// <summary>True when <paramref name="value"/> lies in [<paramref name="min"/>, <paramref name="max"/>]; otherwise reports it.</summary>
    public bool InRange(long value, long min, long max, JsonPath at)
    {
        if (value >= min && value <= max) return true;
        Problems.Add(at, OutOfRange(min, max, value.ToString(CultureInfo.InvariantCulture)));
        return false;
    }

    /// <summary>The zone with IANA id <paramref name="id"/>, or null after reporting it unknown (with the nearest id as a hint).</summary>
    public DateTimeZone? TimeZone(string id, JsonPath at)
    {
        Zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(id);
        if (Zone is null)
        {
            var hint = NearNames.Closest(id, DateTimeZoneProviders.Tzdb.Ids);
            Problems.Add(at, hint is null
                ? $"unknown time zone \"{id}\" (use an IANA id such as \"Europe/Moscow\")"
                : $"unknown time zone \"{id}\" (did you mean \"{hint}\"?)");
        }

        return Zone;
    }

    /// <summary>Sets the grain from whole minutes already within <see cref="EventLimits.MinSlotMinutes"/>..<see cref="EventLimits.MaxSlotMinutes"/>.</summary>
    public Duration SlotMinutes(long minutes) => (Grain = Duration.FromMinutes(minutes)).Value;

    /// <summary>
    /// A day: its date given once, its end after its start, and both hours existing once in the zone (a day that
    /// opens in a clock change is reported, since there is nowhere to give an offset). Null when it breaks a rule
    /// or a part is missing (already reported).
    /// </summary>
    public EventDay? Day(LocalDate? date, LocalTime? start, LocalTime? end, JsonPath datePath, JsonPath startPath, JsonPath endPath)
    {
        if (date is { } year && (year.Year < TimeText.FirstYear || year.Year > TimeText.LastYear))
        {
            Problems.Add(datePath, TimeText.OutsideYears($"\"{TimeText.Date.Format(year)}\""));
            return null;
        }

        if (date is { } d && !dates.TryAdd(d, datePath))
        {
            Problems.Add(datePath, $"the day {TimeText.Date.Format(d)} is given twice (also at {dates[d]})");
        }

        if (start is { } s && end is { } e && e <= s)
        {
            Problems.Add(endPath, $"end {TimeText.FormatTimeOfDay(e)} is not after start {TimeText.FormatTimeOfDay(s)}");
            return null;
        }

        if (date is null || start is null || end is null) return null;
        var result = new EventDay(date.Value, start.Value, end.Value);
        Interval? hours = null;
        if (Zone is not null)
        {
            var opens = TimeText.Resolve(date.Value + start.Value, Zone, startPath, Problems);
            var closes = TimeText.Resolve(date.Value + end.Value, Zone, endPath, Problems);
            if (opens is { } o && closes is { } c) hours = new Interval(o, c);
        }

        days.Add((result, hours));
        return result;
    }

    /// <summary>Checks how many days the event has: at least one, at most <see cref="EventLimits.MaxDays"/>.</summary>
    public void DayCount(int count, JsonPath at)
    {
        if (count == 0) Problems.Add(at, "an event needs at least one day");
        else if (count > EventLimits.MaxDays) Problems.Add(at, $"an event may have at most {EventLimits.MaxDays} days, found {count}");
    }

    /// <summary>A daily break: its end after its start, and both existing once in the zone on every day read so far.</summary>
    public DailyBreak? Break(string name, LocalTime? start, LocalTime? end, JsonPath startPath, JsonPath endPath)
    {
        if (start is null || end is null) return null;
        if (end <= start)
        {
            Problems.Add(endPath, $"end {TimeText.FormatTimeOfDay(end.Value)} is not after start {TimeText.FormatTimeOfDay(start.Value)}");
            return null;
        }

        if (Zone is not null)
        {
            foreach (var (day, _) in days)
            {
                TimeText.Resolve(day.Date + start.Value, Zone, startPath, Problems);
                TimeText.Resolve(day.Date + end.Value, Zone, endPath, Problems);
            }
        }

        return new DailyBreak(name, start.Value, end.Value);
    }

    /// <summary>Registers a non-empty id of <paramref name="registry"/>'s list (reporting a repeat); false for an empty one.</summary>
    public bool Id(IdRegistry registry, string id, JsonPath at)
    {
        if (id.Length == 0)
        {
            Problems.Add(at, IdRegistry.EmptyId);
            return false;
        }

        registry.Register(id, at);
        return true;
    }

    /// <summary>
    /// A travel time between two known buildings (null ones were reported unknown): not from a building to itself,
    /// and each pair given once either way round, since a second time for a pair would never be used.
    /// </summary>
    public TravelTime? Travel(string? from, string? to, long? minutes, JsonPath path)
    {
        if (from is not null && from == to)
        {
            Problems.Add(path, $"travel from \"{from}\" to itself; give only pairs of different buildings");
            return null;
        }

        if (from is null || to is null || minutes is null) return null;
        var pair = string.CompareOrdinal(from, to) < 0 ? (from, to) : (to, from);
        if (!travelPairs.TryAdd(pair, path))
        {
            Problems.Add(path, $"travel between \"{from}\" and \"{to}\" is given twice (also at {travelPairs[pair]})");
            return null;
        }

        return new TravelTime(from, to, Duration.FromMinutes(minutes.Value));
    }

    /// <summary>An interval that runs forward: start before end. Null when a part is missing or the zone is unknown (both reported).</summary>
    public Interval? Interval(Instant? start, Instant? end, JsonPath path)
    {
        if (start is null || end is null || Zone is null || !InYears(start.Value, path) || !InYears(end.Value, path)) return null;
        if (start >= end)
        {
            Problems.Add(path, $"start {TimeText.Describe(start.Value, Zone)} is not before end {TimeText.Describe(end.Value, Zone)}");
            return null;
        }

        return new Interval(start.Value, end.Value);
    }

    /// <summary>Checks how many meetings the event requests: at most <see cref="EventLimits.MaxMeetings"/>.</summary>
    public void MeetingCount(int count, JsonPath at)
    {
        if (count > EventLimits.MaxMeetings) Problems.Add(at, $"an event may request at most {EventLimits.MaxMeetings} meetings, found {count}");
    }

    /// <summary>
    /// A meeting's participants: known, none twice, and at least two distinct ones (checked only when
    /// <paramref name="complete"/>: every listed item was an id, so the count means something).
    /// </summary>
    public List<string> MeetingParticipants(IReadOnlyList<Named> named, JsonPath listPath, bool complete)
    {
        var distinct = new List<string>(named.Count);
        foreach (var participant in named)
        {
            Participants.Check(participant.Id, participant.Path);
            if (distinct.Contains(participant.Id, StringComparer.Ordinal))
            {
                Problems.Add(participant.Path, $"participant \"{participant.Id}\" is listed twice");
            }
            else
            {
                distinct.Add(participant.Id);
            }
        }

        if (distinct.Count < 2 && complete)
        {
            Problems.Add(listPath, $"a meeting needs at least two distinct participants, found {distinct.Count}");
        }

        return distinct;
    }

    /// <summary>A meeting's duration from whole minutes already in range: a multiple of the grain (when the grain is known).</summary>
    public Duration? MeetingDuration(long minutes, JsonPath path)
    {
        if (Grain is not { } g) return null;
        var duration = Duration.FromMinutes(minutes);
        if (duration.BclCompatibleTicks % g.BclCompatibleTicks != 0)
        {
            Problems.Add(path, $"{minutes.ToString(CultureInfo.InvariantCulture)} is not a positive multiple of slotMinutes "
                + $"({((long)g.TotalMinutes).ToString(CultureInfo.InvariantCulture)})");
            return null;
        }

        return duration;
    }

    /// <summary>A pin: its start inside one day's hours, on that day's grain, and the meeting ending before the day closes.</summary>
    public MeetingPin? Pin(Instant start, string? room, Duration? duration, JsonPath startPath)
    {
        if (Zone is null || !InYears(start, startPath)) return null;
        var text = TimeText.Describe(start, Zone);
        var day = days.FirstOrDefault(d => d.Hours is { } h && h.Contains(start));
        if (day.Hours is not { } hours)
        {
            if (days.All(d => d.Hours is not null)) Problems.Add(startPath, $"pin start {text} lies outside every day's hours");
            return null;
        }

        if (Grain is { } g && (start - hours.Start).BclCompatibleTicks % g.BclCompatibleTicks != 0)
        {
            Problems.Add(startPath, $"pin start {text} is off the {(long)g.TotalMinutes}-minute grain counted from "
                + $"{TimeText.FormatTimeOfDay(day.Day.Start)} on {TimeText.Date.Format(day.Day.Date)}");
            return null;
        }

        if (duration is { } d && start + d > hours.End)
        {
            Problems.Add(startPath, $"a {(long)d.TotalMinutes}-minute meeting pinned at {text} ends after the day closes "
                + $"at {TimeText.FormatTimeOfDay(day.Day.End)}");
            return null;
        }

        return new MeetingPin(start, room);
    }

    private static readonly Instant FirstInstant = Instant.FromUtc(TimeText.FirstYear, 1, 1, 0, 0);
    private static readonly Instant EndOfLastYear = Instant.FromUtc(TimeText.LastYear + 1, 1, 1, 0, 0);

    /// <summary>
    /// True for an instant in the years of <see cref="TimeText.FirstYear"/>..<see cref="TimeText.LastYear"/> (UTC);
    /// the reader never hands over another, but code can (<see cref="Instant.MaxValue"/>).
    /// </summary>
    private bool InYears(Instant instant, JsonPath at)
    {
        if (instant >= FirstInstant && instant < EndOfLastYear) return true;
        Problems.Add(at, TimeText.OutsideYears($"\"{NodaTime.Text.InstantPattern.ExtendedIso.Format(instant)}\""));
        return false;
    }

    /// <summary>Notes a meeting's <c>after</c> list; its ids may point forward, so they are checked by <see cref="CheckAfter"/>.</summary>
    public void After(string meeting, JsonPath listPath, List<Named> after)
    {
        if (after.Count > 0) afterLists.Add((meeting, listPath, after));
    }

    /// <summary>Once every meeting id is known: each <c>after</c> id names a meeting, and no chain of them is circular.</summary>
    public void CheckAfter()
    {
        var edges = new List<(string Meeting, JsonPath Path, List<string> Before)>(afterLists.Count);
        foreach (var (meeting, path, after) in afterLists)
        {
            edges.Add((meeting, path, after.Where(a => Meetings.Check(a.Id, a.Path)).Select(a => a.Id).ToList()));
        }

        foreach (var (path, cycle) in AfterCycles.Find(edges))
        {
            Problems.Add(path, DescribeCycle(cycle));
        }
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
}

/// <summary>An id named in a list, with where it is named.</summary>
/// <param name="Id">The id.</param>
/// <param name="Path">Where it is named.</param>
internal sealed record Named(string Id, JsonPath Path);

/// <summary>The ids of one list: reports a repeated id where it repeats and an unknown reference where it is made.</summary>
internal sealed class IdRegistry(string kind, ProblemList problems)
{
    /// <summary>The problem with an empty id.</summary>
    public const string EmptyId = "an id must not be empty";

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
