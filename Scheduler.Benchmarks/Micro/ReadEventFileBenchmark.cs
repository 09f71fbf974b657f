using BenchmarkDotNet.Attributes;
using Scheduler.Engine.Domain;
using Scheduler.Engine.Files;

namespace Scheduler.Benchmarks.Micro;

/// <summary>How long does reading (parsing and checking) an event file take as it grows?</summary>
[MemoryDiagnoser]
public class ReadEventFileBenchmark
{
    private string text = "";

    /// <summary>Meeting requests in the file (a trade fair scaled to this size).</summary>
    [Params(500, 2000, 8000)]
    public int Requests { get; set; }

    /// <summary>Writes the event once, so only the reading is measured.</summary>
    [GlobalSetup]
    public void Setup() => text = EventFile.Write(Inputs.Fair(Requests));

    /// <summary>Parses and checks the whole file.</summary>
    [Benchmark]
    public Event? Parse() => EventFile.Parse(text).Value;
}
