using System.Collections.Immutable;
using Google.OrTools.Sat;
using Scheduler.Engine.Solving.Search;

namespace Scheduler.Engine.Solving.Phases;

/// <summary>
/// Fewest idle gaps by raising a cap: a search for a schedule with at most k gaps, k = floor, floor + 1, …, each
/// started only after a proof that no schedule has fewer, so the first schedule found is optimal. Used when every
/// weighted meeting is required (B2B events): optima are small there, and "at most k gaps" propagates far better
/// than an objective that starts from a poor schedule. When a cap stays unsettled, a minimisation by cores from the
/// walk's schedule takes the rest of the budget, with the caps proved impossible as its lower bound.
/// </summary>
internal static class GapCapPhase
{
    /// <summary>
    /// Runs the searches. The first looks for a schedule at the floor, from <paramref name="hint"/>; the walk then starts
    /// from the hint when <paramref name="hintIsValid"/>, otherwise from a feasibility search's schedule (which also
    /// tells infeasible from feasible). Proven when the gaps are proven fewest; bound: the proven floor on the gaps.
    /// </summary>
    public static PhaseOutcome Run(SchedulingModel sm, SolveContext ctx, IReadOnlyList<Placement> hint, bool hintIsValid)
    {
        long weight = sm.WeightCeiling;
        long k = sm.IdleGapsFloor;
        if (hintIsValid && sm.Problem.IdleGapsOf(hint) <= k) return new PhaseOutcome(hint, true, k);
        // Most B2B events reach the floor within a second or two from first fit; only when that fails is a walk
        // worth its time.
        var atFloor = Search(sm, ctx, hint, k, FloorShare, weight, k);
        if (atFloor.HasSolution) return new PhaseOutcome(ReadBack.Placements(sm, atFloor.Value), true, k);
        if (atFloor.Status == CpSolverStatus.Infeasible) k++;
        IReadOnlyList<Placement> best;
        if (hintIsValid)
        {
            // A valid first fit needs no feasibility search (1-4 s on the hard B2B originals, whose first fits are
            // not valid).
            best = hint;
        }
        else
        {
            var any = Search(sm, ctx, hint, cap: null, 1.0, weight, k);
            if (!any.HasSolution) return any.Status == CpSolverStatus.Infeasible ? PhaseOutcome.Infeasible : PhaseOutcome.Nothing;
            best = ReadBack.Placements(sm, any.Value);
        }
        best = Polish(sm, ctx, best);
        long bestGaps = sm.Problem.IdleGapsOf(best);
        for (; k < bestGaps; k++)
        {
            // A cap proved impossible is a cheap step of the bound; one left unsettled hands the rest of the budget to
            // the minimisation, which is what improves the schedule.
            var capped = Search(sm, ctx, best, k, CapShare, weight, k);
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

    /// <summary>
    /// The share of the budget left that a cap above the floor may use. Measured on the seven hard B2B originals
    /// (deterministic 10 s): 0.5 left the minimisation too little time (idle gaps 17, 4, 23, 8, 4, 10, 2); 0.2 gave
    /// 15, 3, 2, 7, 4, 7, 2 with the same bounds; no caps at all 13, 3, 2, 6, 5, 7, 2 but a lower bound on tic-13crafc.
    /// </summary>
    internal const double CapShare = 0.2;

    /// <summary>The share of the budget left that the walk may use.</summary>
    internal const double PolishShare = 0.25;

    /// <summary>
    /// The cap could not be settled in time: the rest of the budget minimises the gaps from the schedule in hand, so
    /// the result improves with time instead of being the first schedule found. Null when it found nothing better.
    /// The proven floor is stated in the model, so reaching it proves the schedule optimal.
    /// </summary>
    private static PhaseOutcome? Improve(SchedulingModel sm, SolveContext ctx, IReadOnlyList<Placement> best, long weight, long floor)
    {
        var (model, gaps) = sm.ForkWithIdleGaps();
        model.Minimize(gaps);
        model.Add(gaps >= floor);
        ctx.Hint(model, sm, best);
        var outcome = CpSatSearch.Run(model, ByCores(ctx.Settings(sm)), ctx.Clock, solution =>
            ctx.Board.Gaps(weight, (int)solution.Value(gaps), (int)Math.Max(floor, IdleGapPhase.CeilBound(solution.BestObjectiveBound()))));
        if (!outcome.HasSolution) return null;
        var placements = ReadBack.Placements(sm, outcome.Value);
        if (sm.Problem.IdleGapsOf(placements) > sm.Problem.IdleGapsOf(best)) return null;
        return new PhaseOutcome(placements, outcome.Status == CpSolverStatus.Optimal, Math.Max(floor, IdleGapPhase.CeilBound(outcome.Bound)));
    }

    /// <summary>
    /// Minimisation by cores (the MaxSAT way that won in JAIR 2022) beside neighbourhood search from the hint. With two
    /// workers the full subsolver is CP-SAT's "core" and the other thread runs its neighbourhoods; measured on the
    /// seven hard B2B originals (deterministic 10 s, caps at a fifth): idle gaps 15, 3, 2, 7, 4, 7, 2 against
    /// 18, 5, 25, 22, 10, 13, 6 for caps at half and CP-SAT's default pair. With one worker, cores alone.
    /// </summary>
    private static CpSatSettings ByCores(CpSatSettings settings) =>
        settings.Workers == 1 ? settings with { OptimizeWithCore = true } : settings with { Subsolvers = ["core"] };

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
