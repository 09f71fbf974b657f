using System.Globalization;
using Scheduler.Engine.Domain;

namespace Scheduler.Engine.Export;

/// <summary>
/// A printable, self-contained HTML page (<c>index.html</c>): a grid per day (rooms across, times down), an
/// agenda per delegation, a sheet per room and the unscheduled meetings with their reasons.
/// </summary>
/// <remarks>
/// No script and no external resource: the CSS is inline, so the file opens anywhere, offline, and prints
/// with each day's grid, each agenda and each room sheet on its own landscape page. The markup is XHTML
/// syntax (well-formed XML) served as HTML. Times are local in the event's zone. Every assignment's cell or
/// row carries <c>data-meeting="ID"</c>; unscheduled rows carry <c>data-unscheduled="ID"</c>.
/// </remarks>
public static class HtmlExporter
{
    private const string Css = """

        @page { size: landscape; margin: 10mm; }
        body { font-family: "Segoe UI", "Helvetica Neue", Arial, sans-serif; font-size: 10pt; color: #111; margin: 1.5em; }
        h1 { font-size: 16pt; margin: 0 0 .3em; }
        h2 { font-size: 13pt; margin: 1.2em 0 .4em; }
        h3 { font-size: 11pt; margin: 1em 0 .3em; }
        table { border-collapse: collapse; margin-bottom: 1em; }
        th, td { border: 1px solid #999; padding: 2px 5px; vertical-align: top; text-align: left; }
        thead th { background: #e8e8e8; }
        table.grid { width: 100%; table-layout: fixed; font-size: 9pt; }
        table.grid th.time { width: 5.5em; white-space: nowrap; }
        table.grid td { height: 1.2em; }
        td.meeting { background: #dce9f8; border: 1px solid #4a6fa5; }
        td.break, tr.break th { background: #f0f0f0; }
        .title { font-weight: bold; white-space: pre-line; }
        .when, .who, .building, .offset, .break-name { font-size: 85%; color: #444; }
        .summary { color: #333; }
        .warning { color: #a00; }
        nav ul { padding-left: 1.2em; columns: 3; }
        @media print {
          body { margin: 0; }
          table.grid { font-size: 7.5pt; }
          nav { display: none; }
          section.day ~ section.day, section.sheet, section#unscheduled { break-before: page; page-break-before: always; }
          thead { display: table-header-group; }
          tr, td.meeting { break-inside: avoid; page-break-inside: avoid; }
          td.meeting, td.break, tr.break th, thead th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        }

        """;

    /// <summary>Exports the page.</summary>
    /// <param name="ev">The event the schedule belongs to.</param>
    /// <param name="schedule">The schedule to export.</param>
    /// <returns>One file, <c>index.html</c>.</returns>
    public static IReadOnlyList<ExportedFile> Export(Event ev, Schedule schedule)
    {
        var view = new ExportView(ev, schedule);
        using var html = new HtmlMarkup();
        html.DocType();
        html.Open("html", ("lang", "en"));
        html.Open("head");
        html.Void("meta", ("charset", "utf-8"));
        html.Void("meta", ("name", "generator"), ("content", "scheduler"));
        html.Element("title", $"{ev.Name} \u2013 schedule");
        html.Style(Css);
        html.Close();
        html.Open("body");
        WriteHeader(html, view);
        WriteDays(html, view);
        WriteAgendas(html, view);
        WriteRoomSheets(html, view);
        WriteInterpreterSheets(html, view);
        WriteUnscheduled(html, view);
        html.Close();
        html.Close();
        return [new ExportedFile("index.html", html.ToString())];
    }

    private static void WriteHeader(HtmlMarkup html, ExportView view)
    {
        var s = view.Schedule;
        var total = s.Assignments.Length + s.Unscheduled.Length;
        var bound = s.WeightBound is { } b ? $" (bound {b.ToString(CultureInfo.InvariantCulture)})" : "";
        html.Open("header");
        html.Element("h1", view.Event.Name);
        html.Element("p",
            $"Status: {s.Status.ToString().ToLowerInvariant()} \u00b7 {s.Assignments.Length} of {total} meetings scheduled"
            + $" \u00b7 weight {s.ScheduledWeight.ToString(CultureInfo.InvariantCulture)}{bound}"
            + $" \u00b7 idle gaps {s.IdleGaps.ToString(CultureInfo.InvariantCulture)}"
            + $" \u00b7 times are local in {view.Zone.Id}",
            ("class", "summary"));
        html.Close();
        html.Open("nav");
        html.Open("ul");
        foreach (var day in Days(view))
        {
            html.Open("li");
            html.Element("a", HtmlDayGrid.Title(day.Date), ("href", "#" + HtmlDayGrid.Anchor(day.Date)));
            html.Close();
        }

        html.Open("li");
        html.Element("a", "Delegation agendas", ("href", "#agendas"));
        html.Close();
        html.Open("li");
        html.Element("a", "Room sheets", ("href", "#rooms"));
        html.Close();
        html.Open("li");
        html.Element("a", $"Unscheduled meetings ({s.Unscheduled.Length})", ("href", "#unscheduled"));
        html.Close();
        html.Close();
        html.Close();
    }

    private static IEnumerable<EventDay> Days(ExportView view) => view.Event.Days.OrderBy(d => d.Date);

    private static void WriteDays(HtmlMarkup html, ExportView view)
    {
        var remaining = view.Assignments.ToList();
        foreach (var day in Days(view))
        {
            var grid = new HtmlDayGrid(view, day);
            var mine = remaining.Where(grid.Holds).ToList();
            remaining.RemoveAll(grid.Holds);
            grid.Write(html, mine);
        }

        if (remaining.Count > 0)
        {
            // Only an invalid schedule has these; listing them keeps the page a complete account.
            html.Open("section", ("class", "day"), ("id", "outside"));
            html.Element("h2", "Meetings outside the event's days");
            WriteAgendaTable(html, view, remaining, includeRoom: true);
            html.Close();
        }
    }

    private static void WriteAgendas(HtmlMarkup html, ExportView view)
    {
        html.Open("div", ("id", "agendas"));
        var delegations = view.Event.Delegations
            .Select((d, i) => (Delegation: d, Index: i))
            .OrderBy(x => x.Delegation.Precedence ?? int.MaxValue)
            .ThenBy(x => x.Index)
            .Select(x => x.Delegation);
        foreach (var delegation in delegations)
        {
            var members = view.Event.Participants.Where(p => p.Delegation == delegation.Id).Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
            WriteSheet(html, view, "Agenda: " + delegation.Name, members, "agenda");
        }

        var independents = view.Event.Participants
            .Where(p => p.Delegation is null || view.Event.FindDelegation(p.Delegation) is null)
            .Select(p => p.Id)
            .ToHashSet(StringComparer.Ordinal);
        if (independents.Count > 0) WriteSheet(html, view, "Agenda: participants without a delegation", independents, "agenda");
        html.Close();
    }

    private static void WriteSheet(HtmlMarkup html, ExportView view, string title, HashSet<string> participants, string kind)
    {
        var meetings = view.Assignments.Where(a => view.ParticipantIds(a.Meeting).Any(participants.Contains)).ToList();
        if (meetings.Count == 0) return;
        html.Open("section", ("class", "sheet " + kind));
        html.Element("h2", title);
        WriteAgendaTable(html, view, meetings, includeRoom: true);
        html.Close();
    }

    private static void WriteRoomSheets(HtmlMarkup html, ExportView view)
    {
        html.Open("div", ("id", "rooms"));
        foreach (var room in view.Event.Rooms)
        {
            var meetings = view.Assignments.Where(a => a.Room == room.Id).ToList();
            if (meetings.Count == 0) continue;
            html.Open("section", ("class", "sheet room-sheet"), ("data-room", room.Id));
            html.Element("h2", "Room: " + view.Location(room.Id));
            WriteAgendaTable(html, view, meetings, includeRoom: false);
            html.Close();
        }

        html.Close();
    }

    /// <summary>Contract v1.1: one sheet per interpreter with meetings, what their day holds and where; nothing when the event has none.</summary>
    private static void WriteInterpreterSheets(HtmlMarkup html, ExportView view)
    {
        if (view.Event.Interpreters.IsEmpty) return;
        html.Open("div", ("id", "interpreters"));
        foreach (var interpreter in view.Event.Interpreters)
        {
            var meetings = view.Assignments.Where(a => a.Interpreters.Contains(interpreter.Id, StringComparer.Ordinal)).ToList();
            if (meetings.Count == 0) continue;
            html.Open("section", ("class", "sheet interpreter-sheet"), ("data-interpreter", interpreter.Id));
            html.Element("h2", $"Interpreter: {interpreter.Name} ({string.Join(", ", interpreter.Languages)})");
            WriteAgendaTable(html, view, meetings, includeRoom: true);
            html.Close();
        }

        html.Close();
    }

    private static void WriteAgendaTable(HtmlMarkup html, ExportView view, IReadOnlyList<Assignment> meetings, bool includeRoom)
    {
        html.Open("table", ("class", "agenda-table"));
        html.Open("thead");
        html.Open("tr");
        foreach (var heading in includeRoom ? ["Day", "Time", "Meeting", "Room", "Participants"] : new[] { "Day", "Time", "Meeting", "Participants" })
            html.Element("th", heading, ("scope", "col"));
        html.Close();
        html.Close();
        html.Open("tbody");
        foreach (var a in meetings)
        {
            html.Open("tr", ("data-meeting", a.Meeting));
            html.Element("td", HtmlDayGrid.Title(view.Local(a.Start).Date));
            html.Element("td", view.TimeRange(a));
            html.Element("td", view.Title(a.Meeting), ("class", "title"));
            if (includeRoom) html.Element("td", view.Location(a.Room));
            html.Element("td", string.Join(CsvExporter.ListSeparator, view.ParticipantIds(a.Meeting).Select(view.ParticipantWithDelegation)));
            html.Close();
        }

        html.Close();
        html.Close();
    }

    private static void WriteUnscheduled(HtmlMarkup html, ExportView view)
    {
        html.Open("section", ("id", "unscheduled"));
        html.Element("h2", "Unscheduled meetings");
        if (view.Unscheduled.IsEmpty)
        {
            html.Element("p", "Every meeting is scheduled.", ("class", "empty"));
            html.Close();
            return;
        }

        html.Open("table");
        html.Open("thead");
        html.Open("tr");
        foreach (var heading in new[] { "Meeting", "Title", "Participants", "Reason" }) html.Element("th", heading, ("scope", "col"));
        html.Close();
        html.Close();
        html.Open("tbody");
        foreach (var u in view.Unscheduled)
        {
            html.Open("tr", ("data-unscheduled", u.Meeting));
            html.Element("td", u.Meeting);
            html.Element("td", view.Title(u.Meeting), ("class", "title"));
            html.Element("td", string.Join(CsvExporter.ListSeparator, view.ParticipantIds(u.Meeting).Select(view.ParticipantWithDelegation)));
            html.Element("td", u.Reason);
            html.Close();
        }

        html.Close();
        html.Close();
        html.Close();
    }
}
