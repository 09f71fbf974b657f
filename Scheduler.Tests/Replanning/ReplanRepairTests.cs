using NodaTime;
using Scheduler.Engine.Domain;
using Scheduler.Engine.Solving;
using Scheduler.Engine.Solving.Phases;
using Scheduler.Engine.Solving.Search;
using Scheduler.Tests.Interpreters;
using static Scheduler.Tests.Solving.Solver;

namespace Scheduler.Tests.Replanning;

/// <summary>The replan's greedy hint knows no interpreters; <see cref="ReplanPhase.Repair"/> makes it keep their rules.</summary>
public class ReplanRepairTests
{
    [Fact]
    public void A_meeting_the_hint_moves_onto_its_interpreters_other_meeting_is_placed_where_the_interpreter_is_free()
    {
        // One interpreter for two hour-long ru-fr meetings, published at 09:00 and 10:00. ru2 loses 10:00-11:00, so the
        // greedy hint moves b nearest its old start, 09:30, where the interpreter is still in a.
        var meetings = InterpreterEvents.List(InterpreterEvents.Meeting("a", "ru1 fr1", 60, 5), InterpreterEvents.Meeting("b", "ru2 fr2", 60, 5));
        var interpreters = InterpreterEvents.List(InterpreterEvents.Interpreter("i1", "ru fr"));
        var before = InterpreterEvents.Build(interpreters, meetings, change: e => e["event"]!["days"]![0]!["end"] = "11:30");
        var after = InterpreterEvents.Build(interpreters, meetings, change: e =>
        {
            e["event"]!["days"]![0]!["end"] = "11:30";
            e["participants"]!.AsArray().First(p => (string?)p!["id"] == "ru2")!["busy"] =
                System.Text.Json.Nodes.JsonNode.Parse("""[ { "start": "2021-06-22T10:00", "end": "2021-06-22T11:30" } ]""");
        });
        var at = (string hhmm) => new LocalDateTime(2021, 6, 22, int.Parse(hhmm[..2]), int.Parse(hhmm[3..])).InZoneStrictly(before.Zone).ToInstant();
        var published = new Schedule(before.Name, ScheduleStatus.Feasible, 10, null, 0, null,
            [new Assignment("a", "r1", at("09:00"), at("10:00")) { Interpreters = ["i1"] }, new Assignment("b", "r1", at("10:00"), at("11:00")) { Interpreters = ["i1"] }], []);
        var previous = PublishedSchedule.Check(after, published).Value!;
        var problem = SchedulingProblem.Build(previous.SolverEvent(), previous.RoomsToKeepApart());
        var sm = ModelBuilder.Build(problem, ModelScope.Hard);
        var objective = new ReplanObjective(sm, previous);
        var options = new SolveOptions { TimeLimit = Duration.FromSeconds(5), Workers = 1, Deterministic = true, Previous = previous };
        var clock = new SearchClock(options, CancellationToken.None);
        var ctx = new SolveContext(options, clock, new ProgressBoard(null, clock, problem.WeightCeiling));

        var hint = ReplanHint.Build(problem, objective);
        var repaired = ReplanPhase.Repair(problem, objective, ctx, hint);

        int a = problem.Meetings.Single(m => m.Meeting.Id == "a").Index, b = problem.Meetings.Single(m => m.Meeting.Id == "b").Index;
        Assert.True(Overlap(hint, a, b), "the premise: the greedy hint gives the interpreter both meetings at once");
        Assert.NotNull(repaired);
        AssertValid(problem.Event, ScheduleOf(problem, repaired));
        Assert.False(Overlap(repaired, a, b));
        Assert.Contains(repaired, p => p.Meeting == a && p.Start == hint.Single(h => h.Meeting == a).Start);
    }

    private static bool Overlap(IReadOnlyList<Placement> placements, int a, int b) =>
        placements.FirstOrDefault(p => p.Meeting == a) is { } x && placements.FirstOrDefault(p => p.Meeting == b) is { } y
        && x.Start < y.Start + y.Length && y.Start < x.Start + x.Length;
}
