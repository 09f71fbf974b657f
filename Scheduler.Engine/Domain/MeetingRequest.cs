using System.Collections.Immutable;
using NodaTime;

namespace Scheduler.Engine.Domain;

/// <summary>A requested meeting between two or more participants.</summary>
/// <param name="Id">Unique id.</param>
/// <param name="Title">Display title (the id when the file gives none).</param>
/// <param name="Participants">Two or more distinct participant ids, all required to attend.</param>
/// <param name="Duration">Real duration; a positive multiple of the event's grain.</param>
/// <param name="Required">True when the run is infeasible unless this meeting is scheduled.</param>
/// <param name="Weight">How much scheduling it is worth; not negative (default 1).</param>
/// <param name="Headcount">Seats needed (default: the number of participants); not negative.</param>
/// <param name="RequiredFeatures">Features the room must all offer.</param>
/// <param name="Windows">Intervals the meeting must lie inside one of; empty means the whole event.</param>
/// <param name="Pin">Fixed start (and room), or null.</param>
/// <param name="After">Ids of meetings this one starts no earlier than the end of (when those are scheduled).</param>
public sealed record MeetingRequest(
    string Id,
    string Title,
    ImmutableArray<string> Participants,
    Duration Duration,
    bool Required,
    long Weight,
    int Headcount,
    ImmutableArray<string> RequiredFeatures,
    ImmutableArray<Interval> Windows,
    MeetingPin? Pin,
    ImmutableArray<string> After)
{
    private readonly ImmutableArray<string> interpreters = [];

    /// <summary>
    /// Ids of the interpreters pinned to the meeting (contract v1.1): each must be used, and each covers the
    /// participants' languages. Empty when none are pinned; never default.
    /// </summary>
    public ImmutableArray<string> Interpreters
    {
        get => interpreters;
        init => interpreters = value.IsDefault ? [] : value;
    }
}

/// <summary>A fixed start for a meeting, and optionally a fixed room.</summary>
/// <param name="Start">The start instant.</param>
/// <param name="Room">A room id, or null when only the time is fixed.</param>
public sealed record MeetingPin(Instant Start, string? Room);

/// <summary>Whether idle gaps are minimised after the scheduled weight.</summary>
public enum IdleGapPolicy
{
    /// <summary>Minimise the total number of idle gaps (the default).</summary>
    Minimize,

    /// <summary>Do not optimise idle gaps.</summary>
    Ignore,
}

/// <summary>The objective: maximise scheduled weight, then treat idle gaps per <see cref="IdleGaps"/>.</summary>
/// <param name="IdleGaps">Idle-gap policy.</param>
/// <param name="MaxIdleGapSpread">Hard cap on how far two participants' idle-gap counts may differ, or null.</param>
public sealed record ScheduleObjective(IdleGapPolicy IdleGaps, int? MaxIdleGapSpread)
{
    /// <summary>The contract's default: minimise idle gaps, no spread cap.</summary>
    public static ScheduleObjective Default { get; } = new(IdleGapPolicy.Minimize, null);
}
