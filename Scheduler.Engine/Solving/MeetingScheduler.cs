using Scheduler.Engine.Domain;

namespace Scheduler.Engine.Solving;

/// <summary>The engine's entry point: turns an event's meeting requests into a schedule.</summary>
public static class MeetingScheduler
{
    /// <summary>
    /// Solves <paramref name="ev"/>: maximises scheduled weight, then minimises idle gaps, within the options' limits.
    /// Cancellation stops the search and returns the best schedule found so far.
    /// </summary>
    public static SolveResult Solve(Event ev, SolveOptions options, IProgress<SolveProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        // Being written in the solver issue (#3) on main right now.
        throw new NotImplementedException();
    }
}
