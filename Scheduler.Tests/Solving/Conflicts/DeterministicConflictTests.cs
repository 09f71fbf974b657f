using NodaTime;
using Scheduler.Engine.Solving;
using Scheduler.Engine.Solving.Conflicts;
using Scheduler.Engine.Time;
using Scheduler.Tests.Checking;

namespace Scheduler.Tests.Solving.Conflicts;

/// <summary>
/// The conflict search of a deterministic solve spends CP-SAT's deterministic time, not the wall clock's, so the
/// conflicts it reports cannot depend on how busy the machine was.
/// </summary>
public sealed class DeterministicConflictTests
{
    [Fact]
    public void A_deterministic_budget_is_not_spent_by_waiting()
    {
        var budget = new ConflictFinder.Budget(Duration.FromMilliseconds(200), deterministic: true);
        var wall = new ConflictFinder.Budget(Duration.FromMilliseconds(200));

        Thread.Sleep(300);

        Assert.True(budget.ForCheck().Deterministic);
        Assert.Equal(Duration.FromMilliseconds(200), budget.ForFirstCheck().Seconds);
        Assert.False(wall.ForCheck().Deterministic);
        Assert.True(wall.ForCheck().Seconds <= Duration.Zero);
    }

    [Fact]
    public void A_deterministic_budget_is_spent_by_the_work_the_checks_report()
    {
        var budget = new ConflictFinder.Budget(Duration.FromSeconds(4), deterministic: true);

        budget.ForCheck().Charge!(3.5);

        Assert.Equal(Duration.FromSeconds(0.5), budget.ForCheck().Seconds);
    }

    [Fact]
    public void The_deterministic_search_finds_the_same_minimal_conflict_as_the_wall_clock_search()
    {
        var ev = new TestEvent("Europe/Moscow", 30).Day("2021-06-22", "09:00", "10:00").Room("r1").Room("r2")
            .Person("a", name: "Anna Petrova", maxPerDay: 1)
            .Meeting("ab", 30, ["a", "b"], m => m.Required())
            .Meeting("ac", 30, ["a", "c"], m => m.Required())
            .Meeting("de", 30, ["d", "e"], m => m.Required())
            .Build();
        var grid = TimeGrid.Build(ev);
        var pools = RoomPool.Build(ev, grid);
        var meetings = CandidateBuilder.Build(ev, grid, pools);

        var wall = ConflictFinder.Find(ev, grid, pools, meetings, Duration.FromSeconds(10), CancellationToken.None);
        var deterministic = ConflictFinder.Find(ev, grid, pools, meetings, Duration.FromSeconds(10), CancellationToken.None, deterministic: true);

        var conflict = Assert.Single(deterministic);
        Assert.Equal(["ab", "ac"], conflict.Meetings.ToArray());
        Assert.True(conflict.Minimal);
        Assert.Equal(Assert.Single(wall).Meetings.ToArray(), conflict.Meetings.ToArray());
        Assert.Equal(Assert.Single(wall).Rule, conflict.Rule);
    }
}
