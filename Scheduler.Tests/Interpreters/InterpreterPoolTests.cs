using Scheduler.Engine.Solving;
using Scheduler.Tests.Solving;
using static Scheduler.Tests.Interpreters.InterpreterEvents;

namespace Scheduler.Tests.Interpreters;

/// <summary>
/// Interchangeable interpreters are one pooled resource in the model; the concrete ones named after the solve must
/// always exist. Pooling is only done where that holds: not with travel, not with a daily limit that can bind.
/// </summary>
public class InterpreterPoolTests
{
    private static readonly string Three = List(Interpreter("i1", "ru fr"), Interpreter("i2", "fr ru"), Interpreter("i3", "ru fr"));

    private static string Crowd(int count, string window) =>
        List([.. Enumerable.Range(1, count).Select(k => Meeting($"m{k}", $"ru{(k - 1) % 6 + 1} {(k <= 3 ? $"fr{k}" : k <= 6 ? $"en{k - 3}" : $"fr{k - 6}")}", extra: window))]);

    private const string Rooms = """[ { "id": "r1", "capacity": 10 }, { "id": "r2", "capacity": 10 }, { "id": "r3", "capacity": 10 }, { "id": "r4", "capacity": 10 } ]""";

    [Fact]
    public void Identical_interpreters_form_one_pool_and_a_binding_limit_or_travel_splits_it()
    {
        Assert.Equal([3], PoolSizes(Build(Three, Crowd(2, ""))));
        var limited = Build(List(Interpreter("i1", "ru fr", """, "maxMinutesPerDay": 60"""), Interpreter("i2", "ru fr", """, "maxMinutesPerDay": 60""")), Crowd(2, ""));
        Assert.Equal([1, 1], PoolSizes(limited));
        // A limit longer than the day never binds, so it does not stop pooling.
        var generous = Build(List(Interpreter("i1", "ru fr", """, "maxMinutesPerDay": 600"""), Interpreter("i2", "ru fr", """, "maxMinutesPerDay": 600""")), Crowd(2, ""));
        Assert.Equal([2], PoolSizes(generous));
        var travelling = Build(Three, Crowd(2, ""), change: root =>
        {
            root["buildings"] = System.Text.Json.Nodes.JsonNode.Parse("""[ { "id": "a" }, { "id": "b" } ]""");
            root["travelMinutes"] = System.Text.Json.Nodes.JsonNode.Parse("""[ { "from": "a", "to": "b", "minutes": 15 } ]""");
        });
        Assert.Equal([1, 1, 1], PoolSizes(travelling));
        // A pinned interpreter stands alone so the pin can hold.
        var pinned = Build(Three, List(Meeting("p", "ru1 fr1", extra: """, "interpreters": ["i2"]""")));
        Assert.Equal([1, 2], PoolSizes(pinned).Order().ToArray());
    }

    [Fact]
    public void A_full_pool_is_assigned_exactly_after_the_solve()
    {
        // Six meetings in one hour with three interchangeable interpreters and four rooms: exactly three at a time.
        var ev = Build(Three, Crowd(6, """, "windows": [ { "start": "2021-06-22T09:00", "end": "2021-06-22T10:00" } ]"""), Rooms);
        var schedule = Solver.SolveAndValidate(ev);
        Assert.Equal(6, schedule.Assignments.Length);
        foreach (var slot in schedule.Assignments.GroupBy(a => a.Start))
            Assert.Equal(3, slot.SelectMany(a => a.Interpreters).Distinct().Count());
    }

    [Fact]
    public void An_overfull_pool_leaves_out_what_it_cannot_hold()
    {
        var ev = Build(Three, Crowd(7, """, "windows": [ { "start": "2021-06-22T09:00", "end": "2021-06-22T10:00" } ]"""), Rooms);
        var schedule = Solver.SolveAndValidate(ev);
        Assert.Equal(6, schedule.Assignments.Length);
    }

    [Fact]
    public void Pooled_placements_always_have_concrete_interpreters()
    {
        // Whatever the pool-feasible placements, the after-solve assignment finds interpreters for all: interval
        // scheduling on identical machines. Placements are stacked to the pool's size at random, then assigned.
        var ev = Build(Three, Crowd(9, ""), Rooms);
        var problem = SchedulingProblem.Build(ev);
        var random = new Random(7);
        for (int round = 0; round < 20; round++)
        {
            var load = new int[problem.Grid.SlotCount];
            var placements = new List<Placement>();
            foreach (var m in problem.Meetings.OrderBy(_ => random.Next()))
            {
                var fits = m.Options.Where(o => Enumerable.Range(o.Start, m.Length).All(t => load[t] < 3)).ToList();
                if (fits.Count == 0) continue;
                var o = fits[random.Next(fits.Count)];
                for (int t = o.Start; t < o.Start + m.Length; t++) load[t]++;
                placements.Add(new Placement(m.Index, o.Start, m.Length, m.Groups[o.Group].Pools[0]));
            }

            var (chosen, left) = InterpreterAssignment.Assign(problem, placements);
            Assert.Empty(left);
            Assert.Equal(placements.Count, chosen.Count);
        }
    }

    private static int[] PoolSizes(Scheduler.Engine.Domain.Event ev) => [.. SchedulingProblem.Build(ev).InterpreterPools.Select(p => p.Size)];
}
