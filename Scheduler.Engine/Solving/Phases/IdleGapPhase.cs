using Google.OrTools.Sat;
using Scheduler.Engine.Solving.Search;

namespace Scheduler.Engine.Solving.Phases;

/// <summary>The fewest idle gaps that keep a weight, by CP-SAT on the whole model with the idle-gap encoding.</summary>
internal static class IdleGapPhase
{
    /// <summary>
    /// Minimises idle gaps among schedules of at least <paramref name="weight"/>, starting from <paramref name="hint"/>;
    /// bound: a lower bound on the gaps. With <paramref name="replan"/>, what is kept is the replanning objective instead:
    /// at least <paramref name="replanValue"/> as <see cref="ReplanObjective.SearchValueOf"/> counts it (room tie-break included).
    /// </summary>
    public static PhaseOutcome Run(SchedulingModel sm, SolveContext ctx, long weight, IReadOnlyCollection<Placement> hint,
        ReplanObjective? replan = null, long replanValue = 0)
    {
        var (model, gaps) = sm.ForkWithIdleGaps();
        if (replan is null) model.Add(sm.Weight >= weight);
        else model.Add(replan.AddSearchObjectiveTo(model) >= replanValue);
        model.Minimize(gaps);
        ctx.Hint(model, sm, hint);
        var outcome = CpSatSearch.Run(model, ctx.Settings(sm), ctx.Clock, solution =>
            ctx.Board.Gaps(weight, (int)solution.Value(gaps), CeilBound(solution.BestObjectiveBound())));
        if (outcome.Status == CpSolverStatus.Infeasible) return PhaseOutcome.Infeasible;
        if (!outcome.HasSolution) return PhaseOutcome.Nothing;
        return new PhaseOutcome(ReadBack.Placements(sm, outcome.Value), outcome.Status == CpSolverStatus.Optimal,
            outcome.Status == CpSolverStatus.Optimal ? outcome.Objective : CeilBound(outcome.Bound));
    }

    /// <summary>A gap bound as a whole number, never below zero.</summary>
    public static int CeilBound(double bound) => double.IsNaN(bound) ? 0 : Math.Max(0, (int)Math.Ceiling(bound - 1e-6));
}
