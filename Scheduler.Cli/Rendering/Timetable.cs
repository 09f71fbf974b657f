namespace Scheduler.Cli.Rendering;

/// <summary>
/// A schedule laid out for people to read: per day, per room (or, for one participant or delegation, one agenda
/// per day), then the unscheduled meetings with their reasons. Every string is already in the event's zone and
/// uses names rather than ids, so the writers only lay it out.
/// </summary>
/// <param name="Title">The event's name.</param>
/// <param name="Summary">One line on the solve's outcome (status, meetings scheduled, weight, idle gaps).</param>
/// <param name="Scope">What the view is restricted to (a participant, a delegation, a room, a day), or null.</param>
/// <param name="IsAgenda">True when rows carry their room (a person's agenda) instead of being grouped by room.</param>
/// <param name="Days">The days shown, in date order.</param>
/// <param name="ShowUnscheduled">False for a room view, where unscheduled meetings have no place.</param>
/// <param name="Unscheduled">Unscheduled meetings in the event file's order.</param>
internal sealed record Timetable(
    string Title,
    string Summary,
    string? Scope,
    bool IsAgenda,
    IReadOnlyList<TimetableDay> Days,
    bool ShowUnscheduled,
    IReadOnlyList<UnscheduledRow> Unscheduled);

/// <summary>One day of a timetable.</summary>
/// <param name="Heading">The date in words (<c>Tuesday 22 June 2021</c>).</param>
/// <param name="Groups">Per room (or one unlabelled group for an agenda); empty when nothing happens that day.</param>
internal sealed record TimetableDay(string Heading, IReadOnlyList<TimetableGroup> Groups);

/// <summary>Rows that share a room, or an agenda's rows.</summary>
/// <param name="Label">The room and its building, or null for an agenda.</param>
/// <param name="Rows">Rows by start time, then meeting id.</param>
internal sealed record TimetableGroup(string? Label, IReadOnlyList<TimetableRow> Rows);

/// <summary>One scheduled meeting.</summary>
/// <param name="Time">Local start and end (<c>09:00-09:45</c>).</param>
/// <param name="Title">The meeting's title.</param>
/// <param name="Room">The room and its building (agendas only; empty otherwise).</param>
/// <param name="Participants">Names with their delegations.</param>
internal sealed record TimetableRow(string Time, string Title, string Room, string Participants);

/// <summary>One meeting left out, with why.</summary>
/// <param name="Title">The meeting's title.</param>
/// <param name="Participants">Names with their delegations.</param>
/// <param name="Reason">The solver's reason, as written in the schedule file.</param>
internal sealed record UnscheduledRow(string Title, string Participants, string Reason);
