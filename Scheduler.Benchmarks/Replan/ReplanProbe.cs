using System.Diagnostics;
using System.Globalization;
using NodaTime;
using Scheduler.Engine.Checking;
using Scheduler.Engine.Domain;
using Scheduler.Engine.Files;
using Scheduler.Engine.Solving;
using Scheduler.Engine.Solving.Bounds;

namespace Scheduler.Benchmarks.Replan;

/// <summary>
/// <c>replan-one EVENT PUBLISHED [--seconds S] [--workers N] [--deterministic] [--log] [--params P] [--safety S] [--lp-only] [--fresh OUT]</c>: one replan of
/// files written by <c>replan --dump</c>, with its figures and the validator's verdict on one line. <c>--safety</c> sets a
/// deterministic run's wall-clock safety stop (default twice the limit plus 30 s), so a run on a loaded machine stays reproducible;
/// <c>--lp-only</c> prints the replanning LP's bound with each row family and solver; <c>--fresh OUT [--seed N]</c> writes EVENT's
/// fresh solve (seed 0 unless given) instead of replanning, with its moves against PUBLISHED. <c>--fractional [--glop]
/// [--no-interpreters]</c> solves the replanning LP once and lists the meetings it places fractionally (where the bound
/// is loose); <c>--fractional --mip ID [--seconds S]</c> solves its rows as a MIP (SCIP, CBC, ...), the best bound those
/// rows can ever give; add <c>--check</c> to fix the MIP's starts in CP-SAT and print an infeasible core (the rule the
/// rows miss). <c>--prove W [--seconds S]</c>: CP-SAT on the whole replanning model asked for an objective of at least W.
/// </summary>
internal static class ReplanProbe
{
    public static int Run(string[] args)
    {
        double Option(string name, double fallback) => ReplanCommand.NumberOption(args, name, fallback);
        if (args.Length < 2)
        {
            Console.Error.WriteLine("usage: replan-one EVENT PUBLISHED [--seconds S] [--workers N] [--deterministic] [--log] [--params P] [--safety S]");
            return 2;
        }

        var eventFile = EventFile.Load(args[0]);
        var publishedFile = eventFile.Succeeded ? ScheduleFile.Load(args[1]) : null;
        var checkedFile = publishedFile is { Succeeded: true } ? PublishedSchedule.Check(eventFile.Value!, publishedFile.Value!) : null;
        var problems = !eventFile.Succeeded ? eventFile.Problems : !publishedFile!.Succeeded ? publishedFile.Problems : checkedFile!.Problems;
        if (!problems.IsEmpty)
        {
            foreach (var problem in problems) Console.Error.WriteLine(problem);
            return 2;
        }

        var ev = eventFile.Value!;
        var previous = checkedFile!.Value!;
        var options = new SolveOptions
        {
            TimeLimit = Duration.FromSeconds(Option("--seconds", 10)),
            Workers = (int)Option("--workers", 2),
            Seed = 1,
            Deterministic = args.Contains("--deterministic"),
            SolverLog = args.Contains("--log"),
            SolverParameters = Array.IndexOf(args, "--params") is var p and >= 0 ? args[p + 1] : null,
            Previous = previous,
            SafetyLimit = args.Contains("--safety") ? Duration.FromSeconds(Option("--safety", 0)) : null,
        };
        if (Array.IndexOf(args, "--fresh") is var f and >= 0 && f + 1 < args.Length)
        {
            // The fresh solve of EVENT as `scheduler solve` makes it (seed 0), with this command's safety stop: the check
            // that a change left fresh solves byte-identical, on a machine too loaded for the CLI's own safety stop.
            var fresh = MeetingScheduler.Solve(ev, options with { Previous = null, Seed = (int)Option("--seed", 0) }).Schedule;
            File.WriteAllText(args[f + 1], ScheduleFile.Write(fresh, ev));
            var moves = ScheduleChanges.Between(ev, publishedFile!.Value!, fresh);
            Console.WriteLine($"{args[f + 1]}: {fresh.Status}, weight {fresh.ScheduledWeight}, idle gaps {fresh.IdleGaps}, against PUBLISHED moved {moves.Moved.Length} dropped {moves.Dropped.Length}");
            return 0;
        }

        if (args.Contains("--fractional"))
        {
            var problem = SchedulingProblem.Build(previous.SolverEvent(), previous.RoomsToKeepApart());
            var objective = new ReplanObjective(problem, previous);
            var lp = LpRows.Build(problem.Event, problem.Grid, problem.Pools, problem.Meetings, true, new LpRowFamilies(Travel: args.Contains("--travel"), PoolUnions: args.Contains("--unions")), CancellationToken.None, args.Contains("--no-interpreters") ? null : problem.Rules);
            var cost = new double[lp.ColumnCount];
            foreach (var m in problem.Meetings)
                for (int k = 0; k < m.Options.Length; k++) cost[lp.Offsets[m.Index] + k] = objective.Coefficient(m.Index, m.Options[k]);
            if (Array.IndexOf(args, "--mip") is var mi and >= 0)
            {
                var mip = Quality.MipCommand.SolveAsMip(lp, cost, args[mi + 1], Option("--seconds", 60), (int)Option("--workers", 1), args.Contains("--log"));
                if (mip is null) { Console.Error.WriteLine($"no solver {args[mi + 1]}"); return 2; }
                Console.WriteLine($"MIP {args[mi + 1]}: {mip.Status} objective {objective.Constant + mip.Objective:0.000} bound {objective.Constant + mip.Bound:0.000} in {mip.Seconds:0.0} s, nodes {mip.Nodes}");
                if (args.Contains("--check") && mip.Values.Length > 0) CheckMipSolution(problem, previous, lp, mip.Values, Option("--check-seconds", 60));
                return 0;
            }
            string solverId = args.Contains("--glop") ? "GLOP" : "PDLP";
            var solution = LpBound.SolveRows(lp, cost, Stopwatch.StartNew(), Duration.FromSeconds(600), solverId, CancellationToken.None);
            Console.WriteLine($"{solverId}: {solution.Status} objective {objective.Constant + solution.Objective:0.000}");
            var publishedAt = objective.Published.ToDictionary(x => x.Meeting, x => x.Slot);
            int fractionalMeetings = 0;
            foreach (var m in problem.Meetings)
            {
                var values = Enumerable.Range(0, m.Options.Length).Select(k => (k, v: solution.Values![lp.Offsets[m.Index] + k])).Where(x => x.v > 1e-3).ToList();
                double total = values.Sum(x => x.v);
                if (values.All(x => x.v > 0.999) && (total < 1e-3 || total > 0.999)) continue;
                fractionalMeetings++;
                string pub = publishedAt.TryGetValue(m.Index, out var slot) ? $"published at {slot}" : "new";
                Console.WriteLine($"{m.Meeting.Id} w{m.Meeting.Weight} {pub} [{string.Join(", ", m.Participants)}]: " +
                    string.Join(" ", values.Select(x => $"{m.Options[x.k].Start}/{m.Options[x.k].Group}={x.v:0.###}")));
            }
            Console.WriteLine($"{fractionalMeetings} fractional meetings");
            return 0;
        }

        if (Array.IndexOf(args, "--prove") is var pv and >= 0)
        {
            // CP-SAT on the whole replanning model asked for an objective of at least W: "infeasible" proves the best below W.
            var problem = SchedulingProblem.Build(previous.SolverEvent(), previous.RoomsToKeepApart());
            var hard = ModelBuilder.Build(problem, ModelScope.Hard);
            var objective = new ReplanObjective(hard, previous);
            var model = hard.Fork();
            var goal = objective.AddTo(model);
            long target = (long)Math.Round(double.Parse(args[pv + 1], CultureInfo.InvariantCulture) * 100);
            model.Add(goal >= target);
            model.Maximize(goal);
            var solver = new Google.OrTools.Sat.CpSolver { StringParameters = $"max_time_in_seconds:{Option("--seconds", 60).ToString(CultureInfo.InvariantCulture)} num_workers:{(int)Option("--workers", 2)}{(args.Contains("--log") ? " log_search_progress:true log_to_stdout:true" : "")}" };
            var watch = Stopwatch.StartNew();
            var status = solver.Solve(model);
            Console.WriteLine($"CP-SAT asked for >= {target / 100.0}: {status} in {watch.Elapsed.TotalSeconds:0.0} s, objective {(status is Google.OrTools.Sat.CpSolverStatus.Optimal or Google.OrTools.Sat.CpSolverStatus.Feasible ? solver.ObjectiveValue / 100 : double.NaN)}, bound {solver.BestObjectiveBound / 100}");
            return 0;
        }

        if (args.Contains("--lp-only"))
        {
            var problem = SchedulingProblem.Build(previous.SolverEvent(), previous.RoomsToKeepApart());
            var objective = new ReplanObjective(problem, previous);
            foreach (var (name, families) in new[] { ("default", new LpRowFamilies()), ("travel", new LpRowFamilies(Travel: true)),
                         ("pool unions", new LpRowFamilies(PoolUnions: true)), ("both", new LpRowFamilies(true, true)) })
                foreach (var solver in new[] { "PDLP", "GLOP" })
                {
                    var lp = ReplanLp.Solve(objective, problem, Duration.FromSeconds(600), CancellationToken.None, solver, families);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"LP {name} {solver}: {lp?.Bound} in {lp?.Seconds:0.0} s"));
                }
            return 0;
        }

        var clock = Stopwatch.StartNew();
        var replan = MeetingScheduler.Solve(ev, options).Schedule;
        double seconds = clock.Elapsed.TotalSeconds;
        bool valid = ScheduleValidator.CheckReplan(ev, publishedFile!.Value!, replan).IsValid;
        var c = replan.Changes!;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Path.GetFileName(args[0])}: moved {c.Moved.Length} dropped {c.Dropped.Length} added {c.Added.Length} | {seconds:0.0} s | {replan.Status} | {replan.ObjectiveValue:0.##} / {replan.ObjectiveBound:0.##} | valid {valid}"));
        return valid ? 0 : 1;
    }

    /// <summary>
    /// Whether the rows' integer optimum is a schedule: CP-SAT on the whole hard model with each meeting's start fixed
    /// where the MIP put it (rooms free within the start), then with its option (start and room group) fixed. A feasible
    /// answer is a schedule of the MIP's value; an infeasible one means the rows miss a rule.
    /// </summary>
    private static void CheckMipSolution(SchedulingProblem problem, PublishedSchedule previous, LpRows lp, double[] values, double seconds)
    {
        // One model, forked per question; per meeting the MIP's option (at most one is above a half), -1 when left out.
        var sm = ModelBuilder.Build(problem, ModelScope.Hard);
        var chosen = problem.Meetings.Select(m => Enumerable.Range(0, m.Options.Length).FirstOrDefault(k => values[lp.Offsets[m.Index] + k] > 0.5, -1)).ToArray();
        List<Google.OrTools.Sat.ILiteral> AtChosenStart(MeetingOptions m) => Enumerable.Range(0, m.Options.Length)
            .Where(k => m.Options[k].Start == m.Options[chosen[m.Index]].Start).Select(k => (Google.OrTools.Sat.ILiteral)sm.X[m.Index][k]).ToList();
        void LeaveOutWhatTheMipLeftOut(Google.OrTools.Sat.CpModel model)
        {
            foreach (var m in problem.Meetings)
                if (chosen[m.Index] < 0 && sm.Scheduled[m.Index] is { } s) model.Add(s == 0);
        }
        var placed = problem.Meetings.Where(m => chosen[m.Index] >= 0).ToList();

        foreach (bool groups in new[] { false, true })
        {
            var model = sm.Fork();
            LeaveOutWhatTheMipLeftOut(model);
            foreach (var m in placed)
                model.AddBoolOr(groups ? [sm.X[m.Index][chosen[m.Index]]] : AtChosenStart(m));
            // The replanning objective over the rooms left free: a room change at a kept start costs.
            var goal = new ReplanObjective(sm, previous).AddTo(model);
            model.Maximize(goal);
            var solver = new Google.OrTools.Sat.CpSolver { StringParameters = $"max_time_in_seconds:{seconds.ToString(CultureInfo.InvariantCulture)} num_workers:2" };
            var clock = Stopwatch.StartNew();
            var status = solver.Solve(model);
            string value = status is Google.OrTools.Sat.CpSolverStatus.Optimal or Google.OrTools.Sat.CpSolverStatus.Feasible ? $", objective {solver.ObjectiveValue / 100} bound {solver.BestObjectiveBound / 100}" : "";
            Console.WriteLine($"CP-SAT with the MIP's {(groups ? "options" : "starts")} fixed ({placed.Count} meetings): {status}{value} in {clock.Elapsed.TotalSeconds:0.0} s");
        }

        // Which fixed starts conflict: each as an assumption, and CP-SAT's infeasible core names the rule the rows miss.
        var core = sm.Fork();
        LeaveOutWhatTheMipLeftOut(core);
        var keep = new Dictionary<int, MeetingOptions>();
        var assumptions = new List<Google.OrTools.Sat.ILiteral>();
        foreach (var m in placed)
        {
            var kept = core.NewBoolVar($"kept_{m.Index}");
            core.Add(Google.OrTools.Sat.LinearExpr.Sum(AtChosenStart(m)) >= kept);
            keep[kept.GetIndex()] = m;
            assumptions.Add(kept);
        }
        core.AddAssumptions(assumptions);
        var one = new Google.OrTools.Sat.CpSolver { StringParameters = $"max_time_in_seconds:{seconds.ToString(CultureInfo.InvariantCulture)} num_workers:1" };
        var verdict = one.Solve(core);
        var culprits = verdict == Google.OrTools.Sat.CpSolverStatus.Infeasible ? one.SufficientAssumptionsForInfeasibility() : [];
        Console.WriteLine($"with starts as assumptions: {verdict}, a core of {culprits.Count}");
        foreach (int index in culprits)
        {
            var m = keep[index];
            var option = m.Options[chosen[m.Index]];
            Console.WriteLine($"  {m.Meeting.Id} [{string.Join(", ", m.Participants)}] {m.Length} slots at {option.Start} ({problem.Grid.SlotStart(option.Start)}), in {m.Groups[option.Group].Building ?? "any"}");
        }
    }
}
