using System.Collections.Immutable;
using Scheduler.Engine.Domain;
using Scheduler.Engine.Time;

namespace Scheduler.Engine.Solving;

/// <summary>A meeting placed by the solver: start slot and pool, before a concrete room is chosen.</summary>
/// <param name="Meeting">Meeting index.</param>
/// <param name="Start">Start slot.</param>
/// <param name="Length">Length in slots.</param>
/// <param name="Pool">Pool index.</param>
internal readonly record struct Placement(int Meeting, int Start, int Length, int Pool);

/// <summary>Turns solver values into placements, then into concrete rooms and assignments.</summary>
internal static class ReadBack
{
    /// <summary>Reads each scheduled meeting's option and pool from <paramref name="value"/> (a literal's value).</summary>
    public static List<Placement> Placements(SchedulingModel sm, Func<Google.OrTools.Sat.BoolVar, bool> value)
    {
        var result = new List<Placement>();
        foreach (var m in sm.Meetings)
        {
            var lits = sm.X[m.Index];
            for (int k = 0; k < lits.Length; k++)
            {
                if (!value(lits[k])) continue;
                var option = m.Options[k];
                var group = m.Groups[option.Group];
                int pool = group.Pools.Length == 1
                    ? group.Pools[0]
                    : group.Pools.First(p => sm.PoolChoice.TryGetValue((m.Index, p), out var y) && value(y));
                result.Add(new Placement(m.Index, option.Start, m.Length, pool));
                break;
            }
        }
        return result;
    }

    /// <summary>
    /// Gives each placement a room of its pool: by start time, the lowest-id room free by then. Exact for identical
    /// rooms (the model keeps every pool within its size at every slot).
    /// </summary>
    public static ImmutableArray<Assignment> AssignRooms(Event ev, TimeGrid grid, ImmutableArray<RoomPool> pools, IEnumerable<Placement> placements) =>
        AssignRooms(ev, grid, pools, placements, null);

    /// <summary>
    /// As above, but a meeting whose <paramref name="preferred"/> room (by meeting index) is in its pool and free gets
    /// it, and the others avoid rooms that a later overlapping meeting prefers when another room is free: a replan then
    /// keeps published rooms. Taking any free room is always safe when meetings go by start time (interval colouring),
    /// so preferences never make the assignment fail.
    /// </summary>
    public static ImmutableArray<Assignment> AssignRooms(Event ev, TimeGrid grid, ImmutableArray<RoomPool> pools, IEnumerable<Placement> placements,
        IReadOnlyDictionary<int, string>? preferred)
    {
        var assignments = new List<Assignment>();
        foreach (var byPool in placements.GroupBy(p => p.Pool).OrderBy(g => g.Key))
        {
            var pool = pools[byPool.Key];
            var freeFrom = new int[pool.Size];
            var order = byPool.OrderBy(p => p.Start).ThenBy(p => ev.Meetings[p.Meeting].Id, StringComparer.Ordinal).ToList();
            for (int i = 0; i < order.Count; i++)
            {
                var p = order[i];
                int room = PreferredRoom(pool, freeFrom, p, order, i, preferred);
                if (room < 0) throw new InvalidOperationException($"Pool {byPool.Key} overbooked at slot {p.Start}: the model let too many meetings in.");
                freeFrom[room] = p.Start + p.Length;
                var meeting = ev.Meetings[p.Meeting];
                var start = grid.SlotStart(p.Start);
                assignments.Add(new Assignment(meeting.Id, pool.Rooms[room].Id, start, start + meeting.Duration));
            }
        }
        return assignments
            .OrderBy(a => a.Start).ThenBy(a => a.Room, StringComparer.Ordinal).ThenBy(a => a.Meeting, StringComparer.Ordinal)
            .ToImmutableArray();
    }

    private static int PreferredRoom(RoomPool pool, int[] freeFrom, Placement p, List<Placement> order, int at, IReadOnlyDictionary<int, string>? preferred)
    {
        bool Free(int r) => freeFrom[r] <= p.Start;
        if (preferred is null) return Array.FindIndex(freeFrom, f => f <= p.Start);
        if (preferred.TryGetValue(p.Meeting, out var own))
        {
            int mine = pool.Rooms.IndexOf(pool.Rooms.FirstOrDefault(r => r.Id == own)!);
            if (mine >= 0 && Free(mine)) return mine;
        }

        // Rooms wanted by a later meeting of this pool that starts before this one ends.
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        for (int j = at + 1; j < order.Count && order[j].Start < p.Start + p.Length; j++)
            if (preferred.TryGetValue(order[j].Meeting, out var room)) wanted.Add(room);
        int best = -1;
        for (int r = 0; r < freeFrom.Length; r++)
        {
            if (!Free(r)) continue;
            if (!wanted.Contains(pool.Rooms[r].Id)) return r;
            if (best < 0) best = r;
        }

        return best;
    }

    /// <summary>Total idle gaps of the placements on the grid: per participant and day, busy blocks minus one.</summary>
    public static int CountIdleGaps(Event ev, TimeGrid grid, ImmutableArray<MeetingOptions> meetings, IEnumerable<Placement> placements) =>
        IdleGapsPerParticipant(grid, meetings, placements).Values.Sum();

    /// <summary>Idle gaps per participant index, for participants with at least one placed meeting.</summary>
    public static Dictionary<int, int> IdleGapsPerParticipant(TimeGrid grid, ImmutableArray<MeetingOptions> meetings, IEnumerable<Placement> placements)
    {
        var busy = new Dictionary<int, bool[]>();
        foreach (var p in placements)
            foreach (int person in meetings[p.Meeting].Participants)
            {
                if (!busy.TryGetValue(person, out var slots)) busy[person] = slots = new bool[grid.SlotCount];
                for (int t = p.Start; t < p.Start + p.Length; t++) slots[t] = true;
            }
        var result = new Dictionary<int, int>();
        foreach (var (person, slots) in busy)
        {
            int total = 0;
            foreach (var day in grid.Days)
            {
                int blocks = 0;
                bool previous = false;
                for (int t = day.FirstSlot; t < day.FirstSlot + day.SlotCount; t++)
                {
                    if (grid.IsBreak(t)) continue;
                    if (slots[t] && !previous) blocks++;
                    previous = slots[t];
                }
                if (blocks > 0) total += blocks - 1;
            }
            result[person] = total;
        }
        return result;
    }
}
