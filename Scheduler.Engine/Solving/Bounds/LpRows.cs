using System.Collections.Immutable;
using Scheduler.Engine.Domain;
using Scheduler.Engine.Rules;
using Scheduler.Engine.Time;

namespace Scheduler.Engine.Solving.Bounds;

/// <summary>One row of the relaxation: <c>Lower ≤ Σ Coefs[i]·x[Columns[i]] ≤ Upper</c>; coefficients all 1 when null.</summary>
internal readonly record struct LpRow(int[] Columns, double[]? Coefs, double Lower, double Upper);

/// <summary>Which families of rows the relaxation gets beyond the always-valid core.</summary>
/// <param name="Travel">
/// Travel: for a participant, a column "busy in building A at slot t" at least the sum of its options there, and
/// busy in A at t1 plus busy in B at a slot t2 closer than the travel time after t1 at most 1.
/// </param>
/// <param name="PoolUnions">Room rows also for each building's union of pools and for all pools together.</param>
internal sealed record LpRowFamilies(bool Travel = false, bool PoolUnions = false);

/// <summary>
/// The linear relaxation of the time-indexed model: a column per candidate option, x in [0, 1], and rows that every
/// valid schedule satisfies. Every row is implied by the hard rules, so dropping one only loosens the bound; rows
/// dominated by a neighbouring slot's row (a subset of its options, no more room) are left out because they cannot
/// tighten it.
/// </summary>
internal sealed class LpRows
{
    private LpRows(int[] offsets, double[] objective, List<LpRow> rows, bool infeasible)
    {
        Offsets = offsets;
        Objective = objective;
        Rows = rows;
        Infeasible = infeasible;
    }

    /// <summary>Column of option k of meeting m is <c>Offsets[m] + k</c>; <c>Offsets[^1]</c> is the column count.</summary>
    public int[] Offsets { get; }

    /// <summary>Weight of each column (its meeting's weight).</summary>
    public double[] Objective { get; }

    /// <summary>The rows.</summary>
    public List<LpRow> Rows { get; }

    /// <summary>True when a required meeting has no option at all, so no schedule meets the hard rules.</summary>
    public bool Infeasible { get; }

    /// <summary>Number of columns: the options, then any auxiliary ones (weight 0, also in [0, 1]).</summary>
    public int ColumnCount => Objective.Length;

    /// <summary>Builds the rows; <paramref name="requiredAreHard"/> makes each required meeting's row an equality.</summary>
    /// <param name="ev">The event.</param>
    /// <param name="grid">Its time grid.</param>
    /// <param name="pools">Its room pools.</param>
    /// <param name="meetings">Each meeting's options.</param>
    /// <param name="requiredAreHard">Whether each required meeting's row is an equality.</param>
    /// <param name="families">The optional row families.</param>
    /// <param name="cancellationToken">Stops the build.</param>
    /// <param name="rules">The placement rules, for the interpreters' rows; none without them.</param>
    public static LpRows Build(Event ev, TimeGrid grid, ImmutableArray<RoomPool> pools, ImmutableArray<MeetingOptions> meetings,
        bool requiredAreHard, LpRowFamilies families, CancellationToken cancellationToken, PlacementRules? rules = null)
    {
        var offsets = new int[meetings.Length + 1];
        for (int m = 0; m < meetings.Length; m++) offsets[m + 1] = offsets[m] + meetings[m].Options.Length;
        var objective = new double[offsets[^1]];
        var columnMeeting = new int[offsets[^1]];
        for (int m = 0; m < meetings.Length; m++)
            for (int k = 0; k < meetings[m].Options.Length; k++)
            {
                objective[offsets[m] + k] = meetings[m].Meeting.Weight;
                columnMeeting[offsets[m] + k] = m;
            }

        var rows = new List<LpRow>();
        bool infeasible = false;
        foreach (var m in meetings)
        {
            bool forced = requiredAreHard && m.Meeting.Required;
            if (m.Options.IsEmpty) { infeasible |= forced; continue; }
            var cols = Enumerable.Range(offsets[m.Index], m.Options.Length).ToArray();
            rows.Add(new LpRow(cols, null, forced ? 1 : double.NegativeInfinity, 1));
        }

        var b = new Builder(grid, meetings, offsets, columnMeeting, rows);
        cancellationToken.ThrowIfCancellationRequested();
        b.Participants(ev.Participants.Length);
        cancellationToken.ThrowIfCancellationRequested();
        b.RoomSets(pools, families.PoolUnions);
        cancellationToken.ThrowIfCancellationRequested();
        b.MaxMeetingsPerDay(ev);
        b.Precedences();
        if (rules is not null)
        {
            cancellationToken.ThrowIfCancellationRequested();
            b.Interpreters(rules);
        }
        if (families.Travel)
        {
            cancellationToken.ThrowIfCancellationRequested();
            b.Travel(ev);
        }
        if (b.AuxiliaryColumns > 0) Array.Resize(ref objective, objective.Length + b.AuxiliaryColumns);
        return new LpRows(offsets, objective, rows, infeasible);
    }

    /// <summary>A column with the slots it covers: <c>[Start, Start + Length)</c>.</summary>
    private readonly record struct Covering(int Column, int Start, int Length);

    private sealed class Builder(TimeGrid grid, ImmutableArray<MeetingOptions> meetings, int[] offsets, int[] columnMeeting, List<LpRow> rows)
    {
        private readonly int slots = grid.SlotCount;

        /// <summary>Columns added beyond the options, numbered after them.</summary>
        public int AuxiliaryColumns { get; private set; }

        /// <summary>Each participant's options, per slot: at most one at a time (cliques of the conflict graph).</summary>
        public void Participants(int participantCount)
        {
            var mine = ByParticipant(participantCount, _ => true);
            foreach (var list in mine)
                if (list is not null) SlotRows(list, _ => 1);
        }

        /// <summary>
        /// Hall's condition per slot: for each set of pools some meeting is confined to (its building group), the
        /// options whose group lies inside the set and that cover the slot fit in the set's free rooms.
        /// </summary>
        public void RoomSets(ImmutableArray<RoomPool> pools, bool unions)
        {
            var sets = new List<bool[]>();
            var keys = new HashSet<string>(StringComparer.Ordinal);
            void AddSet(IEnumerable<int> members)
            {
                var sorted = members.Distinct().Order().ToArray();
                if (!keys.Add(string.Join(",", sorted))) return;
                var flags = new bool[pools.Length];
                foreach (int p in sorted) flags[p] = true;
                sets.Add(flags);
            }
            foreach (var m in meetings)
                foreach (var g in m.Groups) AddSet(g.Pools);
            if (unions)
            {
                foreach (var building in pools.GroupBy(p => p.Building ?? "", StringComparer.Ordinal))
                    AddSet(building.Select(p => p.Index));
                AddSet(pools.Select(p => p.Index));
            }
            foreach (var set in sets)
            {
                var free = new int[slots];
                for (int t = 0; t < slots; t++)
                    for (int p = 0; p < pools.Length; p++)
                        if (set[p] && !pools[p].IsBlocked(t)) free[t] += pools[p].Size;
                var inside = new List<Covering>();
                foreach (var m in meetings)
                    for (int k = 0; k < m.Options.Length; k++)
                        if (m.Groups[m.Options[k].Group].Pools.All(p => set[p]))
                            inside.Add(new Covering(offsets[m.Index] + k, m.Options[k].Start, m.Length));
                SlotRows(inside, t => free[t]);
            }
        }

        /// <summary>
        /// Hall's condition for interpreters: an option can only be interpreted by those of its interpreters free over it,
        /// and each interprets one meeting at a time. So for each set S of interpreters that is some meeting's eligible
        /// set or some option's free set (and for all of them), the options whose free set lies inside S cover each slot
        /// at most |S| times. A pinned meeting needs all its pins, so it counts once for any S holding them all. Daily
        /// minutes are left out: one dense row per set and day made PDLP eight times slower on the sample (13 s against
        /// 1.6 s) and tightened no bound measured.
        /// </summary>
        public void Interpreters(PlacementRules rules)
        {
            var ev = rules.Event;
            if (ev.Interpreters.IsEmpty) return;
            var options = new List<(Covering Cover, ulong[] Free)>();
            var sets = new Dictionary<string, ulong[]>(StringComparer.Ordinal);
            int words = (ev.Interpreters.Length + 63) / 64;
            ulong[] Set(IEnumerable<int> members)
            {
                var bits = new ulong[words];
                foreach (int i in members) bits[i / 64] |= 1UL << (i % 64);
                sets.TryAdd(string.Join(",", bits), bits);
                return bits;
            }
            Set(Enumerable.Range(0, ev.Interpreters.Length));
            foreach (var m in meetings)
            {
                if (m.Options.IsEmpty || !rules.UsesInterpreter(m.Index)) continue;
                var who = rules.InterpretersFor(m.Index);
                if (who.IsEmpty) continue;
                bool pinned = rules.PinsInterpreters(m.Index);
                Set(who);
                for (int k = 0; k < m.Options.Length; k++)
                {
                    var free = Set(pinned ? who : who.Where(i => rules.InterpreterFreeOver(i, m.Index, m.Options[k].Start)));
                    options.Add((new Covering(offsets[m.Index] + k, m.Options[k].Start, m.Length), free));
                }
            }
            if (options.Count == 0) return;
            // Each set costs a pass over the interpreted options and its rows cost the LP time; the first ones (all
            // interpreters, then the meetings' sets in meeting order) are kept.
            foreach (var set in sets.Values.Take(MaxInterpreterSets))
            {
                var inside = options.Where(o => Inside(o.Free, set)).Select(o => o.Cover).ToList();
                int size = set.Sum(w => System.Numerics.BitOperations.PopCount(w));
                if (inside.Count > 0) SlotRows(inside, _ => size);
            }

            static bool Inside(ulong[] free, ulong[] set)
            {
                for (int w = 0; w < free.Length; w++)
                    if ((free[w] & ~set[w]) != 0) return false;
                return true;
            }
        }

        /// <summary>At most this many interpreter sets get rows (<see cref="Interpreters"/>).</summary>
        private const int MaxInterpreterSets = 400;

        /// <summary>
        /// <c>after</c>: B may not start before A ends when both are placed, so for each start t of B, A ending after t
        /// and B starting by t exclude each other: one row per such t (slot indices grow with time across days).
        /// </summary>
        public void Precedences()
        {
            var index = meetings.ToDictionary(m => m.Meeting.Id, m => m.Index, StringComparer.Ordinal);
            foreach (var b in meetings)
            {
                if (b.Options.IsEmpty) continue;
                foreach (var id in b.Meeting.After)
                {
                    if (!index.TryGetValue(id, out int ai) || meetings[ai].Options.IsEmpty) continue;
                    var a = meetings[ai];
                    foreach (int t in b.Options.Select(o => o.Start).Distinct().Order())
                    {
                        var late = Enumerable.Range(0, a.Options.Length).Where(k => a.Options[k].Start + a.Length > t).Select(k => offsets[ai] + k).ToList();
                        if (late.Count == 0) continue;
                        var early = Enumerable.Range(0, b.Options.Length).Where(k => b.Options[k].Start <= t).Select(k => offsets[b.Index] + k);
                        rows.Add(new LpRow([.. late, .. early], null, double.NegativeInfinity, 1));
                    }
                }
            }
        }

        /// <summary>A participant's daily cap over the options that start on that day.</summary>
        public void MaxMeetingsPerDay(Event ev)
        {
            var mine = ByParticipant(ev.Participants.Length, p => ev.Participants[p].MaxMeetingsPerDay is not null);
            for (int p = 0; p < mine.Length; p++)
            {
                if (mine[p] is not { } list) continue;
                int max = ev.Participants[p].MaxMeetingsPerDay!.Value;
                foreach (var day in list.GroupBy(c => grid.DayOf(c.Start)))
                {
                    var cols = day.Select(c => c.Column).ToArray();
                    if (cols.Select(c => columnMeeting[c]).Distinct().Count() > max)
                        rows.Add(new LpRow(cols, null, double.NegativeInfinity, max));
                }
            }
        }

        /// <summary>
        /// Busy in A at t1 excludes busy in B at t1 + 1 … t1 + travel (same day). "Busy in A at t" is one option's
        /// column when a single option covers it, else an auxiliary column bounded below by the covering options' sum:
        /// two non-zeros per travel row instead of two whole slot cliques.
        /// </summary>
        public void Travel(Event ev)
        {
            var mine = ByParticipant(ev.Participants.Length, _ => true);
            foreach (var list in mine)
            {
                if (list is null) continue;
                var byBuilding = list.GroupBy(c => BuildingOf(c.Column)).Where(g => g.Key is not null)
                    .ToDictionary(g => g.Key!, g => CoverLists(g), StringComparer.Ordinal);
                if (byBuilding.Count < 2) continue;
                var busy = new Dictionary<(string, int), int>();
                int Busy(string building, int t)
                {
                    if (busy.TryGetValue((building, t), out int column)) return column;
                    var cover = byBuilding[building][t]!;
                    if (cover.Count == 1) column = cover[0];
                    else
                    {
                        column = offsets[^1] + AuxiliaryColumns++;
                        var coefs = Enumerable.Repeat(1.0, cover.Count).Append(-1.0).ToArray();
                        rows.Add(new LpRow([.. cover, column], coefs, double.NegativeInfinity, 0));
                    }
                    busy[(building, t)] = column;
                    return column;
                }
                foreach (var (from, before) in byBuilding)
                    foreach (var (to, after) in byBuilding)
                    {
                        int buffer = from == to ? 0 : grid.SlotsCovering(ev.TravelTime(from, to));
                        if (buffer == 0) continue;
                        for (int t1 = 0; t1 < slots; t1++)
                        {
                            if (before[t1] is not { Count: > 0 }) continue;
                            var day = grid.Days[grid.DayOf(t1)];
                            int last = Math.Min(day.FirstSlot + day.SlotCount - 1, t1 + buffer);
                            for (int t2 = t1 + 1; t2 <= last; t2++)
                                if (after[t2] is { Count: > 0 })
                                    rows.Add(new LpRow([Busy(from, t1), Busy(to, t2)], null, double.NegativeInfinity, 1));
                        }
                    }
            }
        }

        private string? BuildingOf(int column)
        {
            var m = meetings[columnMeeting[column]];
            return m.Groups[m.Options[column - offsets[m.Index]].Group].Building;
        }

        private List<Covering>?[] ByParticipant(int participantCount, Func<int, bool> wanted)
        {
            var mine = new List<Covering>?[participantCount];
            foreach (var m in meetings)
                foreach (int p in m.Participants)
                {
                    if (!wanted(p)) continue;
                    var list = mine[p] ??= new List<Covering>();
                    for (int k = 0; k < m.Options.Length; k++)
                        list.Add(new Covering(offsets[m.Index] + k, m.Options[k].Start, m.Length));
                }
            return mine;
        }

        private List<int>?[] CoverLists(IEnumerable<Covering> options)
        {
            var cover = new List<int>?[slots];
            foreach (var c in options)
                for (int t = c.Start; t < c.Start + c.Length; t++) (cover[t] ??= new List<int>()).Add(c.Column);
            return cover;
        }

        /// <summary>
        /// Per slot, the options covering it sum to at most <paramref name="capacity"/>. A slot's row is left out when
        /// it cannot bind (no more distinct meetings than capacity) or when a neighbouring slot's row implies it: every
        /// option covering t also covers the neighbour (none ends at t, or none starts at t for the left one) and the
        /// neighbour has no more capacity. The left rule defers to the right one so equal rows keep exactly one.
        /// </summary>
        private void SlotRows(List<Covering> options, Func<int, int> capacity)
        {
            var cover = CoverLists(options);
            var startsAt = new int[slots];
            var endsAt = new int[slots];
            foreach (var c in options)
            {
                startsAt[c.Start]++;
                endsAt[c.Start + c.Length - 1]++;
            }
            bool RightImplies(int t) => t + 1 < slots && endsAt[t] == 0 && cover[t] is { Count: > 0 } && capacity(t + 1) <= capacity(t);
            for (int t = 0; t < slots; t++)
            {
                if (cover[t] is not { Count: > 0 } cols) continue;
                int cap = capacity(t);
                if (cols.Select(c => columnMeeting[c]).Distinct().Count() <= cap) continue;
                if (RightImplies(t)) continue;
                if (t > 0 && startsAt[t] == 0 && !RightImplies(t - 1) && capacity(t - 1) <= cap) continue;
                rows.Add(new LpRow(cols.ToArray(), null, double.NegativeInfinity, cap));
            }
        }
    }
}
