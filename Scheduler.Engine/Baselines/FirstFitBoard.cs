using System.Collections.Immutable;
using System.Numerics;
using NodaTime;
using Scheduler.Engine.Domain;
using Scheduler.Engine.Rules;
using Scheduler.Engine.Time;

namespace Scheduler.Engine.Baselines;

/// <summary>
/// The state first fit places meetings on: which grid slots each participant and room already uses,
/// meetings per participant per day, and where each participant already is (for travel time).
/// Rooms are numbered in the order first fit prefers them (capacity, then id, ordinal), so the lowest free
/// room index in a bit mask is the smallest fitting room.
/// </summary>
internal sealed class FirstFitBoard
{
    private readonly TimeGrid grid;
    private readonly int roomWords;
    private readonly ulong[][] roomBusyBySlot;     // [slot][room word]: room occupied or unavailable
    private readonly ulong[][] participantBusy;     // [participant][slot word]: slots of placed meetings
    private readonly int[][] meetingsPerDay;        // [participant][day]
    private readonly List<Stay>[] stays;            // [participant]: placed meetings, for travel
    private readonly Duration[,] travel;            // [building, building]
    private readonly bool hasTravel;
    private readonly Dictionary<(int, string, string), (ulong[], int)> suitable = new();

    /// <summary>A placed meeting of one participant: when, and in which building (-1: none).</summary>
    private readonly record struct Stay(Instant Start, Instant End, int Building);

    /// <summary>An empty board for <paramref name="rules"/>' event, rooms unavailable where the rules say so.</summary>
    public FirstFitBoard(PlacementRules rules)
    {
        var ev = rules.Event;
        grid = rules.Grid;
        Rooms = ev.Rooms
            .OrderBy(r => r.Capacity)
            .ThenBy(r => r.Id, StringComparer.Ordinal)
            .ToArray();
        roomWords = Math.Max(1, (Rooms.Length + 63) / 64);

        var buildingIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var b in ev.Buildings) buildingIndex[b.Id] = buildingIndex.Count;
        RoomBuilding = Rooms
            .Select(r => r.Building is not null && buildingIndex.TryGetValue(r.Building, out var i) ? i : -1)
            .ToArray();
        travel = new Duration[buildingIndex.Count, buildingIndex.Count];
        foreach (var from in ev.Buildings)
        foreach (var to in ev.Buildings)
        {
            var t = ev.TravelTime(from.Id, to.Id);
            travel[buildingIndex[from.Id], buildingIndex[to.Id]] = t;
            hasTravel |= t > Duration.Zero;
        }

        roomBusyBySlot = new ulong[grid.SlotCount][];
        for (int s = 0; s < grid.SlotCount; s++) roomBusyBySlot[s] = new ulong[roomWords];
        for (int r = 0; r < Rooms.Length; r++)
        {
            int room = rules.RoomIndex(Rooms[r].Id);
            for (int s = 0; s < grid.SlotCount; s++)
                if (rules.RoomBlocked(room, s)) roomBusyBySlot[s][r >> 6] |= 1UL << (r & 63);
        }

        int slotWords = (grid.SlotCount + 63) / 64;
        participantBusy = new ulong[ev.Participants.Length][];
        meetingsPerDay = new int[ev.Participants.Length][];
        stays = new List<Stay>[ev.Participants.Length];
        for (int p = 0; p < ev.Participants.Length; p++)
        {
            participantBusy[p] = new ulong[slotWords];
            meetingsPerDay[p] = new int[grid.Days.Length];
            stays[p] = [];
        }
    }

    /// <summary>Rooms in preference order: capacity ascending, then id (ordinal).</summary>
    public Room[] Rooms { get; }

    /// <summary>The building index of each room in <see cref="Rooms"/> order; -1 when it has none.</summary>
    public int[] RoomBuilding { get; }

    /// <summary>
    /// The mask of rooms that suit <paramref name="meeting"/> (<see cref="PlacementRules.Fit"/>: seats, features, the
    /// pinned room), and how many there are. Shared between meetings that ask alike, since many do; callers must not
    /// change it.
    /// </summary>
    public (ulong[] Mask, int Count) SuitableRooms(MeetingRequest meeting)
    {
        var key = (meeting.Headcount, string.Join("\n", meeting.RequiredFeatures), meeting.Pin?.Room ?? "");
        if (suitable.TryGetValue(key, out var known)) return known;
        var mask = new ulong[roomWords];
        int count = 0;
        for (int r = 0; r < Rooms.Length; r++)
        {
            if (PlacementRules.Fit(Rooms[r], meeting) != RoomFit.Fits) continue;
            mask[r >> 6] |= 1UL << (r & 63);
            count++;
        }
        return suitable[key] = (mask, count);
    }

    /// <summary>True when no slot of <c>[slot, slot + length)</c> is taken for participant <paramref name="p"/>.</summary>
    public bool ParticipantFree(int p, int slot, int length)
    {
        var bits = participantBusy[p];
        for (int s = slot; s < slot + length; s++)
            if ((bits[s >> 6] & (1UL << (s & 63))) != 0) return false;
        return true;
    }

    /// <summary>True when <paramref name="p"/> may have one more meeting on <paramref name="day"/>.</summary>
    public bool DayHasRoom(int p, int day, int? maxPerDay) => maxPerDay is not { } max || meetingsPerDay[p][day] < max;

    /// <summary>
    /// The first room (in preference order) among <paramref name="suitable"/> that is free over
    /// <c>[slot, slot + length)</c> and from whose building every participant can reach their other meetings
    /// in time; -1 when none is.
    /// </summary>
    public int FirstFreeRoom(ulong[] suitable, int slot, int length, int[] participants, Instant start, Instant end)
    {
        Span<ulong> free = stackalloc ulong[roomWords];
        for (int w = 0; w < roomWords; w++) free[w] = suitable[w];
        for (int s = slot; s < slot + length; s++)
        {
            var busy = roomBusyBySlot[s];
            for (int w = 0; w < roomWords; w++) free[w] &= ~busy[w];
        }
        // Travel depends only on the building, so remember each building's verdict for this start.
        Span<sbyte> verdict = stackalloc sbyte[travel.GetLength(0) + 1];
        for (int w = 0; w < roomWords; w++)
        {
            var bits = free[w];
            while (bits != 0)
            {
                int r = (w << 6) + BitOperations.TrailingZeroCount(bits);
                bits &= bits - 1;
                if (!hasTravel) return r;
                int b = RoomBuilding[r];
                ref var v = ref verdict[b + 1];
                if (v == 0) v = (sbyte)(TravelOk(participants, start, end, b) ? 1 : -1);
                if (v > 0) return r;
            }
        }
        return -1;
    }

    /// <summary>Records a meeting placed in room <paramref name="room"/> (an index into <see cref="Rooms"/>).</summary>
    public void Place(int room, int slot, int length, int[] participants, Instant start, Instant end)
    {
        for (int s = slot; s < slot + length; s++) roomBusyBySlot[s][room >> 6] |= 1UL << (room & 63);
        int day = grid.DayOf(slot);
        foreach (var p in participants)
        {
            for (int s = slot; s < slot + length; s++) participantBusy[p][s >> 6] |= 1UL << (s & 63);
            meetingsPerDay[p][day]++;
            if (hasTravel) stays[p].Add(new Stay(start, end, RoomBuilding[room]));
        }
    }

    private bool TravelOk(int[] participants, Instant start, Instant end, int building)
    {
        if (building < 0) return true;
        foreach (var p in participants)
            foreach (var stay in stays[p])
            {
                if (stay.Building < 0 || stay.Building == building) continue;
                var t = travel[building, stay.Building];
                if (t <= Duration.Zero) continue;
                if (end + t > stay.Start && stay.End + t > start) return false;
            }
        return true;
    }

}
