using System.Collections.Immutable;
using NodaTime;
using Scheduler.Engine.Domain;

namespace Scheduler.Engine.Checking;

/// <summary>The rules about the schedule as a whole: required meetings, the idle-gap spread, the totals, bounds and status.</summary>
internal static class TotalChecks
{
    public static void Check(ValidationRun run, long weight, ImmutableSortedDictionary<string, int> gaps, int totalGaps)
    {
        var scheduled = run.Placements.Select(p => p.Meeting.Id).ToHashSet(StringComparer.Ordinal);
        var requiredLeftOut = run.Event.Meetings.Where(m => m.Required && !scheduled.Contains(m.Id)).ToArray();
        foreach (var m in requiredLeftOut)
        {
            run.Add(ValidationRules.Required, m.Id, Instant.MinValue, $"required {ViolationText.Meeting(m)} is not scheduled");
        }

        Spread(run, gaps);

        var schedule = run.Schedule;
        if (schedule.ScheduledWeight != weight)
        {
            run.Add(ValidationRules.WeightMismatch, "", Instant.MinValue,
                $"scheduledWeight is {schedule.ScheduledWeight}, but the assigned meetings' weights sum to {weight}");
        }

        if (schedule.IdleGaps != totalGaps)
        {
            var nonZero = gaps.Where(g => g.Value > 0).ToArray();
            var shown = string.Join(", ", nonZero.Take(10).Select(g => $"\"{g.Key}\" {g.Value}"));
            var more = nonZero.Length > 10 ? $" and {nonZero.Length - 10} more" : "";
            var detail = nonZero.Length == 0 ? "" : $" ({shown}{more})";
            run.Add(ValidationRules.IdleGapsMismatch, "", Instant.MinValue,
                $"idleGaps is {schedule.IdleGaps}, but the schedule has {ViolationText.Count(totalGaps, "idle gap")}{detail}");
        }

        if (schedule.Status is ScheduleStatus.Optimal or ScheduleStatus.Feasible)
        {
            if (schedule.WeightBound is { } weightBound && weightBound < weight)
            {
                run.Add(ValidationRules.Bound, "weightBound", Instant.MinValue,
                    $"weightBound {weightBound} is below the scheduled weight {weight}");
            }

            if (schedule.IdleGapsBound is { } gapsBound && gapsBound > totalGaps)
            {
                run.Add(ValidationRules.Bound, "idleGapsBound", Instant.MinValue,
                    $"idleGapsBound {gapsBound} is above the schedule's {ViolationText.Count(totalGaps, "idle gap")}");
            }
        }

        if (schedule.Status == ScheduleStatus.Infeasible && requiredLeftOut.Length == 0)
        {
            run.Add(ValidationRules.Status, "", Instant.MinValue,
                "status is infeasible, but every required meeting is scheduled");
        }
    }

    private static void Spread(ValidationRun run, ImmutableSortedDictionary<string, int> gaps)
    {
        if (run.Event.Objective.MaxIdleGapSpread is not { } cap || gaps.IsEmpty) return;

        // The first participant (ordinal) with the most gaps and the first with the fewest.
        var most = gaps.First();
        var fewest = most;
        foreach (var g in gaps)
        {
            if (g.Value > most.Value) most = g;
            if (g.Value < fewest.Value) fewest = g;
        }

        var spread = most.Value - fewest.Value;
        if (spread <= cap) return;
        run.Add(ValidationRules.IdleGapSpread, most.Key, Instant.MinValue,
            $"{run.Text.Participant(most.Key)} has {ViolationText.Count(most.Value, "idle gap")} and {run.Text.Participant(fewest.Key)} has {fewest.Value}: " +
            $"a spread of {spread}, more than the {cap} allowed");
    }
}
