using System.Collections.Immutable;
using NodaTime;
using Scheduler.Engine.Domain;
using Scheduler.Engine.Rules;

namespace Scheduler.Engine.Solving;

/// <summary>
/// Interchangeable interpreters: same languages, availability, busy periods and daily minutes. The model sees a pool
/// as one resource of <see cref="Size"/> units, and concrete interpreters are named after the solve, which is exact
/// for identical interpreters when nothing but overlap ties their meetings together. Pooling is therefore only done
/// when neither travel between buildings nor a binding <c>maxMinutesPerDay</c> applies: with either, which
/// interpreter had the previous meeting matters, and a pool's count could promise what no one interpreter can do.
/// An interpreter named by a pin gets a pool of their own so the pin can hold.
/// </summary>
internal sealed class InterpreterPool
{
    private InterpreterPool(int index, ImmutableArray<int> members, int? maxMinutesPerDay)
    {
        Index = index;
        Members = members;
        MaxMinutesPerDay = maxMinutesPerDay;
    }

    /// <summary>Position in the pool list.</summary>
    public int Index { get; }

    /// <summary>The interpreters (positions in the event), ordered by id; all alike.</summary>
    public ImmutableArray<int> Members { get; }

    /// <summary>How many meetings the pool can interpret at once.</summary>
    public int Size => Members.Length;

    /// <summary>The daily limit in minutes when it can bind (then the pool has one member); null otherwise.</summary>
    public int? MaxMinutesPerDay { get; }

    /// <summary>Groups the event's interpreters into pools; deterministic order (by first interpreter id).</summary>
    public static ImmutableArray<InterpreterPool> Build(PlacementRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var ev = rules.Event;
        var pinned = ev.Meetings.SelectMany(m => m.Interpreters).ToHashSet(StringComparer.Ordinal);
        bool travel = ev.TravelTimes.Any(t => t.Duration > Duration.Zero);
        long longestDay = rules.Grid.Days.IsEmpty ? 0 : rules.Grid.Days.Max(d => (long)(d.Hours.End - d.Hours.Start).TotalMinutes);
        int? Binding(Interpreter i) => i.MaxMinutesPerDay is int max && max < longestDay ? max : null;
        var groups = Enumerable.Range(0, ev.Interpreters.Length)
            .OrderBy(i => ev.Interpreters[i].Id, StringComparer.Ordinal)
            .GroupBy(i =>
            {
                var interpreter = ev.Interpreters[i];
                return travel || pinned.Contains(interpreter.Id) || Binding(interpreter) is not null ? "alone:" + interpreter.Id : Signature(interpreter);
            }, StringComparer.Ordinal)
            .Select(g => g.ToImmutableArray())
            .ToList();
        return [.. groups.Select((members, index) => new InterpreterPool(index, members, Binding(ev.Interpreters[members[0]])))];
    }

    /// <summary>
    /// The pools whose interpreters could be in meeting <paramref name="meeting"/>: each pinned interpreter's own pool
    /// (all of them are used), or every pool that covers its languages (one of them is used). Members of a pool are
    /// alike, so one answers for all.
    /// </summary>
    public static ImmutableArray<int> For(PlacementRules rules, ImmutableArray<InterpreterPool> pools, int meeting)
    {
        var who = rules.InterpretersFor(meeting).ToHashSet();
        return [.. pools.Where(p => who.Contains(p.Members[0])).Select(p => p.Index)];
    }

    private static string Signature(Interpreter i) =>
        string.Join("|",
            string.Join(",", i.Languages.Order(StringComparer.Ordinal)),
            Intervals(i.Available),
            Intervals(i.Busy),
            i.MaxMinutesPerDay?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "");

    private static string Intervals(ImmutableArray<Interval> list) =>
        string.Join(",", list.OrderBy(u => u.Start).ThenBy(u => u.End).Select(u => $"{u.Start.ToUnixTimeTicks()}-{u.End.ToUnixTimeTicks()}"));
}
