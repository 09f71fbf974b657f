using System.Text.Json.Nodes;
using Scheduler.Engine.Domain;
using Scheduler.Engine.Solving;
using Scheduler.Engine.Solving.Phases.Local;
using Scheduler.Engine.Solving.Search;
using Scheduler.Tests.Checking;
using static Scheduler.Tests.Interpreters.InterpreterEvents;
using static Scheduler.Tests.Solving.Solver;

namespace Scheduler.Tests.Solving.Local;

/// <summary>
/// The walks on events with interpreters: every schedule they return can be interpreted (the validator, given the
/// exact naming of interpreters, says so), including travel between buildings, daily minutes, busy periods and pins;
/// and the insertion walk frees an interpreter by moving a lighter meeting out of the way.
/// </summary>
public sealed class InterpreterWalkTests
{
    /// <summary>
    /// Two mornings in two buildings 30 minutes apart, 40 requests among Russian, French and Spanish speakers, and
    /// four interpreters: one with 90 minutes a day, one busy on the first morning, one pinned to two meetings.
    /// </summary>
    private static Event ScarceInterpreters(int seed)
    {
        var random = new Random(seed);
        string[] people = ["ru1", "ru2", "ru3", "ru4", "ru5", "ru6", "fr1", "fr2", "fr3", "en1", "en2", "es1", "es2", "es3"];
        var meetings = Enumerable.Range(0, 40).Select(k =>
        {
            var pair = people.OrderBy(_ => random.Next()).Take(2).ToArray();
            string pin = k < 2 ? """, "interpreters": ["pinned"]""" : "";
            return Meeting($"m{k:00}", string.Join(' ', pair), random.Next(3) == 0 ? 60 : 30, random.Next(1, 10), pin);
        }).ToArray();
        var interpreters = List(
            Interpreter("limited", "ru fr", """, "maxMinutesPerDay": 90"""),
            Interpreter("busy", "ru fr es", """, "busy": [ { "start": "2021-06-22T09:30", "end": "2021-06-22T11:00" } ]"""),
            Interpreter("spanish", "ru es"),
            Interpreter("pinned", "ru fr es en"));
        var rooms = """
            [ { "id": "c1", "building": "congress", "capacity": 10 }, { "id": "c2", "building": "congress", "capacity": 10 },
              { "id": "h1", "building": "hotel", "capacity": 10 } ]
            """;
        return Build(interpreters, List(meetings), rooms, root =>
        {
            root["event"]!["days"] = JsonNode.Parse("""
                [ { "date": "2021-06-22", "start": "09:00", "end": "12:00" }, { "date": "2021-06-23", "start": "09:00", "end": "12:00" } ]
                """);
            root["buildings"] = JsonNode.Parse("""[ { "id": "congress" }, { "id": "hotel" } ]""");
            root["travelMinutes"] = JsonNode.Parse("""[ { "from": "congress", "to": "hotel", "minutes": 30 } ]""");
        });
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void The_insertion_walk_keeps_every_interpreter_rule_and_never_loses_weight(int seed)
    {
        var ev = ScarceInterpreters(seed);
        var problem = SchedulingProblem.Build(ev);
        var start = Hints.FirstFit(problem);

        var result = WeightLocalSearch.Improve(problem, start, moves: 50_000, problem.WeightCeiling, seed);

        AssertValid(ev, ScheduleOf(problem, result.Placements));
        Assert.True(problem.WeightOf(result.Placements) >= problem.WeightOf(start));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void The_gap_walk_and_the_fill_keep_every_interpreter_rule(int seed)
    {
        var ev = ScarceInterpreters(seed);
        var problem = SchedulingProblem.Build(ev);
        var start = Hints.FirstFit(problem);

        var walked = GapLocalSearch.Improve(problem, start, moves: 50_000, floor: 0, seed).Placements;
        var filled = WeightLocalSearch.Fill(problem, walked);

        AssertValid(ev, ScheduleOf(problem, walked));
        AssertValid(ev, ScheduleOf(problem, filled));
        Assert.True(problem.IdleGapsOf(walked) <= problem.IdleGapsOf(start));
        Assert.True(problem.WeightOf(filled) >= problem.WeightOf(start));
    }

    [Fact]
    public void The_insertion_walk_frees_the_only_interpreter_for_two_meetings_that_outweigh_the_one_holding_it()
    {
        // One hour, one Russian-French interpreter: first fit gives the hour to the heaviest meeting (5); the two
        // half-hour meetings together weigh 6, and only ejecting the first one lets either in.
        var ev = Build(List(Interpreter("i1", "ru fr")), List(
            Meeting("heavy", "ru1 fr1", 60, 5),
            Meeting("light1", "ru2 fr2", 30, 3),
            Meeting("light2", "ru3 fr3", 30, 3)), change: root => root["event"]!["days"]![0]!["end"] = "10:00");
        var problem = SchedulingProblem.Build(ev);
        var start = Hints.FirstFit(problem);
        Assert.Equal(5, problem.WeightOf(start));

        var result = WeightLocalSearch.Improve(problem, start, moves: 20_000, problem.WeightCeiling, seed: 1);

        var schedule = ScheduleOf(problem, result.Placements);
        AssertValid(ev, schedule);
        Assert.Equal(6, problem.WeightOf(result.Placements));
        Assert.Equal(["light1", "light2"], schedule.PlacedIds());
    }
}
