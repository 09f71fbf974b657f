using Scheduler.Engine.Domain;

namespace Scheduler.Engine.Solving;

/// <summary>
/// The starting point of a replan, built greedily so that CP-SAT can use it whole: the published meetings where they
/// were (in the published room's pool when that is still an option, else any pool at that start), then each published
/// meeting that no longer fits there at the free option nearest its published start (required ones first), then any
/// required meeting still out by ejecting what is in its way, then the other meetings by weight at their first free
/// option. An option is free when it shares no participant's slot, overfills no pool, passes no daily limit, keeps
/// travel times and the <c>after</c> orders with what is placed. Interpreters and the idle-gap spread cap are not
/// checked: <see cref="ReplanPhase.StartingPoint"/> repairs the first, and a hint that breaks the second is still used
/// in part by CP-SAT.
/// </summary>
internal sealed class ReplanHint
{
    private readonly SchedulingProblem problem;
    private readonly Dictionary<int, List<(int Start, int End, string? Building)>> busy = new();
    private readonly int[][] poolUse;
    private readonly Dictionary<(int, int), int> daily = new();
    private readonly Dictionary<int, Placement> placed = new();
    private readonly Dictionary<string, int> index;

    private ReplanHint(SchedulingProblem problem)
    {
        this.problem = problem;
        poolUse = problem.Pools.Select(_ => new int[problem.Grid.SlotCount]).ToArray();
        index = problem.Meetings.ToDictionary(m => m.Meeting.Id, m => m.Index, StringComparer.Ordinal);
    }

    /// <summary>The hint of a replan of <paramref name="problem"/> from the published meetings of <paramref name="objective"/>.</summary>
    public static IReadOnlyList<Placement> Build(SchedulingProblem problem, ReplanObjective objective)
    {
        var hint = new ReplanHint(problem);
        // Frozen (required) meetings first: they cannot go anywhere else.
        var published = objective.Published.OrderByDescending(p => problem.Meetings[p.Meeting].Meeting.Required).ThenBy(p => p.Slot).ToList();
        foreach (var (meeting, slot, pool) in published)
        {
            if (slot is not int s) continue;
            var m = problem.Meetings[meeting];
            foreach (var o in m.Options.Where(o => o.Start == s).OrderBy(o => m.Groups[o.Group].Pools.Contains(pool ?? -1) ? 0 : 1))
                if (hint.TryPlace(m, o, pool)) break;
        }

        // Displaced published meetings as near their published start as they fit, required then heaviest first.
        foreach (var (meeting, slot, _) in published.OrderByDescending(p => problem.Meetings[p.Meeting].Meeting.Required)
            .ThenByDescending(p => problem.Meetings[p.Meeting].Meeting.Weight).ThenBy(p => p.Meeting))
        {
            var m = problem.Meetings[meeting];
            foreach (var o in m.Options.OrderBy(o => Math.Abs(o.Start - (slot ?? 0))).ThenBy(o => o.Start))
                if (hint.TryPlace(m, o, null)) break;
        }

        // A required meeting that found no free option takes one from meetings that are not required, which then go
        // back as near their start as they fit: CP-SAT found no schedule in 10 s on the sample from a hint without it.
        // An `after` order can make a required meeting eject another required one, which is then placed the same way.
        var missing = new Queue<MeetingOptions>(problem.Meetings.Where(m => m.Meeting.Required && !m.Options.IsEmpty && !hint.placed.ContainsKey(m.Index)));
        for (int round = 0; missing.Count > 0 && round < 4 * problem.Meetings.Count(m => m.Meeting.Required); round++)
            foreach (var left in hint.PlaceByEjecting(missing.Dequeue())) missing.Enqueue(left);

        // Then anything else that fits without moving what is placed: it only adds weight, never a cost.
        foreach (var m in problem.Meetings.OrderByDescending(m => m.Meeting.Required).ThenByDescending(m => m.Meeting.Weight).ThenBy(m => m.Index))
            foreach (var o in m.Options)
                if (hint.TryPlace(m, o, null)) break;
        return hint.placed.Values.OrderBy(p => p.Meeting).ToList();
    }

    /// <summary>
    /// Places <paramref name="m"/> at its first option where taking out the meetings in its way lets it fit: those of
    /// its people on that day and those in its rooms at that time, when not required, and those its <c>after</c> orders
    /// put on the wrong side. They go
    /// back as near their start as they fit; returns the required ones that did not (empty when <paramref name="m"/>
    /// found no option, which leaves the hint as it was).
    /// </summary>
    private List<MeetingOptions> PlaceByEjecting(MeetingOptions m)
    {
        var grid = problem.Grid;
        foreach (var o in m.Options)
        {
            int end = o.Start + m.Length;
            int day = grid.DayOf(o.Start);
            var ejected = placed.Values.Where(p =>
            {
                var other = problem.Meetings[p.Meeting];
                bool sameDay = grid.DayOf(p.Start) == day;
                bool overlaps = p.Start < end && o.Start < p.Start + p.Length;
                bool inWay = !other.Meeting.Required && ((sameDay && other.Participants.Any(m.Participants.Contains))
                    || (overlaps && m.Groups[o.Group].Pools.Contains(p.Pool)));
                bool wrongSide = (m.Meeting.After.Contains(other.Meeting.Id, StringComparer.Ordinal) && o.Start < p.Start + p.Length)
                    || (other.Meeting.After.Contains(m.Meeting.Id, StringComparer.Ordinal) && p.Start < end);
                return inWay || wrongSide;
            }).ToList();
            foreach (var p in ejected) Remove(p);
            if (!TryPlace(m, o, null))
            {
                foreach (var p in ejected) Put(p);
                continue;
            }

            var left = new List<MeetingOptions>();
            foreach (var p in ejected)
            {
                var other = problem.Meetings[p.Meeting];
                if (!other.Options.OrderBy(x => Math.Abs(x.Start - p.Start)).ThenBy(x => x.Start).Any(x => TryPlace(other, x, p.Pool)) && other.Meeting.Required)
                    left.Add(other);
            }

            return left;
        }

        return [];
    }

    private void Remove(Placement p)
    {
        var m = problem.Meetings[p.Meeting];
        int day = problem.Grid.DayOf(p.Start);
        for (int t = p.Start; t < p.Start + p.Length; t++) poolUse[p.Pool][t]--;
        foreach (int person in m.Participants)
        {
            busy[person].RemoveAll(b => b.Start == p.Start && b.End == p.Start + p.Length);
            daily[(person, day)]--;
        }

        placed.Remove(p.Meeting);
    }

    /// <summary>Puts back a placement taken out by <see cref="Remove"/>, where it was.</summary>
    private void Put(Placement p)
    {
        var m = problem.Meetings[p.Meeting];
        int day = problem.Grid.DayOf(p.Start);
        var building = m.Groups.First(g => g.Pools.Contains(p.Pool)).Building;
        for (int t = p.Start; t < p.Start + p.Length; t++) poolUse[p.Pool][t]++;
        foreach (int person in m.Participants)
        {
            busy[person].Add((p.Start, p.Start + p.Length, building));
            daily[(person, day)] = daily.GetValueOrDefault((person, day)) + 1;
        }

        placed[p.Meeting] = p;
    }

    private bool TryPlace(MeetingOptions m, StartOption o, int? preferredPool)
    {
        if (placed.ContainsKey(m.Index)) return false;
        var grid = problem.Grid;
        var group = m.Groups[o.Group];
        int end = o.Start + m.Length;
        int day = grid.DayOf(o.Start);
        var pools = group.Pools.OrderBy(p => p == preferredPool ? 0 : 1).ThenBy(p => p);
        int pool = pools.FirstOrDefault(p => Enumerable.Range(o.Start, m.Length).All(t => !problem.Pools[p].IsBlocked(t) && poolUse[p][t] < problem.Pools[p].Size), -1);
        if (pool < 0) return false;
        foreach (int person in m.Participants)
        {
            if (problem.Event.Participants[person].MaxMeetingsPerDay is int max && daily.GetValueOrDefault((person, day)) >= max) return false;
            if (!busy.TryGetValue(person, out var held)) continue;
            foreach (var (s, e, building) in held)
            {
                if (s < end && o.Start < e) return false;
                if (grid.DayOf(s) != day) continue;
                int buffer = grid.SlotsCovering(problem.Event.TravelTime(building, group.Building));
                if (buffer > 0 && s < end + buffer && o.Start < e + buffer) return false;
            }
        }

        if (!KeepsAfter(m, o.Start)) return false;
        for (int t = o.Start; t < end; t++) poolUse[pool][t]++;
        foreach (int person in m.Participants)
        {
            if (!busy.TryGetValue(person, out var held)) busy[person] = held = new();
            held.Add((o.Start, end, group.Building));
            daily[(person, day)] = daily.GetValueOrDefault((person, day)) + 1;
        }

        placed[m.Index] = new Placement(m.Index, o.Start, m.Length, pool);
        return true;
    }

    /// <summary>True when starting at <paramref name="start"/> keeps every <c>after</c> order with the placed meetings.</summary>
    private bool KeepsAfter(MeetingOptions m, int start)
    {
        foreach (var before in m.Meeting.After)
            if (placed.TryGetValue(index[before], out var p) && start < p.Start + p.Length) return false;
        foreach (var other in placed.Values)
            if (problem.Meetings[other.Meeting].Meeting.After.Contains(m.Meeting.Id, StringComparer.Ordinal) && other.Start < start + m.Length) return false;
        return true;
    }
}
