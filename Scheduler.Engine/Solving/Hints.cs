using Google.OrTools.Sat;
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
    public static void Apply(SchedulingModel sm, IReadOnlyCollection<Placement> placements, double completionSeconds)
    {
        sm.Model.ClearHints();
        if (placements.Count == 0) return;
        var chosen = placements.ToDictionary(p => p.Meeting);
        foreach (var m in sm.Meetings)
        {
            bool placed = chosen.TryGetValue(m.Index, out var p);
            for (int k = 0; k < m.Options.Length; k++)
            {
                var o = m.Options[k];
                bool on = placed && o.Start == p.Start && m.Groups[o.Group].Pools.Contains(p.Pool);
                sm.Model.AddHint(sm.X[m.Index][k], on);
            }
            foreach (var pool in m.Groups.SelectMany(g => g.Pools))
                if (sm.PoolChoice.TryGetValue((m.Index, pool), out var y)) sm.Model.AddHint(y, placed && p.Pool == pool);
        }
        Complete(sm, completionSeconds);
    }

    /// <summary>
    /// Extends a hint on the choice literals to every variable: CP-SAT only starts from a hint it can use whole,
    /// and an incomplete one is mostly ignored on large models. With the choices fixed, everything else follows
    /// by propagation, so a quick solve of that copy yields the full assignment. Leaves the hint as it was when the
    /// choices break a rule (a first fit may miss a required meeting or the spread cap).
    /// </summary>
    private static void Complete(SchedulingModel sm, double seconds)
    {
        var proto = sm.Model.Model;
        var copy = new CpModel();
        copy.Model.MergeFrom(proto.Clone()); // a deep copy: MergeFrom alone would share the variables, and fixing them would fix the original
        copy.Model.SolutionHint = null;
        copy.Model.Objective = null;
        copy.Model.FloatingPointObjective = null;
        var hint = proto.SolutionHint;
        if (hint is null) return;
        for (int i = 0; i < hint.Vars.Count; i++)
        {
            var domain = copy.Model.Variables[hint.Vars[i]].Domain;
            domain.Clear();
            domain.Add(hint.Values[i]);
            domain.Add(hint.Values[i]);
        }
        var solver = new CpSolver
        {
            StringParameters = "num_workers:1 catch_sigint_signal:false max_time_in_seconds:" +
                Math.Max(0.1, seconds).ToString("0.###", System.Globalization.CultureInfo.InvariantCulture),
        };
        var status = solver.Solve(copy);
        if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible)) return;
        var full = new PartialVariableAssignment();
        var values = solver.Response?.Solution;
        if (values is null) return;
        for (int i = 0; i < values.Count; i++)
        {
            full.Vars.Add(i);
            full.Values.Add(values[i]);
        }
        proto.SolutionHint = full;
    }
}
