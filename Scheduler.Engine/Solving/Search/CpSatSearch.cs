using Google.OrTools.Sat;

namespace Scheduler.Engine.Solving.Search;

/// <summary>The result of one CP-SAT search.</summary>
/// <param name="Status">CP-SAT's status.</param>
/// <param name="Solution">The value of every variable of the best solution, or null when none was found.</param>
/// <param name="Objective">The objective value of that solution (0 without an objective).</param>
/// <param name="Bound">CP-SAT's best bound on the objective (NaN without a solution).</param>
internal sealed record SearchOutcome(CpSolverStatus Status, IReadOnlyList<long>? Solution, double Objective, double Bound)
{
    /// <summary>True when the search found a solution.</summary>
    public bool HasSolution => Solution is not null;

    /// <summary>True when the search proved its answer: optimal, or no solution at all.</summary>
    public bool Proven => Status is CpSolverStatus.Optimal or CpSolverStatus.Infeasible;

    /// <summary>The value of <paramref name="literal"/> in the solution.</summary>
    public bool Value(BoolVar literal) => Solution![literal.GetIndex()] != 0;

    /// <summary>An outcome for a search that never ran (no budget left, or cancelled).</summary>
    public static SearchOutcome NotRun { get; } = new(CpSolverStatus.Unknown, null, 0, double.NaN);
}

/// <summary>
/// Runs one CP-SAT search on a model copy: settings rendered once, the clock charged, cancellation wired to the
/// native search, and a solution callback that can never throw into native code.
/// </summary>
internal static class CpSatSearch
{
    /// <summary>Solves <paramref name="model"/>; <paramref name="onSolution"/> sees each improving solution.</summary>
    /// <exception cref="InvalidOperationException">The model is invalid, or <paramref name="onSolution"/> failed: both are bugs.</exception>
    public static SearchOutcome Run(CpModel model, CpSatSettings settings, SearchClock clock, Action<CpSolverSolutionCallback>? onSolution = null)
    {
        if (clock.Exhausted) return SearchOutcome.NotRun;
        var solver = new CpSolver { StringParameters = settings.Render() };
        var callback = onSolution is null ? null : new Callback(onSolution);
        CpSolverStatus status;
        using (clock.Cancellation.Register(solver.StopSearch))
            status = callback is null ? solver.Solve(model) : solver.Solve(model, callback);
        clock.Charge(solver.Response?.DeterministicTime ?? 0);
        if (callback?.Failure is { } failure)
            throw new InvalidOperationException("Reporting a solution failed: " + failure.Message, failure);
        if (status == CpSolverStatus.ModelInvalid)
            throw new InvalidOperationException("The CP-SAT model is invalid: " + model.Validate());
        if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible)) return new SearchOutcome(status, null, 0, double.NaN);
        return new SearchOutcome(status, solver.Response!.Solution.ToArray(), solver.ObjectiveValue, solver.BestObjectiveBound);
    }

    private sealed class Callback(Action<CpSolverSolutionCallback> onSolution) : CpSolverSolutionCallback
    {
        /// <summary>An exception thrown while reporting, kept to rethrow once the native search has returned.</summary>
        public Exception? Failure { get; private set; }

        // An exception must not cross back into the native solver: that aborts the process.
        public override void OnSolutionCallback()
        {
            try
            {
                onSolution(this);
            }
            catch (Exception e)
            {
                Failure ??= e;
                StopSearch();
            }
        }
    }
}
