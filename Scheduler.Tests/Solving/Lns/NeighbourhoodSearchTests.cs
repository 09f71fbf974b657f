using NodaTime;
using Scheduler.Engine.Domain;
using Scheduler.Engine.Files;
using Scheduler.Engine.Generation;
using Scheduler.Engine.Solving;
using Scheduler.Engine.Solving.Phases;
using Scheduler.Engine.Solving.Phases.Lns;
using Scheduler.Engine.Solving.Search;
using Scheduler.Tests.Generation;
using static Scheduler.Tests.Solving.Solver;

namespace Scheduler.Tests.Solving.Lns;

/// <summary>
/// Neighbourhood search: a sub-problem's schedules, merged with the fixed meetings, keep every hard rule; the search
/// never returns less than it started from; and a deterministic run is reproducible.
/// </summary>
public sealed class NeighbourhoodSearchTests
{
    private static readonly Event Conference = ConferenceGenerator.Generate(GeneratorTests.SmallConference);

    private static SolveContext Context(SolveOptions options, long ceiling)
    {
        var clock = new SearchClock(options, CancellationToken.None);
        return new SolveContext(options, clock, new ProgressBoard(null, clock, ceiling));
    }


    [Theory]
    [InlineData((int)NeighbourhoodKind.People, false)]
    [InlineData((int)NeighbourhoodKind.PeopleOneDay, false)]
    [InlineData((int)NeighbourhoodKind.Window, false)]
    [InlineData((int)NeighbourhoodKind.People, true)]
    public void Every_schedule_of_a_sub_problem_merged_with_the_fixed_meetings_keeps_every_rule(int kindNumber, bool idleGaps)
    {
        var kind = (NeighbourhoodKind)kindNumber;
        var problem = SchedulingProblem.Build(Conference);
        var start = Hints.FirstFit(problem);
        var incumbent = start.ToDictionary(p => p.Meeting);
        var hoods = new Neighbourhoods(problem, seed: 3);
        for (int round = 0; round < 3; round++)
        {
            var hood = hoods.Next(incumbent, 12, kind);
            var sub = SubProblem.Create(problem, incumbent, hood.Free, hood.FirstSlot, hood.EndSlot, idleGaps);
            var sm = ModelBuilder.Build(sub.Problem, sub.Scope);
            // Any schedule of the sub-problem, not only a good one: maximise the number of freed meetings moved away.
            var model = sm.Fork();
            model.Maximize(Google.OrTools.Sat.LinearExpr.Sum(sm.Scheduled.OfType<Google.OrTools.Sat.BoolVar>()));
            var clock = new SearchClock(new SolveOptions { TimeLimit = Duration.FromSeconds(60) }, CancellationToken.None);
            var settings = LnsPhase.SubSearch(new CpSatSettings { Workers = 1, Seed = round, MaxSeconds = 30 });
            var inside = incumbent.Values.Where(p => !sub.Problem.Meetings[p.Meeting].Options.IsEmpty).ToList();
            Hints.Apply(model, sm, inside, settings, clock);
            var outcome = CpSatSearch.Run(model, settings, clock);
            Assert.True(outcome.HasSolution, $"round {round}: the sub-problem has no solution ({outcome.Status}), though the incumbent is one");
            var merged = incumbent.Where(kv => sub.Problem.Meetings[kv.Key].Options.IsEmpty).Select(kv => kv.Value)
                .Concat(ReadBack.Placements(sm, outcome.Value)).ToList();

            AssertValid(Conference, ScheduleOf(problem, merged));
            incumbent = merged.ToDictionary(p => p.Meeting);
        }
    }

    [Fact]
    public void The_weight_search_returns_a_valid_schedule_never_lighter_than_its_start()
    {
        var problem = SchedulingProblem.Build(Conference);
        var start = Hints.FirstFit(problem);
        var options = new SolveOptions { TimeLimit = Duration.FromSeconds(1), Deterministic = true, Workers = 1 };
        var search = new LnsPhase(problem, Context(options, problem.WeightCeiling), LnsGoal.Weight, start);

        var outcome = search.Run(1.0);

        var schedule = ScheduleOf(problem, outcome.Placements!);
        AssertValid(Conference, schedule);
        Assert.True(schedule.ScheduledWeight >= start.Sum(p => Conference.Meetings[p.Meeting].Weight));
        Assert.True(search.Iterations > 0);
    }

    [Fact]
    public void The_idle_gap_search_keeps_the_weight_and_never_adds_gaps()
    {
        var problem = SchedulingProblem.Build(Conference);
        var start = Hints.FirstFit(problem);
        var before = ScheduleOf(problem, start);
        var options = new SolveOptions { TimeLimit = Duration.FromSeconds(1), Deterministic = true, Workers = 1 };

        var outcome = new LnsPhase(problem, Context(options, problem.WeightCeiling), LnsGoal.IdleGaps, start).Run(1.0);

        var after = ScheduleOf(problem, outcome.Placements!);
        AssertValid(Conference, after);
        Assert.True(after.ScheduledWeight >= before.ScheduledWeight);
        Assert.True(after.IdleGaps <= before.IdleGaps);
    }

    [Fact]
    public void A_deterministic_neighbourhood_search_gives_the_same_schedule_even_with_the_machine_busy()
    {
        var problem = SchedulingProblem.Build(Conference);
        var start = Hints.FirstFit(problem);
        var options = new SolveOptions { TimeLimit = Duration.FromSeconds(1), Deterministic = true, Workers = 2, Seed = 5 };
        List<Placement> Run() => [.. new LnsPhase(problem, Context(options, problem.WeightCeiling), LnsGoal.Weight, start).Run(1.0).Placements!];
        var quiet = Run();

        var busy = WhileBusy(Run);

        Assert.Equal(quiet, busy);
    }

    [Fact]
    public void A_deterministic_solve_gives_the_same_schedule_file_even_with_the_machine_busy()
    {
        var ev = Conference;
        var options = new SolveOptions { TimeLimit = Duration.FromSeconds(1), Deterministic = true, Workers = 2, Seed = 5 };
        var quiet = MeetingScheduler.Solve(ev, options).Schedule;

        var busy = WhileBusy(() => MeetingScheduler.Solve(ev, options).Schedule);

        AssertValid(ev, quiet);
        Assert.Equal(ScheduleFile.Write(quiet, ev), ScheduleFile.Write(busy, ev));
    }

    /// <summary>Runs <paramref name="work"/> with every core loaded: a wall-clock limit would then end its searches elsewhere.</summary>
    private static T WhileBusy<T>(Func<T> work)
    {
        using var stop = new CancellationTokenSource();
        var spinners = Enumerable.Range(0, Environment.ProcessorCount).Select(_ => Task.Run(() =>
        {
            double x = 1;
            while (!stop.IsCancellationRequested) x = Math.Sqrt(x + 1);
            return x;
        })).ToArray();
        try
        {
            return work();
        }
        finally
        {
            stop.Cancel();
            Task.WaitAll(spinners);
        }
    }
}
