using System.Collections.Immutable;
using Scheduler.Engine.Domain;
using Scheduler.Engine.Solving.Phases;

namespace Scheduler.Engine.Solving;

/// <summary>Turns a solve's summary into the schedule and its statistics: rooms, reasons, totals.</summary>
internal static class SolveResultAssembly
{
    /// <summary>The result of a solve of <paramref name="problem"/> that ended in <paramref name="summary"/>.</summary>
    public static SolveResult Assemble(SchedulingProblem problem, SolveSummary summary, SolveContext ctx)
    {
        var ev = problem.Event;
        var placements = summary.Placements.ToList();
        var (interpreters, left) = InterpreterAssignment.Assign(problem, placements);
        placements.RemoveAll(left.Contains);
        // A replan keeps published rooms where the pools allow (exact in the model only when room changes cost something).
        var index = problem.Meetings.ToDictionary(m => m.Meeting.Id, m => m.Index, StringComparer.Ordinal);
        // Only meetings at their published start claim their room: a moved one holding its old room at its new time
        // could take it from a meeting that stayed.
        var starts = placements.ToDictionary(p => p.Meeting, p => problem.Grid.SlotStart(p.Start));
        var preferred = ctx.Options.Previous?.Published
            .Where(a => starts.TryGetValue(index[a.Meeting], out var start) && start == a.Start)
            .ToDictionary(a => index[a.Meeting], a => a.Room);
        var assignments = ReadBack.WithInterpreters(ev, ReadBack.AssignRooms(ev, problem.Grid, problem.Pools, placements, preferred), interpreters);
        var placed = placements.Select(p => p.Meeting).ToHashSet();
        var unscheduled = Reasons.Explain(problem.Rules, problem.Pools, problem.Meetings, placements, summary.Status, ctx.Options.TimeLimit, interpreters)
            .Where(u => !placed.Contains(u.Meeting))
            .Select(u => u.ToUnscheduled(ev))
            .ToImmutableArray();
        long weight = problem.WeightOf(placements);
        int gaps = problem.IdleGapsOf(placements);
        var schedule = new Schedule(ev.Name, summary.Status, weight, Math.Max(weight, summary.WeightBound), gaps,
            summary.IdleGapsBound is int b ? Math.Min(b, gaps) : null, assignments, unscheduled)
        {
            Conflicts = summary.Conflicts.IsDefault ? ImmutableArray<Conflict>.Empty : summary.Conflicts,
        };
        var elapsed = ctx.Clock.Elapsed;
        var stats = new SolveStatistics(elapsed, ctx.Board.FirstSolution, summary.Proven ? elapsed : null, summary.BaselineWeight,
            ev.Meetings.Length, problem.OptionCount, summary.ModelBuild)
        {
            DeterministicSeconds = ctx.Clock.Charged,
            SafetyStopFired = ctx.Clock.SafetyStopFired,
        };
        return new SolveResult(schedule, stats);
    }
}
