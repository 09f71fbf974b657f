using BenchmarkDotNet.Attributes;
using Scheduler.Engine.Baselines;
using Scheduler.Engine.Checking;
using Scheduler.Engine.Domain;
using Scheduler.Engine.Time;

namespace Scheduler.Benchmarks.Micro;

/// <summary>How long does the independent validator take on a full schedule as the event grows?</summary>
[MemoryDiagnoser]
public class ValidateBenchmark
{
    private Event ev = null!;
    private Schedule schedule = null!;

    /// <summary>Meeting requests in the event (a trade fair scaled to this size).</summary>
    [Params(500, 2000, 8000)]
    public int Requests { get; set; }

    /// <summary>Builds the event and a first-fit schedule of it.</summary>
    [GlobalSetup]
    public void Setup()
    {
        ev = Inputs.Fair(Requests);
        schedule = FirstFitSchedule.Of(ev, FirstFit.Run(ev, TimeGrid.Build(ev)));
    }

    /// <summary>Checks every hard rule and recounts the totals.</summary>
    [Benchmark]
    public ValidationReport Check() => ScheduleValidator.Check(ev, schedule);
}
