using Ical.Net;
using Ical.Net.CalendarComponents;
using NodaTime;
using Scheduler.Engine.Domain;
using Scheduler.Engine.Export;
using static Scheduler.Tests.Export.ExportTestEvents;

namespace Scheduler.Tests.Export;

public class IcsExporterTests
{
    private const string SummitSlug = "berlin-summit-2021";

    private static Calendar Load(IReadOnlyList<ExportedFile> files, string path)
    {
        var file = Assert.Single(files, f => f.RelativePath == path);
        var calendar = Calendar.Load(file.Content);
        Assert.NotNull(calendar);
        return calendar;
    }

    private static Instant Utc(CalendarEvent e, bool start) =>
        Instant.FromDateTimeUtc((start ? e.DtStart : e.DtEnd)!.AsUtc);

    [Theory]
    [InlineData("summit")]
    [InlineData("dst")]
    public void Each_participant_calendar_holds_exactly_their_meetings_at_the_right_instants(string which)
    {
        var (ev, schedule) = which == "dst" ? DstNight() : Summit();
        var slug = which == "dst" ? "dst-night" : SummitSlug;
        var files = IcsExporter.Export(ev, schedule);

        foreach (var participant in ev.Participants)
        {
            var expected = schedule.Assignments
                .Where(a => ev.FindMeeting(a.Meeting)!.Participants.Contains(participant.Id))
                .ToDictionary(a => $"{a.Meeting}@{slug}.scheduler");
            var calendar = Load(files, $"participants/{participant.Id}.ics");

            Assert.Equal(expected.Keys.Order(), calendar.Events.Select(e => e.Uid!).Order());
            foreach (var e in calendar.Events)
            {
                Assert.Equal(expected[e.Uid!].Start, Utc(e, start: true));
                Assert.Equal(expected[e.Uid!].End, Utc(e, start: false));
            }
        }
    }

    [Fact]
    public void Each_room_calendar_holds_exactly_the_meetings_in_that_room()
    {
        var (ev, schedule) = Summit();
        var files = IcsExporter.Export(ev, schedule);

        var b2 = Load(files, "rooms/b2.ics");

        Assert.Equal(["trade", "un-obs"], b2.Events.Select(e => e.Uid!.Split('@')[0]));
        Assert.All(b2.Events, e => Assert.Equal("Salon \"Berlin\", Hotel Adlon", e.Location));
    }

    [Fact]
    public void Only_participants_and_rooms_with_meetings_get_a_calendar()
    {
        var (ev, schedule) = DstNight();
        var files = IcsExporter.Export(ev, schedule);

        Assert.Equal(["participants/a.ics", "participants/b.ics", "participants/c.ics", "rooms/r.ics"], files.Select(f => f.RelativePath));

        var (summit, summitSchedule) = Summit();
        var onlyUnscheduled = summitSchedule with { Assignments = [summitSchedule.Assignments[0]] };
        var paths = IcsExporter.Export(summit, onlyUnscheduled).Select(f => f.RelativePath);
        Assert.Equal(["participants/dupont.ics", "participants/lacroix.ics", "rooms/b1.ics"], paths);
    }

    [Fact]
    public void Meeting_across_the_spring_DST_change_is_one_hour_at_the_right_UTC_instants()
    {
        var (ev, schedule) = DstNight();
        var files = IcsExporter.Export(ev, schedule);

        var night = Assert.Single(Load(files, "participants/a.ics").Events);

        // 01:30 CET is 00:30Z; 03:30 CEST is 01:30Z.
        Assert.Equal(Instant.FromUtc(2021, 3, 28, 0, 30), Utc(night, start: true));
        Assert.Equal(Instant.FromUtc(2021, 3, 28, 1, 30), Utc(night, start: false));
        Assert.Contains("DTSTART:20210328T003000Z\r\n", files[0].Content, StringComparison.Ordinal);
        Assert.Contains("DTEND:20210328T013000Z\r\n", files[0].Content, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_exports_are_byte_identical()
    {
        var (ev, schedule) = Summit();

        var first = IcsExporter.Export(ev, schedule);
        var second = IcsExporter.Export(ev, schedule);

        Assert.Equal(first, second);
    }

    [Fact]
    public void A_moved_meeting_keeps_its_uid_so_a_reimport_updates_it()
    {
        var (ev, schedule) = Summit();
        var moved = schedule with
        {
            Assignments = [.. schedule.Assignments.Select(a => a.Meeting == "un-fr" ? At(ev, "un-fr", "b2", new LocalDateTime(2021, 6, 23, 10, 30)) : a)],
        };

        var before = Load(IcsExporter.Export(ev, schedule), "participants/lacroix.ics").Events.Single(e => e.Summary == "UN – France");
        var after = Load(IcsExporter.Export(ev, moved), "participants/lacroix.ics").Events.Single(e => e.Summary == "UN – France");

        Assert.Equal($"un-fr@{SummitSlug}.scheduler", before.Uid);
        Assert.Equal(before.Uid, after.Uid);
        Assert.NotEqual(Utc(before, start: true), Utc(after, start: true));
    }

    [Fact]
    public void Stamp_is_the_event_start_not_the_clock()
    {
        var (ev, schedule) = Summit();
        var files = IcsExporter.Export(ev, schedule);

        var e = Load(files, "participants/dupont.ics").Events.First();

        Assert.Equal(ev.Start, Instant.FromDateTimeUtc(e.DtStamp!.AsUtc));
        Assert.Equal(Instant.FromUtc(2021, 6, 22, 7, 0), ev.Start);
        Assert.Equal(0, e.Sequence);
    }

    [Fact]
    public void Calendar_is_published_with_product_summary_description_and_attendees()
    {
        var (ev, schedule) = Summit();
        var file = IcsExporter.Export(ev, schedule).Single(f => f.RelativePath == "participants/solo.ics");
        var calendar = Calendar.Load(file.Content)!;

        Assert.Equal("PUBLISH", calendar.Method);
        Assert.Equal(IcsExporter.ProductId, calendar.ProductId);
        Assert.Contains("X-WR-CALNAME:Berlin Summit\\, 2021 – Independent Observer\r\n", file.Content, StringComparison.Ordinal);
        var trade = calendar.Events.Single(e => e.Uid!.StartsWith("trade@", StringComparison.Ordinal));
        Assert.Equal(AwkwardTitle, trade.Summary);
        Assert.Equal("Salon \"Berlin\", Hotel Adlon", trade.Location);
        Assert.Contains("Amélie Dupont (France)", trade.Description, StringComparison.Ordinal);
        Assert.Contains("Independent Observer", trade.Description, StringComparison.Ordinal);
        Assert.Equal(
            ["Amélie Dupont", "Luc Martin", "Independent Observer"],
            trade.Attendees.Select(a => a.CommonName));
        Assert.Equal("mailto:martin@berlin-summit-2021.invalid", trade.Attendees[1].Value!.ToString());
    }

    [Fact]
    public void Lines_end_with_CRLF_and_are_folded_at_75_octets()
    {
        var (ev, schedule) = Summit();
        var content = IcsExporter.Export(ev, schedule)[0].Content;

        Assert.EndsWith("END:VCALENDAR\r\n", content, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", content.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.All(content.Split("\r\n"), line => Assert.True(System.Text.Encoding.UTF8.GetByteCount(line) <= 75, line));
    }

    [Fact]
    public void Ids_with_unsafe_characters_give_safe_distinct_file_names()
    {
        var (ev, schedule) = DstNight();
        var renamed = new Event(ev.Name, ev.Zone, ev.Grain, ev.Days, ev.Breaks, ev.Buildings, ev.TravelTimes,
            [ev.Rooms[0] with { Id = "../etc/passwd" }], ev.Delegations, ev.Participants, ev.Meetings, ev.Objective, ev.Interpreters);
        var moved = schedule with { Assignments = [.. schedule.Assignments.Select(a => a with { Room = "../etc/passwd" })] };

        var paths = IcsExporter.Export(renamed, moved).Select(f => f.RelativePath).ToList();

        Assert.Contains("rooms/%2E.%2Fetc%2Fpasswd.ics", paths);
        Assert.All(paths, p => Assert.DoesNotContain("..", p.Split('/'), StringComparer.Ordinal));
    }

    [Fact]
    public void Uid_domain_is_a_slug_of_the_event_name()
    {
        var (ev, schedule) = DstNight();
        var accented = WithName(ev, "Conférence de Sécurité — Genève 2021");

        var content = IcsExporter.Export(accented, schedule)[0].Content;

        Assert.Contains("UID:night@conference-de-securite-geneve-2021.scheduler\r\n", content, StringComparison.Ordinal);
    }
}
