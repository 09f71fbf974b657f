using System.Collections.Immutable;
using Google.OrTools.Sat;
using Scheduler.Engine.Domain;

namespace Scheduler.Engine.Solving;

/// <summary>
/// The replanning objective on a model, in whole hundredths of weight so CP-SAT optimises it exactly:
/// <c>Σ 100·weight·scheduled − Σ over published meetings (move·moved + roomChange·roomChanged + drop·dropped)</c>.
/// Per published meeting <c>keptStart</c> is the sum of its options at the published start (0 or 1), so
/// <c>moved = scheduled − keptStart</c> and <c>dropped = 1 − scheduled</c>. With a positive room change cost the
/// published room is a pool of its own (<see cref="PublishedSchedule.RoomsToKeepApart"/>), and <c>keptRoom</c> is a
/// literal no greater than "at the published start" and "in that pool": maximising makes it exact.
/// </summary>
internal sealed class ReplanObjective
{
    private readonly SchedulingProblem problem;
    private readonly SchedulingModel? model;
    private readonly ImmutableArray<(int Meeting, int? Slot, int? Pool)> published;
    private readonly long move;
    private readonly long roomChange;
    private readonly long drop;
    private Dictionary<int, (int Meeting, int? Slot, int? Pool)>? publishedAt;

    /// <summary>The objective on <paramref name="sm"/>: values, coefficients, bounds and the search objective.</summary>
    public ReplanObjective(SchedulingModel sm, PublishedSchedule previous)
        : this(sm.Problem, previous, sm)
    {
    }

    /// <summary>The objective of <paramref name="problem"/> without a model: values, coefficients and bounds, no search.</summary>
    public ReplanObjective(SchedulingProblem problem, PublishedSchedule previous)
        : this(problem, previous, null)
    {
    }

    private ReplanObjective(SchedulingProblem problem, PublishedSchedule previous, SchedulingModel? model)
    {
        this.problem = problem;
        this.model = model;
        Previous = previous;
        move = ReplanSettings.Hundredths(previous.Settings.MoveCost);
        roomChange = ReplanSettings.Hundredths(previous.Settings.RoomChangeCost);
        drop = ReplanSettings.Hundredths(previous.Settings.DropCost);
        published = Locate(problem, previous.Published);
    }

    /// <summary>The cost of a move, in hundredths.</summary>
    public long MoveCost => move;

    /// <summary>The cost of a room change at the published start, in hundredths.</summary>
    public long RoomChangeCost => roomChange;

    /// <summary>The cost of a published meeting left out, in hundredths.</summary>
    public long DropCost => drop;

    /// <summary>The published schedule this objective is measured against.</summary>
    public PublishedSchedule Previous { get; }

    /// <summary>The published meetings as (meeting index, start slot or null when off the grid, pool of the published room or null).</summary>
    public ImmutableArray<(int Meeting, int? Slot, int? Pool)> Published => published;

    /// <summary>
    /// What placing meeting <paramref name="m"/> at <paramref name="option"/> adds to the objective, in hundredths, on top
    /// of <see cref="Constant"/>: the objective is exactly <c>Constant + Σ Coefficient</c> over the options taken, except
    /// that an option at the published start whose group includes the published room's pool counts the room as kept
    /// (the best case), so this sum is an upper bound of <see cref="ValueOf(IReadOnlyCollection{Placement})"/>, equal to
    /// it when each such meeting is in its published pool.
    /// </summary>
    public long Coefficient(int m, StartOption option)
    {
        var mo = problem.Meetings[m];
        long c = 100L * mo.Meeting.Weight;
        if (!(publishedAt ??= published.ToDictionary(p => p.Meeting)).TryGetValue(m, out var p)) return c;
        c += drop - move;
        if (option.Start != p.Slot) return c;
        c += move;
        if (roomChange > 0 && !(p.Pool is int pool && mo.Groups[option.Group].Pools.Contains(pool))) c -= roomChange;
        return c;
    }

    /// <summary>The objective of the empty schedule: every published meeting dropped.</summary>
    public long Constant => -drop * published.Length;

    /// <summary>The largest value any schedule could reach, in hundredths: every meeting with an option, nothing moved.</summary>
    public long Ceiling => problem.WeightCeiling * 100 - drop * published.Count(p => problem.Meetings[p.Meeting].Options.IsEmpty);

    /// <summary><see cref="Ceiling"/> without a model: from the problem's options alone.</summary>
    public static long CeilingOf(SchedulingProblem problem, PublishedSchedule previous)
    {
        var ids = previous.Published.Select(a => a.Meeting).ToHashSet(StringComparer.Ordinal);
        return problem.WeightCeiling * 100
            - ReplanSettings.Hundredths(previous.Settings.DropCost) * problem.Meetings.Count(m => m.Options.IsEmpty && ids.Contains(m.Meeting.Id));
    }

    /// <summary>
    /// When room changes cost nothing, the search still prefers, among schedules of equal objective, those that keep
    /// each published meeting in its published room's pool: the objective is multiplied by this factor (more than the
    /// number of published meetings) and one is added per meeting kept in its pool, so the tie-break can never
    /// outweigh a hundredth of the objective. 1 when there is no tie-break: a positive room cost prices rooms itself,
    /// and values that would pass 2^50 stay unscaled so CP-SAT's double-precision objective remains exact.
    /// </summary>
    public long TieBreakFactor
    {
        get
        {
            if (roomChange > 0 || published.IsEmpty) return 1;
            long factor = published.Length + 1L;
            return Ceiling + drop * published.Length < (1L << 50) / factor ? factor : 1;
        }
    }

    /// <summary>
    /// Adds the objective to <paramref name="target"/> (a fork of the model) as it is searched: the replanning objective
    /// times <see cref="TieBreakFactor"/> plus the room tie-break. Divide a bound by the factor, rounding down.
    /// </summary>
    public LinearExpr AddSearchObjectiveTo(CpModel target)
    {
        long factor = TieBreakFactor;
        if (factor == 1) return AddTo(target);
        var terms = new List<LinearExpr> { AddTo(target) * factor };
        foreach (var (m, slot, pool) in published)
            if (slot is int s && KeptRoom(target, m, s, pool) is { } kept) terms.Add(kept);
        return LinearExpr.Sum(terms);
    }

    /// <summary>Adds the auxiliary literals to <paramref name="target"/> (a fork of the model) and returns the objective.</summary>
    public LinearExpr AddTo(CpModel target)
    {
        var terms = new List<LinearExpr> { Model.Weight * 100 };
        long constant = 0;
        foreach (var (m, slot, pool) in published)
        {
            constant -= drop;
            if (Model.Scheduled[m] is not { } scheduled) continue;
            // moved + dropped = (scheduled − keptStart) + (1 − scheduled): the drop term also pays back what a move costs.
            var atStart = AtStart(m, slot);
            terms.Add(scheduled * (drop - move));
            if (atStart.Count > 0) terms.Add(LinearExpr.Sum(atStart) * move);
            if (roomChange == 0 || atStart.Count == 0) continue;
            // keptStart − keptRoom rooms changed: −roomChange·keptStart + roomChange·keptRoom.
            terms.Add(LinearExpr.Sum(atStart) * -roomChange);
            if (KeptRoom(target, m, slot!.Value, pool) is { } kept) terms.Add(kept * roomChange);
        }

        return LinearExpr.Sum(terms) + constant;
    }

    /// <summary>
    /// The objective of <paramref name="placements"/> in hundredths, as the model counts it at its best: a meeting at its
    /// published start keeps its room when its pool is the published room's own (which it is whenever that counts).
    /// </summary>
    public long ValueOf(IReadOnlyCollection<Placement> placements)
    {
        var at = placements.ToDictionary(p => p.Meeting);
        long value = problem.WeightOf(placements) * 100;
        foreach (var (m, slot, pool) in published)
        {
            if (!at.TryGetValue(m, out var p)) value -= drop;
            else if (p.Start != slot) value -= move;
            else if (p.Pool != pool) value -= roomChange;
        }

        return value;
    }

    /// <summary>The value <see cref="AddSearchObjectiveTo"/> gives <paramref name="placements"/> at its best.</summary>
    public long SearchValueOf(IReadOnlyCollection<Placement> placements)
    {
        long factor = TieBreakFactor;
        if (factor == 1) return ValueOf(placements);
        var at = placements.ToDictionary(p => p.Meeting);
        long kept = published.Count(p => at.TryGetValue(p.Meeting, out var x) && x.Start == p.Slot && x.Pool == p.Pool);
        return ValueOf(placements) * factor + kept;
    }

    /// <summary>The objective of placements whose room read-back is given by <paramref name="changes"/>, in hundredths.</summary>
    public static long ValueOf(long weight, ScheduleChanges changes, ReplanSettings settings) =>
        weight * 100 - ReplanSettings.Hundredths(settings.MoveCost) * changes.Moved.Length
        - ReplanSettings.Hundredths(settings.RoomChangeCost) * changes.RoomChanged.Length
        - ReplanSettings.Hundredths(settings.DropCost) * changes.Dropped.Length;

    private List<LinearExpr> AtStart(int m, int? slot)
    {
        var result = new List<LinearExpr>();
        if (slot is not int s) return result;
        var options = Model.Meetings[m].Options;
        for (int k = 0; k < options.Length; k++)
            if (options[k].Start == s) result.Add(Model.X[m][k]);
        return result;
    }

    /// <summary>A literal at most "at the published start in the published room's pool"; null when that cannot be.</summary>
    private BoolVar? KeptRoom(CpModel target, int m, int slot, int? pool)
    {
        if (pool is not int p) return null;
        var mo = Model.Meetings[m];
        var inPool = Enumerable.Range(0, mo.Options.Length)
            .Where(k => mo.Options[k].Start == slot && mo.Groups[mo.Options[k].Group].Pools.Contains(p))
            .Select(k => (LinearExpr)Model.X[m][k]).ToList();
        if (inPool.Count == 0) return null;
        var kept = target.NewBoolVar($"kept_room_{m}");
        target.Add(kept <= LinearExpr.Sum(inPool));
        if (Model.PoolChoice.TryGetValue((m, p), out var chosen)) target.AddImplication(kept, chosen);
        return kept;
    }

    private SchedulingModel Model => model ?? throw new InvalidOperationException("This objective was made without a model: it has no search objective.");

    private static ImmutableArray<(int, int?, int?)> Locate(SchedulingProblem problem, ImmutableArray<Assignment> assignments)
    {
        var index = problem.Meetings.ToDictionary(m => m.Meeting.Id, m => m.Index, StringComparer.Ordinal);
        var poolOfRoom = problem.Pools.SelectMany(p => p.Rooms.Select(r => (r.Id, p.Index))).ToDictionary(x => x.Id, x => x.Index, StringComparer.Ordinal);
        return assignments.Select(a => (index[a.Meeting], problem.Grid.SlotStartingAt(a.Start),
            poolOfRoom.TryGetValue(a.Room, out var pool) ? pool : (int?)null)).ToImmutableArray();
    }
}
