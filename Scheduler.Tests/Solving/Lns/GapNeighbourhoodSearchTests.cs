using NodaTime;
using Scheduler.Engine.Domain;
using Scheduler.Engine.Files;
using Scheduler.Engine.Solving;
using Scheduler.Engine.Solving.Phases;
using Scheduler.Engine.Solving.Phases.Lns;
using Scheduler.Engine.Solving.Search;
using Scheduler.Tests.Files;
using static Scheduler.Tests.Solving.Solver;

namespace Scheduler.Tests.Solving.Lns;

/// <summary>
/// The B2B gap neighbourhoods: every schedule they return keeps every rule (the spread cap too), never has more gaps
/// than the start, removes gaps from a poor start, stops at the floor, and is reproducible under a deterministic budget.
/// </summary>
public sealed class GapNeighbourhoodSearchTests
{
    private static Event B2b(string name) =>
        EventFile.Load(Path.Combine(B2bBenchmarkFactAttribute.Folder, name + ".json")).Value
        ?? throw new InvalidOperationException($"{name} does not read");

    private static SolveContext Context(double seconds, long ceiling)
    {
        var options = new SolveOptions
        {
            TimeLimit = Duration.FromSeconds(seconds), Seed = 0, Workers = 2, Deterministic = true,
            SafetyLimit = Duration.FromMinutes(10),
        };
        var clock = new SearchClock(options, CancellationToken.None);
        return new SolveContext(options, clock, new ProgressBoard(null, clock, ceiling));
    }

    /// <summary>A valid schedule far from the fewest gaps: CP-SAT's first schedule with every meeting in.</summary>
    private static IReadOnlyList<Placement> AnySchedule(SchedulingModel sm)
    {
        var (model, _) = sm.ForkWithIdleGaps();
        var clock = new SearchClock(new SolveOptions { TimeLimit = Duration.FromSeconds(60), Deterministic = true, SafetyLimit = Duration.FromMinutes(5) },
            CancellationToken.None);
        var outcome = CpSatSearch.Run(model, new CpSatSettings { Workers = 1, Seed = 0, MaxSeconds = 300, MaxDeterministicSeconds = 30 }, clock);
        Assert.True(outcome.HasSolution, $"no schedule to start from ({outcome.Status})");
        return ReadBack.Placements(sm, outcome.Value);
    }

    [B2bBenchmarkFact]
    public void From_a_poor_schedule_it_removes_gaps_keeping_every_rule_and_every_meeting()
    {
        var ev = B2b("ticf-13crafc.original");
        Assert.NotNull(ev.Objective.MaxIdleGapSpread);
        var problem = SchedulingProblem.Build(ev);
        var sm = ModelBuilder.Build(problem, ModelScope.Hard);
        var start = AnySchedule(sm);
        int before = problem.IdleGapsOf(start);

        var better = GapNeighbourhoodSearch.Improve(sm, Context(2, sm.WeightCeiling), start, sm.IdleGapsFloor, 1.0);

        AssertValid(ev, ScheduleOf(problem, better));
        Assert.Equal(problem.Meetings.Length, better.Count);
        int after = problem.IdleGapsOf(better);
        Assert.True(after < before, $"no gap removed: {before} before, {after} after");
        // JAIR 2022: the optimum of this event is 1.
        Assert.True(after >= 1, $"{after} gaps, below the proven optimum");
    }

    [B2bBenchmarkFact]
    public void A_deterministic_budget_gives_the_same_schedule_twice()
    {
        var ev = B2b("tic-13crafc.original");
        var problem = SchedulingProblem.Build(ev);
        var sm = ModelBuilder.Build(problem, ModelScope.Hard);
        var start = AnySchedule(sm);

        var first = GapNeighbourhoodSearch.Improve(sm, Context(1, sm.WeightCeiling), start, sm.IdleGapsFloor, 1.0);
        var second = GapNeighbourhoodSearch.Improve(sm, Context(1, sm.WeightCeiling), start, sm.IdleGapsFloor, 1.0);

        Assert.Equal(first.OrderBy(p => p.Meeting), second.OrderBy(p => p.Meeting));
        Assert.True(problem.IdleGapsOf(first) <= problem.IdleGapsOf(start));
        AssertValid(ev, ScheduleOf(problem, first));
    }

    [B2bBenchmarkFact]
    public void A_start_at_the_floor_is_returned_as_it_is_without_a_search()
    {
        var ev = B2b("ticf-13crafc.original");
        var problem = SchedulingProblem.Build(ev);
        var sm = ModelBuilder.Build(problem, ModelScope.Hard);
        var start = AnySchedule(sm);
        var ctx = Context(2, sm.WeightCeiling);
        var search = GapNeighbourhoodSearch.Create(sm, ctx, start, floor: problem.IdleGapsOf(start));
        Assert.NotNull(search);

        var result = search!.Run(1.0);

        Assert.Equal(0, search.Steps);
        Assert.Equal(start.OrderBy(p => p.Meeting), result.OrderBy(p => p.Meeting));
    }
}
