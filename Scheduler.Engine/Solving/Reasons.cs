using System.Globalization;
using NodaTime;
using NodaTime.Text;
using Scheduler.Engine.Domain;

namespace Scheduler.Engine.Solving;

/// <summary>
/// Why each meeting was left out, in words an officer can act on: the first rule that leaves it no possible time
/// or room, or, when it had options, who and what took them.
/// </summary>
internal static class Reasons
{
    private static readonly LocalDateTimePattern When = LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd HH:mm");
    private static readonly LocalTimePattern Clock = LocalTimePattern.CreateWithInvariantCulture("HH:mm");

    /// <summary>A reason for every meeting not in <paramref name="placements"/>.</summary>
    public static IEnumerable<(int Meeting, string Reason)> Explain(Event ev, SchedulingProblem sm, List<Placement> placements, ScheduleStatus status, Duration limit)
    {
        var placedAt = placements.ToDictionary(p => p.Meeting);
        var board = new Board(sm, placements);
        foreach (var m in sm.Meetings)
        {
            if (placedAt.ContainsKey(m.Index)) continue;
            string reason;
            if (m.Options.IsEmpty) reason = NoOption(ev, sm, m);
            else if (status == ScheduleStatus.Unknown)
                reason = $"no valid schedule was found within the time limit of {limit.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s";
            else reason = LostOut(ev, sm, m, board, status);
            yield return (m.Index, (m.Meeting.Required ? "required, but " : "") + reason);
        }
    }

    private static string NoOption(Event ev, SchedulingProblem sm, MeetingOptions m)
    {
        var meeting = m.Meeting;
        string minutes = $"{(long)meeting.Duration.TotalMinutes}-minute";
        if (m.Groups.IsEmpty) return NoRoom(ev, meeting);
        var grid = sm.Grid;
        var starts = CandidateBuilder.StartsToTry(meeting, grid).ToList();
        if (meeting.Pin is not null && starts.Count == 0)
            return $"its pin at {Local(ev, meeting.Pin.Start)} is not on the grain of any day";
        starts = starts.Where(s => grid.FitsAt(s, m.Length)).ToList();
        if (starts.Count == 0)
            return meeting.Pin is not null
                ? $"its pin at {Local(ev, meeting.Pin.Start)} runs past the day's end or into a break"
                : $"no day has a free {minutes} period outside the breaks";
        Interval At(int s) => new(grid.SlotStart(s), grid.SlotStart(s) + meeting.Duration);
        if (!meeting.Windows.IsEmpty)
        {
            starts = starts.Where(s => meeting.Windows.Any(w => w.Start <= At(s).Start && At(s).End <= w.End)).ToList();
            if (starts.Count == 0) return $"no {minutes} period of the event's days lies inside its windows ({Periods(ev, meeting.Windows)})";
        }
        foreach (var id in meeting.Participants)
        {
            var p = ev.FindParticipant(id)!;
            if (!p.Available.IsEmpty)
            {
                starts = starts.Where(s => p.Available.Any(a => a.Start <= At(s).Start && At(s).End <= a.End)).ToList();
                if (starts.Count == 0)
                    return $"{Name(p)} is available only {Periods(ev, p.Available)}, which leaves no {minutes} period for it" +
                        (meeting.Windows.IsEmpty ? "" : " inside its windows");
            }
            if (!p.Busy.IsEmpty)
            {
                starts = starts.Where(s => !p.Busy.Any(b => b.Start < At(s).End && At(s).Start < b.End)).ToList();
                if (starts.Count == 0)
                    return $"{Name(p)} is busy {Periods(ev, p.Busy)}, which leaves no common free {minutes} period" +
                        (meeting.Windows.IsEmpty ? "" : " inside its windows");
            }
        }
        var rooms = m.Groups.SelectMany(g => g.Pools).SelectMany(p => sm.Pools[p].Rooms).Select(r => $"\"{r.Name}\"");
        return $"every suitable room ({string.Join(", ", rooms)}) is unavailable whenever all its participants are free";
    }

    private static string NoRoom(Event ev, MeetingRequest meeting)
    {
        if (meeting.Pin?.Room is { } pinned)
        {
            var room = ev.FindRoom(pinned)!;
            if (room.Capacity < meeting.Headcount) return $"its pinned room \"{room.Name}\" seats {room.Capacity}, fewer than its {meeting.Headcount} people";
            var missing = meeting.RequiredFeatures.Where(f => !room.Features.Contains(f, StringComparer.Ordinal));
            return $"its pinned room \"{room.Name}\" lacks {string.Join(", ", missing.Select(f => $"\"{f}\""))}";
        }
        var withFeatures = ev.Rooms.Where(r => r.HasAll(meeting.RequiredFeatures)).ToList();
        string features = meeting.RequiredFeatures.IsEmpty ? "" : " with " + string.Join(", ", meeting.RequiredFeatures.Select(f => $"\"{f}\""));
        if (withFeatures.Count == 0) return $"no room{features} exists";
        int largest = withFeatures.Max(r => r.Capacity);
        return $"no room{features} seats its {meeting.Headcount} people (the largest seats {largest})";
    }

    /// <summary>It had options: say which placed meetings, full rooms or daily caps took each of them.</summary>
    /// <summary>Placements indexed by participant, and pool use per slot, so each option is checked in time proportional to its neighbours.</summary>
    private sealed class Board
    {
        public Board(SchedulingProblem sm, List<Placement> placements)
        {
            ByParticipant = new Dictionary<int, List<Placement>>();
            foreach (var p in placements)
                foreach (int person in sm.Meetings[p.Meeting].Participants)
                {
                    if (!ByParticipant.TryGetValue(person, out var list)) ByParticipant[person] = list = new();
                    list.Add(p);
                }
            PoolUse = new int[sm.Pools.Length, sm.Grid.SlotCount];
            foreach (var p in placements)
                for (int t = p.Start; t < p.Start + p.Length; t++) PoolUse[p.Pool, t]++;
        }

        public Dictionary<int, List<Placement>> ByParticipant { get; }
        public int[,] PoolUse { get; }
    }

    private static string LostOut(Event ev, SchedulingProblem sm, MeetingOptions m, Board board, ScheduleStatus status)
    {
        var grid = sm.Grid;
        var rivals = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        int roomsFull = 0, capped = 0, free = 0;
        var mine = m.Participants.ToHashSet();
        foreach (var option in m.Options)
        {
            int end = option.Start + m.Length;
            bool blocked = false;
            foreach (var p in m.Participants.SelectMany(person => board.ByParticipant.GetValueOrDefault(person) ?? new List<Placement>()).Distinct())
            {
                var other = sm.Meetings[p.Meeting];
                var travel = ev.TravelTime(m.Groups[option.Group].Building, sm.Pools[p.Pool].Building);
                int buffer = grid.SlotsCovering(travel);
                if (grid.DayOf(p.Start) != grid.DayOf(option.Start)) continue;
                if (p.Start < end + buffer && option.Start < p.Start + p.Length + buffer)
                {
                    blocked = true;
                    foreach (int person in other.Participants.Where(mine.Contains))
                    {
                        var name = Name(ev.Participants[person]);
                        if (!rivals.TryGetValue(name, out var set)) rivals[name] = set = new SortedSet<string>(StringComparer.Ordinal);
                        set.Add($"\"{other.Meeting.Title}\"");
                    }
                }
            }
            if (blocked) continue;
            var group = m.Groups[option.Group];
            bool roomFree = group.Pools.Any(pool =>
                sm.Pools[pool].IsFreeOver(option.Start, m.Length) &&
                Enumerable.Range(option.Start, m.Length).All(t => board.PoolUse[pool, t] < sm.Pools[pool].Size));
            if (!roomFree) { roomsFull++; continue; }
            int day = grid.DayOf(option.Start);
            if (m.Participants.Any(p => ev.Participants[p].MaxMeetingsPerDay is int max &&
                (board.ByParticipant.GetValueOrDefault(p)?.Count(q => grid.DayOf(q.Start) == day) ?? 0) >= max))
            { capped++; continue; }
            free++;
        }
        var parts = new List<string>();
        if (rivals.Count > 0)
            parts.Add("its possible times are taken by " + string.Join("; ", rivals.Take(3).Select(r =>
                $"{r.Key}'s meetings {string.Join(", ", r.Value.Take(4))}{(r.Value.Count > 4 ? $" and {r.Value.Count - 4} more" : "")}")));
        if (roomsFull > 0) parts.Add($"every suitable room is booked at {roomsFull} of its {m.Options.Length} possible times");
        if (capped > 0) parts.Add($"a participant's daily meeting limit is reached at {capped} of them");
        if (free > 0)
            parts.Add(status == ScheduleStatus.Optimal
                ? "the times still free would break the idle-gap spread cap or an 'after' order"
                : "the search stopped (time limit) before placing it at a time that is still free");
        var weight = m.Meeting.Weight;
        return $"lost out (weight {weight}): " + string.Join("; ", parts);
    }

    private static string Name(Participant p) => p.Name == p.Id ? $"\"{p.Id}\"" : $"{p.Name}";

    private static string Local(Event ev, Instant t) => When.Format(t.InZone(ev.Zone).LocalDateTime);

    private static string Periods(Event ev, IEnumerable<Interval> periods)
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
