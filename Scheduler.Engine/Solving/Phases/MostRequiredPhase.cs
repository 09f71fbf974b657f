using Google.OrTools.Sat;
using Scheduler.Engine.Solving.Search;

namespace Scheduler.Engine.Solving.Phases;

/// <summary>
/// When the required meetings cannot all be placed: as many of them as possible, then the most weight, on a model
/// where required meetings are soft (built with <see cref="ModelScope.RequiredSoft"/>).
/// </summary>
internal static class MostRequiredPhase
{
    /// <summary>Each required meeting is worth more than all optional weight together.</summary>
    public static PhaseOutcome Run(SchedulingModel soft, SolveContext ctx, IReadOnlyCollection<Placement> hint)
    {
        long big = soft.WeightCeiling + 1;
        var model = soft.Fork();
        model.Maximize(LinearExpr.Sum(soft.RequiredLiterals.Select(r => (LinearExpr)(r.Literal * big))) + soft.Weight);
        ctx.Hint(model, soft, hint);
        var outcome = CpSatSearch.Run(model, ctx.Settings(soft), ctx.Clock, solution =>
            ctx.Board.Weight((long)Math.Round(solution.ObjectiveValue()) % big, SolvePhase.Required));
        if (!outcome.HasSolution) return outcome.Status == CpSolverStatus.Infeasible ? PhaseOutcome.Infeasible : PhaseOutcome.Nothing;
        return new PhaseOutcome(ReadBack.Placements(soft, outcome.Value), outcome.Status == CpSolverStatus.Optimal, double.NaN);
    }
}
