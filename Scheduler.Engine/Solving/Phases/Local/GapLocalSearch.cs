namespace Scheduler.Engine.Solving.Phases.Local;

/// <summary>
/// Fewer idle gaps by simulated annealing over moves of one meeting to another of its options, swaps of two
/// meetings' starts and Kempe chains between two starts (<see cref="GapChains"/>), keeping every placed meeting
/// placed (so the weight never changes) and every hard rule. CP-SAT proves small gap counts well once it holds a
/// schedule near them, but from a first-fit schedule with ten times the optimum its search barely moves; this walk
/// reaches the neighbourhood of the optimum in a second and hands it on. The walk depends only on the seed and the
/// move budget, and on the clock only when asked to cool by its deadline.
/// </summary>
internal static class GapLocalSearch
{
    /// <summary>Moves tried per unit of budget; about one wall second of this machine's moves (one core).</summary>
    internal const long MovesPerSecond = 2_000_000;

    private const double StartTemperature = 3.0;
    private const double EndTemperature = 0.1;

    /// <summary>
    /// Improves <paramref name="start"/> (a valid schedule) for at most <paramref name="moves"/> moves, stopping early
    /// at <paramref name="floor"/> gaps or when <paramref name="stop"/> answers true (asked every few thousand moves).
    /// The temperature falls with the share of the moves made, or of the time given when <paramref name="elapsed"/>
    /// (0 to 1) is further on, so a walk slowed by a busy machine cools by its deadline. Returns the schedule with the
    /// fewest gaps seen, which is <paramref name="start"/>'s when nothing was better.
    /// </summary>
    public static LocalResult Improve(SchedulingProblem problem, IReadOnlyList<Placement> start, long moves, int floor, int seed,
        Func<bool>? stop = null, Func<double>? elapsed = null)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(start);
        var s = new LocalSchedule(problem, start);
        var random = new Random(seed);
        var placed = start.Select(p => p.Meeting).ToArray();
        Array.Sort(placed);
        int best = s.TotalGaps, bestIdle = s.TotalIdleSlots;
        var bestPlacements = start;
        if (placed.Length < 2 || best <= floor || !s.SpreadHolds) return new LocalResult(bestPlacements, best, 0);
        long tried = 0;
        double ratio = EndTemperature / StartTemperature;
        double timeShare = 0;
        var chains = new GapChains();
        // Chains pay where every meeting is required (B2B fairs: tables full, so a single move is blocked at almost every
        // slot); on conferences with optional meetings they cost moves that simple ones use better (deterministic 5 s:
        // sample 49 gaps without them, 56 with; generated conference 150 against 163).
        int kinds = problem.EveryWeightedMeetingRequired ? 4 : 3;
        for (; tried < moves; tried++)
        {
            if ((tried & 4095) == 0)
            {
                if (stop?.Invoke() == true) break;
                timeShare = Math.Min(1, elapsed?.Invoke() ?? 0);
            }
            double temperature = StartTemperature * Math.Pow(ratio, Math.Max((double)tried / moves, timeShare));
            int before = Cost(s);
            s.Begin();
            bool moved = random.Next(kinds) switch
            {
                0 => Move(s, placed[random.Next(placed.Length)], random),
                1 => Swap(s, placed[random.Next(placed.Length)], placed, random),
                2 => CloseGap(s, random),
                _ => Chain(s, chains, placed, random),
            };
            if (!moved) continue;
            int delta = Cost(s) - before;
            bool accept = s.SpreadHolds && (delta <= 0 || random.NextDouble() < Math.Exp(-delta / temperature));
            if (!accept)
            {
                s.Rollback();
                continue;
            }
            if (s.TotalGaps < best || (s.TotalGaps == best && s.TotalIdleSlots < bestIdle))
            {
                best = s.TotalGaps;
                bestIdle = s.TotalIdleSlots;
                bestPlacements = s.Placements();
                if (best <= floor) { tried++; break; }
            }
        }
        return new LocalResult(bestPlacements, best, tried);
    }

    /// <summary>
    /// What the walk minimises: the gaps first, then the free slots inside them, so that narrowing a gap (which
    /// changes no count) is a step downhill towards closing it.
    /// </summary>
    private static int Cost(LocalSchedule s) => s.TotalGaps * IdleSlotsPerGap + s.TotalIdleSlots;

    private const int IdleSlotsPerGap = 4;

    /// <summary>
    /// Moves a meeting of someone with a gap next to another of their meetings that day, where it would close or
    /// narrow the gap; random moves rarely land there because most slots are taken for someone.
    /// </summary>
    private static bool CloseGap(LocalSchedule s, Random random)
    {
        if (NextToAnother(s, random) is not var (m, target)) return false;
        if (s.Meetings[m].Options[s.OptionOf(m)].Start == target) return false;
        int pool = s.PoolOf(m);
        s.Remove(m);
        if (TryPlaceAt(s, m, target, pool, -1) is not null) return true;
        s.Rollback();
        return false;
    }

    /// <summary>
    /// A meeting of a participant with a gap, and the start right before or right after another of their meetings (at
    /// random); null when the draws give none (nobody with a gap drawn in 8 tries, most people have none, or the same
    /// meeting twice).
    /// </summary>
    private static (int Meeting, int Target)? NextToAnother(LocalSchedule s, Random random)
    {
        int person = -1;
        for (int tries = 0; tries < 8 && person < 0; tries++)
        {
            int p = random.Next(s.People);
            if (s.GapsOf(p) > 0) person = p;
        }
        if (person < 0) return null;
        var mine = s.MeetingsOf(person);
        int m = mine[random.Next(mine.Length)], anchor = mine[random.Next(mine.Length)];
        if (m == anchor || !s.IsPlaced(m) || !s.IsPlaced(anchor)) return null;
        var ao = s.Meetings[anchor];
        int anchorStart = ao.Options[s.OptionOf(anchor)].Start;
        return (m, random.Next(2) == 0 ? anchorStart - s.Meetings[m].Length : anchorStart + ao.Length);
    }

    /// <summary>
    /// A Kempe chain (<see cref="GapChains"/>): half the time a gappy participant's meeting goes next to another of
    /// theirs, pushing out whoever is there, otherwise a random meeting to a random start of its options.
    /// </summary>
    private static bool Chain(LocalSchedule s, GapChains chains, int[] placed, Random random)
    {
        if (random.Next(2) == 0) return NextToAnother(s, random) is var (m, target) && chains.Move(s, m, target);
        int r = placed[random.Next(placed.Length)];
        var options = s.Meetings[r].Options;
        return chains.Move(s, r, options[random.Next(options.Length)].Start);
    }

    /// <summary>Moves meeting <paramref name="m"/> to a random other option and pool; false (nothing changed) when that breaks a rule.</summary>
    private static bool Move(LocalSchedule s, int m, Random random)
    {
        var mo = s.Meetings[m];
        if (mo.Options.Length < 2 && mo.Groups[0].Pools.Length < 2) return false;
        int k = random.Next(mo.Options.Length);
        var pools = mo.Groups[mo.Options[k].Group].Pools;
        int p = pools[random.Next(pools.Length)];
        if (k == s.OptionOf(m) && p == s.PoolOf(m)) return false;
        s.Remove(m);
        if (s.CanPlace(m, k, p))
        {
            s.Place(m, k, p);
            return true;
        }
        s.Rollback();
        return false;
    }

    /// <summary>
    /// Exchanges the starts of meeting <paramref name="m"/> and another of the same length, half the time one that
    /// shares a participant with it (which reorders that person's day); false (nothing changed) when that breaks a rule.
    /// </summary>
    private static bool Swap(LocalSchedule s, int m, int[] placed, Random random)
    {
        var mo = s.Meetings[m];
        int other;
        if (random.Next(2) == 0)
        {
            var mine = s.MeetingsOf(mo.Participants[random.Next(mo.Participants.Length)]);
            other = mine[random.Next(mine.Length)];
        }
        else other = placed[random.Next(placed.Length)];
        if (other == m || s.OptionOf(other) < 0) return false;
        var oo = s.Meetings[other];
        if (oo.Length != mo.Length) return false;
        int p1 = s.PoolOf(m), p2 = s.PoolOf(other);
        int start1 = mo.Options[s.OptionOf(m)].Start, start2 = oo.Options[s.OptionOf(other)].Start;
        if (start1 == start2) return false;
        s.Remove(m);
        s.Remove(other);
        // Each takes the other's start, in its own pool when it can (rooms then balance), else in the other's.
        if (TryPlaceAt(s, m, start2, p1, p2) is not null && TryPlaceAt(s, other, start1, p2, p1) is not null) return true;
        s.Rollback();
        return false;
    }

    /// <summary>
    /// Places meeting <paramref name="m"/> at <paramref name="start"/> in the first pool that takes it: the preferred,
    /// then the second, then any other its options there allow. Null (nothing placed) when none does.
    /// </summary>
    internal static (int K, int Pool)? TryPlaceAt(LocalSchedule s, int m, int start, int preferred, int second)
    {
        if (Try(preferred) is { } first) return first;
        if (second >= 0 && second != preferred && Try(second) is { } next) return next;
        var mo = s.Meetings[m];
        for (int k = 0; k < mo.Options.Length; k++)
        {
            if (mo.Options[k].Start != start) continue;
            foreach (int p in mo.Groups[mo.Options[k].Group].Pools)
                if (p != preferred && p != second && s.CanPlace(m, k, p))
                {
                    s.Place(m, k, p);
                    return (k, p);
                }
        }
        return null;

        (int K, int Pool)? Try(int p)
        {
            int k = s.OptionAt(m, start, p);
            if (k < 0 || !s.CanPlace(m, k, p)) return null;
            s.Place(m, k, p);
            return (k, p);
        }
    }
}

/// <summary>What a local search found.</summary>
/// <param name="Placements">The schedule with the fewest idle gaps seen.</param>
/// <param name="IdleGaps">Its idle gaps.</param>
/// <param name="Moves">Moves tried.</param>
internal sealed record LocalResult(IReadOnlyList<Placement> Placements, int IdleGaps, long Moves);
