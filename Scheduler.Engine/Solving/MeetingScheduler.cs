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
    /// <remarks>
    /// With <see cref="SolveOptions.Previous"/> the solve is a replan (contract v1.1): frozen meetings stay, nothing else
    /// starts before <c>frozenUntil</c>, the first objective is the replanning objective, published meetings keep their
    /// rooms where they can, and the schedule carries its <see cref="Schedule.Changes"/>, objective value and bound.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">The options' time limit or worker count is not positive.</exception>
    /// <exception cref="ArgumentException">The options' previous schedule was checked against another event instance.</exception>
    public static SolveResult Solve(Event ev, SolveOptions options, IProgress<SolveProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ev);
        ArgumentNullException.ThrowIfNull(options);
        if (options.TimeLimit <= NodaTime.Duration.Zero) throw new ArgumentOutOfRangeException(nameof(options), options.TimeLimit, "The time limit must be positive.");
        if (options.Workers < 1) throw new ArgumentOutOfRangeException(nameof(options), options.Workers, "At least one worker is needed.");

        if (options.Previous is { } previous && !ReferenceEquals(previous.Event, ev))
            throw new ArgumentException("The previous schedule was checked against another event: check it against this one with PublishedSchedule.Check.", nameof(options));

        var clock = new SearchClock(options, cancellationToken);
        // A replan solves a stricter event (frozen meetings pinned, nothing else before frozenUntil), valid for this one.
        var problem = options.Previous is { } published
            ? SchedulingProblem.Build(published.SolverEvent(), published.RoomsToKeepApart())
            : SchedulingProblem.Build(ev);
        var board = new ProgressBoard(progress, clock, problem.WeightCeiling);
        var ctx = new SolveContext(options, clock, board);
        var hint = Hints.FirstFit(problem);
        var solve = new SolveStrategy(problem, ctx, hint);
        var summary = solve.Run();
        var result = SolveResultAssembly.Assemble(problem, summary, ctx);
        return options.Previous is { } from ? ReplanAssembly.Finish(result, problem, summary, from) : result;
    }
}
