using Scheduler.Engine.Solving.Bounds;
using Scheduler.Engine.Solving.Phases;

namespace Scheduler.Engine.Solving;

/// <summary>
/// A replan's bounds on a thread of their own beside the search: the LP of the replanning objective
/// (<see cref="ReplanLp"/>), then the weight LP for <c>weightBound</c>, then, when the event has travel times, the
/// replanning LP again with the travel rows. One thread for all, in that order: the machine's cores go to CP-SAT, and
/// the replanning bound is the one that can prove a replan optimal. The travel rows make that LP five or six times
/// slower (sample: 6.4 s against 1.1 s), too slow to stop the walk, but they close what travel leaves open: on the
/// sample with a room out for an afternoon the LP without them was integral at 1,208 and the optimum is 1,207. A
/// deterministic run waits for the first two before reporting, so the schedule file does not depend on when they
/// arrived, and skips the third: its PDLP time varies too much with the load to wait for within the safety stop.
/// </summary>
internal sealed class ReplanBoundInBackground : IDisposable
{
    private readonly SolveContext ctx;
    private readonly CancellationTokenSource stop;
    private readonly Task<long?>? replanBound;
    private readonly Task? thread;
    // long.MaxValue until the travel LP gives a bound: a long is read and written whole, a long? is not.
    private long travelBound = long.MaxValue;

    private ReplanBoundInBackground(ReplanObjective objective, SchedulingProblem problem, SolveContext ctx)
    {
        this.ctx = ctx;
        stop = CancellationTokenSource.CreateLinkedTokenSource(ctx.Clock.Cancellation);
        if (problem.OptionCount < BoundInBackground.MinimumOptions) return;
        var limit = NodaTime.Duration.FromSeconds(Math.Max(0.1, ctx.Clock.WallRemaining));
        var token = stop.Token;
        var replan = new TaskCompletionSource<long?>(TaskCreationOptions.RunContinuationsAsynchronously);
        replanBound = replan.Task;
        thread = Task.Run(() =>
        {
            try
            {
                replan.SetResult(ReplanLp.Solve(objective, problem, limit, token)?.Bound);
                if (token.IsCancellationRequested) return;
                var left = NodaTime.Duration.FromSeconds(Math.Max(0.1, ctx.Clock.WallRemaining));
                var weight = LpBound.Solve(problem.Event, problem.Grid, problem.Pools, problem.Meetings, left, requiredAreHard: true, cancellationToken: token, rules: problem.Rules);
                if (weight.Bound is long bound) ctx.Board.Bound(bound);
                if (token.IsCancellationRequested || ctx.Clock.Deterministic || !problem.Event.TravelTimes.Any(t => t.Duration > NodaTime.Duration.Zero)) return;
                left = NodaTime.Duration.FromSeconds(Math.Max(0.1, ctx.Clock.WallRemaining));
                if (ReplanLp.Solve(objective, problem, left, token, families: new LpRowFamilies(Travel: true))?.Bound is long travel)
                    Interlocked.Exchange(ref travelBound, travel);
            }
            catch (Exception e)
            {
                // A bound that failed is no bound; the search's answer stands without it.
                replan.TrySetException(e);
            }
        }, CancellationToken.None);
    }

    /// <summary>Starts the bounds of a replan of <paramref name="problem"/> (nothing for small problems).</summary>
    public static ReplanBoundInBackground Start(ReplanObjective objective, SchedulingProblem problem, SolveContext ctx) => new(objective, problem, ctx);

    /// <summary>
    /// The best replanning bound in hundredths (the LP's, or with travel rows when that has arrived), or null when there
    /// is none (yet). A deterministic run waits for the thread (up to its safety stop); any other run takes what has arrived.
    /// </summary>
    public long? Settle()
    {
        if (replanBound is null) return null;
        if (ctx.Clock.Deterministic) thread!.Wait(TimeSpan.FromSeconds(Math.Max(0, ctx.Clock.WallRemaining)));
        long? plain = replanBound.IsCompletedSuccessfully ? replanBound.Result : null;
        long travel = Interlocked.Read(ref travelBound);
        return travel == long.MaxValue ? plain : Math.Min(plain ?? long.MaxValue, travel);
    }

    /// <summary>
    /// The objective a walk may stop at, asked while it runs (every thousand moves), as <see cref="BoundInBackground.Ceiling"/>
    /// does for the weight: a wall-clock run gets the replanning LP's bound as soon as it has arrived; a deterministic
    /// run gets none until its <see cref="BoundInBackground.DeterministicQuestions"/>-th question, which waits for the
    /// LP and answers its bound from then on, so the walk stops after the same number of moves on any machine and load.
    /// </summary>
    public Func<long> Ceiling()
    {
        if (replanBound is null) return () => long.MaxValue;
        if (!ctx.Clock.Deterministic) return () => replanBound.IsCompletedSuccessfully && replanBound.Result is long b ? b : long.MaxValue;
        int asked = 0;
        long known = long.MaxValue;
        return () =>
        {
            if (++asked != BoundInBackground.DeterministicQuestions) return known;
            if (AwaitReplanBound() is long bound) known = bound;
            return known;
        };
    }

    /// <summary>The replanning LP's bound, waited for up to the safety stop (not the weight LP after it); null when it has none.</summary>
    public long? AwaitReplanBound()
    {
        if (replanBound is null) return null;
        try
        {
            replanBound.Wait(TimeSpan.FromSeconds(Math.Max(0, ctx.Clock.WallRemaining)));
        }
        catch (AggregateException)
        {
            // A bound that failed is no bound.
        }
        return replanBound.IsCompletedSuccessfully ? replanBound.Result : null;
    }

    /// <summary>The replanning LP's bound if it has arrived (any run), without waiting; null otherwise.</summary>
    public long? Arrived => replanBound is { IsCompletedSuccessfully: true } ? replanBound.Result : null;

    /// <summary>Stops the LPs if they still run and waits for the thread.</summary>
    public void Dispose()
    {
        stop.Cancel();
        thread?.Wait();
        stop.Dispose();
    }
}
