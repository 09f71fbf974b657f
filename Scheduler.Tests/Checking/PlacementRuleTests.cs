using Scheduler.Engine.Checking;
using static Scheduler.Tests.Checking.Conference;

namespace Scheduler.Tests.Checking;

/// <summary>Each rule one assignment keeps on its own: a schedule breaking only that rule is caught and named.</summary>
public sealed class PlacementRuleTests
{
    private const string UnMfa = "meeting \"un-mfa\" (UN DPO - Russian MFA)";

    private static TestEvent WithUnMfa(Action<TestMeeting>? configure = null) =>
        Event().Meeting("un-mfa", 45, LacroixRyabkov, m =>
        {
            m.Title("UN DPO - Russian MFA");
            configure?.Invoke(m);
        });

    [Fact]
    public void An_end_that_is_not_start_plus_duration_is_caught()
    {
        var report = TestSchedule.For(WithUnMfa(), out _)
            .Assign("un-mfa", "b1", "2021-06-22T15:00", "2021-06-22T15:30").Check();

        var v = Only(report, ValidationRules.WrongEnd);
        Assert.Equal($"{UnMfa} at 2021-06-22 15:00–15:30 ends at 15:30, but its 45-minute duration ends it at 2021-06-22 15:45", v.Message);
    }

    [Fact]
    public void A_start_off_the_grain_is_caught()
    {
        var report = TestSchedule.For(WithUnMfa(), out _).Assign("un-mfa", "b1", "2021-06-22T15:05").Check();

        var v = Only(report, ValidationRules.Grain);
        Assert.StartsWith($"{UnMfa} at 2021-06-22 15:05–15:50 starts off the 15-minute grain", v.Message);
    }

    [Fact]
    public void The_grain_is_counted_from_the_days_start()
    {
        var ev = new TestEvent("Europe/Moscow", 15).Day("2021-06-22", "09:10", "19:00").Room("b1").Meeting("m", 30, LacroixRyabkov);

        Valid(TestSchedule.For(ev, out _).Assign("m", "b1", "2021-06-22T09:40").Check());
        var v = Only(TestSchedule.For(ev, out _).Assign("m", "b1", "2021-06-22T09:30").Check(), ValidationRules.Grain);
        Assert.Contains("from the day's start 2021-06-22 09:10", v.Message);
    }

    [Fact]
    public void A_meeting_running_past_the_days_end_is_caught()
    {
        var report = TestSchedule.For(WithUnMfa(), out _).Assign("un-mfa", "b1", "2021-06-22T18:30").Check();

        var v = Only(report, ValidationRules.DayHours);
        Assert.Equal($"{UnMfa} at 2021-06-22 18:30–19:15 is not within one day's hours (the day 2021-06-22 is open 2021-06-22 09:00–19:00)", v.Message);
    }

    [Fact]
    public void A_meeting_on_no_event_day_is_caught()
    {
        var report = TestSchedule.For(WithUnMfa(), out _).Assign("un-mfa", "b1", "2021-06-24T10:00").Check();

        var v = Only(report, ValidationRules.DayHours);
        Assert.Equal($"{UnMfa} at 2021-06-24 10:00–10:45 is on no day of the event", v.Message);
    }

    [Fact]
    public void A_meeting_intersecting_a_break_is_caught()
    {
        var report = TestSchedule.For(WithUnMfa(), out _).Assign("un-mfa", "b1", "2021-06-22T12:30").Check();

        var v = Only(report, ValidationRules.Break);
        Assert.Equal($"{UnMfa} at 2021-06-22 12:30–13:15 intersects the break \"Lunch\" 2021-06-22 13:00–14:00", v.Message);
    }

    [Fact]
    public void A_meeting_outside_its_windows_is_caught()
    {
        var ev = WithUnMfa(m => m.Window("2021-06-22T09:00", "2021-06-22T12:00").Window("2021-06-23T09:00", "2021-06-23T10:00"));

        var report = TestSchedule.For(ev, out _).Assign("un-mfa", "b1", "2021-06-22T11:30").Check();

        var v = Only(report, ValidationRules.Window);
        Assert.Equal(
            $"{UnMfa} at 2021-06-22 11:30–12:15 lies inside none of its windows (2021-06-22 09:00–12:00, 2021-06-23 09:00–10:00)",
            v.Message);
    }

    [Fact]
    public void A_meeting_inside_its_second_window_passes()
    {
        var ev = WithUnMfa(m => m.Window("2021-06-22T09:00", "2021-06-22T10:00").Window("2021-06-22T15:00", "2021-06-22T17:00"));

        Valid(TestSchedule.For(ev, out _).Assign("un-mfa", "b1", "2021-06-22T16:15").Check());
    }

    [Fact]
    public void Adjacent_windows_are_not_joined_because_the_meeting_lies_inside_one_of_them()
    {
        var ev = WithUnMfa(m => m.Window("2021-06-22T09:00", "2021-06-22T10:00").Window("2021-06-22T10:00", "2021-06-22T11:00"));

        Only(TestSchedule.For(ev, out _).Assign("un-mfa", "b1", "2021-06-22T09:30").Check(), ValidationRules.Window);
    }

    [Fact]
    public void A_meeting_outside_a_participants_availability_is_caught()
    {
        var ev = WithUnMfa().Person("lacroix", "Jean-Pierre Lacroix",
            available: [("2021-06-22T09:00", "2021-06-22T12:00"), ("2021-06-22T14:00", "2021-06-22T15:00")]);

        Valid(TestSchedule.For(ev, out _).Assign("un-mfa", "b1", "2021-06-22T14:15").Check());
        var report = TestSchedule.For(ev, out _).Assign("un-mfa", "b1", "2021-06-22T11:30").Check();

        var v = Only(report, ValidationRules.Availability);
        Assert.StartsWith($"{UnMfa} at 2021-06-22 11:30–12:15: participant \"lacroix\" (Jean-Pierre Lacroix) is not available then", v.Message);
    }

    [Fact]
    public void A_meeting_intersecting_a_participants_busy_period_is_caught()
    {
        var ev = WithUnMfa().Person("ryabkov", "Sergei Ryabkov",
            busy: [("2021-06-22T10:00", "2021-06-22T12:00"), ("2021-06-23T10:00", "2021-06-23T12:00")]);

        Valid(TestSchedule.For(ev, out _).Assign("un-mfa", "b1", "2021-06-22T12:00").Check());
        var report = TestSchedule.For(ev, out _).Assign("un-mfa", "b1", "2021-06-22T11:45").Check();

        var v = Only(report, ValidationRules.Busy);
        Assert.Equal($"{UnMfa} at 2021-06-22 11:45–12:30: participant \"ryabkov\" (Sergei Ryabkov) is busy 2021-06-22 10:00–12:00", v.Message);
    }

    [Fact]
    public void A_room_with_too_few_seats_is_caught()
    {
        var report = TestSchedule.For(WithUnMfa(m => m.Headcount(8)), out _).Assign("un-mfa", "b2", "2021-06-22T15:00").Check();

        var v = Only(report, ValidationRules.RoomCapacity);
        Assert.Equal($"{UnMfa} at 2021-06-22 15:00–15:45 needs 8 seats; room \"b2\" (Bilateral room 2) has 4", v.Message);
    }

    [Fact]
    public void A_room_lacking_a_required_feature_is_caught()
    {
        var report = TestSchedule.For(WithUnMfa(m => m.Features("interpretation")), out _)
            .Assign("un-mfa", "b2", "2021-06-22T15:00").Check();

        var v = Only(report, ValidationRules.RoomFeatures);
        Assert.Equal($"{UnMfa} at 2021-06-22 15:00–15:45 needs \"interpretation\"; room \"b2\" (Bilateral room 2) lacks \"interpretation\"", v.Message);
    }

    [Fact]
    public void A_room_unavailable_during_the_meeting_is_caught()
    {
        var ev = WithUnMfa().Room("b1", 10, "congress", "Bilateral room 1", unavailable: [("2021-06-22T09:00", "2021-06-22T10:00")]);

        Valid(TestSchedule.For(ev, out _).Assign("un-mfa", "b1", "2021-06-22T10:00").Check());
        var report = TestSchedule.For(ev, out _).Assign("un-mfa", "b1", "2021-06-22T09:45").Check();

        var v = Only(report, ValidationRules.RoomUnavailable);
        Assert.Equal($"{UnMfa} at 2021-06-22 09:45–10:30 is in room \"b1\" (Bilateral room 1), which is unavailable 2021-06-22 09:00–10:00", v.Message);
    }

    [Fact]
    public void A_pinned_meeting_at_another_start_is_caught()
    {
        var report = TestSchedule.For(WithUnMfa(m => m.Pin("2021-06-22T15:00", "b1")), out _)
            .Assign("un-mfa", "b1", "2021-06-22T15:15").Check();

        var v = Only(report, ValidationRules.Pin);
        Assert.Equal($"{UnMfa} at 2021-06-22 15:15–16:00 is pinned to start at 2021-06-22 15:00", v.Message);
    }

    [Fact]
    public void A_pinned_meeting_in_another_room_is_caught()
    {
        var report = TestSchedule.For(WithUnMfa(m => m.Pin("2021-06-22T15:00", "b1")), out _)
            .Assign("un-mfa", "b2", "2021-06-22T15:00").Check();

        var v = Only(report, ValidationRules.Pin);
        Assert.Equal(
            $"{UnMfa} at 2021-06-22 15:00–15:45 is in room \"b2\" (Bilateral room 2) but pinned to room \"b1\" (Bilateral room 1)",
            v.Message);
    }

    [Fact]
    public void A_pin_without_a_room_leaves_the_room_free()
    {
        var report = TestSchedule.For(WithUnMfa(m => m.Pin("2021-06-22T15:00")), out _)
            .Assign("un-mfa", "b2", "2021-06-22T15:00").Check();

        Valid(report);
    }
}
