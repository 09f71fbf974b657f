using System.Collections.Immutable;
using Scheduler.Engine.Time;

namespace Scheduler.Engine.Solving;

/// <summary>
/// Participants who cannot avoid an idle gap on their own: no run of consecutive slots of the day, as long as their
/// meeting count, can host all their meetings (each at a start it may take). Such a participant has at least one
/// gap in every schedule, a bound the search would otherwise have to rediscover by proof.
/// </summary>
internal static class ForcedGaps
{
    /// <summary>
    /// The participants (indices) with a forced gap. Only participants whose meetings are all hard, one slot long and
    /// confined to one and the same day are examined; the others are never reported.
    /// </summary>
    public static SortedSet<int> Find(TimeGrid grid, ImmutableArray<MeetingOptions> meetings, bool requiredAreHard)
    {
        var forced = new SortedSet<int>();
        if (!requiredAreHard) return forced;
        var byParticipant = new SortedDictionary<int, List<MeetingOptions>>();
        foreach (var m in meetings)
            foreach (int p in m.Participants)
            {
                if (!byParticipant.TryGetValue(p, out var list)) byParticipant[p] = list = new();
                list.Add(m);
            }
        foreach (var (p, mine) in byParticipant)
        {
            if (mine.Count < 2 || mine.Any(m => !m.Meeting.Required || m.Length != 1 || m.Options.IsEmpty)) continue;
            var days = mine.SelectMany(m => m.Options.Select(o => grid.DayOf(o.Start))).Distinct().ToList();
            if (days.Count != 1) continue;
            var day = grid.Days[days[0]];
            var slots = Enumerable.Range(day.FirstSlot, day.SlotCount).Where(t => !grid.IsBreak(t)).ToList();
            var starts = mine.Select(m => m.Options.Select(o => o.Start).ToHashSet()).ToList();
            bool contiguousPossible = false;
            for (int a = 0; a + mine.Count <= slots.Count && !contiguousPossible; a++)
                contiguousPossible = PerfectMatching(starts, slots.GetRange(a, mine.Count));
            if (!contiguousPossible) forced.Add(p);
        }
        return forced;
    }

    /// <summary>Whether every meeting gets its own slot of <paramref name="window"/> (augmenting paths; sizes are tiny).</summary>
    private static bool PerfectMatching(List<HashSet<int>> starts, List<int> window)
    {
        var owner = new Dictionary<int, int>();
        for (int m = 0; m < starts.Count; m++)
            if (!Augment(m, starts, window, owner, new HashSet<int>())) return false;
        return true;
    }

    private static bool Augment(int m, List<HashSet<int>> starts, List<int> window, Dictionary<int, int> owner, HashSet<int> seen)
    {
        foreach (int t in window)
        {
            if (!starts[m].Contains(t) || !seen.Add(t)) continue;
            if (!owner.TryGetValue(t, out int other) || Augment(other, starts, window, owner, seen))
            {
                owner[t] = m;
                return true;
            }
        }
        return false;
    }
}
