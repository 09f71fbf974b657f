using System.Diagnostics;
using System.Globalization;
using Google.OrTools.Sat;
using Scheduler.Engine.Files;
using Scheduler.Engine.Solving;

namespace Scheduler.Benchmarks.Quality;

/// <summary>
/// <c>gap-bound FILE [--seconds S] [--params "k:v k:v"]</c>: CP-SAT minimising the idle gaps of FILE's hard model (every
/// required meeting placed) with the given parameters and nothing else of a solve, printing each new schedule and the
/// lower bound as it rises: for comparing how CP-SAT's searches (cores, max_hs, LP) prove the B2B gap optima.
/// </summary>
internal static class GapBoundCommand
{
    public static int Run(string[] args)
    {
        if (args.Length < 1) { Console.Error.WriteLine("usage: gap-bound FILE [--seconds S] [--params P]"); return 2; }
        var read = EventFile.Load(args[0]);
        if (!read.Succeeded) { foreach (var p in read.Problems) Console.Error.WriteLine($"{args[0]}: {p}"); return 2; }
        double seconds = Replan.ReplanCommand.NumberOption(args, "--seconds", 60);
        string extra = Array.IndexOf(args, "--params") is var p2 and >= 0 && p2 + 1 < args.Length ? args[p2 + 1] : "num_workers:2";
        var clock = Stopwatch.StartNew();
        var problem = SchedulingProblem.Build(read.Value!);
        var sm = ModelBuilder.Build(problem, ModelScope.Hard);
        var (model, gaps) = sm.ForkWithIdleGaps();
        model.Minimize(gaps);
        model.Add(gaps >= sm.IdleGapsFloor);
        var solver = new CpSolver { StringParameters = $"max_time_in_seconds:{seconds.ToString(CultureInfo.InvariantCulture)} {extra}" };
        var status = solver.Solve(model, new Reporter(clock));
        Console.WriteLine($"{Path.GetFileName(args[0])} [{extra}]: {status} gaps {solver.ObjectiveValue} bound {solver.BestObjectiveBound} in {clock.Elapsed.TotalSeconds:0.0} s (floor {sm.IdleGapsFloor})");
        return 0;
    }

    private sealed class Reporter(Stopwatch clock) : SolutionCallback
    {
        public override void OnSolutionCallback() =>
            Console.WriteLine($"  {clock.Elapsed.TotalSeconds,6:0.0} s: {ObjectiveValue()} gaps, bound {BestObjectiveBound()}");
    }
}
