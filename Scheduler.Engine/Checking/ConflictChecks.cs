using NodaTime;
using Scheduler.Engine.Domain;

namespace Scheduler.Engine.Checking;

/// <summary>
/// The rules between assignments: rooms and people used once at a time, travel between buildings, the daily
/// maximum and <c>after</c>. Each is a sweep over assignments sorted by start: O(n log n), never all pairs.
/// </summary>
internal static class ConflictChecks
{
    public static void Check(ValidationRun run)
    {
        RoomOverlaps(run);
        // Without any travel time given, every pair of buildings is zero minutes apart and no travel rule can break.
        var anyTravel = !run.Event.TravelTimes.IsDefaultOrEmpty && run.Event.TravelTimes.Any(t => t.Duration > Duration.Zero);
        foreach (var (id, placements) in ByParticipant(run))
        {
            ParticipantOverlaps(run, id, placements);
            if (anyTravel) TravelTimes(run, id, placements);
            MaxPerDay(run, id, placements);
        }

        After(run);
    }

    private static void RoomOverlaps(ValidationRun run)
    {
        var byRoom = run.Placements
            .Where(p => p.Room is not null)
            .GroupBy(p => p.RoomId, StringComparer.Ordinal);
        foreach (var group in byRoom)
        {
            Placement? latest = null;
            foreach (var p in Chronological(group))
            {
                if (latest is not null && p.Start < latest.End)
                {
                    run.Add(ValidationRules.RoomOverlap, p.Meeting.Id, p.Start,
                        $"{run.Describe(p)} overlaps {run.Describe(latest)} in {ViolationText.Room(p.Room!)}");
                }

                if (latest is null || p.End > latest.End) latest = p;
            }
        }
    }

    private static void ParticipantOverlaps(ValidationRun run, string participant, List<Placement> placements)
    {
        Placement? latest = null;
        foreach (var p in placements)
        {
            if (latest is not null && p.Start < latest.End)
            {
                run.Add(ValidationRules.ParticipantOverlap, participant, p.Start,
                    $"{run.Text.Participant(participant)} is in {run.Describe(p)} and in {run.Describe(latest)} at once");
            }

            if (latest is null || p.End > latest.End) latest = p;
        }
    }

    // Per building, the meeting reaching latest so far: the tightest predecessor there for any later start.
    private static void TravelTimes(ValidationRun run, string participant, List<Placement> placements)
    {
        var latestByBuilding = new SortedDictionary<string, Placement>(StringComparer.Ordinal);
        foreach (var p in placements)
        {
            var building = p.Room?.Building;
            if (building is null) continue;
            foreach (var (other, earlier) in latestByBuilding)
            {
                if (other == building) continue;
                var travel = run.Event.TravelTime(other, building);
                if (travel <= Duration.Zero) continue;
                var apart = p.Start - earlier.End;
                if (apart >= travel) continue;
                var distance = apart < Duration.Zero ? "they overlap" : $"only {ViolationText.Minutes(apart)} min apart";
                run.Add(ValidationRules.Travel, participant, p.Start,
                    $"{run.Text.Participant(participant)} needs {ViolationText.Minutes(travel)} min to travel from {run.Text.Building(other)} to {run.Text.Building(building)} " +
                    $"between {run.Describe(earlier)} in {ViolationText.Room(earlier.Room!)} and {run.Describe(p)} in {ViolationText.Room(p.Room!)}: {distance}");
            }

            if (!latestByBuilding.TryGetValue(building, out var latest) || p.End > latest.End)
            {
                latestByBuilding[building] = p;
            }
        }
    }

    private static void MaxPerDay(ValidationRun run, string participant, List<Placement> placements)
    {
        if (run.Event.FindParticipant(participant)?.MaxMeetingsPerDay is not { } max) return;
        foreach (var day in placements.Where(p => p.Day >= 0).GroupBy(p => p.Day))
        {
            var count = day.Count();
            if (count <= max) continue;
            var date = run.Days[day.Key].Day.Date;
            var meetings = string.Join(", ", day.Select(p => $"\"{p.Meeting.Id}\""));
            run.Add(ValidationRules.MaxPerDay, participant, run.Days[day.Key].Start,
                $"{run.Text.Participant(participant)} has {ViolationText.Count(count, "meeting")} on {ViolationText.Date(date)}, more than the {max} allowed ({meetings})");
        }
    }

    private static void After(ValidationRun run)
    {
        var byMeeting = run.Placements.ToLookup(p => p.Meeting.Id, StringComparer.Ordinal);
        foreach (var p in run.Placements)
        {
            if (p.Meeting.After.IsDefaultOrEmpty) continue;
            foreach (var predecessorId in p.Meeting.After)
            {
                foreach (var predecessor in byMeeting[predecessorId])
                {
                    if (p.Start >= predecessor.End) continue;
                    run.Add(ValidationRules.After, p.Meeting.Id, p.Start,
                        $"{run.Describe(p)} must start no earlier than the end of {run.Describe(predecessor)}");
                }
            }
        }
    }

    /// <summary>Each participant's known assignments, chronological, participants in ordinal order.</summary>
    private static IEnumerable<(string Id, List<Placement> Placements)> ByParticipant(ValidationRun run)
    {
        var result = new Dictionary<string, List<Placement>>(StringComparer.Ordinal);
        foreach (var p in run.Placements)
        {
            foreach (var id in p.Meeting.Participants)
            {
                if (!result.TryGetValue(id, out var list)) result.Add(id, list = []);

                // A participant named twice by one meeting is in it once.
                if (list.Count == 0 || !ReferenceEquals(list[^1], p)) list.Add(p);
            }
        }

        foreach (var list in result.Values) list.Sort(CompareChronologically);
        return result.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => (r.Key, r.Value));
    }

    private static IEnumerable<Placement> Chronological(IEnumerable<Placement> placements)
    {
        var list = placements.ToList();
        list.Sort(CompareChronologically);
        return list;
    }

    private static int CompareChronologically(Placement a, Placement b)
    {
        var byStart = a.Start.CompareTo(b.Start);
        if (byStart != 0) return byStart;
        var byEnd = a.End.CompareTo(b.End);
        if (byEnd != 0) return byEnd;
        var byId = string.CompareOrdinal(a.Meeting.Id, b.Meeting.Id);
        return byId != 0 ? byId : a.Index.CompareTo(b.Index);
    }
}
