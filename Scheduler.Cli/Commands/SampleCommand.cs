using System.CommandLine;
using Scheduler.Cli.Infrastructure;
using Scheduler.Cli.Samples;

namespace Scheduler.Cli.Commands;

/// <summary><c>scheduler sample [-o FILE]</c>: the embedded sample event file, to read or edit.</summary>
internal static class SampleCommand
{
    /// <summary>The command, writing to <paramref name="console"/>.</summary>
    public static Command Create(CliConsole console)
    {
        var output = new Option<string?>("--output", "-o")
        {
            Description = "Write the sample to this file instead of stdout",
            HelpName = "FILE",
        };
        var command = new Command("sample", "Write the embedded sample event file (Moscow, June 2021) so you can edit it")
        {
            output,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(output);
            if (path is null)
            {
                console.Out.Write(SampleEvent.Json);
                return ExitCodes.Success;
            }

            if (AtomicFile.ProblemWriting(path) is { } problem)
            {
                console.Error.WriteLine(problem);
                return ExitCodes.BadInput;
            }

            AtomicFile.WriteAllText(path, SampleEvent.Json);
            console.Out.WriteLine($"Wrote {path}");
            return ExitCodes.Success;
        });
        return command;
    }
}
