using System.Globalization;
using CsvHelper;
using Scheduler.Engine.Domain;

namespace Scheduler.Engine.Export;

/// <summary>
/// CSV export for spreadsheets and integrators: <c>assignments.csv</c>, one row per scheduled meeting, and
/// <c>unscheduled.csv</c>, one row per meeting left out, with its reason.
/// </summary>
/// <remarks>
/// RFC 4180: comma separated, a header row, CRLF after every record, fields quoted when they hold a comma,
/// a quote, CR or LF (quotes doubled). Each file starts with a UTF-8 byte order mark: without it Excel opens
/// a double-clicked CSV in the legacy code page and garbles every non-ASCII name; LibreOffice, CsvHelper
/// and Python's <c>utf-8-sig</c> read the mark and drop it.
/// <para>assignments.csv columns: <c>meeting</c> (id), <c>title</c>, <c>day</c> (local date of the start,
/// yyyy-MM-dd), <c>start</c> and <c>end</c> (local HH:mm in the event's zone), <c>room</c> and
/// <c>building</c> (names; building empty when none), <c>participants</c> and <c>delegations</c> (names joined
/// by "; "), then for machines <c>roomId</c>, <c>participantIds</c> (joined by "; "), <c>startDateTime</c> and
/// <c>endDateTime</c> (offset date-times in the event's zone, as in the schedule file). Rows are ordered by
/// start, room id, meeting id.</para>
/// <para>Fields are written as they are, also those starting with <c>=</c>, <c>+</c>, <c>-</c> or <c>@</c>: an
/// integrator gets back exactly the event's titles and names, and those come from the organisers' own event
/// file, not from outsiders.</para>
/// <para>unscheduled.csv columns: <c>meeting</c>, <c>title</c>, <c>participants</c>, <c>code</c> (the reason
/// code, e.g. <c>busy</c>; empty for a schedule file without one), <c>reason</c>, in the event file's meeting
/// order.</para>
/// <para>A replanned schedule (one with <see cref="Schedule.Changes"/>) gets a last column <c>change</c> in both files:
/// <c>kept</c>, <c>moved</c>, <c>room-changed</c> or <c>added</c> in assignments.csv, <c>dropped</c> (a published
/// meeting) or empty in unscheduled.csv. A schedule without changes keeps the v1 columns exactly.</para>
/// </remarks>
public static class CsvExporter
{
    /// <summary>The byte order mark each file starts with.</summary>
    internal const string ByteOrderMark = "\uFEFF";

    /// <summary>The separator inside list-valued fields (participants, delegations).</summary>
    internal const string ListSeparator = "; ";

    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        Separator = ',',
        NewLine = "\r\n",
        Quoting = CsvQuoting.WhenNeeded,
        FormatProvider = CultureInfo.InvariantCulture,
    };

    /// <summary>Exports <c>assignments.csv</c> and <c>unscheduled.csv</c>, in that order.</summary>
    /// <param name="ev">The event the schedule belongs to.</param>
    /// <param name="schedule">The schedule to export.</param>
    /// <returns>The two files; each has a header row even when it has no other.</returns>
    public static IReadOnlyList<ExportedFile> Export(Event ev, Schedule schedule)
    {
        var view = new ExportView(ev, schedule);
        return
        [
            new ExportedFile("assignments.csv", Assignments(view)),
            new ExportedFile("unscheduled.csv", Unscheduled(view)),
        ];
    }

    private static string Assignments(ExportView view)
    {
        // Contract v1.1: events with interpreters get two more columns, replanned schedules a change column, at the end;
        // other files stay as they were.
        bool interpreters = !view.Event.Interpreters.IsEmpty;
        var change = Changes(view.Schedule);
        string[] header =
        [
            "meeting", "title", "day", "start", "end", "room", "building", "participants", "delegations",
            "roomId", "participantIds", "startDateTime", "endDateTime",
        ];
        string[] withInterpreters = interpreters ? [.. header, "interpreters", "interpreterIds"] : header;
        return Write(
            change is null ? withInterpreters : [.. withInterpreters, "change"],
            view.Assignments.Select(a =>
            {
                var start = view.Local(a.Start);
                var end = view.Local(a.End);
                var participants = view.ParticipantIds(a.Meeting);
                string[] row =
                [
                    a.Meeting,
                    view.Title(a.Meeting),
                    ExportView.FormatDate(start.Date),
                    ExportView.FormatTime(start),
                    ExportView.FormatTime(end),
                    view.RoomName(a.Room),
                    view.BuildingName(a.Room) ?? "",
                    string.Join(ListSeparator, participants.Select(view.ParticipantName)),
                    string.Join(ListSeparator, view.DelegationNames(a.Meeting)),
                    a.Room,
                    string.Join(ListSeparator, participants),
                    ExportView.FormatOffset(start),
                    ExportView.FormatOffset(end),
                ];
                string[] full = interpreters
                    ? [.. row, string.Join(ListSeparator, a.Interpreters.Select(view.InterpreterName)), string.Join(ListSeparator, a.Interpreters)]
                    : row;
                return change is null ? full : [.. full, change.GetValueOrDefault(a.Meeting, "")];
            }));
    }

    private static string Unscheduled(ExportView view)
    {
        var change = Changes(view.Schedule);
        string[] header = ["meeting", "title", "participants", "code", "reason"];
        return Write(
            change is null ? header : [.. header, "change"],
            view.Unscheduled.Select(u =>
            {
                string[] row =
                [
                    u.Meeting,
                    view.Title(u.Meeting),
                    string.Join(ListSeparator, view.ParticipantIds(u.Meeting).Select(view.ParticipantName)),
                    u.Code?.Text() ?? "",
                    u.Reason,
                ];
                return change is null ? row : [.. row, change.GetValueOrDefault(u.Meeting, "")];
            }));
    }

    /// <summary>Per meeting id, its change against the published schedule; null when the schedule is no replan.</summary>
    private static Dictionary<string, string>? Changes(Schedule schedule)
    {
        if (schedule.Changes is not { } c) return null;
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var a in schedule.Assignments) result[a.Meeting] = "kept";
        foreach (var m in c.Moved) result[m.Meeting] = "moved";
        foreach (var m in c.RoomChanged) result[m.Meeting] = "room-changed";
        foreach (var id in c.Added) result[id] = "added";
        foreach (var d in c.Dropped) result[d.Meeting] = "dropped";
        return result;
    }

    private static string Write(string[] header, IEnumerable<string[]> rows)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        text.Write(ByteOrderMark);
        using (var csv = CsvWriter.Create(text, Options, leaveOpen: true))
        {
            csv.WriteHeader(header);
            foreach (var row in rows)
            {
                foreach (var field in row) csv.WriteField(field);
                csv.EndRecord();
            }
        }

        return text.ToString();
    }
}
