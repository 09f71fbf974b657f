using Scheduler.Engine.Baselines;
using Scheduler.Engine.Domain;
using Scheduler.Engine.Time;
using System.Collections.Immutable;

namespace Scheduler.Engine.Solving;

/// <summary>Solution hints: a complete assignment the search starts from, so it never begins from nothing.</summary>
internal static class Hints
{
    /// <summary>The first-fit baseline as placements on the model's grid and pools.</summary>
    public static List<Placement> FirstFitPlacements(Event ev, TimeGrid grid, ImmutableArray<RoomPool> pools, ImmutableArray<MeetingOptions> meetings)
    {
        var byId = meetings.ToDictionary(m => m.Meeting.Id, StringComparer.Ordinal);
        var poolOfRoom = pools.SelectMany(p => p.Rooms.Select(r => (r.Id, p.Index))).ToDictionary(x => x.Id, x => x.Index, StringComparer.Ordinal);
        var placements = new List<Placement>();
        foreach (var a in FirstFit.Run(ev, grid).Assignments)
        {
            var m = byId[a.Meeting];
            if (grid.SlotStartingAt(a.Start) is int start)
                placements.Add(new Placement(m.Index, start, m.Length, poolOfRoom[a.Room]));
        }
        return placements;
    }

    /// <summary>Hints every choice literal: true for the placements' options, false elsewhere.</summary>
    public static void Apply(SchedulingModel sm, IReadOnlyCollection<Placement> placements)
    {
        sm.Model.ClearHints();
        if (placements.Count == 0) return;
        var chosen = placements.ToDictionary(p => p.Meeting);
        foreach (var m in sm.Meetings)
        {
            chosen.TryGetValue(m.Index, out var p);
            bool placed = chosen.ContainsKey(m.Index);
            for (int k = 0; k < m.Options.Length; k++)
            {
                var o = m.Options[k];
                bool on = placed && o.Start == p.Start && m.Groups[o.Group].Pools.Contains(p.Pool);
                sm.Model.AddHint(sm.X[m.Index][k], on);
            }
            foreach (var pool in m.Groups.SelectMany(g => g.Pools))
                if (sm.PoolChoice.TryGetValue((m.Index, pool), out var y)) sm.Model.AddHint(y, placed && p.Pool == pool);
        }
    }
}
