using Google.OrTools.Sat;

namespace Scheduler.Engine.Solving.Search;

/// <summary>Solution hints: a complete assignment a search starts from, so it never begins from nothing.</summary>
internal static class Hints
{
    /// <summary>The first-fit baseline as placements on the problem's grid and pools.</summary>
    public static IReadOnlyList<Placement> FirstFit(SchedulingProblem problem)
    {
        var byId = problem.Meetings.ToDictionary(m => m.Meeting.Id, StringComparer.Ordinal);
        var poolOfRoom = problem.Pools.SelectMany(p => p.Rooms.Select(r => (r.Id, p.Index))).ToDictionary(x => x.Id, x => x.Index, StringComparer.Ordinal);
        var placements = new List<Placement>();
        foreach (var a in Baselines.FirstFit.Run(problem.Rules).Assignments)
        {
            var m = byId[a.Meeting];
            if (problem.Grid.SlotStartingAt(a.Start) is int start)
                placements.Add(new Placement(m.Index, start, m.Length, poolOfRoom[a.Room]));
        }
        return placements;
    }

    /// <summary>
    /// Hints every choice literal of <paramref name="sm"/> in <paramref name="target"/> (a fork of it): true for the
    /// placements' options, false elsewhere; then completes the hint to every variable of the target.
    /// </summary>
    public static void Apply(CpModel target, SchedulingModel sm, IReadOnlyCollection<Placement> placements, CpSatSettings completion, SearchClock clock)
    {
        if (ApplyPartial(target, sm, placements)) Complete(target, completion, clock);
    }

    /// <summary>Hints only the choice literals (and pool choices); true when there was anything to hint.</summary>
    public static bool ApplyPartial(CpModel target, SchedulingModel sm, IReadOnlyCollection<Placement> placements)
    {
        target.ClearHints();
        if (placements.Count == 0) return false;
        var chosen = placements.ToDictionary(p => p.Meeting);
        foreach (var m in sm.Meetings)
        {
            bool placed = chosen.TryGetValue(m.Index, out var p);
            for (int k = 0; k < m.Options.Length; k++)
            {
                var o = m.Options[k];
                bool on = placed && o.Start == p.Start && m.Groups[o.Group].Pools.Contains(p.Pool);
                target.AddHint(sm.X[m.Index][k], on);
            }
            foreach (var pool in m.Groups.SelectMany(g => g.Pools))
                if (sm.PoolChoice.TryGetValue((m.Index, pool), out var y)) target.AddHint(y, placed && p.Pool == pool);
        }
        return true;
    }

    /// <summary>
    /// Extends a hint on the choice literals to every variable: CP-SAT only starts from a hint it can use whole, and
    /// an incomplete one is mostly ignored on large models. With the choices fixed, everything else follows by
    /// propagation, so a quick solve of a copy with the hinted choices fixed yields the full assignment. Leaves the hint as it was when the
    /// choices break a rule (a first fit may miss a required meeting or the spread cap).
    /// </summary>
    private static void Complete(CpModel target, CpSatSettings settings, SearchClock clock)
    {
        var proto = target.Model;
        var hint = proto.SolutionHint;
        if (hint is null) return;
        var copy = new CpModel();
        copy.Model.MergeFrom(proto.Clone());
        copy.Model.Objective = null;
        copy.Model.FloatingPointObjective = null;
        var solver = new CpSolver { StringParameters = (settings with { FixHintedVariables = true }).Render() };
        var status = solver.Solve(copy);
        clock.Charge(solver.Response?.DeterministicTime ?? 0);
        if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible) || solver.Response?.Solution is not { } values) return;
        var full = new PartialVariableAssignment();
        for (int i = 0; i < values.Count; i++)
        {
            full.Vars.Add(i);
            full.Values.Add(values[i]);
        }
        proto.SolutionHint = full;
    }
}
