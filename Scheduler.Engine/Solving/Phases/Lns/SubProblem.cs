using System.Collections.Immutable;

namespace Scheduler.Engine.Solving.Phases.Lns;

/// <summary>
/// One neighbourhood of an incumbent schedule as a problem of its own. The freed meetings keep the options they may
/// take: within the neighbourhood's slots, and clear of what the fixed meetings already settle (their participants'
/// time and travel, daily limits, <c>after</c> orders, the rooms they hold). Every other placed meeting stays where
/// it is; every other unplaced meeting stays out. When idle gaps are the goal, the fixed meetings of the freed
/// meetings' participants are in the model too (forced), since a participant's gaps depend on all their meetings; so
/// is every fixed meeting that must have an interpreter, since interpreters are chosen in the model.
/// Any schedule of the sub-problem, merged with the fixed meetings, keeps every hard rule of the event except a
/// spread cap, which neighbourhood search is not used for.
/// </summary>
internal sealed class SubProblem
{
    private SubProblem(SchedulingProblem problem, ModelScope scope)
    {
        Problem = problem;
        Scope = scope;
    }

    /// <summary>The restricted problem: every meeting keeps its index; those outside the model have no option.</summary>
    public SchedulingProblem Problem { get; }

    /// <summary>Fixed meetings inside the model are forced; what those outside hold is occupied or counted.</summary>
    public ModelScope Scope { get; }

    /// <summary>
    /// The sub-problem that frees <paramref name="free"/> (meeting indices) of <paramref name="incumbent"/>, each
    /// restricted to starts in slots [<paramref name="firstSlot"/>, <paramref name="endSlot"/>).
    /// </summary>
    public static SubProblem Create(SchedulingProblem problem, IReadOnlyDictionary<int, Placement> incumbent, IReadOnlySet<int> free,
        int firstSlot, int endSlot, bool idleGaps)
    {
        var meetings = problem.Meetings;
        var freeParticipants = new HashSet<int>(free.SelectMany(i => meetings[i].Participants));
        var inModel = new HashSet<int>();
        if (idleGaps)
            foreach (var (i, _) in incumbent)
                if (!free.Contains(i) && meetings[i].Participants.Any(freeParticipants.Contains)) inModel.Add(i);
        // Interpreters: a fixed meeting that must have one stays in the model, forced at its place, so the model's
        // interpreter rules see whom it may hold (folding it outside would need the incumbent's concrete interpreters,
        // and a choice among pools is only exact when every meeting that may use them is in the model).
        if (problem.UsesInterpreters)
            foreach (var (i, _) in incumbent)
                if (!free.Contains(i) && problem.Rules.UsesInterpreter(i)) inModel.Add(i);
        var fixedOutside = incumbent.Where(kv => !free.Contains(kv.Key) && !inModel.Contains(kv.Key)).Select(kv => kv.Value).ToList();
        var settled = new Settled(problem, fixedOutside, freeParticipants);
        var restricted = problem.Restrict(m =>
        {
            if (free.Contains(m.Index)) return settled.Options(m, firstSlot, endSlot);
            if (inModel.Contains(m.Index)) return ImmutableArray.Create(OptionOf(m, incumbent[m.Index]));
            return ImmutableArray<StartOption>.Empty;
        });
        var scope = new ModelScope
        {
            Forced = inModel.ToImmutableHashSet(),
            PoolOccupancy = settled.Occupancy,
            DailyTaken = settled.DailyTaken,
            IdleGaps = idleGaps,
        };
        return new SubProblem(restricted, scope);
    }

    /// <summary>The option of <paramref name="m"/> that <paramref name="placement"/> takes.</summary>
    public static StartOption OptionOf(MeetingOptions m, Placement placement)
    {
        foreach (var o in m.Options)
            if (o.Start == placement.Start && m.Groups[o.Group].Pools.Contains(placement.Pool)) return o;
        throw new InvalidOperationException($"Meeting {m.Index} is placed at slot {placement.Start} in pool {placement.Pool}, which is none of its options.");
    }

    /// <summary>What the fixed meetings outside the model hold: rooms per slot, and per freed participant their time, building and daily count.</summary>
    private sealed class Settled
    {
        private readonly SchedulingProblem problem;
        private readonly Dictionary<int, List<Placement>> byParticipant = new();
        private readonly Dictionary<string, Placement> outsideById = new(StringComparer.Ordinal);

        public Settled(SchedulingProblem problem, List<Placement> fixedOutside, HashSet<int> freeParticipants)
        {
            this.problem = problem;
            Occupancy = new int[problem.Pools.Length][];
            for (int p = 0; p < Occupancy.Length; p++) Occupancy[p] = new int[problem.Grid.SlotCount];
            var daily = new Dictionary<(int, int), int>();
            foreach (var o in fixedOutside)
            {
                outsideById[problem.Meetings[o.Meeting].Meeting.Id] = o;
                for (int t = o.Start; t < o.Start + o.Length; t++) Occupancy[o.Pool][t]++;
                foreach (int person in problem.Meetings[o.Meeting].Participants)
                {
                    if (!freeParticipants.Contains(person)) continue;
                    if (!byParticipant.TryGetValue(person, out var list)) byParticipant[person] = list = new();
                    list.Add(o);
                    var key = (person, problem.Grid.DayOf(o.Start));
                    daily[key] = daily.GetValueOrDefault(key) + 1;
                }
            }
            DailyTaken = daily;
        }

        public int[][] Occupancy { get; }

        public Dictionary<(int, int), int> DailyTaken { get; }

        /// <summary>The options of a freed meeting that clash with nothing fixed.</summary>
        public ImmutableArray<StartOption> Options(MeetingOptions m, int firstSlot, int endSlot)
        {
            var ev = problem.Event;
            var grid = problem.Grid;
            var (earliest, latestEnd) = AfterLimits(m);
            var kept = ImmutableArray.CreateBuilder<StartOption>();
            foreach (var o in m.Options)
            {
                if (o.Start < firstSlot || o.Start >= endSlot || o.Start < earliest || o.Start + m.Length > latestEnd) continue;
                var building = m.Groups[o.Group].Building;
                int day = grid.DayOf(o.Start);
                bool clash = false;
                foreach (int person in m.Participants)
                {
                    if (ev.Participants[person].MaxMeetingsPerDay is int max && DailyTaken.GetValueOrDefault((person, day)) >= max) { clash = true; break; }
                    if (!byParticipant.TryGetValue(person, out var held)) continue;
                    foreach (var h in held)
                    {
                        if (grid.DayOf(h.Start) != day) continue;
                        int buffer = grid.SlotsCovering(ev.TravelTime(building, problem.Pools[h.Pool].Building));
                        if (o.Start < h.Start + h.Length + buffer && h.Start < o.Start + m.Length + buffer) { clash = true; break; }
                    }
                    if (clash) break;
                }
                if (clash || !m.Groups[o.Group].Pools.Any(pool => HasRoom(problem.Pools[pool], Occupancy[pool], o.Start, m.Length))) continue;
                kept.Add(o);
            }
            return kept.ToImmutable();
        }

        /// <summary>
        /// The earliest start and latest end that <c>after</c> orders with fixed meetings outside the model allow: after
        /// the end of each such predecessor, before the start of each such successor. The model orders the others.
        /// </summary>
        private (int Earliest, int LatestEnd) AfterLimits(MeetingOptions m)
        {
            int earliest = 0, latestEnd = int.MaxValue;
            foreach (var id in m.Meeting.After)
                if (outsideById.TryGetValue(id, out var before)) earliest = Math.Max(earliest, before.Start + before.Length);
            foreach (var (_, after) in outsideById)
                if (problem.Meetings[after.Meeting].Meeting.After.Contains(m.Meeting.Id, StringComparer.Ordinal))
                    latestEnd = Math.Min(latestEnd, after.Start);
            return (earliest, latestEnd);
        }
    }

    private static bool HasRoom(RoomPool pool, int[] taken, int start, int length)
    {
        for (int t = start; t < start + length; t++)
            if (taken[t] >= pool.Size) return false;
        return true;
    }
}
