using System.Diagnostics;
using NodaTime;
using Scheduler.Engine.Baselines;
using Scheduler.Engine.Checking;
using Scheduler.Engine.Domain;
using Scheduler.Engine.Solving;
using Scheduler.Engine.Time;

namespace Scheduler.Benchmarks.Quality;

/// <summary>Solves one event, checks the schedule with the independent validator and measures the run.</summary>
internal static class QualityRunner
{
    public static QualityRow Run(string instance, Event ev, SolveOptions options, ExpectedOptima expected)
    {
        var firstFit = FirstFit.Run(ev, TimeGrid.Build(ev));
        // Start each instance from a settled heap so the previous one's garbage does not count as its memory.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        using var memory = new PeakMemorySampler();
        var clock = Stopwatch.StartNew();
        SolveResult result;
        try
        {
            result = MeetingScheduler.Solve(ev, options);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A crash on one instance must not hide the figures of the others; the row says what happened.
            Console.Error.WriteLine($"{instance}: the solve threw {e.GetType().Name}: {e.Message}");
            return new QualityRow(instance, ev.Meetings.Length, "error", null, null, null, null, expected.IdleGaps(instance),
                expected.PaperSeconds(instance), firstFit.ScheduledWeight, null, null, clock.Elapsed.TotalSeconds,
                memory.PeakBytes, "no (solve threw)");
        }
        var total = clock.Elapsed.TotalSeconds;
        var peak = memory.PeakBytes;

        var s = result.Schedule;
        var report = ScheduleValidator.Check(ev, s);
        return new QualityRow(instance, ev.Meetings.Length, Status(s.Status), s.ScheduledWeight, s.WeightBound, s.IdleGaps,
            s.IdleGapsBound, expected.IdleGaps(instance), expected.PaperSeconds(instance), firstFit.ScheduledWeight,
            Seconds(result.Statistics.FirstSolution), Seconds(result.Statistics.Proof), total, peak, Validity(s.Status, report));
    }

    private static double? Seconds(Duration? d) => d?.TotalSeconds;

    public static string Status(ScheduleStatus status) => status switch
    {
        ScheduleStatus.Optimal => "optimal",
        ScheduleStatus.Feasible => "feasible",
        ScheduleStatus.Infeasible => "infeasible",
        ScheduleStatus.Unknown => "unknown",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    private static string Validity(ScheduleStatus status, ValidationReport report)
    {
        // An infeasible or unknown schedule says itself that required meetings are missing: not a violation of it.
        var rules = report.Violations
            .Select(v => v.Rule)
            .Where(r => !(status is ScheduleStatus.Infeasible or ScheduleStatus.Unknown && r == ValidationRules.Required))
            .Distinct()
            .ToArray();
        return rules.Length == 0 ? "yes" : $"no ({string.Join(" ", rules)})";
    }
}
