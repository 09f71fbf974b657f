using System.Diagnostics;
using NodaTime;

namespace Scheduler.Engine.Solving.Search;

/// <summary>
/// The budget of one solve, shared by its searches. Normally the budget is wall-clock seconds. In a deterministic run
/// it is CP-SAT deterministic seconds (work), charged by each search as it returns, so how the budget is split never
/// depends on machine speed or load; the wall clock is then only a safety stop, and <see cref="SafetyStopFired"/> says
/// when it ended a search.
/// </summary>
internal sealed class SearchClock
{
    private readonly Stopwatch watch = Stopwatch.StartNew();
    private readonly double budget;
    private readonly double wallLimit;
    private double charged;

    /// <summary>Starts the clock for a solve with <paramref name="options"/>.</summary>
    public SearchClock(SolveOptions options, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(options);
        Deterministic = options.Deterministic;
        Cancellation = cancellation;
        budget = options.TimeLimit.TotalSeconds;
        wallLimit = Deterministic
            ? (options.SafetyLimit ?? options.TimeLimit * 2 + Duration.FromSeconds(30)).TotalSeconds
            : budget;
    }

    /// <summary>Whether the budget is deterministic work rather than wall-clock time.</summary>
    public bool Deterministic { get; }

    /// <summary>Cancels every search (Ctrl-C, a service's DELETE).</summary>
    public CancellationToken Cancellation { get; }

    /// <summary>Wall-clock time since the solve started.</summary>
    public Duration Elapsed => Duration.FromTimeSpan(watch.Elapsed);

    /// <summary>Deterministic seconds charged so far (deterministic runs only count them).</summary>
    public double Charged => charged;

    /// <summary>True once a deterministic run's wall-clock safety stop ended a search: that run may not be reproducible.</summary>
    public bool SafetyStopFired { get; private set; }

    /// <summary>True when cancellation was requested.</summary>
    public bool Cancelled => Cancellation.IsCancellationRequested;

    /// <summary>Budget left, in the clock's unit (deterministic or wall seconds); never negative.</summary>
    public double Remaining => Math.Max(0, Deterministic ? budget - charged : wallLimit - watch.Elapsed.TotalSeconds);

    /// <summary>Wall seconds left before the hard stop (the limit, or a deterministic run's safety stop).</summary>
    public double WallRemaining => Math.Max(0, wallLimit - watch.Elapsed.TotalSeconds);

    /// <summary>
    /// True when no search should start: cancelled, or (almost) no budget left. In a deterministic run with work budget
    /// left, the safety stop is what ends it, and <see cref="SafetyStopFired"/> records that.
    /// </summary>
    public bool Exhausted
    {
        get
        {
            if (Cancelled || Remaining <= MinimumSearch) return true;
            if (WallRemaining > MinimumSearch) return false;
            if (Deterministic) SafetyStopFired = true;
            return true;
        }
    }

    /// <summary>A search shorter than this is not worth starting (seconds of either kind).</summary>
    public const double MinimumSearch = 0.05;

    /// <summary>
    /// The limits of a search that may use <paramref name="share"/> of the budget left, capped at
    /// <paramref name="atMost"/> of the clock's unit: wall seconds, and (deterministic runs) deterministic seconds.
    /// </summary>
    public (double WallSeconds, double? DeterministicSeconds) Slice(double share, double atMost = double.MaxValue)
    {
        if (share is <= 0 or > 1) throw new ArgumentOutOfRangeException(nameof(share), share, "A share lies in (0, 1].");
        double part = Math.Min(atMost, Remaining * share);
        return Deterministic ? (WallRemaining, part) : (Math.Min(part, WallRemaining), null);
    }

    /// <summary>Records what a search used: its deterministic seconds, and whether the wall clock stopped it.</summary>
    public void Charge(double deterministicSeconds)
    {
        charged += Math.Max(0, deterministicSeconds);
        if (Deterministic && WallRemaining <= 0) SafetyStopFired = true;
    }
}
