using System.Collections.Immutable;
using NodaTime;
using Scheduler.Engine.Domain;
using Scheduler.Engine.Generation;
using Scheduler.Engine.Solving;
using Scheduler.Engine.Solving.Bounds;
using Scheduler.Engine.Time;
using Scheduler.Tests.Checking;
using Scheduler.Tests.Solving;

namespace Scheduler.Tests.Solving.Bounds;

/// <summary>The LP relaxation's weight bound: valid against exhaustive search, tight where the relaxation is integral.</summary>
public sealed class LpBoundTests
{
    private static readonly Duration Limit = Duration.FromSeconds(60);

    internal static LpBoundResult Bound(Event ev, bool requiredAreHard = true, LpRowFamilies? families = null,
        Duration? limit = null, string solverId = "PDLP", CancellationToken cancellationToken = default)
    {
        var grid = TimeGrid.Build(ev);
        var pools = RoomPool.Build(ev, grid);
        var meetings = CandidateBuilder.Build(ev, grid, pools);
        return LpBound.Solve(ev, grid, pools, meetings, limit ?? Limit, requiredAreHard, families, solverId, cancellationToken);
    }

    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int>();
        for (int seed = 1; seed <= 40; seed++) data.Add(seed);
        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void The_bound_is_at_least_the_brute_force_optimum_and_at_most_the_sum_of_weights(int seed)
    {
        var ev = ObjectiveTests.RandomTinyEvent(seed).Build();
        var best = BruteForce.Solve(ev);

        foreach (var (families, solverId) in new[] { (new LpRowFamilies(), "PDLP"), (new LpRowFamilies(), "GLOP"), (new LpRowFamilies(Travel: true, PoolUnions: true), "PDLP") })
        {
            var lp = Bound(ev, families: families, solverId: solverId);

            Assert.Equal(LpBoundStatus.Optimal, lp.Status);
            Assert.InRange(lp.Bound!.Value, best.Weight, ev.Meetings.Sum(m => m.Weight));
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void A_required_meeting_keeps_the_bound_valid_and_never_raises_it(int seed)
    {
        var tiny = ObjectiveTests.RandomTinyEvent(seed).Build();
        var ev = WithRequired(tiny, seed % tiny.Meetings.Length);
        var best = BruteForce.Solve(ev);

        var forced = Bound(ev);
        var free = Bound(ev, requiredAreHard: false);

        Assert.Equal(LpBoundStatus.Optimal, free.Status);
        if (forced.Status == LpBoundStatus.Optimal)
        {
            Assert.InRange(forced.Bound!.Value, Math.Max(0, best.Weight), free.Bound!.Value);
            int required = seed % tiny.Meetings.Length;
            Assert.Equal(1.0, forced.OptionValues[required].Sum(), 4);
        }
        else
        {
            // The relaxation proves no schedule places the required meeting; the brute force must agree.
            Assert.Equal(LpBoundStatus.Infeasible, forced.Status);
            Assert.Equal(-1, best.Weight);
        }
    }

    [Fact]
    public void The_bound_equals_the_optimum_when_the_relaxation_is_integral()
    {
        // One room, one half-hour slot, two meetings of disjoint people: the room row alone decides, x is 0/1.
        var ev = new TestEvent("Europe/Moscow", 30).Day("2021-06-22", "09:00", "09:30").Room("r1")
            .Meeting("ab", 30, ["a", "b"], m => m.Weight(3))
            .Meeting("cd", 30, ["c", "d"], m => m.Weight(5))
            .Build();

        var lp = Bound(ev);

        Assert.Equal(5, lp.Bound);
        Assert.Equal(BruteForce.Solve(ev).Weight, lp.Bound);
        Assert.Equal([0.0, 1.0], lp.OptionValues.Select(v => Math.Round(v.Single(), 4)));
    }

    [Fact]
    public void An_after_order_that_cannot_hold_keeps_both_meetings_out_of_the_bound()
    {
        // "ab" fits only at 10:00, "cd" only at 09:00 and after "ab": both placed would break the order, so one of them.
        var ev = new TestEvent("Europe/Moscow", 30).Day("2021-06-22", "09:00", "10:30").Room("r1").Room("r2")
            .Meeting("ab", 30, ["a", "b"], m => m.Weight(3).Window("2021-06-22T10:00", "2021-06-22T10:30"))
            .Meeting("cd", 30, ["c", "d"], m => m.Weight(2).Window("2021-06-22T09:00", "2021-06-22T09:30").After("ab"))
            .Build();

        var lp = Bound(ev);

        Assert.Equal(3, lp.Bound);
        Assert.Equal(BruteForce.Solve(ev).Weight, lp.Bound);
    }

    [Fact]
    public void A_fractional_optimum_is_rounded_down_to_a_whole_weight()
    {
        // Three people who all want to meet each other in one slot: the LP puts one half on each meeting (1.5).
        var ev = new TestEvent("Europe/Moscow", 30).Day("2021-06-22", "09:00", "09:30").Room("r1").Room("r2")
            .Meeting("ab", 30, ["a", "b"]).Meeting("bc", 30, ["b", "c"]).Meeting("ca", 30, ["c", "a"])
            .Build();

        var lp = Bound(ev);

        Assert.Equal(1.5, lp.Objective!.Value, 4);
        Assert.Equal(1, lp.Bound);
    }

    [Fact]
    public void A_required_meeting_is_forced_into_the_relaxation()
    {
        // a can attend one of the two meetings; the required one is worth less.
        var ev = new TestEvent("Europe/Moscow", 30).Day("2021-06-22", "09:00", "09:30").Room("r1").Room("r2")
            .Meeting("ab", 30, ["a", "b"], m => m.Required().Weight(1))
            .Meeting("ac", 30, ["a", "c"], m => m.Weight(10))
            .Build();

        Assert.Equal(1, Bound(ev).Bound);
        Assert.Equal(10, Bound(ev, requiredAreHard: false).Bound);
    }

    [Fact]
    public void A_required_meeting_without_any_option_makes_the_relaxation_infeasible()
    {
        var ev = new TestEvent("Europe/Moscow", 30).Day("2021-06-22", "09:00", "09:30").Room("r1", capacity: 2)
            .Meeting("abc", 30, ["a", "b", "c"], m => m.Required())
            .Build();

        var lp = Bound(ev);

        Assert.Equal(LpBoundStatus.Infeasible, lp.Status);
        Assert.Null(lp.Bound);
    }

    [Fact]
    public void A_cancelled_token_returns_no_bound()
    {
        var ev = ConferenceGenerator.Generate(new ConferenceOptions { Delegates = 120, Requests = 110, Rooms = 6 });
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        var lp = Bound(ev, cancellationToken: cts.Token);

        Assert.Equal(LpBoundStatus.Cancelled, lp.Status);
        Assert.Null(lp.Bound);
        Assert.True(lp.OptionValues.IsEmpty);
    }

    [Fact]
    public void Cancelling_once_the_rows_are_built_returns_no_bound()
    {
        // Cancelled at the point the LP solver starts (a timer raced the solve and lost on a fast, loaded machine).
        var ev = ConferenceGenerator.Generate(new ConferenceOptions { Delegates = 120, Requests = 110, Rooms = 6 });
        var grid = TimeGrid.Build(ev);
        var pools = RoomPool.Build(ev, grid);
        var meetings = CandidateBuilder.Build(ev, grid, pools);
        using var cts = new CancellationTokenSource();

        var lp = LpBound.Solve(ev, grid, pools, meetings, Limit, requiredAreHard: true, families: null, solverId: "PDLP",
            cts.Token, solveStarting: cts.Cancel);

        Assert.Equal(LpBoundStatus.Cancelled, lp.Status);
        Assert.Null(lp.Bound);
        Assert.True(lp.Rows > 0);
    }

    [Fact]
    public void A_time_limit_too_short_for_the_relaxation_gives_no_bound()
    {
        var ev = ConferenceGenerator.Generate(new ConferenceOptions());

        var lp = Bound(ev, limit: Duration.FromMilliseconds(1));

        Assert.Equal(LpBoundStatus.TimedOut, lp.Status);
        Assert.Null(lp.Bound);
    }

    private static Event WithRequired(Event ev, int index)
    {
        var meetings = ev.Meetings.Select((m, i) => i == index ? m with { Required = true } : m).ToImmutableArray();
        return new Event(ev.Name, ev.Zone, ev.Grain, ev.Days, ev.Breaks, ev.Buildings, ev.TravelTimes, ev.Rooms,
            ev.Delegations, ev.Participants, meetings, ev.Objective, ev.Interpreters);
    }
}
