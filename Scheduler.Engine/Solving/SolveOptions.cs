using NodaTime;

namespace Scheduler.Engine.Solving;

/// <summary>How a solve runs. Same event, seed and worker count give the same schedule.</summary>
public sealed record SolveOptions
{
    /// <summary>Wall-clock limit for the whole solve; positive. Default 30 seconds.</summary>
    public Duration TimeLimit { get; init; } = Duration.FromSeconds(30);

    /// <summary>Random seed for the search. Default 0.</summary>
    public int Seed { get; init; }

    /// <summary>Search workers (threads); at least 1. Default: the machine's processor count.</summary>
    public int Workers { get; init; } = Math.Max(1, Environment.ProcessorCount);

    /// <summary>Whether to seed the search with the first-fit baseline as a hint. Default true.</summary>
    public bool UseHint { get; init; } = true;
}

/// <summary>A snapshot of the search, reported on each improving solution.</summary>
/// <param name="Elapsed">Time since the solve started.</param>
/// <param name="Phase">What the search is doing: <c>weight</c> (maximising weight) or <c>idle gaps</c>.</param>
/// <param name="ScheduledWeight">Weight of the best schedule so far.</param>
/// <param name="WeightBound">Proven upper bound on the weight so far.</param>
/// <param name="IdleGaps">Idle gaps of the best schedule so far, or null before the idle-gap phase.</param>
/// <param name="IdleGapsBound">Proven lower bound on idle gaps at that weight, or null.</param>
public sealed record SolveProgress(
    Duration Elapsed,
    string Phase,
    long ScheduledWeight,
    long WeightBound,
    int? IdleGaps,
    int? IdleGapsBound);
