using System.Text.Json.Nodes;
using NodaTime;
using Scheduler.Engine.Domain;
using Scheduler.Engine.Solving;

namespace Scheduler.Tests.Replanning;

/// <summary>
/// The LP bound on the replanning objective (<see cref="ReplanLp"/>) against exhaustion on tiny events, and the
/// objective's per-option coefficients the LP is built from against the objective's own count.
/// </summary>
public class ReplanLpTests
{
    private static readonly string[] People = ["p1", "p2", "p3"];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public void The_lp_bound_is_never_below_the_best_replan_and_lies_on_the_objectives_lattice(int seed)
    {
        var (after, published) = Disrupted(seed);
        var previous = PublishedSchedule.Check(after, published).Value!;
        var problem = SchedulingProblem.Build(previous.SolverEvent(), previous.RoomsToKeepApart());
        var objective = new ReplanObjective(problem, previous);

        var lp = ReplanLp.Solve(objective, problem, Duration.FromSeconds(60), CancellationToken.None, "GLOP");

        Assert.NotNull(lp);
        var (best, _) = ReplanBruteForceTests.Exhaust(after, published);
        Assert.True(lp.Bound >= best * 100, $"LP bound {lp.Bound} below the optimum {best * 100}");
        Assert.True(lp.Bound <= objective.Ceiling);
        // Weights are whole and the costs of these events are halves at most: every value is a multiple of 50 from the constant.
        Assert.Equal(0, (lp.Bound - objective.Constant) % 50);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void The_coefficients_of_a_schedules_options_add_up_to_its_objective_when_it_keeps_its_published_pools(int seed)
    {
        var (after, published) = Disrupted(seed);
        var previous = PublishedSchedule.Check(after, published).Value!;
        var problem = SchedulingProblem.Build(previous.SolverEvent(), previous.RoomsToKeepApart());
        var objective = new ReplanObjective(problem, previous);
        var hint = ReplanHint.Build(problem, objective);

        long sum = objective.Constant;
        foreach (var p in hint)
        {
            var m = problem.Meetings[p.Meeting];
            sum += objective.Coefficient(p.Meeting, m.Options.First(o => o.Start == p.Start && m.Groups[o.Group].Pools.Contains(p.Pool)));
        }

        var inPublishedPool = hint.All(p => objective.Published.All(q => q.Meeting != p.Meeting || q.Slot != p.Start || q.Pool == p.Pool));
        Assert.True(inPublishedPool, "the greedy hint keeps a meeting at its published start in its published pool when it can");
        Assert.Equal(objective.ValueOf(hint), sum);
        Assert.NotEmpty(hint);
    }

    /// <summary>A tiny event solved, then one participant losing an hour, with costs that make moves, drops and rooms compete.</summary>
    internal static (Event After, Schedule Published) Disrupted(int seed)
    {
        var random = new Random(seed);
        var pairs = new[] { ("p1", "p2"), ("p1", "p3"), ("p2", "p3"), ("p1", "p2") };
        var file = ReplanFixtures.Event(2, People, pairs.Select((p, i) => ($"m{i}", new[] { p.Item1, p.Item2 }, random.Next(1, 4))).ToArray());
        file["event"]!["days"]![0]!["end"] = "11:00";
        var published = ReplanFixtures.Solve(ReplanFixtures.Read(file));
        var start = random.Next(0, 3);
        var changed = file.Copy().Busy(People[random.Next(3)], $"{9 + start / 2:00}:{start % 2 * 30:00}", $"{10 + start / 2:00}:{start % 2 * 30:00}")
            .Replan(new JsonObject { ["moveCost"] = random.Next(1, 4), ["dropCost"] = random.Next(0, 3), ["roomChangeCost"] = random.Next(0, 2) * 0.5 });
        return (ReplanFixtures.Read(changed), published);
    }
}
