using System.Collections.Immutable;
using NodaTime;

namespace Scheduler.Engine.Checking;

/// <summary>
/// Counts idle gaps literally as the contract defines them: "a maximal run of a participant's free grain slots
/// between two of their meetings on the same day; time in breaks is no slot". A day's slots are
/// <c>[start + k·grain, start + (k+1)·grain)</c> in real time from the day's opening instant, kept when wholly
/// inside the day's hours and clear of every break. A slot is busy when one of the participant's meetings
/// intersects it, so a meeting off the grain still counts. A meeting that covers no slot at all (one lying in a
/// break, which is a violation of its own) still stands between the slots before and after it, so free slots
/// between it and another meeting are a gap, as "between two of their meetings" says.
/// </summary>
internal static class IdleGapCounter
{
    /// <summary>Idle gaps per participant named in any meeting of the event (zero for those without meetings).</summary>
    public static ImmutableSortedDictionary<string, int> Count(ValidationRun run)
    {
        var grids = run.Days.Select(d => new SlotGrid(d, run.Event.Grain)).ToArray();

        // Per participant: the runs of slot positions their meetings cover, as (day, first, last); a meeting
        // covering no slot is the empty run (p, p - 1) where p is the position of the next slot.
        var covered = new Dictionary<string, List<(int Day, int First, int Last)>>(StringComparer.Ordinal);
        foreach (var p in run.Placements)
        {
            for (var d = 0; d < grids.Length; d++)
            {
                if (!grids[d].TryCover(p.Start, p.End, out var first, out var last)) continue;
                foreach (var id in p.Meeting.Participants)
                {
                    if (!covered.TryGetValue(id, out var list)) covered.Add(id, list = []);
                    list.Add((d, first, last));
                }
            }
        }

        var counts = ImmutableSortedDictionary.CreateBuilder<string, int>(StringComparer.Ordinal);
        foreach (var meeting in run.Event.Meetings)
        {
            foreach (var id in meeting.Participants) counts[id] = 0;
        }

        foreach (var (id, runs) in covered)
        {
            counts[id] = Gaps(runs);
        }

        return counts.ToImmutable();
    }

    // Busy runs that touch or overlap merge; on each day, each further run is preceded by exactly one gap.
    private static int Gaps(List<(int Day, int First, int Last)> runs)
    {
        runs.Sort();
        var gaps = 0;
        var day = -1;
        var reach = -1;
        foreach (var (d, first, last) in runs)
        {
            if (d != day)
            {
                day = d;
                reach = last;
                continue;
            }

            if (first > reach + 1) gaps++;
            reach = Math.Max(reach, last);
        }

        return gaps;
    }

    /// <summary>One day's grain slots, numbered in real time, and their positions among the slots that count.</summary>
    private sealed class SlotGrid
    {
        private readonly Instant start;
        private readonly Instant end;
        private readonly long grain;

        // For grid slot k: the position of the first counting slot at or after k, and of the last at or before k.
        private readonly int[] nextPosition;
        private readonly int[] previousPosition;

        // How many slots count (the day's slots less those touching a break).
        private readonly int positions;

        public SlotGrid(ResolvedDay day, Duration grain)
        {
            start = day.Start;
            end = day.End;
            this.grain = grain.ToInt64Nanoseconds();
            var length = (day.End - day.Start).ToInt64Nanoseconds();
            var slots = length <= 0 ? 0 : (int)(length / this.grain);
            var counts = new bool[slots];
            for (var k = 0; k < slots; k++)
            {
                var slotStart = start + Duration.FromNanoseconds(k * this.grain);
                var slotEnd = slotStart + grain;
                counts[k] = !day.Breaks.Any(b => b.When.Start < slotEnd && slotStart < b.When.End);
            }

            nextPosition = new int[slots];
            previousPosition = new int[slots];
            var position = 0;
            for (var k = 0; k < slots; k++)
            {
                previousPosition[k] = counts[k] ? position : position - 1;
                if (counts[k]) position++;
            }

            positions = position;
            var next = position;
            for (var k = slots - 1; k >= 0; k--)
            {
                if (counts[k]) next = previousPosition[k];
                nextPosition[k] = next;
            }
        }

        /// <summary>
        /// For a meeting on this day (intersecting its hours), the positions of the first and last counting slots
        /// that <c>[from, to)</c> intersects; when it intersects none, <c>last = first - 1</c> with <c>first</c>
        /// the position of the next counting slot (or the count of them).
        /// </summary>
        public bool TryCover(Instant from, Instant to, out int first, out int last)
        {
            first = last = 0;
            if (to <= from || to <= start || from >= end) return false;
            var slots = nextPosition.Length;
            var k0 = Math.Max(FloorDiv((from - start).ToInt64Nanoseconds(), grain), 0);
            var k1 = Math.Min(CeilDiv((to - start).ToInt64Nanoseconds(), grain) - 1, slots - 1);
            if (k0 > k1)
            {
                // Only in the day's last, partial grain: after every counting slot.
                first = positions;
                last = positions - 1;
                return true;
            }

            first = nextPosition[k0];
            last = previousPosition[k1];
            return true;
        }

        private static long FloorDiv(long a, long b) => a >= 0 ? a / b : -((-a + b - 1) / b);

        private static long CeilDiv(long a, long b) => -FloorDiv(-a, b);
    }
}
