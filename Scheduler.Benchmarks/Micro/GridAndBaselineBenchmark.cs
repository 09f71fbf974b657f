using BenchmarkDotNet.Attributes;
using Scheduler.Engine.Baselines;
using Scheduler.Engine.Domain;
using Scheduler.Engine.Time;

namespace Scheduler.Benchmarks.Micro;

/// <summary>
/// How do the steps before the search grow with the requests: cutting the days into the time grid, and the
/// first-fit baseline the solver takes as its hint? Both should grow linearly.
/// </summary>
[MemoryDiagnoser]
public class GridAndBaselineBenchmark
{
    private Event ev = null!;
    private TimeGrid grid = null!;

    /// <summary>Meeting requests in the event (a trade fair scaled to this size).</summary>
    [Params(500, 2000, 8000)]
    public int Requests { get; set; }

    /// <summary>Generates the event and its grid.</summary>
    [GlobalSetup]
    public void Setup()
    {
        ev = Inputs.Fair(Requests);
        grid = TimeGrid.Build(ev);
    }

    /// <summary>Builds the time grid.</summary>
    [Benchmark]
    public TimeGrid Grid() => TimeGrid.Build(ev);

    /// <summary>Runs first fit on a ready grid.</summary>
    [Benchmark]
    public long FirstFitRun() => FirstFit.Run(ev, grid).ScheduledWeight;
}
