using NodaTime;
using Scheduler.Engine.Domain;
using Scheduler.Engine.Files;
using Scheduler.Engine.Rules;
using Scheduler.Engine.Time;

namespace Scheduler.Engine.Solving;

/// <summary>
/// Whether the frozen meetings of a published schedule may stay where they are in the event as it is now: each one
/// alone by the <see cref="PlacementRules"/> (the one source of those rules), and each pair by participant and room
/// overlap. What binds them to the other meetings (daily limits, travel, <c>after</c>) is left to the solve, which
/// reports an infeasible run with its conflicts.
/// </summary>
internal static class FrozenRules
{
    /// <summary>One problem per frozen meeting that breaks a rule, at <c>assignments[i]</c> of the previous schedule.</summary>
    public static IEnumerable<InputProblem> Problems(Event ev, IReadOnlyList<(int Index, Assignment Assignment)> frozen)
    {
        if (frozen.Count == 0) yield break;
        var grid = TimeGrid.Build(ev);
        var rules = new PlacementRules(ev, grid);
        var meetingIndex = ev.Meetings.Select((m, i) => (m.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        foreach (var (index, a) in frozen)
        {
            var where = $"frozen meeting \"{a.Meeting}\" (published {TimeText.Describe(a.Start, ev.Zone)} in room \"{a.Room}\")";
            if (Alone(ev, grid, rules, meetingIndex[a.Meeting], a) is { } broken)
                yield return new InputProblem($"assignments[{index}]", $"{where} now breaks a hard rule: {broken}");
        }

        for (int i = 0; i < frozen.Count; i++)
            for (int j = i + 1; j < frozen.Count; j++)
                if (Together(ev, frozen[i].Assignment, frozen[j].Assignment) is { } broken)
                    yield return new InputProblem($"assignments[{frozen[j].Index}]",
                        $"frozen meeting \"{frozen[j].Assignment.Meeting}\" now breaks a hard rule with frozen meeting \"{frozen[i].Assignment.Meeting}\": {broken}");
    }

    private static string? Alone(Event ev, TimeGrid grid, PlacementRules rules, int meeting, Assignment a)
    {
        if (ev.FindRoom(a.Room) is null) return $"unknown-room: the event no longer has room \"{a.Room}\"";
        if (grid.SlotStartingAt(a.Start) is not int slot)
            return "grain/day-hours: its start is no longer a slot start within the event's days";
        var room = rules.RoomIndex(a.Room);
        var hindrance = rules.Check(meeting, slot, [room]);
        if (hindrance.Allows && !rules.RoomFreeOver(room, slot, rules.Length(meeting)))
            hindrance = new Hindrance(PlacementRule.RoomsUnavailable, [], [room]);
        return hindrance.Allows ? null : Describe(ev, hindrance);
    }

    private static string Describe(Event ev, Hindrance h)
    {
        var people = string.Join(", ", h.Participants.Select(p => ev.Participants[p].Id));
        var rooms = string.Join(", ", h.Rooms.Select(r => ev.Rooms[r].Id));
        return h.Rule switch
        {
            PlacementRule.NoSuitableRoom => "room-capacity/room-features: the room lacks the seats or a required feature",
            PlacementRule.PinnedRoomUnsuitable => $"pin: the event pins it to a room that does not suit it ({rooms})",
            PlacementRule.DailyLimitZero => $"max-per-day: {people} may have no meeting at all",
            PlacementRule.PinnedStart => "pin: the event now pins it to another start or room",
            PlacementRule.DayOrBreak => "day-hours/break: it runs past its day's end or into a break",
            PlacementRule.Windows => "window: it lies inside none of its windows",
            PlacementRule.Availability => $"availability: {people} not available then",
            PlacementRule.Busy => $"busy: {people} busy then",
            PlacementRule.RoomsUnavailable => $"room-unavailable: the room is unavailable then",
            _ => h.Rule.ToString(),
        };
    }

    private static string? Together(Event ev, Assignment a, Assignment b)
    {
        var ma = ev.FindMeeting(a.Meeting)!;
        var mb = ev.FindMeeting(b.Meeting)!;
        var aEnd = a.Start + ma.Duration;
        var bEnd = b.Start + mb.Duration;
        if (a.Start >= bEnd || b.Start >= aEnd) return null;
        if (string.Equals(a.Room, b.Room, StringComparison.Ordinal)) return $"room-overlap: both in room \"{a.Room}\" at once";
        var shared = ma.Participants.Intersect(mb.Participants, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return shared.Count > 0 ? $"participant-overlap: {string.Join(", ", shared)} in both at once" : null;
    }
}
