using NodaTime;
using Scheduler.Engine.Domain;
using Scheduler.Engine.Files;
using Scheduler.Engine.Solving;
using Scheduler.Engine.Solving.Phases;
using Scheduler.Engine.Solving.Search;
using Scheduler.Tests.Files;
using static Scheduler.Tests.Solving.Solver;

namespace Scheduler.Tests.Solving;

/// <summary>
/// The idle-gap search of B2B events (every meeting required): a valid schedule at the floor needs no search, the
/// bound it reports never passes the published optimum, and the minimisation by cores is asked for by name.
/// Budgets are deterministic seconds, so no test depends on the machine's speed.
/// </summary>
public sealed class GapCapPhaseTests
{
    private static Event B2b(string name) =>
        EventFile.Load(Path.Combine(B2bBenchmarkFactAttribute.Folder, name + ".json")).Value
        ?? throw new InvalidOperationException($"{name} does not read");

    private static SolveOptions Deterministic(double seconds) => new()
    {
        TimeLimit = Duration.FromSeconds(seconds), Seed = 0, Workers = 2, Deterministic = true,
        SafetyLimit = Duration.FromMinutes(10),
    };

    private static SolveContext Context(SolveOptions options, long ceiling)
    {
        var clock = new SearchClock(options, CancellationToken.None);
        return new SolveContext(options, clock, new ProgressBoard(null, clock, ceiling));
    }

    [Fact]
    public void Core_based_minimisation_is_rendered_only_when_asked_for()
    {
        var plain = new CpSatSettings { Workers = 1, Seed = 0, MaxSeconds = 1 };
        Assert.DoesNotContain("optimize_with_core", plain.Render());
        Assert.Contains("optimize_with_core:true", (plain with { OptimizeWithCore = true }).Render());
    }

    [B2bBenchmarkFact]
    public void A_valid_schedule_at_the_floor_is_returned_proven_without_a_search()
    {
        var ev = B2b("tic-12.original");
        var problem = SchedulingProblem.Build(ev);
        var model = ModelBuilder.Build(problem, ModelScope.Hard);
        var first = GapCapPhase.Run(model, Context(Deterministic(10), model.WeightCeiling), Hints.FirstFit(problem), hintIsValid: false);
        Assert.True(first.Proven);
        AssertValid(ev, ScheduleOf(problem, first.Placements!));
        Assert.Equal(model.IdleGapsFloor, problem.IdleGapsOf(first.Placements!));

        var ctx = Context(Deterministic(10), model.WeightCeiling);
        var again = GapCapPhase.Run(model, ctx, first.Placements!, hintIsValid: true);

        Assert.True(again.Proven);
        Assert.Same(first.Placements, again.Placements);
        Assert.Equal(0, ctx.Clock.Charged);
    }

    [B2bBenchmarkFact]
    public void A_hard_event_gets_a_valid_schedule_and_a_bound_within_the_published_optimum()
    {
        // Optima from JAIR 2022, Table 1: neither is reached from first fit by the floor search within this budget,
        // so the walk, the caps and the minimisation by cores all run.
        foreach (var (name, optimum) in new[] { ("ticf-13crafc.original", 1), ("tic-13crafc.original", 4) })
        {
            var ev = B2b(name);
            var schedule = MeetingScheduler.Solve(ev, Deterministic(3)).Schedule;
            AssertValid(ev, schedule);
            Assert.Empty(schedule.Unscheduled);
            Assert.InRange(schedule.IdleGapsBound!.Value, 0, optimum);
            Assert.True(schedule.IdleGaps >= optimum, $"{name}: {schedule.IdleGaps} gaps, below the proven optimum {optimum}");
            var firstFit = Hints.FirstFit(SchedulingProblem.Build(ev));
            Assert.True(schedule.IdleGaps < SchedulingProblem.Build(ev).IdleGapsOf(firstFit), $"{name}: no better than first fit");
        }
    }
}
