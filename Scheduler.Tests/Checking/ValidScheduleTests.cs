using Scheduler.Engine.Checking;
using Scheduler.Engine.Domain;
using static Scheduler.Tests.Checking.Conference;

namespace Scheduler.Tests.Checking;

/// <summary>Valid schedules pass, including across DST changes, where every length is real time.</summary>
public sealed class ValidScheduleTests
{
    [Fact]
    public void A_schedule_keeping_every_rule_passes_with_its_totals_recomputed()
    {
        var ev = Event()
            .Person("lacroix", "Jean-Pierre Lacroix", maxPerDay: 2,
                available: [("2021-06-22T08:00", "2021-06-24T18:00")],
                busy: [("2021-06-22T10:00", "2021-06-22T12:00")])
            .Meeting("un-mfa", 45, LacroixRyabkov, m => m
                .Title("UN DPO - Russian MFA").Required().Weight(10).Headcount(8).Features("interpretation")
                .Window("2021-06-22T09:00", "2021-06-23T19:00").Pin("2021-06-22T15:00", "b1").After("un-mod"))
            .Meeting("un-mod", 30, LacroixLavrov, m => m.Weight(5))
            .Meeting("sg-lavrov", 60, GuterresLavrov)
            .Meeting("sg-lacroix", 30, ["guterres", "lacroix"])
            .Meeting("left-out", 30, ["guterres", "ryabkov"]);

        var report = TestSchedule.For(ev, out _)
            .Assign("sg-lavrov", "h1", "2021-06-22T09:00")
            .Assign("un-mod", "b2", "2021-06-22T14:00")
            .Assign("un-mfa", "b1", "2021-06-22T15:00")
            .Assign("sg-lacroix", "h1", "2021-06-23T09:00")
            .Unscheduled("left-out", "guterres has no free 30-minute period")
            .Status(ScheduleStatus.Optimal).Bounds(weight: 17, idleGaps: 2).IdleGaps(2).Check();

        Valid(report);
        Assert.Equal(17, report.ScheduledWeight);
        Assert.Equal(2, report.IdleGaps);
        Assert.Equal(1, report.IdleGapsByParticipant["lacroix"]);
        Assert.Equal(1, report.IdleGapsByParticipant["lavrov"]);
    }

    [Fact]
    public void An_empty_schedule_of_an_event_without_required_meetings_passes()
    {
        var report = TestSchedule.For(Event().Meeting("m1", 30, LacroixRyabkov), out _).Check();

        Valid(report);
        Assert.Equal(0, report.ScheduledWeight);
    }

    private static TestEvent SpringForward(int minutes) => new TestEvent("Europe/Berlin", 30)
        .Day("2021-03-28", "00:00", "06:00")
        .Room("r1")
        .Meeting("night", minutes, LacroixRyabkov, m => m.Title("Night talk"))
        .Meeting("dawn", 30, LacroixRyabkov);

    [Fact]
    public void A_meeting_from_0130_to_0330_on_the_Berlin_spring_change_lasts_one_hour()
    {
        var report = TestSchedule.For(SpringForward(60), out _)
            .Assign("night", "r1", "2021-03-28T01:30", "2021-03-28T03:30").Check();

        Valid(report);
    }

    [Fact]
    public void A_two_hour_meeting_ending_0330_on_the_Berlin_spring_change_is_caught()
    {
        var report = TestSchedule.For(SpringForward(120), out _)
            .Assign("night", "r1", "2021-03-28T01:30", "2021-03-28T03:30").Check();

        var v = Only(report, ValidationRules.WrongEnd);
        Assert.Equal(
            "meeting \"night\" (Night talk) at 2021-03-28 01:30–03:30 ends at 03:30, but its 120-minute duration ends it at 2021-03-28 04:30",
            v.Message);
    }

    [Fact]
    public void The_grain_is_real_time_across_the_Berlin_spring_change()
    {
        // 03:00 local is two real hours after midnight: on the grain; 03:15 is not.
        Valid(TestSchedule.For(SpringForward(60), out _).Assign("dawn", "r1", "2021-03-28T03:00").Check());

        var v = Only(TestSchedule.For(SpringForward(60), out _).Assign("dawn", "r1", "2021-03-28T03:15").Check(), ValidationRules.Grain);
        Assert.StartsWith("meeting \"dawn\" at 2021-03-28 03:15–03:45 starts off the 30-minute grain", v.Message);
    }

    [Fact]
    public void The_hour_skipped_in_spring_holds_no_slot_for_an_idle_gap()
    {
        // 01:30 to 03:00 local is half an hour of real time: one free slot, not three.
        var ev = new TestEvent("Europe/Berlin", 30)
            .Day("2021-03-28", "00:00", "06:00")
            .Room("r1")
            .Meeting("first", 90, LacroixRyabkov)
            .Meeting("long-first", 120, LacroixRyabkov)
            .Meeting("second", 30, LacroixRyabkov);

        var withGap = TestSchedule.For(ev, out _)
            .Assign("first", "r1", "2021-03-28T00:00")
            .Assign("second", "r1", "2021-03-28T03:00").IdleGaps(2).Check();
        var backToBack = TestSchedule.For(ev, out _)
            .Assign("long-first", "r1", "2021-03-28T00:00", "2021-03-28T03:00")
            .Assign("second", "r1", "2021-03-28T03:00").Check();

        Valid(withGap);
        Assert.Equal(1, withGap.IdleGapsByParticipant["lacroix"]);
        Valid(backToBack);
        Assert.Equal(0, backToBack.IdleGaps);
    }

    [Fact]
    public void An_ambiguous_local_time_in_a_message_carries_its_offset()
    {
        // On 2021-10-31 Berlin lives 02:00–03:00 twice; the first 02:45 is 2 h 45 min after midnight, off the grain.
        var ev = new TestEvent("Europe/Berlin", 30)
            .Day("2021-10-31", "00:00", "06:00")
            .Room("r1")
            .Meeting("m", 30, LacroixRyabkov);

        var report = TestSchedule.For(ev, out _).Assign("m", "r1", "2021-10-31T02:45+02:00").Check();

        var v = Only(report, ValidationRules.Grain);
        Assert.Equal(
            "meeting \"m\" at 2021-10-31 02:45+02:00–02:15+01:00 starts off the 30-minute grain counted from the day's start 2021-10-31 00:00",
            v.Message);
    }
}
