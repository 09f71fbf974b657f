using Scheduler.Engine.Files;

namespace Scheduler.Cli.Service;

/// <summary>
/// The one place the service meets replanning (contract v1.1, <c>previous</c> in <c>POST /v1/solve</c>). The
/// engine cannot replan yet, so a request that gives a previous schedule is refused with a problem at
/// <c>previous</c>; the shape of the request is accepted already, so callers need not change when it lands.
/// </summary>
internal static class Replanning
{
    /// <summary>The problem reported for a request that gives a previous schedule.</summary>
    public static InputProblem NotAvailable(string path) => new(path,
        "replanning from a previous schedule is not available in this version of the engine; "
        + "send the event alone to get a new schedule");
}
