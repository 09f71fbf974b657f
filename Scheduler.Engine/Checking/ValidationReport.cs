using System.Collections.Immutable;

namespace Scheduler.Engine.Checking;

/// <summary>One broken rule of a schedule.</summary>
/// <param name="Rule">The rule's stable code, one of <see cref="ValidationRules.All"/>.</param>
/// <param name="Message">
/// A plain sentence naming the meeting, participant or room (id and name) and the times as local times
/// in the event's zone (with the offset only where a local time is ambiguous).
/// </param>
public sealed record Violation(string Rule, string Message)
{
    /// <summary>The violation as the command line prints it: <c>rule: message</c>.</summary>
    public override string ToString() => $"{Rule}: {Message}";
}

/// <summary>
/// What <see cref="ScheduleValidator.Check"/> found: every violation, in a deterministic order, and the
/// totals recomputed from the event and the assignments (independently of what the schedule claims).
/// </summary>
public sealed class ValidationReport
{
    internal ValidationReport(
        ImmutableArray<Violation> violations,
        long scheduledWeight,
        int idleGaps,
        ImmutableSortedDictionary<string, int> idleGapsByParticipant)
    {
        Violations = violations;
        ScheduledWeight = scheduledWeight;
        IdleGaps = idleGaps;
        IdleGapsByParticipant = idleGapsByParticipant;
    }

    /// <summary>Every violation, ordered by rule (as in <see cref="ValidationRules.All"/>), then subject id, then time.</summary>
    public ImmutableArray<Violation> Violations { get; }

    /// <summary>True when no rule is broken.</summary>
    public bool IsValid => Violations.IsEmpty;

    /// <summary>The sum of the weights of the assigned meetings the event knows.</summary>
    public long ScheduledWeight { get; }

    /// <summary>The recounted total of idle gaps over all participants.</summary>
    public int IdleGaps { get; }

    /// <summary>
    /// Recounted idle gaps per participant id (ordinal order), for every participant named in any meeting
    /// of the event, scheduled or not; a participant with no meeting scheduled has 0.
    /// </summary>
    public ImmutableSortedDictionary<string, int> IdleGapsByParticipant { get; }
}
