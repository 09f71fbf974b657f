using System.Collections.Immutable;
using NodaTime;

namespace Scheduler.Engine.Domain;

/// <summary>The outcome of a solve, as the schedule file's <c>status</c>.</summary>
public enum ScheduleStatus
{
    /// <summary>No schedule of higher scheduled weight exists.</summary>
    Optimal,

    /// <summary>Valid; optimality not proven.</summary>
    Feasible,

    /// <summary>The required meetings cannot all be scheduled.</summary>
    Infeasible,

    /// <summary>No valid schedule found within the limits.</summary>
    Unknown,
}

/// <summary>One scheduled meeting: where and when.</summary>
/// <param name="Meeting">The meeting id.</param>
/// <param name="Room">The room id.</param>
/// <param name="Start">Start instant.</param>
/// <param name="End">End instant (start plus the meeting's duration).</param>
public sealed record Assignment(string Meeting, string Room, Instant Start, Instant End)
{
    private readonly ImmutableArray<string> interpreters = [];

    /// <summary>Ids of the interpreters in the meeting, ordinal order; empty when it has none. Never default.</summary>
    public ImmutableArray<string> Interpreters
    {
        get => interpreters;
        init => interpreters = value.IsDefault ? [] : value;
    }

    /// <summary>Equal when every field is, the interpreters compared item by item.</summary>
    public bool Equals(Assignment? other) =>
        other is not null && Meeting == other.Meeting && Room == other.Room && Start == other.Start && End == other.End &&
        Sequence == other.Sequence && Interpreters.SequenceEqual(other.Interpreters, StringComparer.Ordinal);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Meeting, Room, Start, End, Interpreters.Length);

    /// <summary>
    /// How many times the meeting has been moved or changed room since it was first published (0 for a first
    /// publication): the iCalendar <c>SEQUENCE</c>, so calendar clients update the invitation. Not negative.
    /// </summary>
    public int Sequence { get; init; }
}

/// <summary>A meeting left out of the schedule: why, in plain words and as a code, and who or what stands in the way.</summary>
/// <param name="Meeting">The meeting id.</param>
/// <param name="Reason">Why it could not be placed, with times in the event's zone.</param>
/// <param name="Code">The first reason as a stable code; null only for a schedule file of contract v1, which has none.</param>
/// <param name="Blockers">
/// Ids of the participants, rooms or meetings that stand in the way (which kind follows from <paramref name="Code"/>),
/// ordinal order, no repeats; empty when nothing in the event but the meeting's own needs does. Default: empty.
/// </param>
public sealed record UnscheduledMeeting(string Meeting, string Reason, ReasonCode? Code = null, ImmutableArray<string> Blockers = default)
{
    private readonly ImmutableArray<string> blockers = Blockers.IsDefault ? [] : Blockers;

    /// <summary>Ids of the participants, rooms or meetings that stand in the way; never default.</summary>
    public ImmutableArray<string> Blockers
    {
        get => blockers;
        init => blockers = value.IsDefault ? [] : value;
    }

    /// <summary>Equal when every field is, the blockers compared item by item.</summary>
    public bool Equals(UnscheduledMeeting? other) =>
        other is not null && Meeting == other.Meeting && Reason == other.Reason && Code == other.Code &&
        Blockers.SequenceEqual(other.Blockers, StringComparer.Ordinal);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Meeting, Reason, Code, Blockers.Length);
}

/// <summary>
/// A schedule: the content of a schedule file. Every meeting of the event appears exactly once,
/// in <see cref="Assignments"/> or in <see cref="Unscheduled"/>.
/// </summary>
/// <param name="EventName">The event's name.</param>
/// <param name="Status">Outcome of the solve.</param>
/// <param name="ScheduledWeight">Sum of weights over the assignments.</param>
/// <param name="WeightBound">A proven upper bound on the scheduled weight, or null when none is known.</param>
/// <param name="IdleGaps">Total idle gaps over all participants.</param>
/// <param name="IdleGapsBound">A proven lower bound on idle gaps at this weight, or null.</param>
/// <param name="Assignments">Scheduled meetings, ordered by start then room then meeting id.</param>
/// <param name="Unscheduled">Meetings not scheduled, with reasons.</param>
public sealed record Schedule(
    string EventName,
    ScheduleStatus Status,
    long ScheduledWeight,
    long? WeightBound,
    int IdleGaps,
    int? IdleGapsBound,
    ImmutableArray<Assignment> Assignments,
    ImmutableArray<UnscheduledMeeting> Unscheduled)
{
    /// <summary>
    /// When the required meetings cannot all be placed: sets of them that cannot hold together, each with its
    /// binding rule; empty otherwise. Disjoint; a few at most, not every conflict the event has.
    /// </summary>
    public ImmutableArray<Conflict> Conflicts { get; init; } = ImmutableArray<Conflict>.Empty;

    /// <summary>When solved from a published schedule: what changed against it; null otherwise.</summary>
    public ScheduleChanges? Changes { get; init; }

    /// <summary>
    /// When solved from a published schedule: the replanning objective's value, <c>scheduledWeight - moveCost*moved -
    /// roomChangeCost*roomChanged - dropCost*dropped</c> (weight units, whole hundredths); null otherwise.
    /// </summary>
    public decimal? ObjectiveValue { get; init; }

    /// <summary>When solved from a published schedule: a proven upper bound on <see cref="ObjectiveValue"/>; null otherwise.</summary>
    public decimal? ObjectiveBound { get; init; }
}
