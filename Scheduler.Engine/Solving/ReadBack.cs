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
    /// As above, but keeping <paramref name="preferred"/> rooms (by meeting index) where the pool allows: first every
    /// meeting at its preferred room, when that room is in its pool and no meeting placed so far holds it then; then the
    /// rest by start time in the lowest-id room free over the whole meeting. If that second pass finds no room for a
    /// meeting, the pool falls back to the plain assignment, which never fails; a replan then changes more rooms than
    /// it had to, never breaks a rule. Exact rooms are the model's business (a positive room change cost gives every
    /// published room a pool of its own); this only keeps rooms when changing them costs nothing.
    /// </summary>
    public static ImmutableArray<Assignment> AssignRooms(Event ev, TimeGrid grid, ImmutableArray<RoomPool> pools, IEnumerable<Placement> placements,
        IReadOnlyDictionary<int, string>? preferred)
    {
        var assignments = new List<Assignment>();
        foreach (var byPool in placements.GroupBy(p => p.Pool).OrderBy(g => g.Key))
        {
            var pool = pools[byPool.Key];
            var order = byPool.OrderBy(p => p.Start).ThenBy(p => ev.Meetings[p.Meeting].Id, StringComparer.Ordinal).ToList();
            var rooms = (preferred is null ? null : KeepingPreferred(pool, order, preferred)) ?? ByStartTime(pool, order, byPool.Key, preferred);
            for (int i = 0; i < order.Count; i++)
            {
                var meeting = ev.Meetings[order[i].Meeting];
                var start = grid.SlotStart(order[i].Start);
                assignments.Add(new Assignment(meeting.Id, pool.Rooms[rooms[i]].Id, start, start + meeting.Duration));
            }
        }
        return assignments
            .OrderBy(a => a.Start).ThenBy(a => a.Room, StringComparer.Ordinal).ThenBy(a => a.Meeting, StringComparer.Ordinal)
            .ToImmutableArray();
    }

    /// <summary>The assignments with the ids of the interpreters each meeting has (<paramref name="interpreters"/>: positions per meeting index), ordinal order.</summary>
    public static ImmutableArray<Assignment> WithInterpreters(Event ev, ImmutableArray<Assignment> assignments, IReadOnlyDictionary<int, ImmutableArray<int>> interpreters)
    {
        if (interpreters.Count == 0) return assignments;
        var byId = interpreters.ToDictionary(kv => ev.Meetings[kv.Key].Id, kv => kv.Value, StringComparer.Ordinal);
        return [.. assignments.Select(a => byId.TryGetValue(a.Meeting, out var who)
            ? a with { Interpreters = [.. who.Select(i => ev.Interpreters[i].Id).Order(StringComparer.Ordinal)] }
            : a)];
    }

    /// <summary>
    /// Room positions in the pool for <paramref name="order"/> (by start time): the preferred room when it is free by
    /// then, else the lowest-id room free by then that no later overlapping meeting prefers, else the lowest-id free one.
    /// Any room free by the start will do for the later meetings (interval colouring), so this never fails.
    /// </summary>
    private static int[] ByStartTime(RoomPool pool, List<Placement> order, int poolIndex, IReadOnlyDictionary<int, string>? preferred)
    {
        var freeFrom = new int[pool.Size];
        var rooms = new int[order.Count];
        for (int i = 0; i < order.Count; i++)
        {
            var p = order[i];
            int room = Array.FindIndex(freeFrom, f => f <= p.Start);
            if (room >= 0 && preferred is not null)
            {
                var wanted = new HashSet<string>(StringComparer.Ordinal);
                for (int j = i + 1; j < order.Count && order[j].Start < p.Start + p.Length; j++)
                    if (preferred.TryGetValue(order[j].Meeting, out var id)) wanted.Add(id);
                int own = preferred.TryGetValue(p.Meeting, out var mine) ? pool.Rooms.IndexOf(pool.Rooms.FirstOrDefault(r => r.Id == mine)!) : -1;
                int unwanted = Enumerable.Range(0, pool.Size).FirstOrDefault(r => freeFrom[r] <= p.Start && !wanted.Contains(pool.Rooms[r].Id), -1);
                room = own >= 0 && freeFrom[own] <= p.Start ? own : unwanted >= 0 ? unwanted : room;
            }

            if (room < 0) throw new InvalidOperationException($"Pool {poolIndex} overbooked at slot {p.Start}: the model let too many meetings in.");
            freeFrom[room] = p.Start + p.Length;
            rooms[i] = room;
        }
        return rooms;
    }

    /// <summary>Room positions keeping preferred rooms first, or null when the rest then find no room.</summary>
    private static int[]? KeepingPreferred(RoomPool pool, List<Placement> order, IReadOnlyDictionary<int, string> preferred)
    {
        var held = new List<(int Start, int End)>[pool.Size];
        for (int r = 0; r < held.Length; r++) held[r] = new();
        bool Free(int r, Placement p) => held[r].All(h => h.End <= p.Start || p.Start + p.Length <= h.Start);
        var rooms = new int[order.Count];
        Array.Fill(rooms, -1);
        for (int i = 0; i < order.Count; i++)
        {
            if (!preferred.TryGetValue(order[i].Meeting, out var id)) continue;
            int r = pool.Rooms.IndexOf(pool.Rooms.FirstOrDefault(x => x.Id == id)!);
            if (r < 0 || !Free(r, order[i])) continue;
            held[r].Add((order[i].Start, order[i].Start + order[i].Length));
            rooms[i] = r;
        }
        for (int i = 0; i < order.Count; i++)
        {
            if (rooms[i] >= 0) continue;
            int r = Enumerable.Range(0, pool.Size).FirstOrDefault(x => Free(x, order[i]), -1);
            if (r < 0) return null;
            held[r].Add((order[i].Start, order[i].Start + order[i].Length));
            rooms[i] = r;
        }
        return rooms;
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
