using Scheduler.Engine.Domain;
using Scheduler.Engine.Rules;

namespace Scheduler.Engine.Baselines;

/// <summary>
/// Where one meeting could go before anything is placed: the starts <see cref="PlacementRules.AllowedStarts"/> gives
/// and the rooms whose seats and features suit it. Room unavailability is left to <see cref="FirstFitBoard"/>.
/// </summary>
/// <param name="Meeting">The request.</param>
/// <param name="Length">Grain slots the meeting lasts.</param>
/// <param name="Participants">Participant indexes into the event's participant list.</param>
/// <param name="MaxPerDay">Each participant's <c>maxMeetingsPerDay</c>, parallel to <paramref name="Participants"/>.</param>
/// <param name="Starts">Admissible start slots, ascending; none when no room suits the meeting.</param>
/// <param name="SuitableRooms">
/// A mask over <see cref="FirstFitBoard.Rooms"/> of the rooms with enough seats and every feature (only the pinned
/// room when pinned to one).
/// </param>
/// <param name="Options">Admissible starts × suitable rooms: how much freedom the meeting has, for ordering ties.</param>
internal sealed record Candidates(
    MeetingRequest Meeting,
    int Length,
    int[] Participants,
    int?[] MaxPerDay,
    IReadOnlyList<int> Starts,
    ulong[] SuitableRooms,
    long Options)
{
    /// <summary>Meeting <paramref name="index"/>'s candidates under <paramref name="rules"/>, rooms numbered as <paramref name="board"/> does.</summary>
    public static Candidates Of(int index, PlacementRules rules, FirstFitBoard board)
    {
        var m = rules.Event.Meetings[index];
        var participants = rules.Participants(index).ToArray();
        var maxPerDay = participants.Select(p => rules.Event.Participants[p].MaxMeetingsPerDay).ToArray();
        var (rooms, roomCount) = board.SuitableRooms(m);
        IReadOnlyList<int> starts = roomCount > 0 ? rules.AllowedStarts(index) : [];
        return new Candidates(m, rules.Length(index), participants, maxPerDay, starts, rooms, (long)starts.Count * roomCount);
    }
}
