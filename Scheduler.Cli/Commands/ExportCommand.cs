using System.CommandLine;
using Scheduler.Cli.Infrastructure;
using Scheduler.Engine.Domain;
using Scheduler.Engine.Export;

namespace Scheduler.Cli.Commands;

/// <summary>
/// <c>scheduler export EVENT SCHEDULE --format ics|csv|html --out DIR</c>: calendars per participant and room,
/// spreadsheet rows, or one printable page.
/// </summary>
internal static class ExportCommand
{
    /// <summary>The command, writing to <paramref name="console"/>.</summary>
    public static Command Create(CliConsole console)
    {
        var eventFile = FileArgument.Required("EVENT", "The event file");
        var scheduleFile = FileArgument.Required("SCHEDULE", "A schedule file for it");
        var format = new Option<string>("--format", "-f")
        {
            Description = "ics: a calendar per participant, room and interpreter; csv: assignments.csv and unscheduled.csv; "
                + "html: one printable page",
            HelpName = "ics|csv|html",
            Required = true,
        };
        format.AcceptOnlyFromAmong("ics", "csv", "html");
        var output = new Option<string>("--out")
        {
            Description = "The folder to write into (created when missing; files of the same name are replaced)",
            HelpName = "DIR",
            Required = true,
        };
        var command = new Command("export", "Export a schedule as iCalendar files, CSV or a printable HTML page")
        {
            eventFile,
            scheduleFile,
            format,
            output,
        };
        command.SetAction(parse =>
        {
            var ev = InputFiles.LoadEvent(parse.GetRequiredValue(eventFile), console.Error);
            var schedule = InputFiles.LoadSchedule(parse.GetRequiredValue(scheduleFile), console.Error);
            if (ev is null || schedule is null) return ExitCodes.BadInput;

            var directory = parse.GetRequiredValue(output);
            if (directory.Length == 0)
            {
                console.Error.WriteLine("--out: give a folder name");
                return ExitCodes.BadInput;
            }

            if (File.Exists(directory))
            {
                console.Error.WriteLine($"{directory}: is a file, not a folder");
                return ExitCodes.BadInput;
            }

            var written = ExportWriter.WriteAll(Files(parse.GetRequiredValue(format), ev, schedule), directory);
            console.Out.WriteLine(written.Count == 1 ? $"Wrote 1 file to {directory}" : $"Wrote {written.Count} files to {directory}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static IReadOnlyList<ExportedFile> Files(string format, Event ev, Schedule schedule) => format switch
    {
        "ics" => IcsExporter.Export(ev, schedule),
        "csv" => CsvExporter.Export(ev, schedule),
        _ => HtmlExporter.Export(ev, schedule),
    };
}
