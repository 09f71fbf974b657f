using System.Collections.Immutable;
using Google.OrTools.Sat;
using NodaTime;
using Scheduler.Engine.Checking;
using Scheduler.Engine.Domain;
using Scheduler.Engine.Solving;
using Scheduler.Engine.Solving.Search;
using Scheduler.Tests.Checking;

namespace Scheduler.Tests.Solving;

/// <summary>
/// Each rule of <see cref="ModelBuilder"/> on its own: a placement that breaks only that rule makes the model
/// infeasible, and the same placement moved to keep it is feasible. And the idle-gap encoding counts what the
/// validator counts, on random placements.
/// </summary>
public sealed class ModelRuleTests
{
    /// <summary>Whether the hard model of <paramref name="ev"/> admits the placements (meeting, local start, building or null).</summary>
    private static bool Admits(Event ev, ModelScope scope, params (string Meeting, string Start, string? Building)[] placements)
    {
        var problem = SchedulingProblem.Build(ev);
        var sm = ModelBuilder.Build(problem, scope);
        var model = sm.Fork();
        foreach (var (id, start, building) in placements)
        {
            var m = problem.Meetings.Single(x => x.Meeting.Id == id);
            int slot = problem.Grid.SlotStartingAt(LocalStart(ev, start)) ?? throw new InvalidOperationException($"{start} is no slot");
            var chosen = Enumerable.Range(0, m.Options.Length)
                .Where(k => m.Options[k].Start == slot && (building is null || m.Groups[m.Options[k].Group].Building == building))
                .Select(k => (ILiteral)sm.X[m.Index][k]).ToList();
            if (chosen.Count == 0) return false; // pruned before the model: not admitted either
            model.AddBoolOr(chosen);
        }
        var outcome = CpSatSearch.Run(model, new CpSatSettings { Workers = 1, Seed = 0, MaxSeconds = 30 },
            new SearchClock(new SolveOptions { TimeLimit = Duration.FromSeconds(60) }, CancellationToken.None));
        Assert.True(outcome.Status != CpSolverStatus.Unknown, "a tiny model must be decided");
        return outcome.HasSolution;
    }

    private static Instant LocalStart(Event ev, string local) =>
        NodaTime.Text.LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd'T'HH:mm").Parse(local).Value.InZoneStrictly(ev.Zone).ToInstant();

    private static TestEvent Day() => new TestEvent("Europe/Moscow", 30).Day("2021-06-22", "09:00", "12:00");

    [Fact]
    public void A_participant_is_in_one_meeting_at_a_time()
    {
        var ev = Day().Room("r1").Room("r2")
            .Meeting("a", 60, ["p", "q"]).Meeting("b", 60, ["p", "s"]).Build();

        Assert.False(Admits(ev, ModelScope.Hard, ("a", "2021-06-22T09:00", null), ("b", "2021-06-22T09:30", null)));
        Assert.True(Admits(ev, ModelScope.Hard, ("a", "2021-06-22T09:00", null), ("b", "2021-06-22T10:00", null)));
    }

    [Fact]
    public void Travel_between_buildings_keeps_a_participant_s_meetings_apart()
    {
        var ev = Day().Building("x").Building("y").Travel("x", "y", 30)
            .Room("rx", building: "x").Room("ry", building: "y")
            .Meeting("a", 30, ["p", "q"]).Meeting("b", 30, ["p", "s"]).Build();

        Assert.False(Admits(ev, ModelScope.Hard, ("a", "2021-06-22T09:00", "x"), ("b", "2021-06-22T09:30", "y")));
        Assert.True(Admits(ev, ModelScope.Hard, ("a", "2021-06-22T09:00", "x"), ("b", "2021-06-22T09:30", "x")));
        Assert.True(Admits(ev, ModelScope.Hard, ("a", "2021-06-22T09:00", "x"), ("b", "2021-06-22T10:00", "y")));
    }

    [Fact]
    public void A_pool_of_rooms_holds_no_more_meetings_than_it_has_rooms()
    {
        var ev = Day().Room("r1").Room("r2")
            .Meeting("a", 60, ["p1", "q1"]).Meeting("b", 60, ["p2", "q2"]).Meeting("c", 60, ["p3", "q3"]).Build();

        Assert.False(Admits(ev, ModelScope.Hard, ("a", "2021-06-22T09:00", null), ("b", "2021-06-22T09:00", null), ("c", "2021-06-22T09:30", null)));
        Assert.True(Admits(ev, ModelScope.Hard, ("a", "2021-06-22T09:00", null), ("b", "2021-06-22T09:00", null), ("c", "2021-06-22T10:00", null)));
    }

    [Fact]
    public void Rooms_taken_outside_the_model_count_against_the_pool()
    {
        var ev = Day().Room("r1").Room("r2").Meeting("a", 60, ["p1", "q1"]).Meeting("b", 60, ["p2", "q2"]).Build();
        var problem = SchedulingProblem.Build(ev);
        var taken = problem.Pools.Select(_ => new int[problem.Grid.SlotCount]).ToArray();
        taken[0][0] = 1; // one room of the only pool held at 09:00-09:30
        var scope = new ModelScope { PoolOccupancy = taken };

        Assert.False(Admits(ev, scope, ("a", "2021-06-22T09:00", null), ("b", "2021-06-22T09:00", null)));
        Assert.True(Admits(ev, scope, ("a", "2021-06-22T09:00", null), ("b", "2021-06-22T09:30", null)));
    }

    [Fact]
    public void A_daily_limit_counts_the_model_s_meetings_and_those_held_outside_it()
    {
        var ev = Day().Room("r1").Person("p", maxPerDay: 2)
            .Meeting("a", 30, ["p", "q1"]).Meeting("b", 30, ["p", "q2"]).Meeting("c", 30, ["p", "q3"]).Build();
        int p = Array.FindIndex(ev.Participants.ToArray(), x => x.Id == "p");

        Assert.False(Admits(ev, ModelScope.Hard, ("a", "2021-06-22T09:00", null), ("b", "2021-06-22T09:30", null), ("c", "2021-06-22T10:00", null)));
        Assert.True(Admits(ev, ModelScope.Hard, ("a", "2021-06-22T09:00", null), ("b", "2021-06-22T09:30", null)));
        var oneHeld = new ModelScope { DailyTaken = new Dictionary<(int, int), int> { [(p, 0)] = 1 } };
        Assert.False(Admits(ev, oneHeld, ("a", "2021-06-22T09:00", null), ("b", "2021-06-22T09:30", null)));
    }

    [Fact]
    public void An_after_order_starts_the_follow_up_no_earlier_than_the_end_of_its_predecessor()
    {
        var ev = Day().Room("r1").Room("r2")
            .Meeting("first", 60, ["p", "q"]).Meeting("then", 30, ["s", "t"], m => m.After("first")).Build();

        Assert.False(Admits(ev, ModelScope.Hard, ("first", "2021-06-22T09:00", null), ("then", "2021-06-22T09:30", null)));
        Assert.True(Admits(ev, ModelScope.Hard, ("first", "2021-06-22T09:00", null), ("then", "2021-06-22T10:00", null)));
    }

    [Fact]
    public void Required_and_forced_meetings_are_scheduled_and_soft_required_ones_may_be_left_out()
    {
        // Two meetings of p that both only fit 09:00-10:00: not both can be held.
        var ev = Day().Room("r1").Room("r2")
            .Meeting("a", 60, ["p", "q"], m => m.Required().Window("2021-06-22T09:00", "2021-06-22T10:00"))
            .Meeting("b", 60, ["p", "s"], m => m.Window("2021-06-22T09:00", "2021-06-22T10:00")).Build();
        int b = Array.FindIndex(ev.Meetings.ToArray(), m => m.Id == "b");

        Assert.False(Admits(ev, ModelScope.Hard, ("b", "2021-06-22T09:00", null)));
        Assert.True(Admits(ev, ModelScope.RequiredSoft, ("b", "2021-06-22T09:00", null)));
        Assert.False(Admits(ev, new ModelScope { RequiredAreHard = false, Forced = ImmutableHashSet.Create(b) }, ("a", "2021-06-22T09:00", null)));
    }

    [Fact]
    public void The_idle_gap_encoding_counts_what_the_validator_counts_on_random_placements()
    {
        var random = new Random(11);
        int compared = 0;
        for (int round = 0; round < 30; round++)
        {
            var builder = new TestEvent("Europe/Moscow", 30).Day("2021-06-22", "09:00", "13:00").Break("Coffee", "11:00", "11:30")
                .Room("r1").Room("r2").Room("r3");
            for (int i = 0; i < 7; i++)
            {
                var who = Enumerable.Range(0, 6).OrderBy(_ => random.Next()).Take(2).Select(x => $"p{x}").ToArray();
                builder.Meeting($"m{i}", 30, who);
            }
            var ev = builder.Build();
            var problem = SchedulingProblem.Build(ev);
            var sm = ModelBuilder.Build(problem, ModelScope.Hard with { IdleGaps = true });
            var model = sm.Fork();
            // Random placements: each meeting at a random option or left out; the model must accept or refuse, and
            // when it accepts, its gap count must equal the validator's.
            foreach (var m in problem.Meetings)
            {
                if (random.Next(3) == 0) { model.Add(sm.Scheduled[m.Index]! == 0); continue; }
                model.Add(sm.X[m.Index][random.Next(m.Options.Length)] == 1);
            }
            var outcome = CpSatSearch.Run(model, new CpSatSettings { Workers = 1, Seed = 0, MaxSeconds = 30 },
                new SearchClock(new SolveOptions { TimeLimit = Duration.FromSeconds(60) }, CancellationToken.None));
            if (!outcome.HasSolution) continue; // two meetings of one person at once: the placement breaks a rule
            var placements = ReadBack.Placements(sm, outcome.Value);
            var assignments = ReadBack.AssignRooms(ev, problem.Grid, problem.Pools, placements);
            var placed = assignments.Select(a => a.Meeting).ToHashSet();
            var schedule = new Schedule(ev.Name, ScheduleStatus.Feasible, placed.Count, null, 0, null, assignments,
                [.. ev.Meetings.Where(m => !placed.Contains(m.Id)).Select(m => new UnscheduledMeeting(m.Id, "left out"))]);

            var counted = ScheduleValidator.Check(ev, schedule).IdleGaps;

            Assert.Equal(counted, ModelGaps(sm, outcome));
            compared++;
        }
        Assert.True(compared >= 8, $"only {compared} random placements kept the rules");
    }

    private static int ModelGaps(SchedulingModel sm, SearchOutcome outcome)
    {
        var (copy, gaps) = sm.ForkWithIdleGaps();
        foreach (var m in sm.Meetings)
            for (int k = 0; k < m.Options.Length; k++) copy.Add(sm.X[m.Index][k] == (outcome.Value(sm.X[m.Index][k]) ? 1 : 0));
        copy.Minimize(gaps);
        var fixedRun = CpSatSearch.Run(copy, new CpSatSettings { Workers = 1, Seed = 0, MaxSeconds = 30 },
            new SearchClock(new SolveOptions { TimeLimit = Duration.FromSeconds(60) }, CancellationToken.None));
        Assert.Equal(CpSolverStatus.Optimal, fixedRun.Status);
        // The count is fixed by the placements: the maximum must equal the minimum.
        copy.Maximize(gaps);
        var maxRun = CpSatSearch.Run(copy, new CpSatSettings { Workers = 1, Seed = 0, MaxSeconds = 30 },
            new SearchClock(new SolveOptions { TimeLimit = Duration.FromSeconds(60) }, CancellationToken.None));
        Assert.Equal(fixedRun.Objective, maxRun.Objective);
        return (int)fixedRun.Objective;
    }
}
