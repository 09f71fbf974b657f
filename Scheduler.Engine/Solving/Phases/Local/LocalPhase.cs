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
        var result = Walk(problem, ctx, share, GapLocalSearch.MovesPerSecond,
            (moves, stop, elapsed) => GapLocalSearch.Improve(problem, schedule, moves, floor, ctx.Options.Seed, stop, coolByDeadline ? elapsed : null));
        if (result is null) return schedule;
        // Moving meetings can free a time that a meeting left out fits: it goes in, since weight comes first.
        var filled = WeightLocalSearch.Fill(problem, result.Placements);
        ctx.Board.Gaps(problem.WeightOf(filled), problem.IdleGapsOf(filled), floor);
        return filled;
    }

    /// <summary>
    /// More weight for <paramref name="schedule"/> (valid) within <paramref name="share"/> of the budget left, by
    /// insertions with ejection; it stops early at <paramref name="ceiling"/> (a bound that may arrive while it runs,
    /// see <see cref="BoundInBackground.Ceiling"/>). With <paramref name="coolByDeadline"/> a wall-clock walk cools
    /// by its deadline when the machine is too busy for its moves (its schedule then depends on the load, as a
    /// neighbourhood search's does anyway); without, only the moves count, so a wall-clock solve that ends before its
    /// limit gives the same schedule every time. Returns the heavier schedule.
    /// </summary>
    public static IReadOnlyList<Placement> Heavier(SchedulingProblem problem, SolveContext ctx, IReadOnlyList<Placement> schedule, double share,
        Func<long>? ceiling = null, bool coolByDeadline = false)
    {
        var result = Walk(problem, ctx, share, WeightLocalSearch.MovesPerSecond,
            (moves, stop, elapsed) => WeightLocalSearch.Improve(problem, schedule, moves, problem.WeightCeiling, ctx.Options.Seed, stop, ceiling,
                coolByDeadline ? elapsed : null));
        if (result is null) return schedule;
        ctx.Board.Weight(problem.WeightOf(result.Placements));
        return result.Placements;
    }

    /// <summary>
    /// Runs a walk on its share of the budget: a move budget from the clock's unit (so deterministic runs depend only
    /// on it), a wall-clock stop only in wall-clock runs, and the moves made charged back. The run is also told the
    /// share of its wall time gone (always 0 in deterministic runs), so a walk slowed by a busy machine can still
    /// finish its schedule by the time it must stop. Null when it cannot run.
    /// </summary>
    private static LocalResult? Walk(SchedulingProblem problem, SolveContext ctx, double share, long movesPerSecond,
        Func<long, Func<bool>, Func<double>, LocalResult> run)
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
        var result = run(moves, stop, elapsed);
        clock.Charge((double)result.Moves / movesPerSecond);
        return result;
    }
}
