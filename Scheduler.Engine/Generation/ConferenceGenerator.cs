using System.Collections.Immutable;
using NodaTime;
using Scheduler.Engine.Domain;

namespace Scheduler.Engine.Generation;

/// <summary>The size and seed of a generated conference.</summary>
public sealed record ConferenceOptions
{
    /// <summary>Random seed; the same options always give the same event. Default 1.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Delegates (participants) in all delegations; at least 4. Default 600.</summary>
    public int Delegates { get; init; } = 600;

    /// <summary>Bilateral meeting requests; at least 1. Default 550.</summary>
    public int Requests { get; init; } = 550;

    /// <summary>Meeting rooms, split over two buildings; at least 2. Default 10.</summary>
    public int Rooms { get; init; } = 10;

    /// <summary>Conference days, from 1 to 14. Default 3.</summary>
    public int Days { get; init; } = 3;

    /// <summary>
    /// Interpreters (contract v1.1), 0 to 1,000. Default 0: no languages and no interpreters, the event as before. With
    /// some, the hosts work in Russian, visitors in one or two other languages, and the interpreters pair Russian with
    /// the visitors' languages in proportion to how many speak each, six hours a day.
    /// </summary>
    public int Interpreters { get; init; }
}

/// <summary>
/// Generates a realistic ministerial conference: delegations headed by ministers, a few host delegations that
/// everyone wants to meet, a plenary on day 1 morning that ministers attend, a daily lunch break, two buildings
/// 30 minutes apart, secure and interpretation rooms, late arrivals and early departures, and bilateral meeting
/// requests of 30 to 60 minutes with weights 1 to 10, a few of them required.
/// </summary>
public static partial class ConferenceGenerator
{
    private static readonly LocalDate FirstDay = new(2026, 6, 16);
    private const int OpenHour = 9, CloseHour = 19;

    /// <summary>Generates the conference described by <paramref name="o"/>; deterministic for the options.</summary>
    public static Event Generate(ConferenceOptions o)
    {
        ArgumentNullException.ThrowIfNull(o);
        if (o.Delegates < 4) throw new ArgumentOutOfRangeException(nameof(o), o.Delegates, "Delegates must be at least 4.");
        if (o.Requests < 1) throw new ArgumentOutOfRangeException(nameof(o), o.Requests, "Requests must be at least 1.");
        if (o.Rooms < 2) throw new ArgumentOutOfRangeException(nameof(o), o.Rooms, "Rooms must be at least 2.");
        if (o.Days is < 1 or > 14) throw new ArgumentOutOfRangeException(nameof(o), o.Days, "Days must be from 1 to 14.");
        if (o.Interpreters is < 0 or > 1000) throw new ArgumentOutOfRangeException(nameof(o), o.Interpreters, "Interpreters must be from 0 to 1,000.");
        var rng = new Random(o.Seed);
        var dates = Enumerable.Range(0, o.Days).Select(FirstDay.PlusDays).ToArray();
        var days = dates.Select(d => new EventDay(d, new LocalTime(OpenHour, 0), new LocalTime(CloseHour, 0))).ToImmutableArray();
        var breaks = ImmutableArray.Create(new DailyBreak("Lunch", new LocalTime(13, 0), new LocalTime(14, 0)));
        var buildings = ImmutableArray.Create(new Building("congress", "Congress Centre"), new Building("hotel", "Grand Hotel"));
        var travel = ImmutableArray.Create(new TravelTime("congress", "hotel", Duration.FromMinutes(30)));
        var rooms = Rooms(o, rng, dates);
        var (delegations, members, hosts) = Delegations(o, rng);
        var participants = Participants(o, rng, dates, delegations, members, hosts);
        var meetings = Meetings(o, rng, dates, rooms, delegations, members, hosts, participants);
        var (speakers, interpreters) = Languages(o, participants, hosts, members);
        return new Event($"Generated conference (seed {o.Seed})", GenerationKit.Zone, Duration.FromMinutes(15), days, breaks,
            buildings, travel, rooms, delegations, speakers, meetings, ScheduleObjective.Default, interpreters);
    }

    private static ImmutableArray<Room> Rooms(ConferenceOptions o, Random rng, LocalDate[] dates)
    {
        int inCongress = (o.Rooms * 3 + 4) / 5;
        var rooms = ImmutableArray.CreateBuilder<Room>();
        for (int r = 0; r < o.Rooms; r++)
        {
            // Room 0 is the secure interpretation suite, so every feature combination has a room.
            var features = r == 0 ? ["interpretation", "secure"]
                : r % 3 == 1 ? ImmutableArray.Create("interpretation")
                : r % 4 == 2 ? ImmutableArray.Create("secure")
                : ImmutableArray<string>.Empty;
            int capacity = r == 0 ? 16 : new[] { 6, 8, 10, 12, 16, 20 }[rng.Next(6)];
            var unavailable = ImmutableArray<Interval>.Empty;
            if (r == o.Rooms - 1 && dates.Length > 1)
                unavailable = GenerationKit.One(new Interval(GenerationKit.At(dates[1], 14), GenerationKit.At(dates[1], 16)));
            rooms.Add(new Room(GenerationKit.Id("r", r + 1, o.Rooms), $"Bilateral room {r + 1}",
                r < inCongress ? "congress" : "hotel", capacity, features, unavailable));
        }
        return rooms.ToImmutable();
    }

    private static (ImmutableArray<Delegation>, List<List<int>>, int) Delegations(ConferenceOptions o, Random rng)
    {
        int hosts = Math.Max(1, Math.Min(6, o.Delegates / 100));
        var members = new List<List<int>>();
        int next = 0;
        while (next < o.Delegates)
        {
            int size = members.Count < hosts ? 8 : 2 + rng.Next(5);
            size = Math.Min(size, o.Delegates - next);
            members.Add(Enumerable.Range(next, size).ToList());
            next += size;
        }
        if (members.Count < 2)
        {
            var only = members[0];
            members = [only.Take(only.Count / 2).ToList(), only.Skip(only.Count / 2).ToList()];
        }
        var delegations = members
            .Select((_, i) => new Delegation(GenerationKit.Id("d", i + 1, members.Count), $"Delegation {i + 1}", i + 1))
            .ToImmutableArray();
        return (delegations, members, Math.Min(hosts, members.Count - 1));
    }

    private static ImmutableArray<Participant> Participants(ConferenceOptions o, Random rng, LocalDate[] dates,
        ImmutableArray<Delegation> delegations, List<List<int>> members, int hosts)
    {
        var eventStart = GenerationKit.At(dates[0], OpenHour);
        var eventEnd = GenerationKit.At(dates[^1], CloseHour);
        var plenary = new Interval(GenerationKit.At(dates[0], 9), GenerationKit.At(dates[0], 11));
        var result = new Participant[o.Delegates];
        for (int d = 0; d < members.Count; d++)
        {
            // Whole delegations arrive late or leave early; hosts are there throughout.
            var arrival = eventStart;
            var departure = eventEnd;
            if (d >= hosts && rng.Chance(0.08))
                arrival = dates.Length > 2 && rng.Chance(0.5) ? GenerationKit.At(dates[1], OpenHour) : GenerationKit.At(dates[0], 14);
            if (d >= hosts && rng.Chance(0.08))
                departure = dates.Length > 2 && rng.Chance(0.5) ? GenerationKit.At(dates[^2], CloseHour) : GenerationKit.At(dates[^1], 13);
            if (arrival >= departure) departure = eventEnd;
            var available = arrival == eventStart && departure == eventEnd
                ? ImmutableArray<Interval>.Empty
                : GenerationKit.One(new Interval(arrival, departure));
            for (int k = 0; k < members[d].Count; k++)
            {
                int p = members[d][k];
                bool minister = k == 0;
                result[p] = new Participant(
                    GenerationKit.Id("p", p + 1, o.Delegates),
                    minister ? $"Minister of delegation {d + 1}" : $"Delegate {k + 1} of delegation {d + 1}",
                    delegations[d].Id,
                    available,
                    minister ? GenerationKit.One(plenary) : ImmutableArray<Interval>.Empty,
                    minister && d >= hosts ? 8 : null);
            }
        }
        return [.. result];
    }
}
