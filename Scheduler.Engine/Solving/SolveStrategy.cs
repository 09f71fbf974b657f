using Scheduler.Engine.Domain;
using Scheduler.Engine.Solving.Phases;

namespace Scheduler.Engine.Solving;

/// <summary>
/// Which phases a solve runs, in what order and on which share of the budget: weight, then idle gaps; or, when every
/// weighted meeting is required, the gap-cap search alone; or, when the required meetings cannot all be placed, the
/// most of them. Each phase works on its own copy of the hard model and hands on only its placements and proofs.
/// </summary>
internal sealed partial class SolveStrategy
{
    /// <summary>The share of the budget left that the weight phase may use when idle gaps are minimised after it.</summary>
    internal const double WeightPhaseShare = 0.7;

    /// <summary>
    /// Above this many options the idle-gap phase is skipped: on the 8,000-request trade fair (315k options) adding the
    /// gap encoding raised peak memory from 1.5 GB to 3.4 GB and the phase changed the gaps by one.
    /// </summary>
    internal const int GapsPhaseMaxOptions = 100_000;

    private readonly SchedulingProblem problem;
    private readonly SolveContext ctx;
    private readonly IReadOnlyList<Placement> firstFit;
    private readonly long baselineWeight;

    public SolveStrategy(SchedulingProblem problem, SolveContext ctx, IReadOnlyList<Placement> firstFit)
    {
        this.problem = problem;
        this.ctx = ctx;
        this.firstFit = firstFit;
        baselineWeight = Weight(firstFit);
    }

    private Event Event => problem.Event;

    private bool MinimiseGaps => Event.Objective.IdleGaps == IdleGapPolicy.Minimize;

    /// <summary>Runs the phases and sums up what they found.</summary>
    public SolveSummary Run()
    {
        if (ctx.Options.Previous is { } previous) return Replan(previous);
        if (problem.Meetings.Any(m => m.Meeting.Required && m.Options.IsEmpty)) return MostRequired(ModelBuildTime());
        bool gapsOnly = MinimiseGaps && problem.EveryWeightedMeetingRequired;
        if (gapsOnly)
        {
            var model = ModelBuilder.Build(problem, ModelScope.Hard);
            return GapsOnly(model, ModelBuildTime());
        }
        using var bound = BoundInBackground.Start(problem, ctx);
        if (UsesNeighbourhoods()) return Settled(ByNeighbourhoods(ModelBuildTime(), bound), bound);
        var hard = ModelBuilder.Build(problem, ModelScope.Hard);
        return Settled(WeightThenGaps(hard, ModelBuildTime(), bound), bound);
    }

    /// <summary>The summary with the best weight bound known once the LP bound has settled.</summary>
    private SolveSummary Settled(SolveSummary summary, BoundInBackground bound)
    {
        bound.Settle();
        if (summary.Status is not (ScheduleStatus.Optimal or ScheduleStatus.Feasible)) return summary;
        long best = Math.Min(summary.WeightBound, ctx.Board.WeightBound);
        bool optimal = Weight(summary.Placements) >= best;
        return summary with
        {
            WeightBound = best,
            Status = optimal ? ScheduleStatus.Optimal : summary.Status,
        };
    }

    /// <summary>
    /// Above this many options one CP-SAT model of the whole event barely moves from its hint within a limit of
    /// seconds (the generated conference: 86k options, weight stuck at first fit's), so the search works on
    /// neighbourhoods instead.
    /// </summary>
    internal const int NeighbourhoodOptions = 20_000;

    /// <summary>
    /// Large events without a spread cap (which ties every participant's gaps together) are searched by neighbourhoods,
    /// starting from first fit; that needs first fit to have placed every required meeting. With interpreters too:
    /// a neighbourhood keeps every fixed meeting that has an interpreter in its model (see <c>SubProblem</c>).
    /// </summary>
    private bool UsesNeighbourhoods() =>
        problem.OptionCount > NeighbourhoodOptions && Event.Objective.MaxIdleGapSpread is null && FirstFitIsValid(requiredToo: true);

    private SolveSummary ByNeighbourhoods(NodaTime.Duration build, BoundInBackground bound)
    {
        var start = Phases.Local.LocalPhase.Heavier(problem, ctx, firstFit, WeightWalkShare, bound, coolByDeadline: true);
        var weightSearch = new Phases.Lns.LnsPhase(problem, ctx, Phases.Lns.LnsGoal.Weight, start);
        var weight = weightSearch.Run(MinimiseGaps ? NeighbourhoodWeightShare : 1.0,
            ctx.Clock.Deterministic ? null : () => ctx.Board.WeightBound);
        var placements = weight.Placements!;
        long weightBound = ctx.Board.WeightBound;
        var status = Weight(placements) >= weightBound ? ScheduleStatus.Optimal : ScheduleStatus.Feasible;
        if (MinimiseGaps && !ctx.Clock.Exhausted)
        {
            placements = Polish(placements, NeighbourhoodPolishShare, coolByDeadline: true);
            placements = new Phases.Lns.LnsPhase(problem, ctx, Phases.Lns.LnsGoal.IdleGaps, placements).Run(1.0).Placements!;
        }
        return new SolveSummary(status, placements, weightBound, null, status == ScheduleStatus.Optimal && !MinimiseGaps, baselineWeight, build);
    }

    /// <summary>Every weighted meeting is required, so every schedule has the full weight: only the gaps are left to choose.</summary>
    private SolveSummary GapsOnly(SchedulingModel hard, NodaTime.Duration build)
    {
        var outcome = GapCapPhase.Run(hard, ctx, firstFit, hintIsValid: FirstFitIsValid(requiredToo: true));
        if (outcome.IsInfeasible) return MostRequired(build);
        if (outcome.Placements is null && FirstFitIsValid(requiredToo: true))
            outcome = new PhaseOutcome(firstFit, false, hard.IdleGapsFloor);
        if (outcome.Placements is null) return Unknown(hard, build);
        return new SolveSummary(ScheduleStatus.Optimal, outcome.Placements, hard.WeightCeiling, IdleGapPhase.CeilBound(outcome.Bound),
            outcome.Proven, baselineWeight, build);
    }

    private SolveSummary WeightThenGaps(SchedulingModel hard, NodaTime.Duration build, BoundInBackground bound)
    {
        bool gapsFollow = MinimiseGaps && hard.OptionCount <= GapsPhaseMaxOptions;
        var start = FirstFitIsValid(requiredToo: true)
            ? Phases.Local.LocalPhase.Heavier(problem, ctx, firstFit, WholeModelWalkShare, bound)
            : firstFit;
        var weight = WeightPhase.Run(hard, ctx, start, gapsFollow ? WeightPhaseShare : 1.0);
        if (weight.IsInfeasible) return MostRequired(build);
        // The search may stop before it has matched its own hint; never return less than first fit when that is valid.
        if ((weight.Placements is null || Weight(weight.Placements) < Weight(start)) && FirstFitIsValid(requiredToo: true))
            weight = new PhaseOutcome(start, false, weight.Placements is null ? hard.WeightCeiling : weight.Bound);
        if (weight.Placements is null) return Unknown(hard, build);

        long weightBound = Math.Min(ctx.Board.WeightBound, WeightPhase.FloorBound(weight.Bound, hard.WeightCeiling));
        var status = weight.Proven || Weight(weight.Placements) >= weightBound ? ScheduleStatus.Optimal : ScheduleStatus.Feasible;
        var placements = weight.Placements;
        int? gapsBound = null;
        bool proven = status == ScheduleStatus.Optimal;
        if (gapsFollow && !ctx.Clock.Exhausted)
        {
            placements = Polish(placements, GapPolishShare);
            var gaps = IdleGapPhase.Run(hard, ctx, Weight(placements), placements);
            if (gaps.Placements is not null)
            {
                placements = gaps.Placements;
                gapsBound = IdleGapPhase.CeilBound(gaps.Bound);
            }
            proven &= gaps.Proven;
        }
        else proven &= !MinimiseGaps;
        return new SolveSummary(status, placements, weightBound, gapsBound, proven, baselineWeight, build);
    }

    /// <summary>
    /// The walk of single moves first: from the weight phase's schedule it removes most gaps within a fraction of a
    /// second, which the gap search (CP-SAT or neighbourhoods) then starts from instead of spending its time there.
    /// </summary>
    private IReadOnlyList<Placement> Polish(IReadOnlyList<Placement> placements, double share, bool coolByDeadline = false) =>
        Phases.Local.LocalPhase.Polish(problem, ctx, placements, floor: 0, share, coolByDeadline);

    /// <summary>
    /// The share of the budget the insertion walk may use before the weight search: on the generated conference it
    /// takes first fit's 2,492 to 2,589 in one second, where neighbourhood search reached 2,533 in ten; its annealing
    /// cools over the moves it is given, so a longer walk ends higher (deterministic 10 s, seeds 0 and 3: 2,603 and
    /// 2,602 with a share of 0.25, 2,619 and 2,612 with 0.7). It stops as soon as it meets the LP bound, as on the sample.
    /// </summary>
    internal const double WeightWalkShare = 0.7;

    /// <summary>
    /// The walk's share before one CP-SAT model of the whole event (up to <see cref="NeighbourhoodOptions"/>): there
    /// CP-SAT proves optima within the limit, and needs the time more than the walk.
    /// </summary>
    internal const double WholeModelWalkShare = 0.25;

    /// <summary>
    /// The share of what the walk leaves that the weight neighbourhoods use when idle gaps follow. After a walk of
    /// <see cref="WeightWalkShare"/> they added no weight on the generated conference (deterministic 10 s, seeds 0
    /// and 3: 2,619 and 2,612 with 0.7 or 0.3) and the gap phase's extra time took its gaps from 201 to 173 and
    /// from 210 to 173, and the sample's from 78 to 65.
    /// </summary>
    internal const double NeighbourhoodWeightShare = 0.3;

    /// <summary>
    /// The share of what is left after the weight neighbourhoods that the gap walk uses before the gap neighbourhoods:
    /// the walk removed more gaps than they did (deterministic 10 s: conference 173 -> 150 gaps with 0.9 instead of
    /// 0.3, sample 65 -> 51).
    /// </summary>
    internal const double NeighbourhoodPolishShare = 0.9;

    /// <summary>The share of what is left after the weight phase that the walk may use before one CP-SAT model's gap search.</summary>
    internal const double GapPolishShare = 0.3;

    /// <summary>The required meetings cannot all be placed: as many of them as possible, then the most weight.</summary>
    private SolveSummary MostRequired(NodaTime.Duration build)
    {
        // The conflict search gets its own budget (a quarter of the limit, 0.5-10 s): proving a set minimal takes one
        // infeasibility proof per member, and on the sample a budget of what was left made those checks time out.
        var budget = NodaTime.Duration.FromSeconds(Math.Clamp(ctx.Options.TimeLimit.TotalSeconds / 4, 0.5, 10));
        var conflicts = Conflicts.ConflictFinder.Find(Event, problem.Grid, problem.Pools, problem.Meetings, budget, ctx.Clock.Cancellation,
            ctx.Clock.Deterministic);
        var soft = ModelBuilder.Build(problem, ModelScope.RequiredSoft);
        var outcome = MostRequiredPhase.Run(soft, ctx, firstFit);
        var placements = outcome.Placements ?? (FirstFitIsValid(requiredToo: false) ? firstFit : Array.Empty<Placement>());
        return new SolveSummary(ScheduleStatus.Infeasible, placements, soft.WeightCeiling, null, outcome.Proven, baselineWeight, build, conflicts);
    }

    private SolveSummary Unknown(SchedulingModel hard, NodaTime.Duration build) =>
        new(ScheduleStatus.Unknown, Array.Empty<Placement>(), hard.WeightCeiling, null, false, baselineWeight, build);

    /// <summary>
    /// First fit keeps every hard rule but two: it may leave a required meeting out and break the spread cap. When it
    /// does neither, it is a valid schedule to fall back on if the search finds none in time.
    /// </summary>
    private bool FirstFitIsValid(bool requiredToo)
    {
        var placed = firstFit.Select(p => p.Meeting).ToHashSet();
        if (requiredToo && problem.Meetings.Any(m => m.Meeting.Required && !placed.Contains(m.Index))) return false;
        if (Event.Objective.MaxIdleGapSpread is not int spread) return true;
        var gaps = ReadBack.IdleGapsPerParticipant(problem.Grid, problem.Meetings, firstFit);
        var named = problem.Meetings.SelectMany(m => m.Participants).Distinct().Select(p => gaps.GetValueOrDefault(p)).ToList();
        return named.Count == 0 || named.Max() - named.Min() <= spread;
    }

    private NodaTime.Duration ModelBuildTime() => ctx.Clock.Elapsed;

    private long Weight(IEnumerable<Placement> placements) => problem.WeightOf(placements);
}
