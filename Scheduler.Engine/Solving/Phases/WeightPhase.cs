using Google.OrTools.Sat;
using Scheduler.Engine.Solving.Search;

namespace Scheduler.Engine.Solving.Phases;

/// <summary>The most scheduled weight, by CP-SAT on the whole model, from a hint.</summary>
internal static class WeightPhase
{
    /// <summary>Maximises the weight with <paramref name="share"/> of the budget left; bound: an upper bound on the weight.</summary>
    public static PhaseOutcome Run(SchedulingModel sm, SolveContext ctx, IReadOnlyCollection<Placement> hint, double share)
    {
        var model = sm.Fork();
        model.Maximize(sm.Weight);
        ctx.Hint(model, sm, hint);
        var outcome = CpSatSearch.Run(model, ctx.Settings(sm, share), ctx.Clock, solution =>
        {
            ctx.Board.Weight((long)Math.Round(solution.ObjectiveValue()));
            ctx.Board.Bound(FloorBound(solution.BestObjectiveBound(), sm.WeightCeiling));
        });
        if (outcome.Status == CpSolverStatus.Infeasible) return PhaseOutcome.Infeasible;
        if (!outcome.HasSolution) return PhaseOutcome.Nothing;
        long bound = outcome.Status == CpSolverStatus.Optimal ? (long)Math.Round(outcome.Objective) : FloorBound(outcome.Bound, sm.WeightCeiling);
        ctx.Board.Bound(bound);
        return new PhaseOutcome(ReadBack.Placements(sm, outcome.Value), outcome.Status == CpSolverStatus.Optimal, bound);
    }

    /// <summary>An objective bound as a whole weight, no higher than the ceiling.</summary>
    public static long FloorBound(double bound, long ceiling) =>
        double.IsNaN(bound) ? ceiling : Math.Min(ceiling, (long)Math.Floor(bound + 1e-6));
}
