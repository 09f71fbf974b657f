using System.Collections.Immutable;
using NodaTime;
using Scheduler.Engine.Checking;
using Scheduler.Engine.Domain;

namespace Scheduler.Tests.Checking;

/// <summary>
/// A fluent builder of schedules for a built event. By default every meeting not assigned is listed as
/// unscheduled, the weight is the sum over the assignments, idle gaps are 0 and the status is feasible;
/// each can be overridden to plant a violation.
/// </summary>
internal sealed class TestSchedule(TestEvent builder, Event ev)
{
    private readonly List<Assignment> assignments = [];
    private readonly List<UnscheduledMeeting> unscheduled = [];
    private readonly HashSet<string> omitted = new(StringComparer.Ordinal);
    private ScheduleStatus status = ScheduleStatus.Feasible;
    private long? weight;
    private int idleGaps;
    private long? weightBound;
    private int? idleGapsBound;

    public static TestSchedule For(TestEvent builder, out Event ev)
    {
        ev = builder.Build();
        return new TestSchedule(builder, ev);
    }

    /// <summary>Assigns a meeting at a local start; the end defaults to start plus the meeting's duration.</summary>
    public TestSchedule Assign(string meeting, string room, string start, string? end = null)
    {
        var from = builder.At(start);
        var to = end is not null ? builder.At(end) : from + (ev.FindMeeting(meeting)?.Duration ?? builder.Grain);
        assignments.Add(new Assignment(meeting, room, from, to));
        return this;
    }

    public TestSchedule Unscheduled(string meeting, string reason = "left out")
    {
        unscheduled.Add(new UnscheduledMeeting(meeting, reason));
        return this;
    }

    /// <summary>Leaves a meeting out of both lists.</summary>
    public TestSchedule Omit(string meeting)
    {
        omitted.Add(meeting);
        return this;
    }

    public TestSchedule Status(ScheduleStatus value)
    {
        status = value;
        return this;
    }

    public TestSchedule Weight(long value)
    {
        weight = value;
        return this;
    }

    public TestSchedule IdleGaps(int value)
    {
        idleGaps = value;
        return this;
    }

    public TestSchedule Bounds(long? weight, int? idleGaps)
    {
        weightBound = weight;
        idleGapsBound = idleGaps;
        return this;
    }

    public Schedule Build()
    {
        var mentioned = assignments.Select(a => a.Meeting).Concat(unscheduled.Select(u => u.Meeting)).ToHashSet(StringComparer.Ordinal);
        var rest = ev.Meetings
            .Where(m => !mentioned.Contains(m.Id) && !omitted.Contains(m.Id))
            .Select(m => new UnscheduledMeeting(m.Id, "not placed in this test"));
        var sum = assignments.Sum(a => ev.FindMeeting(a.Meeting)?.Weight ?? 0);
        return new Schedule(
            ev.Name, status, weight ?? sum, weightBound, idleGaps, idleGapsBound,
            [.. assignments], [.. unscheduled.Concat(rest)]);
    }

    public ValidationReport Check() => ScheduleValidator.Check(ev, Build());
}
