using System.Collections.Immutable;
using NodaTime;
using Scheduler.Engine.Domain;
using Scheduler.Engine.Time;

namespace Scheduler.Engine.Rules;

/// <summary>
/// The one source of the contract's rules about a meeting alone: may meeting <c>m</c> start at slot <c>t</c> in a room
/// of a set <c>R</c> (its pin, the grid's days and breaks, its windows, its participants' availability, busy periods
/// and a daily limit of zero; the rooms' seats, features and unavailability), and when it may not, which rule and
/// which participants or rooms stand in the way. The candidate builder, the first-fit baseline and the reasons all
/// ask it; what depends on other meetings (overlaps, travel, rooms in use, daily counts, <c>after</c>, idle gaps)
/// belongs to them. The validator (<c>Checking/</c>) keeps its own copy of every rule on purpose, so a mistake here
/// cannot hide itself.
/// </summary>
/// <remarks>
/// Meetings, participants and rooms are named by their position in the event. Per-participant busy slots and
/// availability ends, per-room unavailable slots and per-meeting allowed starts are computed on first use and kept,
/// so asking twice costs nothing and a component that needs only a few meetings pays only for those. Safe to share
/// between threads: a value computed twice is the same value.
/// </remarks>
internal sealed partial class PlacementRules
{
    private readonly Dictionary<string, int> participantIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> roomIndex = new(StringComparer.Ordinal);
    private readonly ImmutableArray<int>[] participantsOf;
    private readonly int[] lengthOf;
    private readonly bool[]?[] busySlots;          // [participant][slot]; empty: never busy
    private readonly Instant[]?[] availableUntil;  // [participant][slot]: latest end of an availability begun by then; empty: always
    private readonly bool[]?[] roomBlocked;        // [room][slot]; empty: never unavailable
    private readonly ImmutableArray<int>[] allowedStarts;

    /// <summary>The rules of <paramref name="ev"/> on <paramref name="grid"/> (the event's own grid).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A meeting's duration is not a positive multiple of the grain.</exception>
    public PlacementRules(Event ev, TimeGrid grid)
    {
        ArgumentNullException.ThrowIfNull(ev);
        ArgumentNullException.ThrowIfNull(grid);
        Event = ev;
        Grid = grid;
        for (int p = 0; p < ev.Participants.Length; p++) participantIndex[ev.Participants[p].Id] = p;
        for (int r = 0; r < ev.Rooms.Length; r++) roomIndex[ev.Rooms[r].Id] = r;
        participantsOf = ev.Meetings.Select(m => m.Participants.Select(id => participantIndex[id]).ToImmutableArray()).ToArray();
        lengthOf = ev.Meetings.Select(m => grid.SlotsIn(m.Duration)).ToArray();
        busySlots = new bool[ev.Participants.Length][];
        availableUntil = new Instant[ev.Participants.Length][];
        roomBlocked = new bool[ev.Rooms.Length][];
        allowedStarts = new ImmutableArray<int>[ev.Meetings.Length];
        interpreterHours = new InterpreterHours?[ev.Interpreters.Length];
        interpretersOf = new ImmutableArray<int>[ev.Meetings.Length];
    }

    /// <summary>The event.</summary>
    public Event Event { get; }

    /// <summary>The event's grid.</summary>
    public TimeGrid Grid { get; }

    /// <summary>The position in the event of the participant with this id.</summary>
    public int ParticipantIndex(string id) => participantIndex[id];

    /// <summary>The position in the event of the room with this id.</summary>
    public int RoomIndex(string id) => roomIndex[id];

    /// <summary>The positions of meeting <paramref name="meeting"/>'s participants, in the order the request names them.</summary>
    public ImmutableArray<int> Participants(int meeting) => participantsOf[meeting];

    /// <summary>How many grid slots meeting <paramref name="meeting"/> lasts.</summary>
    public int Length(int meeting) => lengthOf[meeting];

    /// <summary>The slot the meeting is pinned to; null when it has no pin or the pin is no slot start of the grid.</summary>
    public int? PinnedSlot(int meeting) => Event.Meetings[meeting].Pin is { } pin ? Grid.SlotStartingAt(pin.Start) : null;

    /// <summary>Every slot the meeting may be asked about: all of them, or only the pinned one (none when the pin is off the grid).</summary>
    public IEnumerable<int> StartsToTry(int meeting)
    {
        if (Event.Meetings[meeting].Pin is not null)
        {
            if (PinnedSlot(meeting) is int pinned) yield return pinned;
            yield break;
        }

        for (int s = 0; s < Grid.SlotCount; s++) yield return s;
    }

    /// <summary>True when some participant of the meeting may have no meeting at all (<c>maxMeetingsPerDay</c> 0).</summary>
    public bool NobodyMayMeet(int meeting) => participantsOf[meeting].Any(CappedAtZero);

    /// <summary>
    /// The starts, ascending, that keep every rule about the meeting alone except the rooms: its pin, one day and no
    /// break, its windows, each participant's availability (inside one interval) and busy periods, and no participant
    /// with a daily limit of zero. Room suitability and unavailability are the caller's: they depend on the rooms it uses.
    /// </summary>
    public ImmutableArray<int> AllowedStarts(int meeting)
    {
        var known = allowedStarts[meeting];
        if (!known.IsDefault) return known;
        var starts = ImmutableArray.CreateBuilder<int>();
        if (!NobodyMayMeet(meeting))
        {
            foreach (int s in StartsToTry(meeting))
                if (TimeRule(meeting, s, null) == PlacementRule.None) starts.Add(s);
        }

        return allowedStarts[meeting] = starts.ToImmutable();
    }

    /// <summary>How <paramref name="room"/> suits <paramref name="meeting"/> regardless of time: the pinned room, seats, features.</summary>
    public static RoomFit Fit(Room room, MeetingRequest meeting)
    {
        ArgumentNullException.ThrowIfNull(room);
        ArgumentNullException.ThrowIfNull(meeting);
        if (meeting.Pin?.Room is { } pinned && !string.Equals(room.Id, pinned, StringComparison.Ordinal)) return RoomFit.NotThePinnedRoom;
        if (room.Capacity < meeting.Headcount) return RoomFit.TooSmall;
        return room.HasAll(meeting.RequiredFeatures) ? RoomFit.Fits : RoomFit.LacksFeatures;
    }

    /// <summary>The positions of the rooms that suit meeting <paramref name="meeting"/>, ascending.</summary>
    public ImmutableArray<int> SuitableRooms(int meeting)
    {
        var m = Event.Meetings[meeting];
        return Enumerable.Range(0, Event.Rooms.Length).Where(r => Fit(Event.Rooms[r], m) == RoomFit.Fits).ToImmutableArray();
    }

    /// <summary>True when slot <paramref name="slot"/> intersects room <paramref name="room"/>'s unavailability.</summary>
    public bool RoomBlocked(int room, int slot)
    {
        var blocked = roomBlocked[room] ??= SlotsIntersecting(Event.Rooms[room].Unavailable);
        return blocked.Length > 0 && blocked[slot];
    }

    /// <summary>True when room <paramref name="room"/> is available over slots <c>[slot, slot + length)</c>.</summary>
    public bool RoomFreeOver(int room, int slot, int length)
    {
        for (int t = slot; t < slot + length; t++)
            if (RoomBlocked(room, t)) return false;
        return true;
    }

    /// <summary>
    /// Whether meeting <paramref name="meeting"/> may start at <paramref name="slot"/> in one of <paramref name="rooms"/>
    /// (room positions) as far as the rules about it alone go; if not, the first rule in the way and who breaks it.
    /// </summary>
    public Hindrance Check(int meeting, int slot, IEnumerable<int> rooms)
    {
        ArgumentNullException.ThrowIfNull(rooms);
        var m = Event.Meetings[meeting];
        var fitting = rooms.Where(r => Fit(Event.Rooms[r], m) == RoomFit.Fits).ToImmutableArray();
        var before = MeetingHindrance(meeting, fitting);
        if (!before.Allows) return before;
        if (m.Pin is not null && PinnedSlot(meeting) != slot) return Hindrance.Of(PlacementRule.PinnedStart);
        return StartHindrance(meeting, slot, fitting);
    }

    /// <summary>
    /// Why meeting <paramref name="meeting"/> has no start and room at all, judged on its best starts: the rule that
    /// stops the starts that keep the most rules, with every participant or room that breaks it at one of them.
    /// <see cref="Hindrance.Nothing"/> when some start and room keep every rule about the meeting alone.
    /// </summary>
    public Hindrance WhyNever(int meeting)
    {
        var fitting = SuitableRooms(meeting);
        var before = MeetingHindrance(meeting, fitting);
        if (!before.Allows) return before;
        var best = PlacementRule.PinnedStart;
        if (Event.Meetings[meeting].Pin is null) best = PlacementRule.DayOrBreak;
        var participants = new SortedSet<int>();
        var rooms = new SortedSet<int>();
        foreach (int s in StartsToTry(meeting))
        {
            var h = StartHindrance(meeting, s, fitting);
            if (h.Allows) return h;
            if (h.Rule < best) continue;
            if (h.Rule > best)
            {
                best = h.Rule;
                participants.Clear();
                rooms.Clear();
            }

            participants.UnionWith(h.Participants);
            rooms.UnionWith(h.Rooms);
        }

        return new Hindrance(best, [.. participants], [.. rooms])
        {
            Interpreters = best == PlacementRule.Interpreter ? InterpretersFor(meeting) : [],
        };
    }

    /// <summary>The rules that hold for every start: a suitable room exists, nobody is capped at zero.</summary>
    private Hindrance MeetingHindrance(int meeting, ImmutableArray<int> fitting)
    {
        var m = Event.Meetings[meeting];
        if (fitting.IsEmpty)
        {
            return m.Pin?.Room is { } pinned && roomIndex.TryGetValue(pinned, out var room)
                ? new Hindrance(PlacementRule.PinnedRoomUnsuitable, [], [room])
                : Hindrance.Of(PlacementRule.NoSuitableRoom);
        }

        var capped = participantsOf[meeting].Where(CappedAtZero).Distinct().Order().ToImmutableArray();
        return capped.IsEmpty ? Hindrance.Nothing : new Hindrance(PlacementRule.DailyLimitZero, capped, []);
    }

    /// <summary>The time rules at one start, then whether one of <paramref name="fitting"/> (suitable rooms) is available throughout.</summary>
    private Hindrance StartHindrance(int meeting, int slot, ImmutableArray<int> fitting)
    {
        var who = new List<int>();
        var rule = TimeRule(meeting, slot, who);
        if (rule == PlacementRule.Interpreter) return new Hindrance(rule, [], []) { Interpreters = InterpretersFor(meeting) };
        if (rule != PlacementRule.None) return new Hindrance(rule, [.. who.Distinct().Order()], []);
        int length = lengthOf[meeting];
        return fitting.Any(r => RoomFreeOver(r, slot, length))
            ? Hindrance.Nothing
            : new Hindrance(PlacementRule.RoomsUnavailable, [], fitting);
    }

    /// <summary>
    /// The first time rule the start breaks, or <see cref="PlacementRule.None"/>. With <paramref name="who"/>, every
    /// participant who breaks that rule is added to it; without, the answer comes at the first breach.
    /// </summary>
    private PlacementRule TimeRule(int meeting, int slot, List<int>? who)
    {
        var m = Event.Meetings[meeting];
        int length = lengthOf[meeting];
        if (!Grid.FitsAt(slot, length)) return PlacementRule.DayOrBreak;
        var start = Grid.SlotStart(slot);
        var end = start + m.Duration;
        if (!m.Windows.IsEmpty && !InsideOne(m.Windows, start, end)) return PlacementRule.Windows;
        var people = participantsOf[meeting];
        bool broken = false;
        foreach (int p in people)
        {
            var until = availableUntil[p] ??= AvailabilityEnds(Event.Participants[p].Available);
            if (until.Length == 0 || end <= until[slot]) continue;
            if (who is null) return PlacementRule.Availability;
            who.Add(p);
            broken = true;
        }

        if (broken) return PlacementRule.Availability;
        foreach (int p in people)
        {
            var busy = busySlots[p] ??= SlotsIntersecting(Event.Participants[p].Busy);
            if (busy.Length == 0 || !AnySet(busy, slot, length)) continue;
            if (who is null) return PlacementRule.Busy;
            who.Add(p);
            broken = true;
        }

        if (broken) return PlacementRule.Busy;
        return InterpreterFree(meeting, slot) ? PlacementRule.None : PlacementRule.Interpreter;
    }

    private bool CappedAtZero(int participant) => Event.Participants[participant].MaxMeetingsPerDay is <= 0;

    private static bool InsideOne(ImmutableArray<Interval> intervals, Instant start, Instant end)
    {
        foreach (var i in intervals)
            if (i.Start <= start && end <= i.End) return true;
        return false;
    }

    private static bool AnySet(bool[] flags, int from, int count)
    {
        for (int t = from; t < from + count; t++)
            if (flags[t]) return true;
        return false;
    }

    /// <summary>
    /// Per slot, the latest end of an interval that has begun by the slot's start: a meeting from that slot to
    /// <c>end</c> lies inside one interval exactly when <c>end</c> is no later. Empty when there are no intervals.
    /// </summary>
    private Instant[] AvailabilityEnds(ImmutableArray<Interval> intervals) =>
        PerSlot(intervals, slot =>
        {
            var latest = Instant.MinValue;
            foreach (var i in intervals)
                if (i.Start <= slot.Start && i.End > latest) latest = i.End;
            return latest;
        });

    /// <summary>Per slot, whether it intersects one of <paramref name="intervals"/>; empty when there are none.</summary>
    private bool[] SlotsIntersecting(ImmutableArray<Interval> intervals) =>
        PerSlot(intervals, slot =>
        {
            foreach (var i in intervals)
                if (i.Start < slot.End && slot.Start < i.End) return true;
            return false;
        });

    private T[] PerSlot<T>(ImmutableArray<Interval> intervals, Func<Interval, T> valueAt)
    {
        if (intervals.IsEmpty) return [];
        var values = new T[Grid.SlotCount];
        for (int s = 0; s < values.Length; s++) values[s] = valueAt(Grid.SlotInterval(s));
        return values;
    }
}
