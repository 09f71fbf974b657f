using System.Collections.Immutable;

namespace Scheduler.Engine.Rules;

/// <summary>
/// The rules about one meeting alone that can keep it from a start or a room, in the order
/// <see cref="PlacementRules"/> checks them. A later rule is only reached by a start that keeps every earlier one,
/// so of two starts the one whose first broken rule comes later got further.
/// </summary>
internal enum PlacementRule
{
    /// <summary>No room has the seats and every required feature.</summary>
    NoSuitableRoom,

    /// <summary>The pinned room lacks seats or a required feature.</summary>
    PinnedRoomUnsuitable,

    /// <summary>A participant may have no meeting at all (<c>maxMeetingsPerDay</c> 0).</summary>
    DailyLimitZero,

    /// <summary>The start is not the pinned one, or the pinned start is no slot start of the grid (off the grain or outside the days).</summary>
    PinnedStart,

    /// <summary>The meeting would run past its day's end or into a break.</summary>
    DayOrBreak,

    /// <summary>The meeting would not lie inside one of its windows.</summary>
    Windows,

    /// <summary>The meeting would not lie inside one availability interval of each participant.</summary>
    Availability,

    /// <summary>The meeting would intersect a participant's busy period.</summary>
    Busy,

    /// <summary>
    /// The meeting needs interpretation and no interpreter who covers its languages (or, when it pins interpreters, not
    /// every pinned one) is available and free of busy periods throughout it.
    /// </summary>
    Interpreter,

    /// <summary>Every suitable room is unavailable during some of the meeting.</summary>
    RoomsUnavailable,

    /// <summary>Nothing about the meeting alone stands in the way.</summary>
    None,
}

/// <summary>How one room suits one meeting, regardless of time.</summary>
internal enum RoomFit
{
    /// <summary>The room suits the meeting.</summary>
    Fits,

    /// <summary>The meeting is pinned to another room.</summary>
    NotThePinnedRoom,

    /// <summary>The room seats fewer than the meeting's headcount.</summary>
    TooSmall,

    /// <summary>The room lacks a required feature.</summary>
    LacksFeatures,
}

/// <summary>
/// The first rule that keeps a meeting from a placement, and who or what breaks it.
/// </summary>
/// <param name="Rule">The rule; <see cref="PlacementRule.None"/> when the placement keeps every rule.</param>
/// <param name="Participants">Participant indexes (positions in the event) that break the rule, ascending.</param>
/// <param name="Rooms">Room indexes (positions in the event) that break the rule, ascending.</param>
internal sealed record Hindrance(PlacementRule Rule, ImmutableArray<int> Participants, ImmutableArray<int> Rooms)
{
    /// <summary>Interpreter indexes (positions in the event) that could interpret the meeting, for <see cref="PlacementRule.Interpreter"/>; empty otherwise.</summary>
    public ImmutableArray<int> Interpreters { get; init; } = [];

    /// <summary>Nothing stands in the way.</summary>
    public static Hindrance Nothing { get; } = new(PlacementRule.None, [], []);

    /// <summary>True when the placement keeps every rule about the meeting alone.</summary>
    public bool Allows => Rule == PlacementRule.None;

    /// <summary>A rule broken by nobody in particular.</summary>
    public static Hindrance Of(PlacementRule rule) => new(rule, [], []);
}
