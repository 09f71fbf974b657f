using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Scheduler.Engine.Baselines;
using Scheduler.Engine.Domain;
using Scheduler.Engine.Solving;
using Scheduler.Engine.Time;

namespace Scheduler.Benchmarks.Micro;

/// <summary>
/// How do the steps before the search grow with the requests: the time grid, the candidate starts and room
/// pools, the CP-SAT model itself, and the first-fit baseline the solver takes as its hint? All should grow
/// linearly; divide the mean by Requests / 1000 for milliseconds per 1,000 requests.
/// </summary>
[MemoryDiagnoser]
public class ModelBuildBenchmark
{
    private Event ev = null!;
    private TimeGrid grid = null!;
    private ImmutableArray<RoomPool> pools;
    private ImmutableArray<MeetingOptions> meetings;

    /// <summary>Meeting requests in the event (a trade fair scaled to this size).</summary>
    [Params(500, 2000, 8000)]
    public int Requests { get; set; }

    /// <summary>Generates the event and the inputs of each step.</summary>
    [GlobalSetup]
    public void Setup()
    {
        ev = Inputs.Fair(Requests);
        grid = TimeGrid.Build(ev);
        pools = RoomPool.Build(ev, grid);
        meetings = CandidateBuilder.Build(ev, grid, pools);
    }

    /// <summary>Builds the time grid.</summary>
    [Benchmark]
    public int Grid() => TimeGrid.Build(ev).SlotCount;

    /// <summary>Builds the room pools and every meeting's candidate starts on a ready grid.</summary>
    [Benchmark]
    public int Candidates() => CandidateBuilder.Build(ev, grid, RoomPool.Build(ev, grid)).Length;

    /// <summary>Builds the CP-SAT model (variables and every rule) from ready candidates.</summary>
    [Benchmark]
    public object Model() => ModelBuilder.Build(ev, grid, pools, meetings);

    /// <summary>Everything the solver does before searching: grid, pools, candidates and model.</summary>
    [Benchmark(Baseline = true)]
    public object GridToModel()
    {
        var g = TimeGrid.Build(ev);
        var p = RoomPool.Build(ev, g);
        return ModelBuilder.Build(ev, g, p, CandidateBuilder.Build(ev, g, p));
    }

    /// <summary>Runs first fit on a ready grid.</summary>
    [Benchmark]
    public long FirstFitRun() => FirstFit.Run(ev, grid).ScheduledWeight;
}
