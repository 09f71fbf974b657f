using System.CommandLine;
using Scheduler.Cli.Infrastructure;
using Scheduler.Cli.Rendering;
using Scheduler.Engine.Checking;

namespace Scheduler.Cli.Commands;

/// <summary>
/// <c>scheduler validate EVENT.json SCHEDULE.json [--previous PUBLISHED.json]</c>: every hard rule, checked without the
/// solver; with <c>--previous</c>, the replanning rules too (frozen meetings, <c>changes</c>, <c>objectiveValue</c>).
/// </summary>
internal static class ValidateCommand
{
    /// <summary>The command, writing to <paramref name="console"/>.</summary>
    public static Command Create(CliConsole console)
    {
        var eventFile = FileArgument.Required("EVENT", "The event file");
        var scheduleFile = FileArgument.Required("SCHEDULE", "The schedule file to check against it");
        var previousFile = new Option<string?>("--previous")
        {
            Description = "The published schedule SCHEDULE was replanned from: also check frozen meetings, changes and the objective",
            HelpName = "PUBLISHED.json",
        };
        var command = new Command("validate", "Check a schedule against every hard rule of its event file; list each violation")
        {
            eventFile,
            scheduleFile,
            previousFile,
        };
        command.SetAction(parse =>
        {
            // Both files are read before giving up, so the user sees every problem in one run.
            var ev = InputFiles.LoadEvent(parse.GetRequiredValue(eventFile), console.Error);
            var schedule = InputFiles.LoadSchedule(parse.GetRequiredValue(scheduleFile), console.Error);
            var previous = parse.GetValue(previousFile) is { } previousPath ? InputFiles.LoadSchedule(previousPath, console.Error) : null;
            if (ev is null || schedule is null || (parse.GetValue(previousFile) is not null && previous is null)) return ExitCodes.BadInput;

            var report = previous is null ? ScheduleValidator.Check(ev, schedule) : ScheduleValidator.CheckReplan(ev, previous, schedule);
            foreach (var violation in report.Violations) console.Out.WriteLine(violation.ToString());
            if (report.IsValid)
            {
                console.Out.WriteLine($"valid: {TimetableBuilder.Summary(ev, schedule)}");
                return ExitCodes.Success;
            }

            var count = report.Violations.Length;
            console.Out.WriteLine(count == 1 ? "1 violation" : $"{count} violations");
            return ExitCodes.Failure;
        });
        return command;
    }
}
