using NodaTime;

namespace Scheduler.Engine.Domain;

/// <summary>
/// One day on which meetings may take place, with its local opening hours <c>[Start, End)</c>.
/// Invariant: <see cref="End"/> is after <see cref="Start"/>; both resolve unambiguously in the event's zone
/// (the reader rejects a day whose hours fall into a DST gap or overlap).
/// </summary>
/// <param name="Date">The local date.</param>
/// <param name="Start">Local opening time.</param>
/// <param name="End">Local closing time, after <paramref name="Start"/>.</param>
public sealed record EventDay(LocalDate Date, LocalTime Start, LocalTime End)
{
    /// <summary>The instant the day opens in <paramref name="zone"/>.</summary>
    public Instant StartInstant(DateTimeZone zone) => zone.AtLeniently(Date + Start).ToInstant();

    /// <summary>The instant the day closes in <paramref name="zone"/>.</summary>
    public Instant EndInstant(DateTimeZone zone) => zone.AtLeniently(Date + End).ToInstant();

    /// <summary>The day's opening hours as a half-open interval of instants.</summary>
    public Interval Hours(DateTimeZone zone) => new(StartInstant(zone), EndInstant(zone));
}

/// <summary>A daily local period <c>[Start, End)</c> in which no meeting runs (lunch, a plenary for everyone).</summary>
/// <param name="Name">Display name; may be empty.</param>
/// <param name="Start">Local start.</param>
/// <param name="End">Local end, after <paramref name="Start"/>.</param>
public sealed record DailyBreak(string Name, LocalTime Start, LocalTime End)
{
    /// <summary>The break on <paramref name="date"/> as instants in <paramref name="zone"/>.</summary>
    public Interval On(LocalDate date, DateTimeZone zone) =>
        new(zone.AtLeniently(date + Start).ToInstant(), zone.AtLeniently(date + End).ToInstant());
}
