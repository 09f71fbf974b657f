namespace Scheduler.Engine.Solving;

/// <summary>
/// After a replan's search: each published meeting held at its published start but in another pool of the same
/// building group goes back to its published room's pool when that pool has a free room over the whole meeting. The
/// start, the building and every participant's time stay as they were, so every rule still holds and nothing is
/// moved; only rooms that the search swapped without need (free when room changes cost nothing, or a search stopped
/// before its tie-break settled) come back.
/// </summary>
internal static class PublishedPools
{
    public static IReadOnlyList<Placement> Restore(SchedulingProblem problem, ReplanObjective objective, IReadOnlyList<Placement> placements)
    {
        var use = problem.Pools.Select(_ => new int[problem.Grid.SlotCount]).ToArray();
        foreach (var p in placements)
            for (int t = p.Start; t < p.Start + p.Length; t++) use[p.Pool][t]++;
        var at = placements.ToDictionary(p => p.Meeting);
        foreach (var (meeting, slot, pool) in objective.Published)
        {
            if (pool is not int home || !at.TryGetValue(meeting, out var p) || p.Start != slot || p.Pool == home) continue;
            var m = problem.Meetings[meeting];
            bool sameGroup = m.Groups.Any(g => g.Pools.Contains(home) && g.Pools.Contains(p.Pool))
                && m.Options.Any(o => o.Start == p.Start && m.Groups[o.Group].Pools.Contains(home));
            var target = problem.Pools[home];
            if (!sameGroup || !target.IsFreeOver(p.Start, p.Length)) continue;
            if (Enumerable.Range(p.Start, p.Length).Any(t => use[home][t] >= target.Size)) continue;
            for (int t = p.Start; t < p.Start + p.Length; t++)
            {
                use[p.Pool][t]--;
                use[home][t]++;
            }

            at[meeting] = p with { Pool = home };
        }

        return at.Values.OrderBy(p => p.Meeting).ToList();
    }
}
