using System.Collections.Immutable;
using Scheduler.Engine.Domain;
using Scheduler.Engine.Rules;
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
/// Everything the model may choose for one meeting, pruned before any variable exists: every start keeps the rules
/// about the meeting alone (<see cref="PlacementRules.AllowedStarts"/>) and has at least one suitable pool free over
/// the whole meeting.
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

/// <summary>Computes every meeting's options from the <see cref="PlacementRules"/>, in time linear in meetings × slots.</summary>
internal static class CandidateBuilder
{
    /// <summary>Every meeting's options on <paramref name="grid"/> (the event's own) and <paramref name="pools"/>.</summary>
    public static ImmutableArray<MeetingOptions> Build(Event ev, TimeGrid grid, ImmutableArray<RoomPool> pools) =>
        Build(new PlacementRules(ev, grid), pools);

    /// <summary>
    /// Every meeting's options: each start <see cref="PlacementRules.AllowedStarts"/> gives, with each building group
    /// that has a pool available throughout the meeting. Sharing <paramref name="rules"/> with the first fit and the
    /// reasons means the allowed starts are computed once.
    /// </summary>
    public static ImmutableArray<MeetingOptions> Build(PlacementRules rules, ImmutableArray<RoomPool> pools)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var ev = rules.Event;
        var result = ImmutableArray.CreateBuilder<MeetingOptions>(ev.Meetings.Length);
        for (int mi = 0; mi < ev.Meetings.Length; mi++)
        {
            var m = ev.Meetings[mi];
            int length = rules.Length(mi);
            var groups = SuitablePools(m, pools);
            var options = ImmutableArray.CreateBuilder<StartOption>();
            if (!groups.IsEmpty)
            {
                foreach (int s in rules.AllowedStarts(mi))
                    for (int g = 0; g < groups.Length; g++)
                        if (groups[g].Pools.Any(p => pools[p].IsFreeOver(s, length)))
                            options.Add(new StartOption(s, g));
            }

            result.Add(new MeetingOptions(mi, m, length, rules.Participants(mi), groups, options.ToImmutable()));
        }

        return result.MoveToImmutable();
    }

    /// <summary>
    /// The pools whose rooms suit <paramref name="m"/>, grouped by building (ordinal). The rooms of a pool are alike,
    /// and a pinned room has a pool of its own, so the first room answers for the pool.
    /// </summary>
    internal static ImmutableArray<PoolGroup> SuitablePools(MeetingRequest m, ImmutableArray<RoomPool> pools) =>
        pools
            .Where(p => PlacementRules.Fit(p.Rooms[0], m) == RoomFit.Fits)
            .GroupBy(p => p.Building ?? "", StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new PoolGroup(g.First().Building, g.Select(p => p.Index).ToImmutableArray()))
            .ToImmutableArray();
}
