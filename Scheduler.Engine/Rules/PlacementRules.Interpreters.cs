using System.Collections.Immutable;
using NodaTime;
using Scheduler.Engine.Domain;

namespace Scheduler.Engine.Rules;

/// <summary>
/// The interpreter rules about a meeting alone (contract v1.1): which interpreters could be in it, and whether one of
/// them (or every pinned one) is available and free of busy periods over a start. Who is already taken by other
/// meetings is for the model, first fit and the reasons.
/// </summary>
internal sealed partial class PlacementRules
{
    // [interpreter]: availability ends, busy slots. A class, not a tuple, so that filling the cache from two walks at
    // once (LocalPhase runs one per worker) swaps one reference and can never be read half written.
    private readonly InterpreterHours?[] interpreterHours;

    private sealed record InterpreterHours(Instant[] Until, bool[] Busy);
    private readonly ImmutableArray<int>[] interpretersOf;

    /// <summary>True when the meeting must have an interpreter: it needs interpretation, or it pins interpreters.</summary>
    public bool UsesInterpreter(int meeting) => !InterpretersFor(meeting).IsEmpty || NeedsInterpretation(meeting);

    /// <summary>True when the meeting needs interpretation (<see cref="Interpretation.Needs"/>).</summary>
    public bool NeedsInterpretation(int meeting) => Interpretation.Needs(Event, Event.Meetings[meeting]);

    /// <summary>
    /// The interpreters (positions in the event, ascending) that could be in the meeting: its pinned ones, all of whom
    /// must be; otherwise, when it needs interpretation, every interpreter who covers its participants' languages, one
    /// of whom must be. Empty when it needs none, or when nobody covers it (then <see cref="UsesInterpreter"/> tells).
    /// </summary>
    public ImmutableArray<int> InterpretersFor(int meeting)
    {
        var known = interpretersOf[meeting];
        if (!known.IsDefault) return known;
        var m = Event.Meetings[meeting];
        var list = Enumerable.Range(0, Event.Interpreters.Length);
        list = !m.Interpreters.IsEmpty
            ? list.Where(i => m.Interpreters.Contains(Event.Interpreters[i].Id, StringComparer.Ordinal))
            : NeedsInterpretation(meeting) ? list.Where(i => Interpretation.Covers(Event, Event.Interpreters[i], m)) : [];
        return interpretersOf[meeting] = [.. list];
    }

    /// <summary>True when the meeting's interpreters are pinned (all of them must be in it).</summary>
    public bool PinsInterpreters(int meeting) => !Event.Meetings[meeting].Interpreters.IsEmpty;

    /// <summary>
    /// True when interpreter <paramref name="interpreter"/> may work in meeting <paramref name="meeting"/> from
    /// <paramref name="slot"/>: the meeting lies inside one of their availability intervals and meets no busy period.
    /// </summary>
    public bool InterpreterFreeOver(int interpreter, int meeting, int slot)
    {
        var (until, busy) = interpreterHours[interpreter] ??= new InterpreterHours(
            AvailabilityEnds(Event.Interpreters[interpreter].Available), SlotsIntersecting(Event.Interpreters[interpreter].Busy));
        var end = Grid.SlotStart(slot) + Event.Meetings[meeting].Duration;
        if (until.Length > 0 && end > until[slot]) return false;
        return busy.Length == 0 || !AnySet(busy, slot, lengthOf[meeting]);
    }

    /// <summary>The interpreter rule at one start: nothing to keep, every pinned interpreter free, or some covering one free.</summary>
    private bool InterpreterFree(int meeting, int slot)
    {
        if (!UsesInterpreter(meeting)) return true;
        var who = InterpretersFor(meeting);
        return PinsInterpreters(meeting)
            ? who.All(i => InterpreterFreeOver(i, meeting, slot))
            : who.Any(i => InterpreterFreeOver(i, meeting, slot));
    }
}
