using System.Collections.Immutable;
using NodaTime;

namespace Scheduler.Engine.Domain;

/// <summary>A building that rooms belong to; travel between buildings takes time.</summary>
/// <param name="Id">Unique id.</param>
/// <param name="Name">Display name (the id when the file gives none).</param>
public sealed record Building(string Id, string Name);

/// <summary>The symmetric travel time between two distinct buildings.</summary>
/// <param name="From">A building id.</param>
/// <param name="To">Another building id.</param>
/// <param name="Duration">Real time needed between a meeting in one and a meeting in the other; not negative.</param>
public sealed record TravelTime(string From, string To, Duration Duration);

/// <summary>A room where meetings take place.</summary>
/// <param name="Id">Unique id.</param>
/// <param name="Name">Display name (the id when the file gives none).</param>
/// <param name="Building">The building id, or null when all rooms are in one place.</param>
/// <param name="Capacity">Seats; not negative.</param>
/// <param name="Features">Features the room offers (<c>interpretation</c>, <c>secure</c>, ...), ordinal strings.</param>
/// <param name="Unavailable">Periods when the room cannot be used, half-open.</param>
public sealed record Room(
    string Id,
    string Name,
    string? Building,
    int Capacity,
    ImmutableArray<string> Features,
    ImmutableArray<Interval> Unavailable)
{
    /// <summary>True when the room offers every feature in <paramref name="required"/>.</summary>
    public bool HasAll(IEnumerable<string> required) => required.All(f => Features.Contains(f, StringComparer.Ordinal));
}
