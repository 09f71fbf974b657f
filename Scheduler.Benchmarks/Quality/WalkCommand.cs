using System.Diagnostics;
using Google.OrTools.Sat;
using NodaTime;
using Scheduler.Engine.Files;
using Scheduler.Engine.Solving;
using Scheduler.Engine.Solving.Phases.Local;
using Scheduler.Engine.Solving.Search;

namespace Scheduler.Benchmarks.Quality;

/// <summary>
/// <c>walk FILE... [--weight] [--moves N] [--seeds 1,2,3]</c>: the idle-gap (or weight) local search alone, from CP-SAT's first schedule of
/// each event, so its moves and settings can be compared without the rest of a solve in the way.
/// </summary>
internal static class WalkCommand
{
    public static int Run(string[] args)
    {
        long moves = 2_000_000;
        int[] seeds = [0];
        bool weight = false;
        var files = new List<string>();
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--moves") moves = long.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture);
            else if (args[i] == "--weight") weight = true;
            else if (args[i] == "--seeds") seeds = args[++i].Split(',').Select(int.Parse).ToArray();
            else files.Add(args[i]);
        }
        foreach (var file in files)
        {
            var read = EventFile.Load(file);
            if (!read.Succeeded) { foreach (var p in read.Problems) Console.Error.WriteLine($"{file}: {p}"); return 2; }
            var ev = read.Value!;
            var problem = SchedulingProblem.Build(ev);
            if (weight)
            {
                var ffw = Hints.FirstFit(problem);
                Console.Write($"{Path.GetFileName(file)}: first fit weight {problem.WeightOf(ffw)} of {problem.WeightCeiling}");
                foreach (int seed in seeds)
                {
                    var watch = Stopwatch.StartNew();
                    var result = WeightLocalSearch.Improve(problem, ffw, moves, problem.WeightCeiling, seed);
                    Console.Write($" | seed {seed}: {problem.WeightOf(result.Placements)} in {watch.Elapsed.TotalSeconds:0.00} s ({result.Moves / Math.Max(1e-9, watch.Elapsed.TotalSeconds) / 1e6:0.00} M/s)");
                }
                Console.WriteLine();
                continue;
            }
            var options = new SolveOptions { TimeLimit = Duration.FromSeconds(30), Workers = 2 };
            var clock = new SearchClock(options, CancellationToken.None);
            var sm = ModelBuilder.Build(problem, ModelScope.Hard);
            var (model, _) = sm.ForkWithIdleGaps();
            Hints.Apply(model, sm, Hints.FirstFit(problem), SettingsPolicy.ForHintCompletion(options, clock), clock);
            var first = CpSatSearch.Run(model, SettingsPolicy.For(options, clock, sm.OptionCount, 0.5), clock);
            if (!first.HasSolution) { Console.WriteLine($"{Path.GetFileName(file)}: no schedule ({first.Status})"); continue; }
            var start = ReadBack.Placements(sm, first.Value);
            var ff = Hints.FirstFit(problem);
            var ffGaps = ReadBack.IdleGapsPerParticipant(problem.Grid, problem.Meetings, ff);
            Console.Write($"{Path.GetFileName(file)}: first fit {ff.Count}/{problem.Meetings.Length} placed, {ffGaps.Values.Sum()} gaps, most {ffGaps.Values.DefaultIfEmpty().Max()}; floor {sm.IdleGapsFloor}, start {problem.IdleGapsOf(start)}");
            foreach (int seed in seeds)
            {
                var watch = Stopwatch.StartNew();
                var result = GapLocalSearch.Improve(problem, start, moves, sm.IdleGapsFloor, seed);
                if (problem.IdleGapsOf(result.Placements) != result.IdleGaps) throw new InvalidOperationException("count mismatch");
                Console.Write($" | seed {seed}: {result.IdleGaps} in {watch.Elapsed.TotalSeconds:0.00} s ({result.Moves / Math.Max(1e-9, watch.Elapsed.TotalSeconds) / 1e6:0.0} M/s)");
            }
            Console.WriteLine();
        }
        return 0;
    }
}
