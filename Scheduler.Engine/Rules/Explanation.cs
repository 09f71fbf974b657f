using System.Collections.Immutable;
using Scheduler.Engine.Domain;
using static Scheduler.Engine.Solving.Conflicts.ConflictText;

namespace Scheduler.Engine.Rules;

/// <summary>Why one meeting is unscheduled: a code, a sentence an officer can act on, and who or what stands in the way.</summary>
/// <param name="Meeting">The meeting's position in the event.</param>
/// <param name="Code">The first reason.</param>
/// <param name="Sentence">The reason in words, times in the event's zone.</param>
/// <param name="Blockers">Ids of the participants, rooms or meetings that stand in the way (the kind <paramref name="Code"/> names), ordinal order.</param>
internal sealed record Explanation(int Meeting, ReasonCode Code, string Sentence, ImmutableArray<string> Blockers)
{
    /// <summary>The schedule's entry for this meeting.</summary>
    public UnscheduledMeeting ToUnscheduled(Event ev) => new(ev.Meetings[Meeting].Id, Sentence, Code, Blockers);

    /// <summary>
    /// The explanation of a <see cref="Hindrance"/> that keeps meeting <paramref name="meeting"/> from every start
    /// (<see cref="PlacementRules.WhyNever"/>).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="why"/> stands in nobody's way.</exception>
    public static Explanation Of(PlacementRules rules, int meeting, Hindrance why)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(why);
        var ev = rules.Event;
        var m = ev.Meetings[meeting];
        var people = why.Participants.Select(p => ev.Participants[p]).ToList();
        var rooms = why.Rooms.Select(r => ev.Rooms[r]).ToList();
        string minutes = $"{(long)m.Duration.TotalMinutes}-minute";
        string inWindows = m.Windows.IsEmpty ? "" : " inside its windows";
        string pinned = m.Pin is null ? "" : Local(ev, m.Pin.Start);
        Explanation With(ReasonCode code, string sentence, IEnumerable<string> blockers) =>
            new(meeting, code, sentence, [.. blockers.Distinct().Order(StringComparer.Ordinal)]);
        Explanation Alone(ReasonCode code, string sentence) => With(code, sentence, []);
        var ids = people.Select(p => p.Id).Concat(rooms.Select(r => r.Id));

        return why.Rule switch
        {
            PlacementRule.NoSuitableRoom => Alone(ReasonCode.NoRoomFits, NoRoom(ev, m)),
            PlacementRule.PinnedRoomUnsuitable => With(ReasonCode.PinConflict, PinnedRoom(rooms[0], m), ids),
            PlacementRule.DailyLimitZero => With(ReasonCode.DailyLimit,
                $"{List(people.Select(Name))} may have no meeting at all (a daily limit of 0)", ids),
            PlacementRule.PinnedStart => Alone(ReasonCode.PinConflict, $"its pin at {pinned} is not on the grain of any day"),
            PlacementRule.DayOrBreak => m.Pin is not null
                ? Alone(ReasonCode.PinConflict, $"its pin at {pinned} runs past the day's end or into a break")
                : Alone(ReasonCode.OutsideDays, $"no day has a free {minutes} period outside the breaks"),
            PlacementRule.Windows => Alone(ReasonCode.OutsideWindows, m.Pin is not null
                ? $"its pin at {pinned} lies outside its windows ({Periods(ev, m.Windows)})"
                : $"no {minutes} period of the event's days lies inside its windows ({Periods(ev, m.Windows)})"),
            PlacementRule.Availability => With(ReasonCode.OutsideAvailability,
                string.Join("; ", people.Select(p => $"{Name(p)} is available only {Periods(ev, p.Available)}")) +
                (m.Pin is not null ? $", which leaves out its pin at {pinned}" : $", which leaves no {minutes} period for it{inWindows}"), ids),
            PlacementRule.Busy => With(ReasonCode.Busy,
                string.Join("; ", people.Select(p => $"{Name(p)} is busy {Periods(ev, p.Busy)}")) +
                (m.Pin is not null ? $", which covers its pin at {pinned}" : $", which leaves no common free {minutes} period{inWindows}"), ids),
            PlacementRule.Interpreter => With(ReasonCode.NoInterpreter, NoInterpreter(ev, m, why), why.Interpreters.Select(i => ev.Interpreters[i].Id)),
            PlacementRule.RoomsUnavailable => With(ReasonCode.RoomsUnavailable,
                $"every suitable room ({string.Join(", ", rooms.Select(r => $"\"{r.Name}\""))}) is unavailable whenever all its participants are free", ids),
            _ => throw new ArgumentException("Nothing stands in the meeting's way.", nameof(why)),
        };
    }

    private static string NoInterpreter(Event ev, MeetingRequest m, Hindrance why)
    {
        var names = string.Join(", ", why.Interpreters.Select(i => $"\"{ev.Interpreters[i].Name}\""));
        if (!m.Interpreters.IsEmpty) return $"its pinned interpreters ({names}) are not all available and free of busy periods at any time it could be held";
        var languages = string.Join("; ", m.Participants.Select(id => ev.FindParticipant(id)!)
            .Select(p => $"{p.Name} speaks {string.Join("/", p.Languages)}"));
        return why.Interpreters.IsEmpty
            ? $"it needs interpretation ({languages}) and no interpreter works in a language of every participant"
            : $"it needs interpretation ({languages}) and the interpreters who could do it ({names}) are unavailable or busy whenever its participants are free";
    }

    private static string NoRoom(Event ev, MeetingRequest meeting)
    {
        var withFeatures = ev.Rooms.Where(r => r.HasAll(meeting.RequiredFeatures)).ToList();
        string features = meeting.RequiredFeatures.IsEmpty ? "" : " with " + string.Join(", ", meeting.RequiredFeatures.Select(f => $"\"{f}\""));
        if (withFeatures.Count == 0) return $"no room{features} exists";
        int largest = withFeatures.Max(r => r.Capacity);
        return $"no room{features} seats its {meeting.Headcount} people (the largest seats {largest})";
    }

    private static string PinnedRoom(Room room, MeetingRequest meeting)
    {
        if (room.Capacity < meeting.Headcount) return $"its pinned room \"{room.Name}\" seats {room.Capacity}, fewer than its {meeting.Headcount} people";
        var missing = meeting.RequiredFeatures.Where(f => !room.Features.Contains(f, StringComparer.Ordinal));
        return $"its pinned room \"{room.Name}\" lacks {string.Join(", ", missing.Select(f => $"\"{f}\""))}";
    }
}
