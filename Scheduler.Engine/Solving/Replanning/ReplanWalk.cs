using System.Diagnostics;
using Scheduler.Engine.Solving.Phases;
using Scheduler.Engine.Solving.Phases.Local;

namespace Scheduler.Engine.Solving;

/// <summary>
/// The replan's walk as a phase: <see cref="ReplanLocalSearch"/> from <see cref="ReplanStart"/>'s schedule, one walker
/// per worker with its own seed, the best kept (ties to the lowest walker), on a move budget from the clock's unit so
/// deterministic runs depend only on it; stopped early by the replanning LP's bound (<see cref="ReplanBoundInBackground.Ceiling"/>).
/// The same orchestration as <see cref="LocalPhase"/>'s walks, with the replanning objective as the score.
/// </summary>
internal static class ReplanWalk
{
    /// <summary>
    /// The best schedule the walkers find from <paramref name="start"/> (valid) within <paramref name="share"/> of the
    /// budget left; <paramref name="start"/> itself when the budget is too small to walk.
    /// </summary>
    public static IReadOnlyList<Placement> Run(SchedulingProblem problem, ReplanValues values, SolveContext ctx, IReadOnlyList<Placement> start,
        double share, ReplanBoundInBackground bound, long ceiling)
    {
        var clock = ctx.Clock;
        if (clock.Exhausted || values.ValueOf(start) >= ceiling) return start;
        var (wall, deterministic) = clock.Slice(share);
        long moves = (long)((deterministic ?? wall) * WeightLocalSearch.MovesPerSecond);
        if (moves < 1000) return start;
        var watch = Stopwatch.StartNew();
        // A wall-clock run stops every walker once one has met the bound; a deterministic one lets each run its own
        // course, so which schedule is kept and what is charged never depend on which walker got there first.
        int met = 0;
        Func<bool> stop = clock.Deterministic
            ? () => clock.Cancelled || clock.WallRemaining <= 0
            : () => clock.Cancelled || watch.Elapsed.TotalSeconds >= wall || Volatile.Read(ref met) != 0;
        Func<double> elapsed = clock.Deterministic ? () => 0 : () => watch.Elapsed.TotalSeconds / wall;
        LocalResult Walker(int w)
        {
            var live = bound.Ceiling();
            var result = ReplanLocalSearch.Improve(problem, values, start, moves, ceiling, ctx.Options.Seed + w, stop, live, elapsed);
            long value = values.ValueOf(result.Placements);
            if (!clock.Deterministic && (value >= ceiling || value >= live())) Volatile.Write(ref met, 1);
            return result;
        }
        int walkers = Math.Max(1, ctx.Options.Workers);
        var others = Enumerable.Range(1, walkers - 1)
            .Select(w => Task.Factory.StartNew(() => Walker(w), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default))
            .ToList();
        var results = new List<LocalResult> { Walker(0) };
        results.AddRange(others.Select(t => t.GetAwaiter().GetResult()));
        var best = results[0];
        foreach (var r in results.Skip(1))
            if (values.ValueOf(r.Placements) > values.ValueOf(best.Placements)) best = r;
        clock.Charge((double)results.Max(r => r.Moves) / WeightLocalSearch.MovesPerSecond);
        ctx.Board.Weight(problem.WeightOf(best.Placements));
        return best.Placements;
    }
}
