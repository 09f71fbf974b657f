namespace Scheduler.Engine.Solving.Phases.Local;

/// <summary>
/// The insertion walk of <see cref="WeightLocalSearch"/> scored by the replanning objective (<see cref="ReplanValues"/>):
/// a meeting (left out, or placed, which then moves) takes an option, the meetings in its way step out, and each goes
/// back to its published start when that is free, else to the first option that fits from a random one on. The
/// option tried is the meeting's published start about half the time (a moved meeting going home pays the move cost
/// back), a random one otherwise. Required meetings never step out and a step that breaks the spread cap is undone,
/// so every schedule of the walk is valid. Simulated annealing on the objective's change, cooling over the moves it
/// is given; it stops early at a bound (the replanning LP's), where the schedule is proven optimal. Reproducible: it
/// depends only on the seed and the move budget.
/// </summary>
internal static class ReplanLocalSearch
{
    /// <summary>The share of tries aimed at the meeting's published start, when it has one.</summary>
    internal const double HomeShare = 0.5;

    /// <summary>The starting temperature, as a share of the average value of a placement.</summary>
    internal const double Hot = 0.2;

    /// <summary>The final temperature, as a share of the average value of a placement.</summary>
    internal const double Cold = 0.01;

    /// <summary>
    /// Improves <paramref name="start"/> (valid) for at most <paramref name="moves"/> moves, stopping early at
    /// <paramref name="ceiling"/> or at <paramref name="liveCeiling"/> (asked every thousand moves; both on the
    /// objective's scale, hundredths with the constant), or when <paramref name="stop"/> answers true. See
    /// <see cref="WeightLocalSearch.Improve"/> for <paramref name="elapsed"/>. Returns the best schedule seen.
    /// </summary>
    public static LocalResult Improve(SchedulingProblem problem, ReplanValues values, IReadOnlyList<Placement> start, long moves, long ceiling, int seed,
        Func<bool>? stop = null, Func<long>? liveCeiling = null, Func<double>? elapsed = null)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(start);
        var s = new LocalSchedule(problem, start);
        var meetings = problem.Meetings;
        var movable = meetings.Where(m => !m.Options.IsEmpty).Select(m => m.Index).ToArray();
        long current = values.ValueOf(start), best = current;
        IReadOnlyList<Placement> bestPlacements = start;
        if (movable.Length == 0 || best >= ceiling) return new LocalResult(start, problem.IdleGapsOf(start), 0);
        double scale = Math.Max(1, movable.Average(m => (double)values.EjectCost[m]));
        double hot = Hot * scale, cold = Cold * scale;
        var homeOptions = meetings.Select(m => values.HomeOf(m.Index) is var h and >= 0
            ? Enumerable.Range(0, m.Options.Length).Where(k => m.Options[k].Start == h).ToArray()
            : []).ToArray();
        var random = new Random(seed);
        var blockers = new List<int>();
        var was = new List<(int Meeting, long Value)>();
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
            var mo = meetings[m];
            int k, p;
            var homes = homeOptions[m];
            if (homes.Length > 0 && random.NextDouble() < HomeShare)
            {
                k = homes[random.Next(homes.Length)];
                var pools = mo.Groups[mo.Options[k].Group].Pools;
                int preferred = values.HomePoolOf(m);
                p = pools.Contains(preferred) ? preferred : pools[random.Next(pools.Length)];
            }
            else
            {
                k = random.Next(mo.Options.Length);
                var pools = mo.Groups[mo.Options[k].Group].Pools;
                p = pools[random.Next(pools.Length)];
            }

            s.Begin();
            long delta = 0;
            if (s.IsPlaced(m))
            {
                if (k == s.OptionOf(m) && p == s.PoolOf(m)) continue;
                delta -= values.Of(m, mo.Options[s.OptionOf(m)].Start, s.PoolOf(m));
                s.Remove(m);
            }
            if (!WeightLocalSearch.Blockers(s, m, k, p, values.EjectCost, blockers))
            {
                s.Rollback();
                continue;
            }
            was.Clear();
            foreach (int b in blockers)
            {
                was.Add((b, values.Of(b, meetings[b].Options[s.OptionOf(b)].Start, s.PoolOf(b))));
                s.Remove(b);
            }
            if (!s.CanPlace(m, k, p))
            {
                s.Rollback();
                continue;
            }
            s.Place(m, k, p);
            delta += values.Of(m, mo.Options[k].Start, p);
            Shuffle(was, random);
            foreach (var (b, value) in was)
            {
                delta -= value;
                if (PutBack(s, values, b, homeOptions[b], random)) delta += values.Of(b, meetings[b].Options[s.OptionOf(b)].Start, s.PoolOf(b));
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
    /// Puts meeting <paramref name="m"/> (not placed) back: at its published start when that fits (its published pool
    /// first), else at the first option that fits from a random one on.
    /// </summary>
    private static bool PutBack(LocalSchedule s, ReplanValues values, int m, int[] homes, Random random)
    {
        var mo = s.Meetings[m];
        if (homes.Length > 0)
        {
            int preferred = values.HomePoolOf(m);
            foreach (int k in homes)
            {
                var pools = mo.Groups[mo.Options[k].Group].Pools;
                if (pools.Contains(preferred) && s.CanPlace(m, k, preferred)) { s.Place(m, k, preferred); return true; }
            }
            foreach (int k in homes)
                foreach (int p in mo.Groups[mo.Options[k].Group].Pools)
                    if (s.CanPlace(m, k, p)) { s.Place(m, k, p); return true; }
        }
        int n = mo.Options.Length, first = random.Next(n);
        for (int i = 0; i < n; i++)
        {
            int k = (first + i) % n;
            foreach (int p in mo.Groups[mo.Options[k].Group].Pools)
                if (s.CanPlace(m, k, p)) { s.Place(m, k, p); return true; }
        }
        return false;
    }

    private static void Shuffle<T>(List<T> list, Random random)
    {
        for (int i = list.Count - 1; i > 0; i--)
        {
            int j = random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
    }
}
