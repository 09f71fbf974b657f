using Scheduler.Engine.Domain;
using Scheduler.Engine.Files;
using Scheduler.Engine.Solving;
using Scheduler.Engine.Solving.Phases.Local;
using Scheduler.Engine.Solving.Search;
using Scheduler.Tests.Checking;
using static Scheduler.Tests.Solving.Solver;

namespace Scheduler.Tests.Solving.Local;

/// <summary>
/// The idle-gap walk: whatever it returns keeps every hard rule (checked by the validator), holds the same meetings,
/// has no more gaps than its start and exactly the gaps it reports; it is reproducible and stops at the floor.
/// </summary>
public sealed class GapLocalSearchTests
{
    /// <summary>
    /// Two days, a lunch break, two buildings 30 minutes apart, small rooms, daily limits, an order between meetings
    /// and a spread cap: every rule that links meetings, on an event small enough to check often.
    /// </summary>
    private static Event Crowded(int seed, int? spread = 2)
    {
        var random = new Random(seed);
        var ev = new TestEvent("Europe/Moscow", 30)
            .Day("2021-06-22", "09:00", "15:00").Day("2021-06-23", "09:00", "15:00")
            .Break("Lunch", "12:00", "12:30")
            .Building("main").Building("hotel").Travel("main", "hotel", 30)
            .Room("m1", 2, "main").Room("m2", 2, "main").Room("m3", 3, "main").Room("h1", 2, "hotel")
            .Objective(spread);
        var people = Enumerable.Range(0, 14).Select(i => $"p{i:00}").ToArray();
        foreach (var (p, i) in people.Select((p, i) => (p, i)))
            ev.Person(p, maxPerDay: i % 4 == 0 ? 3 : null);
        for (int m = 0; m < 30; m++)
        {
            var a = people[random.Next(people.Length)];
            var b = people.Where(x => x != a).ElementAt(random.Next(people.Length - 1));
            string id = $"m{m:00}";
            ev.Meeting(id, random.Next(4) == 0 ? 60 : 30, [a, b], x =>
            {
                x.Weight(1 + random.Next(5));
                if (m > 0 && random.Next(6) == 0) x.After($"m{random.Next(m):00}");
            });
        }
        return ev.Build();
    }

    private static IReadOnlyList<Placement> ValidStart(SchedulingProblem problem)
    {
        var start = Hints.FirstFit(problem);
        var gaps = ReadBack.IdleGapsPerParticipant(problem.Grid, problem.Meetings, start);
        var named = problem.Meetings.SelectMany(m => m.Participants).Distinct().Select(p => gaps.GetValueOrDefault(p)).ToList();
        // First fit may break the spread cap; then the same schedule under no cap is the start.
        return problem.Event.Objective.MaxIdleGapSpread is int cap && named.Max() - named.Min() > cap ? [] : start;
    }


    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public void The_walk_keeps_every_hard_rule_and_the_same_meetings(int seed)
    {
        var ev = Crowded(seed, spread: null);
        var problem = SchedulingProblem.Build(ev);
        var start = Hints.FirstFit(problem);

        var result = GapLocalSearch.Improve(problem, start, moves: 200_000, floor: 0, seed);

        AssertValid(ev, ScheduleOf(problem, result.Placements));
        Assert.Equal(start.Select(p => p.Meeting).Order(), result.Placements.Select(p => p.Meeting).Order());
        Assert.Equal(problem.IdleGapsOf(result.Placements), result.IdleGaps);
        Assert.True(result.IdleGaps <= problem.IdleGapsOf(start));
    }

    [Fact]
    public void The_walk_keeps_the_spread_cap()
    {
        // The events of the first seeds whose first-fit schedule keeps a cap of two gaps (the walk needs a valid start).
        var events = Enumerable.Range(1, 60).Select(seed => (Seed: seed, Event: Crowded(seed, spread: 2)))
            .Select(x => (x.Seed, x.Event, Problem: SchedulingProblem.Build(x.Event)))
            .Select(x => (x.Seed, x.Event, x.Problem, Start: ValidStart(x.Problem)))
            .Where(x => x.Start.Count > 0 && x.Problem.IdleGapsOf(x.Start) > 0).Take(3).ToList();
        Assert.Equal(3, events.Count);

        foreach (var (seed, ev, problem, start) in events)
        {
            var result = GapLocalSearch.Improve(problem, start, moves: 200_000, floor: 0, seed);
            AssertValid(ev, ScheduleOf(problem, result.Placements));
        }
    }

    [Fact]
    public void The_same_seed_and_budget_give_the_same_schedule()
    {
        var problem = SchedulingProblem.Build(Crowded(7, spread: null));
        var start = Hints.FirstFit(problem);

        var first = GapLocalSearch.Improve(problem, start, 100_000, 0, seed: 5);
        var second = GapLocalSearch.Improve(problem, start, 100_000, 0, seed: 5);

        Assert.Equal(first.Placements, second.Placements);
        Assert.Equal(first.Moves, second.Moves);
    }

    [Fact]
    public void The_walk_closes_a_gap_it_can_close_and_stops_at_the_floor()
    {
        // a meets b at 09:00 and c at 10:30: one gap, which moving either meeting closes.
        var ev = new TestEvent("Europe/Moscow", 30).Day("2021-06-22", "09:00", "12:00").Room("r1", 2)
            .Meeting("ab", 30, ["a", "b"]).Meeting("ac", 30, ["a", "c"]).Build();
        var problem = SchedulingProblem.Build(ev);
        var start = new List<Placement> { new(0, 0, 1, 0), new(1, 3, 1, 0) };
        Assert.Equal(1, problem.IdleGapsOf(start));

        var result = GapLocalSearch.Improve(problem, start, moves: 1_000_000, floor: 0, seed: 1);

        Assert.Equal(0, result.IdleGaps);
        Assert.True(result.Moves < 1_000_000, "the walk goes on after reaching the floor");
        AssertValid(ev, ScheduleOf(problem, result.Placements));
    }

    [Fact]
    public void The_embedded_sample_with_travel_and_the_plenary_stays_valid()
    {
        // Without its interpreters: the walks leave events with interpreters to CP-SAT.
        var json = System.Text.Json.Nodes.JsonNode.Parse(Scheduler.Cli.Samples.SampleEvent.Json)!.AsObject();
        json.Remove("interpreters");
        foreach (var person in json["participants"]!.AsArray()) person!.AsObject().Remove("languages");
        var ev = EventFile.Parse(json.ToJsonString()).Value!;
        Assert.NotEmpty(ev.TravelTimes);
        var problem = SchedulingProblem.Build(ev);
        var start = Hints.FirstFit(problem);

        var result = GapLocalSearch.Improve(problem, start, moves: 300_000, floor: 0, seed: 2);

        AssertValid(ev, ScheduleOf(problem, result.Placements));
        Assert.True(result.IdleGaps < problem.IdleGapsOf(start));
    }
}
