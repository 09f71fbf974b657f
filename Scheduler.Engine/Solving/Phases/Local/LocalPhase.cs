using System.Diagnostics;

namespace Scheduler.Engine.Solving.Phases.Local;

/// <summary>The local search as a phase of a solve: its share of the budget, its charge on the clock, its report.</summary>
internal static class LocalPhase
{
    /// <summary>
    /// Fewer idle gaps for <paramref name="schedule"/> (valid) within <paramref name="share"/> of the budget left;
    /// stops at <paramref name="floor"/>; cools by its deadline when <paramref name="coolByDeadline"/> (see <see cref="Heavier"/>). Then
    /// meetings left out that now fit go in. Returns the better schedule.
    /// </summary>
    public static IReadOnlyList<Placement> Polish(SchedulingProblem problem, SolveContext ctx, IReadOnlyList<Placement> schedule,
        int floor, double share, bool coolByDeadline = false)
    {
        var result = Walk(problem, ctx, share, GapLocalSearch.MovesPerSecond, r => -r.IdleGaps,
            (walker, moves, stop, elapsed) => GapLocalSearch.Improve(problem, schedule, moves, floor, ctx.Options.Seed + walker, stop,
                coolByDeadline ? elapsed : null));
        if (result is null) return schedule;
        // Moving meetings can free a time that a meeting left out fits: it goes in, since weight comes first.
        var filled = WeightLocalSearch.Fill(problem, result.Placements);
        ctx.Board.Gaps(problem.WeightOf(filled), problem.IdleGapsOf(filled), floor);
        return filled;
    }

    /// <summary>
    /// More weight for <paramref name="schedule"/> (valid) within <paramref name="share"/> of the budget left, by
    /// insertions with ejection; it stops early at the LP bound of <paramref name="bound"/> (which may arrive while it
    /// runs, see <see cref="BoundInBackground.Ceiling"/>). With <paramref name="coolByDeadline"/> a wall-clock walk cools
    /// by its deadline when the machine is too busy for its moves (its schedule then depends on the load, as a
    /// neighbourhood search's does anyway); without, only the moves count, so a wall-clock solve that ends before its
    /// limit gives the same schedule every time. Returns the heavier schedule.
    /// </summary>
    public static IReadOnlyList<Placement> Heavier(SchedulingProblem problem, SolveContext ctx, IReadOnlyList<Placement> schedule, double share,
        BoundInBackground? bound = null, bool coolByDeadline = false)
    {
        var result = Walk(problem, ctx, share, WeightLocalSearch.MovesPerSecond, r => problem.WeightOf(r.Placements),
            (walker, moves, stop, elapsed) => WeightLocalSearch.Improve(problem, schedule, moves, problem.WeightCeiling, ctx.Options.Seed + walker,
                stop, bound?.Ceiling(), coolByDeadline ? elapsed : null));
        if (result is null) return schedule;
        ctx.Board.Weight(problem.WeightOf(result.Placements));
        return result.Placements;
    }

    /// <summary>
    /// Runs a walk on its share of the budget: a move budget from the clock's unit (so deterministic runs depend only
    /// on it), a wall-clock stop only in wall-clock runs, and the moves made charged back. The run is also told the
    /// share of its wall time gone (always 0 in deterministic runs), so a walk slowed by a busy machine can still
    /// finish its schedule by the time it must stop. One walk per worker, each with its own seed, on its own core:
    /// annealing runs differ by seed by several units of weight on the conference, and the best of them is kept (by
    /// <paramref name="score"/>, higher is better; the lowest walker on ties, so the choice is reproducible). Null
    /// when it cannot run.
    /// </summary>
    private static LocalResult? Walk(SchedulingProblem problem, SolveContext ctx, double share, long movesPerSecond,
        Func<LocalResult, long> score, Func<int, long, Func<bool>, Func<double>, LocalResult> run)
    {
        var clock = ctx.Clock;
        if (clock.Exhausted) return null;
        var (wall, deterministic) = clock.Slice(share);
        long moves = (long)((deterministic ?? wall) * movesPerSecond);
        if (moves < 1000) return null;
        var watch = Stopwatch.StartNew();
        Func<bool> stop = clock.Deterministic
            ? () => clock.Cancelled || clock.WallRemaining <= 0
            : () => clock.Cancelled || watch.Elapsed.TotalSeconds >= wall;
        Func<double> elapsed = clock.Deterministic ? () => 0 : () => watch.Elapsed.TotalSeconds / wall;
        int walkers = Math.Max(1, ctx.Options.Workers);
        var others = Enumerable.Range(1, walkers - 1)
            .Select(w => Task.Factory.StartNew(() => run(w, moves, stop, elapsed), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default))
            .ToList();
        var results = new List<LocalResult> { run(0, moves, stop, elapsed) };
        results.AddRange(others.Select(t => t.GetAwaiter().GetResult()));
        var best = results[0];
        foreach (var r in results.Skip(1))
            if (score(r) > score(best)) best = r;
        // The walks ran side by side, as CP-SAT's workers do: the clock is charged for the longest, not their sum.
        clock.Charge((double)results.Max(r => r.Moves) / movesPerSecond);
        return best;
    }
}
