using Scheduler.Engine.Domain;
using Scheduler.Engine.Solving;
using Scheduler.Tests.Checking;
using static Scheduler.Tests.Solving.Conflicts.ConflictChecks;
using static Scheduler.Tests.Solving.Solver;

namespace Scheduler.Tests.Solving.Conflicts;

/// <summary>Minimality proven by solving, on random small events whose required meetings cannot all be held.</summary>
public sealed class ConflictMinimalityTests
{
    /// <summary>
    /// One morning of four 30-minute slots, two rooms (one with interpretation), six people (one with a daily limit),
    /// eight meetings of 30 or 60 minutes, most of them required, some with a window or an interpretation need.
    /// </summary>
    private static Event RandomEvent(int seed)
    {
        var random = new Random(seed);
        var ev = new TestEvent("Europe/Moscow", 30).Day("2021-06-22", "09:00", "11:00")
            .Room("r1", capacity: 4, features: ["interpretation"]).Room("r2", capacity: 4)
            .Person("p0", name: "Person Zero", maxPerDay: 2);
        for (int k = 0; k < 8; k++)
        {
            int a = random.Next(6), b = (a + 1 + random.Next(5)) % 6;
            int minutes = random.Next(3) == 0 ? 60 : 30;
            bool required = random.Next(10) < 7;
            bool early = random.Next(4) == 0;
            bool interpreted = random.Next(4) == 0;
            ev.Meeting($"m{k}", minutes, [$"p{a}", $"p{b}"], m =>
            {
                if (required) m.Required();
                if (early) m.Window("2021-06-22T09:00", "2021-06-22T10:00");
                if (interpreted) m.Features("interpretation");
            });
        }
        return ev.Build();
    }

    [Fact]
    public void Every_conflict_found_on_random_infeasible_events_is_minimal_and_its_meetings_cannot_all_be_held()
    {
        int infeasible = 0;
        for (int seed = 0; seed < 40 && infeasible < 8; seed++)
        {
            var ev = RandomEvent(seed);
            var schedule = MeetingScheduler.Solve(ev, Options()).Schedule;
            if (schedule.Status != ScheduleStatus.Infeasible) continue;
            infeasible++;
            AssertValid(ev, schedule, Scheduler.Engine.Checking.ValidationRules.Required);
            Assert.NotEmpty(schedule.Conflicts);
            var all = schedule.Conflicts.SelectMany(c => c.Meetings).ToList();
            Assert.Equal(all.Count, all.Distinct().Count());
            foreach (var conflict in schedule.Conflicts)
            {
                Assert.Contains(conflict.Rule, ConflictRules.All);
                Assert.All(conflict.Meetings, id => Assert.True(ev.FindMeeting(id)!.Required, id));
                AssertMinimal(ev, conflict);
            }
            // Once the conflicts' meetings are optional, what is left can all be held: no conflict was missed
            // (the events are small enough that a few conflicts cover every clash).
            if (schedule.Conflicts.Length < Scheduler.Engine.Solving.Conflicts.ConflictFinder.MaxConflicts)
            {
                var rest = ev.Meetings.Where(m => m.Required && !all.Contains(m.Id)).Select(m => m.Id);
                var relieved = RequiringOnly(ev, rest);
                var relievedSchedule = MeetingScheduler.Solve(relieved, Options()).Schedule;
                AssertValid(relieved, relievedSchedule);
                Assert.NotEqual(ScheduleStatus.Infeasible, relievedSchedule.Status);
            }
        }
        Assert.True(infeasible >= 4, $"only {infeasible} of the random events were infeasible");
    }
}
