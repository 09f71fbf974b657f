using System.Collections.Immutable;
using NodaTime;
using Scheduler.Engine.Domain;
using Scheduler.Engine.Rules;
using Scheduler.Engine.Time;

namespace Scheduler.Engine.Baselines;

/// <summary>
/// The first-fit baseline: what a protocol officer does by hand, and a solution hint for the solver.
/// Meetings are taken pinned first, then required, then by weight descending (ties: fewer candidate
/// options first, then id, ordinal), in an order that keeps every <c>after</c> predecessor before its successor;
/// each goes to the earliest grain slot, and there to the smallest fitting room (capacity, then id), that keeps
/// every hard rule of the contract (interpreters too) given what is already placed. A meeting that fits nowhere is left unplaced.
/// </summary>
/// <remarks>
/// First fit ignores <c>maxIdleGapSpread</c>: when the event has a spread cap the result may break it and is then
/// only a hint (the solver handles the cap). Every other hard rule holds for the result, except that a required
/// meeting may be left unplaced. Runs in roughly O(meetings · starts · (participants + rooms/64)).
/// </remarks>
internal static class FirstFit
{
    /// <summary>Places the meetings of <paramref name="ev"/> on <paramref name="grid"/> (the event's own grid).</summary>
    public static FirstFitResult Run(Event ev, TimeGrid grid) => Run(new PlacementRules(ev, grid));

    /// <summary>
    /// Places the meetings of <paramref name="rules"/>' event. Given the rules the solver's candidate builder used, the
    /// allowed starts are not computed again.
    /// </summary>
    public static FirstFitResult Run(PlacementRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var grid = rules.Grid;
        var board = new FirstFitBoard(rules);
        var desk = new InterpreterDesk(rules);
        var meetings = Enumerable.Range(0, rules.Event.Meetings.Length).Select(i => Candidates.Of(i, rules, board)).ToArray();
        var indexById = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < meetings.Length; i++) indexById[meetings[i].Meeting.Id] = i;
        var predecessors = meetings
            .Select((c, i) => c.Meeting.After
                .Select(id => indexById.TryGetValue(id, out var j) ? j : -1)
                .Where(j => j >= 0 && j != i)
                .Distinct()
                .ToArray())
            .ToArray();
        var successors = new List<int>[meetings.Length];
        for (int i = 0; i < meetings.Length; i++) successors[i] = [];
        for (int i = 0; i < meetings.Length; i++)
            foreach (var j in predecessors[i]) successors[j].Add(i);

        var placedAt = new (Instant Start, Instant End)?[meetings.Length];
        var assignments = new List<Assignment>();
        long weight = 0;
        foreach (var i in PlacementOrder(meetings, predecessors, successors))
        {
            var c = meetings[i];
            foreach (var slot in c.Starts)
            {
                var start = grid.SlotStart(slot);
                var end = start + c.Meeting.Duration;
                if (!KeepsAfter(start, end, predecessors[i], successors[i], placedAt)) continue;
                if (!ParticipantsFree(board, c, slot, grid.DayOf(slot))) continue;
                int room = board.FirstFreeRoom(c.SuitableRooms, slot, c.Length, c.Participants, start, end);
                if (room < 0) continue;
                // The room's building decides an interpreter's travel; another room is not tried (a baseline, not a search).
                if (desk.Choose(i, slot, start, end, board.Rooms[room].Building) is not { } interpreters) continue;
                board.Place(room, slot, c.Length, c.Participants, start, end);
                desk.Book(interpreters, i, slot, start, end, board.Rooms[room].Building);
                placedAt[i] = (start, end);
                assignments.Add(new Assignment(c.Meeting.Id, board.Rooms[room].Id, start, end) { Interpreters = desk.Ids(interpreters) });
                weight += c.Meeting.Weight;
                break;
            }
        }

        var ordered = assignments
            .OrderBy(a => a.Start)
            .ThenBy(a => a.Room, StringComparer.Ordinal)
            .ThenBy(a => a.Meeting, StringComparer.Ordinal)
            .ToImmutableArray();
        var unplaced = meetings.Where((_, i) => placedAt[i] is null).Select(c => c.Meeting.Id).ToImmutableArray();
        return new FirstFitResult(ordered, weight, unplaced);
    }

    private static bool ParticipantsFree(FirstFitBoard board, Candidates c, int slot, int day)
    {
        for (int k = 0; k < c.Participants.Length; k++)
        {
            int p = c.Participants[k];
            if (!board.ParticipantFree(p, slot, c.Length)) return false;
            if (!board.DayHasRoom(p, day, c.MaxPerDay[k])) return false;
        }
        return true;
    }

    // Checked both ways so that a pinned successor placed before its predecessor still binds it.
    private static bool KeepsAfter(Instant start, Instant end, int[] predecessors, List<int> successors,
        (Instant Start, Instant End)?[] placedAt)
    {
        foreach (var j in predecessors)
            if (placedAt[j] is { } p && start < p.End) return false;
        foreach (var j in successors)
            if (placedAt[j] is { } s && s.Start < end) return false;
        return true;
    }

    /// <summary>
    /// Pinned meetings first, then the others; within each group a topological order of <c>after</c> that
    /// always takes the most important ready meeting next. Meetings on an <c>after</c> cycle come last.
    /// </summary>
    private static IEnumerable<int> PlacementOrder(Candidates[] meetings, int[][] predecessors, List<int>[] successors)
    {
        var priority = Comparer<int>.Create((a, b) => Compare(meetings[a], meetings[b]));
        var done = new bool[meetings.Length];
        foreach (var pinnedGroup in new[] { true, false })
        {
            bool InGroup(int i) => (meetings[i].Meeting.Pin is not null) == pinnedGroup;
            var waiting = new int[meetings.Length];
            var ready = new PriorityQueue<int, int>(priority);
            for (int i = 0; i < meetings.Length; i++)
            {
                if (!InGroup(i)) continue;
                waiting[i] = predecessors[i].Count(j => InGroup(j));
                if (waiting[i] == 0) ready.Enqueue(i, i);
            }
            while (ready.TryDequeue(out var i, out _))
            {
                done[i] = true;
                yield return i;
                foreach (var j in successors[i])
                    if (InGroup(j) && --waiting[j] == 0) ready.Enqueue(j, j);
            }
            var cyclic = Enumerable.Range(0, meetings.Length).Where(i => InGroup(i) && !done[i]).ToList();
            cyclic.Sort(priority);
            foreach (var i in cyclic) yield return i;
        }
    }

    private static int Compare(Candidates a, Candidates b)
    {
        int c = (b.Meeting.Pin is not null).CompareTo(a.Meeting.Pin is not null);
        if (c != 0) return c;
        c = b.Meeting.Required.CompareTo(a.Meeting.Required);
        if (c != 0) return c;
        c = b.Meeting.Weight.CompareTo(a.Meeting.Weight);
        if (c != 0) return c;
        c = a.Options.CompareTo(b.Options);
        if (c != 0) return c;
        return string.CompareOrdinal(a.Meeting.Id, b.Meeting.Id);
    }
}
