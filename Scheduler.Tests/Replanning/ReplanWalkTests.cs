using System.Text.Json.Nodes;
using NodaTime;
using Scheduler.Engine.Domain;
using Scheduler.Engine.Files;
using Scheduler.Engine.Solving;
using Scheduler.Engine.Solving.Phases.Local;
using Scheduler.Tests.Interpreters;
using static Scheduler.Tests.Solving.Solver;

namespace Scheduler.Tests.Replanning;

/// <summary>
/// The replan's start (<see cref="ReplanStart"/>) and walk (<see cref="ReplanLocalSearch"/>) on a
/// <see cref="LocalSchedule"/>: every schedule they give keeps every rule (the validator, given the exact naming of
/// interpreters, says so), their values are the replanning objective's, and on tiny events the walk reaches the brute
/// force optimum and stops at the LP bound when the bound is that optimum.
/// </summary>
public class ReplanWalkTests
{
    [Fact]
    public void The_start_moves_a_meeting_onto_an_interpreters_time_only_by_moving_the_meeting_that_held_it()
    {
        // One interpreter for two hour-long ru-fr meetings, published at 09:00 and 10:00. ru2 loses 10:00-11:30, so b
        // can only start at 09:00, where the interpreter is in a: a greedy blind to interpreters put both at 09:00.
        var (problem, objective) = TwoMeetingsOneInterpreter();
        var values = new ReplanValues(problem, objective);

        var start = ReplanStart.Build(problem, objective, values);

        Assert.NotNull(start);
        AssertValid(problem.Event, ScheduleOf(problem, start));
        int a = Index(problem, "a"), b = Index(problem, "b");
        var pa = Assert.Single(start, p => p.Meeting == a);
        var pb = Assert.Single(start, p => p.Meeting == b);
        Assert.True(pa.Start >= pb.Start + pb.Length, "a makes way for b: the interpreter cannot be in both at once");
        // Both placed, both moved: 10 - 2 = 8, the best there is (dropping b instead: 5 - 1 = 4).
        Assert.Equal(800, objective.ValueOf(start));
        Assert.Equal(objective.ValueOf(start), values.ValueOf(start));
    }

    [Fact]
    public void The_start_places_a_displaced_required_meeting_and_the_required_meeting_ordered_after_it()
    {
        // m2 must come after m1, both required. p2 loses 09:00-11:00, so m1 goes to 11:00 at the earliest and m2, whose
        // own time is still free, must follow it: the start has to move a required meeting that nothing else displaced.
        string[] people = ["p1", "p2", "p3"];
        var file = ReplanFixtures.Event(1, people, ("m1", ["p1", "p2"], 2), ("m2", ["p1", "p3"], 2));
        ReplanFixtures.Meeting(file, "m1")["required"] = true;
        ReplanFixtures.Meeting(file, "m2")["required"] = true;
        ReplanFixtures.Meeting(file, "m2")["after"] = new JsonArray("m1");
        var before = ReplanFixtures.Read(file);
        var published = ReplanFixtures.Published(before, ("m1", "r1", "09:00"), ("m2", "r1", "09:30"));
        var after = ReplanFixtures.Read(file.Copy().Busy("p2", "09:00", "11:00"));
        var previous = PublishedSchedule.Check(after, published).Value!;
        var problem = SchedulingProblem.Build(previous.SolverEvent(), previous.RoomsToKeepApart());
        var objective = new ReplanObjective(problem, previous);

        var start = ReplanStart.Build(problem, objective, new ReplanValues(problem, objective));

        Assert.NotNull(start);
        AssertValid(problem.Event, ScheduleOf(problem, start));
        var m1 = Assert.Single(start, p => p.Meeting == Index(problem, "m1"));
        var m2 = Assert.Single(start, p => p.Meeting == Index(problem, "m2"));
        Assert.True(m2.Start >= m1.Start + m1.Length, "m2 still follows m1");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void The_replan_walk_keeps_every_rule_and_counts_the_objective_exactly(int seed)
    {
        // Scarce interpreters over two buildings and two days; published by a solve, then a Russian speaker loses the
        // first morning and a room the second: the walk must move meetings and keep every interpreter's rules.
        var (before, after) = ScarceInterpreters(seed);
        var published = ReplanFixtures.Solve(before);
        var previous = PublishedSchedule.Check(after, published).Value!;
        var problem = SchedulingProblem.Build(previous.SolverEvent(), previous.RoomsToKeepApart());
        var objective = new ReplanObjective(problem, previous);
        var values = new ReplanValues(problem, objective);
        var start = ReplanStart.Build(problem, objective, values);
        Assert.NotNull(start);
        AssertValid(problem.Event, ScheduleOf(problem, start));

        var result = ReplanLocalSearch.Improve(problem, values, start, moves: 50_000, objective.Ceiling, seed);

        AssertValid(problem.Event, ScheduleOf(problem, result.Placements));
        Assert.Equal(objective.ValueOf(result.Placements), values.ValueOf(result.Placements));
        Assert.True(values.ValueOf(result.Placements) >= values.ValueOf(start));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public void On_tiny_events_the_walk_reaches_the_brute_force_optimum_and_stops_at_the_lp_bound_when_it_is_met(int seed)
    {
        var (after, published) = ReplanLpTests.Disrupted(seed);
        var previous = PublishedSchedule.Check(after, published).Value!;
        var problem = SchedulingProblem.Build(previous.SolverEvent(), previous.RoomsToKeepApart());
        var objective = new ReplanObjective(problem, previous);
        var values = new ReplanValues(problem, objective);
        var lp = ReplanLp.Solve(objective, problem, Duration.FromSeconds(60), CancellationToken.None, "GLOP");
        Assert.NotNull(lp);
        var (best, _) = ReplanBruteForceTests.Exhaust(after, published);
        var start = ReplanStart.Build(problem, objective, values);
        Assert.NotNull(start);

        const long budget = 20_000;
        var result = ReplanLocalSearch.Improve(problem, values, start, budget, lp.Bound, seed);

        AssertValid(problem.Event, ScheduleOf(problem, result.Placements));
        Assert.Equal((long)(best * 100), values.ValueOf(result.Placements));
        if (lp.Bound == (long)(best * 100)) Assert.True(result.Moves < budget, "the walk stops where it meets the bound: the replan is proven optimal");
    }

    [Fact]
    public void A_replan_that_the_walk_proves_optimal_is_the_same_file_every_time()
    {
        // Large enough for the LP bound (300 options and more), so the walk runs and may stop at it.
        var (before, after) = ScarceInterpreters(7);
        var published = ReplanFixtures.Solve(before);
        var first = ReplanFixtures.Replan(after, published, seconds: 2);
        var second = ReplanFixtures.Replan(after, published, seconds: 2);

        Assert.Equal(ScheduleFile.Write(first, after), ScheduleFile.Write(second, after));
        Assert.NotEmpty(first.Assignments);
        Assert.True(first.ObjectiveValue <= first.ObjectiveBound);
    }

    private static int Index(SchedulingProblem problem, string id) => problem.Meetings.Single(m => m.Meeting.Id == id).Index;

    private static (SchedulingProblem Problem, ReplanObjective Objective) TwoMeetingsOneInterpreter()
    {
        var meetings = InterpreterEvents.List(InterpreterEvents.Meeting("a", "ru1 fr1", 60, 5), InterpreterEvents.Meeting("b", "ru2 fr2", 60, 5));
        var interpreters = InterpreterEvents.List(InterpreterEvents.Interpreter("i1", "ru fr"));
        var before = InterpreterEvents.Build(interpreters, meetings, change: e => e["event"]!["days"]![0]!["end"] = "11:30");
        var after = InterpreterEvents.Build(interpreters, meetings, change: e =>
        {
            e["event"]!["days"]![0]!["end"] = "11:30";
            e["participants"]!.AsArray().First(p => (string?)p!["id"] == "ru2")!["busy"] =
                JsonNode.Parse("""[ { "start": "2021-06-22T10:00", "end": "2021-06-22T11:30" } ]""");
        });
        var at = (string hhmm) => new LocalDateTime(2021, 6, 22, int.Parse(hhmm[..2]), int.Parse(hhmm[3..])).InZoneStrictly(before.Zone).ToInstant();
        var published = new Schedule(before.Name, ScheduleStatus.Feasible, 10, null, 0, null,
            [new Assignment("a", "r1", at("09:00"), at("10:00")) { Interpreters = ["i1"] }, new Assignment("b", "r1", at("10:00"), at("11:00")) { Interpreters = ["i1"] }], []);
        var previous = PublishedSchedule.Check(after, published).Value!;
        var problem = SchedulingProblem.Build(previous.SolverEvent(), previous.RoomsToKeepApart());
        return (problem, new ReplanObjective(problem, previous));
    }

    /// <summary>
    /// Two mornings in two buildings 30 minutes apart, 40 requests among Russian, French and Spanish speakers, four
    /// interpreters (one with 90 minutes a day, one busy on the first morning); after: ru1 busy on the first morning
    /// and room c1 closed on the second.
    /// </summary>
    private static (Event Before, Event After) ScarceInterpreters(int seed)
    {
        var random = new Random(seed);
        string[] people = ["ru1", "ru2", "ru3", "ru4", "ru5", "ru6", "fr1", "fr2", "fr3", "en1", "en2", "es1", "es2", "es3"];
        var meetings = Enumerable.Range(0, 40).Select(k =>
        {
            var pair = people.OrderBy(_ => random.Next()).Take(2).ToArray();
            return InterpreterEvents.Meeting($"m{k:00}", string.Join(' ', pair), random.Next(3) == 0 ? 60 : 30, random.Next(1, 10));
        }).ToArray();
        var interpreters = InterpreterEvents.List(
            InterpreterEvents.Interpreter("limited", "ru fr", """, "maxMinutesPerDay": 90"""),
            InterpreterEvents.Interpreter("busy", "ru fr es", """, "busy": [ { "start": "2021-06-22T09:30", "end": "2021-06-22T11:00" } ]"""),
            InterpreterEvents.Interpreter("spanish", "ru es"),
            InterpreterEvents.Interpreter("all", "ru fr es en"));
        var rooms = """
            [ { "id": "c1", "building": "congress", "capacity": 10 }, { "id": "c2", "building": "congress", "capacity": 10 },
              { "id": "h1", "building": "hotel", "capacity": 10 } ]
            """;
        void Common(JsonObject root)
        {
            root["event"]!["days"] = JsonNode.Parse("""
                [ { "date": "2021-06-22", "start": "09:00", "end": "12:00" }, { "date": "2021-06-23", "start": "09:00", "end": "12:00" } ]
                """);
            root["buildings"] = JsonNode.Parse("""[ { "id": "congress" }, { "id": "hotel" } ]""");
            root["travelMinutes"] = JsonNode.Parse("""[ { "from": "congress", "to": "hotel", "minutes": 30 } ]""");
        }

        var before = InterpreterEvents.Build(interpreters, InterpreterEvents.List(meetings), rooms, Common);
        var after = InterpreterEvents.Build(interpreters, InterpreterEvents.List(meetings), rooms, root =>
        {
            Common(root);
            root["participants"]!.AsArray().First(p => (string?)p!["id"] == "ru1")!["busy"] =
                JsonNode.Parse("""[ { "start": "2021-06-22T09:00", "end": "2021-06-22T12:00" } ]""");
            root["rooms"]![0]!["unavailable"] = JsonNode.Parse("""[ { "start": "2021-06-23T09:00", "end": "2021-06-23T12:00" } ]""");
        });
        return (before, after);
    }
}
