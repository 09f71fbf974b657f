using Scheduler.Engine.Checking;
using Scheduler.Engine.Domain;
using static Scheduler.Tests.Checking.Conference;

namespace Scheduler.Tests.Checking;

/// <summary>Rules about the schedule as a whole: every meeting exactly once, known ids, required meetings, totals, bounds, status.</summary>
public sealed class ScheduleTotalsTests
{
    private static TestEvent TwoMeetings(Action<TestMeeting>? first = null) => Event()
        .Meeting("m1", 45, LacroixRyabkov, m =>
        {
            m.Title("First").Weight(10);
            first?.Invoke(m);
        })
        .Meeting("m2", 45, GuterresLavrov, m => m.Weight(5));

    [Fact]
    public void An_assignment_of_a_meeting_the_event_lacks_is_caught()
    {
        var report = TestSchedule.For(TwoMeetings(), out _).Assign("ghost", "b1", "2021-06-22T10:00").Check();

        var v = Only(report, ValidationRules.UnknownMeeting);
        Assert.Equal("assignment 0 names meeting \"ghost\" (room \"b1\" at 2021-06-22 10:00–10:15), which the event does not have", v.Message);
    }

    [Fact]
    public void An_unscheduled_entry_of_a_meeting_the_event_lacks_is_caught()
    {
        var report = TestSchedule.For(TwoMeetings(), out _).Unscheduled("ghost").Check();

        var v = Only(report, ValidationRules.UnknownMeeting);
        Assert.Equal("unscheduled entry 0 names meeting \"ghost\", which the event does not have", v.Message);
    }

    [Fact]
    public void An_assignment_to_a_room_the_event_lacks_is_caught()
    {
        var report = TestSchedule.For(TwoMeetings(), out _).Assign("m1", "b9", "2021-06-22T10:00").Check();

        var v = Only(report, ValidationRules.UnknownRoom);
        Assert.Equal("meeting \"m1\" (First) at 2021-06-22 10:00–10:45 is in room \"b9\", which the event does not have", v.Message);
    }

    [Fact]
    public void A_meeting_both_assigned_and_unscheduled_is_caught()
    {
        var report = TestSchedule.For(TwoMeetings(), out _)
            .Assign("m1", "b1", "2021-06-22T10:00")
            .Unscheduled("m1").Check();

        var v = Only(report, ValidationRules.DuplicateMeeting);
        Assert.Equal("meeting \"m1\" (First) appears 2 times (1 in assignments, 1 in unscheduled); it must appear exactly once", v.Message);
    }

    [Fact]
    public void A_meeting_in_neither_list_is_caught()
    {
        var report = TestSchedule.For(TwoMeetings(), out _).Omit("m2").Check();

        var v = Only(report, ValidationRules.LostMeeting);
        Assert.Equal("meeting \"m2\" appears neither in assignments nor in unscheduled", v.Message);
    }

    [Fact]
    public void An_unscheduled_required_meeting_is_caught()
    {
        var report = TestSchedule.For(TwoMeetings(m => m.Required()), out _).Assign("m2", "b1", "2021-06-22T10:00").Check();

        var v = Only(report, ValidationRules.Required);
        Assert.Equal("required meeting \"m1\" (First) is not scheduled", v.Message);
    }

    [Fact]
    public void An_infeasible_schedule_still_reports_its_unscheduled_required_meeting()
    {
        var report = TestSchedule.For(TwoMeetings(m => m.Required()), out _).Status(ScheduleStatus.Infeasible).Check();

        Only(report, ValidationRules.Required);
    }

    [Fact]
    public void An_infeasible_status_with_every_required_meeting_scheduled_is_caught()
    {
        var report = TestSchedule.For(TwoMeetings(m => m.Required()), out _)
            .Assign("m1", "b1", "2021-06-22T10:00")
            .Status(ScheduleStatus.Infeasible).Check();

        var v = Only(report, ValidationRules.Status);
        Assert.Equal("status is infeasible, but every required meeting is scheduled", v.Message);
    }

    [Fact]
    public void A_scheduled_weight_other_than_the_sum_is_caught()
    {
        var report = TestSchedule.For(TwoMeetings(), out _)
            .Assign("m1", "b1", "2021-06-22T10:00")
            .Assign("m2", "b2", "2021-06-22T10:00")
            .Weight(10).Check();

        var v = Only(report, ValidationRules.WeightMismatch);
        Assert.Equal("scheduledWeight is 10, but the assigned meetings' weights sum to 15", v.Message);
        Assert.Equal(15, report.ScheduledWeight);
    }

    [Fact]
    public void An_idle_gap_total_other_than_the_recount_is_caught()
    {
        var ev = TwoMeetings().Meeting("m3", 30, LacroixRyabkov);

        var report = TestSchedule.For(ev, out _)
            .Assign("m1", "b1", "2021-06-22T10:00")
            .Assign("m3", "b1", "2021-06-22T11:00").Check();

        var v = Only(report, ValidationRules.IdleGapsMismatch);
        Assert.Equal("idleGaps is 0, but the schedule has 2 idle gaps (\"lacroix\" 1, \"ryabkov\" 1)", v.Message);
    }

    [Fact]
    public void A_weight_bound_below_the_weight_is_caught()
    {
        var report = TestSchedule.For(TwoMeetings(), out _)
            .Assign("m1", "b1", "2021-06-22T10:00")
            .Bounds(weight: 9, idleGaps: 0)
            .Status(ScheduleStatus.Optimal).Check();

        var v = Only(report, ValidationRules.Bound);
        Assert.Equal("weightBound 9 is below the scheduled weight 10", v.Message);
    }

    [Fact]
    public void An_idle_gap_bound_above_the_idle_gaps_is_caught()
    {
        var report = TestSchedule.For(TwoMeetings(), out _)
            .Assign("m1", "b1", "2021-06-22T10:00")
            .Bounds(weight: 15, idleGaps: 1).Check();

        var v = Only(report, ValidationRules.Bound);
        Assert.Equal("idleGapsBound 1 is above the schedule's 0 idle gaps", v.Message);
    }

    [Fact]
    public void Bounds_of_a_schedule_without_a_valid_solution_are_not_held_against_it()
    {
        var report = TestSchedule.For(TwoMeetings(), out _)
            .Assign("m1", "b1", "2021-06-22T10:00")
            .Bounds(weight: 9, idleGaps: 1)
            .Status(ScheduleStatus.Unknown).Check();

        Valid(report);
    }

    [Fact]
    public void An_idle_gap_spread_over_the_cap_is_caught()
    {
        // lacroix and ryabkov have one gap each; guterres and lavrov, named only by an unscheduled meeting, have none.
        var ev = TwoMeetings().Meeting("m3", 30, LacroixRyabkov).Objective(maxIdleGapSpread: 0);

        var report = TestSchedule.For(ev, out _)
            .Assign("m1", "b1", "2021-06-22T10:00")
            .Assign("m3", "b1", "2021-06-22T11:00")
            .IdleGaps(2).Check();

        var v = Only(report, ValidationRules.IdleGapSpread);
        Assert.Equal(
            "participant \"lacroix\" (Jean-Pierre Lacroix) has 1 idle gap and participant \"guterres\" (António Guterres) has 0: a spread of 1, more than the 0 allowed",
            v.Message);
    }

    [Fact]
    public void An_idle_gap_spread_within_the_cap_passes()
    {
        var ev = TwoMeetings().Meeting("m3", 30, LacroixRyabkov).Objective(maxIdleGapSpread: 1);

        var report = TestSchedule.For(ev, out _)
            .Assign("m1", "b1", "2021-06-22T10:00")
            .Assign("m3", "b1", "2021-06-22T11:00")
            .IdleGaps(2).Check();

        Valid(report);
    }

    [Fact]
    public void Violations_are_ordered_by_rule_then_meeting_then_time()
    {
        var ev = TwoMeetings().Meeting("m0", 45, ["a", "b"]);

        var report = TestSchedule.For(ev, out _)
            .Assign("m2", "b1", "2021-06-22T10:05")
            .Assign("m1", "b1", "2021-06-22T12:30")
            .Assign("m0", "b1", "2021-06-22T12:35")
            .Omit("m2").Unscheduled("ghost").Check();

        Assert.Equal(
            ["unknown-meeting", "grain", "grain", "break", "break", "room-overlap"],
            report.Violations.Select(v => v.Rule));
        Assert.StartsWith("meeting \"m0\"", report.Violations[1].Message);
        Assert.StartsWith("meeting \"m2\"", report.Violations[2].Message);
        Assert.StartsWith("meeting \"m0\"", report.Violations[3].Message);
        Assert.StartsWith("meeting \"m1\"", report.Violations[4].Message);
    }

    [Fact]
    public void Every_rule_code_is_kebab_case_and_listed_once()
    {
        Assert.Equal(ValidationRules.All.Length, ValidationRules.All.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ValidationRules.All, r => Assert.Matches("^[a-z]+(-[a-z]+)*$", r));
    }
}
