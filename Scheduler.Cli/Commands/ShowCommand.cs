using System.CommandLine;
using NodaTime.Text;
using Scheduler.Cli.Infrastructure;
using Scheduler.Cli.Rendering;

namespace Scheduler.Cli.Commands;

/// <summary>
/// <c>scheduler show EVENT SCHEDULE [--participant ID | --delegation ID | --room ID | --interpreter ID] [--day DATE]</c>:
/// the timetable for people, as tables on a terminal and plain aligned text otherwise.
/// </summary>
internal static class ShowCommand
{
    /// <summary>The command, writing to <paramref name="console"/>.</summary>
    public static Command Create(CliConsole console)
    {
        var eventFile = FileArgument.Required("EVENT", "The event file");
        var scheduleFile = FileArgument.Required("SCHEDULE", "A schedule file for it");
        var participant = new Option<string?>("--participant") { Description = "Only this participant's agenda", HelpName = "ID" };
        var delegation = new Option<string?>("--delegation") { Description = "Only this delegation's agenda", HelpName = "ID" };
        var room = new Option<string?>("--room") { Description = "Only this room's sheet", HelpName = "ID" };
        var interpreter = new Option<string?>("--interpreter") { Description = "Only this interpreter's day", HelpName = "ID" };
        var day = new Option<string?>("--day") { Description = "Only this day (YYYY-MM-DD)", HelpName = "DATE" };
        day.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (!LocalDatePattern.Iso.Parse(token.Value).Success)
                    result.AddError($"--day: \"{token.Value}\" is not a date such as 2021-06-22.");
            }
        });
        var command = new Command("show", "Print a schedule as a readable timetable (per day and room, or one agenda)")
        {
            eventFile,
            scheduleFile,
            participant,
            delegation,
            room,
            interpreter,
            day,
        };
        CommandChecks.Add(command, result =>
        {
            var given = new[] { result.GetValue(participant), result.GetValue(delegation), result.GetValue(room), result.GetValue(interpreter) }
                .Count(v => v is not null);
            if (given > 1) result.AddError("Give at most one of --participant, --delegation, --room and --interpreter.");
        });

        command.SetAction(parse =>
        {
            var ev = InputFiles.LoadEvent(parse.GetRequiredValue(eventFile), console.Error);
            var schedule = InputFiles.LoadSchedule(parse.GetRequiredValue(scheduleFile), console.Error);
            if (ev is null || schedule is null) return ExitCodes.BadInput;

            var filter = new TimetableFilter(
                parse.GetValue(participant),
                parse.GetValue(delegation),
                parse.GetValue(room),
                parse.GetValue(day) is { } text ? LocalDatePattern.Iso.Parse(text).Value : null)
            {
                Interpreter = parse.GetValue(interpreter),
            };
            var problems = filter.ProblemsWith(ev);
            if (problems.Count > 0)
            {
                foreach (var problem in problems) console.Error.WriteLine(problem);
                return ExitCodes.BadInput;
            }

            var timetable = TimetableBuilder.Build(ev, schedule, filter);
            if (console.OutIsTerminal) SpectreTimetableWriter.Write(timetable, console.Out);
            else console.Out.Write(PlainTimetableWriter.Render(timetable));
            return ExitCodes.Success;
        });
        return command;
    }
}
