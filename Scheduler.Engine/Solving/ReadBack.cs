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
    public static ImmutableArray<Assignment> AssignRooms(Event ev, TimeGrid grid, ImmutableArray<RoomPool> pools, IEnumerable<Placement> placements)
    {
        var assignments = new List<Assignment>();
        foreach (var byPool in placements.GroupBy(p => p.Pool).OrderBy(g => g.Key))
        {
            var pool = pools[byPool.Key];
            var freeFrom = new int[pool.Size];
            foreach (var p in byPool.OrderBy(p => p.Start).ThenBy(p => ev.Meetings[p.Meeting].Id, StringComparer.Ordinal))
            {
                int room = Array.FindIndex(freeFrom, f => f <= p.Start);
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

    /// <summary>The assignments with the ids of the interpreters each meeting has (<paramref name="interpreters"/>: positions per meeting index), ordinal order.</summary>
    public static ImmutableArray<Assignment> WithInterpreters(Event ev, ImmutableArray<Assignment> assignments, IReadOnlyDictionary<int, ImmutableArray<int>> interpreters)
    {
        if (interpreters.Count == 0) return assignments;
        var byId = interpreters.ToDictionary(kv => ev.Meetings[kv.Key].Id, kv => kv.Value, StringComparer.Ordinal);
        return [.. assignments.Select(a => byId.TryGetValue(a.Meeting, out var who)
            ? a with { Interpreters = [.. who.Select(i => ev.Interpreters[i].Id).Order(StringComparer.Ordinal)] }
            : a)];
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
