using NodaTime;
using Scheduler.Engine.Domain;
using Scheduler.Engine.Files;
using static Scheduler.Tests.Solving.RoomAndPeopleRuleTests;
using static Scheduler.Tests.Solving.Solver;

namespace Scheduler.Tests.Solving;

/// <summary>
/// The rules about when, each on a two-slot morning (09:00 and 09:30) where two meetings sharing a participant would
/// both fit if the rule were ignored, and only one fits when it is kept.
/// </summary>
public sealed class TimeRuleTests
{
    [Fact]
    public void A_meeting_lies_inside_its_windows()
    {
        var b = Morning("10:00").Room("r1").Room("r2");
        var ev = b
            .Meeting("ab", 30, ["a", "b"], m => m.Weight(10).Window("2021-06-22T09:30", "2021-06-22T10:00"))
            .Meeting("ac", 30, ["a", "c"], m => m.Weight(10).Window("2021-06-22T09:30", "2021-06-22T12:00"))
            .Build();

        var s = SolveAndValidate(ev);

        Assert.Single(s.Assignments);
        Assert.Equal(b.At("2021-06-22T09:30"), s.Assignments[0].Start);
    }

    [Fact]
    public void A_meeting_lies_inside_its_participants_availability()
    {
        var b = Morning("10:00").Room("r1").Room("r2")
            .Person("b", available: [("2021-06-22T09:30", "2021-06-22T12:00")])
            .Person("c", available: [("2021-06-22T08:00", "2021-06-22T09:00"), ("2021-06-22T09:30", "2021-06-22T10:00")]);
        var ev = b
            .Meeting("ab", 30, ["a", "b"], m => m.Weight(10))
            .Meeting("ac", 30, ["a", "c"], m => m.Weight(10))
            .Build();

        var s = SolveAndValidate(ev);

        Assert.Single(s.Assignments);
        Assert.Equal(b.At("2021-06-22T09:30"), s.Assignments[0].Start);
    }

    [Fact]
    public void A_meeting_avoids_its_participants_busy_periods()
    {
        var b = Morning("10:00").Room("r1").Room("r2")
            .Person("b", busy: [("2021-06-22T09:00", "2021-06-22T09:15")])
            .Person("c", busy: [("2021-06-22T08:00", "2021-06-22T09:01")]);
        var ev = b
            .Meeting("ab", 30, ["a", "b"], m => m.Weight(10))
            .Meeting("ac", 30, ["a", "c"], m => m.Weight(10))
            .Build();

        var s = SolveAndValidate(ev);

        Assert.Single(s.Assignments);
        Assert.Equal(b.At("2021-06-22T09:30"), s.Assignments[0].Start);
    }

    [Fact]
    public void No_meeting_runs_in_a_break()
    {
        var b = Morning("10:00").Break("Coffee", "09:00", "09:30").Room("r1").Room("r2");
        var ev = b
            .Meeting("ab", 30, ["a", "b"], m => m.Weight(10))
            .Meeting("ac", 30, ["a", "c"], m => m.Weight(10))
            .Build();

        var s = SolveAndValidate(ev);

        Assert.Single(s.Assignments);
        Assert.Equal(b.At("2021-06-22T09:30"), s.Assignments[0].Start);
    }

    [Fact]
    public void A_meeting_does_not_straddle_a_break()
    {
        var ev = Morning("10:30").Break("Coffee", "09:30", "10:00").Room("r1")
            .Meeting("long", 60, ["a", "b"], m => m.Weight(10))
            .Build();

        var s = SolveAndValidate(ev);

        Assert.Empty(s.Assignments);
        Assert.Contains("break", s.ReasonFor("long"));
    }

    [Fact]
    public void A_meeting_lies_within_one_days_hours()
    {
        var b = Morning("10:00").Day("2021-06-23", "09:00", "09:30").Room("r1");
        var ev = b
            .Meeting("ab", 60, ["a", "b"], m => m.Weight(10))
            .Meeting("ac", 60, ["a", "c"], m => m.Weight(10))
            .Build();

        var s = SolveAndValidate(ev);

        Assert.Single(s.Assignments);
        Assert.Equal(b.At("2021-06-22T09:00"), s.Assignments[0].Start);
    }

    /// <summary>Berlin springs forward at 02:00 on 2021-03-28: the day 00:00–06:00 has five real hours.</summary>
    private static Event DstNight(string meetings) => EventFile.Parse($$"""
        {
          "schemaVersion": 1,
          "event": {
            "name": "Night of the clock change",
            "timeZone": "Europe/Berlin",
            "slotMinutes": 30,
            "days": [ { "date": "2021-03-28", "start": "00:00", "end": "06:00" } ]
          },
          "rooms": [ { "id": "r1", "name": "Room 1", "capacity": 4 }, { "id": "r2", "name": "Room 2", "capacity": 4 } ],
          "participants": [ { "id": "a", "name": "Anna" }, { "id": "b", "name": "Bernd" } ],
          "meetings": [ {{meetings}} ]
        }
        """).Value!;

    [Fact]
    public void A_meeting_across_the_spring_forward_change_lasts_real_time()
    {
        var ev = DstNight("""
            { "id": "across", "participants": ["a", "b"], "durationMinutes": 120,
              "windows": [ { "start": "2021-03-28T01:00", "end": "2021-03-28T04:00" } ] }
            """);

        var s = SolveAndValidate(ev);

        var across = s.Placed("across");
        Assert.Equal(Duration.FromHours(2), across.End - across.Start);
        Assert.Equal(new LocalDateTime(2021, 3, 28, 1, 0), across.Start.InZone(ev.Zone).LocalDateTime);
        Assert.Equal(new LocalDateTime(2021, 3, 28, 4, 0), across.End.InZone(ev.Zone).LocalDateTime);
    }

    [Fact]
    public void The_spring_forward_night_holds_five_hours_of_meetings_not_six()
    {
        var ev = DstNight(string.Join(", ", Enumerable.Range(1, 6).Select(i =>
            $$"""{ "id": "m{{i}}", "participants": ["a", "b"], "durationMinutes": 60 }""")));

        var s = SolveAndValidate(ev);

        Assert.Equal(5, s.Assignments.Length);
        Assert.All(s.Assignments, a => Assert.Equal(Duration.FromHours(1), a.End - a.Start));
        Assert.Equal(ScheduleStatus.Optimal, s.Status);
    }
}
