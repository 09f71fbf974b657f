using System.Diagnostics;
using Google.OrTools.LinearSolver;
using NodaTime;
using Scheduler.Engine.Files;
using Scheduler.Engine.Solving;
using Scheduler.Engine.Solving.Bounds;

namespace Scheduler.Benchmarks.Quality;

/// <summary>
/// <c>mip FILE [--solver SCIP|CBC|HIGHS|GLOP|PDLP] [--seconds S] [--threads N] [--travel] [--unions] [--lp]</c>: the
/// weight relaxation's rows solved with integer option columns by a MIP solver that ships in OR-Tools, to see how far
/// its root cuts and branching move the bound below the LP's (issue 9: the conference's LP bound is 2,621.78 and the
/// best schedule known 2,620). Prints the LP bound first, then the MIP's best bound and incumbent.
/// </summary>
internal static class MipCommand
{
    public static int Run(string[] args)
    {
        string solverId = "SCIP";
        double seconds = 60;
        int threads = 1;
        bool travel = false, unions = false, lpOnly = false;
        long? atLeast = null, fixAt = null;
        string subsolvers = "";
        string? file = null;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--solver": solverId = args[++i]; break;
                case "--seconds": seconds = double.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
                case "--threads": threads = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
                case "--travel": travel = true; break;
                case "--unions": unions = true; break;
                case "--lp": lpOnly = true; break;
                case "--cpsat-at": atLeast = long.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
                case "--fix": fixAt = long.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
                case "--subsolvers": subsolvers = args[++i]; break;
                default: file = args[i]; break;
            }
        }
        if (file is null) { Console.Error.WriteLine("usage: mip FILE [--solver ID] [--seconds S] [--threads N] [--travel] [--unions] [--lp]"); return 2; }
        var read = EventFile.Load(file);
        if (!read.Succeeded) { foreach (var p in read.Problems) Console.Error.WriteLine($"{file}: {p}"); return 2; }
        var problem = SchedulingProblem.Build(read.Value!);
        var families = new LpRowFamilies(travel, unions);
        if (atLeast is long w) return CpSatAt(problem, w, seconds, threads, subsolvers);
        if (fixAt is long f) return FixThenCpSat(problem, families, solverId, f, seconds, threads, subsolvers);
        var watch = Stopwatch.StartNew();
        var lpResult = LpBound.Solve(problem.Event, problem.Grid, problem.Pools, problem.Meetings, Duration.FromSeconds(600), true, families,
            lpOnly ? solverId : "PDLP", rules: problem.Rules);
        Console.WriteLine($"LP ({(lpOnly ? solverId : "PDLP")}): {lpResult.Status} bound {lpResult.Bound} objective {lpResult.Objective:0.000} rows {lpResult.Rows} columns {lpResult.Columns} in {watch.Elapsed.TotalSeconds:0.0} s");
        if (lpOnly) return 0;

        var lp = LpRows.Build(problem.Event, problem.Grid, problem.Pools, problem.Meetings, true, families, CancellationToken.None, problem.Rules);
        var mip = SolveAsMip(lp, lp.Objective, solverId, seconds, threads, log: true);
        if (mip is null) { Console.Error.WriteLine($"no solver {solverId}"); return 2; }
        Console.WriteLine($"MIP {solverId}: {mip.Status} objective {mip.Objective:0.000} best bound {mip.Bound:0.000} in {mip.Seconds:0.0} s, nodes {mip.Nodes}");
        return 0;
    }

    /// <summary>What <see cref="SolveAsMip"/> found: the solver's status, its incumbent and best bound, seconds, nodes, and the incumbent's column values (empty when it has none).</summary>
    internal sealed record MipOutcome(Solver.ResultStatus Status, double Objective, double Bound, double Seconds, long Nodes, double[] Values);

    /// <summary>
    /// Maximises <paramref name="objective"/> over the rows of <paramref name="lp"/> with the option columns binary (the
    /// auxiliary ones stay in [0, 1]) by <paramref name="solverId"/>; null when OR-Tools has no such solver.
    /// </summary>
    internal static MipOutcome? SolveAsMip(LpRows lp, double[] objective, string solverId, double seconds, int threads, bool log)
    {
        using var solver = Solver.CreateSolver(solverId);
        if (solver is null) return null;
        solver.SetNumThreads(threads);
        int options = lp.Offsets[^1];
        var x = new Variable[lp.ColumnCount];
        for (int c = 0; c < x.Length; c++) x[c] = c < options ? solver.MakeBoolVar("") : solver.MakeNumVar(0, 1, "");
        foreach (var row in lp.Rows)
        {
            var ct = solver.MakeConstraint(row.Lower, row.Upper, "");
            for (int i = 0; i < row.Columns.Length; i++) ct.SetCoefficient(x[row.Columns[i]], row.Coefs?[i] ?? 1);
        }
        var goal = solver.Objective();
        for (int c = 0; c < x.Length; c++)
            if (objective[c] != 0) goal.SetCoefficient(x[c], objective[c]);
        goal.SetMaximization();
        solver.SetTimeLimit((long)(seconds * 1000));
        if (log) solver.EnableOutput();
        var watch = Stopwatch.StartNew();
        var status = solver.Solve();
        var values = status is Solver.ResultStatus.OPTIMAL or Solver.ResultStatus.FEASIBLE ? x.Select(v => v.SolutionValue()).ToArray() : [];
        return new MipOutcome(status, goal.Value(), goal.BestBound(), watch.Elapsed.TotalSeconds, solver.Nodes(), values);
    }

    /// <summary>CP-SAT on the whole hard model asked for a schedule of weight at least <paramref name="weight"/>: a proof that none exists closes the gap.</summary>
    private static int CpSatAt(SchedulingProblem problem, long weight, double seconds, int threads, string subsolvers)
    {
        var watch = Stopwatch.StartNew();
        var sm = ModelBuilder.Build(problem, ModelScope.Hard);
        var model = sm.Fork();
        model.Add(sm.Weight >= weight);
        model.Maximize(sm.Weight);
        Console.WriteLine($"model built in {watch.Elapsed.TotalSeconds:0.0} s");
        var settings = new Scheduler.Engine.Solving.Search.CpSatSettings { Workers = threads, Seed = 0, MaxSeconds = seconds, Log = true,
            Subsolvers = subsolvers.Length == 0 ? [] : [.. subsolvers.Split(',')] };
        var solver = new Google.OrTools.Sat.CpSolver { StringParameters = settings.Render() };
        solver.StringParameters += " log_to_stdout: true";
        var status = solver.Solve(model);
        Console.WriteLine($"CP-SAT at >= {weight}: {status} objective {solver.ObjectiveValue} bound {solver.BestObjectiveBound} in {watch.Elapsed.TotalSeconds:0.0} s");
        return 0;
    }

    /// <summary>
    /// Complementary slackness as a filter: a schedule of weight at least <paramref name="target"/> loses at most
    /// dualBound − target against the duals, so an option whose reduced cost is below minus that cannot be in it. CP-SAT
    /// then searches the options left for such a schedule; "infeasible" proves the optimum below the target.
    /// </summary>
    private static int FixThenCpSat(SchedulingProblem problem, LpRowFamilies families, string solverId, long target, double seconds, int threads, string subsolvers)
    {
        var watch = Stopwatch.StartNew();
        var lp = LpRows.Build(problem.Event, problem.Grid, problem.Pools, problem.Meetings, true, families, CancellationToken.None, problem.Rules);
        var solution = LpBound.SolveRows(lp, lp.Objective, Stopwatch.StartNew(), Duration.FromSeconds(600), solverId, CancellationToken.None);
        if (solution.Duals is not { } duals) { Console.WriteLine($"LP {solution.Status}"); return 1; }
        double bound = LpBound.DualBound(lp, lp.Objective, duals, out var reduced);
        double slack = bound - target;
        Console.WriteLine($"LP {solverId}: objective {solution.Objective:0.000000} dual bound {bound:0.000000}, slack {slack:0.000000}, {watch.Elapsed.TotalSeconds:0.0} s");
        if (slack < 0) { Console.WriteLine("the LP alone proves the target out of reach"); return 0; }
        int kept = 0, forced = 0;
        var allowed = new Dictionary<int, System.Collections.Immutable.ImmutableArray<Scheduler.Engine.Solving.StartOption>>();
        for (int m = 0; m < problem.Meetings.Length; m++)
        {
            var mo = problem.Meetings[m];
            var keep = new List<Scheduler.Engine.Solving.StartOption>();
            for (int k = 0; k < mo.Options.Length; k++)
            {
                double d = reduced[lp.Offsets[m] + k];
                if (d >= -slack) keep.Add(mo.Options[k]);
                if (d > slack) forced++;
            }
            kept += keep.Count;
            allowed[m] = [.. keep];
        }
        Console.WriteLine($"options kept {kept} of {lp.Offsets[^1]}, forced {forced}; meetings with none left {allowed.Count(a => a.Value.IsEmpty)}, weight of those with some {problem.Meetings.Where(m => !allowed[m.Index].IsEmpty).Sum(m => m.Meeting.Weight)}, ceiling {problem.WeightCeiling}");
        var restricted = problem.Restrict(m => allowed[m.Index]);
        var sm = ModelBuilder.Build(restricted, ModelScope.Hard);
        var model = sm.Fork();
        model.Add(sm.Weight >= target);
        model.Maximize(sm.Weight);
        var settings = new Scheduler.Engine.Solving.Search.CpSatSettings { Workers = threads, Seed = 0, MaxSeconds = seconds, Log = false,
            Subsolvers = subsolvers.Length == 0 ? [] : [.. subsolvers.Split(',')] };
        var solver = new Google.OrTools.Sat.CpSolver { StringParameters = settings.Render() };
        var status = solver.Solve(model);
        Console.WriteLine($"CP-SAT on the options left, weight >= {target}: {status} ({watch.Elapsed.TotalSeconds:0.0} s)");
        return 0;
    }
}
