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
        model.Maximize(objective.AddSearchObjectiveTo(model));
        // The published schedule is the whole point of a replan, so its completion to every variable gets more time than
        // a first fit's (30 % of what is left, at most 10 s): with 1 s under load it timed out on the sample, CP-SAT then
        // used the hint only in part, and ended with 7 moves from a schedule that needed none.
        var (wall, deterministic) = ctx.Clock.Slice(0.3, atMost: 10);
        var completion = SettingsPolicy.ForHintCompletion(ctx.Options, ctx.Clock) with
        {
            MaxSeconds = Math.Max(0.1, wall),
            MaxDeterministicSeconds = deterministic is double d ? Math.Max(0.1, d) : null,
        };
        Hints.Apply(model, sm, hint, completion, ctx.Clock);
        // Only the weight reaches the progress board: its bound is the LP's, which holds for any objective.
        var outcome = CpSatSearch.Run(model, ctx.Settings(sm, share), ctx.Clock, solution => ctx.Board.Weight(solution.Value(sm.Weight)));
        if (outcome.Status == CpSolverStatus.Infeasible) return PhaseOutcome.Infeasible;
        if (!outcome.HasSolution) return PhaseOutcome.Nothing;
        bool optimal = outcome.Status == CpSolverStatus.Optimal;
        long factor = objective.TieBreakFactor;
        double bound = double.IsNaN(outcome.Bound) ? objective.Ceiling : Math.Floor((Math.Floor(outcome.Bound + 1e-6) + 1e-6) / factor);
        if (optimal) bound = Math.Floor((Math.Round(outcome.Objective) + 1e-6) / factor);
        return new PhaseOutcome(ReadBack.Placements(sm, outcome.Value), optimal, Math.Min(bound, objective.Ceiling));
    }
}
