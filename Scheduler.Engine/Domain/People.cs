using System.Collections.Immutable;
using NodaTime;

namespace Scheduler.Engine.Domain;

/// <summary>A delegation (a country, an organisation, a company).</summary>
/// <param name="Id">Unique id.</param>
/// <param name="Name">Display name (the id when the file gives none).</param>
/// <param name="Precedence">Protocol order, 1 first; null when none is given.</param>
public sealed record Delegation(string Id, string Name, int? Precedence);

/// <summary>A person who attends meetings.</summary>
/// <param name="Id">Unique id.</param>
/// <param name="Name">Display name (the id when the file gives none).</param>
/// <param name="Delegation">Delegation id, or null.</param>
/// <param name="Available">
/// Intervals a meeting must lie inside one of; empty means the whole event (the contract's default).
/// </param>
/// <param name="Busy">Intervals a meeting must not intersect.</param>
/// <param name="MaxMeetingsPerDay">The most meetings on one day; null when unlimited.</param>
public sealed record Participant(
    string Id,
    string Name,
    string? Delegation,
    ImmutableArray<Interval> Available,
    ImmutableArray<Interval> Busy,
    int? MaxMeetingsPerDay)
{
    private readonly ImmutableArray<string> languages = [];

    /// <summary>
    /// Language codes the participant works in (contract v1.1); empty when none are given, and then the participant
    /// needs no interpreter. Never default.
    /// </summary>
    public ImmutableArray<string> Languages
    {
        get => languages;
        init => languages = value.IsDefault ? [] : value;
    }
}
