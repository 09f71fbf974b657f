using Scheduler.Engine.Domain;
using Scheduler.Engine.Solving;
using Scheduler.Engine.Solving.Phases.Local;
using Scheduler.Engine.Solving.Search;
using Scheduler.Tests.Checking;
using static Scheduler.Tests.Solving.Solver;

namespace Scheduler.Tests.Solving.Local;

/// <summary>
/// Kempe chains of the gap walk: a chain moves the meetings that a single move would double-book, keeps every hard
/// rule, and changes nothing when it cannot be completed.
/// </summary>
public sealed class GapChainsTests
{
    // One morning of four half-hour slots (0 = 09:00 … 3 = 10:30), two rooms: x (a, b) and z (c, d) at 09:00, y (b, c) at 10:00.
    private static (Event Event, SchedulingProblem Problem, List<Placement> Start) Triangle(Action<TestMeeting>? y = null, int yMinutes = 30)
    {
        var ev = new TestEvent("Europe/Moscow", 30).Day("2021-06-22", "09:00", "11:00").Room("r1", 2).Room("r2", 2)
            .Meeting("x", 30, ["a", "b"]).Meeting("y", yMinutes, ["b", "c"], y).Meeting("z", 30, ["c", "d"]).Build();
        var problem = SchedulingProblem.Build(ev);
        return (ev, problem, [At(problem, 0, 0), At(problem, 1, 2), At(problem, 2, 0)]);
    }

    private static Placement At(SchedulingProblem problem, int m, int start)
    {
        var mo = problem.Meetings[m];
        var option = mo.Options.First(o => o.Start == start);
        return new Placement(m, start, mo.Length, mo.Groups[option.Group].Pools[0]);
    }

    private static Dictionary<int, int> Starts(LocalSchedule s) => s.Placements().ToDictionary(p => p.Meeting, p => p.Start);

    [Fact]
    public void A_chain_moves_whoever_the_meeting_would_double_book()
    {
        var (ev, problem, start) = Triangle();
        var s = new LocalSchedule(problem, start);
        s.Begin();

        // x to 10:00 double-books b with y, so y goes to 09:00, where it double-books c with z, so z goes to 10:00.
        Assert.True(new GapChains().Move(s, 0, 2));

        Assert.Equal(new Dictionary<int, int> { [0] = 2, [1] = 0, [2] = 2 }, Starts(s));
        AssertValid(ev, ScheduleOf(problem, s.Placements()));
        Assert.Equal(problem.IdleGapsOf(s.Placements()), s.TotalGaps);
    }

    [Fact]
    public void A_chain_that_breaks_a_window_changes_nothing()
    {
        // y may not start before 10:00, so the chain from x cannot send it to 09:00.
        var (_, problem, start) = Triangle(y => y.Window("2021-06-22T10:00", "2021-06-22T11:00"));
        var s = new LocalSchedule(problem, start);
        var before = Starts(s);
        s.Begin();

        Assert.False(new GapChains().Move(s, 0, 2));

        Assert.Equal(before, Starts(s));
        Assert.Equal(problem.IdleGapsOf(start), s.TotalGaps);
    }

    [Fact]
    public void A_chain_that_meets_a_longer_meeting_changes_nothing()
    {
        // y takes 10:00-11:00: sending it to x's 09:00 slot alone would not free b at 10:30.
        var (_, problem, start) = Triangle(yMinutes: 60);
        var s = new LocalSchedule(problem, start);
        var before = Starts(s);
        s.Begin();

        Assert.False(new GapChains().Move(s, 0, 2));

        Assert.Equal(before, Starts(s));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Random_chains_keep_every_hard_rule_and_the_gap_count(int seed)
    {
        var random = new Random(seed);
        var ev = new TestEvent("Europe/Moscow", 30)
            .Day("2021-06-22", "09:00", "13:00").Day("2021-06-23", "09:00", "13:00")
            .Break("Coffee", "11:00", "11:30")
            .Building("main").Building("hotel").Travel("main", "hotel", 30)
            .Room("m1", 2, "main").Room("m2", 2, "main").Room("m3", 2, "main").Room("h1", 2, "hotel")
            .Objective(null);
        var people = Enumerable.Range(0, 10).Select(i => $"p{i}").ToArray();
        foreach (var (p, i) in people.Select((p, i) => (p, i)))
            ev.Person(p, maxPerDay: i % 3 == 0 ? 3 : null);
        for (int m = 0; m < 24; m++)
        {
            var a = people[random.Next(people.Length)];
            var b = people.Where(x => x != a).ElementAt(random.Next(people.Length - 1));
            ev.Meeting($"m{m:00}", random.Next(5) == 0 ? 60 : 30, [a, b], x =>
            {
                if (m > 0 && random.Next(5) == 0) x.After($"m{random.Next(m):00}");
            });
        }
        var built = ev.Build();
        var problem = SchedulingProblem.Build(built);
        var start = Hints.FirstFit(problem);
        var s = new LocalSchedule(problem, start);
        var chains = new GapChains();
        int moved = 0;

        for (int i = 0; i < 3000; i++)
        {
            var placed = s.Placements();
            var m = placed[random.Next(placed.Count)].Meeting;
            var options = problem.Meetings[m].Options;
            s.Begin();
            if (chains.Move(s, m, options[random.Next(options.Length)].Start)) moved++;
        }

        Assert.True(moved > 0, "no chain was ever completed");
        AssertValid(built, ScheduleOf(problem, s.Placements()));
        Assert.Equal(start.Select(p => p.Meeting).Order(), s.Placements().Select(p => p.Meeting).Order());
        Assert.Equal(problem.IdleGapsOf(s.Placements()), s.TotalGaps);
    }
}
