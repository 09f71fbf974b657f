using Scheduler.Engine.Domain;
using Scheduler.Engine.Solving.Phases;
using Scheduler.Engine.Solving.Search;

namespace Scheduler.Engine.Solving;

/// <summary>The engine's entry point: turns an event's meeting requests into a schedule.</summary>
public static class MeetingScheduler
{
    /// <summary>
    /// Solves <paramref name="ev"/>: maximises scheduled weight, then, without losing any weight, minimises idle gaps,
    /// all within <see cref="SolveOptions.TimeLimit"/>. Cancellation stops the search and returns the best schedule
    /// found so far. When the required meetings cannot all be placed, the status is
    /// <see cref="ScheduleStatus.Infeasible"/> and the schedule holds the largest valid part.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The options' time limit or worker count is not positive.</exception>
    public static SolveResult Solve(Event ev, SolveOptions options, IProgress<SolveProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ev);
        ArgumentNullException.ThrowIfNull(options);
        if (options.TimeLimit <= NodaTime.Duration.Zero) throw new ArgumentOutOfRangeException(nameof(options), options.TimeLimit, "The time limit must be positive.");
        if (options.Workers < 1) throw new ArgumentOutOfRangeException(nameof(options), options.Workers, "At least one worker is needed.");

        var clock = new SearchClock(options, cancellationToken);
        var problem = SchedulingProblem.Build(ev);
        var board = new ProgressBoard(progress, clock, problem.WeightCeiling);
        var ctx = new SolveContext(options, clock, board);
        var hint = Hints.FirstFit(problem);
        var solve = new SolveStrategy(problem, ctx, hint);
        var summary = solve.Run();
        return SolveResultAssembly.Assemble(problem, summary, ctx);
    }
}
