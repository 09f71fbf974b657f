using Scheduler.Engine.Domain;
using Scheduler.Engine.Solving.Phases;

namespace Scheduler.Engine.Solving;

/// <summary>
/// The replanning path of a solve: a start from the published schedule and a walk on the replanning objective
/// (<see cref="Phases.Local.ReplanStart"/>, <see cref="ReplanWalk"/>), which ends the search when it meets the replanning
/// LP's bound; otherwise that objective on the whole CP-SAT model from the walk's schedule; then idle gaps keeping that
/// objective's value. Large events take this path too, not the neighbourhood search: a
/// replan starts from a schedule that is almost the answer, where one model of the whole event moves from its hint
/// only where it must, and its bound is a proof about the replanning objective, which the neighbourhoods would not give.
/// </summary>
internal sealed partial class SolveStrategy
{
    /// <summary>
    /// Above this many options a replan skips the whole-model idle-gap phase: on the generated conference (85k options,
    /// 10 s) building its encoding alone took the replan 3-5 s past its limit, while the sample (41k) kept its limit.
    /// The replan keeps the published gaps wherever it keeps the published meetings.
    /// </summary>
    internal const int ReplanGapsMaxOptions = 50_000;

    /// <summary>
    /// The share of the budget the replan's walk may use before CP-SAT. It stops as soon as it meets the replanning
    /// LP's bound, which proves the replan optimal.
    /// </summary>
    internal const double ReplanWalkShare = 0.5;

    private SolveSummary Replan(PublishedSchedule previous)
    {
        if (problem.Meetings.Any(m => m.Meeting.Required && m.Options.IsEmpty)) return ReplanInfeasible(previous, ModelBuildTime());
        var whole = new ReplanObjective(problem, previous);
        // The replanning LP first on the background thread: its bound is the one that can meet the objective's value.
        using var replanBound = ReplanBoundInBackground.Start(whole, problem, ctx);
        // The start and the walk keep every rule exactly (interpreters included), without CP-SAT; when the walk meets
        // the replanning LP's bound the replan is proven optimal and CP-SAT is not needed for it. Small problems have no
        // LP (CP-SAT proves them in moments) and so no walk: nothing could stop it before its budget.
        var values = new Phases.Local.ReplanValues(problem, whole);
        var start = Phases.Local.ReplanStart.Build(problem, whole, values);
        IReadOnlyList<Placement> hint;
        bool hintKeepsRules;
        long? walkBound = null;
        if (start is not null && problem.OptionCount < Phases.BoundInBackground.MinimumOptions) (hint, hintKeepsRules) = (start, true);
        else if (start is not null)
        {
            hint = ReplanWalk.Run(problem, values, ctx, start, ReplanWalkShare, replanBound, whole.Ceiling);
            hintKeepsRules = true;
            walkBound = ctx.Clock.Deterministic ? replanBound.AwaitReplanBound() : replanBound.Arrived;
        }
        else (hint, hintKeepsRules) = ReplanPhase.StartingPoint(problem, whole, ctx);

        var hard = ModelBuilder.Build(problem, ModelScope.Hard);
        var objective = new ReplanObjective(hard, previous);
        var build = ModelBuildTime();
        bool gapsFollow = MinimiseGaps && hard.OptionCount <= ReplanGapsMaxOptions;
        var outcome = walkBound is long met && objective.ValueOf(hint) >= met
            ? new PhaseOutcome(hint, true, objective.ValueOf(hint))
            : ReplanPhase.Run(hard, objective, ctx, hint, hintKeepsRules, gapsFollow ? WeightPhaseShare : 1.0);
        if (outcome.IsInfeasible) return ReplanInfeasible(previous, build);
        // The objective decides, not the distance: a search cut short may hold less than first fit (the sample under
        // load: a start that left 18 interpreted meetings out against first fit's 52 moves).
        if ((outcome.Placements is null || objective.ValueOf(outcome.Placements) < objective.ValueOf(firstFit)) && FirstFitIsValid(requiredToo: true))
            outcome = new PhaseOutcome(firstFit, false, outcome.Placements is null ? objective.Ceiling : outcome.Bound);
        if (outcome.Placements is null)
        {
            long? unknownBound = replanBound.Settle();
            return Unknown(hard, build) with { ObjectiveBound = Math.Min(objective.Ceiling, unknownBound ?? long.MaxValue) };
        }

        var placements = outcome.Placements;
        long value = objective.ValueOf(placements);
        long objectiveBound = Math.Max(value, (long)outcome.Bound);
        var status = outcome.Proven || value >= objectiveBound ? ScheduleStatus.Optimal : ScheduleStatus.Feasible;
        int? gapsBound = null;
        bool proven = status == ScheduleStatus.Optimal;
        if (gapsFollow && !ctx.Clock.Exhausted)
        {
            var gaps = IdleGapPhase.Run(hard, ctx, Weight(placements), placements, objective, objective.SearchValueOf(placements));
            if (gaps.Placements is not null && objective.SearchValueOf(gaps.Placements) >= objective.SearchValueOf(placements))
            {
                placements = gaps.Placements;
                gapsBound = IdleGapPhase.CeilBound(gaps.Bound);
            }

            proven &= gaps.Proven;
        }
        else proven &= !MinimiseGaps;

        placements = PublishedPools.Restore(problem, objective, placements);
        long lpBound = replanBound.Settle() ?? long.MaxValue;
        long weightBound = Math.Max(Weight(placements), Math.Min(ctx.Board.WeightBound, hard.WeightCeiling));
        // Costs are never negative, so the objective is at most the weight, and the LP's weight bound bounds it too.
        objectiveBound = Math.Max(objective.ValueOf(placements), Math.Min(Math.Min(objectiveBound, lpBound), weightBound * 100));
        if (objective.ValueOf(placements) >= objectiveBound && status == ScheduleStatus.Feasible)
        {
            status = ScheduleStatus.Optimal;
            proven = !MinimiseGaps || gapsBound is int b && b >= problem.IdleGapsOf(placements);
        }

        return new SolveSummary(status, placements, weightBound, gapsBound, proven, baselineWeight, build) { ObjectiveBound = objectiveBound };
    }

    /// <summary>The required (or frozen) meetings cannot all be placed: as for a fresh solve, with the trivial objective bound.</summary>
    private SolveSummary ReplanInfeasible(PublishedSchedule previous, NodaTime.Duration build)
    {
        return MostRequired(build) with { ObjectiveBound = ReplanObjective.CeilingOf(problem, previous) };
    }
}
