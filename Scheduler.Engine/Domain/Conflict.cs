using System.Collections.Immutable;

namespace Scheduler.Engine.Domain;

/// <summary>
/// Required meetings that cannot all be held together (a pinned required meeting counts with its pin), with the
/// rule that binds them and a sentence an officer can act on. Minimal when <see cref="Minimal"/> is true:
/// dropping any one listed meeting makes the rest schedulable.
/// </summary>
/// <param name="Meetings">Ids of the required meetings in the set, in event order; never empty.</param>
/// <param name="Rule">The binding rule: one of the kebab-case codes of <see cref="ConflictRules"/>.</param>
/// <param name="Explanation">One sentence in plain words, with times in the event's zone.</param>
/// <param name="Minimal">
/// True when every meeting of the set was shown to be needed; false when a check ran out of time and the set may
/// hold a meeting that could be dropped (it is still a set that cannot all be held).
/// </param>
public sealed record Conflict(ImmutableArray<string> Meetings, string Rule, string Explanation, bool Minimal);

/// <summary>
/// The rules a <see cref="Conflict"/> can name. The set is stable: codes are added, never renamed.
/// The last six also name why a single required meeting has no possible time or room at all.
/// </summary>
public static class ConflictRules
{
    /// <summary>The meetings share a participant whose free time cannot hold them all one after another.</summary>
    public const string ParticipantOverlap = "participant-overlap";

    /// <summary>A participant's <c>maxMeetingsPerDay</c> cannot be kept on the days the meetings can take.</summary>
    public const string DailyLimit = "daily-limit";

    /// <summary>The rooms that suit the meetings cannot hold them all at the times they can take.</summary>
    public const string RoomCapacity = "room-capacity";

    /// <summary>A participant cannot travel between the buildings of the meetings in time.</summary>
    public const string Travel = "travel";

    /// <summary>An <c>after</c> order between the meetings leaves no times that fit.</summary>
    public const string AfterOrder = "after-order";

    /// <summary>The objective's <c>maxIdleGapSpread</c> cannot be kept with these meetings.</summary>
    public const string IdleGapSpread = "idle-gap-spread";

    /// <summary>Several rules together, none of them alone.</summary>
    public const string CombinedRules = "combined-rules";

    /// <summary>No room suits the meeting (seats, features, or its pinned room).</summary>
    public const string NoRoomFits = "no-room-fits";

    /// <summary>Its pin is off the grain, outside the days, in a break, or clashes with its other rules.</summary>
    public const string PinConflict = "pin-conflict";

    /// <summary>No period of the event's days, outside the breaks, is as long as the meeting.</summary>
    public const string DayHours = "day-hours";

    /// <summary>No period of its windows fits it.</summary>
    public const string OutsideWindows = "outside-windows";

    /// <summary>A participant's <c>available</c> periods leave no time for it.</summary>
    public const string OutsideAvailability = "outside-availability";

    /// <summary>A participant's <c>busy</c> periods leave no time for it.</summary>
    public const string Busy = "busy";

    /// <summary>Every suitable room is unavailable whenever its participants are free.</summary>
    public const string RoomUnavailable = "room-unavailable";

    /// <summary>No interpreter who covers the meetings' languages is free for them (contract v1.1).</summary>
    public const string NoInterpreter = "no-interpreter";

    /// <summary>Every code, in the order above.</summary>
    public static ImmutableArray<string> All { get; } =
    [
        ParticipantOverlap, DailyLimit, RoomCapacity, Travel, AfterOrder, IdleGapSpread, CombinedRules,
        NoRoomFits, PinConflict, DayHours, OutsideWindows, OutsideAvailability, Busy, RoomUnavailable, NoInterpreter,
    ];
}
