using System.CommandLine;
using Scheduler.Cli.Infrastructure;

namespace Scheduler.Cli.Commands;

/// <summary><c>scheduler demo</c>: the same as <c>scheduler solve --sample</c>.</summary>
internal static class DemoCommand
{
    /// <summary>The command, writing to <paramref name="console"/>.</summary>
    public static Command Create(CliConsole console)
    {
        var settings = new SolveSettings(defaultTimeLimitSeconds: 10);
        var command = new Command("demo", "Solve the embedded sample conference (Moscow, June 2021) and print its timetable");
        settings.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var ev = InputFiles.LoadSample(console.Error);
            if (ev is null) return ExitCodes.BadInput;
            return await SolveRunner.RunAsync(ev, settings.Read(parse), SolveOutput.Timetable, null, console, ct).ConfigureAwait(false);
        });
        return command;
    }
}
