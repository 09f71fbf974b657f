using System.Collections.Immutable;
using System.Diagnostics;
using Google.OrTools.LinearSolver;
using NodaTime;
using Scheduler.Engine.Domain;
using Scheduler.Engine.Rules;
using Scheduler.Engine.Time;

namespace Scheduler.Engine.Solving.Bounds;

/// <summary>How an LP bound run ended.</summary>
internal enum LpBoundStatus
{
    /// <summary>The relaxation was solved; the bound is valid.</summary>
    Optimal,

    /// <summary>No schedule meets the hard rules (a required meeting has no option, or the relaxation is infeasible).</summary>
    Infeasible,

    /// <summary>The time limit ran out first; no bound.</summary>
    TimedOut,

    /// <summary>Cancelled; no bound.</summary>
    Cancelled,

    /// <summary>The LP solver failed or is missing; no bound.</summary>
    Failed,
}

/// <summary>What an LP bound run returns.</summary>
/// <param name="Status">How it ended.</param>
/// <param name="Bound">
/// An upper bound on the weight of every valid schedule (one that keeps the rules the relaxation models), or null
/// when the run gave none. Computed from the LP duals (weak duality), so it holds whatever the LP solver's tolerances.
/// </param>
/// <param name="Objective">The LP optimum as the solver reports it, or null.</param>
/// <param name="OptionValues">
/// x of each option, indexed like <see cref="MeetingOptions.Options"/> per meeting; empty without a solution. PDLP's
/// values are accurate to about 1e-5, so treat anything below 1e-4 as zero.
/// </param>
/// <param name="Seconds">Wall-clock seconds, building the rows included.</param>
/// <param name="Rows">Rows of the relaxation.</param>
/// <param name="Columns">Columns (options).</param>
/// <param name="NonZeros">Non-zero coefficients.</param>
internal sealed record LpBoundResult(LpBoundStatus Status, long? Bound, double? Objective,
    ImmutableArray<ImmutableArray<double>> OptionValues, double Seconds, int Rows, int Columns, long NonZeros);

/// <summary>
/// An upper bound on the scheduled weight from the LP relaxation of the time-indexed model, solved by an LP solver
/// that ships in OR-Tools (PDLP by default). Models a participant in one meeting per slot, Hall's condition on the
/// rooms per slot, the daily caps and forced required meetings; travel only when asked (<see cref="LpRowFamilies.Travel"/>);
/// <c>after</c> never. Every omission loosens the bound, none makes it invalid.
/// </summary>
internal static class LpBound
{
    /// <summary>Relative and absolute slack added before rounding the dual bound down to a whole weight.</summary>
    private const double Tolerance = 1e-6;

    /// <summary>
    /// Measured on the sample, the generated conference, the fair and a tight conference (docs/LP-BOUND.md): PDLP on one
    /// thread to a relative and absolute accuracy of 1e-5 is the fastest, and its rougher duals cost nothing in
    /// validity (see <see cref="DualBound(LpRows, double[], double[])"/>) and at most a unit of weight after rounding; a second thread did not pay
    /// with CP-SAT beside it. GLOP's presolve removed little from these rows and cost 10–25 % of its solve.
    /// </summary>
    private static readonly Dictionary<string, string> SolverParameters = new(StringComparer.Ordinal)
    {
        ["PDLP"] = "num_threads: 1 termination_criteria { simple_optimality_criteria { eps_optimal_relative: 1e-5 eps_optimal_absolute: 1e-5 } }",
        ["GLOP"] = "use_preprocessing: false",
    };

    /// <summary>
    /// Builds and solves the relaxation within <paramref name="timeLimit"/>. Cancellation interrupts the LP solver and
    /// returns <see cref="LpBoundStatus.Cancelled"/> with no bound.
    /// </summary>
    /// <param name="ev">The event.</param>
    /// <param name="grid">Its time grid.</param>
    /// <param name="pools">Its room pools.</param>
    /// <param name="meetings">Every meeting's candidate options; the LP has a column per option.</param>
    /// <param name="timeLimit">Wall-clock limit for building and solving.</param>
    /// <param name="requiredAreHard">When true, every required meeting must be scheduled (its row is an equality).</param>
    /// <param name="families">Optional row families (default: none).</param>
    /// <param name="solverId">
    /// An OR-Tools LinearSolver id. "PDLP" (default) was fastest and also solves the rows with travel, where GLOP stalls;
    /// "GLOP" solves exactly (simplex), 1.5–4 times slower here. HiGHS returns duals of the other sign through this wrapper, which the clamp in
    /// <see cref="DualBound(LpRows, double[], double[])"/> turns into the trivial bound; CLP ignored the time limit on the sample.
    /// </param>
    /// <param name="cancellationToken">Stops building or solving; the result then has no bound.</param>
    /// <param name="rules">The placement rules, for the interpreters' rows (<see cref="LpRows"/>); none without them.</param>
    /// <exception cref="ArgumentOutOfRangeException">The time limit is not positive.</exception>
    public static LpBoundResult Solve(Event ev, TimeGrid grid, ImmutableArray<RoomPool> pools, ImmutableArray<MeetingOptions> meetings,
        Duration timeLimit, bool requiredAreHard = true, LpRowFamilies? families = null, string solverId = "PDLP",
        CancellationToken cancellationToken = default, PlacementRules? rules = null) =>
        Solve(ev, grid, pools, meetings, timeLimit, requiredAreHard, families, solverId, cancellationToken, solveStarting: null, rules);

    // solveStarting runs once the rows are built and cancellation is wired to the LP solver, just before it starts,
    // so a test can cancel at that exact point instead of racing a timer.
    internal static LpBoundResult Solve(Event ev, TimeGrid grid, ImmutableArray<RoomPool> pools, ImmutableArray<MeetingOptions> meetings,
        Duration timeLimit, bool requiredAreHard, LpRowFamilies? families, string solverId,
        CancellationToken cancellationToken, Action? solveStarting, PlacementRules? rules = null)
    {
        ArgumentNullException.ThrowIfNull(ev);
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(solverId);
        if (timeLimit <= Duration.Zero) throw new ArgumentOutOfRangeException(nameof(timeLimit), timeLimit, "The time limit must be positive.");
        var clock = Stopwatch.StartNew();
        LpRows lp;
        try
        {
            lp = LpRows.Build(ev, grid, pools, meetings, requiredAreHard, families ?? new LpRowFamilies(), cancellationToken, rules);
        }
        catch (OperationCanceledException)
        {
            return Empty(LpBoundStatus.Cancelled, clock, 0, 0, 0);
        }
        long nonZeros = lp.Rows.Sum(r => (long)r.Columns.Length);
        if (lp.Infeasible) return Empty(LpBoundStatus.Infeasible, clock, lp.Rows.Count, lp.ColumnCount, nonZeros);

        var solution = SolveRows(lp, lp.Objective, clock, timeLimit, solverId, cancellationToken, solveStarting);
        if (solution.Duals is not { } duals) return Empty(solution.Status, clock, lp.Rows.Count, lp.ColumnCount, nonZeros);
        double dualBound = DualBound(lp, lp.Objective, duals);
        var values = ImmutableArray.CreateBuilder<ImmutableArray<double>>(meetings.Length);
        for (int m = 0; m < meetings.Length; m++)
        {
            var v = new double[meetings[m].Options.Length];
            Array.Copy(solution.Values!, lp.Offsets[m], v, 0, v.Length);
            values.Add(ImmutableArray.Create(v));
        }
        long ceiling = meetings.Sum(m => m.Options.IsEmpty ? 0 : m.Meeting.Weight);
        long bound = Math.Min(ceiling, (long)Math.Floor(dualBound + Tolerance * Math.Max(1, Math.Abs(dualBound))));
        return new LpBoundResult(LpBoundStatus.Optimal, bound, solution.Objective, values.MoveToImmutable(),
            clock.Elapsed.TotalSeconds, lp.Rows.Count, lp.ColumnCount, nonZeros);
    }

    /// <summary>
    /// Maximises <paramref name="objective"/> (a coefficient per column) over the rows of <paramref name="lp"/> and 0 ≤ x ≤ 1
    /// with the LP solver <paramref name="solverId"/>, within what <paramref name="timeLimit"/> leaves after
    /// <paramref name="clock"/>'s time. Duals, values and the objective come back only when the solver reports optimal.
    /// </summary>
    internal static LpSolution SolveRows(LpRows lp, double[] objective, Stopwatch clock, Duration timeLimit, string solverId,
        CancellationToken cancellationToken, Action? solveStarting = null)
    {
        using var solver = Solver.CreateSolver(solverId);
        if (solver is null) return new LpSolution(LpBoundStatus.Failed);
        if (SolverParameters.GetValueOrDefault(solverId) is { } parameters) solver.SetSolverSpecificParametersAsString(parameters);
        var x = new Variable[lp.ColumnCount];
        for (int c = 0; c < x.Length; c++) x[c] = solver.MakeNumVar(0, 1, "");
        var constraints = new Constraint[lp.Rows.Count];
        for (int r = 0; r < constraints.Length; r++)
        {
            var row = lp.Rows[r];
            var ct = solver.MakeConstraint(row.Lower, row.Upper, "");
            for (int i = 0; i < row.Columns.Length; i++) ct.SetCoefficient(x[row.Columns[i]], row.Coefs?[i] ?? 1);
            constraints[r] = ct;
            if ((r & 1023) == 0 && cancellationToken.IsCancellationRequested) return new LpSolution(LpBoundStatus.Cancelled);
        }
        var goal = solver.Objective();
        for (int c = 0; c < x.Length; c++)
            if (objective[c] != 0) goal.SetCoefficient(x[c], objective[c]);
        goal.SetMaximization();

        double left = timeLimit.TotalMilliseconds - clock.Elapsed.TotalMilliseconds;
        if (left <= 0) return new LpSolution(LpBoundStatus.TimedOut);
        solver.SetTimeLimit((long)Math.Max(1, left));
        Solver.ResultStatus status;
        using (cancellationToken.Register(() => solver.InterruptSolve()))
        {
            solveStarting?.Invoke();
            status = cancellationToken.IsCancellationRequested ? Solver.ResultStatus.NOT_SOLVED : solver.Solve();
        }
        if (cancellationToken.IsCancellationRequested) return new LpSolution(LpBoundStatus.Cancelled);
        if (status == Solver.ResultStatus.INFEASIBLE) return new LpSolution(LpBoundStatus.Infeasible);
        if (status != Solver.ResultStatus.OPTIMAL)
        {
            bool outOfTime = clock.Elapsed.TotalMilliseconds >= timeLimit.TotalMilliseconds * 0.99;
            return new LpSolution(outOfTime ? LpBoundStatus.TimedOut : LpBoundStatus.Failed);
        }

        var duals = new double[constraints.Length];
        for (int r = 0; r < duals.Length; r++) duals[r] = constraints[r].DualValue();
        var values = new double[x.Length];
        for (int c = 0; c < x.Length; c++) values[c] = x[c].SolutionValue();
        return new LpSolution(LpBoundStatus.Optimal, duals, values, goal.Value());
    }

    /// <summary>
    /// Weak duality: for any multipliers y (y ≥ 0 on an upper bound, y ≤ 0 on a lower bound, either sign on an equality),
    /// <c>Σ y·rhs + Σ_j max(0, c_j − (Aᵀy)_j)</c> bounds <c>max cᵀx</c> over 0 ≤ x ≤ 1 and the rows. Multipliers of the
    /// wrong sign (solver noise) are clamped to zero, which keeps the bound valid.
    /// </summary>
    /// <param name="lp">The rows.</param>
    /// <param name="objective">c, a coefficient per column.</param>
    /// <param name="duals">y, a multiplier per row.</param>
    internal static double DualBound(LpRows lp, double[] objective, double[] duals) => DualBound(lp, objective, duals, out _);

    /// <summary>
    /// <see cref="DualBound(LpRows, double[], double[])"/>, also giving each column's reduced cost <c>c_j − (Aᵀy)_j</c>
    /// under the clamped multipliers: for any x, <c>cᵀx</c> is at most the bound minus |reduced_j| for each column taken
    /// with a negative one (what complementary-slackness filters use).
    /// </summary>
    internal static double DualBound(LpRows lp, double[] objective, double[] duals, out double[] reduced)
    {
        reduced = (double[])objective.Clone();
        double total = 0;
        for (int r = 0; r < duals.Length; r++)
        {
            var row = lp.Rows[r];
            double y = duals[r];
            if (y > 0 && double.IsPositiveInfinity(row.Upper)) y = 0;
            if (y < 0 && double.IsNegativeInfinity(row.Lower)) y = 0;
            if (y == 0) continue;
            total += y * (y > 0 ? row.Upper : row.Lower);
            for (int i = 0; i < row.Columns.Length; i++) reduced[row.Columns[i]] -= y * (row.Coefs?[i] ?? 1);
        }
        foreach (double d in reduced)
            if (d > 0) total += d;
        return total;
    }

    /// <summary>What <see cref="SolveRows"/> returns: duals, column values and the LP optimum when solved, else nothing.</summary>
    internal sealed record LpSolution(LpBoundStatus Status, double[]? Duals = null, double[]? Values = null, double? Objective = null);

    private static LpBoundResult Empty(LpBoundStatus status, Stopwatch clock, int rows, int columns, long nonZeros) =>
        new(status, null, null, ImmutableArray<ImmutableArray<double>>.Empty, clock.Elapsed.TotalSeconds, rows, columns, nonZeros);
}
