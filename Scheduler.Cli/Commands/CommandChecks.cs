using System.CommandLine;

namespace Scheduler.Cli.Commands;

/// <summary>Command-level checks that never crash the parser.</summary>
internal static class CommandChecks
{
    /// <summary>
    /// Adds <paramref name="check"/> to <paramref name="command"/>. Reading an option whose own value failed to
    /// parse throws; that option's error is already reported, so the check is skipped rather than crashing.
    /// </summary>
    public static void Add(Command command, Action<System.CommandLine.Parsing.CommandResult> check) =>
        command.Validators.Add(result =>
        {
            try
            {
                check(result);
            }
            catch (InvalidOperationException)
            {
                // Reported by the option itself.
            }
        });
}
