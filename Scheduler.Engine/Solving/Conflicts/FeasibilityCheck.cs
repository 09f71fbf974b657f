using System.Globalization;
using Google.OrTools.Sat;
using NodaTime;

namespace Scheduler.Engine.Solving.Conflicts;

/// <summary>What one feasibility check proved.</summary>
internal enum Verdict
{
    /// <summary>A schedule exists.</summary>
    Feasible,

    /// <summary>No schedule exists.</summary>
    Infeasible,

    /// <summary>The check ran out of time or was cancelled before proving either.</summary>
    Unknown,
}

/// <summary>
/// How long one check may run: <paramref name="Seconds"/> of wall-clock time, or in a deterministic search that many
/// deterministic seconds of CP-SAT's work (with a wall-clock safety stop), so that which checks finish, and so the
/// conflicts reported, do not depend on the machine or its load. <paramref name="Charge"/> is told the deterministic
/// time each check used.
/// </summary>
internal readonly record struct CheckLimit(Duration Seconds, bool Deterministic = false, Action<double>? Charge = null)
{
    /// <summary>A wall-clock limit.</summary>
    public static implicit operator CheckLimit(Duration seconds) => new(seconds);
}

/// <summary>
/// One CP-SAT feasibility check with one worker and a fixed seed: one worker is what makes
/// <see cref="CpSolver.SufficientAssumptionsForInfeasibility"/> meaningful, and it keeps the checks reproducible
/// unless one of them runs out of time. Presolve is off: the models checked are small, and on the sample's required
/// meetings (800 literals) its probing took three quarters of each check.
/// </summary>
internal static class FeasibilityCheck
{
    /// <summary>Shorter than this, a check is not started: it is reported as <see cref="Verdict.Unknown"/>.</summary>
    private static readonly Duration Shortest = Duration.FromMilliseconds(20);

    /// <summary>Solves <paramref name="model"/> (with whatever assumptions it holds) within <paramref name="limit"/>.</summary>
    /// <exception cref="InvalidOperationException">The model is invalid: a bug, never a user's mistake.</exception>
    public static (Verdict Verdict, CpSolver? Solver) Run(CpModel model, CheckLimit limit, CancellationToken ct)
    {
        if (limit.Seconds < Shortest || ct.IsCancellationRequested) return (Verdict.Unknown, null);
        double seconds = limit.Seconds.TotalSeconds;
        // The safety stop of a deterministic check is as generous as the solve's own (twice the limit plus 30 s).
        string time = limit.Deterministic
            ? string.Create(CultureInfo.InvariantCulture, $"max_deterministic_time:{seconds:0.###} max_time_in_seconds:{2 * seconds + 30:0.###}")
            : string.Create(CultureInfo.InvariantCulture, $"max_time_in_seconds:{seconds:0.###}");
        var solver = new CpSolver
        {
            StringParameters = $"num_workers:1 random_seed:0 cp_model_presolve:false {time} catch_sigint_signal:false log_search_progress:false",
        };
        CpSolverStatus status;
        using (ct.Register(solver.StopSearch))
            status = solver.Solve(model);
        limit.Charge?.Invoke(solver.Response?.DeterministicTime ?? 0);
        if (status == CpSolverStatus.ModelInvalid)
            throw new InvalidOperationException("The CP-SAT model of a conflict check is invalid: " + model.Validate());
        var verdict = status switch
        {
            CpSolverStatus.Feasible or CpSolverStatus.Optimal => Verdict.Feasible,
            CpSolverStatus.Infeasible => Verdict.Infeasible,
            _ => Verdict.Unknown,
        };
        return (verdict, solver);
    }
}
