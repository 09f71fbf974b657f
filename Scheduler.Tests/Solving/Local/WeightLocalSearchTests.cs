using Scheduler.Engine.Domain;
using Scheduler.Engine.Files;
using Scheduler.Engine.Generation;
using Scheduler.Engine.Solving;
using Scheduler.Engine.Solving.Phases.Local;
using Scheduler.Engine.Solving.Search;
using Scheduler.Tests.Checking;
using Scheduler.Tests.Generation;
using static Scheduler.Tests.Solving.Solver;

namespace Scheduler.Tests.Solving.Local;

/// <summary>
/// The insertion walk: what it returns keeps every hard rule (the validator says so), keeps every required meeting,
/// never weighs less than its start, and is reproducible; the fill only adds meetings.
/// </summary>
public sealed class WeightLocalSearchTests
{

    /// <summary>More requests than fit, in two buildings with travel, with daily limits and an order between meetings.</summary>
    private static Event Oversubscribed(int seed)
    {
        var random = new Random(seed);
        var ev = new TestEvent("Europe/Moscow", 30)
            .Day("2021-06-22", "09:00", "13:00").Day("2021-06-23", "09:00", "13:00")
            .Building("main").Building("hotel").Travel("main", "hotel", 30)
            .Room("m1", 2, "main").Room("m2", 3, "main").Room("h1", 2, "hotel")
            .Objective(null);
        var people = Enumerable.Range(0, 10).Select(i => $"p{i}").ToArray();
        foreach (var (p, i) in people.Select((p, i) => (p, i))) ev.Person(p, maxPerDay: i % 3 == 0 ? 2 : null);
        for (int m = 0; m < 45; m++)
        {
            var a = people[random.Next(people.Length)];
            var b = people.Where(x => x != a).ElementAt(random.Next(people.Length - 1));
            ev.Meeting($"m{m:00}", random.Next(3) == 0 ? 60 : 30, [a, b], x =>
            {
                x.Weight(1 + random.Next(9));
                if (m % 15 == 0) x.Required();
                if (m > 0 && random.Next(8) == 0) x.After($"m{random.Next(m):00}");
            });
        }
        return ev.Build();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void The_walk_keeps_every_hard_rule_and_every_required_meeting_and_never_loses_weight(int seed)
    {
        var ev = Oversubscribed(seed);
        var problem = SchedulingProblem.Build(ev);
        var start = Hints.FirstFit(problem);
        var required = problem.Meetings.Where(m => m.Meeting.Required).Select(m => m.Index).ToList();
        Assert.All(required, r => Assert.Contains(start, p => p.Meeting == r));

        var result = WeightLocalSearch.Improve(problem, start, moves: 100_000, problem.WeightCeiling, seed);

        AssertValid(ev, ScheduleOf(problem, result.Placements));
        Assert.All(required, r => Assert.Contains(result.Placements, p => p.Meeting == r));
        Assert.True(problem.WeightOf(result.Placements) >= problem.WeightOf(start));
    }

    [Fact]
    public void The_walk_beats_first_fit_on_a_generated_conference()
    {
        var ev = ConferenceGenerator.Generate(GeneratorTests.SmallConference);
        var problem = SchedulingProblem.Build(ev);
        var start = Hints.FirstFit(problem);

        var result = WeightLocalSearch.Improve(problem, start, moves: 100_000, problem.WeightCeiling, seed: 1);

        AssertValid(ev, ScheduleOf(problem, result.Placements));
        Assert.True(problem.WeightOf(result.Placements) > problem.WeightOf(start),
            $"first fit {problem.WeightOf(start)}, walk {problem.WeightOf(result.Placements)}");
    }

    [Fact]
    public void The_same_seed_and_budget_give_the_same_schedule()
    {
        var problem = SchedulingProblem.Build(Oversubscribed(9));
        var start = Hints.FirstFit(problem);

        var first = WeightLocalSearch.Improve(problem, start, 50_000, problem.WeightCeiling, seed: 3);
        var second = WeightLocalSearch.Improve(problem, start, 50_000, problem.WeightCeiling, seed: 3);

        Assert.Equal(first.Placements, second.Placements);
    }

    [Fact]
    public void The_fill_adds_a_meeting_that_fits_and_moves_nothing()
    {
        var ev = new TestEvent("Europe/Moscow", 30).Day("2021-06-22", "09:00", "10:00").Room("r1", 2)
            .Meeting("ab", 30, ["a", "b"]).Meeting("cd", 30, ["c", "d"]).Build();
        var problem = SchedulingProblem.Build(ev);
        var start = new List<Placement> { new(0, 0, 1, 0) };

        var filled = WeightLocalSearch.Fill(problem, start);

        Assert.Equal(2, filled.Count);
        Assert.Contains(new Placement(0, 0, 1, 0), filled);
        AssertValid(ev, ScheduleOf(problem, filled));
    }
}
