using Google.OrTools.Sat;
using Scheduler.Engine.Solving.Search;

namespace Scheduler.Engine.Solving.Phases.Lns;

/// <summary>What a neighbourhood search improves.</summary>
internal enum LnsGoal
{
    /// <summary>More scheduled weight.</summary>
    Weight,

    /// <summary>Fewer idle gaps, never less weight.</summary>
    IdleGaps,
}

/// <summary>
/// Large-neighbourhood search for events too large for one CP-SAT model to improve within the limit: free a
/// neighbourhood of the incumbent (<see cref="Neighbourhoods"/>), solve that sub-problem exactly with CP-SAT from the
/// incumbent, keep the result when it is no worse, and adapt the neighbourhood's size to what CP-SAT can solve in a
/// moment. Sequential and seeded: in a deterministic run each sub-search has a deterministic limit, so the sequence of
/// schedules depends only on the event, seed and workers.
/// </summary>
internal sealed class LnsPhase
{
    /// <summary>The longest one sub-search may take, in wall seconds or (deterministic runs) deterministic seconds.</summary>
    /// <remarks>
    /// Measured on the generated conference (10 s, 2 cores): many short sub-searches on small neighbourhoods gained more
    /// weight than fewer long ones on large neighbourhoods (2,526 with 0.5 s and 12 meetings, 2,496 with 1.5 s and 20).
    /// </remarks>
    private double SubSearchLimit => ctx.Clock.Deterministic ? 0.1 : 0.5;

    /// <summary>
    /// Deterministic seconds charged per neighbourhood for the work outside CP-SAT (choosing, restricting, building the
    /// sub-model): without it a deterministic budget of 5 took 37 s on the generated conference, since a sub-search's
    /// own deterministic time is a small part of an iteration.
    /// </summary>
    private const double IterationWork = 0.25;

    private const int InitialSize = 12;
    private const int MinimumSize = 8;
    private const int MaximumSize = 400;

    private readonly SchedulingProblem problem;
    private readonly SolveContext ctx;
    private readonly LnsGoal goal;
    private readonly Neighbourhoods neighbourhoods;
    private readonly Dictionary<int, Placement> incumbent;
    private readonly int[] kindSize;
    private long weight;
    private int gaps;
    private int iteration;

    /// <summary>A search for <paramref name="goal"/> from <paramref name="start"/>, a valid schedule of <paramref name="problem"/>.</summary>
    public LnsPhase(SchedulingProblem problem, SolveContext ctx, LnsGoal goal, IReadOnlyList<Placement> start)
    {
        this.problem = problem;
        this.ctx = ctx;
        this.goal = goal;
        neighbourhoods = new Neighbourhoods(problem, ctx.Options.Seed);
        incumbent = start.ToDictionary(p => p.Meeting);
        weight = problem.WeightOf(incumbent.Values);
        gaps = problem.IdleGapsOf(incumbent.Values);
        kindSize = Enum.GetValues<NeighbourhoodKind>().Select(_ => InitialSize).ToArray();
    }

    /// <summary>Sub-searches run so far.</summary>
    public int Iterations => iteration;

    /// <summary>
    /// Searches until <paramref name="share"/> of the budget left is used, or the weight reaches the proven bound that
    /// <paramref name="weightBound"/> reads (null: never stop early, as a deterministic run must not, since a bound found
    /// by another thread arrives at a time that depends on the machine); returns the best schedule, never worse than
    /// the start.
    /// </summary>
    public PhaseOutcome Run(double share, Func<long>? weightBound = null)
    {
        double budget = ctx.Clock.Remaining * share;
        double startRemaining = ctx.Clock.Remaining;
        // Gaps are counted per day, so a gap search frees days and hours; weight may move a meeting to another day.
        var kinds = goal == LnsGoal.Weight
            ? Enum.GetValues<NeighbourhoodKind>()
            : [NeighbourhoodKind.PeopleOneDay, NeighbourhoodKind.Window];
        while (!ctx.Clock.Exhausted && startRemaining - ctx.Clock.Remaining < budget - SearchClock.MinimumSearch)
        {
            if (goal == LnsGoal.Weight && weightBound is not null && weight >= weightBound()) break;
            if (goal == LnsGoal.IdleGaps && gaps == 0) break;
            var kind = kinds[iteration % kinds.Length];
            iteration++;
            Func<int, double>? byGaps = null;
            if (goal == LnsGoal.IdleGaps)
            {
                var perPerson = ReadBack.IdleGapsPerParticipant(problem.Grid, problem.Meetings, incumbent.Values);
                byGaps = p => 4.0 * perPerson.GetValueOrDefault(p);
            }
            var hood = neighbourhoods.Next(incumbent, kindSize[(int)kind], kind, byGaps);
            if (hood.Free.Count == 0) continue;
            double left = budget - (startRemaining - ctx.Clock.Remaining);
            bool proven = Improve(hood, Math.Min(SubSearchLimit, left));
            // Grow while CP-SAT proves its neighbourhoods optimal, shrink when it cannot.
            kindSize[(int)kind] = proven
                ? Math.Min(MaximumSize, kindSize[(int)kind] + Math.Max(2, kindSize[(int)kind] / 5))
                : Math.Max(MinimumSize, kindSize[(int)kind] * 3 / 4);
        }
        return new PhaseOutcome(incumbent.Values.OrderBy(p => p.Meeting).ToList(), false, double.NaN);
    }

    /// <summary>Searches one neighbourhood and keeps the result when it is no worse; true when CP-SAT proved it optimal.</summary>
    private bool Improve(Neighbourhood hood, double seconds)
    {
        var sub = SubProblem.Create(problem, incumbent, hood.Free, hood.FirstSlot, hood.EndSlot, idleGaps: goal == LnsGoal.IdleGaps);
        var sm = ModelBuilder.Build(sub.Problem, sub.Scope);
        var inside = incumbent.Values.Where(p => sub.Problem.Meetings[p.Meeting].Options.Length > 0).ToList();
        CpModel model;
        if (goal == LnsGoal.Weight)
        {
            model = sm.Fork();
            model.Maximize(sm.Weight);
        }
        else
        {
            (model, var gapsExpr) = sm.ForkWithIdleGaps();
            model.Add(sm.Weight >= problem.WeightOf(inside));
            model.Minimize(gapsExpr);
        }
        // A weight sub-search finds the hinted choices' consequences at once; a gap sub-search needs its gap
        // literals hinted too, or it spends its moments looking for a first solution.
        if (goal == LnsGoal.Weight) Hints.ApplyPartial(model, sm, inside);
        else ctx.Hint(model, sm, inside);
        var settings = SubSearch(SettingsPolicy.For(ctx.Options, ctx.Clock, sm.OptionCount, 1.0, seconds));
        var outcome = CpSatSearch.Run(model, settings, ctx.Clock);
        ctx.Clock.Charge(IterationWork);
        if (!outcome.HasSolution) return false;
        var placed = ReadBack.Placements(sm, outcome.Value);
        var candidate = new Dictionary<int, Placement>(incumbent.Where(kv => sub.Problem.Meetings[kv.Key].Options.Length == 0));
        foreach (var p in placed) candidate[p.Meeting] = p;
        long newWeight = problem.WeightOf(candidate.Values);
        int newGaps = goal == LnsGoal.IdleGaps ? problem.IdleGapsOf(candidate.Values) : gaps;
        bool better = goal == LnsGoal.Weight ? newWeight > weight : newWeight >= weight && newGaps < gaps;
        bool same = newWeight == weight && newGaps == gaps;
        if (better || same)
        {
            incumbent.Clear();
            foreach (var (i, p) in candidate.OrderBy(kv => kv.Key)) incumbent[i] = p;
            weight = newWeight;
            gaps = newGaps;
            if (goal == LnsGoal.Weight) ctx.Board.Weight(weight);
            else ctx.Board.Gaps(weight, gaps, null);
        }
        return outcome.Status == CpSolverStatus.Optimal;
    }

    /// <summary>
    /// A sub-search presolves (its models are small) but does not probe: on neighbourhoods of the generated conference,
    /// probing took nearly all of a sub-search's deterministic time before the search began.
    /// </summary>
    /// <remarks>
    /// One worker: on neighbourhoods of a dozen meetings a second worker gained nothing measurable (2,524 against
    /// 2,526 on the generated conference), and the other core is then free for the LP bound.
    /// </remarks>
    internal static CpSatSettings SubSearch(CpSatSettings settings) =>
        settings with { Workers = 1, InterleaveSearch = false, Presolve = true, ProbingLevel = 0 };
}
