using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace Scheduler.Engine.Files;

/// <summary>
/// The text forms of times in the contract's files, and how local times become instants in the event's zone:
/// a local time in a DST gap or overlap is reported, never guessed.
/// </summary>
internal static class TimeText
{
    public static readonly LocalDatePattern Date = LocalDatePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd");
    public static readonly LocalTimePattern TimeOfDayMinutes = LocalTimePattern.CreateWithInvariantCulture("HH':'mm");
    public static readonly LocalTimePattern TimeOfDaySeconds = LocalTimePattern.CreateWithInvariantCulture("HH':'mm':'ss.FFFFFFFFF");
    public static readonly LocalDateTimePattern LocalMinutes = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm");
    public static readonly LocalDateTimePattern LocalSeconds = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFFFF");
    public static readonly OffsetDateTimePattern OffsetMinutes = OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mmo<Z+HH:mm>");
    public static readonly OffsetDateTimePattern OffsetSeconds = OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFFFFo<Z+HH:mm>");

    /// <summary>The schedule file's form: <c>2021-06-22T15:00:00+03:00</c>.</summary>
    public static readonly OffsetDateTimePattern ScheduleOffset = OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFFFFo<+HH:mm>");

    public static readonly OffsetPattern OffsetOnly = OffsetPattern.CreateWithInvariantCulture("+HH:mm");

    /// <summary>
    /// The years a date or time may name. With any offset, and with a day's meetings and travel added, every
    /// instant stays inside NodaTime's range (years -9998 to 9999), so no later arithmetic can overflow.
    /// </summary>
    public const int FirstYear = 1;

    /// <summary>The last year a date or time may name; see <see cref="FirstYear"/>.</summary>
    public const int LastYear = 9998;

    /// <summary>The problem with a date or time outside <see cref="FirstYear"/>..<see cref="LastYear"/>.</summary>
    public static string OutsideYears(string shown) => $"{shown} is outside the years {FirstYear} to {LastYear}";

    /// <summary>True when <paramref name="year"/> lies in <see cref="FirstYear"/>..<see cref="LastYear"/>; otherwise reports <paramref name="text"/>.</summary>
    private static bool InYears(int year, string text, JsonPath path, ProblemList problems)
    {
        if (year >= FirstYear && year <= LastYear) return true;
        problems.Add(path, OutsideYears($"\"{text}\""));
        return false;
    }

    /// <summary>A time of day as the event file writes it: <c>09:00</c>, with seconds only when there are any.</summary>
    public static string FormatTimeOfDay(LocalTime time) =>
        time.Second == 0 && time.NanosecondOfSecond == 0 ? TimeOfDayMinutes.Format(time) : TimeOfDaySeconds.Format(time);

    /// <summary>A local date-time as the event file writes it: <c>2021-06-22T09:00</c>, with seconds only when there are any.</summary>
    public static string FormatLocal(LocalDateTime local) =>
        local.Second == 0 && local.NanosecondOfSecond == 0 ? LocalMinutes.Format(local) : LocalSeconds.Format(local);

    /// <summary>An instant as local time in <paramref name="zone"/>, for messages.</summary>
    public static string Describe(Instant instant, DateTimeZone zone) => FormatLocal(instant.InZone(zone).LocalDateTime);

    /// <summary>A time of day (<c>HH:mm</c>, seconds optional), or null with a problem.</summary>
    public static LocalTime? ReadTimeOfDay(JsonElement value, JsonPath path, ProblemList problems)
    {
        var text = JsonValues.String(value, path, problems);
        if (text is null) return null;
        var result = text.Length <= 5 ? TimeOfDayMinutes.Parse(text) : TimeOfDaySeconds.Parse(text);
        if (result.Success) return result.Value;
        problems.Add(path, $"\"{text}\" is not a time of day; write it as \"09:00\"");
        return null;
    }

    /// <summary>A date (<c>yyyy-MM-dd</c>), or null with a problem.</summary>
    public static LocalDate? ReadDate(JsonElement value, JsonPath path, ProblemList problems)
    {
        var text = JsonValues.String(value, path, problems);
        if (text is null) return null;
        var result = Date.Parse(text);
        if (result.Success) return InYears(result.Value.Year, text, path, problems) ? result.Value : null;
        problems.Add(path, $"\"{text}\" is not a date; write it as \"2021-06-22\"");
        return null;
    }

    /// <summary>
    /// Maps a local date-time to the one instant it names in <paramref name="zone"/>; in a gap or an overlap,
    /// reports that an offset is needed and gives null.
    /// </summary>
    public static Instant? Resolve(LocalDateTime local, DateTimeZone zone, JsonPath path, ProblemList problems)
    {
        var mapping = zone.MapLocal(local);
        if (mapping.Count == 1) return mapping.Single().ToInstant();
        var text = FormatLocal(local);
        if (mapping.Count == 0)
        {
            var jump = mapping.LateInterval.Start.WithOffset(mapping.EarlyInterval.WallOffset).LocalDateTime;
            var at = TimeOfDayMinutes.Format(jump.TimeOfDay);
            problems.Add(path, $"{text} does not exist in {zone.Id} (clocks jump forward at {at}); give an offset");
        }
        else
        {
            problems.Add(path, $"{text} is ambiguous in {zone.Id} (it occurs twice); give an offset such as "
                + $"{OffsetOnly.Format(mapping.EarlyInterval.WallOffset)} or {OffsetOnly.Format(mapping.LateInterval.WallOffset)}");
        }

        return null;
    }

    /// <summary>
    /// A time of the event file: local in <paramref name="zone"/> (<c>2021-06-22T09:00</c>, seconds optional) or with an
    /// offset (<c>2021-06-22T09:00+03:00</c>, <c>Z</c>). When the zone is unknown (already reported), a local time gives
    /// null without a further problem.
    /// </summary>
    public static Instant? ReadInstant(JsonElement value, JsonPath path, ProblemList problems, DateTimeZone? zone)
    {
        var text = JsonValues.String(value, path, problems);
        if (text is null) return null;
        var timePart = text.IndexOf('T', StringComparison.Ordinal);
        var hasOffset = timePart >= 0 && text.AsSpan(timePart).IndexOfAny("Zz+-") >= 0;
        if (hasOffset)
        {
            var parsed = OffsetMinutes.Parse(text);
            if (!parsed.Success) parsed = OffsetSeconds.Parse(text);
            if (parsed.Success) return InYears(parsed.Value.Year, text, path, problems) ? parsed.Value.ToInstant() : null;
        }
        else
        {
            var parsed = LocalMinutes.Parse(text);
            if (!parsed.Success) parsed = LocalSeconds.Parse(text);
            if (parsed.Success)
            {
                return !InYears(parsed.Value.Year, text, path, problems) || zone is null ? null : Resolve(parsed.Value, zone, path, problems);
            }
        }

        problems.Add(path, $"\"{text}\" is not a time; write it as \"2021-06-22T09:00\" (local in the event's zone) "
            + "or \"2021-06-22T09:00+03:00\"");
        return null;
    }

    /// <summary>
    /// An offset date-time as the schedule file writes it (seconds optional), or null with a problem.
    /// </summary>
    public static Instant? ReadOffsetInstant(JsonElement value, JsonPath path, ProblemList problems)
    {
        var text = JsonValues.String(value, path, problems);
        if (text is null) return null;
        var parsed = OffsetSeconds.Parse(text);
        if (!parsed.Success) parsed = OffsetMinutes.Parse(text);
        if (parsed.Success) return InYears(parsed.Value.Year, text, path, problems) ? parsed.Value.ToInstant() : null;
        problems.Add(path, $"\"{text}\" is not a date-time with an offset; write it as \"2021-06-22T09:00:00+03:00\"");
        return null;
    }

    /// <summary>An instant in the event file's form: local where that is unambiguous in the zone, with an offset otherwise.</summary>
    public static string FormatForEventFile(Instant instant, DateTimeZone zone)
    {
        var zoned = instant.InZone(zone);
        if (zone.MapLocal(zoned.LocalDateTime).Count == 1) return FormatLocal(zoned.LocalDateTime);
        var offset = zoned.ToOffsetDateTime();
        return offset.Second == 0 && offset.NanosecondOfSecond == 0 ? OffsetMinutes.Format(offset) : OffsetSeconds.Format(offset);
    }
}
