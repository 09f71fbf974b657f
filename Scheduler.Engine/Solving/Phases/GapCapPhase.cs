using System.Collections.Immutable;
using Google.OrTools.Sat;
using Scheduler.Engine.Solving.Search;

namespace Scheduler.Engine.Solving.Phases;

/// <summary>
/// Fewest idle gaps by raising a cap: a search for a schedule with at most k gaps, k = floor, floor + 1, …, each
/// started only after a proof that no schedule has fewer, so the first schedule found is optimal. Used when every
/// weighted meeting is required (B2B events): optima are small there, and "at most k gaps" propagates far better
/// than an objective that starts from a poor schedule.
/// </summary>
internal static class GapCapPhase
{
    /// <summary>
    /// Runs the searches. When <paramref name="hintIsValid"/>, the hint is a schedule that bounds them; otherwise,
    /// when the first cap fails, one search without a cap tells infeasible from feasible and gives a schedule to fall
    /// back on. Proven when the gaps are proven fewest; bound: the proven floor on the gaps.
    /// </summary>
    public static PhaseOutcome Run(SchedulingModel sm, SolveContext ctx, IReadOnlyList<Placement> hint, bool hintIsValid)
    {
        long weight = sm.WeightCeiling;
        IReadOnlyList<Placement>? best = hintIsValid ? hint : null;
        long k = sm.IdleGapsFloor;
        if (best is null)
        {
            // Most B2B events reach the floor within a second or two from first fit; only when that fails is a walk
            // worth its time. The walk needs a valid schedule: any, by a feasibility search, which is quick.
            var atFloor = Search(sm, ctx, hint, k, FloorShare, weight, k);
            if (atFloor.HasSolution) return new PhaseOutcome(ReadBack.Placements(sm, atFloor.Value), true, k);
            if (atFloor.Status == CpSolverStatus.Infeasible) k++;
            var any = Search(sm, ctx, hint, cap: null, 1.0, weight, k);
            if (!any.HasSolution) return any.Status == CpSolverStatus.Infeasible ? PhaseOutcome.Infeasible : PhaseOutcome.Nothing;
            best = ReadBack.Placements(sm, any.Value);
        }
        best = Polish(sm, ctx, best);
        long bestGaps = sm.Problem.IdleGapsOf(best);
        for (; k < bestGaps; k++)
        {
            // Half of what is left stays for improving the schedule in hand should the cap stay unsettled.
            var capped = Search(sm, ctx, best, k, 0.5, weight, k);
            if (capped.HasSolution) return new PhaseOutcome(ReadBack.Placements(sm, capped.Value), true, k);
            if (capped.Status != CpSolverStatus.Infeasible) return Improve(sm, ctx, best, weight, k) ?? new PhaseOutcome(best, false, k);
        }
        return new PhaseOutcome(best, true, bestGaps);
    }

    /// <summary>
    /// A walk of single moves and swaps brings a schedule near the fewest gaps long before a capped search from it
    /// would; the caps then start from there, so a cap above the floor is only tried when the walk stopped above it.
    /// </summary>
    private static IReadOnlyList<Placement> Polish(SchedulingModel sm, SolveContext ctx, IReadOnlyList<Placement> schedule) =>
        Local.LocalPhase.Polish(sm.Problem, ctx, schedule, sm.IdleGapsFloor, PolishShare);

    /// <summary>
    /// The share of the budget the first search at the floor may use before the walk: enough for the B2B events that
    /// reach it quickly (all of them proven at 10 s but forum-14, within 4 s), little enough to leave the walk its time.
    /// </summary>
    internal const double FloorShare = 0.4;

    /// <summary>The share of the budget left that the walk may use.</summary>
    internal const double PolishShare = 0.25;

    /// <summary>
    /// The cap could not be settled in time: the rest of the budget minimises the gaps from the schedule in hand, so
    /// the result improves with time instead of being the first schedule found. Null when it found nothing better.
    /// </summary>
    private static PhaseOutcome? Improve(SchedulingModel sm, SolveContext ctx, IReadOnlyList<Placement> best, long weight, long floor)
    {
        var (model, gaps) = sm.ForkWithIdleGaps();
        model.Minimize(gaps);
        ctx.Hint(model, sm, best);
        var outcome = CpSatSearch.Run(model, ctx.Settings(sm), ctx.Clock, solution =>
            ctx.Board.Gaps(weight, (int)solution.Value(gaps), (int)Math.Max(floor, IdleGapPhase.CeilBound(solution.BestObjectiveBound()))));
        if (!outcome.HasSolution) return null;
        var placements = ReadBack.Placements(sm, outcome.Value);
        if (sm.Problem.IdleGapsOf(placements) > sm.Problem.IdleGapsOf(best)) return null;
        return new PhaseOutcome(placements, outcome.Status == CpSolverStatus.Optimal, Math.Max(floor, IdleGapPhase.CeilBound(outcome.Bound)));
    }

    private static SearchOutcome Search(SchedulingModel sm, SolveContext ctx, IReadOnlyCollection<Placement> hint, long? cap, double share, long weight, long floor)
    {
        var (model, gaps) = sm.ForkWithIdleGaps();
        if (cap is long k) model.Add(gaps <= k);
        ctx.Hint(model, sm, hint);
        return CpSatSearch.Run(model, Portfolio(ctx.Settings(sm, share)), ctx.Clock, solution => ctx.Board.Gaps(weight, (int)solution.Value(gaps), (int)floor));
    }

    /// <summary>
    /// Full-problem subsolvers for a feasibility search, which is a SAT problem: search without the LP relaxation is
    /// fastest there (forum-13 at 0 gaps: 0.27 against 0.52 deterministic seconds with CP-SAT's default pair).
    /// Interleaved, so the schedule does not depend on thread timing.
    /// </summary>
    private static CpSatSettings Portfolio(CpSatSettings settings)
    {
        if (settings.Workers == 1) return settings with { LinearizationLevel = 0 };
        string[] names = ["no_lp", "quick_restart_no_lp", "default_lp", "quick_restart", "max_lp"];
        int full = Math.Min(settings.Workers, names.Length);
        return settings with { InterleaveSearch = true, FullSubsolvers = full, Subsolvers = names.Take(full).ToImmutableArray() };
    }
}
