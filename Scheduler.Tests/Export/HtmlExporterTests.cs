using System.Xml;
using System.Xml.Linq;
using NodaTime;
using Scheduler.Engine.Domain;
using Scheduler.Engine.Export;
using static Scheduler.Tests.Export.ExportTestEvents;

namespace Scheduler.Tests.Export;

public class HtmlExporterTests
{
    private static readonly XNamespace X = "http://www.w3.org/1999/xhtml";

    private static string Page(Event ev, Schedule schedule)
    {
        var file = Assert.Single(HtmlExporter.Export(ev, schedule));
        Assert.Equal("index.html", file.RelativePath);
        return file.Content;
    }

    /// <summary>Parses the page as XML: it throws unless every element is closed and every text escaped.</summary>
    private static XDocument Load(string page)
    {
        using var reader = XmlReader.Create(new StringReader(page), new XmlReaderSettings { DtdProcessing = DtdProcessing.Parse, XmlResolver = null });
        return XDocument.Load(reader);
    }

    private static IEnumerable<XElement> WithMeeting(XDocument doc, string meeting) =>
        doc.Descendants().Where(e => (string?)e.Attribute("data-meeting") == meeting);

    [Fact]
    public void Page_is_well_formed_and_shows_every_assignment_in_a_grid_cell()
    {
        var (ev, schedule) = Summit();

        var doc = Load(Page(ev, schedule));

        foreach (var a in schedule.Assignments)
        {
            var cell = Assert.Single(WithMeeting(doc, a.Meeting), e => e.Name == X + "td" && (string?)e.Attribute("class") == "meeting");
            Assert.Equal(a.Room, (string?)cell.Attribute("data-room"));
        }
    }

    [Fact]
    public void A_meeting_cell_spans_one_row_per_grain_of_its_duration()
    {
        var (ev, schedule) = Summit();

        var doc = Load(Page(ev, schedule));

        var unFr = WithMeeting(doc, "un-fr").Single(e => e.Name == X + "td");
        Assert.Equal("3", (string?)unFr.Attribute("rowspan"));
        var frFr = WithMeeting(doc, "fr-fr").Single(e => e.Name == X + "td");
        Assert.Null(frFr.Attribute("rowspan"));
    }

    [Fact]
    public void A_grid_cell_shows_title_local_time_and_participant_names()
    {
        var (ev, schedule) = Summit();

        var doc = Load(Page(ev, schedule));

        var cell = WithMeeting(doc, "trade").Single(e => e.Name == X + "td");
        Assert.Equal(
            [AwkwardTitle, "10:00\u201310:30", "Amélie Dupont; Luc Martin; Independent Observer"],
            cell.Elements(X + "div").Select(d => d.Value));
        Assert.Equal("2021-06-22T10:00:00+02:00", (string?)cell.Attribute("data-start"));
    }

    [Fact]
    public void Every_grid_row_has_one_cell_per_room_counting_spans()
    {
        var (ev, schedule) = Summit();
        var doc = Load(Page(ev, schedule));

        foreach (var grid in doc.Descendants(X + "table").Where(t => (string?)t.Attribute("class") == "grid"))
        {
            var rooms = grid.Element(X + "thead")!.Descendants(X + "th").Count() - 1;
            var rows = grid.Element(X + "tbody")!.Elements(X + "tr").ToList();
            var pending = new int[rows.Count + 10];
            for (var r = 0; r < rows.Count; r++)
            {
                var cells = rows[r].Elements(X + "td").ToList();
                Assert.Equal(rooms, cells.Count + pending[r]);
                foreach (var cell in cells)
                {
                    var span = (int?)cell.Attribute("rowspan") ?? 1;
                    for (var k = 1; k < span; k++) pending[r + k]++;
                }
            }
        }
    }

    [Fact]
    public void Days_are_gridded_in_real_time_steps_across_the_DST_change()
    {
        var (ev, schedule) = DstNight();

        var doc = Load(Page(ev, schedule));

        var grid = Assert.Single(doc.Descendants(X + "table"), t => (string?)t.Attribute("class") == "grid");
        var labels = grid.Element(X + "tbody")!.Elements(X + "tr").Select(tr => tr.Element(X + "th")!.Value).ToList();
        // 00:00–06:00 local on 2021-03-28 is five real hours: ten half-hour rows, no 02:00 or 02:30.
        Assert.Equal(10, labels.Count);
        Assert.Equal("01:30 +01:00", labels[3]);
        Assert.Equal("03:00 +02:00", labels[4]);
        Assert.DoesNotContain(labels, l => l.StartsWith("02:", StringComparison.Ordinal));
        var night = WithMeeting(doc, "night").Single(e => e.Name == X + "td");
        Assert.Equal("2", (string?)night.Attribute("rowspan"));
        Assert.Contains("01:30\u201303:30", night.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void A_repeated_autumn_hour_has_its_rows_twice_told_apart_by_the_offset()
    {
        var (night, _) = DstNight();
        var ev = new Event(night.Name, night.Zone, Duration.FromHours(1),
            [new EventDay(new LocalDate(2021, 10, 31), new LocalTime(1, 0), new LocalTime(4, 0))],
            [], [], [], night.Rooms, [], night.Participants, night.Meetings, night.Objective);
        // 02:00 the second time, in winter time (+01:00), is 01:00Z.
        var secondTwo = Instant.FromUtc(2021, 10, 31, 1, 0);
        var schedule = new Schedule(ev.Name, ScheduleStatus.Optimal, 1, 1, 0, 0,
            [new Assignment("night", "r", secondTwo, secondTwo + Duration.FromHours(1))], [new UnscheduledMeeting("dawn", "no room")]);

        var doc = Load(Page(ev, schedule));

        var rows = doc.Descendants(X + "tbody").First().Elements(X + "tr").ToList();
        Assert.Equal(["01:00 +02:00", "02:00 +02:00", "02:00 +01:00", "03:00 +01:00"], rows.Select(tr => tr.Element(X + "th")!.Value));
        Assert.Equal("night", (string?)rows[2].Element(X + "td")!.Attribute("data-meeting"));
    }

    [Fact]
    public void Each_delegation_agenda_lists_its_meetings_in_time_order_by_precedence()
    {
        var (ev, schedule) = Summit();

        var doc = Load(Page(ev, schedule));

        var agendas = doc.Descendants(X + "section").Where(s => ((string?)s.Attribute("class") ?? "").Contains("agenda", StringComparison.Ordinal)).ToList();
        Assert.Equal(["Agenda: United Nations", "Agenda: France", "Agenda: participants without a delegation"], agendas.Select(s => s.Element(X + "h2")!.Value));
        Assert.Equal(["un-fr", "un-obs"], agendas[0].Descendants(X + "tr").Select(tr => (string?)tr.Attribute("data-meeting")).OfType<string>());
        Assert.Equal(["un-fr", "trade", "fr-fr"], agendas[1].Descendants(X + "tr").Select(tr => (string?)tr.Attribute("data-meeting")).OfType<string>());
    }

    [Fact]
    public void Unscheduled_meetings_are_listed_with_their_reasons()
    {
        var (ev, schedule) = Summit();

        var doc = Load(Page(ev, schedule));

        var rows = doc.Descendants(X + "tr").Where(tr => tr.Attribute("data-unscheduled") is not null).ToList();
        Assert.Equal(["late", "never"], rows.Select(r => (string)r.Attribute("data-unscheduled")!));
        Assert.Contains("solo has no free 30-minute period, \"really\"", rows[1].Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_from_the_event_is_escaped_not_markup()
    {
        var (ev, schedule) = Summit();
        var page = Page(ev, schedule);

        var doc = Load(page);

        Assert.Empty(doc.Descendants(X + "b"));
        Assert.Contains("&lt;b&gt;more&lt;/b&gt;", page, StringComparison.Ordinal);
        Assert.Contains(doc.Descendants(X + "div"), d => d.Value == AwkwardTitle);
    }

    [Fact]
    public void Page_is_self_contained_and_prints_each_day_on_a_landscape_page()
    {
        var (ev, schedule) = Summit();
        var page = Page(ev, schedule);

        var doc = Load(page);

        Assert.Empty(doc.Descendants(X + "script"));
        Assert.Empty(doc.Descendants(X + "link"));
        Assert.Empty(doc.Descendants(X + "img"));
        Assert.All(doc.Descendants().Attributes().Where(a => a.Name.LocalName is "href" or "src"), a => Assert.StartsWith("#", a.Value, StringComparison.Ordinal));
        var css = doc.Descendants(X + "style").Single().Value;
        Assert.Contains("@page { size: landscape;", css, StringComparison.Ordinal);
        Assert.Contains("section.day ~ section.day", css, StringComparison.Ordinal);
        Assert.Contains("break-before: page", css, StringComparison.Ordinal);
        Assert.Equal(2, doc.Descendants(X + "section").Count(s => (string?)s.Attribute("class") == "day"));
    }

    [Fact]
    public void Meetings_an_invalid_schedule_overlaps_in_one_room_are_still_listed_under_the_grid()
    {
        var (ev, schedule) = Summit();
        var clash = schedule with { Assignments = [.. schedule.Assignments, At(ev, "late", "b1", new NodaTime.LocalDateTime(2021, 6, 22, 9, 15))] };

        var doc = Load(Page(ev, clash));

        Assert.Contains(WithMeeting(doc, "late"), e => e.Name == X + "li");
        Assert.Single(WithMeeting(doc, "un-fr"), e => e.Name == X + "td");
    }

    [Fact]
    public void Two_exports_are_identical()
    {
        var (ev, schedule) = Summit();

        Assert.Equal(Page(ev, schedule), Page(ev, schedule));
    }
}
