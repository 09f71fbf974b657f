using Google.OrTools.Sat;
using NodaTime;

namespace Scheduler.Engine.Solving;

/// <summary>
/// The interpreter rules of contract v1.1 in the model. A meeting that must have an interpreter chooses one of the
/// interpreter pools that could be in it (all of its pinned ones), only among pools free over the option it takes;
/// per pool, its meetings fit in its size at every slot (no-overlap for one interpreter); an interpreter alone in a
/// pool keeps their daily minutes and the travel time between buildings.
/// </summary>
internal sealed partial class ModelBuilder
{
    private void Interpreters()
    {
        if (!problem.UsesInterpreters) return;
        var ipools = problem.InterpreterPools;
        var uses = new List<(MeetingOptions M, BoolVar Present)>[ipools.Length];
        for (int q = 0; q < uses.Length; q++) uses[q] = [];
        foreach (var m in meetings)
        {
            if (m.Options.IsEmpty || !problem.Rules.UsesInterpreter(m.Index)) continue;
            var eligible = InterpreterPool.For(problem.Rules, ipools, m.Index);
            if (problem.Rules.PinsInterpreters(m.Index))
            {
                // Candidates keep only starts where every pinned interpreter is free, so each is simply there.
                foreach (int q in eligible) uses[q].Add((m, scheduled[m.Index]!));
                continue;
            }

            var choices = new List<BoolVar>();
            foreach (int q in eligible)
            {
                var busyAt = Enumerable.Range(0, m.Options.Length)
                    .Where(k => !problem.Rules.InterpreterFreeOver(ipools[q].Members[0], m.Index, m.Options[k].Start)).ToList();
                if (busyAt.Count == m.Options.Length) continue;
                var y = model.NewBoolVar($"interp_{m.Index}_{q}");
                foreach (int k in busyAt) model.AddImplication(y, x[m.Index][k].Not());
                choices.Add(y);
                uses[q].Add((m, y));
            }

            // Exactly one pool when scheduled: with one interpreter per meeting the pools' counts are the workload.
            model.Add(LinearExpr.Sum(choices) == scheduled[m.Index]!);
        }

        var startMinute = new Dictionary<int, IntVar>();
        var where = new Dictionary<(int Meeting, int Day, string? Building), BoolVar>();
        for (int q = 0; q < ipools.Length; q++)
        {
            if (uses[q].Count == 0) continue;
            var intervals = uses[q].Select(u => model.NewOptionalFixedSizeIntervalVar(StartSlot(u.M), u.M.Length, u.Present, $"ipool_{u.M.Index}_{q}")).ToList();
            if (ipools[q].Size == 1) model.AddNoOverlap(intervals);
            else
            {
                var cumulative = model.AddCumulative(ipools[q].Size);
                foreach (var interval in intervals) cumulative.AddDemand(interval, 1);
            }

            if (ipools[q].MaxMinutesPerDay is int max) DailyMinutes(uses[q], max, where);
            if (ipools[q].Size == 1) InterpreterTravel(uses[q], startMinute, where);
        }
    }

    /// <summary>Per day, the minutes of the meetings the interpreter is in stay within <paramref name="max"/>.</summary>
    private void DailyMinutes(List<(MeetingOptions M, BoolVar Present)> uses, int max, Dictionary<(int, int, string?), BoolVar> where)
    {
        var byDay = new SortedDictionary<int, List<LinearExpr>>();
        long total = 0;
        foreach (var (m, present) in uses)
        {
            long minutes = (long)m.Meeting.Duration.TotalMinutes;
            var days = m.Options.Select(o => grid.DayOf(o.Start)).Distinct().ToList();
            foreach (int day in days)
            {
                BoolVar on = present;
                if (days.Count > 1)
                {
                    // on ⇐ present ∧ (an option on this day): true whenever both are, which is all the limit needs.
                    on = model.NewBoolVar($"imin_{m.Index}_{day}");
                    model.Add(on >= present + Where(m, day, null, where) - 1);
                }

                if (!byDay.TryGetValue(day, out var list)) byDay[day] = list = [];
                list.Add(on * minutes);
            }

            total += minutes;
        }

        if (total <= max) return;
        foreach (var list in byDay.Values) model.Add(LinearExpr.Sum(list) <= max);
    }

    /// <summary>
    /// Travel for one interpreter, in real minutes from the event's start: per pair of buildings A, B with a travel
    /// time, a meeting in B stretched by that time on both sides may not meet a meeting in A. A cumulative whose
    /// capacity is the number of B meetings, A meetings demanding all of it, says exactly that (B meetings may still
    /// touch one another; the no-overlap above keeps them apart).
    /// </summary>
    private void InterpreterTravel(List<(MeetingOptions M, BoolVar Present)> uses, Dictionary<int, IntVar> startMinute,
        Dictionary<(int, int, string?), BoolVar> where)
    {
        var buildingsOf = uses.Select(u => u.M.Options.Select(o => u.M.Groups[o.Group].Building).OfType<string>()
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList()).ToList();
        var all = buildingsOf.SelectMany(b => b).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        foreach (var a in all)
            foreach (var b in all)
            {
                var travel = ev.TravelTime(a, b);
                if (string.CompareOrdinal(a, b) >= 0 || travel <= Duration.Zero) continue;
                var inA = Enumerable.Range(0, uses.Count).Where(i => buildingsOf[i].Contains(a)).ToList();
                var inB = Enumerable.Range(0, uses.Count).Where(i => buildingsOf[i].Contains(b)).ToList();
                if (inA.Count == 0 || inB.Count == 0 || (inA.Count == 1 && inA.SequenceEqual(inB))) continue;
                long tau = (long)travel.TotalMinutes;
                var cumulative = model.AddCumulative(inB.Count);
                foreach (int i in inA)
                {
                    var (m, present) = uses[i];
                    cumulative.AddDemand(model.NewOptionalFixedSizeIntervalVar(StartMinute(m, startMinute), (long)m.Meeting.Duration.TotalMinutes,
                        There(m, present, a, buildingsOf[i], where), $"itrav_{m.Index}_{a}"), inB.Count);
                }

                foreach (int i in inB)
                {
                    var (m, present) = uses[i];
                    var start = StartMinute(m, startMinute);
                    cumulative.AddDemand(model.NewOptionalIntervalVar(start - tau, (long)m.Meeting.Duration.TotalMinutes + 2 * tau,
                        start + ((long)m.Meeting.Duration.TotalMinutes + tau), There(m, present, b, buildingsOf[i], where), $"itrav_{m.Index}_{b}"), 1);
                }
            }
    }

    /// <summary>A literal true when the interpreter is in meeting <paramref name="m"/> and it is held in <paramref name="building"/> (it may be true more often, which only the solver would choose not to).</summary>
    private BoolVar There(MeetingOptions m, BoolVar present, string building, List<string> buildings, Dictionary<(int, int, string?), BoolVar> where)
    {
        if (buildings.Count == 1) return present;
        var lit = model.NewBoolVar($"ithere_{m.Index}_{building}");
        model.Add(lit >= present + Where(m, -1, building, where) - 1);
        return lit;
    }

    /// <summary>
    /// A literal true exactly when meeting <paramref name="m"/> takes an option on <paramref name="day"/> (or any day
    /// with -1) in <paramref name="building"/> (or any with null); made once per meeting and shared by every
    /// interpreter, so each interpreter's own literals need three terms, not one per option.
    /// </summary>
    private BoolVar Where(MeetingOptions m, int day, string? building, Dictionary<(int, int, string?), BoolVar> where)
    {
        if (where.TryGetValue((m.Index, day, building), out var known)) return known;
        var inside = Enumerable.Range(0, m.Options.Length)
            .Where(k => (day < 0 || grid.DayOf(m.Options[k].Start) == day) && (building is null || m.Groups[m.Options[k].Group].Building == building))
            .Select(k => x[m.Index][k]);
        var lit = model.NewBoolVar($"iwhere_{m.Index}_{day}_{building}");
        model.Add(LinearExpr.Sum(inside) == lit);
        return where[(m.Index, day, building)] = lit;
    }

    /// <summary>The meeting's start in whole minutes after the event's first slot (its first option's when unscheduled).</summary>
    private IntVar StartMinute(MeetingOptions m, Dictionary<int, IntVar> cache)
    {
        if (cache.TryGetValue(m.Index, out var known)) return known;
        var origin = grid.SlotStart(0);
        long MinuteOf(int slot) => (long)(grid.SlotStart(slot) - origin).TotalMinutes;
        var values = m.Options.Select(o => MinuteOf(o.Start)).Distinct().ToArray();
        var v = model.NewIntVarFromDomain(Google.OrTools.Util.Domain.FromValues(values), $"imin_{m.Index}");
        long fallback = MinuteOf(m.Options[0].Start);
        var terms = Enumerable.Range(0, m.Options.Length).Select(k => x[m.Index][k] * (MinuteOf(m.Options[k].Start) - fallback));
        model.Add(v == LinearExpr.Sum(terms) + fallback);
        return cache[m.Index] = v;
    }
}
