using System.Collections.Immutable;
using Google.OrTools.Sat;
using Scheduler.Engine.Domain;
using Scheduler.Engine.Time;

namespace Scheduler.Engine.Solving;

/// <summary>
/// Idle gaps as the contract defines them, counted exactly: on each day, a participant's gap starts at a free slot
/// (skipping break slots, which are no slots) whose previous slot is busy and after which the participant meets
/// again. Each gap has exactly one start, so the count is a plain sum of literals, which core-based search bounds
/// well, and "no gap here" propagates as "busy before and a meeting later, so busy now". Exactness matters: with a
/// spread cap the solver must not be able to inflate a participant's count to satisfy the cap.
/// </summary>
internal static class IdleGapEncoding
{
    /// <summary>
    /// Adds the encoding and the spread cap; returns the total idle gaps. <c>floor</c> receives a lower bound on the
    /// total: the number of participants who cannot avoid a gap.
    /// </summary>
    public static LinearExpr Add(CpModel model, Event ev, TimeGrid grid, ImmutableArray<MeetingOptions> meetings, List<BoolVar>[]?[] participantCover, bool requiredAreHard, int[] roomsFree, out int floor)
    {
        var forced = ForcedGaps.Find(grid, meetings, requiredAreHard);
        floor = forced.Count;
        var perParticipant = new List<LinearExpr>();
        var perParticipantMax = new List<long>();
        var named = new SortedSet<int>(meetings.SelectMany(m => m.Participants));
        // A participant can only have a gap on a day where two of their meetings may fall.
        var meetingsPerDay = new Dictionary<(int P, int Day), int>();
        foreach (var m in meetings)
            foreach (int day in m.Options.Select(o => grid.DayOf(o.Start)).Distinct())
                foreach (int p in m.Participants)
                    meetingsPerDay[(p, day)] = meetingsPerDay.GetValueOrDefault((p, day)) + 1;
        // Busy slots per participant-day when all their meetings are hard and each can fall on one day only.
        var knownBusy = new Dictionary<(int P, int Day), long>();
        var unknown = new HashSet<int>();
        foreach (var m in meetings)
        {
            var days = m.Options.Select(o => grid.DayOf(o.Start)).Distinct().ToList();
            bool sure = requiredAreHard && m.Meeting.Required && days.Count == 1;
            foreach (int p in m.Participants)
            {
                if (!sure) { unknown.Add(p); continue; }
                knownBusy[(p, days[0])] = knownBusy.GetValueOrDefault((p, days[0])) + m.Length;
            }
        }
        var spans = new List<(int Day, int Offset, Span Span)>();
        foreach (int p in named)
        {
            var cover = participantCover[p];
            var terms = new List<LinearExpr>();
            long max = 0;
            if (cover is not null)
                foreach (var day in grid.Days)
                {
                    if (meetingsPerDay.GetValueOrDefault((p, day.Index)) < 2) continue;
                    var slots = Enumerable.Range(day.FirstSlot, day.SlotCount).Where(t => !grid.IsBreak(t)).ToList();
                    int first = slots.FindIndex(t => cover[t].Count > 0);
                    if (first < 0) continue;
                    int last = slots.FindLastIndex(t => cover[t].Count > 0);
                    if (first == last) continue;
                    var busy = new BoolVar?[last - first + 1];
                    for (int i = first; i <= last; i++) busy[i - first] = Busy(model, cover[slots[i]], p, slots[i]);
                    long? count = unknown.Contains(p) ? null : knownBusy.GetValueOrDefault((p, day.Index));
                    terms.Add(LinearExpr.Sum(GapStarts(model, busy, $"{p}_{day.Index}", count, out var span)));
                    if (span is not null) spans.Add((day.Index, first, span));
                    max += Math.Max(0, (busy.Length - 1) / 2);
                }
            if (forced.Contains(p)) model.Add(LinearExpr.Sum(terms) >= 1);
            perParticipant.Add(terms.Count == 0 ? LinearExpr.Constant(0) : LinearExpr.Sum(terms));
            perParticipantMax.Add(max);
        }
        AddBusyCapacity(model, grid, meetings, spans, roomsFree);
        if (ev.Objective.MaxIdleGapSpread is int spread)
            AddSpreadCap(model, perParticipant, perParticipantMax, spread);
        return LinearExpr.Sum(perParticipant);
    }

    /// <summary>
    /// Gap-start literals over one participant-day: <c>g[i] ⇔ busy[i-1] ∧ ¬busy[i] ∧ later[i+1]</c>, where
    /// <c>later[i]</c> is true when the participant meets at slot i or after. A null busy entry is a slot where the
    /// participant surely does not meet.
    /// </summary>
    private static List<BoolVar> GapStarts(CpModel model, BoolVar?[] busy, string name, long? knownCount, out Span? span)
    {
        int n = busy.Length;
        // later[i]: some busy[j] with j >= i; null when no meeting can follow.
        var later = Suffix(model, busy, $"later_{name}");
        var starts = new List<BoolVar>();
        for (int i = 1; i < n; i++)
        {
            var before = busy[i - 1];
            var after = later[i + 1];
            if (before is null || after is null) continue;
            var now = busy[i];
            var g = model.NewBoolVar($"gap_{name}_{i}");
            model.AddImplication(g, before);
            model.AddImplication(g, after);
            if (now is null)
            {
                model.AddBoolOr(new ILiteral[] { before.Not(), after.Not(), g });
            }
            else
            {
                model.AddImplication(g, now.Not());
                model.AddBoolOr(new ILiteral[] { before.Not(), after.Not(), now, g });
            }
            starts.Add(g);
        }
        var busyCount = LinearExpr.Sum(busy.Where(b => b is not null).Cast<BoolVar>());
        if (knownCount is long k)
        {
            model.Add(busyCount == k);
            busyCount = LinearExpr.Constant(k);
        }
        var (first, hasGap) = AddSpan(model, busy, later, starts, name, busyCount);
        span = knownCount is long size && size > 0 ? new Span(first, size, hasGap?.Not()) : null;
        return starts;
    }

    /// <summary>A participant-day's busy run when it has no gap: [First, First + Size) in positions of the run.</summary>
    private sealed record Span(IntVar First, long Size, ILiteral? WhenNoGap);

    /// <summary>s[i] ⇔ some busy[j], j ≥ i; shares the literal when busy[i] is surely false.</summary>
    private static BoolVar?[] Suffix(CpModel model, BoolVar?[] busy, string name)
    {
        int n = busy.Length;
        var later = new BoolVar?[n + 1];
        for (int i = n - 1; i >= 0; i--)
        {
            var b = busy[i];
            var next = later[i + 1];
            if (b is null) { later[i] = next; continue; }
            if (next is null) { later[i] = b; continue; }
            var a = model.NewBoolVar($"{name}_{i}");
            model.AddImplication(b, a);
            model.AddImplication(next, a);
            model.AddBoolOr(new ILiteral[] { a.Not(), b, next });
            later[i] = a;
        }
        return later;
    }

    /// <summary>
    /// Redundant: the day's first and last busy positions F and L (order-encoded by the prefix and suffix literals)
    /// span exactly the busy slots when there is no gap, and at least one free slot per gap otherwise. Under "no gap"
    /// one meeting confines all of the participant's others to a window as wide as their count.
    /// </summary>
    private static (IntVar First, BoolVar? HasGap) AddSpan(CpModel model, BoolVar?[] busy, BoolVar?[] later, List<BoolVar> starts, string name, LinearExpr busyCount)
    {
        int n = busy.Length;
        var reversed = busy.Reverse().ToArray();
        var earlierReversed = Suffix(model, reversed, $"earlier_{name}");
        var positions = Enumerable.Range(0, n).Where(i => busy[i] is not null).Select(i => (long)i).ToList();
        var last = model.NewIntVarFromDomain(Google.OrTools.Util.Domain.FromValues(positions.Prepend(-1).ToArray()), $"last_{name}");
        var first = model.NewIntVarFromDomain(Google.OrTools.Util.Domain.FromValues(positions.Append(n).ToArray()), $"first_{name}");
        foreach (int i in positions)
        {
            var l = later[i]!;
            model.Add(last >= i).OnlyEnforceIf(l);
            model.Add(last < i).OnlyEnforceIf(l.Not());
            var e = earlierReversed[n - 1 - i]!;
            model.Add(first <= i).OnlyEnforceIf(e);
            model.Add(first > i).OnlyEnforceIf(e.Not());
        }
        var any = later[0]!;
        model.Add(last - first + 1 - busyCount >= LinearExpr.Sum(starts)).OnlyEnforceIf(any);
        if (starts.Count == 0)
        {
            model.Add(last - first + 1 == busyCount).OnlyEnforceIf(any);
            return (first, null);
        }
        var hasGap = model.NewBoolVar($"hasgap_{name}");
        foreach (var g in starts) model.AddImplication(g, hasGap);
        model.AddBoolOr(starts.Append(hasGap.Not()));
        model.Add(last - first + 1 == busyCount).OnlyEnforceIf(new[] { any, hasGap.Not() });
        return (first, hasGap);
    }

    /// <summary>
    /// Redundant: at any slot, at most (largest meeting size × free rooms) participants are busy, and a participant
    /// with no gap that day is busy over one run as long as their meeting count. A cumulative over these runs adds
    /// the scheduling reasoning (compulsory parts, energy) that clause learning lacks when rooms are scarce.
    /// </summary>
    private static void AddBusyCapacity(CpModel model, TimeGrid grid, ImmutableArray<MeetingOptions> meetings,
        List<(int Day, int Offset, Span Span)> spans, int[] roomsFree)
    {
        if (spans.Count == 0) return;
        long perMeeting = meetings.Max(m => m.Participants.Length);
        foreach (var group in spans.GroupBy(s => s.Day).OrderBy(g => g.Key))
        {
            var day = grid.Days[group.Key];
            var slots = Enumerable.Range(day.FirstSlot, day.SlotCount).Where(t => !grid.IsBreak(t)).ToList();
            long most = slots.Max(t => (long)roomsFree[t]);
            var cumulative = model.AddCumulative(perMeeting * most);
            foreach (var (_, offset, span) in group)
            {
                var start = span.First + offset;
                var interval = span.WhenNoGap is null
                    ? model.NewFixedSizeIntervalVar(start, span.Size, $"run_{group.Key}_{span.First.GetIndex()}")
                    : model.NewOptionalFixedSizeIntervalVar(start, span.Size, span.WhenNoGap, $"run_{group.Key}_{span.First.GetIndex()}");
                cumulative.AddDemand(interval, 1);
            }
            for (int i = 0; i < slots.Count; i++)
                if (roomsFree[slots[i]] < most)
                    cumulative.AddDemand(model.NewFixedSizeIntervalVar(i, 1, $"closed_{slots[i]}"), perMeeting * (most - roomsFree[slots[i]]));
        }
    }

    private static BoolVar? Busy(CpModel model, List<BoolVar> cover, int p, int slot)
    {
        if (cover.Count == 0) return null;
        if (cover.Count == 1) return cover[0];
        var b = model.NewBoolVar($"busy_{p}_{slot}");
        model.Add(LinearExpr.Sum(cover) == b);
        return b;
    }

    private static void AddSpreadCap(CpModel model, List<LinearExpr> gaps, List<long> maxGaps, int spread)
    {
        long upper = maxGaps.Count == 0 ? 0 : maxGaps.Max();
        var low = model.NewIntVar(0, upper, "gaps_min");
        var high = model.NewIntVar(0, upper, "gaps_max");
        for (int i = 0; i < gaps.Count; i++)
        {
            model.Add(gaps[i] >= low);
            model.Add(gaps[i] <= high);
        }
        model.Add(high - low <= spread);
    }
}
