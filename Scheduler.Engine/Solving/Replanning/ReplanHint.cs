namespace Scheduler.Engine.Solving;

/// <summary>
/// The starting point of a replan: the published meetings where they were (in the published room's pool when that
/// is still an option, else any pool at that start), each kept only when it shares no participant's slot, exceeds no
/// pool at any slot and no daily limit. What this does not check (travel,
/// <c>after</c>, the spread cap) the hint completion finds; a hint that breaks it is still used in part by CP-SAT.
/// </summary>
internal static class ReplanHint
{
    /// <summary>The hint of a replan of <paramref name="problem"/>: the published meetings of <paramref name="objective"/> that still fit.</summary>
    public static IReadOnlyList<Placement> Build(SchedulingProblem problem, ReplanObjective objective)
    {
        var grid = problem.Grid;
        var busy = new Dictionary<int, bool[]>();
        var poolUse = problem.Pools.Select(_ => new int[grid.SlotCount]).ToArray();
        var daily = new Dictionary<(int, int), int>();
        var placed = new Dictionary<int, Placement>();

        bool TryPlace(Placement p)
        {
            var m = problem.Meetings[p.Meeting];
            if (placed.ContainsKey(p.Meeting)) return false;
            var pool = problem.Pools[p.Pool];
            int day = grid.DayOf(p.Start);
            for (int t = p.Start; t < p.Start + p.Length; t++)
            {
                if (pool.IsBlocked(t) || poolUse[p.Pool][t] >= pool.Size) return false;
                foreach (int person in m.Participants)
                    if (busy.TryGetValue(person, out var slots) && slots[t]) return false;
            }

            foreach (int person in m.Participants)
                if (problem.Event.Participants[person].MaxMeetingsPerDay is int max && daily.GetValueOrDefault((person, day)) >= max) return false;
            for (int t = p.Start; t < p.Start + p.Length; t++)
            {
                poolUse[p.Pool][t]++;
                foreach (int person in m.Participants)
                {
                    if (!busy.TryGetValue(person, out var slots)) busy[person] = slots = new bool[grid.SlotCount];
                    slots[t] = true;
                }
            }

            foreach (int person in m.Participants) daily[(person, day)] = daily.GetValueOrDefault((person, day)) + 1;
            placed[p.Meeting] = p;
            return true;
        }

        // Frozen (required) meetings first: they cannot go anywhere else.
        foreach (var (meeting, slot, pool) in objective.Published.OrderByDescending(p => problem.Meetings[p.Meeting].Meeting.Required).ThenBy(p => p.Slot))
        {
            if (slot is not int s) continue;
            var m = problem.Meetings[meeting];
            var pools = m.Options.Where(o => o.Start == s).SelectMany(o => m.Groups[o.Group].Pools)
                .OrderBy(p => p == pool ? 0 : 1).ThenBy(p => p);
            foreach (var p in pools)
                if (TryPlace(new Placement(meeting, s, m.Length, p))) break;
        }

        // First fit's placements of the other meetings would make a richer hint, but they may break travel or an
        // "after" order with the published ones, and then CP-SAT cannot use the hint whole: measured on the sample, the
        // search then ended with more moves than the published schedule alone has. The search adds new meetings itself.
        return placed.Values.OrderBy(p => p.Meeting).ToList();
    }
}
