using System.Collections.Immutable;
using NodaTime;
using Scheduler.Engine.Domain;

namespace Scheduler.Engine.Checking;

/// <summary>An event day resolved to instants in the event's zone, with that date's breaks.</summary>
/// <param name="Day">The day as the event gives it.</param>
/// <param name="Start">The instant the day opens.</param>
/// <param name="End">The instant the day closes.</param>
/// <param name="Breaks">Each daily break resolved on this day's date, paired with its definition.</param>
internal sealed record ResolvedDay(EventDay Day, Instant Start, Instant End, ImmutableArray<(DailyBreak Break, Interval When)> Breaks);

/// <summary>An assignment of a meeting the event knows, with what the checks need resolved.</summary>
/// <param name="Index">Position in the schedule's assignments.</param>
/// <param name="Meeting">The meeting request.</param>
/// <param name="RoomId">The assignment's room id.</param>
/// <param name="Room">The room, or null when the event has no room with that id.</param>
/// <param name="Start">The assignment's start.</param>
/// <param name="End">The assignment's end as the schedule gives it.</param>
/// <param name="Day">
/// Index into <see cref="ValidationRun.Days"/> of the day the meeting counts on: the day whose hours contain its
/// start, else the day with its start's local date; -1 when there is none.
/// </param>
internal sealed record Placement(int Index, MeetingRequest Meeting, string RoomId, Room? Room, Instant Start, Instant End, int Day);

/// <summary>The state of one validation: the event resolved once, the known assignments and the violations found.</summary>
internal sealed class ValidationRun
{
    private readonly List<(int Order, string Key, Instant At, Violation Violation)> found = [];

    public ValidationRun(Event ev, Schedule schedule)
    {
        Event = ev;
        Schedule = schedule;
        Text = new ViolationText(ev);
        Days = ev.Days
            .Select(d => new ResolvedDay(
                d,
                d.StartInstant(ev.Zone),
                d.EndInstant(ev.Zone),
                ev.Breaks.Select(b => (b, b.On(d.Date, ev.Zone))).ToImmutableArray()))
            .OrderBy(d => d.Start)
            .ThenBy(d => d.End)
            .ToImmutableArray();

        var placements = ImmutableArray.CreateBuilder<Placement>();
        var assignments = schedule.Assignments.IsDefault ? [] : schedule.Assignments;
        for (var i = 0; i < assignments.Length; i++)
        {
            var a = assignments[i];
            var meeting = ev.FindMeeting(a.Meeting);
            if (meeting is null) continue;
            placements.Add(new Placement(i, meeting, a.Room, ev.FindRoom(a.Room), a.Start, a.End, DayOf(a.Start)));
        }

        Placements = placements.ToImmutable();
    }

    public Event Event { get; }

    public Schedule Schedule { get; }

    public ViolationText Text { get; }

    /// <summary>The event's days, ordered by their opening instant.</summary>
    public ImmutableArray<ResolvedDay> Days { get; }

    /// <summary>Assignments of meetings the event knows, in schedule order.</summary>
    public ImmutableArray<Placement> Placements { get; }

    /// <summary><c>meeting "id" (title) at 2021-06-22 15:00–15:45</c>.</summary>
    public string Describe(Placement p) => $"{ViolationText.Meeting(p.Meeting)} at {Text.Span(p.Start, p.End)}";

    /// <summary>Records a violation; <paramref name="key"/> and <paramref name="at"/> order it within its rule.</summary>
    public void Add(string rule, string key, Instant at, string message) =>
        found.Add((ValidationRules.OrderOf(rule), key, at, new Violation(rule, message)));

    public ImmutableArray<Violation> Violations() =>
        found
            .OrderBy(v => v.Order)
            .ThenBy(v => v.Key, StringComparer.Ordinal)
            .ThenBy(v => v.At)
            .ThenBy(v => v.Violation.Message, StringComparer.Ordinal)
            .Select(v => v.Violation)
            .ToImmutableArray();

    private int DayOf(Instant start)
    {
        for (var d = 0; d < Days.Length; d++)
        {
            if (Days[d].Start <= start && start < Days[d].End) return d;
        }

        var date = start.InZone(Event.Zone).Date;
        for (var d = 0; d < Days.Length; d++)
        {
            if (Days[d].Day.Date == date) return d;
        }

        return -1;
    }
}
