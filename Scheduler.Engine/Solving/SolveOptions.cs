using NodaTime;

namespace Scheduler.Engine.Solving;

/// <summary>
/// How a solve runs. With <see cref="Deterministic"/>, the same event, seed and worker count give the same schedule on
/// any machine and load; without it, small events are reproducible and large ones use the faster parallel search.
/// </summary>
public sealed record SolveOptions
{
    /// <summary>
    /// The limit of the whole solve, model building included; positive. Default 30 seconds. Wall-clock time, except
    /// with <see cref="Deterministic"/>, where it is a budget of CP-SAT deterministic seconds (work, not time).
    /// </summary>
    public Duration TimeLimit { get; init; } = Duration.FromSeconds(30);

    /// <summary>Random seed for the search. Default 0.</summary>
    public int Seed { get; init; }

    /// <summary>Search workers (threads); at least 1. Default: the machine's processor count.</summary>
    public int Workers { get; init; } = Math.Max(1, Environment.ProcessorCount);

    /// <summary>
    /// When true, every search limit is counted in deterministic work units and every parallel search is interleaved,
    /// so the schedule depends only on the event, <see cref="Seed"/> and <see cref="Workers"/>. A wall-clock safety stop
    /// (<see cref="SafetyLimit"/>) still ends a run that takes far longer than expected, and the result says so.
    /// </summary>
    public bool Deterministic { get; init; }

    /// <summary>
    /// The wall-clock stop of a deterministic run; null for the default of twice <see cref="TimeLimit"/> plus 30
    /// seconds. Ignored when <see cref="Deterministic"/> is false.
    /// </summary>
    public Duration? SafetyLimit { get; init; }

    /// <summary>
    /// CP-SAT parameters in its text format (<c>"linearization_level:2 subsolvers:\"core\""</c>) that override the
    /// engine's own choices in every search: for experiments. Null or empty for none.
    /// </summary>
    public string? SolverParameters { get; init; }

    /// <summary>Whether CP-SAT writes its search log to standard output: for diagnosing a slow event.</summary>
    public bool SolverLog { get; init; }

    /// <summary>
    /// The published schedule to replan from (contract v1.1, <c>--previous</c>), checked against the event being solved
    /// by <see cref="PublishedSchedule.Check"/>; null for a fresh solve. With it the first objective is
    /// <c>scheduledWeight - moveCost*moved - roomChangeCost*roomChanged - dropCost*dropped</c>, the schedule carries
    /// <see cref="Domain.Schedule.Changes"/>, and its status, objective value and bound refer to that objective.
    /// </summary>
    public PublishedSchedule? Previous { get; init; }
}

/// <summary>What the search is doing when it reports.</summary>
public enum SolvePhase
{
    /// <summary>Maximising the scheduled weight.</summary>
    Weight,

    /// <summary>Minimising idle gaps at the weight found.</summary>
    IdleGaps,

    /// <summary>Placing as many required meetings as possible, after they proved unable to all fit.</summary>
    Required,
}

/// <summary>A snapshot of the search, reported on each improving solution and each better bound.</summary>
/// <param name="Elapsed">Wall-clock time since the solve started.</param>
/// <param name="Phase">What the search is doing.</param>
/// <param name="ScheduledWeight">Weight of the best schedule so far.</param>
/// <param name="WeightBound">Proven upper bound on the weight so far; at least <paramref name="ScheduledWeight"/>.</param>
/// <param name="IdleGaps">Idle gaps of the best schedule so far, or null before the idle-gap phase.</param>
/// <param name="IdleGapsBound">Proven lower bound on idle gaps at that weight, or null.</param>
public sealed record SolveProgress(
    Duration Elapsed,
    SolvePhase Phase,
    long ScheduledWeight,
    long WeightBound,
    int? IdleGaps,
    int? IdleGapsBound);
