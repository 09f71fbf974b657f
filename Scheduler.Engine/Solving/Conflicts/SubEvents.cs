using System.Collections.Immutable;
using Scheduler.Engine.Domain;
using Scheduler.Engine.Time;

namespace Scheduler.Engine.Solving.Conflicts;

/// <summary>A rule family the classifier switches off to see whether it is the one that binds a conflict.</summary>
internal enum Relaxation
{
    /// <summary>No participant has a daily meeting limit.</summary>
    DailyLimit,

    /// <summary>Every room is there as many times as the set has meetings, and pins keep their time but not their room.</summary>
    RoomCapacity,

    /// <summary>Travel between buildings takes no time.</summary>
    Travel,

    /// <summary>No meeting has to come after another.</summary>
    AfterOrder,

    /// <summary>No cap on the spread of idle gaps.</summary>
    IdleGapSpread,

    /// <summary>No meeting needs an interpreter: participants' languages and interpreter pins are dropped.</summary>
    Interpreters,
}

/// <summary>
/// Smaller events cut from the real one: only the meetings a check is about, with some rules switched off.
/// They go through the same grid, pools, candidates and model as a real solve, so a check answers for the real rules.
/// </summary>
internal static class SubEvents
{
    /// <summary>
    /// True when the meetings not in a set can be left out of a check without changing its answer. Optional meetings
    /// can always stay unscheduled, except under an idle-gap spread cap, where the people they name count in the spread.
    /// </summary>
    public static bool OthersCanBeLeftOut(Event ev) => ev.Objective.MaxIdleGapSpread is null;

    /// <summary>
    /// The event with the meetings of <paramref name="set"/> (indices into <paramref name="ev"/>'s meetings) required,
    /// every other meeting left out (or kept optional under a spread cap), idle gaps not minimised, and the
    /// <paramref name="relaxed"/> rules switched off.
    /// </summary>
    public static Event With(Event ev, IReadOnlyCollection<int> set, IReadOnlyCollection<Relaxation> relaxed)
    {
        var keep = new SortedSet<int>(set);
        var indices = OthersCanBeLeftOut(ev) ? keep.ToList() : Enumerable.Range(0, ev.Meetings.Length).ToList();
        var ids = indices.Select(i => ev.Meetings[i].Id).ToHashSet(StringComparer.Ordinal);
        bool noAfter = relaxed.Contains(Relaxation.AfterOrder);
        bool anyRoom = relaxed.Contains(Relaxation.RoomCapacity);
        var requests = indices.Select(i => ev.Meetings[i]).Select((m, k) => m with
        {
            Required = keep.Contains(indices[k]),
            After = noAfter ? [] : [.. m.After.Where(ids.Contains)],
            Pin = anyRoom && m.Pin is not null ? m.Pin with { Room = null } : m.Pin,
            Interpreters = relaxed.Contains(Relaxation.Interpreters) ? [] : m.Interpreters,
        }).ToImmutableArray();
        var participants = relaxed.Contains(Relaxation.DailyLimit)
            ? [.. ev.Participants.Select(p => p with { MaxMeetingsPerDay = null })]
            : ev.Participants;
        if (relaxed.Contains(Relaxation.Interpreters)) participants = [.. participants.Select(p => p with { Languages = [] })];
        var rooms = anyRoom
            ? [.. ev.Rooms.SelectMany(r => Enumerable.Range(0, Math.Max(1, keep.Count)).Select(k => k == 0 ? r : r with { Id = $"{r.Id}~{k}" }))]
            : ev.Rooms;
        var travel = relaxed.Contains(Relaxation.Travel) ? [] : ev.TravelTimes;
        var spread = relaxed.Contains(Relaxation.IdleGapSpread) ? null : ev.Objective.MaxIdleGapSpread;
        return new Event(ev.Name, ev.Zone, ev.Grain, ev.Days, ev.Breaks, ev.Buildings, travel, rooms, ev.Delegations,
            participants, requests, new ScheduleObjective(IdleGapPolicy.Ignore, spread), ev.Interpreters);
    }

    /// <summary>Whether the required meetings of <paramref name="sub"/> can all be held, by a full model of it.</summary>
    public static Verdict Check(Event sub, CheckLimit limit, CancellationToken ct)
    {
        var grid = TimeGrid.Build(sub);
        var pools = RoomPool.Build(sub, grid);
        var meetings = CandidateBuilder.Build(sub, grid, pools);
        if (meetings.Any(m => m.Meeting.Required && m.Options.IsEmpty)) return Verdict.Infeasible;
        var sm = ModelBuilder.Build(sub, grid, pools, meetings);
        return FeasibilityCheck.Run(sm.Fork(), limit, ct).Verdict;
    }
}
