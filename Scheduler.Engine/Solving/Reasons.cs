using System.Collections.Immutable;
using System.Globalization;
using NodaTime;
using Scheduler.Engine.Domain;
using Scheduler.Engine.Rules;
using static Scheduler.Engine.Solving.Conflicts.ConflictText;

namespace Scheduler.Engine.Solving;

/// <summary>
/// Why each meeting was left out, as a code, a sentence an officer can act on, and the ids in the way: the rule
/// about the meeting alone that leaves it no start (asked of <see cref="PlacementRules"/>), or, when it had options,
/// what took each of them.
/// </summary>
internal static class Reasons
{
    /// <summary>An explanation for every meeting of <paramref name="meetings"/> not in <paramref name="placements"/>, in event order.</summary>
    /// <param name="rules">The event's rules (the ones the candidates were built with, or new ones for the same event and grid).</param>
    /// <param name="pools">The room pools the placements use.</param>
    /// <param name="meetings">Every meeting's options.</param>
    /// <param name="placements">The schedule.</param>
    /// <param name="status">The schedule's status: with <see cref="ScheduleStatus.Unknown"/> nothing was found.</param>
    /// <param name="limit">The time limit of the search, for the sentence when it found nothing.</param>
    /// <param name="interpreters">The interpreters (positions) of each placed meeting that has any, by meeting index; null for none.</param>
    public static IEnumerable<Explanation> Explain(PlacementRules rules, ImmutableArray<RoomPool> pools, ImmutableArray<MeetingOptions> meetings,
        IReadOnlyCollection<Placement> placements, ScheduleStatus status, Duration limit, IReadOnlyDictionary<int, ImmutableArray<int>>? interpreters = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(placements);
        var placed = placements.Select(p => p.Meeting).ToHashSet();
        Board? board = null;
        foreach (var m in meetings)
        {
            if (placed.Contains(m.Index)) continue;
            var why = m.Options.IsEmpty ? rules.WhyNever(m.Index) : Hindrance.Nothing;
            Explanation e;
            if (!why.Allows) e = Explanation.Of(rules, m.Index, why);
            else if (status == ScheduleStatus.Unknown)
                e = new Explanation(m.Index, ReasonCode.NoScheduleFound,
                    $"no valid schedule was found within the time limit of {limit.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s", []);
            else e = LostOut(rules, pools, meetings, m, board ??= new Board(pools, meetings, placements, rules.Grid.SlotCount, interpreters), status);
            yield return m.Meeting.Required ? e with { Sentence = "required, but " + e.Sentence } : e;
        }
    }

    /// <summary>Placements indexed by participant, and pool use per slot, so each option is checked in time proportional to its neighbours.</summary>
    private sealed class Board
    {
        public Board(ImmutableArray<RoomPool> pools, ImmutableArray<MeetingOptions> meetings, IReadOnlyCollection<Placement> placements, int slots,
            IReadOnlyDictionary<int, ImmutableArray<int>>? interpreters)
        {
            foreach (var p in placements)
            {
                if (interpreters is null || !interpreters.TryGetValue(p.Meeting, out var who)) continue;
                foreach (int i in who)
                {
                    if (!ByInterpreter.TryGetValue(i, out var list)) ByInterpreter[i] = list = [];
                    list.Add(p);
                }
            }

            foreach (var p in placements)
            {
                var meeting = meetings[p.Meeting].Meeting;
                PlacedById[meeting.Id] = p;
                foreach (var before in meeting.After)
                {
                    if (!PlacedAfter.TryGetValue(before, out var list)) PlacedAfter[before] = list = [];
                    list.Add(p);
                }
            }
            foreach (var p in placements)
                foreach (int person in meetings[p.Meeting].Participants)
                {
                    if (!ByParticipant.TryGetValue(person, out var list)) ByParticipant[person] = list = [];
                    list.Add(p);
                }
            PoolUse = new int[pools.Length, slots];
            foreach (var p in placements)
                for (int t = p.Start; t < p.Start + p.Length; t++) PoolUse[p.Pool, t]++;
        }

        public Dictionary<string, Placement> PlacedById { get; } = new(StringComparer.Ordinal);

        /// <summary>Placed meetings by the id of each meeting they must come after.</summary>
        public Dictionary<string, List<Placement>> PlacedAfter { get; } = new(StringComparer.Ordinal);
        public Dictionary<int, List<Placement>> ByParticipant { get; } = [];

        /// <summary>Placed meetings per interpreter position.</summary>
        public Dictionary<int, List<Placement>> ByInterpreter { get; } = [];
        public int[,] PoolUse { get; }
    }

    /// <summary>What stands in the way at each of a meeting's options, tallied by kind.</summary>
    private sealed class Tally
    {
        public int Rivalled, RoomsFull, Capped, Interpreted, Ordered, Free;
        public SortedDictionary<string, SortedSet<string>> InterpreterWork { get; } = new(StringComparer.Ordinal);
        public SortedDictionary<string, SortedSet<string>> RivalTitlesByName { get; } = new(StringComparer.Ordinal);
        public SortedSet<string> Rivals { get; } = new(StringComparer.Ordinal);
        public SortedSet<string> PinnedRivals { get; } = new(StringComparer.Ordinal);
        public SortedSet<string> FullRooms { get; } = new(StringComparer.Ordinal);
        public SortedSet<int> CappedPeople { get; } = [];
        public SortedSet<string> OrderedWith { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>It had options: say which placed meetings, full rooms, daily limits or <c>after</c> orders took each of them.</summary>
    private static Explanation LostOut(PlacementRules rules, ImmutableArray<RoomPool> pools, ImmutableArray<MeetingOptions> meetings,
        MeetingOptions m, Board board, ScheduleStatus status)
    {
        var ev = rules.Event;
        var grid = rules.Grid;
        var tally = new Tally();
        var mine = m.Participants.ToHashSet();
        var neighbours = m.Participants.SelectMany(person => board.ByParticipant.GetValueOrDefault(person) ?? []).Distinct().ToList();
        var predecessors = m.Meeting.After.Where(board.PlacedById.ContainsKey).Select(id => board.PlacedById[id]).Distinct().ToList();
        var successors = board.PlacedAfter.GetValueOrDefault(m.Meeting.Id) ?? [];
        foreach (var option in m.Options)
        {
            int end = option.Start + m.Length;
            bool blocked = false;
            foreach (var p in neighbours)
            {
                if (grid.DayOf(p.Start) != grid.DayOf(option.Start)) continue;
                int buffer = grid.SlotsCovering(ev.TravelTime(m.Groups[option.Group].Building, pools[p.Pool].Building));
                if (p.Start >= end + buffer || option.Start >= p.Start + p.Length + buffer) continue;
                blocked = true;
                var other = meetings[p.Meeting].Meeting;
                tally.Rivals.Add(other.Id);
                if (other.Pin is not null) tally.PinnedRivals.Add(other.Id);
                foreach (int person in meetings[p.Meeting].Participants.Where(mine.Contains))
                {
                    var name = Name(ev.Participants[person]);
                    if (!tally.RivalTitlesByName.TryGetValue(name, out var titles))
                        tally.RivalTitlesByName[name] = titles = new SortedSet<string>(StringComparer.Ordinal);
                    titles.Add($"\"{other.Title}\"");
                }
            }
            if (blocked) { tally.Rivalled++; continue; }

            var group = m.Groups[option.Group];
            var available = group.Pools.Where(pool => pools[pool].IsFreeOver(option.Start, m.Length)).ToList();
            if (!available.Any(pool => Enumerable.Range(option.Start, m.Length).All(t => board.PoolUse[pool, t] < pools[pool].Size)))
            {
                tally.RoomsFull++;
                tally.FullRooms.UnionWith(available.SelectMany(pool => pools[pool].Rooms).Select(r => r.Id));
                continue;
            }

            int day = grid.DayOf(option.Start);
            var capped = m.Participants.Where(p => ev.Participants[p].MaxMeetingsPerDay is int max &&
                (board.ByParticipant.GetValueOrDefault(p)?.Count(q => grid.DayOf(q.Start) == day) ?? 0) >= max).ToList();
            if (capped.Count > 0) { tally.Capped++; tally.CappedPeople.UnionWith(capped); continue; }
            if (InterpretersTaken(rules, pools, meetings, m, option, board, tally)) { tally.Interpreted++; continue; }

            // The model orders start slots: a successor starts no earlier than its predecessor's last slot ends.
            var ordered = predecessors.Where(q => option.Start < q.Start + q.Length)
                .Concat(successors.Where(q => q.Start < option.Start + m.Length)).ToList();
            if (ordered.Count > 0)
            {
                tally.Ordered++;
                tally.OrderedWith.UnionWith(ordered.Select(q => meetings[q.Meeting].Meeting.Id));
                continue;
            }
            tally.Free++;
        }
        var (code, blockers) = Decide(ev, m, tally, status);
        return new Explanation(m.Index, code, Sentence(ev, m, tally, code), blockers);
    }

    /// <summary>
    /// The code: when a time is still free, why it was not used; otherwise what took most of its options (ties: rival
    /// meetings, full rooms, daily limits, <c>after</c> orders). Blockers are those of the code's kind.
    /// </summary>
    private static (ReasonCode Code, ImmutableArray<string> Blockers) Decide(Event ev, MeetingOptions m, Tally tally, ScheduleStatus status)
    {
        // Without options of its own here (a search on a restricted problem), the rules still allow it somewhere.
        if (tally.Free > 0 || m.Options.IsEmpty)
        {
            if (status != ScheduleStatus.Optimal) return (ReasonCode.SearchStopped, []);
            if (ev.Objective.MaxIdleGapSpread is not null) return (ReasonCode.IdleGapSpread, []);
            return (m.Meeting.Weight == 0 ? ReasonCode.ZeroWeight : ReasonCode.SearchStopped, []);
        }
        int most = new[] { tally.Rivalled, tally.RoomsFull, tally.Capped, tally.Interpreted, tally.Ordered }.Max();
        if (tally.Rivalled == most)
        {
            return m.Meeting.Pin is not null && tally.PinnedRivals.Count > 0
                ? (ReasonCode.PinConflict, [.. tally.PinnedRivals])
                : (ReasonCode.LostToHigherWeight, [.. tally.Rivals]);
        }
        if (tally.RoomsFull == most) return (ReasonCode.RoomsFull, [.. tally.FullRooms]);
        if (tally.Capped == most)
            return (ReasonCode.DailyLimit, [.. tally.CappedPeople.Select(p => ev.Participants[p].Id).Order(StringComparer.Ordinal)]);
        if (tally.Interpreted == most) return (ReasonCode.NoInterpreter, [.. tally.InterpreterWork.Keys]);
        return (ReasonCode.AfterOrder, [.. tally.OrderedWith]);
    }

    /// <summary>
    /// True when the meeting must have an interpreter and at this option every one who could do it (or a pinned one) is
    /// in a placed meeting then (or travelling), or has reached their daily minutes; those interpreters' work goes to the tally.
    /// </summary>
    private static bool InterpretersTaken(PlacementRules rules, ImmutableArray<RoomPool> pools, ImmutableArray<MeetingOptions> meetings,
        MeetingOptions m, StartOption option, Board board, Tally tally)
    {
        if (!rules.UsesInterpreter(m.Index)) return false;
        var ev = rules.Event;
        var grid = rules.Grid;
        var start = grid.SlotStart(option.Start);
        var end = start + m.Meeting.Duration;
        var building = m.Groups[option.Group].Building;
        var who = rules.InterpretersFor(m.Index).Where(i => rules.InterpreterFreeOver(i, m.Index, option.Start)).ToList();
        var busy = new Dictionary<int, List<Placement>>();
        foreach (int i in who)
        {
            var theirs = board.ByInterpreter.GetValueOrDefault(i) ?? [];
            var clashing = theirs.Where(p =>
            {
                var s = grid.SlotStart(p.Start);
                var travel = ev.TravelTime(building, pools[p.Pool].Building);
                return s < end + travel && start < s + meetings[p.Meeting].Meeting.Duration + travel;
            }).ToList();
            long minutes = theirs.Where(p => grid.DayOf(p.Start) == grid.DayOf(option.Start)).Sum(p => (long)meetings[p.Meeting].Meeting.Duration.TotalMinutes);
            if (ev.Interpreters[i].MaxMinutesPerDay is int max && minutes + (long)m.Meeting.Duration.TotalMinutes > max) clashing.AddRange(theirs.Where(p => grid.DayOf(p.Start) == grid.DayOf(option.Start)));
            if (clashing.Count > 0) busy[i] = clashing;
        }

        bool taken = rules.PinsInterpreters(m.Index) ? busy.Count > 0 : who.Count > 0 && busy.Count == who.Count;
        if (!taken) return false;
        foreach (var (i, clashing) in busy)
        {
            var id = ev.Interpreters[i].Id;
            if (!tally.InterpreterWork.TryGetValue(id, out var titles)) tally.InterpreterWork[id] = titles = new SortedSet<string>(StringComparer.Ordinal);
            titles.UnionWith(clashing.Select(p => $"\"{meetings[p.Meeting].Meeting.Title}\""));
        }

        return true;
    }

    private static string Sentence(Event ev, MeetingOptions m, Tally tally, ReasonCode code)
    {
        var parts = new List<string>();
        if (tally.RivalTitlesByName.Count > 0)
            parts.Add("its possible times are taken by " + string.Join("; ", tally.RivalTitlesByName.Take(3).Select(r =>
                $"{r.Key}'s meetings {string.Join(", ", r.Value.Take(4))}{(r.Value.Count > 4 ? $" and {r.Value.Count - 4} more" : "")}")));
        if (tally.RoomsFull > 0) parts.Add($"every suitable room is booked at {tally.RoomsFull} of its {m.Options.Length} possible times");
        if (tally.Capped > 0)
            parts.Add($"the daily meeting limit of {List(tally.CappedPeople.Select(p => Name(ev.Participants[p])))} is reached at {tally.Capped} of them");
        if (tally.Interpreted > 0)
        {
            parts.Add($"at {tally.Interpreted} of them no interpreter who could interpret it is free: " + string.Join("; ", tally.InterpreterWork.Take(4).Select(w =>
                $"{Name(ev.FindInterpreter(w.Key)!)} is in {string.Join(", ", w.Value.Take(3))}{(w.Value.Count > 3 ? $" and {w.Value.Count - 3} more" : "")}")));
        }
        if (tally.Ordered > 0)
        {
            var titles = tally.OrderedWith.Select(id => $"\"{ev.FindMeeting(id)!.Title}\"");
            parts.Add($"at {tally.Ordered} of them it would break its 'after' order with {string.Join(", ", titles)}");
        }
        if (tally.Free > 0 || m.Options.IsEmpty)
        {
            parts.Add(code switch
            {
                ReasonCode.IdleGapSpread => "the times still free would break the idle-gap spread cap",
                ReasonCode.ZeroWeight => "it has weight 0, so holding it at a time still free gains nothing",
                _ => "the search stopped (time limit) before placing it at a time that is still free",
            });
        }
        return $"lost out (weight {m.Meeting.Weight}): " + string.Join("; ", parts);
    }
}
