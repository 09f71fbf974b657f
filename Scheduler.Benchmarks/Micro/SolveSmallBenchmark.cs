using BenchmarkDotNet.Attributes;
using NodaTime;
using Scheduler.Engine.Domain;
using Scheduler.Engine.Generation;
using Scheduler.Engine.Solving;

namespace Scheduler.Benchmarks.Micro;

/// <summary>How long does the solver take to prove small fixed instances optimal (2 workers, fixed seed)?</summary>
[MemoryDiagnoser]
public class SolveSmallBenchmark
{
    private Event ev = null!;

    /// <summary>Which small instance: a trade fair of 60 requests or a one-day conference of 40.</summary>
    [Params("fair-60", "conference-40")]
    public string Instance { get; set; } = "";

    /// <summary>Generates the instance.</summary>
    [GlobalSetup]
    public void Setup() => ev = Instance switch
    {
        "fair-60" => TradeFairGenerator.Generate(new TradeFairOptions { Seed = 3, Companies = 24, Requests = 60, Tables = 4 }),
        "conference-40" => ConferenceGenerator.Generate(new ConferenceOptions { Seed = 3, Delegates = 50, Requests = 40, Rooms = 3, Days = 1 }),
        _ => throw new InvalidOperationException($"unknown instance {Instance}"),
    };

    /// <summary>Solves to optimality (the time limit is only a guard).</summary>
    [Benchmark]
    public Schedule Solve() => MeetingScheduler.Solve(ev, new SolveOptions
    {
        TimeLimit = Duration.FromSeconds(60),
        Workers = 2,
        Seed = 0,
    }).Schedule;
}
