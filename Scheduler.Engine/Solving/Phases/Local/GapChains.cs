namespace Scheduler.Engine.Solving.Phases.Local;

/// <summary>
/// Kempe-chain moves for the gap walk: meeting m goes from its start a to start b, every meeting at b that shares a
/// participant with it goes to a, every meeting at a that shares a participant with those goes to b, and so on until
/// nobody is double-booked. A single move or swap changes at most two people's days and is blocked whenever the
/// target slot is taken for anyone involved; a chain reorders the days of everyone in it at once, which is how the
/// walk leaves schedules where every small step adds a gap.
/// </summary>
internal sealed class GapChains
{
    /// <summary>The most meetings a chain may hold; a longer one is abandoned (it would rarely keep every rule and its cost grows with it).</summary>
    internal const int MaxChain = 40;

    private readonly List<int> toB = new();
    private readonly List<int> toA = new();
    private readonly HashSet<int> seen = new();

    /// <summary>
    /// Moves meeting <paramref name="m"/> (placed) to start slot <paramref name="target"/> and repairs the
    /// participants' double bookings along the chain between the two starts. False, with nothing changed, when a
    /// meeting of the chain has no option at its new start, the chain meets a meeting of another length or start,
    /// it exceeds <see cref="MaxChain"/>, or any rule (rooms, windows, precedence, daily caps) breaks.
    /// </summary>
    public bool Move(LocalSchedule s, int m, int target)
    {
        var mo = s.Meetings[m];
        int a = mo.Options[s.OptionOf(m)].Start, length = mo.Length;
        if (Math.Abs(a - target) < length || !HasStart(mo, target)) return false;
        toB.Clear();
        toA.Clear();
        seen.Clear();
        toB.Add(m);
        seen.Add(m);
        return Close(s, m, a, target, length);
    }

    // Grows the chain from m (already in toB) side by side until nobody in it is double-booked, then moves it.
    private bool Close(LocalSchedule s, int m, int a, int target, int length)
    {
        // Breadth first over both sides: meetings in toB push out their participants' meetings at the target,
        // meetings in toA push out those at the origin.
        int ib = 0, ia = 0;
        while (ib < toB.Count || ia < toA.Count)
        {
            if (ib < toB.Count)
            {
                if (!Collect(s, toB[ib++], target, length, toA)) return false;
            }
            else if (!Collect(s, toA[ia++], a, length, toB)) return false;
            if (toA.Count + toB.Count > MaxChain) return false;
        }
        foreach (int x in toB) s.Remove(x);
        foreach (int x in toA) s.Remove(x);
        // The pools the meetings leave are preferred by those arriving, so rooms balance as in a swap.
        int poolA = s.PoolOf(m), poolB = toA.Count > 0 ? s.PoolOf(toA[0]) : poolA;
        foreach (int x in toB)
            if (GapLocalSearch.TryPlaceAt(s, x, target, s.PoolOf(x), poolB) is null) return Undo(s);
        foreach (int x in toA)
            if (GapLocalSearch.TryPlaceAt(s, x, a, s.PoolOf(x), poolA) is null) return Undo(s);
        return true;
    }

    // Also keeps the slots looked at inside the grid: every meeting of the chain goes to a start that m has.
    private static bool HasStart(MeetingOptions mo, int start)
    {
        foreach (var o in mo.Options)
            if (o.Start == start) return true;
        return false;
    }

    private static bool Undo(LocalSchedule s)
    {
        s.Rollback();
        return false;
    }

    /// <summary>
    /// Adds to <paramref name="into"/> the meetings that <paramref name="x"/>'s participants have over
    /// [<paramref name="start"/>, start + length); false when one of them does not start exactly there or is of
    /// another length, since the chain could not send it to the other start without overlapping.
    /// </summary>
    private bool Collect(LocalSchedule s, int x, int start, int length, List<int> into)
    {
        foreach (int person in s.Meetings[x].Participants)
            for (int t = start; t < start + length; t++)
            {
                int y = s.MeetingAt(person, t);
                if (y < 0 || y == x || seen.Contains(y)) continue;
                var yo = s.Meetings[y];
                if (yo.Length != length || yo.Options[s.OptionOf(y)].Start != start) return false;
                seen.Add(y);
                into.Add(y);
            }
        return true;
    }
}
