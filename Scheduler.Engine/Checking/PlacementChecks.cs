using NodaTime;
using Scheduler.Engine.Domain;

namespace Scheduler.Engine.Checking;

/// <summary>The rules one assignment keeps on its own: its end, the grain, the calendar, the people's times, the room, the pin.</summary>
internal sealed class PlacementChecks
{
    private readonly ValidationRun run;
    private readonly Dictionary<string, (IntervalIndex Available, IntervalIndex Busy)> people = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IntervalIndex> roomUnavailable = new(StringComparer.Ordinal);

    private PlacementChecks(ValidationRun run) => this.run = run;

    public static void Check(ValidationRun run)
    {
        var checks = new PlacementChecks(run);
        foreach (var p in run.Placements)
        {
            checks.End(p);
            checks.Grain(p);
            checks.DayHours(p);
            checks.Breaks(p);
            checks.Window(p);
            checks.Participants(p);
            checks.RoomFits(p);
            checks.Pin(p);
        }
    }

    private void End(Placement p)
    {
        var expected = p.Start + p.Meeting.Duration;
        if (p.End == expected) return;
        Add(ValidationRules.WrongEnd, p,
            $"{run.Describe(p)} ends at {run.Text.TimeOfDay(p.End)}, but its {ViolationText.Minutes(p.Meeting.Duration)}-minute duration ends it at {run.Text.At(expected)}");
    }

    private void Grain(Placement p)
    {
        if (p.Day < 0) return;
        var day = run.Days[p.Day];
        var offset = (p.Start - day.Start).ToInt64Nanoseconds();
        if (offset % run.Event.Grain.ToInt64Nanoseconds() == 0) return;
        Add(ValidationRules.Grain, p,
            $"{run.Describe(p)} starts off the {ViolationText.Minutes(run.Event.Grain)}-minute grain counted from the day's start {run.Text.At(day.Start)}");
    }

    private void DayHours(Placement p)
    {
        foreach (var day in run.Days)
        {
            if (day.Start <= p.Start && p.End <= day.End) return;
        }

        var where = p.Day < 0
            ? "is on no day of the event"
            : $"is not within one day's hours (the day {ViolationText.Date(run.Days[p.Day].Day.Date)} is open {run.Text.Span(run.Days[p.Day].Start, run.Days[p.Day].End)})";
        Add(ValidationRules.DayHours, p, $"{run.Describe(p)} {where}");
    }

    // Breaks are resolved on each event day the meeting touches; off the days, day-hours already says it all.
    private void Breaks(Placement p)
    {
        foreach (var day in run.Days)
        {
            if (day.End <= p.Start || p.End <= day.Start) continue;
            foreach (var (b, when) in day.Breaks)
            {
                if (when.Start < p.End && p.Start < when.End)
                {
                    var name = string.IsNullOrEmpty(b.Name) ? "a break" : $"the break \"{b.Name}\"";
                    Add(ValidationRules.Break, p, $"{run.Describe(p)} intersects {name} {run.Text.Span(when)}");
                }
            }
        }
    }

    private void Window(Placement p)
    {
        var windows = p.Meeting.Windows;
        if (windows.IsDefaultOrEmpty) return;
        foreach (var w in windows)
        {
            if (Contains(w, p)) return;
        }

        var listed = string.Join(", ", windows.Select(w => run.Text.Span(w)));
        Add(ValidationRules.Window, p, $"{run.Describe(p)} lies inside none of its windows ({listed})");
    }

    private void Participants(Placement p)
    {
        foreach (var id in p.Meeting.Participants)
        {
            var (available, busy) = IndexesOf(id);
            if (!available.IsEmpty && available.Containing(p.Start, p.End) is null)
            {
                Add(ValidationRules.Availability, p,
                    $"{run.Describe(p)}: {run.Text.Participant(id)} is not available then (it lies inside none of their available periods)");
            }

            if (busy.Intersecting(p.Start, p.End) is { } clash)
            {
                Add(ValidationRules.Busy, p, $"{run.Describe(p)}: {run.Text.Participant(id)} is busy {run.Text.Span(clash)}");
            }
        }
    }

    private void RoomFits(Placement p)
    {
        if (p.Room is not { } room) return;
        if (room.Capacity < p.Meeting.Headcount)
        {
            Add(ValidationRules.RoomCapacity, p,
                $"{run.Describe(p)} needs {ViolationText.Count(p.Meeting.Headcount, "seat")}; {ViolationText.Room(room)} has {room.Capacity}");
        }

        var offered = room.Features.IsDefault ? [] : room.Features;
        var missing = p.Meeting.RequiredFeatures.IsDefault
            ? []
            : p.Meeting.RequiredFeatures.Where(f => !offered.Contains(f, StringComparer.Ordinal)).ToArray();
        if (missing.Length > 0)
        {
            Add(ValidationRules.RoomFeatures, p,
                $"{run.Describe(p)} needs {Quoted(p.Meeting.RequiredFeatures)}; {ViolationText.Room(room)} lacks {Quoted(missing)}");
        }

        if (!roomUnavailable.TryGetValue(room.Id, out var unavailable))
        {
            unavailable = IntervalIndex.Of(room.Unavailable);
            roomUnavailable.Add(room.Id, unavailable);
        }

        if (unavailable.Intersecting(p.Start, p.End) is { } closed)
        {
            Add(ValidationRules.RoomUnavailable, p,
                $"{run.Describe(p)} is in {ViolationText.Room(room)}, which is unavailable {run.Text.Span(closed)}");
        }
    }

    private void Pin(Placement p)
    {
        if (p.Meeting.Pin is not { } pin) return;
        if (p.Start != pin.Start)
        {
            Add(ValidationRules.Pin, p, $"{run.Describe(p)} is pinned to start at {run.Text.At(pin.Start)}");
        }

        if (pin.Room is not null && pin.Room != p.RoomId)
        {
            var pinned = run.Event.FindRoom(pin.Room) is { } r ? ViolationText.Room(r) : $"room \"{pin.Room}\"";
            var actual = p.Room is { } room ? ViolationText.Room(room) : $"room \"{p.RoomId}\"";
            Add(ValidationRules.Pin, p, $"{run.Describe(p)} is in {actual} but pinned to {pinned}");
        }
    }

    private (IntervalIndex Available, IntervalIndex Busy) IndexesOf(string participantId)
    {
        if (people.TryGetValue(participantId, out var indexes)) return indexes;
        var participant = run.Event.FindParticipant(participantId);
        indexes = (IntervalIndex.Of(participant?.Available ?? []), IntervalIndex.Of(participant?.Busy ?? []));
        people.Add(participantId, indexes);
        return indexes;
    }

    private static bool Contains(Interval w, Placement p) =>
        (!w.HasStart || w.Start <= p.Start) && (!w.HasEnd || p.End <= w.End);

    private static string Quoted(IEnumerable<string> features) =>
        string.Join(", ", features.Select(f => $"\"{f}\""));

    private void Add(string rule, Placement p, string message) => run.Add(rule, p.Meeting.Id, p.Start, message);
}
