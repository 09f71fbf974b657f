using System.Collections.Immutable;
using System.Globalization;
using NodaTime;
using NodaTime.Text;
using Scheduler.Engine.Domain;

namespace Scheduler.Cli.Rendering;

/// <summary>Lays a schedule out as a <see cref="Timetable"/>: times in the event's zone, names rather than ids.</summary>
internal static class TimetableBuilder
{
    private static readonly LocalDatePattern DayHeading = LocalDatePattern.CreateWithInvariantCulture("dddd d MMMM uuuu");
    private static readonly LocalTimePattern Clock = LocalTimePattern.CreateWithInvariantCulture("HH:mm");

    /// <summary>The timetable of <paramref name="schedule"/> for <paramref name="ev"/>, restricted by <paramref name="filter"/>.</summary>
    public static Timetable Build(Event ev, Schedule schedule, TimetableFilter filter)
    {
        ArgumentNullException.ThrowIfNull(ev);
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(filter);
        var agenda = filter.Participant is not null || filter.Delegation is not null || filter.Interpreter is not null;

        var shown = schedule.Assignments
            .Where(a => filter.Includes(ev, ParticipantsOf(ev, a.Meeting), a.Room, a.Interpreters))
            .Select(a => (Assignment: a, Start: a.Start.InZone(ev.Zone), End: a.End.InZone(ev.Zone)))
            .ToList();

        var dates = ev.Days.Select(d => d.Date)
            .Concat(shown.Select(s => s.Start.Date))
            .Where(d => filter.Day is null || d == filter.Day)
            .Distinct()
            .Order()
            .ToList();

        var days = new List<TimetableDay>();
        foreach (var date in dates)
        {
            var ofDay = shown.Where(s => s.Start.Date == date)
                .OrderBy(s => s.Assignment.Start)
                .ThenBy(s => s.Assignment.Meeting, StringComparer.Ordinal)
                .ToList();
            var groups = new List<TimetableGroup>();
            if (agenda)
            {
                if (ofDay.Count > 0)
                    groups.Add(new TimetableGroup(null, ofDay.Select(s => Row(ev, schedule, s.Assignment, s.Start, s.End, withRoom: true)).ToList()));
            }
            else
            {
                foreach (var roomId in RoomOrder(ev, ofDay.Select(s => s.Assignment.Room)))
                {
                    var rows = ofDay.Where(s => s.Assignment.Room == roomId)
                        .Select(s => Row(ev, schedule, s.Assignment, s.Start, s.End, withRoom: false))
                        .ToList();
                    groups.Add(new TimetableGroup(RoomLabel(ev, roomId), rows));
                }
            }

            days.Add(new TimetableDay(DayHeading.Format(date), groups));
        }

        // A room's sheet or an interpreter's day has no unscheduled meetings of its own.
        bool sheet = filter.Room is not null || filter.Interpreter is not null;
        var unscheduled = sheet ? [] : UnscheduledRows(ev, schedule, filter);
        return new Timetable(ev.Name, Summary(ev, schedule), Scope(ev, filter), agenda, days, !sheet, unscheduled);
    }

    /// <summary>One line on the outcome, e.g. <c>optimal: 3 of 4 meetings scheduled, weight 12 (bound 12), idle gaps 1 (bound 1)</c>.</summary>
    public static string Summary(Event ev, Schedule schedule)
    {
        var total = schedule.Assignments.Length + schedule.Unscheduled.Length;
        var text = string.Create(
            CultureInfo.InvariantCulture,
            $"{StatusWord(schedule.Status)}: {schedule.Assignments.Length} of {total} meetings scheduled, weight {schedule.ScheduledWeight}");
        if (schedule.WeightBound is { } bound) text += string.Create(CultureInfo.InvariantCulture, $" (bound {bound})");
        if (ev.Objective.IdleGaps == IdleGapPolicy.Ignore) return text + ChangesSummary(schedule);
        text += string.Create(CultureInfo.InvariantCulture, $", idle gaps {schedule.IdleGaps}");
        if (schedule.IdleGapsBound is { } gapBound) text += string.Create(CultureInfo.InvariantCulture, $" (bound {gapBound})");
        return text + ChangesSummary(schedule);
    }

    private static string ChangesSummary(Schedule schedule) => schedule.Changes is { } c
        ? $"; replanned: {c.Kept} kept, {c.Moved.Length} moved, {c.RoomChanged.Length} room changed, {c.Dropped.Length} dropped, {c.Added.Length} new"
        : "";

    /// <summary>The contract's word for a status (<c>optimal</c>, <c>feasible</c>, <c>infeasible</c>, <c>unknown</c>).</summary>
    public static string StatusWord(ScheduleStatus status) => status switch
    {
        ScheduleStatus.Optimal => "optimal",
        ScheduleStatus.Feasible => "feasible",
        ScheduleStatus.Infeasible => "infeasible",
        _ => "unknown",
    };

    /// <summary>Participants' names with their delegations, in the meeting's order: <c>Name (Delegation); ...</c>.</summary>
    public static string People(Event ev, IEnumerable<string> participantIds) =>
        string.Join("; ", participantIds.Select(id => Person(ev, id)));

    private static string Person(Event ev, string id)
    {
        var participant = ev.FindParticipant(id);
        if (participant is null) return id;
        var delegation = participant.Delegation is null ? null : ev.FindDelegation(participant.Delegation);
        return delegation is null ? participant.Name : $"{participant.Name} ({delegation.Name})";
    }

    /// <summary>A room's name and building, e.g. <c>Bilateral room 1, Patriot Congress Centre</c>.</summary>
    public static string RoomLabel(Event ev, string roomId)
    {
        var room = ev.FindRoom(roomId);
        if (room is null) return roomId;
        var building = room.Building is null ? null : ev.FindBuilding(room.Building);
        return building is null ? room.Name : $"{room.Name}, {building.Name}";
    }

    private static TimetableRow Row(Event ev, Schedule schedule, Assignment a, ZonedDateTime start, ZonedDateTime end, bool withRoom)
    {
        var meeting = ev.FindMeeting(a.Meeting);
        return new TimetableRow(
            $"{Clock.Format(start.TimeOfDay)}-{Clock.Format(end.TimeOfDay)}",
            (meeting?.Title ?? a.Meeting) + Mark(ev, schedule, a.Meeting),
            withRoom ? RoomLabel(ev, a.Room) : "",
            meeting is null ? "" : People(ev, meeting.Participants) + Interpreters(ev, a));
    }

    /// <summary>"; interpreter: Name" when the meeting has interpreters (contract v1.1), else nothing.</summary>
    private static string Interpreters(Event ev, Assignment a) =>
        a.Interpreters.IsEmpty ? "" : $"; interpreter: {string.Join(", ", a.Interpreters.Select(i => ev.FindInterpreter(i)?.Name ?? i))}";

    /// <summary>
    /// For a replanned schedule, what changed for a scheduled meeting, after its title: <c> [moved from Tue 15:30,
    /// Bilateral room 2]</c>, <c> [room changed from Bilateral room 2]</c> or <c> [new]</c>; empty when it was kept.
    /// </summary>
    public static string Mark(Event ev, Schedule schedule, string meetingId)
    {
        if (schedule.Changes is not { } changes) return "";
        if (changes.Moved.FirstOrDefault(c => c.Meeting == meetingId) is { } moved)
            return $" [moved from {WhenShort(ev, moved.From.Start)}, {RoomLabel(ev, moved.From.Room)}]";
        if (changes.RoomChanged.FirstOrDefault(c => c.Meeting == meetingId) is { } roomChanged)
            return $" [room changed from {RoomLabel(ev, roomChanged.From.Room)}]";
        return changes.Added.Contains(meetingId, StringComparer.Ordinal) ? " [new]" : "";
    }

    /// <summary>A start as people say it within an event: <c>Tue 15:30</c>.</summary>
    public static string WhenShort(Event ev, Instant instant)
    {
        var local = instant.InZone(ev.Zone);
        return $"{local.DayOfWeek.ToString()[..3]} {Clock.Format(local.TimeOfDay)}";
    }

    private static ImmutableArray<string> ParticipantsOf(Event ev, string meetingId) =>
        ev.FindMeeting(meetingId)?.Participants ?? [];

    // Rooms in the event file's order; ids the event does not know (a foreign schedule) go last, ordinally.
    private static IEnumerable<string> RoomOrder(Event ev, IEnumerable<string> used)
    {
        var set = used.ToHashSet(StringComparer.Ordinal);
        foreach (var room in ev.Rooms)
            if (set.Remove(room.Id)) yield return room.Id;
        foreach (var unknown in set.Order(StringComparer.Ordinal)) yield return unknown;
    }

    private static List<UnscheduledRow> UnscheduledRows(Event ev, Schedule schedule, TimetableFilter filter)
    {
        var order = ev.Meetings.Select((m, i) => (m.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        return schedule.Unscheduled
            .Where(u => filter.Includes(ev, ParticipantsOf(ev, u.Meeting), null))
            .OrderBy(u => order.GetValueOrDefault(u.Meeting, int.MaxValue))
            .ThenBy(u => u.Meeting, StringComparer.Ordinal)
            .Select(u =>
            {
                var meeting = ev.FindMeeting(u.Meeting);
                var dropped = schedule.Changes?.Dropped.Any(d => d.Meeting == u.Meeting) == true ? " [dropped]" : "";
                return new UnscheduledRow((meeting?.Title ?? u.Meeting) + dropped, meeting is null ? "" : People(ev, meeting.Participants), u.Reason);
            })
            .ToList();
    }

    private static string? Scope(Event ev, TimetableFilter filter)
    {
        var parts = new List<string>();
        if (filter.Participant is { } p) parts.Add($"Participant: {Person(ev, p)}");
        if (filter.Delegation is { } d) parts.Add($"Delegation: {ev.FindDelegation(d)?.Name ?? d}");
        if (filter.Room is { } r) parts.Add($"Room: {RoomLabel(ev, r)}");
        if (filter.Interpreter is { } i) parts.Add($"Interpreter: {ev.FindInterpreter(i)?.Name ?? i}");
        if (filter.Day is { } day) parts.Add($"Day: {DayHeading.Format(day)}");
        return parts.Count == 0 ? null : string.Join("; ", parts);
    }
}
