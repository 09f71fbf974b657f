using System.Collections.Immutable;
using NodaTime;

namespace Scheduler.Engine.Checking;

/// <summary>
/// Counts idle gaps literally as the contract defines them: "a maximal run of a participant's free grain slots
/// between two of their meetings on the same day; time in breaks is no slot". A day's slots are
/// <c>[start + k·grain, start + (k+1)·grain)</c> in real time from the day's opening instant, kept when wholly
/// inside the day's hours and clear of every break. A slot is busy when one of the participant's meetings
/// intersects it, so a meeting off the grain still counts. A gap needs a busy slot before and after it on that
/// day: a meeting covering no slot at all (one lying wholly in a break, a violation of its own) bounds no gap.
/// </summary>
internal static class IdleGapCounter
{
    /// <summary>Idle gaps per participant named in any meeting of the event (zero for those without meetings).</summary>
    public static ImmutableSortedDictionary<string, int> Count(ValidationRun run)
    {
        var grids = run.Days.Select(d => new SlotGrid(d, run.Event.Grain)).ToArray();

        // Per participant: the runs of slot positions their meetings cover, as (day, first, last).
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

            var next = position;
            for (var k = slots - 1; k >= 0; k--)
            {
                if (counts[k]) next = previousPosition[k];
                nextPosition[k] = next;
            }
        }

        /// <summary>The positions of the first and last counting slots that <c>[from, to)</c> intersects, if any.</summary>
        public bool TryCover(Instant from, Instant to, out int first, out int last)
        {
            first = last = 0;
            var slots = nextPosition.Length;
            if (slots == 0 || to <= from || to <= start || from >= end) return false;
            var k0 = FloorDiv((from - start).ToInt64Nanoseconds(), grain);
            var k1 = CeilDiv((to - start).ToInt64Nanoseconds(), grain) - 1;
            k0 = Math.Max(k0, 0);
            k1 = Math.Min(k1, slots - 1);
            if (k0 > k1) return false;
            first = nextPosition[k0];
            last = previousPosition[k1];
            return first <= last;
        }

        private static long FloorDiv(long a, long b) => a >= 0 ? a / b : -((-a + b - 1) / b);

        private static long CeilDiv(long a, long b) => -FloorDiv(-a, b);
    }
}
