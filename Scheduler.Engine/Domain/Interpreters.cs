using System.Collections.Immutable;
using NodaTime;

namespace Scheduler.Engine.Domain;

/// <summary>An interpreter: a scarce person who must be in the room of every meeting they interpret.</summary>
/// <param name="Id">Unique id.</param>
/// <param name="Name">Display name (the id when the file gives none).</param>
/// <param name="Languages">Language codes the interpreter works in (lower-case primary subtags such as <c>ru</c>); at least one.</param>
/// <param name="Available">Intervals a meeting they interpret must lie inside one of; empty means the whole event.</param>
/// <param name="Busy">Intervals a meeting they interpret must not intersect.</param>
/// <param name="MaxMinutesPerDay">The most meeting minutes they work on one day (positive); null when unlimited.</param>
public sealed record Interpreter(
    string Id,
    string Name,
    ImmutableArray<string> Languages,
    ImmutableArray<Interval> Available,
    ImmutableArray<Interval> Busy,
    int? MaxMinutesPerDay);

/// <summary>
/// The contract's rule for when a meeting needs interpretation and who can give it. The solver, the first fit and the
/// reader use it; the validator (<c>Checking/</c>) states the rule again on its own.
/// </summary>
public static class Interpretation
{
    /// <summary>
    /// True when every participant of <paramref name="meeting"/> has languages and no single language is shared by all
    /// of them. A participant without languages needs no interpreter, so then the meeting needs none.
    /// </summary>
    public static bool Needs(Event ev, MeetingRequest meeting)
    {
        ArgumentNullException.ThrowIfNull(ev);
        ArgumentNullException.ThrowIfNull(meeting);
        var sets = LanguagesOf(ev, meeting);
        if (sets is null) return false;
        var shared = new HashSet<string>(sets[0], StringComparer.Ordinal);
        foreach (var s in sets.Skip(1)) shared.IntersectWith(s);
        return shared.Count == 0;
    }

    /// <summary>
    /// True when <paramref name="interpreter"/> works in at least one language of every participant of
    /// <paramref name="meeting"/> who has languages (so can interpret the meeting).
    /// </summary>
    public static bool Covers(Event ev, Interpreter interpreter, MeetingRequest meeting)
    {
        ArgumentNullException.ThrowIfNull(ev);
        ArgumentNullException.ThrowIfNull(interpreter);
        ArgumentNullException.ThrowIfNull(meeting);
        foreach (var id in meeting.Participants)
        {
            var languages = ev.FindParticipant(id)?.Languages ?? [];
            if (!languages.IsEmpty && !languages.Any(l => interpreter.Languages.Contains(l, StringComparer.Ordinal))) return false;
        }

        return true;
    }

    /// <summary>Each participant's languages, or null when one of them has none.</summary>
    private static List<ImmutableArray<string>>? LanguagesOf(Event ev, MeetingRequest meeting)
    {
        var sets = new List<ImmutableArray<string>>(meeting.Participants.Length);
        foreach (var id in meeting.Participants)
        {
            var languages = ev.FindParticipant(id)?.Languages ?? [];
            if (languages.IsEmpty) return null;
            sets.Add(languages);
        }

        return sets.Count == 0 ? null : sets;
    }
}
