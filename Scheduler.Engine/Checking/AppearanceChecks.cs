using NodaTime;

namespace Scheduler.Engine.Checking;

/// <summary>Nothing lost and nothing invented: each meeting of the event appears exactly once; every id resolves.</summary>
internal static class AppearanceChecks
{
    public static void Check(ValidationRun run)
    {
        var ev = run.Event;
        var assigned = new Dictionary<string, int>(StringComparer.Ordinal);
        var unscheduled = new Dictionary<string, int>(StringComparer.Ordinal);

        var assignments = run.Schedule.Assignments.IsDefault ? [] : run.Schedule.Assignments;
        for (var i = 0; i < assignments.Length; i++)
        {
            var a = assignments[i];
            if (ev.FindMeeting(a.Meeting) is { } meeting)
            {
                assigned[a.Meeting] = assigned.GetValueOrDefault(a.Meeting) + 1;
                if (ev.FindRoom(a.Room) is null)
                {
                    run.Add(ValidationRules.UnknownRoom, a.Meeting, a.Start,
                        $"{ViolationText.Meeting(meeting)} at {run.Text.Span(a.Start, a.End)} is in room \"{a.Room}\", which the event does not have");
                }
            }
            else
            {
                run.Add(ValidationRules.UnknownMeeting, a.Meeting, a.Start,
                    $"assignment {i} names meeting \"{a.Meeting}\" (room \"{a.Room}\" at {run.Text.Span(a.Start, a.End)}), which the event does not have");
            }
        }

        var unscheduledList = run.Schedule.Unscheduled.IsDefault ? [] : run.Schedule.Unscheduled;
        for (var i = 0; i < unscheduledList.Length; i++)
        {
            var u = unscheduledList[i];
            if (ev.FindMeeting(u.Meeting) is null)
            {
                run.Add(ValidationRules.UnknownMeeting, u.Meeting, Instant.MinValue,
                    $"unscheduled entry {i} names meeting \"{u.Meeting}\", which the event does not have");
            }
            else
            {
                unscheduled[u.Meeting] = unscheduled.GetValueOrDefault(u.Meeting) + 1;
            }
        }

        foreach (var meeting in ev.Meetings)
        {
            var inAssignments = assigned.GetValueOrDefault(meeting.Id);
            var inUnscheduled = unscheduled.GetValueOrDefault(meeting.Id);
            var total = inAssignments + inUnscheduled;
            if (total == 0)
            {
                run.Add(ValidationRules.LostMeeting, meeting.Id, Instant.MinValue,
                    $"{ViolationText.Meeting(meeting)} appears neither in assignments nor in unscheduled");
            }
            else if (total > 1)
            {
                run.Add(ValidationRules.DuplicateMeeting, meeting.Id, Instant.MinValue,
                    $"{ViolationText.Meeting(meeting)} appears {total} times ({inAssignments} in assignments, {inUnscheduled} in unscheduled); it must appear exactly once");
            }
        }
    }
}
