using System.Collections.Immutable;
using System.Text;
using NodaTime;
using NodaTime.Text;
using Scheduler.Engine.Domain;

namespace Scheduler.Engine.Export;

/// <summary>
/// What every exporter needs from an event and its schedule: assignments in a fixed order and display names
/// for ids. A schedule naming an id the event lacks still exports (the id stands in for the name), so an
/// export never fails on a schedule that validation would reject.
/// </summary>
internal sealed class ExportView
{
    private static readonly LocalTimePattern HourMinute = LocalTimePattern.CreateWithInvariantCulture("HH:mm");
    private static readonly LocalDatePattern IsoDate = LocalDatePattern.Iso;
    private static readonly OffsetDateTimePattern IsoOffset = OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'sso<+HH:mm>");

    public ExportView(Event ev, Schedule schedule)
    {
        ArgumentNullException.ThrowIfNull(ev);
        ArgumentNullException.ThrowIfNull(schedule);
        Event = ev;
        Schedule = schedule;
        Assignments = [.. schedule.Assignments
            .OrderBy(a => a.Start)
            .ThenBy(a => a.Room, StringComparer.Ordinal)
            .ThenBy(a => a.Meeting, StringComparer.Ordinal)];
        var order = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < ev.Meetings.Length; i++) order[ev.Meetings[i].Id] = i;
        Unscheduled = [.. schedule.Unscheduled.OrderBy(u => order.GetValueOrDefault(u.Meeting, int.MaxValue)).ThenBy(u => u.Meeting, StringComparer.Ordinal)];
    }

    public Event Event { get; }

    public Schedule Schedule { get; }

    /// <summary>Assignments ordered by start, then room id, then meeting id (ordinal).</summary>
    public ImmutableArray<Assignment> Assignments { get; }

    /// <summary>Unscheduled meetings in the event file's meeting order.</summary>
    public ImmutableArray<UnscheduledMeeting> Unscheduled { get; }

    public DateTimeZone Zone => Event.Zone;

    public string Title(string meetingId) => Event.FindMeeting(meetingId)?.Title ?? meetingId;

    public ImmutableArray<string> ParticipantIds(string meetingId) =>
        Event.FindMeeting(meetingId)?.Participants ?? [];

    public string ParticipantName(string participantId) => Event.FindParticipant(participantId)?.Name ?? participantId;

    /// <summary>The delegation name of a participant, or null when they belong to none.</summary>
    public string? DelegationNameOf(string participantId)
    {
        var delegation = Event.FindParticipant(participantId)?.Delegation;
        return delegation is null ? null : Event.FindDelegation(delegation)?.Name ?? delegation;
    }

    /// <summary>"Name (Delegation)" or just the name.</summary>
    public string ParticipantWithDelegation(string participantId)
    {
        var delegation = DelegationNameOf(participantId);
        return delegation is null ? ParticipantName(participantId) : $"{ParticipantName(participantId)} ({delegation})";
    }

    /// <summary>Distinct delegation names of a meeting's participants, in participant order.</summary>
    public IReadOnlyList<string> DelegationNames(string meetingId) =>
        ParticipantIds(meetingId).Select(DelegationNameOf).OfType<string>().Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The interpreter's name, or their id when the event has no such interpreter.</summary>
    public string InterpreterName(string interpreterId) => Event.FindInterpreter(interpreterId)?.Name ?? interpreterId;

    public string RoomName(string roomId) => Event.FindRoom(roomId)?.Name ?? roomId;

    /// <summary>The name of the room's building, or null when the room is in none.</summary>
    public string? BuildingName(string roomId)
    {
        var building = Event.FindRoom(roomId)?.Building;
        return building is null ? null : Event.FindBuilding(building)?.Name ?? building;
    }

    /// <summary>"Room, Building" or just the room.</summary>
    public string Location(string roomId)
    {
        var building = BuildingName(roomId);
        return building is null ? RoomName(roomId) : $"{RoomName(roomId)}, {building}";
    }

    public ZonedDateTime Local(Instant instant) => instant.InZone(Zone);

    public static string FormatTime(ZonedDateTime time) => HourMinute.Format(time.TimeOfDay);

    public static string FormatDate(LocalDate date) => IsoDate.Format(date);

    /// <summary>An offset date-time as the schedule file writes it: <c>2021-06-22T09:00:00+03:00</c>.</summary>
    public static string FormatOffset(ZonedDateTime time) => IsoOffset.Format(time.ToOffsetDateTime());

    /// <summary>"09:00–09:45" in the event zone.</summary>
    public string TimeRange(Assignment a) => $"{FormatTime(Local(a.Start))}\u2013{FormatTime(Local(a.End))}";

    /// <summary>
    /// Encodes an id as a file name that is safe on every common file system and injective: ASCII letters,
    /// digits, <c>-</c> and <c>_</c> stay, <c>.</c> stays except in front, everything else becomes <c>%XX</c>
    /// per UTF-8 byte (so <c>%</c> itself is encoded and no two ids share a name, except on file systems that
    /// ignore case).
    /// </summary>
    public static string SafeFileName(string id)
    {
        var sb = new StringBuilder(id.Length);
        var bytes = Encoding.UTF8.GetBytes(id);
        for (var i = 0; i < bytes.Length; i++)
        {
            var b = bytes[i];
            var plain = b is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or >= (byte)'0' and <= (byte)'9'
                || b == '-' || b == '_' || (b == '.' && i > 0);
            if (plain) sb.Append((char)b);
            else sb.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }

    /// <summary>
    /// Lower-case ASCII letters and digits joined by single hyphens, Latin letters with diacritics folded to
    /// their base letter (done by table: with invariant globalization, Unicode decomposition is unavailable);
    /// <c>event</c> when nothing is left.
    /// </summary>
    public static string Slug(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var raw in text)
        {
            var folded = Fold(raw);
            foreach (var c in folded)
            {
                if (c is >= 'a' and <= 'z' or >= '0' and <= '9') sb.Append(c);
                else if (c is >= 'A' and <= 'Z') sb.Append((char)(c - 'A' + 'a'));
                else if (sb.Length > 0 && sb[^1] != '-') sb.Append('-');
            }
        }

        var slug = sb.ToString().TrimEnd('-');
        return slug.Length == 0 ? "event" : slug;
    }

    private const string Accented = "àáâãäåāăąçćĉċčďđèéêëēĕėęěĝğġģĥħìíîïĩīĭįıĵķĺļľŀłñńņňòóôõöøōŏőŕŗřśŝşšţťŧùúûüũūŭůűųŵýÿŷźżž";
    private const string Plain = "aaaaaaaaacccccddeeeeeeeeegggghhiiiiiiiiijklllllnnnnooooooooorrrsssstttuuuuuuuuuuwyyyzzz";

    private static string Fold(char c)
    {
        var lower = char.ToLowerInvariant(c);
        var i = Accented.IndexOf(lower, StringComparison.Ordinal);
        if (i >= 0) return Plain[i].ToString();
        return lower switch
        {
            'ß' => "ss",
            'æ' => "ae",
            'œ' => "oe",
            'þ' => "th",
            'ð' => "d",
            _ => c.ToString(),
        };
    }
}
