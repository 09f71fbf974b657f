using System.Collections.Immutable;

namespace Scheduler.Engine.Domain;

/// <summary>
/// Why a meeting is unscheduled, as a stable code (the schedule file's <c>unscheduled[].code</c>, contract v1.1).
/// The code names the first rule that keeps the meeting out; <see cref="UnscheduledMeeting.Blockers"/> names who or
/// what stands in the way. Codes are never renamed; new ones may be added.
/// </summary>
public enum ReasonCode
{
    /// <summary><c>no-room-fits</c>: no room has the seats and every required feature. Blockers: none.</summary>
    NoRoomFits,

    /// <summary>
    /// <c>pin-conflict</c>: the pin cannot hold: its start is not a slot start of the event, it runs past the day's
    /// end or into a break, its room does not suit the meeting, or another pinned meeting holds a participant or the
    /// room then. Blockers: the pinned room, or the other pinned meetings.
    /// </summary>
    PinConflict,

    /// <summary><c>outside-days</c>: no day has a period of the meeting's length outside the breaks. Blockers: none.</summary>
    OutsideDays,

    /// <summary><c>outside-windows</c>: no period of the meeting's length inside the event's days lies inside its windows. Blockers: none.</summary>
    OutsideWindows,

    /// <summary><c>outside-availability</c>: participants' availability leaves no period for it. Blockers: those participants.</summary>
    OutsideAvailability,

    /// <summary><c>busy</c>: participants' busy periods leave no common free period. Blockers: those participants.</summary>
    Busy,

    /// <summary><c>rooms-unavailable</c>: every suitable room is unavailable whenever the participants are free. Blockers: those rooms.</summary>
    RoomsUnavailable,

    /// <summary><c>daily-limit</c>: a participant's <c>maxMeetingsPerDay</c> is 0, or reached on every day it could be held. Blockers: those participants.</summary>
    DailyLimit,

    /// <summary>
    /// <c>lost-to-higher-weight</c>: every time it could be held, a participant is already in (or travelling to or from)
    /// a scheduled meeting that the search kept instead. Blockers: those meetings.
    /// </summary>
    LostToHigherWeight,

    /// <summary><c>rooms-full</c>: every suitable room is booked at the times it could be held. Blockers: those rooms.</summary>
    RoomsFull,

    /// <summary><c>after-order</c>: the times still open would break an <c>after</c> order with a scheduled meeting. Blockers: those meetings.</summary>
    AfterOrder,

    /// <summary><c>idle-gap-spread</c>: the times still open would break <c>maxIdleGapSpread</c>. Blockers: none.</summary>
    IdleGapSpread,

    /// <summary><c>zero-weight</c>: it has weight 0, so holding it at a time still open gains nothing. Blockers: none.</summary>
    ZeroWeight,

    /// <summary><c>search-stopped</c>: the search stopped (time limit or cancellation) before placing it at a time still open. Blockers: none.</summary>
    SearchStopped,

    /// <summary><c>no-schedule-found</c>: no valid schedule was found within the limits, so nothing is scheduled. Blockers: none.</summary>
    NoScheduleFound,

    /// <summary>
    /// <c>no-interpreter</c> (contract v1.1): it needs interpretation, and no interpreter who covers its participants'
    /// languages is free at the times it could be held (or none covers them). Blockers: those interpreters.
    /// </summary>
    NoInterpreter,
}

/// <summary>The kebab-case text of each <see cref="ReasonCode"/>, as the schedule file writes it.</summary>
public static class ReasonCodes
{
    private static readonly ImmutableArray<string> Texts =
    [
        "no-room-fits", "pin-conflict", "outside-days", "outside-windows", "outside-availability", "busy",
        "rooms-unavailable", "daily-limit", "lost-to-higher-weight", "rooms-full", "after-order", "idle-gap-spread",
        "zero-weight", "search-stopped", "no-schedule-found", "no-interpreter",
    ];

    /// <summary>Every code's text, in the order of <see cref="ReasonCode"/>.</summary>
    public static ImmutableArray<string> All => Texts;

    /// <summary>The code's text: <c>no-room-fits</c>, <c>busy</c>, ...</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="code"/> is not a defined code.</exception>
    public static string Text(this ReasonCode code) =>
        (int)code >= 0 && (int)code < Texts.Length
            ? Texts[(int)code]
            : throw new ArgumentOutOfRangeException(nameof(code), code, "Not a defined reason code.");

    /// <summary>The code whose text is <paramref name="text"/> (ordinal); false when none is.</summary>
    public static bool TryParse(string text, out ReasonCode code)
    {
        ArgumentNullException.ThrowIfNull(text);
        int index = Texts.IndexOf(text, StringComparer.Ordinal);
        code = (ReasonCode)Math.Max(index, 0);
        return index >= 0;
    }
}
