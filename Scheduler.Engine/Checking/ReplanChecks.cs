using NodaTime;
using Scheduler.Engine.Domain;

namespace Scheduler.Engine.Checking;

/// <summary>
/// The replanning rules of contract v1.1, written from its words alone: published meetings are the previous
/// schedule's assignments whose meeting the event still has; those starting before <c>frozenUntil</c> keep start and
/// room and nothing else starts before it; <c>changes</c> counts every published meeting once; <c>objectiveValue</c> is
/// <c>scheduledWeight - moveCost*moved - roomChangeCost*roomChanged - dropCost*dropped</c>.
/// </summary>
internal static class ReplanChecks
{
    public static void Check(ValidationRun run, Schedule previous)
    {
        var ev = run.Event;
        var schedule = run.Schedule;
        var published = new Dictionary<string, Assignment>(StringComparer.Ordinal);
        var withdrawn = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var a in previous.Assignments)
        {
            if (ev.FindMeeting(a.Meeting) is null) withdrawn.Add(a.Meeting);
            else published.TryAdd(a.Meeting, a);
        }

        var now = new Dictionary<string, Assignment>(StringComparer.Ordinal);
        foreach (var a in schedule.Assignments) now.TryAdd(a.Meeting, a);
        Frozen(run, published, now);

        // The expected changes, recounted here rather than taken from the engine.
        var moved = new SortedDictionary<string, (Assignment From, Assignment To)>(StringComparer.Ordinal);
        var roomChanged = new SortedDictionary<string, (Assignment From, Assignment To)>(StringComparer.Ordinal);
        var dropped = new SortedSet<string>(StringComparer.Ordinal);
        int kept = 0;
        foreach (var (id, was) in published)
        {
            if (!now.TryGetValue(id, out var @is)) dropped.Add(id);
            else if (was.Start != @is.Start) moved[id] = (was, @is);
            else if (was.Room != @is.Room) roomChanged[id] = (was, @is);
            else kept++;
        }

        var added = new SortedSet<string>(now.Keys.Where(id => !published.ContainsKey(id) && ev.FindMeeting(id) is not null), StringComparer.Ordinal);
        if (schedule.Changes is not { } changes)
        {
            run.Add(ValidationRules.ChangesMismatch, "", Instant.MinValue, "the schedule has no changes against the published schedule");
        }
        else
        {
            Compare(run, "moved", moved.Keys, changes.Moved.Select(c => c.Meeting));
            Compare(run, "roomChanged", roomChanged.Keys, changes.RoomChanged.Select(c => c.Meeting));
            Compare(run, "dropped", dropped, changes.Dropped.Select(d => d.Meeting));
            Compare(run, "added", added, changes.Added);
            Compare(run, "withdrawn", withdrawn, changes.Withdrawn);
            foreach (var c in changes.Moved.Concat(changes.RoomChanged))
            {
                var pair = moved.TryGetValue(c.Meeting, out var m) ? m : roomChanged.TryGetValue(c.Meeting, out var r) ? r : default;
                if (pair.From is null) continue;
                if (c.From.Start != pair.From.Start || c.From.Room != pair.From.Room || c.To.Start != pair.To.Start || c.To.Room != pair.To.Room)
                    run.Add(ValidationRules.ChangesMismatch, c.Meeting, c.To.Start,
                        $"the change of meeting \"{c.Meeting}\" does not give where the two schedules hold it");
            }

            if (changes.Kept != kept)
                run.Add(ValidationRules.ChangesMismatch, "", Instant.MinValue, $"kept is {changes.Kept}, but {kept} published meetings keep their start and room");
        }

        Objective(run, schedule, moved.Count, roomChanged.Count, dropped.Count);
    }

    private static void Frozen(ValidationRun run, Dictionary<string, Assignment> published, Dictionary<string, Assignment> now)
    {
        if (run.Event.Replan?.FrozenUntil is not { } until) return;
        var frozen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (id, was) in published.Where(p => p.Value.Start < until).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            frozen.Add(id);
            if (!now.TryGetValue(id, out var @is))
                run.Add(ValidationRules.Frozen, id, was.Start, $"frozen meeting \"{id}\" (published at {run.Text.At(was.Start)}) is no longer scheduled");
            else if (@is.Start != was.Start || @is.Room != was.Room)
                run.Add(ValidationRules.Frozen, id, was.Start,
                    $"frozen meeting \"{id}\" was published at {run.Text.At(was.Start)} in room \"{was.Room}\" and is now at {run.Text.At(@is.Start)} in room \"{@is.Room}\"");
        }

        foreach (var a in now.Values.Where(a => !frozen.Contains(a.Meeting) && a.Start < until).OrderBy(a => a.Meeting, StringComparer.Ordinal))
            run.Add(ValidationRules.Frozen, a.Meeting, a.Start,
                $"meeting \"{a.Meeting}\" starts at {run.Text.At(a.Start)}, before frozenUntil {run.Text.At(until)}, and is not a frozen published meeting");
    }

    private static void Compare(ValidationRun run, string list, IEnumerable<string> expected, IEnumerable<string> given)
    {
        var want = expected.ToList();
        var have = given.ToList();
        foreach (var id in have.GroupBy(x => x, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key))
            run.Add(ValidationRules.ChangesMismatch, id, Instant.MinValue, $"changes.{list} names meeting \"{id}\" more than once");
        foreach (var id in want.Except(have, StringComparer.Ordinal))
            run.Add(ValidationRules.ChangesMismatch, id, Instant.MinValue, $"changes.{list} lacks meeting \"{id}\"");
        foreach (var id in have.Distinct(StringComparer.Ordinal).Except(want, StringComparer.Ordinal))
            run.Add(ValidationRules.ChangesMismatch, id, Instant.MinValue, $"changes.{list} names meeting \"{id}\", which does not belong there");
    }

    private static void Objective(ValidationRun run, Schedule schedule, int moved, int roomChanged, int dropped)
    {
        if (schedule.ObjectiveValue is not { } value) return;
        var costs = run.Event.Replan ?? ReplanSettings.Default;
        decimal weight = run.Placements.Sum(p => p.Meeting.Weight);
        decimal expected = weight - costs.MoveCost * moved - costs.RoomChangeCost * roomChanged - costs.DropCost * dropped;
        if (value != expected)
            run.Add(ValidationRules.ObjectiveMismatch, "", Instant.MinValue, $"objectiveValue is {value}, but the changes give {expected}");
        if (schedule.ObjectiveBound is { } bound && bound < value)
            run.Add(ValidationRules.ObjectiveMismatch, "", Instant.MinValue, $"objectiveBound {bound} lies below objectiveValue {value}");
    }
}
