using Scheduler.Engine.Checking;
using static Scheduler.Tests.Checking.Conference;

namespace Scheduler.Tests.Checking;

/// <summary>The rules between assignments: a schedule breaking only one of them is caught and named.</summary>
public sealed class ConflictRuleTests
{
    [Fact]
    public void Two_meetings_overlapping_in_one_room_are_caught()
    {
        var ev = Event()
            .Meeting("m1", 45, LacroixRyabkov, m => m.Title("First"))
            .Meeting("m2", 45, GuterresLavrov, m => m.Title("Second"));

        var report = TestSchedule.For(ev, out _)
            .Assign("m1", "b1", "2021-06-22T10:00")
            .Assign("m2", "b1", "2021-06-22T10:30").Check();

        var v = Only(report, ValidationRules.RoomOverlap);
        Assert.Equal(
            "meeting \"m2\" (Second) at 2021-06-22 10:30–11:15 overlaps meeting \"m1\" (First) at 2021-06-22 10:00–10:45 in room \"b1\" (Bilateral room 1)",
            v.Message);
    }

    [Fact]
    public void Meetings_back_to_back_in_one_room_pass()
    {
        var ev = Event().Meeting("m1", 45, LacroixRyabkov).Meeting("m2", 45, GuterresLavrov);

        var report = TestSchedule.For(ev, out _)
            .Assign("m1", "b1", "2021-06-22T10:00")
            .Assign("m2", "b1", "2021-06-22T10:45").Check();

        Valid(report);
    }

    [Fact]
    public void A_room_overlap_behind_a_long_meeting_is_caught()
    {
        // m3 overlaps only m1, which ends after m2: the sweep must compare with the meeting reaching latest.
        var ev = Event()
            .Meeting("m1", 180, ["a", "b"])
            .Meeting("m2", 30, ["c", "d"])
            .Meeting("m3", 30, ["e", "f"]);

        var report = TestSchedule.For(ev, out _)
            .Assign("m1", "b1", "2021-06-22T09:00")
            .Assign("m2", "b1", "2021-06-22T09:15")
            .Assign("m3", "b1", "2021-06-22T11:00").Check();

        var violations = OnlyRule(report, ValidationRules.RoomOverlap, 2);
        Assert.StartsWith("meeting \"m2\"", violations[0].Message);
        Assert.StartsWith("meeting \"m3\" at 2021-06-22 11:00–11:30 overlaps meeting \"m1\"", violations[1].Message);
    }

    [Fact]
    public void A_participant_in_two_meetings_at_once_is_caught()
    {
        var ev = Event().Meeting("m1", 45, LacroixRyabkov).Meeting("m2", 45, LacroixLavrov);

        var report = TestSchedule.For(ev, out _)
            .Assign("m1", "b1", "2021-06-22T10:00")
            .Assign("m2", "b2", "2021-06-22T10:30").Check();

        var v = Only(report, ValidationRules.ParticipantOverlap);
        Assert.Equal(
            "participant \"lacroix\" (Jean-Pierre Lacroix) is in meeting \"m2\" at 2021-06-22 10:30–11:15 and in meeting \"m1\" at 2021-06-22 10:00–10:45 at once",
            v.Message);
    }

    [Fact]
    public void Too_little_time_to_travel_between_buildings_is_caught()
    {
        var ev = Event().Meeting("m1", 45, LacroixRyabkov).Meeting("m2", 45, LacroixLavrov);

        var report = TestSchedule.For(ev, out _)
            .Assign("m1", "b1", "2021-06-22T10:00")
            .Assign("m2", "h1", "2021-06-22T11:00")
            .IdleGaps(1).Check();

        var v = Only(report, ValidationRules.Travel);
        Assert.Equal(
            "participant \"lacroix\" (Jean-Pierre Lacroix) needs 25 min to travel from building \"congress\" (Patriot Congress Centre) " +
            "to building \"hotel\" (Hotel Ukraina) between meeting \"m1\" at 2021-06-22 10:00–10:45 in room \"b1\" (Bilateral room 1) " +
            "and meeting \"m2\" at 2021-06-22 11:00–11:45 in room \"h1\" (Hotel salon): only 15 min apart",
            v.Message);
    }

    [Fact]
    public void Overlapping_meetings_in_buildings_apart_break_both_overlap_and_travel()
    {
        var ev = Event().Meeting("m1", 45, LacroixRyabkov).Meeting("m2", 45, LacroixLavrov);

        var report = TestSchedule.For(ev, out _)
            .Assign("m1", "b1", "2021-06-22T10:00")
            .Assign("m2", "h1", "2021-06-22T10:30").Check();

        Assert.Equal([ValidationRules.ParticipantOverlap, ValidationRules.Travel], report.Violations.Select(v => v.Rule));
        Assert.EndsWith(": they overlap", report.Violations[1].Message);
    }

    [Fact]
    public void Exactly_the_travel_time_between_buildings_passes()
    {
        var ev = Event().Travel("hotel", "congress", 30).Meeting("m1", 45, LacroixRyabkov).Meeting("m2", 45, LacroixLavrov);

        var report = TestSchedule.For(ev, out _)
            .Assign("m1", "h1", "2021-06-22T10:00")
            .Assign("m2", "b1", "2021-06-22T11:15")
            .IdleGaps(1).Check();

        Valid(report);
    }

    [Fact]
    public void Travel_is_checked_past_a_meeting_in_a_room_of_no_building()
    {
        // congress -> (no building) -> hotel: each step needs no travel, but congress to hotel does.
        var ev = Event().Room("n1", 10, building: null, name: "Lounge")
            .Meeting("m1", 45, LacroixRyabkov)
            .Meeting("m2", 15, LacroixLavrov)
            .Meeting("m3", 45, ["lacroix", "guterres"]);

        var report = TestSchedule.For(ev, out _)
            .Assign("m1", "b1", "2021-06-22T10:00")
            .Assign("m2", "n1", "2021-06-22T10:45")
            .Assign("m3", "h1", "2021-06-22T11:00").Check();

        var v = Only(report, ValidationRules.Travel);
        Assert.Contains("between meeting \"m1\" at 2021-06-22 10:00–10:45", v.Message);
        Assert.Contains("and meeting \"m3\" at 2021-06-22 11:00–11:45", v.Message);
    }

    [Fact]
    public void More_meetings_on_a_day_than_a_participants_maximum_is_caught()
    {
        var ev = Event().Person("lacroix", "Jean-Pierre Lacroix", maxPerDay: 2)
            .Meeting("m1", 45, LacroixRyabkov)
            .Meeting("m2", 45, LacroixLavrov)
            .Meeting("m3", 45, ["lacroix", "guterres"]);

        var report = TestSchedule.For(ev, out _)
            .Assign("m1", "b1", "2021-06-22T09:00")
            .Assign("m2", "b1", "2021-06-22T09:45")
            .Assign("m3", "b1", "2021-06-22T10:30").Check();

        var v = Only(report, ValidationRules.MaxPerDay);
        Assert.Equal(
            "participant \"lacroix\" (Jean-Pierre Lacroix) has 3 meetings on 2021-06-22, more than the 2 allowed (\"m1\", \"m2\", \"m3\")",
            v.Message);
    }

    [Fact]
    public void The_daily_maximum_counts_each_day_apart()
    {
        var ev = Event().Person("lacroix", "Jean-Pierre Lacroix", maxPerDay: 2)
            .Meeting("m1", 45, LacroixRyabkov)
            .Meeting("m2", 45, LacroixLavrov)
            .Meeting("m3", 45, ["lacroix", "guterres"]);

        var report = TestSchedule.For(ev, out _)
            .Assign("m1", "b1", "2021-06-22T09:00")
            .Assign("m2", "b1", "2021-06-22T09:45")
            .Assign("m3", "b1", "2021-06-23T10:30").Check();

        Valid(report);
    }

    [Fact]
    public void A_meeting_starting_before_the_end_of_its_predecessor_is_caught()
    {
        var ev = Event().Meeting("m1", 45, GuterresLavrov).Meeting("m2", 45, LacroixRyabkov, m => m.After("m1"));

        var report = TestSchedule.For(ev, out _)
            .Assign("m1", "b1", "2021-06-22T10:00")
            .Assign("m2", "b2", "2021-06-22T10:30").Check();

        var v = Only(report, ValidationRules.After);
        Assert.Equal(
            "meeting \"m2\" at 2021-06-22 10:30–11:15 must start no earlier than the end of meeting \"m1\" at 2021-06-22 10:00–10:45",
            v.Message);
    }

    [Fact]
    public void A_meeting_starting_at_the_end_of_its_predecessor_passes()
    {
        var ev = Event().Meeting("m1", 45, GuterresLavrov).Meeting("m2", 45, LacroixRyabkov, m => m.After("m1"));

        var report = TestSchedule.For(ev, out _)
            .Assign("m1", "b1", "2021-06-22T10:00")
            .Assign("m2", "b2", "2021-06-22T10:45").Check();

        Valid(report);
    }

    [Fact]
    public void An_unscheduled_predecessor_binds_nothing()
    {
        var ev = Event().Meeting("m1", 45, GuterresLavrov).Meeting("m2", 45, LacroixRyabkov, m => m.After("m1"));

        var report = TestSchedule.For(ev, out _).Assign("m2", "b2", "2021-06-22T09:00").Check();

        Valid(report);
    }
}
