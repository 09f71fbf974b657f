using Scheduler.Engine.Domain;
using NodaTime;

namespace Scheduler.Engine.Solving;

/// <summary>Why each meeting was left out, in words an officer can act on.</summary>
internal static class Reasons
{
    public static IEnumerable<(int Meeting, string Reason)> Explain(Event ev, SchedulingModel sm, List<Placement> placements, ScheduleStatus status, Duration limit)
    {
        foreach (var m in sm.Meetings)
            yield return (m.Index, "not placed");
    }
}
