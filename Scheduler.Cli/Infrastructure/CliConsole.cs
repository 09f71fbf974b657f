namespace Scheduler.Cli.Infrastructure;

/// <summary>
/// The two output streams a command writes to, and whether each is an interactive terminal
/// (which decides between Spectre tables and a live status line, or plain text).
/// </summary>
internal sealed record CliConsole(TextWriter Out, TextWriter Error, bool OutIsTerminal, bool ErrorIsTerminal)
{
    /// <summary>
    /// Streams that are terminals only when they are the process's own console streams and not redirected,
    /// so tests passing StringWriters always get plain output.
    /// </summary>
    public static CliConsole For(TextWriter stdout, TextWriter stderr) => new(
        stdout,
        stderr,
        ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected,
        ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected);
}
