using System.Diagnostics;
using NodaTime;
using Scheduler.Engine.Solving.Bounds;

namespace Scheduler.Engine.Solving;

/// <summary>
/// The LP relaxation of the weight model (<see cref="LpRows"/>) with the replanning objective instead of the weight:
/// its dual gives an upper bound on the objective. It is far tighter than the weight bound times 100 (sample, a host
/// away for a day: 1,149 against 1,172 for a replan of 1,132), since placing more weight there needs moves, which the
/// objective charges and the weight does not.
/// </summary>
internal sealed class ReplanLp
{
    /// <summary>Relative slack added before rounding the dual value down, so floating error can only loosen the bound.</summary>
    private const double Tolerance = 1e-7;

    private ReplanLp(long bound, double seconds)
    {
        Bound = bound;
        Seconds = seconds;
    }

    /// <summary>A proven upper bound on the replanning objective, in hundredths, on the objective's own lattice.</summary>
    public long Bound { get; }

    /// <summary>Wall-clock seconds to build and solve.</summary>
    public double Seconds { get; }

    /// <summary>
    /// Solves the relaxation of <paramref name="objective"/>'s problem within <paramref name="limit"/>; null when the LP
    /// gave no bound (timed out, cancelled, failed, or infeasible, which the search then finds out itself).
    /// </summary>
    public static ReplanLp? Solve(ReplanObjective objective, SchedulingProblem problem, Duration limit, CancellationToken cancellationToken, string solverId = "PDLP",
        LpRowFamilies? families = null)
    {
        var clock = Stopwatch.StartNew();
        LpRows lp;
        try
        {
            lp = LpRows.Build(problem.Event, problem.Grid, problem.Pools, problem.Meetings, requiredAreHard: true, families ?? new LpRowFamilies(), cancellationToken, problem.Rules);
        }
        catch (OperationCanceledException)
        {
            return null;
        }

        if (lp.Infeasible) return null;
        var c = new double[lp.ColumnCount];
        long lattice = 0;
        foreach (var m in problem.Meetings)
            for (int k = 0; k < m.Options.Length; k++)
            {
                long coefficient = objective.Coefficient(m.Index, m.Options[k]);
                c[lp.Offsets[m.Index] + k] = coefficient;
                lattice = Gcd(lattice, Math.Abs(coefficient));
            }

        var solution = LpBound.SolveRows(lp, c, clock, limit, solverId, cancellationToken);
        if (solution.Duals is not { } duals) return null;
        double value = objective.Constant + LpBound.DualBound(lp, c, duals);
        // Every schedule's value is the constant plus a sum of whole coefficients, so it lies on their lattice.
        double steps = (value - objective.Constant) / Math.Max(1, lattice);
        long bound = objective.Constant + Math.Max(1, lattice) * (long)Math.Floor(steps + Tolerance * Math.Max(1, Math.Abs(steps)));
        return new ReplanLp(Math.Min(bound, objective.Ceiling), clock.Elapsed.TotalSeconds);
    }

    private static long Gcd(long a, long b)
    {
        while (b != 0) (a, b) = (b, a % b);
        return a;
    }
}
