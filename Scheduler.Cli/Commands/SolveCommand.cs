using System.CommandLine;
using Scheduler.Cli.Infrastructure;

namespace Scheduler.Cli.Commands;

/// <summary>
/// <c>scheduler solve EVENT.json [--previous PUBLISHED.json] [-o SCHEDULE.json] [--time-limit S] [--seed N] [--workers N]</c>,
/// or <c>--sample</c>.
/// </summary>
internal static class SolveCommand
{
    /// <summary>The command, writing to <paramref name="console"/>.</summary>
    public static Command Create(CliConsole console)
    {
        var eventFile = FileArgument.Optional("EVENT", "The event file (contract v1 JSON)");
        var output = new Option<string?>("--output", "-o")
        {
            Description = "Write the schedule to this file (atomically) instead of stdout",
            HelpName = "SCHEDULE.json",
        };
        var sample = new Option<bool>("--sample")
        {
            Description = "Solve the embedded sample conference and print its timetable",
        };
        var previous = new Option<string?>("--previous")
        {
            Description = "Replan from this published schedule of the event: move as few published meetings as possible "
                + "(the event's \"replan\" object sets frozenUntil and the costs); the schedule gets \"changes\"",
            HelpName = "PUBLISHED.json",
        };
        var settings = new SolveSettings();
        var command = new Command("solve", "Schedule the meeting requests of an event file")
        {
            eventFile,
            output,
            previous,
            sample,
        };
        settings.AddTo(command);
        CommandChecks.Add(command, result =>
        {
            var file = result.GetValue(eventFile);
            var hasFile = file is not null;
            var hasSample = result.GetValue(sample);
            // The parser skips an optional argument's own validators when it is the only token.
            if (FileArgument.IsOptionLike(file)) result.AddError($"Unrecognized option '{file}'.");
            else if (hasFile && hasSample) result.AddError("Give either an EVENT file or --sample, not both.");
            else if (!hasFile && !hasSample) result.AddError("Give an EVENT file to solve, or --sample for the embedded conference.");
            else if (hasSample && result.GetValue(previous) is not null) result.AddError("--previous replans an EVENT file; save the sample with 'scheduler sample -o FILE' first.");
        });

        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(eventFile);
            var outputPath = parse.GetValue(output);
            var ev = path is null ? InputFiles.LoadSample(console.Error) : InputFiles.LoadEvent(path, console.Error);
            if (ev is null) return ExitCodes.BadInput;
            var options = settings.Read(parse);
            if (parse.GetValue(previous) is { } previousPath)
            {
                // Nothing is solved or written when the published schedule cannot be replanned from.
                if (InputFiles.LoadPrevious(previousPath, ev, console.Error) is not { } published) return ExitCodes.BadInput;
                options = options with { Previous = published };
            }

            var mode = outputPath is not null ? SolveOutput.File
                : path is null ? SolveOutput.Timetable
                : SolveOutput.JsonToStdout;
            return await SolveRunner.RunAsync(ev, options, mode, outputPath, console, ct).ConfigureAwait(false);
        });
        return command;
    }
}
