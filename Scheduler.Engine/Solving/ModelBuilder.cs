using System.Collections.Immutable;
using Google.OrTools.Sat;
using Scheduler.Engine.Domain;
using Scheduler.Engine.Time;

namespace Scheduler.Engine.Solving;

/// <summary>
/// Builds the CP-SAT model in one readable pass: data, variables, one method per rule of the contract, then the
/// idle-gap encoding. Time-indexed: a literal per (meeting, start, building group), so every rule is a sum over
/// the literals covering a slot, and the model grows linearly with requests × candidate starts.
/// </summary>
internal sealed partial class ModelBuilder
{
    private readonly Event ev;
    private readonly TimeGrid grid;
    private readonly ImmutableArray<RoomPool> pools;
    private readonly ImmutableArray<MeetingOptions> meetings;
    private readonly ModelScope scope;
    private readonly SchedulingProblem problem;
    private readonly CpModel model = new();
    private readonly BoolVar[][] x;
    private readonly BoolVar?[] scheduled;
    private readonly IntVar?[] startSlot;
    private readonly Dictionary<(int, int), BoolVar> poolChoice = new();
    private readonly List<BoolVar>[][] participantCover;

    private ModelBuilder(SchedulingProblem problem, ModelScope scope)
    {
        ev = problem.Event;
        grid = problem.Grid;
        pools = problem.Pools;
        meetings = problem.Meetings;
        this.scope = scope;
        this.problem = problem;
        x = new BoolVar[meetings.Length][];
        scheduled = new BoolVar?[meetings.Length];
        startSlot = new IntVar?[meetings.Length];
        participantCover = new List<BoolVar>[ev.Participants.Length][];
    }

    /// <summary>Builds the model of every hard rule of <paramref name="problem"/> within <paramref name="scope"/>.</summary>
    public static SchedulingModel Build(SchedulingProblem problem, ModelScope scope)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(scope);
        var b = new ModelBuilder(problem, scope);
        b.CreateChoiceVariables();
        b.NoParticipantInTwoMeetingsAtOnce();
        b.TravelTimeBetweenBuildings();
        b.RoomPoolsNeverOverbooked();
        b.MaxMeetingsPerDay();
        b.AfterPrecedences();
        b.Interpreters();
        b.RequiredMeetingsScheduled();
        // Idle gaps enter the model only when its first search needs them: a spread cap (a hard rule), or every
        // weighted meeting required (any schedule then has the full weight and the search goes straight for the gaps).
        // Otherwise a later search adds them to its own copy.
        bool wanted = problem.Event.Objective.IdleGaps == IdleGapPolicy.Minimize || problem.Event.Objective.MaxIdleGapSpread is not null;
        bool include = scope.IdleGaps ?? (problem.Event.Objective.MaxIdleGapSpread is not null
            || (problem.Event.Objective.IdleGaps == IdleGapPolicy.Minimize && problem.EveryWeightedMeetingRequired));
        int floor = 0;
        var gaps = include && wanted ? b.IdleGapsAndSpread(b.model, out floor) : null;
        var weight = b.WeightExpression(out long ceiling);
        return new SchedulingModel(b.model, problem, scope, b.x, b.scheduled, b.poolChoice, weight, ceiling, gaps, floor,
            copy => wanted ? b.IdleGapsAndSpread(copy, out _) : null);
    }

    /// <summary>The hard model of an event from parts built one by one (tests, benchmarks, conflict search).</summary>
    public static SchedulingModel Build(Event ev, TimeGrid grid, ImmutableArray<RoomPool> pools,
        ImmutableArray<MeetingOptions> meetings, bool requiredAreHard = true) =>
        Build(SchedulingProblem.Of(ev, grid, pools, meetings), requiredAreHard ? ModelScope.Hard : ModelScope.RequiredSoft);

    private void CreateChoiceVariables()
    {
        foreach (var m in meetings)
        {
            var lits = new BoolVar[m.Options.Length];
            for (int k = 0; k < lits.Length; k++)
                lits[k] = model.NewBoolVar($"x_{m.Index}_{m.Options[k].Start}_{m.Options[k].Group}");
            x[m.Index] = lits;
            if (lits.Length == 0) continue;
            if (lits.Length == 1)
            {
                scheduled[m.Index] = lits[0];
            }
            else
            {
                var s = model.NewBoolVar($"scheduled_{m.Index}");
                model.Add(LinearExpr.Sum(lits) == s);
                scheduled[m.Index] = s;
            }
            foreach (int p in m.Participants)
            {
                var cover = participantCover[p] ??= NewSlotLists();
                for (int k = 0; k < lits.Length; k++)
                    for (int t = m.Options[k].Start; t < m.Options[k].Start + m.Length; t++)
                        cover[t].Add(lits[k]);
            }
        }
    }

    private void NoParticipantInTwoMeetingsAtOnce()
    {
        foreach (var cover in participantCover)
        {
            if (cover is null) continue;
            foreach (var lits in cover)
                if (lits.Count > 1) model.AddAtMostOne(lits);
        }
    }

    /// <summary>
    /// A participant busy in building A at slot t1 cannot be busy in building B at a slot t2 less than the travel
    /// time after t1 ends: a binary clause per such pair of slots. Only participants whose options span buildings
    /// with a travel time get them.
    /// </summary>
    private void TravelTimeBetweenBuildings()
    {
        var byParticipant = new Dictionary<int, List<(MeetingOptions M, int K)>>();
        foreach (var m in meetings)
            for (int k = 0; k < m.Options.Length; k++)
                foreach (int p in m.Participants)
                {
                    if (!byParticipant.TryGetValue(p, out var list)) byParticipant[p] = list = new();
                    list.Add((m, k));
                }
        foreach (var (p, options) in byParticipant.OrderBy(kv => kv.Key))
        {
            if (options.Select(o => o.M.Index).Distinct().Count() < 2) continue;
            var buildings = options.Select(o => o.M.Groups[o.M.Options[o.K].Group].Building)
                .OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            if (buildings.Count < 2) continue;
            var busyIn = new Dictionary<string, BoolVar?[]>(StringComparer.Ordinal);
            foreach (var building in buildings)
            {
                var cover = NewSlotLists();
                foreach (var (m, k) in options)
                    if (m.Groups[m.Options[k].Group].Building == building)
                        for (int t = m.Options[k].Start; t < m.Options[k].Start + m.Length; t++) cover[t].Add(x[m.Index][k]);
                busyIn[building] = cover.Select((lits, t) => BusyLiteral(lits, $"busy_{p}_{building}_{t}")).ToArray();
            }
            foreach (var from in buildings)
                foreach (var to in buildings)
                {
                    var travel = ev.TravelTime(from, to);
                    if (from == to || travel <= NodaTime.Duration.Zero) continue;
                    int buffer = grid.SlotsCovering(travel);
                    var before = busyIn[from];
                    var after = busyIn[to];
                    for (int t1 = 0; t1 < grid.SlotCount; t1++)
                    {
                        if (before[t1] is not { } b1) continue;
                        var day = grid.Days[grid.DayOf(t1)];
                        int last = Math.Min(day.FirstSlot + day.SlotCount - 1, t1 + buffer);
                        for (int t2 = t1 + 1; t2 <= last; t2++)
                            if (after[t2] is { } b2) model.AddBoolOr(new[] { b1.Not(), b2.Not() });
                    }
                }
        }
    }

    /// <summary>A literal true when one of <paramref name="lits"/> (pairwise exclusive) is; null when there are none.</summary>
    private BoolVar? BusyLiteral(List<BoolVar> lits, string name)
    {
        if (lits.Count == 0) return null;
        if (lits.Count == 1) return lits[0];
        var b = model.NewBoolVar(name);
        model.Add(LinearExpr.Sum(lits) == b);
        return b;
    }

    /// <summary>
    /// Per slot and per set of pools that some meetings are confined to, the meetings confined to the set fit in
    /// its free rooms (Hall's condition; exact for a single pool of identical rooms). Meetings that may choose among
    /// several pools also get a pool literal and a cumulative per pool, which makes the choice exact.
    /// </summary>
    private void RoomPoolsNeverOverbooked()
    {
        var poolSets = new List<ulong>();
        bool tooManyPools = pools.Length > 64;
        var setOf = new Dictionary<(int, int), ulong>();
        foreach (var m in meetings)
            for (int g = 0; g < m.Groups.Length; g++)
            {
                ulong mask = 0;
                if (!tooManyPools) foreach (int p in m.Groups[g].Pools) mask |= 1UL << p;
                setOf[(m.Index, g)] = mask;
                if (!poolSets.Contains(mask)) poolSets.Add(mask);
            }
        if (!tooManyPools)
        {
            // Sets of one pool are exact. Aggregates per building and over all pools were measured on the sample
            // conference: they slowed the LP and did not tighten its bound, so the cumulatives alone make it exact.
            var closed = poolSets.Where(set => System.Numerics.BitOperations.PopCount(set) == 1).ToList();
            foreach (var set in closed.Order())
            {
                var cover = NewSlotLists();
                foreach (var m in meetings)
                    for (int k = 0; k < m.Options.Length; k++)
                    {
                        if ((setOf[(m.Index, m.Options[k].Group)] & ~set) != 0) continue;
                        for (int t = m.Options[k].Start; t < m.Options[k].Start + m.Length; t++) cover[t].Add(x[m.Index][k]);
                    }
                for (int t = 0; t < grid.SlotCount; t++)
                {
                    int free = 0;
                    for (int p = 0; p < pools.Length; p++)
                        if ((set & (1UL << p)) != 0) free += FreeRooms(p, t);
                    if (cover[t].Count > free)
                    {
                        if (free == 1) model.AddAtMostOne(cover[t]);
                        else model.Add(LinearExpr.Sum(cover[t]) <= free);
                    }
                }
            }
        }
        ExactPoolChoice(tooManyPools);
    }

    private void ExactPoolChoice(bool allPools)
    {
        var intervals = new List<(IntervalVar Interval, int Pool)>();
        var poolsNeedingCumulative = new SortedSet<int>();
        foreach (var m in meetings)
            foreach (var g in m.Groups)
                if (g.Pools.Length > 1 || allPools) foreach (int p in g.Pools) poolsNeedingCumulative.Add(p);
        if (poolsNeedingCumulative.Count == 0) return;

        foreach (var m in meetings)
        {
            if (m.Options.IsEmpty) continue;
            for (int g = 0; g < m.Groups.Length; g++)
            {
                var inGroup = Enumerable.Range(0, m.Options.Length).Where(k => m.Options[k].Group == g).Select(k => x[m.Index][k]).ToList();
                if (inGroup.Count == 0) continue;
                var group = m.Groups[g];
                if (!group.Pools.Any(poolsNeedingCumulative.Contains)) continue;
                var start = StartSlot(m);
                if (group.Pools.Length == 1)
                {
                    var presence = GroupLiteral(m, g, inGroup);
                    intervals.Add((model.NewOptionalFixedSizeIntervalVar(start, m.Length, presence, $"in_{m.Index}_{group.Pools[0]}"), group.Pools[0]));
                    continue;
                }
                var choices = new List<BoolVar>();
                foreach (int p in group.Pools)
                {
                    var y = model.NewBoolVar($"pool_{m.Index}_{p}");
                    poolChoice[(m.Index, p)] = y;
                    choices.Add(y);
                    intervals.Add((model.NewOptionalFixedSizeIntervalVar(start, m.Length, y, $"in_{m.Index}_{p}"), p));
                }
                model.Add(LinearExpr.Sum(choices) == LinearExpr.Sum(inGroup));
            }
        }
        foreach (int p in poolsNeedingCumulative)
        {
            var pool = pools[p];
            var mine = intervals.Where(i => i.Pool == p).Select(i => i.Interval).ToList();
            var demands = Enumerable.Repeat(1L, mine.Count).ToList();
            for (int t = 0; t < grid.SlotCount; t++)
            {
                int taken = pool.Size - FreeRooms(p, t);
                if (taken == 0) continue;
                mine.Add(model.NewFixedSizeIntervalVar(t, 1, $"taken_{p}_{t}"));
                demands.Add(taken);
            }
            if (pool.Size == 1) model.AddNoOverlap(mine);
            else
            {
                var cumulative = model.AddCumulative(pool.Size);
                for (int i = 0; i < mine.Count; i++) cumulative.AddDemand(mine[i], demands[i]);
            }
        }
    }

    /// <summary>Rooms of pool <paramref name="p"/> free at slot <paramref name="t"/>: none when blocked, fewer when the scope's fixed meetings hold some.</summary>
    private int FreeRooms(int p, int t) =>
        pools[p].IsBlocked(t) ? 0 : Math.Max(0, pools[p].Size - (scope.PoolOccupancy?[p][t] ?? 0));

    private BoolVar GroupLiteral(MeetingOptions m, int g, List<BoolVar> inGroup)
    {
        if (m.Groups.Length == 1) return scheduled[m.Index]!;
        if (inGroup.Count == 1) return inGroup[0];
        var lit = model.NewBoolVar($"group_{m.Index}_{g}");
        model.Add(LinearExpr.Sum(inGroup) == lit);
        return lit;
    }

    /// <summary>The start slot of a meeting as an integer (its first option's start when unscheduled).</summary>
    private IntVar StartSlot(MeetingOptions m)
    {
        if (startSlot[m.Index] is { } existing) return existing;
        var starts = m.Options.Select(o => (long)o.Start).Distinct().ToArray();
        var v = model.NewIntVarFromDomain(Google.OrTools.Util.Domain.FromValues(starts), $"start_{m.Index}");
        long fallback = m.Options[0].Start;
        var terms = new List<LinearExpr>();
        for (int k = 0; k < m.Options.Length; k++) terms.Add(x[m.Index][k] * (m.Options[k].Start - fallback));
        model.Add(v == LinearExpr.Sum(terms) + fallback);
        startSlot[m.Index] = v;
        return v;
    }

    private void MaxMeetingsPerDay()
    {
        var byParticipantDay = new Dictionary<(int P, int Day), List<BoolVar>>();
        foreach (var m in meetings)
            for (int k = 0; k < m.Options.Length; k++)
                foreach (int p in m.Participants)
                {
                    if (ev.Participants[p].MaxMeetingsPerDay is null) continue;
                    var key = (p, grid.DayOf(m.Options[k].Start));
                    if (!byParticipantDay.TryGetValue(key, out var list)) byParticipantDay[key] = list = new();
                    list.Add(x[m.Index][k]);
                }
        foreach (var ((p, day), lits) in byParticipantDay.OrderBy(kv => kv.Key))
        {
            int max = ev.Participants[p].MaxMeetingsPerDay!.Value - scope.DailyTaken.GetValueOrDefault((p, day));
            if (lits.Count > max) model.Add(LinearExpr.Sum(lits) <= Math.Max(0, max));
        }
    }

    /// <summary>Slot indices grow with time across days, so "starts after the end" is a comparison of slot indices.</summary>
    private void AfterPrecedences()
    {
        var index = meetings.ToDictionary(m => m.Meeting.Id, m => m, StringComparer.Ordinal);
        foreach (var m in meetings)
        {
            if (m.Options.IsEmpty) continue;
            foreach (var before in m.Meeting.After)
            {
                var pred = index[before];
                if (pred.Options.IsEmpty) continue;
                model.Add(StartSlot(m) >= StartSlot(pred) + pred.Length)
                    .OnlyEnforceIf(new[] { scheduled[m.Index]!, scheduled[pred.Index]! });
            }
        }
    }

    /// <summary>Required meetings (when they are hard) and the forced ones of a neighbourhood are scheduled.</summary>
    private void RequiredMeetingsScheduled()
    {
        foreach (var m in meetings)
            if (((scope.RequiredAreHard && m.Meeting.Required) || scope.Forced.Contains(m.Index)) && scheduled[m.Index] is { } lit)
                model.AddBoolOr(new[] { lit });
    }

    private LinearExpr WeightExpression(out long ceiling)
    {
        var terms = new List<LinearExpr>();
        ceiling = 0;
        foreach (var m in meetings)
        {
            if (scheduled[m.Index] is not { } lit || m.Meeting.Weight == 0) continue;
            terms.Add(lit * m.Meeting.Weight);
            ceiling += m.Meeting.Weight;
        }
        return LinearExpr.Sum(terms);
    }

    private List<BoolVar>[] NewSlotLists()
    {
        var lists = new List<BoolVar>[grid.SlotCount];
        for (int t = 0; t < lists.Length; t++) lists[t] = new List<BoolVar>();
        return lists;
    }

    /// <summary>Adds the idle-gap encoding and the spread cap to <paramref name="target"/> (this model or a copy of it).</summary>
    private LinearExpr IdleGapsAndSpread(CpModel target, out int floor)
    {
        var roomsFree = new int[grid.SlotCount];
        for (int t = 0; t < roomsFree.Length; t++)
            for (int p = 0; p < pools.Length; p++) roomsFree[t] += FreeRooms(p, t);
        return IdleGapEncoding.Add(target, ev, grid, meetings, participantCover, scope.RequiredAreHard, roomsFree, out floor);
    }
}
