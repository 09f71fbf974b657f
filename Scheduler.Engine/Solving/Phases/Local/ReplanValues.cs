namespace Scheduler.Engine.Solving.Phases.Local;

/// <summary>
/// What each meeting adds to the replanning objective (<see cref="ReplanObjective"/>) where it is placed, in hundredths,
/// exactly, pools included: a walk knows each meeting's pool, so "room kept" is not the best case the LP and
/// <see cref="ReplanObjective.Coefficient"/> assume but the fact. The objective of a schedule is <see cref="Constant"/>
/// plus the values of its placements, equal to <see cref="ReplanObjective.ValueOf(IReadOnlyCollection{Placement})"/>.
/// </summary>
internal sealed class ReplanValues
{
    private readonly int[] home;
    private readonly int[] homePool;
    private readonly long[] away;
    private readonly long[] kept;
    private readonly long[] changed;

    /// <summary>The values of <paramref name="objective"/> on <paramref name="problem"/> (the problem the objective was made for).</summary>
    public ReplanValues(SchedulingProblem problem, ReplanObjective objective)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(objective);
        int n = problem.Meetings.Length;
        home = Enumerable.Repeat(-1, n).ToArray();
        homePool = Enumerable.Repeat(-1, n).ToArray();
        away = problem.Meetings.Select(m => 100L * m.Meeting.Weight).ToArray();
        kept = (long[])away.Clone();
        changed = (long[])away.Clone();
        foreach (var (m, slot, pool) in objective.Published)
        {
            // moved: weight − move; dropped: −drop, which the constant charges, so a placement pays it back.
            away[m] += objective.DropCost - objective.MoveCost;
            kept[m] = changed[m] = away[m];
            if (slot is not int s) continue;
            home[m] = s;
            homePool[m] = pool ?? -1;
            kept[m] = 100L * problem.Meetings[m].Meeting.Weight + objective.DropCost;
            changed[m] = kept[m] - objective.RoomChangeCost;
        }

        EjectCost = [.. Enumerable.Range(0, n).Select(m => Math.Max(away[m], kept[m]))];
        Constant = objective.Constant;
    }

    /// <summary>The objective of the empty schedule.</summary>
    public long Constant { get; }

    /// <summary>
    /// Per meeting, the most it can add (at its published start and room, or anywhere when it was not published): what
    /// the walk weighs when it chooses the lightest meeting to step out of a full pool or an interpreter's time.
    /// </summary>
    public long[] EjectCost { get; }

    /// <summary>The published start slot of meeting <paramref name="m"/>, or -1 when it has none (new, or off the grid).</summary>
    public int HomeOf(int m) => home[m];

    /// <summary>The pool of the published room of meeting <paramref name="m"/>, or -1.</summary>
    public int HomePoolOf(int m) => homePool[m];

    /// <summary>What meeting <paramref name="m"/> adds at slot <paramref name="start"/> in pool <paramref name="pool"/>.</summary>
    public long Of(int m, int start, int pool) => start != home[m] ? away[m] : pool == homePool[m] ? kept[m] : changed[m];

    /// <summary>The objective of <paramref name="placements"/>.</summary>
    public long ValueOf(IEnumerable<Placement> placements)
    {
        long value = Constant;
        foreach (var p in placements) value += Of(p.Meeting, p.Start, p.Pool);
        return value;
    }
}
