namespace Scheduler.Engine.Solving.Phases.Local;

/// <summary>
/// More weight by simulated annealing over insertions with ejection: a meeting left out takes one of its options,
/// the meetings in its way (same people, travel, a full pool, its interpreter) step out, and each of them is put back wherever it
/// still fits. Required meetings never step out and a step that breaks the spread cap is undone, so every schedule
/// of the walk is valid. A neighbourhood search
/// with CP-SAT solves a few dozen sub-problems a second on a conference; this walk tries a hundred thousand
/// insertions, which is what a weight that first fit left far from the bound needs first. Reproducible: it depends
/// only on the seed and the move budget.
/// </summary>
internal static class WeightLocalSearch
{
    /// <summary>Moves tried per unit of budget; about one wall second of this machine's moves (one core).</summary>
    internal const long MovesPerSecond = 200_000;

    /// <summary>
    /// Improves <paramref name="start"/> (valid) for at most <paramref name="moves"/> moves, stopping early at
    /// <paramref name="ceiling"/> or at <paramref name="liveCeiling"/> (a bound that may arrive while it runs, such as
    /// the LP's; asked every thousand moves), or when <paramref name="stop"/> answers true. The temperature falls
    /// with the share of the moves made, or of the time given when <paramref name="elapsed"/> (0 to 1, asked every
    /// thousand moves) is further on: a walk slowed by a busy machine cools by its deadline instead of stopping hot.
    /// Returns the heaviest schedule seen.
    /// </summary>
    public static LocalResult Improve(SchedulingProblem problem, IReadOnlyList<Placement> start, long moves, long ceiling, int seed,
        Func<bool>? stop = null, Func<long>? liveCeiling = null, Func<double>? elapsed = null)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(start);
        var s = new LocalSchedule(problem, start);
        var meetings = problem.Meetings;
        var weight = meetings.Select(m => m.Meeting.Weight).ToArray();
        var movable = meetings.Where(m => !m.Options.IsEmpty).Select(m => m.Index).ToArray();
        long current = start.Sum(p => weight[p.Meeting]), best = current;
        IReadOnlyList<Placement> bestPlacements = start;
        if (movable.Length == 0 || best >= ceiling) return new LocalResult(start, problem.IdleGapsOf(start), 0);
        double scale = Math.Max(1, movable.Average(m => (double)weight[m]));
        double hot = 0.5 * scale, cold = 0.02 * scale;
        var random = new Random(seed);
        var blockers = new List<int>();
        long tried = 0;
        double timeShare = 0;
        for (; tried < moves; tried++)
        {
            if ((tried & 1023) == 0)
            {
                if (stop?.Invoke() == true || best >= liveCeiling?.Invoke()) break;
                timeShare = Math.Min(1, elapsed?.Invoke() ?? 0);
            }
            double temperature = hot * Math.Pow(cold / hot, Math.Max((double)tried / moves, timeShare));
            int m = movable[random.Next(movable.Length)];
            s.Begin();
            long delta;
            if (s.IsPlaced(m))
            {
                // A placed meeting moves elsewhere (weight unchanged) to open room for others.
                if (!Relocate(s, m, random)) continue;
                delta = 0;
            }
            else
            {
                var mo = meetings[m];
                int k = random.Next(mo.Options.Length);
                var pools = mo.Groups[mo.Options[k].Group].Pools;
                int p = pools[random.Next(pools.Length)];
                if (!Blockers(s, m, k, p, weight, blockers)) continue;
                long lost = 0;
                foreach (int b in blockers) { s.Remove(b); lost += weight[b]; }
                if (!s.CanPlace(m, k, p)) { s.Rollback(); continue; }
                s.Place(m, k, p);
                Shuffle(blockers, random);
                foreach (int b in blockers)
                    if (PlaceAnywhere(s, b, random)) lost -= weight[b];
                delta = weight[m] - lost;
            }
            if (!s.SpreadHolds || (delta < 0 && random.NextDouble() >= Math.Exp(delta / temperature)))
            {
                s.Rollback();
                continue;
            }
            current += delta;
            if (current > best)
            {
                best = current;
                bestPlacements = s.Placements();
                if (best >= ceiling) { tried++; break; }
            }
        }
        return new LocalResult(bestPlacements, problem.IdleGapsOf(bestPlacements), tried);
    }

    /// <summary>
    /// Puts every meeting left out that fits as things stand (spread cap included), heaviest first (ties by index);
    /// never removes one.
    /// </summary>
    public static IReadOnlyList<Placement> Fill(SchedulingProblem problem, IReadOnlyList<Placement> start)
    {
        var s = new LocalSchedule(problem, start);
        bool added = false;
        foreach (var m in problem.Meetings.Where(m => !m.Options.IsEmpty && !s.IsPlaced(m.Index))
                     .OrderByDescending(m => m.Meeting.Weight).ThenBy(m => m.Index))
        {
            for (int k = 0; k < m.Options.Length && !s.IsPlaced(m.Index); k++)
                foreach (int p in m.Groups[m.Options[k].Group].Pools)
                {
                    if (!s.CanPlace(m.Index, k, p)) continue;
                    s.Place(m.Index, k, p);
                    if (s.SpreadHolds) { added = true; break; }
                    s.Remove(m.Index);
                }
        }
        return added ? s.Placements() : start;
    }

    /// <summary>
    /// The placed meetings that must step out for meeting <paramref name="m"/> to take option <paramref name="k"/> in
    /// pool <paramref name="p"/>: the meetings of its people then, those too close by travel, for each slot where the
    /// pool is full the lightest meeting there, and those holding the interpreter it would take. False when one of
    /// them is required or the pool or every interpreter is closed then.
    /// </summary>
    internal static bool Blockers(LocalSchedule s, int m, int k, int p, long[] weight, List<int> into)
    {
        into.Clear();
        var mo = s.Meetings[m];
        int start = mo.Options[k].Start, end = start + mo.Length;
        foreach (int person in mo.Participants)
        {
            for (int t = start; t < end; t++)
                if (s.MeetingAt(person, t) is var other and >= 0 && !into.Contains(other)) into.Add(other);
            s.AddTravelBlockers(person, m, k, into);
        }
        for (int t = start; t < end; t++)
        {
            var there = s.InPool(p, t);
            if (!s.PoolFull(p, t) || there.Any(into.Contains)) continue;
            int lightest = -1;
            foreach (int other in there)
                if (!s.Meetings[other].Meeting.Required && (lightest < 0 || weight[other] < weight[lightest])) lightest = other;
            if (lightest < 0) return false;
            into.Add(lightest);
        }
        if (!s.AddInterpreterBlockers(m, k, p, weight, into)) return false;
        foreach (int b in into)
            if (s.Meetings[b].Meeting.Required) return false;
        return true;
    }

    /// <summary>Moves placed meeting <paramref name="m"/> to a random option where it fits as things stand.</summary>
    private static bool Relocate(LocalSchedule s, int m, Random random)
    {
        var mo = s.Meetings[m];
        int k = random.Next(mo.Options.Length);
        var pools = mo.Groups[mo.Options[k].Group].Pools;
        int p = pools[random.Next(pools.Length)];
        if (k == s.OptionOf(m) && p == s.PoolOf(m)) return false;
        s.Remove(m);
        if (s.CanPlace(m, k, p)) { s.Place(m, k, p); return true; }
        s.Rollback();
        return false;
    }

    /// <summary>Puts meeting <paramref name="m"/> (not placed) at the first option that fits, from a random one on.</summary>
    private static bool PlaceAnywhere(LocalSchedule s, int m, Random random)
    {
        var mo = s.Meetings[m];
        int n = mo.Options.Length, first = random.Next(n);
        for (int i = 0; i < n; i++)
        {
            int k = (first + i) % n;
            foreach (int p in mo.Groups[mo.Options[k].Group].Pools)
                if (s.CanPlace(m, k, p)) { s.Place(m, k, p); return true; }
        }
        return false;
    }

    private static void Shuffle(List<int> list, Random random)
    {
        for (int i = list.Count - 1; i > 0; i--)
        {
            int j = random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
    }
}
