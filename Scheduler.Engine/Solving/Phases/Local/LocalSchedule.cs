using System.Collections.Immutable;
using Scheduler.Engine.Time;

namespace Scheduler.Engine.Solving.Phases.Local;

/// <summary>
/// A schedule that a local search changes one meeting at a time. It keeps, in step with every change, who is busy
/// when, how many rooms of each pool are taken per slot, daily meeting counts, and every participant's idle gaps, so
/// a move is checked and scored by looking only at the people and slots it touches. Every hard rule of the model
/// that links meetings is checked here: one meeting at a time per participant, travel between buildings, rooms per
/// pool and slot, <c>maxMeetingsPerDay</c>, <c>after</c>, the spread cap and interpreters (<see cref="LocalInterpreters"/>);
/// the rules about a meeting alone are already in its options.
/// </summary>
internal sealed class LocalSchedule
{
    private readonly SchedulingProblem problem;
    private readonly TimeGrid grid;
    private readonly ImmutableArray<MeetingOptions> meetings;
    private readonly int slots;
    private readonly int days;
    private readonly int[] option;
    private readonly int[] pool;
    private readonly int[] personAt;
    private readonly int[] poolTaken;
    private readonly int[] poolSize;
    private readonly List<int>[] poolMeetings;
    private readonly int[] daily;
    private readonly int[] dailyMax;
    private readonly int[] dayGaps;
    private readonly int[] dayIdle;
    private readonly int[] gaps;
    private readonly int[][] daySlots;
    private readonly int[][] meetingsOf;
    private readonly int[][] before;
    private readonly int[][] after;
    private readonly bool[] named;
    private readonly int[] histogram;
    private readonly int? spread;
    private readonly Func<int, int, int> travelSlots;

    /// <summary>Starts from <paramref name="placements"/>, which must keep every hard rule.</summary>
    public LocalSchedule(SchedulingProblem problem, IEnumerable<Placement> placements)
        : this(problem, placements, withInterpreters: true)
    {
    }

    /// <summary>
    /// Starts from <paramref name="placements"/>, which must keep every hard rule checked here; without
    /// <paramref name="withInterpreters"/> interpreters are neither tracked nor checked (a replan's start uses that to
    /// find which published meetings still fit where they were, then names their interpreters exactly at once).
    /// </summary>
    internal LocalSchedule(SchedulingProblem problem, IEnumerable<Placement> placements, bool withInterpreters)
    {
        this.problem = problem;
        grid = problem.Grid;
        meetings = problem.Meetings;
        var ev = problem.Event;
        slots = grid.SlotCount;
        days = grid.Days.Length;
        int people = ev.Participants.Length;
        option = Enumerable.Repeat(-1, meetings.Length).ToArray();
        pool = new int[meetings.Length];
        personAt = Enumerable.Repeat(-1, people * slots).ToArray();
        poolTaken = new int[problem.Pools.Length * slots];
        poolSize = new int[problem.Pools.Length * slots];
        poolMeetings = Enumerable.Range(0, problem.Pools.Length * slots).Select(_ => new List<int>(2)).ToArray();
        for (int p = 0; p < problem.Pools.Length; p++)
            for (int t = 0; t < slots; t++)
                poolSize[p * slots + t] = problem.Pools[p].IsBlocked(t) ? 0 : problem.Pools[p].Size;
        daily = new int[people * days];
        dailyMax = ev.Participants.Select(p => p.MaxMeetingsPerDay ?? int.MaxValue).ToArray();
        dayGaps = new int[people * days];
        dayIdle = new int[people * days];
        gaps = new int[people];
        daySlots = grid.Days.Select(d => Enumerable.Range(d.FirstSlot, d.SlotCount).Where(t => !grid.IsBreak(t)).ToArray()).ToArray();
        meetingsOf = Enumerable.Range(0, people)
            .Select(p => meetings.Where(m => m.Participants.Contains(p)).Select(m => m.Index).ToArray()).ToArray();
        var index = meetings.ToDictionary(m => m.Meeting.Id, m => m.Index, StringComparer.Ordinal);
        before = meetings.Select(m => m.Meeting.After.Select(id => index[id]).ToArray()).ToArray();
        var followers = meetings.Select(_ => new List<int>()).ToArray();
        foreach (var m in meetings)
            foreach (int b in before[m.Index]) followers[b].Add(m.Index);
        after = followers.Select(f => f.ToArray()).ToArray();
        named = new bool[people];
        foreach (var m in meetings)
            foreach (int p in m.Participants) named[p] = true;
        spread = ev.Objective.MaxIdleGapSpread;
        histogram = new int[slots + 2];
        histogram[0] = named.Count(n => n);
        var travel = new Dictionary<(int, int), int>();
        var buildings = meetings.SelectMany(m => m.Groups).Select(g => g.Building).Distinct().ToList();
        travelSlots = (a, b) => a == b ? 0 : travel.GetValueOrDefault((a, b));
        buildingIds = buildings.Select((b, i) => (b, i)).Where(x => x.b is not null).ToDictionary(x => x.b!, x => x.i, StringComparer.Ordinal);
        foreach (var from in buildings)
            foreach (var to in buildings)
            {
                if (from is null || to is null || from == to) continue;
                var time = ev.TravelTime(from, to);
                if (time > NodaTime.Duration.Zero) travel[(buildingIds[from], buildingIds[to])] = grid.SlotsCovering(time);
            }
        var list = placements as IReadOnlyList<Placement> ?? placements.ToList();
        Dictionary<int, ImmutableArray<int>>? given = null;
        if (problem.UsesInterpreters && withInterpreters)
        {
            interpreters = new LocalInterpreters(problem, option, pool);
            var (chosen, left) = InterpreterAssignment.Assign(problem, list);
            if (left.Count > 0) throw new ArgumentException($"Meeting {left[0].Meeting} has no interpreter free at slot {left[0].Start}.", nameof(placements));
            given = chosen;
        }
        foreach (var pl in list)
        {
            int k = OptionAt(pl.Meeting, pl.Start, pl.Pool);
            if (k < 0) throw new ArgumentException($"Meeting {pl.Meeting} has no option at slot {pl.Start} in pool {pl.Pool}.", nameof(placements));
            PlaceWith(pl.Meeting, k, pl.Pool, given is not null && given.TryGetValue(pl.Meeting, out var who) ? [.. who] : null);
        }
        journal.Clear();
    }

    // Null when the event has no interpreters, so that the walks on such events pay nothing for them.
    private readonly LocalInterpreters? interpreters;

    private readonly Dictionary<string, int> buildingIds;

    /// <summary>Total idle gaps.</summary>
    public int TotalGaps { get; private set; }

    /// <summary>Free slots inside idle gaps, over everyone: a finer measure that tells a narrow gap from a wide one.</summary>
    public int TotalIdleSlots { get; private set; }

    /// <summary>Idle gaps of participant <paramref name="p"/>.</summary>
    public int GapsOf(int p) => gaps[p];

    /// <summary>The number of participants (indices of the event's participants).</summary>
    public int People => gaps.Length;

    /// <summary>True when the spread cap (if any) holds.</summary>
    public bool SpreadHolds
    {
        get
        {
            if (spread is not int cap) return true;
            int low = 0, high = histogram.Length - 1;
            while (low < histogram.Length && histogram[low] == 0) low++;
            while (high >= 0 && histogram[high] == 0) high--;
            return high < low || high - low <= cap;
        }
    }

    /// <summary>The meetings.</summary>
    public ImmutableArray<MeetingOptions> Meetings => meetings;

    /// <summary>The option index of meeting <paramref name="m"/>, or -1 when it is not placed.</summary>
    public int OptionOf(int m) => option[m];

    /// <summary>The pool of meeting <paramref name="m"/> (meaningful when placed).</summary>
    public int PoolOf(int m) => pool[m];

    /// <summary>The meetings of participant <paramref name="p"/>, placed or not.</summary>
    public int[] MeetingsOf(int p) => meetingsOf[p];

    /// <summary>The placements as they stand.</summary>
    public List<Placement> Placements()
    {
        var list = new List<Placement>();
        foreach (var m in meetings)
            if (option[m.Index] >= 0) list.Add(new Placement(m.Index, m.Options[option[m.Index]].Start, m.Length, pool[m.Index]));
        return list;
    }

    /// <summary>The option of meeting <paramref name="m"/> that starts at <paramref name="start"/> in a group holding <paramref name="p"/>; -1 if none.</summary>
    public int OptionAt(int m, int start, int p)
    {
        var mo = meetings[m];
        for (int k = 0; k < mo.Options.Length; k++)
            if (mo.Options[k].Start == start && mo.Groups[mo.Options[k].Group].Pools.Contains(p)) return k;
        return -1;
    }

    /// <summary>
    /// True when meeting <paramref name="m"/>, not placed, may take option <paramref name="k"/> in pool
    /// <paramref name="p"/> with every other placed meeting kept (all linking rules except the spread cap).
    /// </summary>
    public bool CanPlace(int m, int k, int p)
    {
        var mo = meetings[m];
        var o = mo.Options[k];
        int start = o.Start, end = o.Start + mo.Length;
        for (int t = start; t < end; t++)
            if (poolTaken[p * slots + t] >= poolSize[p * slots + t]) return false;
        int day = grid.DayOf(start);
        foreach (int person in mo.Participants)
        {
            int row = person * slots;
            for (int t = start; t < end; t++)
                if (personAt[row + t] >= 0) return false;
            if (daily[person * days + day] >= dailyMax[person]) return false;
            if (buildingIds.Count > 1 && !TravelFits(person, m, k)) return false;
        }
        foreach (int b in before[m])
            if (option[b] >= 0 && meetings[b].Options[option[b]].Start + meetings[b].Length > start) return false;
        foreach (int a in after[m])
            if (option[a] >= 0 && meetings[a].Options[option[a]].Start < end) return false;
        return interpreters is null || interpreters.CanServe(m, k, p);
    }

    /// <summary>
    /// Adds to <paramref name="into"/> the placed meetings whose interpreters meeting <paramref name="m"/> would need
    /// at option <paramref name="k"/> in pool <paramref name="p"/>, those already in it counted as gone (see
    /// <see cref="LocalInterpreters.AddBlockers"/>); false when no interpreter can be freed.
    /// </summary>
    public bool AddInterpreterBlockers(int m, int k, int p, long[] weight, List<int> into) =>
        interpreters is null || interpreters.AddBlockers(m, k, p, weight, into);

    private bool TravelFits(int person, int m, int k) => !TravelClashes(person, m, k, into: null);

    private int BuildingOf(MeetingOptions mo, int group) =>
        mo.Groups[group].Building is { } b ? buildingIds[b] : -1;

    /// <summary>Starts recording changes, so that <see cref="Rollback"/> can undo a compound move.</summary>
    public void Begin() => journal.Clear();

    /// <summary>Undoes every change since <see cref="Begin"/>.</summary>
    public void Rollback()
    {
        var saved = journal.ToArray();
        journal.Clear();
        foreach (var (m, _, _, _) in saved)
            if (option[m] >= 0)
            {
                interpreters?.Release(m, option[m]);
                Mark(meetings[m], meetings[m].Options[option[m]].Start, pool[m], -1, -1, m);
            }
        foreach (var (m, k, p, who) in saved)
        {
            option[m] = k;
            pool[m] = p;
            if (k < 0) continue;
            interpreters?.Assign(m, k, p, who);
            Mark(meetings[m], meetings[m].Options[k].Start, p, m, +1, m);
        }
    }

    // First state of each meeting changed since Begin (option, pool, interpreters), in order of first change.
    private readonly List<(int M, int K, int P, int[]? I)> journal = new();
    private readonly HashSet<int> journaled = new();

    private void Record(int m)
    {
        if (journal.Count == 0) journaled.Clear();
        if (journaled.Add(m)) journal.Add((m, option[m], pool[m], interpreters?.Of(m)));
    }

    /// <summary>True when meeting <paramref name="m"/> is placed.</summary>
    public bool IsPlaced(int m) => option[m] >= 0;

    /// <summary>The placed meetings in pool <paramref name="p"/> at slot <paramref name="t"/>.</summary>
    public IReadOnlyList<int> InPool(int p, int t) => poolMeetings[p * slots + t];

    /// <summary>True when every free room of pool <paramref name="p"/> is taken at slot <paramref name="t"/>.</summary>
    public bool PoolFull(int p, int t) => poolTaken[p * slots + t] >= poolSize[p * slots + t];

    /// <summary>The placed meeting of participant <paramref name="person"/> at slot <paramref name="t"/>, or -1.</summary>
    public int MeetingAt(int person, int t) => personAt[person * slots + t];

    /// <summary>
    /// Adds to <paramref name="into"/> (once each) the placed meetings of <paramref name="person"/> too close, by
    /// travel time, to meeting <paramref name="m"/> at option <paramref name="k"/>.
    /// </summary>
    public void AddTravelBlockers(int person, int m, int k, List<int> into) => TravelClashes(person, m, k, into);

    // One statement of the travel rule for both questions: "does any meeting clash" (into null: stops at the first,
    // allocating nothing, since CanPlace asks it for every move) and "which ones".
    private bool TravelClashes(int person, int m, int k, List<int>? into)
    {
        if (buildingIds.Count < 2) return false;
        var mo = meetings[m];
        var o = mo.Options[k];
        int start = o.Start, end = o.Start + mo.Length, day = grid.DayOf(start), building = BuildingOf(mo, o.Group);
        bool any = false;
        foreach (int other in meetingsOf[person])
        {
            if (other == m || option[other] < 0) continue;
            var om = meetings[other];
            var oo = om.Options[option[other]];
            if (grid.DayOf(oo.Start) != day) continue;
            int ob = BuildingOf(om, oo.Group);
            bool clash = oo.Start < start
                ? oo.Start + om.Length + travelSlots(ob, building) > start
                : end + travelSlots(building, ob) > oo.Start;
            if (!clash) continue;
            if (into is null) return true;
            any = true;
            if (!into.Contains(other)) into.Add(other);
        }
        return any;
    }

    /// <summary>Places meeting <paramref name="m"/> (not placed) at option <paramref name="k"/> in pool <paramref name="p"/>; no checks.</summary>
    public void Place(int m, int k, int p) => PlaceWith(m, k, p, null);

    // Interpreters given (the start's exact assignment) or, when null, the first free ones.
    private void PlaceWith(int m, int k, int p, int[]? who)
    {
        Record(m);
        var mo = meetings[m];
        option[m] = k;
        pool[m] = p;
        interpreters?.Assign(m, k, p, who);
        Mark(mo, mo.Options[k].Start, p, m, +1, m);
    }

    /// <summary>Takes meeting <paramref name="m"/> (placed) out.</summary>
    public void Remove(int m)
    {
        Record(m);
        var mo = meetings[m];
        int start = mo.Options[option[m]].Start;
        interpreters?.Release(m, option[m]);
        option[m] = -1;
        Mark(mo, start, pool[m], -1, -1, m);
    }

    private void Mark(MeetingOptions mo, int start, int p, int who, int sign, int m)
    {
        int end = start + mo.Length;
        for (int t = start; t < end; t++)
        {
            poolTaken[p * slots + t] += sign;
            if (sign > 0) poolMeetings[p * slots + t].Add(m);
            else poolMeetings[p * slots + t].Remove(m);
        }
        int day = grid.DayOf(start);
        foreach (int person in mo.Participants)
        {
            int row = person * slots;
            for (int t = start; t < end; t++) personAt[row + t] = who;
            daily[person * days + day] += sign;
            Regap(person, day);
        }
    }

    private void Regap(int person, int day)
    {
        int row = person * slots, blocks = 0, idle = 0, freeRun = 0;
        bool previous = false;
        foreach (int t in daySlots[day])
        {
            bool busy = personAt[row + t] >= 0;
            if (busy && !previous) blocks++;
            if (busy)
            {
                if (blocks > 1) idle += freeRun;
                freeRun = 0;
            }
            else freeRun++;
            previous = busy;
        }
        int key = person * days + day;
        TotalIdleSlots += idle - dayIdle[key];
        dayIdle[key] = idle;
        int now = Math.Max(0, blocks - 1);
        int was = dayGaps[key];
        if (now == was) return;
        dayGaps[key] = now;
        if (named[person])
        {
            histogram[gaps[person]]--;
            histogram[gaps[person] + now - was]++;
        }
        gaps[person] += now - was;
        TotalGaps += now - was;
    }
}
