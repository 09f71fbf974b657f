using System.CommandLine;
using Scheduler.Cli.Infrastructure;
using Scheduler.Cli.Rendering;
using Scheduler.Engine.Domain;

namespace Scheduler.Cli.Commands;

/// <summary>
/// <c>scheduler diff EVENT.json OLD.json NEW.json</c>: what changed from the published schedule to the new one, per
/// delegation, in words an officer can forward (contract v1.1).
/// </summary>
internal static class DiffCommand
{
    /// <summary>The command, writing to <paramref name="console"/>.</summary>
    public static Command Create(CliConsole console)
    {
        var eventFile = FileArgument.Required("EVENT", "The event file as it is now");
        var oldFile = FileArgument.Required("OLD", "The schedule that was published");
        var newFile = FileArgument.Required("NEW", "The new schedule (a replan with --previous OLD)");
        var command = new Command("diff", "List what changed between a published schedule and a new one, per delegation")
        {
            eventFile,
            oldFile,
            newFile,
        };
        command.SetAction(parse =>
        {
            // Every file is read before giving up, so the user sees every problem in one run.
            var ev = InputFiles.LoadEvent(parse.GetRequiredValue(eventFile), console.Error);
            var oldPath = parse.GetRequiredValue(oldFile);
            var newPath = parse.GetRequiredValue(newFile);
            var published = InputFiles.LoadSchedule(oldPath, console.Error);
            var next = InputFiles.LoadSchedule(newPath, console.Error);
            if (ev is null || published is null || next is null) return ExitCodes.BadInput;
            bool foreign = false;
            foreach (var (path, schedule) in new[] { (oldPath, published), (newPath, next) })
            {
                if (schedule.EventName == ev.Name) continue;
                console.Error.WriteLine($"{path}: event: the schedule is of the event \"{schedule.EventName}\", not of \"{ev.Name}\"");
                foreign = true;
            }

            if (foreign) return ExitCodes.BadInput;
            foreach (var line in ChangeReport.Lines(ev, ScheduleChanges.Between(ev, published, next))) console.Out.WriteLine(line);
            return ExitCodes.Success;
        });
        return command;
    }
}
