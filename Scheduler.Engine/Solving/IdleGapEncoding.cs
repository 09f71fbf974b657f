using System.Collections.Immutable;
using Google.OrTools.Sat;
using Scheduler.Engine.Domain;
using Scheduler.Engine.Time;

namespace Scheduler.Engine.Solving;

/// <summary>
/// Idle gaps as the contract defines them, counted exactly: on each day, a participant's gaps are the number of
/// busy blocks minus one when the day has any meeting. A block starts at a busy slot whose previous slot (skipping
/// break slots, which are no slots) is free. Exactness matters: with a spread cap the solver must not be able to
/// inflate a participant's count to satisfy the cap.
/// </summary>
internal static class IdleGapEncoding
{
    /// <summary>Adds the encoding and the spread cap; returns the total idle gaps.</summary>
    public static LinearExpr Add(CpModel model, Event ev, TimeGrid grid, ImmutableArray<MeetingOptions> meetings, List<BoolVar>[]?[] participantCover, bool requiredAreHard)
    {
        var perParticipant = new List<LinearExpr>();
        var perParticipantMax = new List<long>();
        var named = new SortedSet<int>(meetings.SelectMany(m => m.Participants));
        // A participant can only have a gap on a day where two of their meetings may fall.
        var meetingsPerDay = new Dictionary<(int P, int Day), int>();
        foreach (var m in meetings)
            foreach (int day in m.Options.Select(o => grid.DayOf(o.Start)).Distinct())
                foreach (int p in m.Participants)
                    meetingsPerDay[(p, day)] = meetingsPerDay.GetValueOrDefault((p, day)) + 1;
        // A day on which a participant surely meets (a hard required meeting has options only then) needs no
        // "any meeting today" literal: the count is then a plain sum of block starts minus one, which core-based
        // search bounds well.
        var surelyMeets = new HashSet<(int P, int Day)>();
        if (requiredAreHard)
            foreach (var m in meetings.Where(m => m.Meeting.Required && !m.Options.IsEmpty))
            {
                var days = m.Options.Select(o => grid.DayOf(o.Start)).Distinct().ToList();
                if (days.Count == 1) foreach (int p in m.Participants) surelyMeets.Add((p, days[0]));
            }
        foreach (int p in named)
        {
            var cover = participantCover[p];
            if (cover is null || !grid.Days.Any(d => meetingsPerDay.GetValueOrDefault((p, d.Index)) >= 2))
            {
                perParticipant.Add(LinearExpr.Constant(0));
                perParticipantMax.Add(0);
                continue;
            }
            var terms = new List<LinearExpr>();
            long max = 0;
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
                var blockStarts = new List<BoolVar>();
                BoolVar? previous = null;
                for (int i = 0; i < busy.Length; i++)
                {
                    var b = busy[i];
                    if (b is null) { previous = null; continue; }
                    if (previous is null) { blockStarts.Add(b); previous = b; continue; }
                    var h = model.NewBoolVar($"block_{p}_{slots[first + i]}");
                    model.Add(h >= b - previous);
                    model.AddImplication(h, b);
                    model.AddImplication(h, previous.Not());
                    blockStarts.Add(h);
                    previous = b;
                }
                if (surelyMeets.Contains((p, day.Index)))
                {
                    model.AddBoolOr(blockStarts);
                    terms.Add(LinearExpr.Sum(blockStarts) - 1);
                }
                else
                {
                    var active = busy.Where(b => b is not null).Cast<BoolVar>().Distinct().ToList();
                    var any = model.NewBoolVar($"any_{p}_{day.Index}");
                    foreach (var b in active) model.AddImplication(b, any);
                    model.AddBoolOr(active.Append(any.Not()));
                    terms.Add(LinearExpr.Sum(blockStarts) - any);
                }
                max += Math.Max(0, (busy.Length - 1) / 2);
            }
            perParticipant.Add(LinearExpr.Sum(terms));
            perParticipantMax.Add(max);
        }
        if (ev.Objective.MaxIdleGapSpread is int spread)
            AddSpreadCap(model, perParticipant, perParticipantMax, spread);
        return LinearExpr.Sum(perParticipant);
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
