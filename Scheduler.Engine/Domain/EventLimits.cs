namespace Scheduler.Engine.Domain;

/// <summary>
/// The range of every number of an event, checked by the event file reader and by <see cref="Event.Create"/> and
/// stated as <c>minimum</c>/<c>maximum</c> in <c>schema/event.schema.json</c>. The ranges are wide enough for any
/// real event and narrow enough that the engine can add up any of its numbers without overflow:
/// <list type="bullet">
/// <item>Every span of time (grain, duration, travel) is at most one day, so slot counts, offsets and sums of a
/// day's meetings stay far inside <see cref="int"/>.</item>
/// <item>Weights are at most <see cref="MaxWeight"/> over at most <see cref="MaxMeetings"/> meetings, so the total
/// weight is at most <see cref="MaxTotalWeight"/> (10^10); the solver's required-meetings-first objective,
/// (total + 1) × required + total, stays below 10^15 &lt; 2^53, so it is exact even where CP-SAT reports it as a
/// double.</item>
/// <item>Seats, precedence and the idle-gap spread are only compared, never summed; a million is more than any venue.</item>
/// <item>At most <see cref="MaxDays"/> days of at most 1,440 one-minute slots keep every slot index below 10^6.</item>
/// </list>
/// </summary>
public static class EventLimits
{
    /// <summary>Minutes in a day: the longest grain, meeting and travel time (a meeting lies within one day's hours).</summary>
    public const int MinutesPerDay = 1440;

    /// <summary>The shortest grain (<c>event.slotMinutes</c>), in minutes.</summary>
    public const int MinSlotMinutes = 1;

    /// <summary>The longest grain, in minutes.</summary>
    public const int MaxSlotMinutes = MinutesPerDay;

    /// <summary>The shortest meeting (<c>durationMinutes</c>), in minutes.</summary>
    public const int MinDurationMinutes = 1;

    /// <summary>The longest meeting, in minutes.</summary>
    public const int MaxDurationMinutes = MinutesPerDay;

    /// <summary>The longest travel time between two buildings (<c>travelMinutes[].minutes</c>), in minutes.</summary>
    public const int MaxTravelMinutes = MinutesPerDay;

    /// <summary>The largest weight of one meeting (<c>meetings[].weight</c>); the smallest is 0.</summary>
    public const long MaxWeight = 100_000;

    /// <summary>The most meetings one event may request.</summary>
    public const int MaxMeetings = 100_000;

    /// <summary>The largest possible scheduled weight: <see cref="MaxWeight"/> × <see cref="MaxMeetings"/>.</summary>
    public const long MaxTotalWeight = MaxWeight * MaxMeetings;

    /// <summary>The most seats of a room (<c>capacity</c>) or a meeting (<c>headcount</c>); the fewest is 0.</summary>
    public const int MaxSeats = 1_000_000;

    /// <summary>The largest protocol precedence of a delegation; the smallest is 0.</summary>
    public const int MaxPrecedence = 1_000_000;

    /// <summary>The largest <c>maxMeetingsPerDay</c>: one meeting a minute all day.</summary>
    public const int MaxMeetingsPerDay = MinutesPerDay;

    /// <summary>The largest <c>objective.maxIdleGapSpread</c>; the smallest is 0.</summary>
    public const int MaxIdleGapSpread = 1_000_000;

    /// <summary>The most days one event may have (a leap year).</summary>
    public const int MaxDays = 366;
}
