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

    /// <summary>Which small instance: a trade fair of 30 requests or a one-day conference of 15.</summary>
    [Params("fair-30", "conference-15")]
    public string Instance { get; set; } = "";

    /// <summary>Generates the instance.</summary>
    [GlobalSetup]
    public void Setup() => ev = Instance switch
    {
        "fair-30" => TradeFairGenerator.Generate(new TradeFairOptions { Seed = 3, Companies = 12, Requests = 30, Tables = 3 }),
        "conference-15" => ConferenceGenerator.Generate(new ConferenceOptions { Seed = 3, Delegates = 20, Requests = 15, Rooms = 2, Days = 1 }),
        _ => throw new InvalidOperationException($"unknown instance {Instance}"),
    };

    /// <summary>
    /// Solves to optimality: weight, then idle gaps. The 30-second limit is a guard; a mean near it means the
    /// proof was not reached (the quality benchmark's <c>proof s</c> column says which).
    /// </summary>
    [Benchmark]
    public Schedule Solve() => MeetingScheduler.Solve(ev, new SolveOptions
    {
        TimeLimit = Duration.FromSeconds(30),
        Workers = 2,
        Seed = 0,
    }).Schedule;
}
