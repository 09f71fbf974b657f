using System.Collections.Immutable;
using Scheduler.Engine.Baselines;
using Scheduler.Engine.Checking;
using Scheduler.Engine.Domain;

namespace Scheduler.Benchmarks.Micro;

/// <summary>Turns a first-fit result into a schedule file's content, with its idle gaps counted by the validator.</summary>
internal static class FirstFitSchedule
{
    public static Schedule Of(Event ev, FirstFitResult ff)
    {
        var unscheduled = ff.Unplaced.Select(id => new UnscheduledMeeting(id, "first fit found no place")).ToImmutableArray();
        var draft = new Schedule(ev.Name, ScheduleStatus.Feasible, ff.ScheduledWeight, null, 0, null, ff.Assignments, unscheduled);
        return draft with { IdleGaps = ScheduleValidator.Check(ev, draft).IdleGaps };
    }
}
