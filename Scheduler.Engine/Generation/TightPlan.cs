using System.Collections.Immutable;
using NodaTime;
using Scheduler.Engine.Domain;

namespace Scheduler.Engine.Generation;

/// <summary>
/// The planted timetable behind <see cref="TightConferenceGenerator"/>: tiled room slots, then people booked into
/// them so nobody is in two places at once or changes building without the travel time. Times are slots of 15
/// minutes counted from 09:00 of each day (40 a day; 16–19 are lunch).
/// </summary>
internal sealed class TightPlan
{
    public const int OpenHour = 9, CloseHour = 19;
    private const int SlotsPerDay = 40, LunchStart = 16, LunchEnd = 20, PlenaryEnd = 8, Travel = 2, HostLeads = 3;
    private const double HostShare = 0.7, AideChance = 0.35, RequiredShare = 0.02, WindowShare = 0.1, LateShare = 0.08;

    /// <summary>A tiled room slot: <c>[Start, Start + Length)</c> on <c>Day</c>.</summary>
    public readonly record struct Slot(int Room, int Day, int Start, int Length);

    private sealed record Booking(int Day, int Start, int End, string? Building);

    private sealed record Planted(Slot Slot, int SideA, int SideB, List<int> People);

    private readonly TightConferenceOptions o;
    private readonly Random rng;
    private readonly LocalDate[] dates;
    private readonly List<Slot> slots;
    private readonly List<List<int>> members = [];
    private readonly int hosts;
    private readonly List<Booking>[] bookings;
    private readonly List<Planted> planted = [];

    public TightPlan(TightConferenceOptions o, Random rng, LocalDate[] dates, List<Slot> slots)
    {
        this.o = o;
        this.rng = rng;
        this.dates = dates;
        this.slots = slots;
        int roomCount = slots.Max(s => s.Room) + 1;
        Rooms = Enumerable.Range(0, roomCount).Select(r => MakeRoom(r, roomCount, dates, rng)).ToImmutableArray();
        // Just enough host leads to sit in HostShare of the meetings running at once if each were always busy.
        double concurrent = slots.Sum(s => (double)s.Length) / (dates.Length * (SlotsPerDay - (LunchEnd - LunchStart)));
        int hostLeads = Math.Max(HostLeads, (int)Math.Ceiling(concurrent * HostShare));
        hosts = (hostLeads + HostLeads - 1) / HostLeads;
        // Visiting delegations: about six meetings each over the event.
        int visitors = Math.Max(4, (int)Math.Ceiling(o.Requests * (2 - HostShare) / 6.0));
        int next = 0;
        for (int d = 0; d < hosts + visitors; d++)
        {
            int size = d < hosts ? HostLeads + 3 : 2 + rng.Next(4);
            members.Add(Enumerable.Range(next, size).ToList());
            next += size;
        }
        bookings = Enumerable.Range(0, next).Select(_ => new List<Booking>()).ToArray();
        // Visiting ministers attend the plenary on day 1 from 09:00 to 11:00.
        for (int d = hosts; d < members.Count; d++) bookings[members[d][0]].Add(new Booking(0, 0, PlenaryEnd, null));
    }


    /// <summary>The rooms; room 0 is the secure interpretation suite, about three in five are in the congress centre.</summary>
    public ImmutableArray<Room> Rooms { get; }

    /// <summary>
    /// Tiles every room's hours with meetings and one-slot gaps: enough rooms for somewhat more slots than requests at
    /// the wanted fill, the gap rate then lowered so the surplus left unbooked stays small.
    /// </summary>
    public static List<Slot> Tile(TightConferenceOptions o, Random rng, int days)
    {
        const double meanLength = 2.7; // 30, 45 and 60 minutes with chances 0.5, 0.3, 0.2
        int open = SlotsPerDay - (LunchEnd - LunchStart);
        int wanted = (int)Math.Ceiling(o.Requests * 1.02) + 1;
        double perRoom = days * open * o.RoomFill / meanLength;
        int rooms = Math.Max(2, (int)Math.Ceiling(wanted / perRoom));
        double fill = Math.Min(1, o.RoomFill * wanted / (rooms * perRoom) + 0.02);
        // A gap after a meeting with chance q adds q / (1 - q) slots per meeting on average.
        double gapsPerMeeting = meanLength * (1 / fill - 1);
        double gapChance = gapsPerMeeting / (1 + gapsPerMeeting);
        var result = new List<Slot>();
        for (int room = 0; room < rooms || result.Count < wanted; room++)
            for (int day = 0; day < days; day++)
            {
                bool closed = room == 3 && days > 1 && day == 1;
                foreach (var (from, to) in new[] { (0, LunchStart), (closed ? 28 : LunchEnd, SlotsPerDay) })
                {
                    int at = from;
                    while (to - at >= 2)
                    {
                        if (rng.Chance(gapChance)) { at++; continue; }
                        double d = rng.NextDouble();
                        int length = Math.Min(d < 0.5 ? 2 : d < 0.8 ? 3 : 4, to - at);
                        result.Add(new Slot(room, day, at, length));
                        at += length;
                    }
                }
            }
        return result;
    }

    private static Room MakeRoom(int r, int count, LocalDate[] dates, Random rng)
    {
        var features = r == 0 ? ["interpretation", "secure"]
            : r % 3 == 1 ? ImmutableArray.Create("interpretation")
            : r % 4 == 2 ? ImmutableArray.Create("secure")
            : ImmutableArray<string>.Empty;
        int capacity = r == 0 ? 16 : new[] { 6, 8, 10, 12, 16, 20 }[rng.Next(6)];
        var unavailable = r == 3 && dates.Length > 1
            ? GenerationKit.One(new Interval(GenerationKit.At(dates[1], 14), GenerationKit.At(dates[1], 16)))
            : ImmutableArray<Interval>.Empty;
        return new Room(GenerationKit.Id("r", r + 1, count), $"Bilateral room {r + 1}", Building(r), capacity, features, unavailable);
    }

    private static string Building(int room) => room % 5 < 3 ? "congress" : "hotel";

    /// <summary>Books two sides (and now and then an aide per side) into room slots in random order until every request has one.</summary>
    public void BookPeople()
    {
        var pairs = new HashSet<(int, int)>();
        foreach (int i in rng.Permutation(slots.Count))
        {
            if (planted.Count == o.Requests) break;
            var slot = slots[i];
            string building = Building(slot.Room);
            int? a = null;
            int leadA = -1;
            if (rng.Chance(HostShare))
            {
                var free = Enumerable.Range(0, hosts).SelectMany(h => members[h].Take(HostLeads).Select(p => (h, p)))
                    .Where(c => Free(c.p, slot, building)).ToList();
                if (free.Count > 0) (a, leadA) = free[rng.Next(free.Count)];
            }
            if (a is null && Visitor(slot, building, -1, pairs) is { } first) (a, leadA) = first;
            if (a is null || Visitor(slot, building, a.Value, pairs) is not { } b) continue;
            var people = new List<int> { leadA, b.Lead };
            foreach (int side in new[] { a.Value, b.Delegation })
                if (rng.Chance(AideChance))
                {
                    var aides = members[side].Skip(side < hosts ? HostLeads : 1).Where(p => !people.Contains(p) && Free(p, slot, building)).ToList();
                    if (aides.Count > 0) people.Add(aides[rng.Next(aides.Count)]);
                }
            foreach (int p in people) bookings[p].Add(new Booking(slot.Day, slot.Start, slot.Start + slot.Length, building));
            pairs.Add(Key(a.Value, b.Delegation));
            planted.Add(new Planted(slot, a.Value, b.Delegation, people));
        }
        if (planted.Count < o.Requests)
            throw new ArgumentOutOfRangeException(nameof(o), o.Requests, "Could not plant that many requests; try fewer or more days.");
    }

    /// <summary>A visiting delegation other than <paramref name="other"/> with someone free for the slot: its minister if possible.</summary>
    private (int Delegation, int Lead)? Visitor(Slot slot, string building, int other, HashSet<(int, int)> pairs)
    {
        for (int attempt = 0; attempt < 60; attempt++)
        {
            int d = hosts + rng.Next(members.Count - hosts);
            if (d == other || (other >= 0 && attempt < 40 && pairs.Contains(Key(d, other)))) continue;
            foreach (int p in members[d])
                if (Free(p, slot, building)) return (d, p);
        }
        return null;
    }

    /// <summary>Not booked over the slot, and with the travel time to or from any booking in the other building that day.</summary>
    private bool Free(int person, Slot slot, string building)
    {
        int start = slot.Start, end = slot.Start + slot.Length;
        foreach (var b in bookings[person])
        {
            if (b.Day != slot.Day) continue;
            int buffer = b.Building is null || b.Building == building ? 0 : Travel;
            if (start < b.End + buffer && b.Start < end + buffer) return false;
        }
        return true;
    }

    private static (int, int) Key(int a, int b) => a < b ? (a, b) : (b, a);

    private Instant At(int day, int slot) => GenerationKit.At(dates[day], OpenHour) + Duration.FromMinutes(15L * slot);

    public ImmutableArray<Delegation> Delegations() =>
        members.Select((_, i) => new Delegation(GenerationKit.Id("d", i + 1, members.Count), i < hosts ? $"Host delegation {i + 1}" : $"Delegation {i + 1}", i + 1))
            .ToImmutableArray();

    private string PersonId(int p) => GenerationKit.Id("p", p + 1, bookings.Length);

    /// <summary>Everyone, with the plenary, late arrivals that miss none of their planted meetings, and daily caps that admit them.</summary>
    public ImmutableArray<Participant> Participants()
    {
        var delegations = Delegations();
        var result = new List<Participant>();
        var eventEnd = GenerationKit.At(dates[^1], CloseHour);
        for (int d = 0; d < members.Count; d++)
        {
            var available = ImmutableArray<Interval>.Empty;
            var meetings = members[d].SelectMany(p => bookings[p].Where(b => b.Building is not null)).ToList();
            if (d >= hosts && meetings.Count > 0 && rng.Chance(LateShare))
            {
                // Arrival at the latest morning or after-lunch start before the delegation's first planted meeting.
                int first = meetings.Min(b => b.Day * SlotsPerDay + b.Start);
                int day = first / SlotsPerDay, arrival = first % SlotsPerDay >= LunchEnd ? LunchEnd : 0;
                if (day > 0 || arrival > 0) available = GenerationKit.One(new Interval(At(day, arrival), eventEnd));
            }
            for (int k = 0; k < members[d].Count; k++)
            {
                int p = members[d][k];
                bool minister = k == 0, visitor = d >= hosts;
                int? cap = null;
                if (minister && visitor)
                {
                    int most = Enumerable.Range(0, dates.Length).Max(day => bookings[p].Count(b => b.Building is not null && b.Day == day));
                    cap = Math.Max(1, most + rng.Next(2));
                }
                var busy = minister && visitor
                    ? GenerationKit.One(new Interval(At(0, 0), At(0, PlenaryEnd)))
                    : ImmutableArray<Interval>.Empty;
                result.Add(new Participant(PersonId(p), minister ? $"Minister of delegation {d + 1}" : $"Delegate {k + 1} of delegation {d + 1}",
                    delegations[d].Id, available, busy, cap));
            }
        }
        return [.. result];
    }

    /// <summary>One request per planted meeting; whatever it asks for (features, seats, window, pin) its planted place offers.</summary>
    public ImmutableArray<MeetingRequest> Meetings()
    {
        var delegations = Delegations();
        var requiredPerPerson = new int[bookings.Length];
        int pins = 0;
        var result = ImmutableArray.CreateBuilder<MeetingRequest>(planted.Count);
        for (int i = 0; i < planted.Count; i++)
        {
            var (slot, a, b, people) = planted[i];
            var room = Rooms[slot.Room];
            var features = room.Features.Where(_ => rng.Chance(0.6)).ToImmutableArray();
            int headcount = Math.Min(room.Capacity, people.Count + rng.Next(4));
            long weight = 1 + rng.Next(10);
            bool required = rng.Chance(RequiredShare) && people.All(p => requiredPerPerson[p] < 2);
            if (required)
            {
                weight = 10;
                foreach (int p in people) requiredPerPerson[p]++;
            }
            MeetingPin? pin = null;
            var windows = ImmutableArray<Interval>.Empty;
            if (slot.Room == 0 && pins < 2 && rng.Chance(0.2))
            {
                pin = new MeetingPin(At(slot.Day, slot.Start), room.Id);
                pins++;
            }
            else if (rng.Chance(WindowShare))
                windows = GenerationKit.One(new Interval(At(slot.Day, 0), At(slot.Day, SlotsPerDay)));
            result.Add(new MeetingRequest(GenerationKit.Id("m", i + 1, planted.Count), $"{delegations[a].Name} - {delegations[b].Name}",
                people.Select(PersonId).ToImmutableArray(), Duration.FromMinutes(15L * slot.Length), required, weight, headcount,
                features, windows, pin, []));
        }
        return result.MoveToImmutable();
    }

    /// <summary>Every planted meeting in its room and time.</summary>
    public IEnumerable<Assignment> Assignments(Event ev) =>
        planted.Select((p, i) => new Assignment(ev.Meetings[i].Id, Rooms[p.Slot.Room].Id,
            At(p.Slot.Day, p.Slot.Start), At(p.Slot.Day, p.Slot.Start + p.Slot.Length)));
}
