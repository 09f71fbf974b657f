using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using Google.OrTools.Sat;
using NodaTime;
using Scheduler.Engine.Domain;
using Scheduler.Engine.Time;

namespace Scheduler.Engine.Solving;

/// <summary>The engine's entry point: turns an event's meeting requests into a schedule.</summary>
public static class MeetingScheduler
{
    /// <summary>
    /// Solves <paramref name="ev"/>: maximises scheduled weight, then, without losing any weight, minimises idle gaps,
    /// all within <see cref="SolveOptions.TimeLimit"/>. Cancellation stops the search and returns the best schedule
    /// found so far. When the required meetings cannot all be placed, the status is
    /// <see cref="ScheduleStatus.Infeasible"/> and the schedule holds the largest valid part.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The options' time limit or worker count is not positive.</exception>
    public static SolveResult Solve(Event ev, SolveOptions options, IProgress<SolveProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ev);
        ArgumentNullException.ThrowIfNull(options);
        if (options.TimeLimit <= Duration.Zero) throw new ArgumentOutOfRangeException(nameof(options), options.TimeLimit, "The time limit must be positive.");
        if (options.Workers < 1) throw new ArgumentOutOfRangeException(nameof(options), options.Workers, "At least one worker is needed.");

        var clock = Stopwatch.StartNew();
        var grid = TimeGrid.Build(ev);
        var pools = RoomPool.Build(ev, grid);
        var meetings = CandidateBuilder.Build(ev, grid, pools);
        var sm = ModelBuilder.Build(ev, grid, pools, meetings);
        var buildTime = Elapsed(clock);
        var hint = Hints.FirstFitPlacements(ev, grid, pools, meetings);
        long baselineWeight = Weight(ev, hint);

        var run = new SearchRun(options, clock, progress, cancellationToken);
        // When every weighted meeting is required, any feasible schedule has the full weight: one search for the
        // fewest idle gaps replaces the weight phase, which would be a bare feasibility search.
        bool gapsOnly = sm.GapsFirst;
        Outcome outcome = !sm.RequiredWithoutOption.IsEmpty ? Outcome.Infeasible
            : gapsOnly ? GapCapSearch.Run(sm, run, sm.WeightCeiling, hint, hintIsValid: false, options.Workers)
            : MaximiseWeight(sm, run, hint);
        if (outcome.Status == CpSolverStatus.Infeasible)
        {
            sm = ModelBuilder.Build(ev, grid, pools, meetings, requiredAreHard: false);
            outcome = PlaceMostRequired(sm, run, hint);
            if (outcome.Placements is null && HintIsValid(sm, hint, requiredToo: false))
                outcome = new Outcome(CpSolverStatus.Feasible, hint, double.NaN);
            return Finish(ev, sm, ScheduleStatus.Infeasible, outcome, sm.WeightCeiling, null, run, baselineWeight, buildTime, proven: outcome.Status == CpSolverStatus.Optimal);
        }
        // The search may stop before it has matched its own hint; never return less than first fit when that is valid.
        if ((outcome.Placements is null || Weight(ev, outcome.Placements) < Weight(ev, hint)) && HintIsValid(sm, hint, requiredToo: true))
            outcome = new Outcome(outcome.Placements is null ? CpSolverStatus.Feasible : outcome.Status, hint,
                outcome.Placements is null ? (gapsOnly ? sm.IdleGapsFloor : sm.WeightCeiling) : outcome.Bound);
        if (outcome.Placements is null)
            return Finish(ev, sm, ScheduleStatus.Unknown, outcome, sm.WeightCeiling, null, run, baselineWeight, buildTime, proven: false);

        if (gapsOnly)
            return Finish(ev, sm, ScheduleStatus.Optimal, outcome, sm.WeightCeiling, GapsBound(outcome), run, baselineWeight, buildTime,
                proven: outcome.Status == CpSolverStatus.Optimal);

        var status = outcome.Status == CpSolverStatus.Optimal ? ScheduleStatus.Optimal : ScheduleStatus.Feasible;
        long weightBound = Math.Min(sm.WeightCeiling, (long)Math.Floor(outcome.Bound + 1e-6));
        int? gapsBound = null;
        bool proven = status == ScheduleStatus.Optimal;
        if (GapsPhaseFits(sm) && ev.Objective.IdleGaps == IdleGapPolicy.Minimize && !run.Stopped)
        {
            long weight = Weight(ev, outcome.Placements);
            var second = MinimiseIdleGaps(sm, run, weight, outcome.Placements);
            if (second.Placements is not null)
            {
                outcome = outcome with { Placements = second.Placements };
                gapsBound = GapsBound(second);
            }
            proven &= second.Status == CpSolverStatus.Optimal;
        }
        return Finish(ev, sm, status, outcome, weightBound, gapsBound, run, baselineWeight, buildTime, proven);
    }

    /// <summary>
    /// First fit keeps every hard rule but two: it may leave a required meeting out and break the spread cap.
    /// When it does neither, it is a valid schedule to fall back on if the search finds none in time.
    /// </summary>
    private static bool HintIsValid(SchedulingModel sm, List<Placement> hint, bool requiredToo)
    {
        var placed = hint.Select(p => p.Meeting).ToHashSet();
        if (requiredToo && sm.Meetings.Any(m => m.Meeting.Required && !placed.Contains(m.Index))) return false;
        if (sm.Event.Objective.MaxIdleGapSpread is not int spread) return true;
        var gaps = ReadBack.IdleGapsPerParticipant(sm.Grid, sm.Meetings, hint);
        var named = sm.Meetings.SelectMany(m => m.Participants).Distinct().Select(p => gaps.GetValueOrDefault(p)).ToList();
        return named.Count == 0 || named.Max() - named.Min() <= spread;
    }

    private static Outcome MaximiseWeight(SchedulingModel sm, SearchRun run, List<Placement> hint)
    {
        sm.Model.Maximize(sm.Weight);
        Hints.Apply(sm, hint, run.HintSeconds);
        // Leave time for the idle gaps: the weight phase of a large event rarely proves optimality and would
        // otherwise take the whole limit, handing the officer a timetable whose gaps nobody looked at.
        double share = GapsPhaseFits(sm) && sm.Event.Objective.IdleGaps == IdleGapPolicy.Minimize ? WeightPhaseShare : 1.0;
        return run.Solve(sm, "weight", (solver, cb) => (long)Math.Round(cb.ObjectiveValue()), share);
    }

    /// <summary>Required meetings first (each worth more than all optional weight together), then weight.</summary>
    private static Outcome PlaceMostRequired(SchedulingModel sm, SearchRun run, List<Placement> hint)
    {
        long big = sm.WeightCeiling + 1;
        sm.Model.Maximize(LinearExpr.Sum(sm.RequiredLiterals.Select(r => (LinearExpr)(r.Literal * big))) + sm.Weight);
        Hints.Apply(sm, hint, run.HintSeconds);
        return run.Solve(sm, "required", (solver, cb) => (long)Math.Round(cb.ObjectiveValue()) % big);
    }

    private static Outcome MinimiseIdleGaps(SchedulingModel sm, SearchRun run, long weight, List<Placement> hint)
    {
        sm.Model.Add(sm.Weight >= weight);
        sm.IdleGaps ??= sm.AddIdleGaps!();
        sm.Model.Minimize(sm.IdleGaps);
        Hints.Apply(sm, hint, run.HintSeconds);
        return run.Solve(sm, "idle gaps", (solver, cb) => weight);
    }

    private static int GapsBound(Outcome gapsPhase) => Math.Max(0, (int)Math.Ceiling(gapsPhase.Bound - 1e-6));

    private static SolveResult Finish(Event ev, SchedulingModel sm, ScheduleStatus status, Outcome outcome, long weightBound,
        int? gapsBound, SearchRun run, long baselineWeight, Duration buildTime, bool proven)
    {
        var placements = outcome.Placements ?? new List<Placement>();
        var assignments = ReadBack.AssignRooms(ev, sm.Grid, sm.Pools, placements);
        var placed = placements.Select(p => p.Meeting).ToHashSet();
        var unscheduled = Reasons.Explain(new Rules.PlacementRules(ev, sm.Grid), sm.Pools, sm.Meetings, placements, status, run.Limit)
            .Where(u => !placed.Contains(u.Meeting))
            .Select(u => u.ToUnscheduled(ev))
            .ToImmutableArray();
        long weight = Weight(ev, placements);
        int gaps = ReadBack.CountIdleGaps(ev, sm.Grid, sm.Meetings, placements);
        var schedule = new Schedule(ev.Name, status, weight, Math.Max(weight, weightBound), gaps,
            gapsBound is int b ? Math.Min(b, gaps) : null, assignments, unscheduled);
        var stats = new SolveStatistics(Elapsed(run.Clock), run.FirstSolution, proven ? Elapsed(run.Clock) : null, baselineWeight,
            ev.Meetings.Length, sm.OptionCount, buildTime);
        return new SolveResult(schedule, stats);
    }

    /// <summary>
    /// Whether the idle-gap phase runs after the weight. Measured on the 8,000-request trade fair (315k options):
    /// adding the gap encoding raised peak memory from 1.5 GB to 3.4 GB and the phase changed the gaps by one, so
    /// models that large keep the whole limit for weight and their gaps are those of the weight phase.
    /// </summary>
    private static bool GapsPhaseFits(SchedulingModel sm) =>
        sm.IdleGaps is not null || (sm.AddIdleGaps is not null && sm.OptionCount <= GapsPhaseMaxOptions);

    /// <summary>Above this many options the idle-gap phase is skipped unless the model already holds the gaps.</summary>
    internal const int GapsPhaseMaxOptions = 100_000;

    /// <summary>The share of the time left that the weight phase may use when idle gaps are minimised after it.</summary>
    internal const double WeightPhaseShare = 0.7;

    /// <summary>Up to this many options one worker searches, which makes the search deterministic.</summary>
    internal const int DeterministicModelOptions = 300;

    /// <summary>Above this many (meeting, start, building) options the model is solved without CP-SAT's presolve.</summary>
    internal const int LargeModelOptions = 20_000;

    private static long Weight(Event ev, List<Placement> placements) => placements.Sum(p => ev.Meetings[p.Meeting].Weight);

    private static Duration Elapsed(Stopwatch clock) => Duration.FromTimeSpan(clock.Elapsed);

    internal sealed record Outcome(CpSolverStatus Status, List<Placement>? Placements, double Bound)
    {
        /// <summary>The objective value of the schedule found (0 without an objective).</summary>
        public double Objective { get; init; }

        public static Outcome Infeasible { get; } = new(CpSolverStatus.Infeasible, null, 0);
    }

    /// <summary>One search under the options' shared clock, cancellation and progress reporting.</summary>
    internal sealed class SearchRun(SolveOptions options, Stopwatch clock, IProgress<SolveProgress>? progress, CancellationToken cancellation)
    {
        private long lastWeight;
        private long lastWeightBound;

        public Stopwatch Clock => clock;
        public IProgress<SolveProgress>? Progress => progress;
        public Duration Limit => options.TimeLimit;

        /// <summary>At most a tenth of the time left goes to completing a hint.</summary>
        public double HintSeconds => Math.Min(5, (options.TimeLimit - Elapsed(clock)).TotalSeconds / 10);
        public Duration? FirstSolution { get; private set; }
        public bool Stopped { get; private set; }

        /// <summary>The proven lower bound on idle gaps while searching under a cap; null under an objective.</summary>
        public long? GapsFloor { get; set; }

        /// <summary>True while the objective is room overflow: solutions with overflow are no schedules to report.</summary>
        public bool ObjectiveIsOverflow { get; set; }

        /// <summary>
        /// One CP-SAT search on <paramref name="shareOfRemaining"/> of the time left; <paramref name="portfolio"/>
        /// holds parameters chosen for this kind of search (the environment's parameters come after and win).
        /// </summary>
        public Outcome Solve(SchedulingModel sm, string phase, Func<CpSolver, Callback, long> weightOf, double shareOfRemaining = 1.0, string portfolio = "")
        {
            double remaining = (options.TimeLimit - Elapsed(clock)).TotalSeconds * shareOfRemaining;
            if (remaining <= 0.05 || cancellation.IsCancellationRequested)
            {
                Stopped = true;
                return new Outcome(CpSolverStatus.Unknown, null, double.NaN);
            }
            var solver = new CpSolver { StringParameters = Parameters(sm, remaining, portfolio) };
            var callback = new Callback(this, phase, sm, weightOf, solver);
            CpSolverStatus status;
            using (cancellation.Register(solver.StopSearch))
                status = solver.Solve(sm.Model, callback);
            if (callback.Failure is not null)
                throw new InvalidOperationException("Reporting a solution failed: " + callback.Failure.Message, callback.Failure);
            if (status == CpSolverStatus.ModelInvalid)
                throw new InvalidOperationException("The CP-SAT model is invalid: " + sm.Model.Validate());
            if (cancellation.IsCancellationRequested) Stopped = true;
            if (status is CpSolverStatus.Optimal or CpSolverStatus.Feasible)
                return new Outcome(status, ReadBack.Placements(sm, v => solver.BooleanValue(v)), solver.BestObjectiveBound) { Objective = solver.ObjectiveValue };
            return new Outcome(status, null, double.NaN);
        }

        /// <summary>
        /// CP-SAT parameters, set explicitly; then <paramref name="portfolio"/>, the ones chosen for this kind of search.
        /// SCHEDULER_SOLVER_PARAMS ("key:value key:value") overrides any of them,
        /// for experiments; SCHEDULER_SOLVER_LOG=1 prints CP-SAT's log.
        /// </summary>
        private string Parameters(SchedulingModel sm, double seconds, string portfolio)
        {
            int optionCount = sm.OptionCount;
            var p = new SortedDictionary<string, string>(StringComparer.Ordinal)
            {
                ["num_workers"] = options.Workers.ToString(CultureInfo.InvariantCulture),
                ["random_seed"] = options.Seed.ToString(CultureInfo.InvariantCulture),
                ["max_time_in_seconds"] = seconds.ToString("0.###", CultureInfo.InvariantCulture),
                ["catch_sigint_signal"] = "false",
                ["log_search_progress"] = Environment.GetEnvironmentVariable("SCHEDULER_SOLVER_LOG") == "1" ? "true" : "false",
            };
            // Measured: on 41k (sample conference) and 315k (trade fair) options presolve alone took 15-60 s on
            // 2 cores and left no time to search; without it the search starts at once from the hint.
            if (optionCount > LargeModelOptions) p["cp_model_presolve"] = "false";
            // Parallel workers race to different optima, so a small model, which finishes in moments anyway, gets one
            // worker: that is deterministic. CP-SAT's deterministic interleaved search was tried instead: it lost badly
            // on B2B events (94 idle gaps instead of 62 in 10 s, or no schedule at all) and aborted the process on
            // tic-12.forb0003 ("Check failed: heuristics.fixed_search != nullptr").
            if (optionCount <= DeterministicModelOptions) p["num_workers"] = "1";
            // Later sources replace a setting; a repeated field (subsolvers) keeps every value its source gives.
            var repeated = new List<string>();
            foreach (var source in new[] { portfolio, Environment.GetEnvironmentVariable("SCHEDULER_SOLVER_PARAMS") ?? "" })
            {
                var pairs = source.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(pair => pair.IndexOf(':') > 0).ToList();
                var keys = pairs.Select(pair => pair[..pair.IndexOf(':')]).ToList();
                foreach (var pair in pairs)
                {
                    var key = pair[..pair.IndexOf(':')];
                    if (keys.Count(k => k == key) > 1) { repeated.RemoveAll(r => r.StartsWith(key + ":", StringComparison.Ordinal) && !pairs.Contains(r)); repeated.Add(pair); }
                    else p[key] = pair[(pair.IndexOf(':') + 1)..];
                }
            }
            return string.Join(" ", p.Select(kv => $"{kv.Key}:{kv.Value}").Concat(repeated));
        }

        internal sealed class Callback(SearchRun run, string phase, SchedulingModel sm, Func<CpSolver, Callback, long> weightOf, CpSolver solver) : CpSolverSolutionCallback
        {
            /// <summary>An exception thrown inside the callback, kept to rethrow once the native search returns.</summary>
            public Exception? Failure { get; private set; }

            // An exception must not cross back into the native solver: that aborts the process.
            public override void OnSolutionCallback()
            {
                try { Report(); }
                catch (Exception e)
                {
                    Failure ??= e;
                    StopSearch();
                }
            }

            private void Report()
            {
                if (run.ObjectiveIsOverflow && ObjectiveValue() > 0.5) return;
                run.FirstSolution ??= Elapsed(run.Clock);
                if (run.Progress is null) return;
                bool gapsPhase = phase == "idle gaps";
                long weight = weightOf(solver, this);
                if (gapsPhase && run.lastWeight < weight) run.lastWeight = run.lastWeightBound = weight;
                if (!gapsPhase)
                {
                    run.lastWeight = weight;
                    run.lastWeightBound = Math.Min(sm.WeightCeiling, (long)Math.Floor(BestObjectiveBound() + 1e-6));
                }
                run.Progress.Report(new SolveProgress(
                    Elapsed(run.Clock), phase, gapsPhase ? run.lastWeight : weight, Math.Max(run.lastWeight, run.lastWeightBound),
                    gapsPhase ? (int)Value(sm.IdleGaps!) : null,
                    gapsPhase ? (int)(run.GapsFloor ?? (long)Math.Ceiling(BestObjectiveBound() - 1e-6)) : null));
            }
        }
    }
}
