using System.Collections.Immutable;
using NodaTime;

namespace Scheduler.Engine.Domain;

/// <summary>Where a meeting is held: its start and room.</summary>
/// <param name="Start">Start instant.</param>
/// <param name="Room">Room id.</param>
public sealed record PlacedAt(Instant Start, string Room);

/// <summary>A published meeting that is held differently in the new schedule.</summary>
/// <param name="Meeting">The meeting id.</param>
/// <param name="From">Where the published schedule had it.</param>
/// <param name="To">Where the new schedule has it.</param>
public sealed record MeetingChange(string Meeting, PlacedAt From, PlacedAt To);

/// <summary>A published meeting that the new schedule leaves out.</summary>
/// <param name="Meeting">The meeting id.</param>
/// <param name="Reason">Why, as the new schedule's <c>unscheduled</c> says.</param>
public sealed record DroppedMeeting(string Meeting, string Reason);

/// <summary>
/// What a replanned schedule changes against the published one (the schedule file's <c>changes</c>, contract v1.1).
/// Every published meeting that the event still has is counted exactly once: in <see cref="Kept"/>,
/// <see cref="Moved"/>, <see cref="RoomChanged"/> or <see cref="Dropped"/>. Lists are in meeting-id order (ordinal).
/// </summary>
/// <param name="Moved">Published meetings whose start changed (whatever their room).</param>
/// <param name="RoomChanged">Published meetings that keep their start in another room.</param>
/// <param name="Dropped">Published meetings now unscheduled.</param>
/// <param name="Added">Meetings scheduled now that the published schedule did not have.</param>
/// <param name="Withdrawn">Meetings of the published schedule's assignments that the event no longer has.</param>
/// <param name="Kept">How many published meetings keep their start and room.</param>
public sealed record ScheduleChanges(
    ImmutableArray<MeetingChange> Moved,
    ImmutableArray<MeetingChange> RoomChanged,
    ImmutableArray<DroppedMeeting> Dropped,
    ImmutableArray<string> Added,
    ImmutableArray<string> Withdrawn,
    int Kept)
{
    /// <summary>Equal when every list is equal item by item and the kept counts agree.</summary>
    public bool Equals(ScheduleChanges? other) =>
        other is not null && Kept == other.Kept && Moved.SequenceEqual(other.Moved) && RoomChanged.SequenceEqual(other.RoomChanged)
        && Dropped.SequenceEqual(other.Dropped) && Added.SequenceEqual(other.Added, StringComparer.Ordinal)
        && Withdrawn.SequenceEqual(other.Withdrawn, StringComparer.Ordinal);

    /// <summary>
    /// The changes from <paramref name="previous"/> (the published schedule) to <paramref name="next"/>, both schedules
    /// of <paramref name="ev"/> as it is now: a published meeting whose start differs is moved, one at the same start in
    /// another room changed room, one missing from <paramref name="next"/>'s assignments dropped (with
    /// <paramref name="next"/>'s reason). Withdrawn are the previous assignments' meetings the event no longer has;
    /// a meeting listed twice counts once, by its first assignment.
    /// </summary>
    public static ScheduleChanges Between(Event ev, Schedule previous, Schedule next)
    {
        ArgumentNullException.ThrowIfNull(ev);
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(next);
        var now = new Dictionary<string, Assignment>(StringComparer.Ordinal);
        foreach (var a in next.Assignments) now.TryAdd(a.Meeting, a);
        var reasons = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var u in next.Unscheduled) reasons.TryAdd(u.Meeting, u.Reason);
        var published = new Dictionary<string, Assignment>(StringComparer.Ordinal);
        var withdrawn = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var a in previous.Assignments)
        {
            if (ev.FindMeeting(a.Meeting) is null) withdrawn.Add(a.Meeting);
            else published.TryAdd(a.Meeting, a);
        }

        var moved = new List<MeetingChange>();
        var roomChanged = new List<MeetingChange>();
        var dropped = new List<DroppedMeeting>();
        int kept = 0;
        foreach (var (id, was) in published.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (!now.TryGetValue(id, out var @is))
            {
                dropped.Add(new DroppedMeeting(id, reasons.GetValueOrDefault(id) ?? "not in the new schedule"));
                continue;
            }

            var change = new MeetingChange(id, new PlacedAt(was.Start, was.Room), new PlacedAt(@is.Start, @is.Room));
            if (was.Start != @is.Start) moved.Add(change);
            else if (!string.Equals(was.Room, @is.Room, StringComparison.Ordinal)) roomChanged.Add(change);
            else kept++;
        }

        var added = now.Keys.Where(id => !published.ContainsKey(id) && ev.FindMeeting(id) is not null).Order(StringComparer.Ordinal);
        return new ScheduleChanges([.. moved], [.. roomChanged], [.. dropped], [.. added], [.. withdrawn], kept);
    }

    /// <summary>How many published meetings changed in any way: moved, changed room or dropped.</summary>
    public int ChangedCount => Moved.Length + RoomChanged.Length + Dropped.Length;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Kept, Moved.Length, RoomChanged.Length, Dropped.Length, Added.Length, Withdrawn.Length);
}
