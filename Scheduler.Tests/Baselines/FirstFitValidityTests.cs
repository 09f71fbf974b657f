using System.Collections.Immutable;
using Scheduler.Engine.Baselines;
using Scheduler.Engine.Checking;
using Scheduler.Engine.Domain;
using Scheduler.Engine.Generation;
using Scheduler.Engine.Time;
using Scheduler.Tests.Generation;
using static Scheduler.Tests.Baselines.TinyEvent;

namespace Scheduler.Tests.Baselines;

/// <summary>First fit's schedules, checked by the independent validator: every hard rule must hold.</summary>
public sealed class FirstFitValidityTests
{
    /// <summary>The first-fit result as a schedule, with the idle gaps the validator counts.</summary>
    private static (FirstFitResult Result, ValidationReport Report) Check(Event ev)
    {
        var ff = FirstFit.Run(ev, TimeGrid.Build(ev));
        var unscheduled = ff.Unplaced.Select(id => new UnscheduledMeeting(id, "no place")).ToImmutableArray();
        var draft = new Schedule(ev.Name, ScheduleStatus.Feasible, ff.ScheduledWeight, null, 0, null, ff.Assignments, unscheduled);
        var schedule = draft with { IdleGaps = ScheduleValidator.Check(ev, draft).IdleGaps };
        return (ff, ScheduleValidator.Check(ev, schedule));
    }

    private static void AssertValid(ValidationReport report) =>
        Assert.True(report.IsValid, string.Join("\n", report.Violations.Take(10)));

    public static TheoryData<int> Seeds => [1, 2, 3];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void First_fit_on_a_generated_conference_keeps_every_rule(int seed)
    {
        var (ff, report) = Check(ConferenceGenerator.Generate(GeneratorTests.SmallConference with { Seed = seed }));
        AssertValid(report);
        Assert.True(ff.Assignments.Length > 0);
    }

    [Fact]
    public void First_fit_on_the_full_conference_keeps_every_rule_and_places_every_required_meeting()
    {
        var ev = ConferenceGenerator.Generate(new ConferenceOptions());
        var (ff, report) = Check(ev);
        AssertValid(report);
        Assert.DoesNotContain(ff.Unplaced, id => ev.FindMeeting(id)!.Required);
        // The generated pins and follow-ups are exercised, not skipped.
        Assert.Contains(ff.Assignments, a => ev.FindMeeting(a.Meeting)!.Pin is not null);
        Assert.Contains(ff.Assignments, a => !ev.FindMeeting(a.Meeting)!.After.IsEmpty);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void First_fit_on_a_generated_fair_keeps_every_rule(int seed)
    {
        var (ff, report) = Check(TradeFairGenerator.Generate(GeneratorTests.SmallFair with { Seed = seed }));
        AssertValid(report);
        Assert.True(ff.Assignments.Length > 0);
    }

    [Fact]
    public void First_fit_on_the_full_fair_keeps_every_rule()
    {
        var (ff, report) = Check(TradeFairGenerator.Generate(new TradeFairOptions()));
        AssertValid(report);
        Assert.Equal(ff.ScheduledWeight, report.ScheduledWeight);
    }

    [Fact]
    public void First_fit_with_pins_after_and_travel_keeps_every_rule()
    {
        var ev = new TinyEvent().Days(2, 9, 13).Break(11, 0, 11, 30)
            .Building("north").Building("south").Travel("north", "south", 30)
            .Room("n1", 4, "north", ["secure"]).Room("n2", 2, "north").Room("s1", 6, "south", ["interpretation"], Between(9, 0, 10, 0))
            .Person("a", maxPerDay: 2).Person("b", busy: [Between(9, 30, 10, 30)])
            .Person("c", available: [Between(9, 0, 13, 0, day: 1)])
            .Meeting("pinned", ["a", "b"], pin: new MeetingPin(At(10, 30), "s1"), features: ["interpretation"])
            .Meeting("intro", ["a", "c"], minutes: 60, weight: 3)
            .Meeting("follow", ["a", "c"], after: ["intro"], weight: 8)
            .Meeting("vault", ["b", "d", "e"], features: ["secure"], weight: 5, required: true)
            .Meeting("long", ["d", "e"], minutes: 90, weight: 4)
            .Meeting("third", ["a", "d"], weight: 2)
            .Meeting("fourth", ["a", "e"], weight: 2)
            .Meeting("crowd", ["a", "b", "c", "d", "e"], headcount: 7)
            .Build();
        var (ff, report) = Check(ev);
        AssertValid(report);
        // "a" may meet twice a day and is asked five times: "third" loses the tie to "fourth" (same weight, id).
        Assert.Equal(["third", "crowd"], ff.Unplaced.ToArray());
        var at = ff.Assignments.ToDictionary(a => a.Meeting);
        Assert.True(at["follow"].Start >= at["intro"].End);
    }
}
