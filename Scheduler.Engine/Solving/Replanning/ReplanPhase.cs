using Google.OrTools.Sat;
using Scheduler.Engine.Solving.Phases;
using Scheduler.Engine.Solving.Search;

namespace Scheduler.Engine.Solving;

/// <summary>
/// The best replanning objective (<see cref="ReplanObjective"/>), by CP-SAT on the whole model, from the published
/// schedule as the hint: it is usually almost feasible, so the search starts next to the answer.
/// </summary>
internal static class ReplanPhase
{
    /// <summary>
    /// Maximises the objective with <paramref name="share"/> of the budget left. The outcome's bound is a proven upper
    /// bound on the objective in hundredths (the ceiling when CP-SAT gave none).
    /// </summary>
    public static PhaseOutcome Run(SchedulingModel sm, ReplanObjective objective, SolveContext ctx, IReadOnlyCollection<Placement> hint, double share)
    {
        var model = sm.Fork();
        var value = objective.AddTo(model);
        model.Maximize(value);
        ctx.Hint(model, sm, hint);
        // Only the weight reaches the progress board: its bound is the LP's, which holds for any objective.
        var outcome = CpSatSearch.Run(model, ctx.Settings(sm, share), ctx.Clock, solution => ctx.Board.Weight(solution.Value(sm.Weight)));
        if (outcome.Status == CpSolverStatus.Infeasible) return PhaseOutcome.Infeasible;
        if (!outcome.HasSolution) return PhaseOutcome.Nothing;
        bool optimal = outcome.Status == CpSolverStatus.Optimal;
        double bound = optimal ? Math.Round(outcome.Objective) : double.IsNaN(outcome.Bound) ? objective.Ceiling : Math.Floor(outcome.Bound + 1e-6);
        return new PhaseOutcome(ReadBack.Placements(sm, outcome.Value), optimal, Math.Min(bound, objective.Ceiling));
    }
}
