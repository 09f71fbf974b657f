using System.CommandLine;
using System.CommandLine.Help;
using System.Reflection;
using Scheduler.Cli.Commands;
using Scheduler.Cli.Infrastructure;

namespace Scheduler.Cli;

/// <summary>
/// The <c>scheduler</c> command line, callable with any pair of writers so tests run the real entry point.
/// Exit codes follow the contract: 0 success, 1 violations or no schedule of the required meetings,
/// 2 unusable input or options (every problem on stderr, nothing written).
/// </summary>
internal static class CliApp
{
    /// <summary>The program's name in help and messages.</summary>
    public const string Name = "scheduler";

    /// <summary>The version printed by <c>--version</c> (the CLI assembly's informational version).</summary>
    public static string Version { get; } =
        typeof(CliApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(CliApp).Assembly.GetName().Version?.ToString()
        ?? "0.0.0";

    /// <summary>Runs the command line <paramref name="args"/>; terminal detection only applies to the console's own streams.</summary>
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken ct) =>
        RunAsync(args, CliConsole.For(stdout, stderr), ct);

    /// <summary>Runs the command line <paramref name="args"/> against <paramref name="console"/>.</summary>
    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        var root = BuildRoot(console);
        ParseResult parse;
        try
        {
            parse = root.Parse(args);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // A parser check that could not read a value: the user typed something unusable.
            console.Error.WriteLine($"{Name}: {e.Message}");
            console.Error.WriteLine($"Run '{Name} --help' for the commands and their options.");
            return ExitCodes.BadInput;
        }

        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors) console.Error.WriteLine($"{Name}: {error.Message}");
            console.Error.WriteLine($"Run '{Name} --help' for the commands and their options.");
            return ExitCodes.BadInput;
        }

        var configuration = new InvocationConfiguration
        {
            Output = console.Out,
            Error = console.Error,
            // Program.cs turns Ctrl-C into cancellation itself, so the solver can still write its best schedule.
            ProcessTerminationTimeout = null,
            EnableDefaultExceptionHandler = false,
        };
        try
        {
            return await parse.InvokeAsync(configuration, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            console.Error.WriteLine($"{Name}: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            console.Error.WriteLine($"{Name}: cancelled");
            return ExitCodes.Failure;
        }
        catch (Exception e)
        {
            console.Error.WriteLine($"{Name}: internal error (a bug; please report it with this text):");
            console.Error.WriteLine(e.ToString());
            return ExitCodes.InternalError;
        }
    }

    private static Command BuildRoot(CliConsole console)
    {
        var versionOption = new Option<bool>("--version") { Description = "Show the version and exit" };
        // A plain Command rather than RootCommand: its name is "scheduler" in help even under a test host.
        var root = new Command(Name, "Schedules bilateral meetings at conferences and trade fairs: "
            + "reads an event file of meeting requests and writes the best timetable it can prove.\n"
            + "Start with 'scheduler demo'. Exit codes: 0 success; 1 violations found, or no schedule of the "
            + "required meetings (the schedule is still written); 2 unusable input or options (nothing written).")
        {
            new HelpOption { Recursive = true },
            versionOption,
            SolveCommand.Create(console),
            DemoCommand.Create(console),
            ValidateCommand.Create(console),
            DiffCommand.Create(console),
            ShowCommand.Create(console),
            ExportCommand.Create(console),
            GenerateCommand.Create(console),
            SampleCommand.Create(console),
            ServeCommand.Create(console),
        };
        root.SetAction(parse =>
        {
            if (parse.GetValue(versionOption))
            {
                console.Out.WriteLine($"{Name} {Version}");
                return ExitCodes.Success;
            }

            console.Error.WriteLine($"{Name}: give a command, for example '{Name} demo'.");
            console.Error.WriteLine($"Run '{Name} --help' for the commands and their options.");
            return ExitCodes.BadInput;
        });
        return root;
    }
}
