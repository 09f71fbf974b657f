using System.Text;

namespace Scheduler.Cli.Rendering;

/// <summary>
/// Writes a timetable as plain aligned text, for pipes, files and printers: no colour, no box drawing,
/// no trailing spaces, "\n" line ends, so the output is byte-for-byte stable.
/// </summary>
internal static class PlainTimetableWriter
{
    private const string Gutter = "  ";

    /// <summary>The timetable as text.</summary>
    public static string Render(Timetable timetable)
    {
        ArgumentNullException.ThrowIfNull(timetable);
        var text = new StringBuilder();
        Line(text, timetable.Title);
        Line(text, timetable.Summary);
        if (timetable.Scope is not null) Line(text, timetable.Scope);

        var rows = timetable.Days.SelectMany(d => d.Groups).SelectMany(g => g.Rows).ToList();
        var titleWidth = rows.Count == 0 ? 0 : rows.Max(r => r.Title.Length);
        var roomWidth = rows.Count == 0 ? 0 : rows.Max(r => r.Room.Length);

        foreach (var day in timetable.Days)
        {
            Line(text, "");
            Line(text, day.Heading);
            if (day.Groups.Count == 0) Line(text, Gutter + "(no meetings)");
            foreach (var group in day.Groups)
            {
                var indent = Gutter;
                if (group.Label is not null)
                {
                    Line(text, Gutter + group.Label);
                    indent = Gutter + Gutter;
                }

                foreach (var row in group.Rows)
                {
                    var cells = timetable.IsAgenda
                        ? new[] { row.Time, row.Title.PadRight(titleWidth), row.Room.PadRight(roomWidth), row.Participants }
                        : new[] { row.Time, row.Title.PadRight(titleWidth), row.Participants };
                    Line(text, indent + string.Join(Gutter, cells));
                }
            }
        }

        if (timetable.ShowUnscheduled)
        {
            Line(text, "");
            Line(text, timetable.Unscheduled.Count == 0
                ? "Every meeting is scheduled."
                : $"Unscheduled meetings ({timetable.Unscheduled.Count})");
            foreach (var row in timetable.Unscheduled)
            {
                Line(text, row.Participants.Length == 0 ? Gutter + row.Title : $"{Gutter}{row.Title}{Gutter}{row.Participants}");
                Line(text, Gutter + Gutter + row.Reason);
            }
        }

        return text.ToString();
    }

    private static void Line(StringBuilder text, string line) => text.Append(line.TrimEnd()).Append('\n');
}
