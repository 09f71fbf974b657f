using System.Collections.Immutable;
using NodaTime;
using Scheduler.Engine.Domain;
using Scheduler.Engine.Time;

namespace Scheduler.Engine.Baselines;

/// <summary>
/// Where one meeting could go before anything is placed: the start slots that keep the rules about the meeting
/// alone (grain, day, breaks, windows, participants' availability and busy periods, the pin) and the rooms whose
/// capacity and features suit it. Room unavailability is left to <see cref="FirstFitBoard"/>.
/// </summary>
internal sealed class Candidates
{
    private Candidates(MeetingRequest meeting, int length, int[] participants, int?[] maxPerDay,
        int[] starts, ulong[] suitableRooms, long options)
    {
        Meeting = meeting;
        Length = length;
        Participants = participants;
        MaxPerDay = maxPerDay;
        Starts = starts;
        SuitableRooms = suitableRooms;
        Options = options;
    }

    public MeetingRequest Meeting { get; }

    /// <summary>Grain slots the meeting lasts.</summary>
    public int Length { get; }

    /// <summary>Participant indexes into the event's participant list.</summary>
    public int[] Participants { get; }

    /// <summary>Each participant's <c>maxMeetingsPerDay</c>, parallel to <see cref="Participants"/>.</summary>
    public int?[] MaxPerDay { get; }

    /// <summary>Admissible start slots, ascending.</summary>
    public int[] Starts { get; }

    /// <summary>A mask over <see cref="FirstFitBoard.Rooms"/> of the rooms with enough seats and every feature (only the pinned room when pinned to one).</summary>
    public ulong[] SuitableRooms { get; }

    /// <summary>Admissible starts × suitable rooms: how much freedom the meeting has, for ordering ties.</summary>
    public long Options { get; }

    public static Candidates Of(MeetingRequest m, Event ev, TimeGrid grid, FirstFitBoard board)
    {
        int length = grid.SlotsIn(m.Duration);
        var people = m.Participants.Select(id => ev.FindParticipant(id)!).ToArray();
        var participants = people.Select(p => board.ParticipantIndex[p.Id]).ToArray();
        var maxPerDay = people.Select(p => p.MaxMeetingsPerDay).ToArray();

        var (rooms, roomCount) = board.SuitableRooms(m.Headcount, m.RequiredFeatures, m.Pin?.Room);

        var starts = new List<int>();
        if (roomCount > 0 && !maxPerDay.Any(x => x <= 0))
        {
            if (m.Pin is not null)
            {
                if (grid.SlotStartingAt(m.Pin.Start) is { } s && Admissible(m, people, grid, s, length)) starts.Add(s);
            }
            else
            {
                for (int s = 0; s < grid.SlotCount; s++)
                    if (Admissible(m, people, grid, s, length)) starts.Add(s);
            }
        }
        return new Candidates(m, length, participants, maxPerDay, starts.ToArray(), rooms, (long)starts.Count * roomCount);
    }

    private static bool Admissible(MeetingRequest m, Participant[] people, TimeGrid grid, int slot, int length)
    {
        if (!grid.FitsAt(slot, length)) return false;
        var start = grid.SlotStart(slot);
        var end = start + m.Duration;
        if (!m.Windows.IsEmpty && !InsideOne(m.Windows, start, end)) return false;
        foreach (var p in people)
        {
            if (!p.Available.IsEmpty && !InsideOne(p.Available, start, end)) return false;
            foreach (var b in p.Busy)
                if (b.Start < end && start < b.End) return false;
        }
        return true;
    }

    private static bool InsideOne(ImmutableArray<Interval> intervals, Instant start, Instant end)
    {
        foreach (var i in intervals)
            if (i.Start <= start && end <= i.End) return true;
        return false;
    }
}
