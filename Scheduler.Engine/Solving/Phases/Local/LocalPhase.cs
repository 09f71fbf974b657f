using System.Diagnostics;

namespace Scheduler.Engine.Solving.Phases.Local;

/// <summary>The local search as a phase of a solve: its share of the budget, its charge on the clock, its report.</summary>
internal static class LocalPhase
{
    /// <summary>
    /// Fewer idle gaps for <paramref name="schedule"/> (valid, of weight <paramref name="weight"/>) within
    /// <paramref name="share"/> of the budget left; stops at <paramref name="floor"/>. Returns the better schedule.
    /// </summary>
    public static IReadOnlyList<Placement> Polish(SchedulingProblem problem, SolveContext ctx, IReadOnlyList<Placement> schedule,
        long weight, int floor, double share)
    {
        var clock = ctx.Clock;
        if (clock.Exhausted) return schedule;
        var (wall, deterministic) = clock.Slice(share);
        double seconds = deterministic ?? wall;
        long moves = (long)(seconds * GapLocalSearch.MovesPerSecond);
        if (moves < 1000) return schedule;
        var watch = Stopwatch.StartNew();
        Func<bool> stop = clock.Deterministic
            ? () => clock.Cancelled || clock.WallRemaining <= 0
            : () => clock.Cancelled || watch.Elapsed.TotalSeconds >= wall;
        var result = GapLocalSearch.Improve(problem, schedule, moves, floor, ctx.Options.Seed, stop);
        clock.Charge((double)result.Moves / GapLocalSearch.MovesPerSecond);
        ctx.Board.Gaps(weight, result.IdleGaps, floor);
        return result.Placements;
    }
}
