namespace Scheduler.Engine.Solving.Search;

/// <summary>
/// The best weight, bound and idle gaps known so far, from every search and bound of a solve (possibly on several
/// threads), reported to the caller whenever one of them improves.
/// </summary>
internal sealed class ProgressBoard
{
    private readonly object gate = new();
    private readonly IProgress<SolveProgress>? sink;
    private readonly SearchClock clock;
    private SolvePhase phase = SolvePhase.Weight;
    private long weight = long.MinValue;
    private long weightBound;
    private int? gaps;
    private int? gapsBound;

    /// <summary>A board that reports to <paramref name="sink"/> (or nowhere), timed by <paramref name="clock"/>.</summary>
    public ProgressBoard(IProgress<SolveProgress>? sink, SearchClock clock, long weightCeiling)
    {
        this.sink = sink;
        this.clock = clock;
        weightBound = weightCeiling;
    }

    /// <summary>The best proven upper bound on the weight so far.</summary>
    public long WeightBound
    {
        get { lock (gate) return weightBound; }
    }

    /// <summary>Time to the first schedule, or null before any.</summary>
    public NodaTime.Duration? FirstSolution { get; private set; }

    /// <summary>A schedule of <paramref name="value"/> weight was found while maximising it.</summary>
    public void Weight(long value, SolvePhase during = SolvePhase.Weight)
    {
        lock (gate)
        {
            FirstSolution ??= clock.Elapsed;
            phase = during;
            if (value <= weight) return;
            weight = value;
            Report();
        }
    }

    /// <summary>A proven upper bound on the weight; kept when it is the best so far.</summary>
    public void Bound(long value)
    {
        lock (gate)
        {
            if (value >= weightBound) return;
            weightBound = value;
            if (weight != long.MinValue) Report();
        }
    }

    /// <summary>A schedule of <paramref name="weightValue"/> with <paramref name="idleGaps"/> gaps, and the gap bound so far.</summary>
    public void Gaps(long weightValue, int idleGaps, int? bound)
    {
        lock (gate)
        {
            FirstSolution ??= clock.Elapsed;
            phase = SolvePhase.IdleGaps;
            weight = Math.Max(weight, weightValue);
            if (gaps is int known && idleGaps >= known && bound == gapsBound) return;
            gaps = gaps is int g ? Math.Min(g, idleGaps) : idleGaps;
            gapsBound = bound;
            Report();
        }
    }

    private void Report() =>
        sink?.Report(new SolveProgress(clock.Elapsed, phase, weight, Math.Max(weight, weightBound), gaps, gapsBound is int b && gaps is int g ? Math.Min(b, g) : gapsBound));
}
