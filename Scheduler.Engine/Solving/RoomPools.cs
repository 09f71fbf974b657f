using System.Collections.Immutable;
using NodaTime;
using Scheduler.Engine.Domain;
using Scheduler.Engine.Rules;
using Scheduler.Engine.Time;

namespace Scheduler.Engine.Solving;

/// <summary>
/// Interchangeable rooms: same building, capacity, features and unavailability. The model sees a pool as one
/// resource of <see cref="Size"/> units, and concrete rooms are assigned after the solve by start time, which is exact
/// for intervals on identical machines. A room named by a pin gets a pool of its own so the pin can hold. Whether
/// a pool suits a meeting is <see cref="PlacementRules.Fit"/> of its first room.
/// </summary>
internal sealed class RoomPool
{
    private readonly bool[] blocked;

    private RoomPool(int index, ImmutableArray<Room> rooms, bool[] blocked)
    {
        Index = index;
        Rooms = rooms;
        this.blocked = blocked;
    }

    /// <summary>Position in the pool list.</summary>
    public int Index { get; }

    /// <summary>The rooms, sorted by id; all alike.</summary>
    public ImmutableArray<Room> Rooms { get; }

    /// <summary>How many meetings the pool can hold at once.</summary>
    public int Size => Rooms.Length;

    /// <summary>The building shared by every room, or null.</summary>
    public string? Building => Rooms[0].Building;

    /// <summary>Seats per room.</summary>
    public int Capacity => Rooms[0].Capacity;

    /// <summary>True when <paramref name="slot"/> intersects the rooms' unavailability.</summary>
    public bool IsBlocked(int slot) => blocked[slot];

    /// <summary>True when a meeting may use a room of this pool over slots <c>[start, start + length)</c>.</summary>
    public bool IsFreeOver(int start, int length)
    {
        for (int s = start; s < start + length; s++)
            if (blocked[s]) return false;
        return true;
    }

    /// <summary>Groups the event's rooms into pools; deterministic order (by first room id).</summary>
    public static ImmutableArray<RoomPool> Build(Event ev, TimeGrid grid) => Build(new PlacementRules(ev, grid));

    /// <summary>Groups the event's rooms into pools, unavailability as <paramref name="rules"/> gives it; deterministic order (by first room id).</summary>
    public static ImmutableArray<RoomPool> Build(PlacementRules rules) => Build(rules, null);

    /// <summary>
    /// As <see cref="Build(PlacementRules)"/>, with each room of <paramref name="ownPools"/> (ids) in a pool of its own, as
    /// a pinned room is: then choosing that pool is choosing that room.
    /// </summary>
    public static ImmutableArray<RoomPool> Build(PlacementRules rules, IReadOnlySet<string>? ownPools)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var ev = rules.Event;
        var pinnedRooms = ev.Meetings.Where(m => m.Pin?.Room is not null).Select(m => m.Pin!.Room!).ToHashSet(StringComparer.Ordinal);
        if (ownPools is not null) pinnedRooms.UnionWith(ownPools);
        var groups = ev.Rooms
            .OrderBy(r => r.Id, StringComparer.Ordinal)
            .GroupBy(r => pinnedRooms.Contains(r.Id) ? "pinned:" + r.Id : Signature(r), StringComparer.Ordinal)
            .Select(g => g.ToImmutableArray())
            .ToList();
        var pools = ImmutableArray.CreateBuilder<RoomPool>(groups.Count);
        foreach (var rooms in groups)
        {
            int first = rules.RoomIndex(rooms[0].Id);
            var blocked = new bool[rules.Grid.SlotCount];
            for (int s = 0; s < blocked.Length; s++) blocked[s] = rules.RoomBlocked(first, s);
            pools.Add(new RoomPool(pools.Count, rooms, blocked));
        }
        return pools.MoveToImmutable();
    }

    private static string Signature(Room r) =>
        string.Join("|",
            r.Building ?? "",
            r.Capacity.ToString(System.Globalization.CultureInfo.InvariantCulture),
            string.Join(",", r.Features.Order(StringComparer.Ordinal)),
            string.Join(",", r.Unavailable.OrderBy(u => u.Start).Select(u => $"{u.Start.ToUnixTimeTicks()}-{u.End.ToUnixTimeTicks()}")));
}
