using NodaTime;
using Scheduler.Engine.Domain;

namespace Scheduler.Engine.Solving;

/// <summary>The outcome of <see cref="MeetingScheduler.Solve"/>: the schedule and how the search went.</summary>
/// <param name="Schedule">The schedule, valid by construction (and checked by the caller's validator).</param>
/// <param name="Statistics">Figures about the search.</param>
public sealed record SolveResult(Schedule Schedule, SolveStatistics Statistics);

/// <summary>Figures about one solve.</summary>
/// <param name="Elapsed">Wall-clock time of the whole solve.</param>
/// <param name="FirstSolution">Time to the first valid schedule, or null when none was found.</param>
/// <param name="Proof">Time until optimality (or infeasibility) was proven, or null when it was not.</param>
/// <param name="BaselineWeight">Scheduled weight of the first-fit baseline (what an officer does by hand).</param>
/// <param name="Meetings">Meeting requests in the event.</param>
/// <param name="CandidateStarts">Candidate (meeting, start, room pool) triples the model has variables for.</param>
/// <param name="ModelBuild">Time spent building the model.</param>
public sealed record SolveStatistics(
    Duration Elapsed,
    Duration? FirstSolution,
    Duration? Proof,
    long BaselineWeight,
    int Meetings,
    int CandidateStarts,
    Duration ModelBuild)
{
    /// <summary>CP-SAT deterministic seconds the searches used: the budget a deterministic run counts.</summary>
    public double DeterministicSeconds { get; init; }

    /// <summary>
    /// True when a deterministic run's wall-clock safety stop ended a search before its work budget: that schedule
    /// may differ on another machine.
    /// </summary>
    public bool SafetyStopFired { get; init; }
}
