using System.Globalization;
using Google.OrTools.Sat;
using Google.Protobuf.Collections;
using static Scheduler.Engine.Solving.MeetingScheduler;

namespace Scheduler.Engine.Solving;

/// <summary>
/// Fewest idle gaps by raising a cap: searches for a schedule with at most k gaps, k = floor, floor + 1, ..., each
/// started only after a proof that no schedule has fewer, so the first schedule found is optimal. Optima are
/// small, and "at most k gaps" propagates far better than an objective that starts from a poor schedule.
/// </summary>
internal static class GapCapSearch
{
    /// <summary>
    /// Under a cap, room capacity relaxed by overflow variables whose sum is minimised (core-based search): a
    /// schedule with no overflow meets the cap. Off unless SCHEDULER_RELAX_ROOMS=1: on the 20 B2B originals (24 s,
    /// 2 workers) it proved 11 optimal against 13 without it, though it once found forum-14's optimum that plain
    /// search missed.
    /// </summary>
    internal static bool RelaxCapacity { get; set; } = Environment.GetEnvironmentVariable("SCHEDULER_RELAX_ROOMS") == "1";

    /// <summary>
    /// Runs the searches. When <paramref name="hintIsValid"/>, the hint is a schedule that bounds them; otherwise,
    /// when the first cap fails, one search without a cap tells infeasible from feasible and gives a schedule to fall
    /// back on. The outcome's status is Optimal when the gaps are proven fewest; its bound is the proven floor.
    /// </summary>
    public static Outcome Run(SchedulingModel sm, SearchRun run, long weight, List<Placement> hint, bool hintIsValid, int workers)
    {
        var cap = sm.Model.NewIntVar(0, int.MaxValue, "gaps_cap");
        sm.Model.Add(sm.IdleGaps! <= cap);
        var capDomain = sm.Model.Model.Variables[cap.GetIndex()].Domain;
        Outcome? best = hintIsValid ? new Outcome(CpSolverStatus.Feasible, hint, 0) : null;
        long bestGaps = best is null ? long.MaxValue : Gaps(sm, hint);
        bool relax = RelaxCapacity && sm.CapacitySlack.Count > 0;
        for (long k = sm.IdleGapsFloor; k < bestGaps; k++)
        {
            SetDomain(capDomain, k, k);
            Hints.Apply(sm, best?.Placements ?? hint, run.HintSeconds);
            run.GapsFloor = k;
            if (relax) OpenSlack(sm);
            run.ObjectiveIsOverflow = relax;
            // Without a schedule in hand, keep a quarter of the time for a search without a cap.
            var outcome = run.Solve(sm, "idle gaps", (solver, cb) => weight, best is null ? 0.75 : 1.0, Portfolio(workers, relax));
            run.ObjectiveIsOverflow = false;
            if (relax)
            {
                CloseSlack(sm);
                if (outcome.Placements is not null && outcome.Objective > 0.5)
                    outcome = outcome.Status == CpSolverStatus.Optimal ? Outcome.Infeasible : new Outcome(CpSolverStatus.Unknown, null, double.NaN);
            }
            if (outcome.Placements is not null) return outcome with { Status = CpSolverStatus.Optimal, Bound = k };
            bool proven = outcome.Status == CpSolverStatus.Infeasible;
            if (best is null)
            {
                SetDomain(capDomain, 0, int.MaxValue);
                run.GapsFloor = proven ? k + 1 : k;
                var any = run.Solve(sm, "idle gaps", (solver, cb) => weight, 1.0, Portfolio(workers, relaxed: false));
                if (any.Placements is null) return any;
                best = any with { Status = CpSolverStatus.Feasible };
                bestGaps = Gaps(sm, any.Placements);
                if (!proven) k--; // the cap search ran on part of the time: give it the rest
                continue;
            }
            if (!proven) return best with { Bound = k };
        }
        return best! with { Status = CpSolverStatus.Optimal, Bound = bestGaps };
    }

    /// <summary>
    /// Full-problem subsolvers: a feasibility search is a SAT problem, where search without the LP relaxation is
    /// fastest (forum-13 at 0 gaps: 0.27 against 0.52 deterministic seconds with CP-SAT's default pair); with
    /// overflow to minimise, core-based search proves "no overflow possible" and finds the repair.
    /// </summary>
    private static string Portfolio(int workers, bool relaxed)
    {
        if (workers == 1) return "linearization_level:0";
        string[] names = relaxed
            ? ["core", "no_lp", "quick_restart_no_lp", "default_lp", "quick_restart", "max_lp"]
            : ["no_lp", "quick_restart_no_lp", "default_lp", "quick_restart", "max_lp"];
        int full = Math.Min(workers, names.Length);
        // Interleaved search runs the subsolvers in fixed batches so that the result should not depend on thread
        // timing; it cost nothing measurable (14 of the 20 B2B originals proven either way). Observed: forum-14 gave
        // the same schedule on 3 runs on a quiet machine, but different ones on a loaded machine.
        return $"interleave_search:true num_full_subsolvers:{full.ToString(CultureInfo.InvariantCulture)} "
            + string.Join(" ", names.Take(full).Select(n => $"subsolvers:\"{n}\""));
    }

    private static void OpenSlack(SchedulingModel sm)
    {
        foreach (var (slack, max) in sm.CapacitySlack) SetDomain(sm.Model.Model.Variables[slack.GetIndex()].Domain, 0, max);
        sm.Model.Minimize(LinearExpr.Sum(sm.CapacitySlack.Select(c => c.Slack)));
    }

    private static void CloseSlack(SchedulingModel sm)
    {
        foreach (var (slack, _) in sm.CapacitySlack) SetDomain(sm.Model.Model.Variables[slack.GetIndex()].Domain, 0, 0);
        sm.Model.Model.Objective = null;
    }

    private static void SetDomain(RepeatedField<long> domain, long low, long high)
    {
        domain.Clear();
        domain.Add(low);
        domain.Add(high);
    }

    private static long Gaps(SchedulingModel sm, List<Placement> placements) =>
        ReadBack.CountIdleGaps(sm.Event, sm.Grid, sm.Meetings, placements);
}
