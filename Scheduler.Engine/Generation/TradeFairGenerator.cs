using System.Collections.Immutable;
using NodaTime;
using Scheduler.Engine.Domain;

namespace Scheduler.Engine.Generation;

/// <summary>The size and seed of a generated B2B trade fair.</summary>
public sealed record TradeFairOptions
{
    /// <summary>Random seed; the same options always give the same event. Default 1.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Companies, one representative each; at least 2. Default 1,500.</summary>
    public int Companies { get; init; } = 1500;

    /// <summary>Meeting requests between two companies; at least 1. Default 8,000.</summary>
    public int Requests { get; init; } = 8000;

    /// <summary>Identical two-seat tables in one hall; at least 1. Default 200.</summary>
    public int Tables { get; init; } = 200;

    /// <summary>
    /// The Zipf exponent of how often a company is asked for: the company of popularity rank <c>k</c> is asked
    /// in proportion to <c>1 / k^s</c>. Not negative; 0 asks everyone equally. Default 0.8.
    /// </summary>
    public double PopularityExponent { get; init; } = 0.8;

    /// <summary>
    /// The most requests one company takes part in (as asker or asked), as matchmaking platforms cap them;
    /// at least 1. Default 60, a little above the 48 twenty-minute slots of the fair.
    /// </summary>
    public int MaxRequestsPerCompany { get; init; } = 60;
}

/// <summary>
/// Generates a B2B trade fair: companies meet at identical two-seat tables in one hall over two days of
/// 20-minute slots from 09:00 to 18:00 with a lunch break; popular companies are asked far more often (Zipf-like),
/// some companies come only in the mornings or only on day 2; weights 1 to 5, nothing required.
/// </summary>
public static class TradeFairGenerator
{
    private static readonly LocalDate[] Dates = [new(2026, 5, 19), new(2026, 5, 20)];

    /// <summary>Generates the fair described by <paramref name="o"/>; deterministic for the options.</summary>
    public static Event Generate(TradeFairOptions o)
    {
        ArgumentNullException.ThrowIfNull(o);
        if (o.Companies < 2) throw new ArgumentOutOfRangeException(nameof(o), o.Companies, "Companies must be at least 2.");
        if (o.Requests < 1) throw new ArgumentOutOfRangeException(nameof(o), o.Requests, "Requests must be at least 1.");
        if (o.Tables < 1) throw new ArgumentOutOfRangeException(nameof(o), o.Tables, "Tables must be at least 1.");
        if (!(o.PopularityExponent >= 0)) throw new ArgumentOutOfRangeException(nameof(o), o.PopularityExponent, "The popularity exponent must not be negative.");
        if (o.MaxRequestsPerCompany < 1) throw new ArgumentOutOfRangeException(nameof(o), o.MaxRequestsPerCompany, "The cap per company must be at least 1.");
        var rng = new Random(o.Seed);
        var days = Dates.Select(d => new EventDay(d, new LocalTime(9, 0), new LocalTime(18, 0))).ToImmutableArray();
        var breaks = ImmutableArray.Create(new DailyBreak("Lunch", new LocalTime(13, 0), new LocalTime(14, 0)));
        var buildings = ImmutableArray.Create(new Building("hall", "Exhibition Hall"));
        var rooms = Enumerable.Range(1, o.Tables)
            .Select(t => new Room(GenerationKit.Id("t", t, o.Tables), $"Table {t}", "hall", 2, [], []))
            .ToImmutableArray();
        var companies = Companies(o, rng);
        var meetings = Meetings(o, rng, companies);
        return new Event($"Generated trade fair (seed {o.Seed})", GenerationKit.Zone, Duration.FromMinutes(20), days, breaks,
            buildings, [], rooms, [], companies, meetings, ScheduleObjective.Default);
    }

    private static ImmutableArray<Participant> Companies(TradeFairOptions o, Random rng)
    {
        var mornings = Dates
            .Select(d => new Interval(GenerationKit.At(d, 9), GenerationKit.At(d, 13)))
            .ToImmutableArray();
        var dayTwo = GenerationKit.One(new Interval(GenerationKit.At(Dates[1], 9), GenerationKit.At(Dates[1], 18)));
        var result = ImmutableArray.CreateBuilder<Participant>(o.Companies);
        for (int c = 0; c < o.Companies; c++)
        {
            double x = rng.NextDouble();
            var available = x < 0.1 ? mornings : x < 0.2 ? dayTwo : ImmutableArray<Interval>.Empty;
            result.Add(new Participant(GenerationKit.Id("c", c + 1, o.Companies), $"Company {c + 1}", null, available, [], null));
        }
        return result.MoveToImmutable();
    }

    private static ImmutableArray<MeetingRequest> Meetings(TradeFairOptions o, Random rng, ImmutableArray<Participant> companies)
    {
        int n = companies.Length;
        var byRank = rng.Permutation(n);
        var cumulative = new double[n];
        double total = 0;
        for (int k = 0; k < n; k++) cumulative[k] = total += 1 / Math.Pow(k + 1, o.PopularityExponent);

        var taken = new int[n];
        // Only looked up, never enumerated, so its order cannot leak into the output.
        var asked = new HashSet<(int, int)>();
        var result = ImmutableArray.CreateBuilder<MeetingRequest>(o.Requests);
        for (int m = 0; m < o.Requests; m++)
        {
            int asker = -1, target = -1;
            for (int attempt = 0; attempt < 100; attempt++)
            {
                asker = rng.Next(n);
                int rank = Array.BinarySearch(cumulative, rng.NextDouble() * total);
                target = byRank[Math.Min(n - 1, rank < 0 ? ~rank : rank)];
                if (asker != target && taken[asker] < o.MaxRequestsPerCompany && taken[target] < o.MaxRequestsPerCompany
                    && !asked.Contains(Key(asker, target))) break;
            }
            // When the caps leave no fresh pair in reach, fall back to any distinct pair rather than loop on.
            if (asker == target) target = (asker + 1) % n;
            asked.Add(Key(asker, target));
            taken[asker]++;
            taken[target]++;
            result.Add(new MeetingRequest(GenerationKit.Id("m", m + 1, o.Requests),
                $"{companies[asker].Name} meets {companies[target].Name}",
                [companies[asker].Id, companies[target].Id], Duration.FromMinutes(20), false, 1 + rng.Next(5), 2,
                [], [], null, []));
        }
        return result.MoveToImmutable();
    }

    private static (int, int) Key(int a, int b) => a < b ? (a, b) : (b, a);
}
