using System.Globalization;
using NodaTime;
using NodaTime.Text;
using Scheduler.Engine.Domain;

namespace Scheduler.Engine.Checking;

/// <summary>
/// Words for violation messages: subjects as <c>"id" (name)</c> and instants as local times in the event's zone.
/// </summary>
internal sealed class ViolationText
{
    private static readonly LocalDateTimePattern DateTimeToMinute = LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd HH:mm");
    private static readonly LocalDateTimePattern DateTimeToSecond = LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd HH:mm:ss");
    private static readonly LocalTimePattern TimeMinutes = LocalTimePattern.CreateWithInvariantCulture("HH:mm");
    private static readonly LocalTimePattern TimeSeconds = LocalTimePattern.CreateWithInvariantCulture("HH:mm:ss");
    private static readonly OffsetPattern OffsetText = OffsetPattern.CreateWithInvariantCulture("+HH:mm");

    private readonly Event ev;

    public ViolationText(Event ev) => this.ev = ev;

    /// <summary><c>"id" (name)</c>, or just <c>"id"</c> when the name is the id or empty.</summary>
    public static string Named(string id, string? name) =>
        string.IsNullOrEmpty(name) || name == id ? $"\"{id}\"" : $"\"{id}\" ({name})";

    public static string Meeting(MeetingRequest m) => "meeting " + Named(m.Id, m.Title);

    public static string Room(Room r) => "room " + Named(r.Id, r.Name);

    public string Participant(string id) => "participant " + Named(id, ev.FindParticipant(id)?.Name);

    public string Building(string? id) =>
        id is null ? "no building" : "building " + Named(id, ev.FindBuilding(id)?.Name);

    /// <summary>A local date-time such as <c>2021-06-22 15:00</c>; the offset is added where the local time is ambiguous.</summary>
    public string At(Instant instant)
    {
        var local = instant.InZone(ev.Zone).LocalDateTime;
        var pattern = HasSeconds(local.TimeOfDay) ? DateTimeToSecond : DateTimeToMinute;
        return pattern.Format(local) + OffsetIfAmbiguous(instant, local);
    }

    /// <summary>A local time of day such as <c>15:45</c>, with the offset where ambiguous.</summary>
    public string TimeOfDay(Instant instant)
    {
        var local = instant.InZone(ev.Zone).LocalDateTime;
        var pattern = HasSeconds(local.TimeOfDay) ? TimeSeconds : TimeMinutes;
        return pattern.Format(local.TimeOfDay) + OffsetIfAmbiguous(instant, local);
    }

    /// <summary>A half-open span such as <c>2021-06-22 15:00–15:45</c> (the end's date only when it differs).</summary>
    public string Span(Instant start, Instant end)
    {
        var sameDate = start.InZone(ev.Zone).Date == end.InZone(ev.Zone).Date;
        return At(start) + "–" + (sameDate ? TimeOfDay(end) : At(end));
    }

    public string Span(Interval interval) => Span(interval.Start, interval.End);

    public static string Date(LocalDate date) => LocalDatePattern.Iso.Format(date);

    /// <summary>Whole minutes as an integer, otherwise with up to three decimals.</summary>
    public static string Minutes(Duration duration) =>
        duration.TotalMinutes.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary><c>1 idle gap</c>, <c>2 idle gaps</c>: a count with its noun in singular or plural.</summary>
    public static string Count(long count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    private string OffsetIfAmbiguous(Instant instant, LocalDateTime local) =>
        ev.Zone.MapLocal(local).Count == 1 ? "" : OffsetText.Format(ev.Zone.GetUtcOffset(instant));

    private static bool HasSeconds(LocalTime time) => time.Second != 0 || time.NanosecondOfSecond != 0;
}
