using Scheduler.Engine.Domain;
using Scheduler.Engine.Generation;

namespace Scheduler.Benchmarks.Micro;

/// <summary>Inputs the micro benchmarks share, built from the generators so no file is needed.</summary>
internal static class Inputs
{
    /// <summary>
    /// A trade fair of <paramref name="requests"/> requests scaled from the 1,500/8,000/200 shape:
    /// companies and tables grow with the requests so the load per company and per table stays the same.
    /// </summary>
    public static Event Fair(int requests) => TradeFairGenerator.Generate(new TradeFairOptions
    {
        Seed = 1,
        Requests = requests,
        Companies = Math.Max(20, requests * 1500 / 8000),
        Tables = Math.Max(2, requests * 200 / 8000),
    });
}
