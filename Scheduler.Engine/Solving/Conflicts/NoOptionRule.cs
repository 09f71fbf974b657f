using System.Collections.Immutable;
using Scheduler.Engine.Domain;
using Scheduler.Engine.Time;
using static Scheduler.Engine.Solving.Conflicts.ConflictText;

namespace Scheduler.Engine.Solving.Conflicts;

/// <summary>
/// Why a required meeting has no possible time or room at all, found by asking the candidate builder again with one
/// rule switched off at a time (its windows, one participant's availability or busy periods, the rooms'
/// unavailability, its pin): the first whose absence gives the meeting a time is the one that binds. The time rules
/// themselves stay in the candidate builder.
/// </summary>
internal static class NoOptionRule
{
    /// <summary>A conflict of <paramref name="m"/> alone, which has no option.</summary>
    public static Conflict Explain(Event ev, TimeGrid grid, MeetingOptions m)
    {
        var (rule, why) = Find(ev, grid, m);
        var minutes = $"{(long)m.Meeting.Duration.TotalMinutes}-minute";
        return new Conflict([m.Meeting.Id], rule, $"The required meeting {Title(m.Meeting)} has no possible time: {why.Replace("{minutes}", minutes, StringComparison.Ordinal)}", Minimal: true);
    }

    private static (string Rule, string Why) Find(Event ev, TimeGrid grid, MeetingOptions m)
    {
        var meeting = m.Meeting with { After = [] };
        if (m.Groups.IsEmpty) return (ConflictRules.NoRoomFits, NoRoom(ev, meeting));
        var people = meeting.Participants.Select(id => ev.FindParticipant(id)!).ToList();
        bool pinned = meeting.Pin is not null;
        string atPin = pinned ? $" at its pinned time {Local(ev, meeting.Pin!.Start)}" : "";
        if (pinned && grid.SlotStartingAt(meeting.Pin!.Start) is null)
            return (ConflictRules.PinConflict, $"its pin at {Local(ev, meeting.Pin.Start)} is not on the grain of any day");
        if (pinned && !grid.FitsAt(grid.SlotStartingAt(meeting.Pin!.Start)!.Value, m.Length))
            return (ConflictRules.PinConflict, $"its pin at {Local(ev, meeting.Pin.Start)} runs past the day's end or into a break");

        if ((Interpretation.Needs(ev, meeting) || !meeting.Interpreters.IsEmpty) && HasOption(ev, meeting with { Interpreters = [] },
                [.. people.Select(p => p with { Languages = [] })]))
            return (ConflictRules.NoInterpreter, $"no interpreter who covers its participants' languages is free for {{minutes}}{atPin}");
        if (!meeting.Windows.IsEmpty && HasOption(ev, meeting with { Windows = [] }, []))
            return (ConflictRules.OutsideWindows, $"its windows ({Periods(ev, meeting.Windows)}) leave no {{minutes}} time that its participants and rooms allow{atPin}");
        foreach (var p in people.Where(p => !p.Available.IsEmpty))
            if (HasOption(ev, meeting, [p with { Available = [] }]))
                return (ConflictRules.OutsideAvailability, $"{Name(p)} is available only {Periods(ev, p.Available)}, which leaves no {{minutes}} time for it{atPin}");
        foreach (var p in people.Where(p => !p.Busy.IsEmpty))
            if (HasOption(ev, meeting, [p with { Busy = [] }]))
                return (ConflictRules.Busy, $"{Name(p)} is busy {Periods(ev, p.Busy)}, which leaves no {{minutes}} time for it{atPin}");
        if (HasOption(Rooms(ev, r => r with { Unavailable = [] }), meeting, []))
            return (ConflictRules.RoomUnavailable, $"every room that suits it is unavailable whenever its participants are free{atPin}");
        if (pinned && HasOption(ev, meeting with { Pin = null }, []))
            return (ConflictRules.PinConflict, $"its pin at {Local(ev, meeting.Pin!.Start)} clashes with its other rules");
        var free = people.Select(p => p with { Available = [], Busy = [] }).ToList();
        if (!HasOption(Rooms(ev, r => r with { Unavailable = [] }), meeting with { Windows = [], Pin = null }, free))
            return (ConflictRules.DayHours, "no day has a free {minutes} period outside the breaks");
        return (ConflictRules.CombinedRules, $"its windows, its participants' availability and busy periods and its rooms' unavailability together leave no {{minutes}} time for it{atPin}");
    }

    /// <summary>Whether <paramref name="meeting"/> gets an option in <paramref name="ev"/> with <paramref name="replaced"/> participants swapped in.</summary>
    private static bool HasOption(Event ev, MeetingRequest meeting, IReadOnlyList<Participant> replaced)
    {
        var participants = ev.Participants.Select(p => replaced.FirstOrDefault(r => r.Id == p.Id) ?? p).ToImmutableArray();
        var alone = new Event(ev.Name, ev.Zone, ev.Grain, ev.Days, ev.Breaks, ev.Buildings, ev.TravelTimes, ev.Rooms, ev.Delegations,
            participants, [meeting], new ScheduleObjective(IdleGapPolicy.Ignore, null), ev.Interpreters);
        var grid = TimeGrid.Build(alone);
        return !CandidateBuilder.Build(alone, grid, RoomPool.Build(alone, grid))[0].Options.IsEmpty;
    }

    private static Event Rooms(Event ev, Func<Room, Room> change) =>
        new(ev.Name, ev.Zone, ev.Grain, ev.Days, ev.Breaks, ev.Buildings, ev.TravelTimes, [.. ev.Rooms.Select(change)], ev.Delegations,
            ev.Participants, ev.Meetings, ev.Objective, ev.Interpreters);

    private static string NoRoom(Event ev, MeetingRequest meeting)
    {
        if (meeting.Pin?.Room is { } pinned && ev.FindRoom(pinned) is { } room)
        {
            if (room.Capacity < meeting.Headcount) return $"its pinned room {Room(room)} seats {room.Capacity}, fewer than its {meeting.Headcount} people";
            var missing = meeting.RequiredFeatures.Where(f => !room.Features.Contains(f, StringComparer.Ordinal));
            return $"its pinned room {Room(room)} lacks {List(missing.Select(f => $"\"{f}\""))}";
        }
        var withFeatures = ev.Rooms.Where(r => r.HasAll(meeting.RequiredFeatures)).ToList();
        string features = meeting.RequiredFeatures.IsEmpty ? "" : " with " + List(meeting.RequiredFeatures.Select(f => $"\"{f}\""));
        if (withFeatures.Count == 0) return $"no room{features} exists";
        return $"no room{features} seats its {meeting.Headcount} people (the largest seats {withFeatures.Max(r => r.Capacity)})";
    }
}
