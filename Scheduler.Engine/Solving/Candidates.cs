using System.Collections.Immutable;
using NodaTime;
using Scheduler.Engine.Domain;
using Scheduler.Engine.Time;

namespace Scheduler.Engine.Solving;

/// <summary>
/// One way to hold a meeting: a start slot and a building group (the pools of one building that suit it).
/// The building is part of the option because travel time depends on it.
/// </summary>
/// <param name="Start">Start slot.</param>
/// <param name="Group">Index into <see cref="MeetingOptions.Groups"/>.</param>
internal readonly record struct StartOption(int Start, int Group);

/// <summary>The pools of one building that suit a meeting.</summary>
/// <param name="Building">The building, or null for rooms in no building.</param>
/// <param name="Pools">Pool indices, ascending.</param>
internal sealed record PoolGroup(string? Building, ImmutableArray<int> Pools);

/// <summary>
/// Everything the model may choose for one meeting, pruned before any variable exists: every start obeys the grid
/// (one day, no break), the windows, each participant's availability and busy periods, the pin, and has at least one
/// suitable pool free over the whole meeting.
/// </summary>
internal sealed class MeetingOptions
{
    public MeetingOptions(int index, MeetingRequest meeting, int length, ImmutableArray<int> participants,
        ImmutableArray<PoolGroup> groups, ImmutableArray<StartOption> options)
    {
        Index = index;
        Meeting = meeting;
        Length = length;
        Participants = participants;
        Groups = groups;
        Options = options;
    }

    /// <summary>Position of the meeting in the event.</summary>
    public int Index { get; }

    /// <summary>The request.</summary>
    public MeetingRequest Meeting { get; }

    /// <summary>Length in slots.</summary>
    public int Length { get; }

    /// <summary>Participant indices (positions in the event's participant list).</summary>
    public ImmutableArray<int> Participants { get; }

    /// <summary>Suitable pools grouped by building.</summary>
    public ImmutableArray<PoolGroup> Groups { get; }

    /// <summary>Allowed (start, group) pairs, sorted by start then group.</summary>
    public ImmutableArray<StartOption> Options { get; }
}

/// <summary>Computes every meeting's options in time linear in meetings × slots.</summary>
internal static class CandidateBuilder
{
    public static ImmutableArray<MeetingOptions> Build(Event ev, TimeGrid grid, ImmutableArray<RoomPool> pools)
    {
        var participantIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < ev.Participants.Length; i++) participantIndex[ev.Participants[i].Id] = i;
        var busySlots = ev.Participants.Select(p => SlotsIntersecting(grid, p.Busy)).ToArray();

        var result = ImmutableArray.CreateBuilder<MeetingOptions>(ev.Meetings.Length);
        for (int mi = 0; mi < ev.Meetings.Length; mi++)
        {
            var m = ev.Meetings[mi];
            int length = grid.SlotsIn(m.Duration);
            var people = m.Participants.Select(id => participantIndex[id]).ToImmutableArray();
            var groups = SuitablePools(m, pools);
            var options = ImmutableArray.CreateBuilder<StartOption>();
            foreach (int s in StartsToTry(m, grid))
            {
                if (!TimeFits(ev, grid, m, people, busySlots, s, length)) continue;
                for (int g = 0; g < groups.Length; g++)
                    if (groups[g].Pools.Any(p => pools[p].IsFreeOver(s, length)))
                        options.Add(new StartOption(s, g));
            }
            result.Add(new MeetingOptions(mi, m, length, people, groups, options.ToImmutable()));
        }
        return result.MoveToImmutable();
    }

    /// <summary>Every start slot the grid allows, or just the pinned one.</summary>
    internal static IEnumerable<int> StartsToTry(MeetingRequest m, TimeGrid grid)
    {
        if (m.Pin is not null)
        {
            var pinned = grid.SlotStartingAt(m.Pin.Start);
            if (pinned is int p) yield return p;
            yield break;
        }
        for (int s = 0; s < grid.SlotCount; s++) yield return s;
    }

    /// <summary>The time rules for one start: grid, windows, availability, busy.</summary>
    internal static bool TimeFits(Event ev, TimeGrid grid, MeetingRequest m, ImmutableArray<int> people, bool[][] busySlots, int s, int length)
    {
        if (!grid.FitsAt(s, length)) return false;
        var start = grid.SlotStart(s);
        var end = start + m.Duration;
        if (!m.Windows.IsEmpty && !m.Windows.Any(w => w.Start <= start && end <= w.End)) return false;
        foreach (int p in people)
        {
            var participant = ev.Participants[p];
            if (!participant.Available.IsEmpty && !participant.Available.Any(a => a.Start <= start && end <= a.End)) return false;
            var busy = busySlots[p];
            for (int t = s; t < s + length; t++)
                if (busy[t]) return false;
        }
        return true;
    }

    internal static ImmutableArray<PoolGroup> SuitablePools(MeetingRequest m, ImmutableArray<RoomPool> pools) =>
        pools
            .Where(p => p.Suits(m) && (m.Pin?.Room is null || p.Rooms.Any(r => r.Id == m.Pin.Room)))
            .GroupBy(p => p.Building ?? "", StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new PoolGroup(g.First().Building, g.Select(p => p.Index).ToImmutableArray()))
            .ToImmutableArray();

    /// <summary>For each slot, whether it intersects one of <paramref name="intervals"/>.</summary>
    internal static bool[] SlotsIntersecting(TimeGrid grid, ImmutableArray<Interval> intervals)
    {
        var flags = new bool[grid.SlotCount];
        if (intervals.IsEmpty) return flags;
        for (int s = 0; s < grid.SlotCount; s++)
        {
            var slot = grid.SlotInterval(s);
            foreach (var i in intervals)
                if (i.Start < slot.End && slot.Start < i.End) { flags[s] = true; break; }
        }
        return flags;
    }
}
