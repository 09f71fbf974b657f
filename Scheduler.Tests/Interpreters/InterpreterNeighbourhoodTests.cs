using NodaTime;
using Scheduler.Engine.Domain;
using Scheduler.Engine.Generation;
using Scheduler.Engine.Solving;
using Scheduler.Engine.Solving.Phases;
using Scheduler.Engine.Solving.Phases.Lns;
using Scheduler.Engine.Solving.Search;
using Scheduler.Tests.Generation;
using static Scheduler.Tests.Solving.Solver;

namespace Scheduler.Tests.Interpreters;

/// <summary>
/// Neighbourhood search with interpreters: fixed meetings that have one stay in each sub-problem's model, so any
/// schedule of a sub-problem merged with the fixed meetings still has concrete interpreters for all.
/// </summary>
public sealed class InterpreterNeighbourhoodTests
{
    // Few interpreters for many requests, so they bind.
    private static readonly Event Conference = ConferenceGenerator.Generate(GeneratorTests.SmallConference with { Interpreters = 3 });

    [Fact]
    public void Sub_problem_schedules_merged_with_the_fixed_meetings_keep_the_interpreter_rules()
    {
        var problem = SchedulingProblem.Build(Conference);
        Assert.True(problem.UsesInterpreters);
        var incumbent = Hints.FirstFit(problem).ToDictionary(p => p.Meeting);
        var hoods = new Neighbourhoods(problem, seed: 3);
        for (int round = 0; round < 3; round++)
        {
            var hood = hoods.Next(incumbent, 12, NeighbourhoodKind.People);
            var sub = SubProblem.Create(problem, incumbent, hood.Free, hood.FirstSlot, hood.EndSlot, idleGaps: false);
            var sm = ModelBuilder.Build(sub.Problem, sub.Scope);
            // Any schedule, not only a good one: as many of the sub-problem's meetings as possible. The incumbent is
            // hinted whole, so the search holds a solution from its start whatever the machine's load.
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

            var (chosen, left) = InterpreterAssignment.Assign(problem, merged);
            Assert.Empty(left);
            // First fit leaves out required meetings the three interpreters cannot serve; every other rule holds.
            AssertValid(Conference, ToSchedule(problem, merged, chosen), Scheduler.Engine.Checking.ValidationRules.Required);
            incumbent = merged.ToDictionary(p => p.Meeting);
        }
    }

    [Fact]
    public void The_weight_search_with_interpreters_returns_a_valid_schedule_never_lighter_than_first_fit()
    {
        var problem = SchedulingProblem.Build(Conference);
        var start = Hints.FirstFit(problem);
        var options = new SolveOptions { TimeLimit = Duration.FromSeconds(1), Deterministic = true, Workers = 1 };
        var clock = new SearchClock(options, CancellationToken.None);
        var search = new LnsPhase(problem, new SolveContext(options, clock, new ProgressBoard(null, clock, problem.WeightCeiling)), LnsGoal.Weight, start);

        var placements = search.Run(1.0).Placements!;

        var (chosen, left) = InterpreterAssignment.Assign(problem, placements);
        Assert.Empty(left);
        var schedule = ToSchedule(problem, placements, chosen);
        AssertValid(Conference, schedule, Scheduler.Engine.Checking.ValidationRules.Required);
        Assert.True(schedule.ScheduledWeight >= problem.WeightOf(start));
        Assert.True(search.Iterations > 0);
    }

    private static Schedule ToSchedule(SchedulingProblem problem, IReadOnlyList<Placement> placements, Dictionary<int, System.Collections.Immutable.ImmutableArray<int>> interpreters)
    {
        var ev = problem.Event;
        var assignments = ReadBack.WithInterpreters(ev, ReadBack.AssignRooms(ev, problem.Grid, problem.Pools, placements), interpreters);
        var placed = placements.Select(p => ev.Meetings[p.Meeting].Id).ToHashSet();
        return new Schedule(ev.Name, ScheduleStatus.Feasible, problem.WeightOf(placements), null, problem.IdleGapsOf(placements), null, assignments,
            [.. ev.Meetings.Where(m => !placed.Contains(m.Id)).Select(m => new UnscheduledMeeting(m.Id, "left out"))]);
    }
}
