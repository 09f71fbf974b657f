using System.Globalization;
using Scheduler.Engine.Domain;
using Scheduler.Tests.Checking;
using static Scheduler.Tests.Solving.Solver;

namespace Scheduler.Tests.Solving;

/// <summary>The lexicographic objective (weight, then idle gaps) against exhaustive enumeration on tiny random events.</summary>
public sealed class ObjectiveTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public void The_solver_finds_the_weight_and_idle_gaps_of_the_brute_force_best(int seed)
    {
        var ev = RandomTinyEvent(seed).Build();

        var best = BruteForce.Solve(ev);
        var s = SolveAndValidate(ev);

        Assert.Equal(ScheduleStatus.Optimal, s.Status);
        Assert.Equal((best.Weight, best.IdleGaps), (s.ScheduledWeight, s.IdleGaps));
        Assert.Equal(s.ScheduledWeight, s.WeightBound);
        Assert.Equal(s.IdleGaps, s.IdleGapsBound);
    }

    [Fact]
    public void The_brute_force_sees_that_weight_comes_before_idle_gaps()
    {
        var ev = RoomAndPeopleRuleTests.Morning("10:30").Room("r1")
            .Meeting("ab", 30, ["a", "b"], m => m.Window("2021-06-22T09:00", "2021-06-22T09:30"))
            .Meeting("ac", 30, ["a", "c"], m => m.Window("2021-06-22T10:00", "2021-06-22T10:30"))
            .Build();

        var best = BruteForce.Solve(ev);

        Assert.Equal((2L, 1), (best.Weight, best.IdleGaps));
        Assert.Equal(4, best.ValidSchedules);
    }

    /// <summary>
    /// 3–4 participants, 1–2 rooms, one day of 4–6 half-hour slots, 3–5 meetings of random weight; now and then a
    /// break, a busy period, a late arrival, a daily cap, a window, a feature, two buildings apart, a pin, an
    /// <c>after</c> or an idle-gap spread cap.
    /// </summary>
    internal static TestEvent RandomTinyEvent(int seed)
    {
        var random = new Random(seed);
        bool Chance(double p) => random.NextDouble() < p;
        int slots = random.Next(4, 7);
        string Clock(int slot) => new NodaTime.LocalTime(9, 0).PlusMinutes(30 * slot).ToString("HH:mm", CultureInfo.InvariantCulture);
        string At(int slot) => "2021-06-22T" + Clock(slot);

        var ev = new TestEvent("Europe/Moscow", 30).Day("2021-06-22", "09:00", Clock(slots));
        if (Chance(0.25)) ev.Break("Coffee", Clock(2), Clock(3));

        int rooms = random.Next(1, 3);
        bool apart = rooms == 2 && Chance(0.4);
        if (apart) ev.Building("A").Building("B").Travel("A", "B", 30);
        for (int r = 0; r < rooms; r++)
            ev.Room($"r{r}", capacity: random.Next(2, 4), building: apart ? (r == 0 ? "A" : "B") : null,
                features: Chance(0.3) ? ["x"] : null);

        int people = random.Next(3, 5);
        for (int p = 0; p < people; p++)
        {
            int from = Chance(0.15) ? random.Next(1, slots - 1) : 0;
            int busy = Chance(0.25) ? random.Next(0, slots) : -1;
            ev.Person($"p{p}",
                maxPerDay: Chance(0.2) ? random.Next(1, 3) : null,
                available: from > 0 ? [(At(from), At(slots))] : null,
                busy: busy >= 0 ? [(At(busy), At(busy + 1))] : null);
        }

        int meetings = random.Next(3, 6);
        for (int i = 0; i < meetings; i++)
        {
            var who = Enumerable.Range(0, people).OrderBy(_ => random.Next()).Take(Chance(0.2) ? 3 : 2).Select(p => $"p{p}").ToArray();
            int minutes = Chance(0.7) ? 30 : 60;
            long weight = random.Next(1, 11);
            int windowFrom = Chance(0.2) ? random.Next(0, slots - 1) : -1;
            bool feature = Chance(0.15);
            int after = i > 0 && Chance(0.2) ? random.Next(0, i) : -1;
            int pin = Chance(0.1) ? random.Next(0, slots - minutes / 30 + 1) : -1;
            string? pinRoom = pin >= 0 && Chance(0.5) ? $"r{random.Next(0, rooms)}" : null;
            ev.Meeting($"m{i}", minutes, who, m =>
            {
                m.Weight(weight);
                if (windowFrom >= 0) m.Window(At(windowFrom), At(Math.Min(slots, windowFrom + 3)));
                if (feature) m.Features("x");
                if (after >= 0) m.After($"m{after}");
                if (pin >= 0) m.Pin(At(pin), pinRoom);
            });
        }
        if (Chance(0.4)) ev.Objective(maxIdleGapSpread: random.Next(0, 2));
        return ev;
    }
}
