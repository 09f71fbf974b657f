using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using NodaTime;
using Scheduler.Engine.Domain;

namespace Scheduler.Engine.Export;

/// <summary>
/// iCalendar (RFC 5545) export: one calendar per participant (<c>participants/ID.ics</c>) and one per room
/// (<c>rooms/ID.ics</c>), each holding that participant's or room's scheduled meetings.
/// </summary>
/// <remarks>
/// Times are written in UTC (<c>Z</c>), which every client reads the same way and which needs no VTIMEZONE.
/// A meeting keeps its UID (<c>MEETING@EVENT-SLUG.scheduler</c>) across exports and across calendars, so
/// importing a re-export updates the meeting instead of adding a copy; its SEQUENCE is the assignment's
/// <see cref="Assignment.Sequence"/>, which a replan raises for each meeting it moves or puts in another room. DTSTAMP is the event's first day
/// start, never the clock, so two exports of the same schedule are byte-identical. Each participant is an
/// ATTENDEE named by CN, with an undeliverable address (<c>mailto:ID@EVENT-SLUG.invalid</c>): the event file
/// has no e-mail addresses, and no client should mail anyone from an imported calendar. Participants and rooms
/// without a scheduled meeting get no file: RFC 5545 requires a calendar to hold at least one component.
/// </remarks>
public static class IcsExporter
{
    /// <summary>The PRODID of every exported calendar.</summary>
    internal const string ProductId = "-//Scheduler//Bilateral meeting scheduler//EN";

    /// <summary>Exports the calendars, ordered by path (ordinal).</summary>
    /// <param name="ev">The event the schedule belongs to.</param>
    /// <param name="schedule">The schedule to export.</param>
    /// <returns>Files <c>participants/ID.ics</c> and <c>rooms/ID.ics</c>, ids encoded to safe file names.</returns>
    public static IReadOnlyList<ExportedFile> Export(Event ev, Schedule schedule)
    {
        var view = new ExportView(ev, schedule);
        var files = new List<ExportedFile>();
        var slug = ExportView.Slug(ev.Name);
        var stamp = ev.Days.IsEmpty ? Instant.FromUnixTimeSeconds(0) : ev.Start;

        foreach (var participant in ev.Participants)
        {
            var meetings = view.Assignments
                .Where(a => view.ParticipantIds(a.Meeting).Contains(participant.Id, StringComparer.Ordinal))
                .ToList();
            if (meetings.Count == 0) continue;
            var calendar = NewCalendar($"{ev.Name} \u2013 {participant.Name}");
            foreach (var a in meetings) calendar.Events.Add(ToEvent(view, a, slug, stamp));
            files.Add(new ExportedFile($"participants/{ExportView.SafeFileName(participant.Id)}.ics", Serialize(calendar)));
        }

        foreach (var room in ev.Rooms)
        {
            var meetings = view.Assignments.Where(a => a.Room == room.Id).ToList();
            if (meetings.Count == 0) continue;
            var calendar = NewCalendar($"{ev.Name} \u2013 {view.Location(room.Id)}");
            foreach (var a in meetings) calendar.Events.Add(ToEvent(view, a, slug, stamp));
            files.Add(new ExportedFile($"rooms/{ExportView.SafeFileName(room.Id)}.ics", Serialize(calendar)));
        }

        // Contract v1.1: interpreters get their working days as calendars too.
        foreach (var interpreter in ev.Interpreters)
        {
            var meetings = view.Assignments.Where(a => a.Interpreters.Contains(interpreter.Id, StringComparer.Ordinal)).ToList();
            if (meetings.Count == 0) continue;
            var calendar = NewCalendar($"{ev.Name} \u2013 {interpreter.Name} (interpreter)");
            foreach (var a in meetings) calendar.Events.Add(ToEvent(view, a, slug, stamp));
            files.Add(new ExportedFile($"interpreters/{ExportView.SafeFileName(interpreter.Id)}.ics", Serialize(calendar)));
        }

        files.Sort((x, y) => string.CompareOrdinal(x.RelativePath, y.RelativePath));
        return files;
    }

    /// <summary>The UID a meeting keeps in every calendar and every export of the event.</summary>
    internal static string Uid(string meetingId, string eventSlug) =>
        $"{ExportView.SafeFileName(meetingId)}@{eventSlug}.scheduler";

    /// <summary>
    /// The event file has no e-mail addresses, but clients and Ical.Net itself read an ATTENDEE as a
    /// <c>mailto:</c> address (Ical.Net 5.2 drops a <c>urn:</c> attendee on reading). An address in the
    /// reserved <c>.invalid</c> domain (RFC 2606) satisfies them and can never deliver mail; the CN carries
    /// the name people see.
    /// </summary>
    internal static string AttendeeAddress(string participantId, string eventSlug) =>
        $"mailto:{Uri.EscapeDataString(participantId)}@{eventSlug}.invalid";

    private static Calendar NewCalendar(string name)
    {
        var calendar = new Calendar { ProductId = ProductId, Method = CalendarMethods.Publish };
        // Apple, Google and Outlook show this as the calendar's name when it is imported or subscribed to.
        calendar.AddProperty("X-WR-CALNAME", name);
        return calendar;
    }

    private static CalendarEvent ToEvent(ExportView view, Assignment a, string slug, Instant stamp)
    {
        var participants = view.ParticipantIds(a.Meeting);
        var description = new StringBuilder();
        description.Append("Participants:");
        foreach (var p in participants) description.Append('\n').Append(view.ParticipantWithDelegation(p));
        if (!a.Interpreters.IsEmpty) description.Append("\nInterpreters: ").Append(string.Join(", ", a.Interpreters.Select(view.InterpreterName)));
        description.Append("\nRoom: ").Append(view.Location(a.Room));
        description.Append("\nMeeting id: ").Append(a.Meeting);

        var e = new CalendarEvent
        {
            Uid = Uid(a.Meeting, slug),
            DtStamp = Utc(stamp),
            DtStart = Utc(a.Start),
            DtEnd = Utc(a.End),
            // A replan raises the sequence of every meeting it moved or re-roomed, so clients update the invitation.
            Sequence = a.Sequence,
            Summary = view.Title(a.Meeting),
            Location = view.Location(a.Room),
            Description = description.ToString(),
            Transparency = TransparencyType.Opaque,
            Status = EventStatus.Confirmed,
        };
        foreach (var p in participants)
        {
            e.Attendees.Add(new Attendee(AttendeeAddress(p, slug))
            {
                CommonName = view.ParticipantName(p),
                Role = ParticipationRole.RequiredParticipant,
            });
        }

        return e;
    }

    private static CalDateTime Utc(Instant instant) => new(instant.ToDateTimeUtc(), CalDateTime.UtcTzId);

    private static string Serialize(Calendar calendar) =>
        new CalendarSerializer().SerializeToString(calendar) ?? throw new InvalidOperationException("Ical.Net returned no text.");
}
