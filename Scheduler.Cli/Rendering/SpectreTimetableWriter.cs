using Spectre.Console;
using Spectre.Console.Rendering;

namespace Scheduler.Cli.Rendering;

/// <summary>Writes a timetable as Spectre.Console tables, for an interactive terminal.</summary>
internal static class SpectreTimetableWriter
{
    /// <summary>Writes <paramref name="timetable"/> to <paramref name="output"/>, a terminal.</summary>
    public static void Write(Timetable timetable, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(timetable);
        ArgumentNullException.ThrowIfNull(output);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.Detect,
            ColorSystem = ColorSystemSupport.Detect,
            Interactive = InteractionSupport.No,
        });

        console.Write(new Text(timetable.Title + "\n", new Style(decoration: Decoration.Bold)));
        console.Write(new Text(timetable.Summary + "\n"));
        if (timetable.Scope is not null) console.Write(new Text(timetable.Scope + "\n", new Style(Color.Grey)));

        foreach (var day in timetable.Days)
        {
            console.Write(new Rule(Markup.Escape(day.Heading)) { Justification = Justify.Left });
            if (day.Groups.Count == 0)
            {
                console.Write(new Text("(no meetings)\n", new Style(Color.Grey)));
                continue;
            }

            var table = new Table { Border = TableBorder.Rounded, Expand = false };
            if (!timetable.IsAgenda) table.AddColumn("Room");
            table.AddColumn("Time");
            table.AddColumn("Meeting");
            if (timetable.IsAgenda) table.AddColumn("Room");
            table.AddColumn("Participants");
            foreach (var group in day.Groups)
            {
                var first = true;
                foreach (var row in group.Rows)
                {
                    var cells = new List<IRenderable>();
                    if (!timetable.IsAgenda) cells.Add(new Text(first ? group.Label ?? "" : "", new Style(Color.Aqua)));
                    cells.Add(new Text(row.Time));
                    cells.Add(new Text(row.Title));
                    if (timetable.IsAgenda) cells.Add(new Text(row.Room, new Style(Color.Aqua)));
                    cells.Add(new Text(row.Participants));
                    table.AddRow(cells);
                    first = false;
                }
            }

            console.Write(table);
        }

        if (!timetable.ShowUnscheduled) return;
        if (timetable.Unscheduled.Count == 0)
        {
            console.Write(new Text("Every meeting is scheduled.\n", new Style(Color.Green)));
            return;
        }

        console.Write(new Rule(Markup.Escape($"Unscheduled meetings ({timetable.Unscheduled.Count})")) { Justification = Justify.Left });
        var unscheduled = new Table { Border = TableBorder.Rounded };
        unscheduled.AddColumn("Meeting");
        unscheduled.AddColumn("Participants");
        unscheduled.AddColumn("Reason");
        foreach (var row in timetable.Unscheduled)
            unscheduled.AddRow(new Text(row.Title), new Text(row.Participants), new Text(row.Reason, new Style(Color.Yellow)));
        console.Write(unscheduled);
    }
}
