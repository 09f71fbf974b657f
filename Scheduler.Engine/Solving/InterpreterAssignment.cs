using System.Collections.Immutable;
using Google.OrTools.Sat;
using NodaTime;

namespace Scheduler.Engine.Solving;

/// <summary>
/// Names the concrete interpreters of a schedule once its times and rooms are fixed: every pinned interpreter, and for
/// each other meeting that needs one, one interpreter who covers it and is free then, no interpreter in two meetings
/// at once, short of the travel time between buildings, or over their daily minutes. The model (or first fit) has
/// already proved such a choice exists, so this small problem of one literal per (meeting, interpreter) is solved
/// exactly by CP-SAT on one worker, deterministically; the interval graph per interpreter makes it easy.
/// </summary>
internal static class InterpreterAssignment
{
    /// <summary>Seconds the exact assignment may take; it takes milliseconds on the sample (a safety net, never a budget).</summary>
    private const double LimitSeconds = 20;

    /// <summary>
    /// Interpreter positions per placed meeting that has any, and the placements none could be found for (empty unless
    /// the search that produced the placements was wrong; the caller leaves those out so the schedule stays valid).
    /// </summary>
    public static (Dictionary<int, ImmutableArray<int>> Chosen, List<Placement> Left) Assign(SchedulingProblem problem, IReadOnlyList<Placement> placements)
    {
        var rules = problem.Rules;
        var needing = placements.Where(p => rules.UsesInterpreter(p.Meeting)).OrderBy(p => p.Start).ThenBy(p => p.Meeting).ToList();
        var chosen = new Dictionary<int, ImmutableArray<int>>();
        if (needing.Count == 0) return (chosen, []);

        var model = new CpModel();
        var truth = model.TrueLiteral();
        var byInterpreter = new Dictionary<int, List<(Placement P, ILiteral L)>>();
        var literals = new Dictionary<(int Meeting, int Interpreter), BoolVar>();
        foreach (var p in needing)
        {
            var who = rules.InterpretersFor(p.Meeting);
            if (rules.PinsInterpreters(p.Meeting))
            {
                foreach (int i in who) Use(byInterpreter, i, p, truth);
                continue;
            }

            var options = who.Where(i => rules.InterpreterFreeOver(i, p.Meeting, p.Start)).ToList();
            foreach (int i in options)
            {
                var a = literals[(p.Meeting, i)] = model.NewBoolVar($"a_{p.Meeting}_{i}");
                Use(byInterpreter, i, p, a);
            }

            model.AddExactlyOne(options.Select(i => literals[(p.Meeting, i)]));
        }

        foreach (var (i, used) in byInterpreter.OrderBy(kv => kv.Key)) Separate(problem, i, used, model);

        var solver = new CpSolver { StringParameters = $"num_workers:1,random_seed:0,max_time_in_seconds:{LimitSeconds}" };
        var status = solver.Solve(model);
        if (status is CpSolverStatus.Optimal or CpSolverStatus.Feasible)
        {
            foreach (var p in needing)
            {
                chosen[p.Meeting] = rules.PinsInterpreters(p.Meeting)
                    ? rules.InterpretersFor(p.Meeting)
                    : [.. rules.InterpretersFor(p.Meeting).Where(i => literals.TryGetValue((p.Meeting, i), out var a) && solver.BooleanValue(a))];
            }

            return (chosen, []);
        }

        return Greedy(problem, needing);
    }

    private static void Use(Dictionary<int, List<(Placement, ILiteral)>> byInterpreter, int interpreter, Placement p, ILiteral literal)
    {
        if (!byInterpreter.TryGetValue(interpreter, out var list)) byInterpreter[interpreter] = list = [];
        list.Add((p, literal));
    }

    /// <summary>No two of one interpreter's meetings overlap or come closer than the travel time; their minutes per day stay within the limit.</summary>
    private static void Separate(SchedulingProblem problem, int interpreter, List<(Placement P, ILiteral L)> used, CpModel model)
    {
        for (int a = 0; a < used.Count; a++)
            for (int b = a + 1; b < used.Count; b++)
                if (Clash(problem, used[a].P, used[b].P)) model.AddBoolOr([used[a].L.Not(), used[b].L.Not()]);
        if (problem.Event.Interpreters[interpreter].MaxMinutesPerDay is not int max) return;
        foreach (var day in used.GroupBy(u => problem.Grid.DayOf(u.P.Start)))
        {
            var terms = day.Select(u => LinearExpr.Term(u.L, (long)problem.Event.Meetings[u.P.Meeting].Duration.TotalMinutes));
            model.Add(LinearExpr.Sum(terms) <= max);
        }
    }

    /// <summary>True when one interpreter cannot be in both: they overlap, or lie in buildings further apart than the time between them.</summary>
    internal static bool Clash(SchedulingProblem problem, Placement a, Placement b)
    {
        var (startA, endA) = Span(problem, a);
        var (startB, endB) = Span(problem, b);
        var travel = problem.Event.TravelTime(problem.Pools[a.Pool].Building, problem.Pools[b.Pool].Building);
        return startA < endB + travel && startB < endA + travel;
    }

    private static (Instant Start, Instant End) Span(SchedulingProblem problem, Placement p)
    {
        var start = problem.Grid.SlotStart(p.Start);
        return (start, start + problem.Event.Meetings[p.Meeting].Duration);
    }

    /// <summary>The safety net: by start time, the first free interpreter; a meeting that gets none is handed back.</summary>
    private static (Dictionary<int, ImmutableArray<int>>, List<Placement>) Greedy(SchedulingProblem problem, List<Placement> needing)
    {
        var rules = problem.Rules;
        var chosen = new Dictionary<int, ImmutableArray<int>>();
        var left = new List<Placement>();
        var taken = new Dictionary<int, List<Placement>>();
        bool Free(int i, Placement p)
        {
            var mine = taken.GetValueOrDefault(i) ?? [];
            if (mine.Any(q => Clash(problem, p, q))) return false;
            if (problem.Event.Interpreters[i].MaxMinutesPerDay is not int max) return true;
            long minutes = mine.Where(q => problem.Grid.DayOf(q.Start) == problem.Grid.DayOf(p.Start))
                .Sum(q => (long)problem.Event.Meetings[q.Meeting].Duration.TotalMinutes);
            return minutes + (long)problem.Event.Meetings[p.Meeting].Duration.TotalMinutes <= max;
        }

        foreach (var p in needing)
        {
            var who = rules.InterpretersFor(p.Meeting).Where(i => rules.InterpreterFreeOver(i, p.Meeting, p.Start)).ToList();
            ImmutableArray<int> pick = rules.PinsInterpreters(p.Meeting)
                ? (who.Count == rules.InterpretersFor(p.Meeting).Length && who.All(i => Free(i, p)) ? [.. who] : [])
                : [.. who.Where(i => Free(i, p)).Take(1)];
            if (pick.IsEmpty)
            {
                left.Add(p);
                continue;
            }

            foreach (int i in pick)
            {
                if (!taken.TryGetValue(i, out var list)) taken[i] = list = [];
                list.Add(p);
            }

            chosen[p.Meeting] = pick;
        }

        return (chosen, left);
    }
}
