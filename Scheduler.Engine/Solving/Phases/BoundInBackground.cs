using Scheduler.Engine.Solving.Bounds;

namespace Scheduler.Engine.Solving.Phases;

/// <summary>
/// The LP relaxation's weight bound, solved on a thread of its own beside the search, so the progress line shows a
/// real bound within seconds (CP-SAT's own LP does not return within the limit on large models). The bound only
/// reaches the progress board; the searches never read it in a deterministic run, and a deterministic run waits for it
/// before reporting, so the schedule file does not depend on when it arrived.
/// </summary>
internal sealed class BoundInBackground : IDisposable
{
    /// <summary>Below this many options CP-SAT proves its own bound in moments and the LP is not worth a thread.</summary>
    internal const int MinimumOptions = 300;

    private readonly SolveContext ctx;
    private readonly CancellationTokenSource stop;
    private readonly Task<LpBoundResult>? task;

    private BoundInBackground(SchedulingProblem problem, SolveContext ctx)
    {
        this.ctx = ctx;
        stop = CancellationTokenSource.CreateLinkedTokenSource(ctx.Clock.Cancellation);
        if (problem.OptionCount < MinimumOptions) return;
        var limit = NodaTime.Duration.FromSeconds(Math.Max(0.1, ctx.Clock.WallRemaining));
        var token = stop.Token;
        task = Task.Run(() =>
        {
            var result = LpBound.Solve(problem.Event, problem.Grid, problem.Pools, problem.Meetings, limit, requiredAreHard: true, cancellationToken: token, rules: problem.Rules);
            if (result.Bound is long bound) ctx.Board.Bound(bound);
            return result;
        }, CancellationToken.None);
    }

    /// <summary>Starts the LP bound of <paramref name="problem"/> (nothing for small problems).</summary>
    public static BoundInBackground Start(SchedulingProblem problem, SolveContext ctx) => new(problem, ctx);

    /// <summary>
    /// Before the result is read: a deterministic run waits for the bound (up to its safety stop) so the schedule file
    /// has the same bound on every machine; any other run takes what has arrived.
    /// </summary>
    public void Settle()
    {
        if (task is null || !ctx.Clock.Deterministic) return;
        WaitForLp(task);
    }

    /// <summary>Waits for the LP up to the solve's wall-clock safety stop.</summary>
    private void WaitForLp(Task<LpBoundResult> lp) => lp.Wait(TimeSpan.FromSeconds(Math.Max(0, ctx.Clock.WallRemaining)));

    /// <summary>
    /// Deterministic runs look at the bound only at every this-many-th question (each asked after 1,024 moves of a
    /// walk): about 0.65 s of moves, by when the LP has usually finished, so the one wait rarely idles the walk.
    /// </summary>
    internal const int DeterministicQuestions = 128;

    /// <summary>
    /// The weight a search may stop at, asked while it runs. Wall-clock runs get whatever bound has arrived. A
    /// deterministic run gets none until its <see cref="DeterministicQuestions"/>-th question, which waits for the LP
    /// and answers its bound from then on: a search then stops after the same number of moves on any machine and load.
    /// </summary>
    public Func<long> Ceiling()
    {
        if (!ctx.Clock.Deterministic) return () => ctx.Board.WeightBound;
        int asked = 0;
        long known = long.MaxValue;
        return () =>
        {
            if (++asked != DeterministicQuestions || task is null) return known;
            WaitForLp(task);
            if (task.IsCompletedSuccessfully && task.Result.Bound is long bound) known = bound;
            return known;
        };
    }

    /// <summary>Stops the LP if it still runs and waits for its thread.</summary>
    public void Dispose()
    {
        stop.Cancel();
        try
        {
            task?.Wait();
        }
        catch (AggregateException e) when (e.InnerExceptions.All(x => x is OperationCanceledException))
        {
            // A cancelled bound is simply no bound.
        }
        stop.Dispose();
    }
}
