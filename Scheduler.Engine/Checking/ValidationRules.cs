using System.Collections.Immutable;

namespace Scheduler.Engine.Checking;

/// <summary>
/// The stable kebab-case codes of <see cref="Violation.Rule"/>, one per rule a schedule must keep.
/// Tools may match on them; they never change meaning within contract v1.
/// </summary>
public static class ValidationRules
{
    /// <summary>An assignment names a meeting the event does not have.</summary>
    public const string UnknownMeeting = "unknown-meeting";

    /// <summary>An assignment names a room the event does not have.</summary>
    public const string UnknownRoom = "unknown-room";

    /// <summary>A meeting appears more than once in assignments and unscheduled together.</summary>
    public const string DuplicateMeeting = "duplicate-meeting";

    /// <summary>A meeting of the event appears neither in assignments nor in unscheduled.</summary>
    public const string LostMeeting = "lost-meeting";

    /// <summary>An assignment's end is not its start plus the meeting's duration.</summary>
    public const string WrongEnd = "wrong-end";

    /// <summary>A meeting does not start on the grain counted in real time from its day's start.</summary>
    public const string Grain = "grain";

    /// <summary>A meeting does not lie within one day's hours.</summary>
    public const string DayHours = "day-hours";

    /// <summary>A meeting intersects a daily break.</summary>
    public const string Break = "break";

    /// <summary>A meeting lies inside none of its windows.</summary>
    public const string Window = "window";

    /// <summary>A meeting lies inside none of a participant's available periods.</summary>
    public const string Availability = "availability";

    /// <summary>A meeting intersects a participant's busy period.</summary>
    public const string Busy = "busy";

    /// <summary>A meeting's room has fewer seats than its headcount.</summary>
    public const string RoomCapacity = "room-capacity";

    /// <summary>A meeting's room lacks a required feature.</summary>
    public const string RoomFeatures = "room-features";

    /// <summary>A meeting's room is unavailable during the meeting.</summary>
    public const string RoomUnavailable = "room-unavailable";

    /// <summary>Two meetings overlap in one room.</summary>
    public const string RoomOverlap = "room-overlap";

    /// <summary>A participant is in two meetings at once.</summary>
    public const string ParticipantOverlap = "participant-overlap";

    /// <summary>A participant's meetings in rooms of different buildings are closer than the travel time.</summary>
    public const string Travel = "travel";

    /// <summary>A participant has more meetings on one event day than their maximum.</summary>
    public const string MaxPerDay = "max-per-day";

    /// <summary>A pinned meeting is not at its pinned start or in its pinned room.</summary>
    public const string Pin = "pin";

    /// <summary>A meeting starts before the end of a scheduled meeting it must follow.</summary>
    public const string After = "after";

    /// <summary>A required meeting is not scheduled.</summary>
    public const string Required = "required";

    /// <summary>Two participants' idle-gap counts differ by more than the objective's cap.</summary>
    public const string IdleGapSpread = "idle-gap-spread";

    /// <summary>The schedule's <c>scheduledWeight</c> is not the sum of its assignments' weights.</summary>
    public const string WeightMismatch = "weight-mismatch";

    /// <summary>The schedule's <c>idleGaps</c> is not the recounted total.</summary>
    public const string IdleGapsMismatch = "idle-gaps-mismatch";

    /// <summary>A claimed bound contradicts the schedule itself (a weight bound below its weight, an idle-gap bound above its gaps).</summary>
    public const string Bound = "bound";

    /// <summary>The status contradicts the schedule (<c>infeasible</c> with every required meeting scheduled).</summary>
    public const string Status = "status";

    /// <summary>An assignment names an interpreter the event does not have (contract v1.1).</summary>
    public const string UnknownInterpreter = "unknown-interpreter";

    /// <summary>A meeting that needs interpretation has no interpreter who works in a language of every participant.</summary>
    public const string InterpreterNeeded = "interpreter-needed";

    /// <summary>A meeting's pinned interpreter is not in it.</summary>
    public const string InterpreterPin = "interpreter-pin";

    /// <summary>A meeting lies inside none of its interpreter's available periods.</summary>
    public const string InterpreterAvailability = "interpreter-availability";

    /// <summary>A meeting intersects its interpreter's busy period.</summary>
    public const string InterpreterBusy = "interpreter-busy";

    /// <summary>An interpreter is in two meetings at once.</summary>
    public const string InterpreterOverlap = "interpreter-overlap";

    /// <summary>An interpreter's meetings in rooms of different buildings are closer than the travel time.</summary>
    public const string InterpreterTravel = "interpreter-travel";

    /// <summary>An interpreter works more meeting minutes on one event day than their <c>maxMinutesPerDay</c>.</summary>
    public const string InterpreterMinutes = "interpreter-minutes";

    /// <summary>
    /// A replan (contract v1.1) moved, re-roomed or dropped a published meeting that starts before
    /// <c>replan.frozenUntil</c>, or placed another meeting to start before it.
    /// </summary>
    public const string Frozen = "frozen";

    /// <summary>A replan's <c>changes</c> are missing, or disagree with the published and the new schedule.</summary>
    public const string ChangesMismatch = "changes-mismatch";

    /// <summary>A replan's <c>objectiveValue</c> is not the replanning objective of its changes, or its bound lies below it.</summary>
    public const string ObjectiveMismatch = "objective-mismatch";

    /// <summary>Every rule code, in the order a report lists violations.</summary>
    public static ImmutableArray<string> All { get; } =
    [
        UnknownMeeting, UnknownRoom, DuplicateMeeting, LostMeeting, WrongEnd, Grain, DayHours, Break, Window,
        Availability, Busy, RoomCapacity, RoomFeatures, RoomUnavailable, RoomOverlap, ParticipantOverlap, Travel,
        MaxPerDay, Pin, After, Required, IdleGapSpread, UnknownInterpreter, InterpreterNeeded, InterpreterPin,
        InterpreterAvailability, InterpreterBusy, InterpreterOverlap, InterpreterTravel, InterpreterMinutes,
        WeightMismatch, IdleGapsMismatch, Bound, Status, Frozen, ChangesMismatch, ObjectiveMismatch,
    ];

    internal static int OrderOf(string rule)
    {
        var index = All.IndexOf(rule, StringComparer.Ordinal);
        if (index < 0) throw new ArgumentOutOfRangeException(nameof(rule), rule, "Not a rule code.");
        return index;
    }
}
