using System.Collections.Immutable;
using System.Globalization;
using NodaTime;
using NodaTime.Text;
using Scheduler.Engine.Domain;

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
        string pinned = m.Pin is null ? "" : ReasonText.Local(ev, m.Pin.Start);
        Explanation With(ReasonCode code, string sentence, IEnumerable<string> blockers) =>
            new(meeting, code, sentence, [.. blockers.Distinct().Order(StringComparer.Ordinal)]);
        Explanation Alone(ReasonCode code, string sentence) => With(code, sentence, []);
        var ids = people.Select(p => p.Id).Concat(rooms.Select(r => r.Id));

        return why.Rule switch
        {
            PlacementRule.NoSuitableRoom => Alone(ReasonCode.NoRoomFits, NoRoom(ev, m)),
            PlacementRule.PinnedRoomUnsuitable => With(ReasonCode.PinConflict, PinnedRoom(rooms[0], m), ids),
            PlacementRule.DailyLimitZero => With(ReasonCode.DailyLimit,
                $"{ReasonText.Names(people)} may have no meeting at all (a daily limit of 0)", ids),
            PlacementRule.PinnedStart => Alone(ReasonCode.PinConflict, $"its pin at {pinned} is not on the grain of any day"),
            PlacementRule.DayOrBreak => m.Pin is not null
                ? Alone(ReasonCode.PinConflict, $"its pin at {pinned} runs past the day's end or into a break")
                : Alone(ReasonCode.OutsideDays, $"no day has a free {minutes} period outside the breaks"),
            PlacementRule.Windows => Alone(ReasonCode.OutsideWindows, m.Pin is not null
                ? $"its pin at {pinned} lies outside its windows ({ReasonText.Periods(ev, m.Windows)})"
                : $"no {minutes} period of the event's days lies inside its windows ({ReasonText.Periods(ev, m.Windows)})"),
            PlacementRule.Availability => With(ReasonCode.OutsideAvailability,
                string.Join("; ", people.Select(p => $"{ReasonText.Name(p)} is available only {ReasonText.Periods(ev, p.Available)}")) +
                (m.Pin is not null ? $", which leaves out its pin at {pinned}" : $", which leaves no {minutes} period for it{inWindows}"), ids),
            PlacementRule.Busy => With(ReasonCode.Busy,
                string.Join("; ", people.Select(p => $"{ReasonText.Name(p)} is busy {ReasonText.Periods(ev, p.Busy)}")) +
                (m.Pin is not null ? $", which covers its pin at {pinned}" : $", which leaves no common free {minutes} period{inWindows}"), ids),
            PlacementRule.RoomsUnavailable => With(ReasonCode.RoomsUnavailable,
                $"every suitable room ({string.Join(", ", rooms.Select(r => $"\"{r.Name}\""))}) is unavailable whenever all its participants are free", ids),
            _ => throw new ArgumentException("Nothing stands in the meeting's way.", nameof(why)),
        };
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

/// <summary>How the explanations write people and times.</summary>
internal static class ReasonText
{
    private static readonly LocalDateTimePattern When = LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd HH:mm");
    private static readonly LocalTimePattern Clock = LocalTimePattern.CreateWithInvariantCulture("HH:mm");

    /// <summary>The participant's name, or their id in quotes when the file gives no name.</summary>
    public static string Name(Participant p) => p.Name == p.Id ? $"\"{p.Id}\"" : p.Name;

    /// <summary>Names joined with commas and a final "and".</summary>
    public static string Names(IReadOnlyList<Participant> people) =>
        people.Count <= 1
            ? string.Concat(people.Select(Name))
            : string.Join(", ", people.Take(people.Count - 1).Select(Name)) + " and " + Name(people[^1]);

    /// <summary>An instant as local date and time in the event's zone: <c>2021-06-22 09:00</c>.</summary>
    public static string Local(Event ev, Instant t) => When.Format(t.InZone(ev.Zone).LocalDateTime);

    /// <summary>Seconds with at most one decimal: <c>10</c>, <c>2.5</c>.</summary>
    public static string Seconds(Duration d) => d.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>The first three periods, in time order, and how many more: <c>2021-06-22 09:00–11:45 and 2 more</c>.</summary>
    public static string Periods(Event ev, IEnumerable<Interval> periods)
    {
        var list = periods.OrderBy(p => p.Start).ToList();
        var shown = list.Take(3).Select(p =>
        {
            var s = p.Start.InZone(ev.Zone).LocalDateTime;
            var e = p.End.InZone(ev.Zone).LocalDateTime;
            return s.Date == e.Date ? $"{When.Format(s)}–{Clock.Format(e.TimeOfDay)}" : $"{When.Format(s)} to {When.Format(e)}";
        });
        return string.Join(", ", shown) + (list.Count > 3 ? $" and {list.Count - 3} more" : "");
    }
}
