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
        if (clock.Exhausted || !Supports(problem)) return schedule;
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
        // Moving meetings can free a time that a meeting left out fits: it goes in, since weight comes first.
        var filled = WeightLocalSearch.Fill(problem, result.Placements);
        ctx.Board.Gaps(problem.WeightOf(filled), problem.IdleGapsOf(filled), floor);
        return filled;
    }

    /// <summary>
    /// More weight for <paramref name="schedule"/> (valid) within <paramref name="share"/> of the budget left, by
    /// insertions with ejection. Returns the heavier schedule.
    /// </summary>
    public static IReadOnlyList<Placement> Heavier(SchedulingProblem problem, SolveContext ctx, IReadOnlyList<Placement> schedule, double share)
    {
        var clock = ctx.Clock;
        if (clock.Exhausted || !Supports(problem)) return schedule;
        var (wall, deterministic) = clock.Slice(share);
        long moves = (long)((deterministic ?? wall) * WeightLocalSearch.MovesPerSecond);
        if (moves < 1000) return schedule;
        var watch = Stopwatch.StartNew();
        Func<bool> stop = clock.Deterministic
            ? () => clock.Cancelled || clock.WallRemaining <= 0
            : () => clock.Cancelled || watch.Elapsed.TotalSeconds >= wall;
        var result = WeightLocalSearch.Improve(problem, schedule, moves, problem.WeightCeiling, ctx.Options.Seed, stop);
        clock.Charge((double)result.Moves / WeightLocalSearch.MovesPerSecond);
        ctx.Board.Weight(problem.WeightOf(result.Placements));
        return result.Placements;
    }

    /// <summary>
    /// The walks check every rule that links meetings except interpreters (a shared resource they do not track);
    /// an event with interpreters is left to CP-SAT.
    /// </summary>
    public static bool Supports(SchedulingProblem problem) => problem.Event.Interpreters.IsEmpty;
}
