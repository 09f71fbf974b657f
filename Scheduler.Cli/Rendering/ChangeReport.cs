using Scheduler.Engine.Domain;

namespace Scheduler.Cli.Rendering;

/// <summary>
/// The changes between a published and a new schedule as an officer tells them: one line per change and per
/// delegation concerned, grouped by delegation (protocol precedence, then name), e.g.
/// <c>Egypt: UN DPO - Egypt moved from Tue 15:30, Bilateral room 2 to Wed 10:00, Bilateral room 4</c>. A meeting
/// between two delegations is told to both. Participants without a delegation are addressed by name.
/// </summary>
internal static class ChangeReport
{
    /// <summary>The lines of the report, then one closing line with the counts.</summary>
    public static IReadOnlyList<string> Lines(Event ev, ScheduleChanges changes)
    {
        var told = new List<(string Addressee, int Order, string Line)>();
        void Tell(string meetingId, string what)
        {
            var meeting = ev.FindMeeting(meetingId);
            var title = meeting?.Title ?? meetingId;
            foreach (var (name, order) in Addressees(ev, meeting))
                told.Add((name, order, $"{name}: {title} {what}"));
        }

        foreach (var c in changes.Moved) Tell(c.Meeting, $"moved from {Place(ev, c.From)} to {Place(ev, c.To)}");
        foreach (var c in changes.RoomChanged)
            Tell(c.Meeting, $"at {TimetableBuilder.WhenShort(ev, c.To.Start)} changes room from {Room(ev, c.From.Room)} to {Room(ev, c.To.Room)}");
        foreach (var d in changes.Dropped) Tell(d.Meeting, $"is cancelled: {d.Reason}");
        foreach (var id in changes.Added) Tell(id, "is new");
        var lines = told.OrderBy(t => t.Order).ThenBy(t => t.Addressee, StringComparer.Ordinal).Select(t => t.Line).ToList();
        lines.AddRange(changes.Withdrawn.Select(id => $"Withdrawn from the event: {id}"));
        if (lines.Count == 0) lines.Add("No published meeting changes.");
        lines.Add($"{changes.Kept} kept, {changes.Moved.Length} moved, {changes.RoomChanged.Length} room changed, "
            + $"{changes.Dropped.Length} dropped, {changes.Added.Length} new, {changes.Withdrawn.Length} withdrawn");
        return lines;
    }

    private static string Place(Event ev, PlacedAt at) => $"{TimetableBuilder.WhenShort(ev, at.Start)}, {Room(ev, at.Room)}";

    private static string Room(Event ev, string id) => ev.FindRoom(id)?.Name ?? id;

    /// <summary>Who must be told about a meeting: its participants' delegations (each once), or the participant's name.</summary>
    private static IEnumerable<(string Name, int Order)> Addressees(Event ev, MeetingRequest? meeting)
    {
        if (meeting is null) yield break;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in meeting.Participants)
        {
            var participant = ev.FindParticipant(id);
            var delegation = participant?.Delegation is { } d ? ev.FindDelegation(d) : null;
            var name = delegation?.Name ?? participant?.Name ?? id;
            if (seen.Add(name)) yield return (name, delegation?.Precedence ?? int.MaxValue);
        }
    }
}
