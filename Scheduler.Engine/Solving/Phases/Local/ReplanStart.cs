namespace Scheduler.Engine.Solving.Phases.Local;

/// <summary>
/// A replan's starting schedule, built on a <see cref="LocalSchedule"/>, so it keeps every rule exactly, interpreters
/// included, without CP-SAT: the published meetings that still fit where they were (required ones first, then by
/// start; in the published room's pool when it is still an option), their interpreters named at once by the exact
/// <see cref="InterpreterAssignment"/>; then each published meeting that no longer fits there, required then heaviest
/// first, at the free option nearest its published start, or, when none is free, at the nearest option where ejecting
/// the meetings in its way pays (a required one takes any); the ejected go back home when they can, else nearest
/// where they were; then the new meetings, heaviest first, wherever they fit. Deterministic: no randomness, no clock.
/// </summary>
internal static class ReplanStart
{
    /// <summary>
    /// The start of a replan of <paramref name="problem"/>, valid for every hard rule; null when a required meeting
    /// finds no place this way or the spread cap breaks (the caller then takes another way).
    /// </summary>
    public static IReadOnlyList<Placement>? Build(SchedulingProblem problem, ReplanObjective objective, ReplanValues values)
    {
        var meetings = problem.Meetings;
        var published = objective.Published
            .OrderByDescending(p => meetings[p.Meeting].Meeting.Required).ThenBy(p => p.Slot ?? int.MaxValue).ThenBy(p => p.Meeting).ToList();

        // Where they were: every rule but interpreters first, then the interpreters of all of them at once, exactly.
        var plain = new LocalSchedule(problem, [], withInterpreters: false);
        foreach (var (m, slot, _) in published)
            if (slot is int at) TryHome(plain, values, m, at);
        var kept = plain.Placements();
        if (problem.UsesInterpreters)
        {
            var (_, left) = InterpreterAssignment.Assign(problem, kept);
            if (left.Count > 0)
            {
                var without = left.Select(p => p.Meeting).ToHashSet();
                kept = [.. kept.Where(p => !without.Contains(p.Meeting))];
            }
        }

        LocalSchedule s;
        try
        {
            s = new LocalSchedule(problem, kept);
        }
        catch (ArgumentException)
        {
            // The exact naming gave up (its safety limit, on a machine far too busy): the caller takes another way.
            return null;
        }

        var order = new Order(problem);
        var blockers = new List<int>();
        // The displaced: required first (they must go somewhere), then by what they add, nearest their published start.
        foreach (var (m, slot, _) in published
                     .OrderByDescending(p => meetings[p.Meeting].Meeting.Required).ThenByDescending(p => values.EjectCost[p.Meeting]).ThenBy(p => p.Meeting))
        {
            if (s.IsPlaced(m) || meetings[m].Options.IsEmpty) continue;
            if (slot is int home && TryHome(s, values, m, home)) continue;
            if (PlaceNearest(s, m, slot ?? 0)) continue;
            if (meetings[m].Meeting.Required) PlaceRequired(s, values, order, m, slot ?? 0, blockers);
            else PlaceByEjecting(s, values, order, m, slot ?? 0, blockers, takeRequired: false);
        }

        foreach (var m in meetings.Where(m => !m.Options.IsEmpty && !s.IsPlaced(m.Index))
                     .OrderByDescending(m => m.Meeting.Required).ThenByDescending(m => values.EjectCost[m.Index]).ThenBy(m => m.Index))
            if (!PlaceNearest(s, m.Index, 0) && m.Meeting.Required) PlaceRequired(s, values, order, m.Index, 0, blockers);

        if (meetings.Any(m => m.Meeting.Required && !s.IsPlaced(m.Index)) || !s.SpreadHolds) return null;
        return s.Placements();
    }

    /// <summary>Places meeting <paramref name="m"/> at slot <paramref name="home"/>, in its published pool when it can; false when nothing there fits.</summary>
    internal static bool TryHome(LocalSchedule s, ReplanValues values, int m, int home)
    {
        var mo = s.Meetings[m];
        int preferred = values.HomePoolOf(m);
        for (int pass = 0; pass < 2; pass++)
            for (int k = 0; k < mo.Options.Length; k++)
            {
                if (mo.Options[k].Start != home) continue;
                foreach (int p in mo.Groups[mo.Options[k].Group].Pools)
                {
                    if ((pass == 0) != (p == preferred) || !s.CanPlace(m, k, p)) continue;
                    s.Place(m, k, p);
                    return true;
                }
            }
        return false;
    }

    /// <summary>Places meeting <paramref name="m"/> at the free option whose start is nearest <paramref name="near"/> (earlier on ties).</summary>
    internal static bool PlaceNearest(LocalSchedule s, int m, int near)
    {
        foreach (int k in ByDistance(s.Meetings[m], near))
            foreach (int p in s.Meetings[m].Groups[s.Meetings[m].Options[k].Group].Pools)
                if (s.CanPlace(m, k, p))
                {
                    s.Place(m, k, p);
                    return true;
                }
        return false;
    }

    /// <summary>
    /// Places required meeting <paramref name="m"/>, first making way only through meetings that are not required, then,
    /// when that finds nothing, through required ones too (those its <c>after</c> orders put on the wrong side, those of
    /// its people then), which are placed again the same way in turn, a bounded number of times.
    /// </summary>
    private static void PlaceRequired(LocalSchedule s, ReplanValues values, Order order, int m, int near, List<int> blockers)
    {
        var queue = new Queue<(int Meeting, int Near)>([(m, near)]);
        for (int round = 0; queue.Count > 0 && round < 4 * s.Meetings.Count(x => x.Meeting.Required); round++)
        {
            var (next, at) = queue.Dequeue();
            if (s.IsPlaced(next) || PlaceNearest(s, next, at) || PlaceByEjecting(s, values, order, next, at, blockers, takeRequired: false) is not null) continue;
            if (PlaceByEjecting(s, values, order, next, at, blockers, takeRequired: true) is { } left)
                foreach (var x in left) queue.Enqueue(x);
        }
    }

    /// <summary>
    /// Places meeting <paramref name="m"/> at the option nearest <paramref name="near"/> where the meetings in its way
    /// step out (<see cref="WeightLocalSearch.Blockers"/>, and those its <c>after</c> orders put on the wrong side) and the
    /// objective gains, or, for a required meeting, where it fits at all; those that stepped out go back home or nearest
    /// where they were. Only with <paramref name="takeRequired"/> may required meetings step out. Returns null when
    /// nothing was placed, else the required meetings that stepped out and found no place (with where they were).
    /// </summary>
    private static List<(int, int)>? PlaceByEjecting(LocalSchedule s, ReplanValues values, Order order, int m, int near, List<int> blockers, bool takeRequired)
    {
        var mo = s.Meetings[m];
        bool required = mo.Meeting.Required;
        foreach (int k in ByDistance(mo, near))
            foreach (int p in mo.Groups[mo.Options[k].Group].Pools)
            {
                s.Begin();
                if (!(takeRequired ? AnyBlockers(s, values, m, k, p, blockers) : WeightLocalSearch.Blockers(s, m, k, p, values.EjectCost, blockers))) continue;
                order.AddWrongSide(s, m, k, blockers);
                if (!takeRequired && blockers.Any(b => s.Meetings[b].Meeting.Required)) continue;
                var was = blockers.Select(b => (b, Start: s.Meetings[b].Options[s.OptionOf(b)].Start, Pool: s.PoolOf(b))).ToList();
                long delta = 0;
                foreach (var (b, start, pool) in was)
                {
                    delta -= values.Of(b, start, pool);
                    s.Remove(b);
                }
                if (!s.CanPlace(m, k, p))
                {
                    s.Rollback();
                    continue;
                }
                s.Place(m, k, p);
                delta += values.Of(m, mo.Options[k].Start, p);
                var left = new List<(int, int)>();
                foreach (var (b, start, _) in was)
                {
                    int home = values.HomeOf(b);
                    if ((home >= 0 && TryHome(s, values, b, home)) || PlaceNearest(s, b, start))
                        delta += values.Of(b, s.Meetings[b].Options[s.OptionOf(b)].Start, s.PoolOf(b));
                    else if (s.Meetings[b].Meeting.Required) left.Add((b, start));
                }
                if ((required || delta > 0) && s.SpreadHolds) return left;
                s.Rollback();
            }
        return null;
    }

    /// <summary>
    /// Like <see cref="WeightLocalSearch.Blockers"/>, but required meetings may step out too: the meetings of its
    /// people then and those too close by travel, the lightest in each full slot of the pool (one not required when
    /// there is one), and those holding the interpreter it needs. False when the pool is closed or no interpreter can
    /// be freed.
    /// </summary>
    private static bool AnyBlockers(LocalSchedule s, ReplanValues values, int m, int k, int p, List<int> into)
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
                if (lightest < 0 || (s.Meetings[other].Meeting.Required, values.EjectCost[other]).CompareTo((s.Meetings[lightest].Meeting.Required, values.EjectCost[lightest])) < 0)
                    lightest = other;
            if (lightest < 0) return false;
            into.Add(lightest);
        }
        return s.AddInterpreterBlockers(m, k, p, values.EjectCost, into);
    }

    /// <summary>The <c>after</c> orders by meeting index, both ways.</summary>
    private sealed class Order
    {
        private readonly int[][] before;
        private readonly int[][] after;

        public Order(SchedulingProblem problem)
        {
            var index = problem.Meetings.ToDictionary(m => m.Meeting.Id, m => m.Index, StringComparer.Ordinal);
            before = problem.Meetings.Select(m => m.Meeting.After.Select(id => index[id]).ToArray()).ToArray();
            var followers = problem.Meetings.Select(_ => new List<int>()).ToArray();
            foreach (var m in problem.Meetings)
                foreach (int b in before[m.Index]) followers[b].Add(m.Index);
            after = followers.Select(f => f.ToArray()).ToArray();
        }

        /// <summary>Adds the placed meetings that meeting <paramref name="m"/> at option <paramref name="k"/> would have on the wrong side of an order.</summary>
        public void AddWrongSide(LocalSchedule s, int m, int k, List<int> into)
        {
            var mo = s.Meetings[m];
            int start = mo.Options[k].Start, end = start + mo.Length;
            foreach (int b in before[m])
                if (s.IsPlaced(b) && s.Meetings[b].Options[s.OptionOf(b)].Start + s.Meetings[b].Length > start && !into.Contains(b)) into.Add(b);
            foreach (int a in after[m])
                if (s.IsPlaced(a) && s.Meetings[a].Options[s.OptionOf(a)].Start < end && !into.Contains(a)) into.Add(a);
        }
    }

    private static IEnumerable<int> ByDistance(MeetingOptions mo, int near) =>
        Enumerable.Range(0, mo.Options.Length).OrderBy(k => Math.Abs(mo.Options[k].Start - near)).ThenBy(k => mo.Options[k].Start).ThenBy(k => k);
}
