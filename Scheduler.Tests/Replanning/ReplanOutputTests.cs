using System.Text.Json.Nodes;
using Ical.Net;
using Scheduler.Cli.Rendering;
using Scheduler.Engine.Domain;
using Scheduler.Engine.Export;

namespace Scheduler.Tests.Replanning;

public class ReplanOutputTests
{
    private static readonly string[] People = ["h", "a", "b", "c"];

    /// <summary>A published day of three meetings, and a replan after the host lost 09:00-09:30: h-a moves, the rest stay.</summary>
    private static (Event Ev, Schedule Published, Schedule Replanned) HostLosesFirstSlot()
    {
        var file = ReplanFixtures.Event(1, People, ("h-a", ["h", "a"], 1), ("h-b", ["h", "b"], 1), ("h-c", ["h", "c"], 1));
        var published = ReplanFixtures.Published(ReplanFixtures.Read(file), ("h-a", "r1", "09:00"), ("h-b", "r1", "09:30"), ("h-c", "r1", "10:00"));
        var ev = ReplanFixtures.Read(file.Busy("h", "09:00", "09:30"));
        return (ev, published, ReplanFixtures.Replan(ev, published));
    }

    [Fact]
    public void Calendars_of_a_replan_keep_every_uid_and_raise_the_sequence_of_the_moved_meeting_only()
    {
        var (ev, published, replanned) = HostLosesFirstSlot();
        var before = Calendar.Load(IcsExporter.Export(ev, published).Single(f => f.RelativePath == "participants/h.ics").Content)!;
        var after = Calendar.Load(IcsExporter.Export(ev, replanned).Single(f => f.RelativePath == "participants/h.ics").Content)!;

        Assert.Equal(before.Events.Select(e => e.Uid).Order(), after.Events.Select(e => e.Uid).Order());
        var sequences = after.Events.ToDictionary(e => e.Uid!.Split('@')[0], e => e.Sequence);
        Assert.Equal(1, sequences["h-a"]);
        Assert.Equal(0, sequences["h-b"]);
        Assert.Equal(0, sequences["h-c"]);
        Assert.All(before.Events, e => Assert.Equal(0, e.Sequence));
    }

    [Fact]
    public void A_second_replan_raises_the_sequence_again()
    {
        var (ev, _, replanned) = HostLosesFirstSlot();
        var moved = replanned.Assignments.Single(a => a.Meeting == "h-a");
        var later = ReplanFixtures.Read(ReplanFixtures.Event(1, People, ("h-a", ["h", "a"], 1), ("h-b", ["h", "b"], 1), ("h-c", ["h", "c"], 1))
            .Busy("h", "09:00", "09:30").Busy("a", moved.Start.InZone(ev.Zone).TimeOfDay.ToString("HH:mm", null), moved.End.InZone(ev.Zone).TimeOfDay.ToString("HH:mm", null)));
        var again = ReplanFixtures.Replan(later, replanned);

        Assert.Equal(2, again.Assignments.Single(a => a.Meeting == "h-a").Sequence);
    }

    [Fact]
    public void Csv_of_a_replan_has_a_change_column_and_a_fresh_schedule_keeps_the_v1_columns()
    {
        var (ev, published, replanned) = HostLosesFirstSlot();
        var rows = CsvExporter.Export(ev, replanned)[0].Content.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.EndsWith(",change", rows[0], StringComparison.Ordinal);
        Assert.Contains(rows, r => r.StartsWith("h-a,", StringComparison.Ordinal) && r.EndsWith(",moved", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith("h-b,", StringComparison.Ordinal) && r.EndsWith(",kept", StringComparison.Ordinal));
        Assert.EndsWith(",endDateTime", CsvExporter.Export(ev, published)[0].Content.Split("\r\n")[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Show_marks_moved_and_new_meetings()
    {
        var file = ReplanFixtures.Event(1, People, ("h-a", ["h", "a"], 1)).Busy("h", "09:00", "09:30");
        var ev0 = ReplanFixtures.Read(ReplanFixtures.Event(1, People, ("h-a", ["h", "a"], 1)));
        var published = ReplanFixtures.Published(ev0, ("h-a", "r1", "09:00"));
        file["meetings"]!.AsArray().Add(new JsonObject { ["id"] = "b-c", ["participants"] = new JsonArray("b", "c"), ["durationMinutes"] = 30 });
        var ev = ReplanFixtures.Read(file);
        var replanned = ReplanFixtures.Replan(ev, published);

        var text = PlainTimetableWriter.Render(TimetableBuilder.Build(ev, replanned, TimetableFilter.None));
        Assert.Contains("h-a [moved from Tue 09:00, r1]", text, StringComparison.Ordinal);
        Assert.Contains("b-c [new]", text, StringComparison.Ordinal);
        Assert.Contains("replanned: 0 kept, 1 moved", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_diff_tells_each_delegation_of_a_moved_meeting()
    {
        var (ev, published, replanned) = HostLosesFirstSlot();
        var moved = replanned.Assignments.Single(a => a.Meeting == "h-a");
        var lines = ChangeReport.Lines(ev, ScheduleChanges.Between(ev, published, replanned));

        var to = TimetableBuilder.WhenShort(ev, moved.Start);
        Assert.Equal(
            [$"Delegation a: h-a moved from Tue 09:00, r1 to {to}, r1", $"Delegation h: h-a moved from Tue 09:00, r1 to {to}, r1",
             "2 kept, 1 moved, 0 room changed, 0 dropped, 0 new, 0 withdrawn"],
            lines);
    }
}
