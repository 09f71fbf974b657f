using Scheduler.Engine.Domain;
using Scheduler.Engine.Files;
using Scheduler.Engine.Generation;
using Scheduler.Engine.Solving;
using Scheduler.Tests.Checking;
using Scheduler.Tests.Generation;
using static Scheduler.Tests.Solving.Solver;

namespace Scheduler.Tests.Solving;

/// <summary>Same input, seed and workers give the same file; a stopped search still gives a valid schedule.</summary>
public sealed class DeterminismAndCancellationTests
{
    /// <summary>Many interchangeable optima: 8 people, 3 rooms, a six-slot morning, 14 meetings of weight 1–3.</summary>
    private static Event ManyOptima()
    {
        var random = new Random(42);
        var ev = new TestEvent("Europe/Moscow", 30).Day("2021-06-22", "09:00", "12:00")
            .Room("r1").Room("r2").Room("r3", capacity: 3);
        for (int i = 0; i < 14; i++)
        {
            var who = Enumerable.Range(0, 8).OrderBy(_ => random.Next()).Take(2).Select(p => $"p{p}").ToArray();
            long weight = random.Next(1, 4);
            ev.Meeting($"m{i:00}", 30 * random.Next(1, 3), who, m => m.Weight(weight));
        }
        return ev.Build();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void The_same_event_seed_and_workers_give_the_same_schedule_file(int workers)
    {
        var ev = ManyOptima();

        var first = SolveAndValidate(ev, workers: workers);
        var second = SolveAndValidate(ev, workers: workers);

        Assert.Equal(ScheduleStatus.Optimal, first.Status);
        Assert.Equal(ScheduleFile.Write(first, ev), ScheduleFile.Write(second, ev));
    }

    [Fact]
    public void An_already_cancelled_solve_returns_a_valid_schedule()
    {
        var ev = ManyOptima();
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        var s = MeetingScheduler.Solve(ev, Options(), null, cancelled.Token).Schedule;

        AssertValid(ev, s);
        Assert.NotEqual(ScheduleStatus.Optimal, s.Status);
        Assert.Equal(ev.Meetings.Length, s.Assignments.Length + s.Unscheduled.Length);
    }

    [Fact]
    public void A_solve_cancelled_during_the_search_returns_a_valid_schedule()
    {
        var ev = ConferenceGenerator.Generate(GeneratorTests.SmallConference);
        using var soon = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var s = MeetingScheduler.Solve(ev, Options(seconds: 10), null, soon.Token).Schedule;

        AssertValid(ev, s);
    }

    [Fact]
    public void An_already_cancelled_solve_with_an_unplaceable_required_meeting_is_infeasible()
    {
        var ev = RoomAndPeopleRuleTests.Morning().Room("r1", capacity: 2)
            .Meeting("big", 30, ["a", "b", "c"], m => m.Required())
            .Meeting("ab", 30, ["a", "b"])
            .Build();
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        var s = MeetingScheduler.Solve(ev, Options(), null, cancelled.Token).Schedule;

        AssertValid(ev, s, Engine.Checking.ValidationRules.Required);
        Assert.Equal(ScheduleStatus.Infeasible, s.Status);
        Assert.Contains("seats", s.ReasonFor("big"));
    }
}
