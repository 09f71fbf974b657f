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
    public static (Verdict Verdict, CpSolver? Solver) Run(CpModel model, Duration limit, CancellationToken ct)
    {
        if (limit < Shortest || ct.IsCancellationRequested) return (Verdict.Unknown, null);
        var solver = new CpSolver
        {
            StringParameters = string.Create(CultureInfo.InvariantCulture,
                $"num_workers:1 random_seed:0 cp_model_presolve:false max_time_in_seconds:{limit.TotalSeconds:0.###} catch_sigint_signal:false log_search_progress:false"),
        };
        CpSolverStatus status;
        using (ct.Register(solver.StopSearch))
            status = solver.Solve(model);
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
