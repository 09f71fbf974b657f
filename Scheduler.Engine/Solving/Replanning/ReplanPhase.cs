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
    /// <param name="sm">The hard model.</param>
    /// <param name="objective">The objective on it.</param>
    /// <param name="ctx">The solve's budget and board.</param>
    /// <param name="hint">The starting schedule (<see cref="StartingPoint"/>).</param>
    /// <param name="hintKeepsRules">True when <paramref name="hint"/> is known to keep every rule.</param>
    /// <param name="share">The share of the budget left.</param>
    public static PhaseOutcome Run(SchedulingModel sm, ReplanObjective objective, SolveContext ctx, IReadOnlyList<Placement> hint, bool hintKeepsRules, double share)
    {
        var model = sm.Fork();
        model.Maximize(objective.AddSearchObjectiveTo(model));
        bool hintIsValid = Hints.ApplyPartial(model, sm, hint) && Complete(model, sm, ctx) || hintKeepsRules;

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
    /// The replan's starting schedule: the greedy hint (<see cref="ReplanHint"/>), repaired by <see cref="Repair"/> where
    /// the greedy cannot see (interpreters, a required meeting it could not place), and whether it is known to keep
    /// every rule, so the search can return it whatever happens to the completion. Runs before the whole model is
    /// built: under load the repair did not finish within 10 s on the sample when it came after.
    /// </summary>
    public static (IReadOnlyList<Placement> Hint, bool KeepsRules) StartingPoint(SchedulingProblem problem, ReplanObjective whole, SolveContext ctx)
    {
        var hint = ReplanHint.Build(problem, whole);
        if (!problem.UsesInterpreters && !MissesRequired(problem, hint)) return (hint, GreedyKeepsEveryRule(problem, hint));
        // Often the greedy's interpreted meetings do have interpreters (10 new requests on the sample): then it stands whole.
        if (!MissesRequired(problem, hint) && KeepsEveryRule(problem, ctx, hint)) return (hint, true);
        if (Repair(problem, whole, ctx, hint) is { } repaired) return (repaired, true);
        // Without the meetings that may clash the greedy usually keeps every rule: under load on the sample the repair
        // found nothing in its 3 s, and the replan fell back to first fit, 52 moves away, where this needs none.
        var clashing = Clashing(problem, whole, hint);
        var calmer = hint.Where(p => !clashing.Contains(p.Meeting)).ToList();
        return !MissesRequired(problem, calmer) && KeepsEveryRule(problem, ctx, calmer) ? (calmer, true) : (hint, false);
    }

    /// <summary>
    /// The meetings of <paramref name="hint"/> that may lack an interpreter: the published schedule had interpreters for
    /// its meetings, so only those the hint moves (in time or to another pool, maybe a building their interpreter must
    /// travel to) or adds.
    /// </summary>
    private static HashSet<int> Clashing(SchedulingProblem problem, ReplanObjective whole, IReadOnlyList<Placement> hint)
    {
        var publishedAt = whole.Published.ToDictionary(p => p.Meeting, p => (p.Slot, p.Pool));
        return [.. hint.Where(p => problem.Rules.UsesInterpreter(p.Meeting) && publishedAt.GetValueOrDefault(p.Meeting) != (p.Start, p.Pool))
            .Select(p => p.Meeting)];
    }

    /// <summary>True when CP-SAT finds the interpreters (and everything else) for <paramref name="hint"/> exactly as placed.</summary>
    private static bool KeepsEveryRule(SchedulingProblem problem, SolveContext ctx, IReadOnlyList<Placement> hint)
    {
        var at = hint.ToDictionary(p => p.Meeting);
        var fixedProblem = problem.Restrict(m => at.TryGetValue(m.Index, out var p)
            ? [.. m.Options.Where(o => o.Start == p.Start && m.Groups[o.Group].Pools.Contains(p.Pool)).Take(1)]
            : []);
        var model = ModelBuilder.Build(fixedProblem, ModelScope.Hard);
        var fork = model.Fork();
        foreach (var m in model.Meetings)
            if (model.Scheduled[m.Index] is { } scheduled) fork.Add(scheduled == 1);
        var settings = SettingsPolicy.For(ctx.Options, ctx.Clock, model.OptionCount, share: 0.2, atMost: 5)
            with { Log = false, ProbingLevel = 0, Workers = 1, InterleaveSearch = false };
        return CpSatSearch.Run(fork, settings, ctx.Clock).HasSolution;
    }

    private static bool MissesRequired(SchedulingProblem problem, IReadOnlyList<Placement> hint)
    {
        var placed = hint.Select(p => p.Meeting).ToHashSet();
        return problem.Meetings.Any(m => m.Meeting.Required && !placed.Contains(m.Index));
    }

    /// <summary>
    /// The greedy hint checks every rule but interpreters and the spread cap (<see cref="ReplanHint"/>), so without
    /// those, and with every required meeting placed, it is a valid schedule even when its completion runs out of time:
    /// under load on the generated conference the completion did, and the search, left without a usable hint, ended
    /// 307 moves away from a hint that needed none.
    /// </summary>
    private static bool GreedyKeepsEveryRule(SchedulingProblem problem, IReadOnlyList<Placement> hint) =>
        !problem.UsesInterpreters && problem.Event.Objective.MaxIdleGapSpread is null && !MissesRequired(problem, hint);

    /// <summary>
    /// The greedy hint does not know interpreters, so on an event with interpreters it may give two meetings one
    /// interpreter at once, and CP-SAT without presolve (large models) then found no schedule at all within 10 s on the
    /// sample and the replan fell back to first fit, 145 moves away. This keeps every meeting that needs no interpreter
    /// where the hint has it and lets CP-SAT place those that do, maximising the objective, on a problem restricted to
    /// those choices: a model of a few thousand options, where the same on a copy of the whole model did not finish its
    /// presolve in 3 s. Null when that finds nothing in its share of the budget.
    /// </summary>
    internal static IReadOnlyList<Placement>? Repair(SchedulingProblem problem, ReplanObjective whole, SolveContext ctx, IReadOnlyList<Placement> hint)
    {
        var chosen = hint.ToDictionary(p => p.Meeting);
        // A required meeting the hint could not place may need its people's other meetings to make way.
        var makeWay = problem.Meetings.Where(m => m.Meeting.Required && !chosen.ContainsKey(m.Index))
            .SelectMany(m => m.Participants).ToHashSet();
        var clashing = Clashing(problem, whole, hint);
        var restricted = problem.Restrict(m =>
        {
            if (clashing.Contains(m.Index) || m.Participants.Any(makeWay.Contains)) return m.Options;
            return chosen.TryGetValue(m.Index, out var p) ? [.. m.Options.Where(o => o.Start == p.Start && m.Groups[o.Group].Pools.Contains(p.Pool))] : [];
        });
        var small = ModelBuilder.Build(restricted, ModelScope.Hard);
        var model = small.Fork();
        var objective = new ReplanObjective(small, whole.Previous);
        model.Maximize(objective.AddSearchObjectiveTo(model));
        // Meetings that may clash over an interpreter are hinted as left out: without them the hint usually keeps every
        // rule, so CP-SAT starts from a schedule and puts them back where they fit (hinted where the greedy had them, it
        // found none in 3 s under load). Those making way keep their greedy places: left out, they stayed out.
        Hints.ApplyPartial(model, small, [.. hint.Where(p => !clashing.Contains(p.Meeting))]);
        var settings = SettingsPolicy.For(ctx.Options, ctx.Clock, small.OptionCount, share: 0.4, atMost: 10) with { Log = false, ProbingLevel = 0, Workers = 1, InterleaveSearch = false };
        var outcome = CpSatSearch.Run(model, settings, ctx.Clock);
        return outcome.HasSolution ? ReadBack.Placements(small, outcome.Value) : null;
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
