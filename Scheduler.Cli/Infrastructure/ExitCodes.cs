namespace Scheduler.Cli.Infrastructure;

/// <summary>The exit codes of the contract.</summary>
internal static class ExitCodes
{
    /// <summary>Success: a valid schedule, or a valid file.</summary>
    public const int Success = 0;

    /// <summary><c>validate</c> found violations, or <c>solve</c> found no schedule of the required meetings.</summary>
    public const int Failure = 1;

    /// <summary>Unusable input: a file or an option the command cannot use; nothing was written.</summary>
    public const int BadInput = 2;

    /// <summary>A bug in the program (not a user mistake); the message asks for a report.</summary>
    public const int InternalError = 3;
}
