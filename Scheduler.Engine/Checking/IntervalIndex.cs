using System.Collections.Immutable;
using NodaTime;

namespace Scheduler.Engine.Checking;

/// <summary>
/// A fixed set of half-open intervals answering "which one contains [s, e)?" and "which one intersects
/// [s, e)?" in O(log n): sorted by start, with the running maximum of ends. Intervals are not merged,
/// because the contract asks for a meeting inside <em>one</em> interval.
/// </summary>
internal sealed class IntervalIndex
{
    private readonly Instant[] starts;
    private readonly Instant[] ends;

    // For each prefix [0, i], the index of an interval with the latest end (the earliest such index).
    private readonly int[] latestEnd;

    private IntervalIndex(Instant[] starts, Instant[] ends)
    {
        this.starts = starts;
        this.ends = ends;
        latestEnd = new int[starts.Length];
        for (var i = 0; i < starts.Length; i++)
        {
            latestEnd[i] = i > 0 && ends[latestEnd[i - 1]] >= ends[i] ? latestEnd[i - 1] : i;
        }
    }

    public static IntervalIndex Of(ImmutableArray<Interval> intervals)
    {
        var sorted = intervals.IsDefault ? [] : intervals
            .Select(i => (Start: StartOf(i), End: EndOf(i)))
            .OrderBy(i => i.Start)
            .ThenBy(i => i.End)
            .ToArray();
        return new IntervalIndex(sorted.Select(i => i.Start).ToArray(), sorted.Select(i => i.End).ToArray());
    }

    public bool IsEmpty => starts.Length == 0;

    /// <summary>An interval containing <c>[start, end)</c>, or null when none does.</summary>
    public Interval? Containing(Instant start, Instant end)
    {
        var count = CountStartingAtOrBefore(start);
        if (count == 0) return null;
        var best = latestEnd[count - 1];
        return ends[best] >= end ? new Interval(starts[best], ends[best]) : null;
    }

    /// <summary>An interval intersecting <c>[start, end)</c> (the one reaching latest), or null when none does.</summary>
    public Interval? Intersecting(Instant start, Instant end)
    {
        var count = CountStartingBefore(end);
        if (count == 0) return null;
        var best = latestEnd[count - 1];
        return ends[best] > start ? new Interval(starts[best], ends[best]) : null;
    }

    private int CountStartingAtOrBefore(Instant instant)
    {
        int lo = 0, hi = starts.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (starts[mid] <= instant) lo = mid + 1; else hi = mid;
        }

        return lo;
    }

    private int CountStartingBefore(Instant instant)
    {
        int lo = 0, hi = starts.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (starts[mid] < instant) lo = mid + 1; else hi = mid;
        }

        return lo;
    }

    // An interval open at one side reaches as far as time goes.
    private static Instant StartOf(Interval i) => i.HasStart ? i.Start : Instant.MinValue;

    private static Instant EndOf(Interval i) => i.HasEnd ? i.End : Instant.MaxValue;
}
