using System.Globalization;
using NodaTime;
using Scheduler.Engine.Checking;
using Scheduler.Engine.Domain;
using static Scheduler.Tests.Checking.Conference;

namespace Scheduler.Tests.Checking;

/// <summary>A trade-fair-sized schedule: 8,000 meetings, 40 rooms, 80 participants over 20 days.</summary>
public sealed class LargeScheduleTests
{
    private const int Days = 20;
    private const int Rooms = 40;
    private const int BlocksPerDay = 10;
    private const int Meetings = Days * Rooms * BlocksPerDay;

    /// <summary>
    /// Meeting i is in room r = i mod 40 with participants p(2r) and p(2r+1), on day i / 400, in hour block
    /// (i mod 400) / 40 from 08:00: 30 minutes of meeting and 30 free, so each participant has 9 gaps a day.
    /// </summary>
    private static (Event Event, Schedule Schedule) Fair(Action<TestSchedule>? plant = null)
    {
        var builder = new TestEvent("Europe/Moscow", 15);
        var first = new LocalDate(2021, 9, 1);
        for (var d = 0; d < Days; d++)
        {
            builder.Day(first.PlusDays(d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "08:00", "18:00");
        }

        for (var r = 0; r < Rooms; r++) builder.Room($"r{r}", 4);
        for (var i = 0; i < Meetings; i++)
        {
            var r = i % Rooms;
            builder.Meeting($"m{i:D4}", 30, [$"p{2 * r}", $"p{2 * r + 1}"]);
        }

        var schedule = TestSchedule.For(builder, out var ev);
        for (var i = 0; i < Meetings; i++)
        {
            var date = first.PlusDays(i / (Rooms * BlocksPerDay));
            var hour = 8 + i % (Rooms * BlocksPerDay) / Rooms;
            schedule.Assign($"m{i:D4}", $"r{i % Rooms}", $"{date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}T{hour:D2}:00");
        }

        schedule.IdleGaps(Rooms * 2 * Days * (BlocksPerDay - 1));
        plant?.Invoke(schedule);
        return (ev, schedule.Build());
    }

    [Fact]
    public void An_eight_thousand_meeting_schedule_is_valid_with_its_gaps_recounted()
    {
        var (ev, schedule) = Fair();

        var report = ScheduleValidator.Check(ev, schedule);

        Valid(report);
        Assert.Equal(Meetings, report.ScheduledWeight);
        Assert.Equal(14_400, report.IdleGaps);
        Assert.All(report.IdleGapsByParticipant.Values, g => Assert.Equal(Days * (BlocksPerDay - 1), g));
    }

    [Fact]
    public void One_planted_overlap_among_eight_thousand_meetings_is_found_once()
    {
        var (ev, schedule) = Fair();
        var moved = schedule.Assignments[7999] with
        {
            Room = "r0",
            Start = schedule.Assignments[0].Start,
            End = schedule.Assignments[0].End,
        };
        var planted = schedule with { Assignments = schedule.Assignments.SetItem(7999, moved) };

        var report = ScheduleValidator.Check(ev, planted);

        var overlaps = report.Violations.Where(v => v.Rule == ValidationRules.RoomOverlap).ToArray();
        var overlap = Assert.Single(overlaps);
        Assert.Contains("meeting \"m7999\"", overlap.Message);
        Assert.Contains("meeting \"m0000\"", overlap.Message);
    }
}
