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
    /// bound on the objective in hundredths (the ceiling when CP-SAT gave none). Never returns less than the hint when
    /// the hint keeps every rule.
    /// </summary>
    public static PhaseOutcome Run(SchedulingModel sm, ReplanObjective objective, SolveContext ctx, IReadOnlyList<Placement> hint, double share)
    {
        var model = sm.Fork();
        model.Maximize(objective.AddSearchObjectiveTo(model));
        bool hintIsValid = Hints.ApplyPartial(model, sm, hint) && Complete(model, sm, ctx);
        // Only the weight reaches the progress board: its bound is the LP's, which holds for any objective.
        var outcome = CpSatSearch.Run(model, ctx.Settings(sm, share), ctx.Clock, solution => ctx.Board.Weight(solution.Value(sm.Weight)));
        if (outcome.Status == CpSolverStatus.Infeasible) return PhaseOutcome.Infeasible;
        long factor = objective.TieBreakFactor;
        double bound = double.IsNaN(outcome.Bound) ? objective.Ceiling : Math.Floor((Math.Floor(outcome.Bound + 1e-6) + 1e-6) / factor);
        if (outcome.Status == CpSolverStatus.Optimal) bound = Math.Floor((Math.Round(outcome.Objective) + 1e-6) / factor);
        bound = Math.Min(bound, objective.Ceiling);
        // A search cut short (or the wall clock under load) can end below the published schedule it started from.
        if (hintIsValid && (!outcome.HasSolution || outcome.Objective < objective.SearchValueOf(hint)))
            return new PhaseOutcome(hint, false, Math.Max(bound, objective.ValueOf(hint)));
        if (!outcome.HasSolution) return PhaseOutcome.Nothing;
        return new PhaseOutcome(ReadBack.Placements(sm, outcome.Value), outcome.Status == CpSolverStatus.Optimal, bound);
    }

    /// <summary>
    /// Completes the hinted choices to every variable by a solve of a copy with them fixed, and hints that full
    /// assignment; true when it exists, i.e. the hint keeps every rule. The published schedule is the whole point of
    /// a replan, so this may use half the budget left (at most 15 s): with the first fit's 10 % it timed out on the
    /// sample under load, and with 30 % on the generated conference (85k options, 10 s), where CP-SAT then used the
    /// hint in part and ended with over 200 moves where the hint needed none. It stops as soon as it is complete.
    /// (Without presolve it failed on the conference: presolve is what makes it quick.)
    /// </summary>
    private static bool Complete(CpModel target, SchedulingModel sm, SolveContext ctx)
    {
        var proto = target.Model;
        var copy = new CpModel();
        copy.Model.MergeFrom(proto.Clone());
        copy.Model.Objective = null;
        copy.Model.FloatingPointObjective = null;
        var (wall, deterministic) = ctx.Clock.Slice(0.5, atMost: 15);
        var settings = SettingsPolicy.ForHintCompletion(ctx.Options, ctx.Clock) with
        {
            MaxSeconds = Math.Max(0.1, wall),
            MaxDeterministicSeconds = deterministic is double d ? Math.Max(0.1, d) : null,
            FixHintedVariables = true,
        };
        var solver = new CpSolver { StringParameters = settings.Render() };
        var status = solver.Solve(copy);
        ctx.Clock.Charge(solver.Response?.DeterministicTime ?? 0);
        if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible) || solver.Response?.Solution is not { } values) return false;
        var full = new PartialVariableAssignment();
        for (int i = 0; i < values.Count; i++)
        {
            full.Vars.Add(i);
            full.Values.Add(values[i]);
        }

        proto.SolutionHint = full;
        return true;
    }
}
