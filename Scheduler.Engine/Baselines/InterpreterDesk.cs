using NodaTime;
using Scheduler.Engine.Rules;

namespace Scheduler.Engine.Baselines;

/// <summary>
/// First fit's interpreters: who is already in which meeting, where, and how many minutes each has worked per day, so
/// a meeting that needs interpretation gets the first interpreter (in event order) who covers it, is available, not
/// busy, not in another meeting or travelling then, and within their daily minutes; every pinned one when it pins them.
/// </summary>
internal sealed class InterpreterDesk
{
    private readonly PlacementRules rules;
    private readonly List<(Instant Start, Instant End, string? Building)>[] stays;
    private readonly Dictionary<(int Interpreter, int Day), long> minutes = [];

    public InterpreterDesk(PlacementRules rules)
    {
        this.rules = rules;
        stays = new List<(Instant, Instant, string?)>[rules.Event.Interpreters.Length];
        for (int i = 0; i < stays.Length; i++) stays[i] = [];
    }

    /// <summary>
    /// The interpreters meeting <paramref name="meeting"/> would have at <paramref name="slot"/> in
    /// <paramref name="building"/>: none when it needs none; null when it needs some and they are not free.
    /// </summary>
    public int[]? Choose(int meeting, int slot, Instant start, Instant end, string? building)
    {
        if (!rules.UsesInterpreter(meeting)) return [];
        int day = rules.Grid.DayOf(slot);
        long length = (long)rules.Event.Meetings[meeting].Duration.TotalMinutes;
        bool Free(int i) => rules.InterpreterFreeOver(i, meeting, slot)
            && (rules.Event.Interpreters[i].MaxMinutesPerDay is not int max || minutes.GetValueOrDefault((i, day)) + length <= max)
            && stays[i].All(s =>
            {
                var travel = rules.Event.TravelTime(building, s.Building);
                return s.Start >= end + travel || start >= s.End + travel;
            });
        var who = rules.InterpretersFor(meeting);
        if (rules.PinsInterpreters(meeting)) return who.All(Free) ? [.. who] : null;
        foreach (int i in who)
            if (Free(i)) return [i];
        return null;
    }

    /// <summary>Records the interpreters <see cref="Choose"/> gave as taken by the meeting.</summary>
    public void Book(int[] interpreters, int meeting, int slot, Instant start, Instant end, string? building)
    {
        int day = rules.Grid.DayOf(slot);
        foreach (int i in interpreters)
        {
            stays[i].Add((start, end, building));
            minutes[(i, day)] = minutes.GetValueOrDefault((i, day)) + (long)rules.Event.Meetings[meeting].Duration.TotalMinutes;
        }
    }

    /// <summary>The interpreters' ids, ordinal order.</summary>
    public System.Collections.Immutable.ImmutableArray<string> Ids(int[] interpreters) => [.. interpreters.Select(i => rules.Event.Interpreters[i].Id).Order(StringComparer.Ordinal)];
}
