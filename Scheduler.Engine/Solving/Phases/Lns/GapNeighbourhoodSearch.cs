using Google.OrTools.Sat;
using Scheduler.Engine.Solving.Search;

namespace Scheduler.Engine.Solving.Phases.Lns;

/// <summary>
/// Fewer idle gaps by neighbourhoods that fit B2B events: on the whole model (every rule, the spread cap and the
/// redundant gap constraints included), every meeting outside a neighbourhood is fixed where the incumbent has it, and
/// CP-SAT minimises the gaps of what is left with "no more gaps than now" as the objective's domain. A neighbourhood
/// frees every meeting of a participant who has a gap and of the people they meet, or every meeting of a few
/// consecutive slots (a window drawn around someone's gap or anywhere). Each step runs two neighbourhoods side by side,
/// one worker each, and keeps the better (the first on ties), so a deterministic run depends only on the event, seed and
/// budget. The model is built once; each step only narrows the freed meetings' domains on a copy of its proto.
/// </summary>
internal sealed class GapNeighbourhoodSearch
{
    /// <summary>The longest one sub-search may take, in deterministic seconds (or wall seconds).</summary>
    internal const double SubSearchLimit = 0.25;

    /// <summary>Deterministic seconds charged per step for the work outside CP-SAT (copying and sending the model).</summary>
    private const double StepWork = 0.01;

    internal static readonly bool Debug = Environment.GetEnvironmentVariable("SCHED_DEBUG") == "1";
    private const int InitialPeople = 24;
    private const int InitialWidth = 3;

    private readonly SchedulingModel sm;
    private readonly SolveContext ctx;
    private readonly CpModel model;
    private readonly long floor;
    private readonly Random random;
    private readonly List<int>[] meetingsOf;
    private readonly int[] choiceIndex;
    private long[] current;
    private List<Placement> placements;
    private int currentGaps;
    private int peopleSize = InitialPeople;
    private int width = InitialWidth;

    private GapNeighbourhoodSearch(SchedulingModel sm, SolveContext ctx, CpModel model, long[] values, long floor)
    {
        this.sm = sm;
        this.ctx = ctx;
        this.model = model;
        this.floor = floor;
        current = values;
        random = new Random(ctx.Options.Seed);
        meetingsOf = new List<int>[sm.Event.Participants.Length];
        for (int p = 0; p < meetingsOf.Length; p++) meetingsOf[p] = new List<int>();
        foreach (var m in sm.Meetings)
            if (!m.Options.IsEmpty)
                foreach (int p in m.Participants) meetingsOf[p].Add(m.Index);
        choiceIndex = sm.X.SelectMany(x => x).Select(v => v.GetIndex()).ToArray();
        placements = ReadBack.Placements(sm, v => current[v.GetIndex()] != 0);
        currentGaps = sm.Problem.IdleGapsOf(placements);
    }

    /// <summary>Steps taken so far.</summary>
    public int Steps { get; private set; }

    /// <summary>
    /// Improves <paramref name="start"/> (a valid schedule) within <paramref name="share"/> of the budget left, stopping
    /// at <paramref name="floor"/> (a proven lower bound); returns a schedule with no more gaps than the start.
    /// </summary>
    public static IReadOnlyList<Placement> Improve(SchedulingModel sm, SolveContext ctx, IReadOnlyList<Placement> start, long floor, double share) =>
        Create(sm, ctx, start, floor)?.Run(share) ?? start;

    /// <summary>The search from <paramref name="start"/>; null when the start cannot be completed to the whole model.</summary>
    internal static GapNeighbourhoodSearch? Create(SchedulingModel sm, SolveContext ctx, IReadOnlyList<Placement> start, long floor)
    {
        if (ctx.Clock.Exhausted || start.Count < 2) return null;
        var (model, gaps) = sm.ForkWithIdleGaps();
        model.Minimize(gaps);
        if (model.Model.Objective is not { Offset: 0 } objective || objective.ScalingFactor is not (0 or 1)) return null;
        ctx.Hint(model, sm, start);
        var hint = model.Model.SolutionHint;
        int n = model.Model.Variables.Count;
        if (hint is null || hint.Vars.Count != n) return null;
        var values = new long[n];
        for (int i = 0; i < n; i++) values[hint.Vars[i]] = hint.Values[i];
        var search = new GapNeighbourhoodSearch(sm, ctx, model, values, floor);
        // The completion must be the start itself: the hint is only complete when the start keeps every rule.
        return search.currentGaps == sm.Problem.IdleGapsOf(start) ? search : null;
    }

    /// <summary>Searches neighbourhoods until <paramref name="share"/> of the budget left is used or the floor is reached.</summary>
    public IReadOnlyList<Placement> Run(double share)
    {
        var clock = ctx.Clock;
        double startRemaining = clock.Remaining;
        double budget = startRemaining * share;
        int lanes = Math.Max(1, Math.Min(2, ctx.Options.Workers));
        var copies = Enumerable.Range(0, lanes).Select(_ =>
        {
            var copy = new CpModel();
            copy.Model.MergeFrom(model.Model.Clone());
            return copy;
        }).ToArray();
        while (!clock.Exhausted && currentGaps > floor)
        {
            double left = budget - (startRemaining - clock.Remaining);
            if (left < SearchClock.MinimumSearch) break;
            double limit = Math.Min(SubSearchLimit, left);
            var hoods = Enumerable.Range(0, lanes).Select(lane => Next(lane)).ToArray();
            var results = new (CpSolverStatus Status, long[]? Values, double Work)[lanes];
            var tasks = Enumerable.Range(1, lanes - 1)
                .Select(lane => Task.Factory.StartNew(() => results[lane] = Solve(copies[lane], hoods[lane].Free, limit, lane),
                    CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default))
                .ToList();
            results[0] = Solve(copies[0], hoods[0].Free, limit, 0);
            foreach (var t in tasks) t.GetAwaiter().GetResult();
            clock.Charge(results.Max(r => r.Work) + StepWork);
            Steps++;
            int bestLane = -1;
            long bestGaps = currentGaps;
            for (int lane = 0; lane < lanes; lane++)
            {
                var (status, values, _) = results[lane];
                // Grow a kind of neighbourhood while CP-SAT settles it, shrink it when it cannot.
                Adapt(hoods[lane].People, status == CpSolverStatus.Optimal);
                if (values is null) continue;
                long g = Gaps(values);
                if (g < bestGaps || (g == bestGaps && bestLane < 0)) (bestLane, bestGaps) = (lane, g);
            }
            if (Debug) Console.Error.WriteLine($"step {Steps} cur {currentGaps} " + string.Join(" | ", Enumerable.Range(0, lanes).Select(l => $"{(hoods[l].People ? "P" : "W")}{hoods[l].Free.Count} {results[l].Status} {(results[l].Values is null ? -1 : Gaps(results[l].Values!))} {results[l].Work:0.000}")) + $" ppl {peopleSize} w {width}");
            if (bestLane < 0) continue;
            var next = results[bestLane].Values!;
            var nextPlacements = ReadBack.Placements(sm, v => next[v.GetIndex()] != 0);
            int nextGaps = sm.Problem.IdleGapsOf(nextPlacements);
            if (nextGaps > currentGaps) continue;
            bool better = nextGaps < currentGaps;
            current = next;
            placements = nextPlacements;
            currentGaps = nextGaps;
            if (better) ctx.Board.Gaps(sm.WeightCeiling, currentGaps, (int)floor);
        }
        return placements;
    }

    /// <summary>The objective (a sum of literals with coefficients) evaluated on <paramref name="values"/>.</summary>
    private long Gaps(long[] values)
    {
        var obj = model.Model.Objective;
        long total = 0;
        for (int i = 0; i < obj.Vars.Count; i++)
        {
            int v = obj.Vars[i];
            long value = v >= 0 ? values[v] : 1 - values[-v - 1];
            total += obj.Coeffs[i] * value;
        }
        return total;
    }

    private void Adapt(bool people, bool settled)
    {
        if (people) peopleSize = settled ? Math.Min(200, peopleSize + Math.Max(2, peopleSize / 5)) : Math.Max(8, peopleSize * 3 / 4);
        else width = settled ? Math.Min(sm.Grid.SlotCount, width + 1) : Math.Max(2, width - 1);
    }

    /// <summary>The next neighbourhood for a lane: lane 0 frees people, the other a window; each draws from the one seeded sequence.</summary>
    private (HashSet<int> Free, bool People) Next(int lane)
    {
        var perPerson = ReadBack.IdleGapsPerParticipant(sm.Grid, sm.Meetings, placements);
        bool people = lane == 0 ? Steps % 3 != 2 : Steps % 3 == 2;
        return people ? (People(perPerson), true) : (Window(perPerson), false);
    }

    /// <summary>A participant with gaps (drawn by their gaps), their meetings, then those of the people they meet, breadth first.</summary>
    private HashSet<int> People(Dictionary<int, int> perPerson)
    {
        var free = new HashSet<int>();
        var queue = new Queue<int>();
        var seen = new HashSet<int>();
        queue.Enqueue(Gappy(perPerson));
        while (queue.Count > 0 && free.Count < peopleSize)
        {
            int person = queue.Dequeue();
            if (!seen.Add(person)) continue;
            foreach (int i in meetingsOf[person].OrderBy(_ => random.Next()).ToList())
            {
                if (free.Count >= peopleSize) break;
                if (!free.Add(i)) continue;
                foreach (int other in sm.Meetings[i].Participants)
                    if (!seen.Contains(other)) queue.Enqueue(other);
            }
            // The people with gaps among those met come first: their days are what can improve.
            if (queue.Count > 1)
            {
                var ordered = queue.OrderByDescending(q => perPerson.GetValueOrDefault(q)).ThenBy(_ => random.Next()).ToList();
                queue = new Queue<int>(ordered);
            }
        }
        return free;
    }

    /// <summary>Every placed meeting that starts within a few consecutive slots: around a gappy participant's gap half the time.</summary>
    private HashSet<int> Window(Dictionary<int, int> perPerson)
    {
        var grid = sm.Grid;
        int first;
        if (random.Next(2) == 0)
        {
            int person = Gappy(perPerson);
            var starts = placements.Where(p => sm.Meetings[p.Meeting].Participants.Contains(person)).Select(p => p.Start).ToList();
            int anchor = starts.Count == 0 ? random.Next(grid.SlotCount) : starts[random.Next(starts.Count)];
            first = anchor - random.Next(width);
        }
        else first = random.Next(grid.SlotCount);
        first = Math.Clamp(first, 0, Math.Max(0, grid.SlotCount - width));
        int end = first + width;
        return placements.Where(p => p.Start < end && p.Start + p.Length > first).Select(p => p.Meeting).ToHashSet();
    }

    /// <summary>A participant drawn with probability proportional to their gaps (anyone when nobody has one).</summary>
    private int Gappy(Dictionary<int, int> perPerson)
    {
        long total = perPerson.Values.Sum(g => (long)g * g);
        if (total == 0) return sm.Meetings[placements[random.Next(placements.Count)].Meeting].Participants[0];
        long pick = (long)(random.NextDouble() * total);
        foreach (var (person, g) in perPerson.OrderBy(kv => kv.Key))
        {
            pick -= (long)g * g;
            if (pick < 0 && g > 0) return person;
        }
        return perPerson.Where(kv => kv.Value > 0).Max(kv => kv.Key);
    }

    /// <summary>One sub-search on <paramref name="copy"/> (a copy of the model): the freed meetings' choices open, the rest fixed.</summary>
    private (CpSolverStatus, long[]?, double) Solve(CpModel copy, HashSet<int> free, double limit, int lane)
    {
        var proto = copy.Model;
        var vars = proto.Variables;
        foreach (var m in sm.Meetings)
        {
            bool open = free.Contains(m.Index);
            foreach (var x in sm.X[m.Index])
            {
                int i = x.GetIndex();
                var domain = vars[i].Domain;
                domain.Clear();
                if (open) { domain.Add(0); domain.Add(1); }
                else { domain.Add(current[i]); domain.Add(current[i]); }
            }
        }
        var objective = proto.Objective;
        objective.Domain.Clear();
        objective.Domain.Add(floor);
        objective.Domain.Add(currentGaps);
        var hint = new PartialVariableAssignment();
        for (int i = 0; i < current.Length; i++)
        {
            hint.Vars.Add(i);
            hint.Values.Add(current[i]);
        }
        proto.SolutionHint = hint;
        var (wall, deterministic) = ctx.Clock.Slice(1.0, limit);
        var settings = ctx.Settings(sm) with
        {
            Workers = 1,
            InterleaveSearch = false,
            Seed = ctx.Options.Seed + Steps * 2 + lane,
            // A deterministic run is limited by work alone; a wall-clock one by the slice.
            MaxSeconds = deterministic is null ? Math.Min(wall, limit) : wall,
            MaxDeterministicSeconds = deterministic,
            Presolve = true,
            ProbingLevel = 0,
            Log = false,
        };
        var solver = new CpSolver { StringParameters = settings.Render() };
        CpSolverStatus status;
        using (ctx.Clock.Cancellation.Register(solver.StopSearch))
            status = solver.Solve(copy);
        double work = solver.Response?.DeterministicTime ?? 0;
        if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible)) return (status, null, work);
        return (status, solver.Response!.Solution.ToArray(), work);
    }
}
