using System.Collections.Immutable;
using NodaTime;
using Scheduler.Engine.Domain;
using Scheduler.Engine.Time;
using static Scheduler.Engine.Solving.Conflicts.ConflictText;

namespace Scheduler.Engine.Solving.Conflicts;

/// <summary>
/// The sentence for each binding rule of one conflict. Where a simple count proves the conflict (someone's free time
/// is shorter than the meetings, more meetings than the daily limit allows on the days they can take, less room time
/// than they need) the sentence gives the figures; otherwise it names who or what binds them.
/// </summary>
internal sealed class ConflictSentences(Event ev, TimeGrid grid, ImmutableArray<RoomPool> pools, ImmutableArray<MeetingOptions> meetings, IReadOnlyList<int> set)
{
    private readonly List<MeetingOptions> mine = set.Select(i => meetings[i]).ToList();

    private string These => mine.Count == 1 ? "this required meeting" : $"these {mine.Count} required meetings";

    /// <summary>Someone attends all of them (or they share people) and the times they can take cannot hold them apart.</summary>
    public string ParticipantOverlap()
    {
        var common = mine.Select(m => (IEnumerable<int>)m.Participants).Aggregate((a, b) => a.Intersect(b)).Order().ToList();
        var need = Duration.FromTicks(mine.Sum(m => m.Meeting.Duration.BclCompatibleTicks));
        var all = CoveredSlots(mine);
        var free = grid.Grain * all.Count;
        string days = Days(grid, all.Select(grid.DayOf));
        if (common.Count > 0)
        {
            var who = Name(ev.Participants[common[0]]);
            return need > free
                ? $"{who} has {Length(free)} free on {days} when {These} can be held, and they need {Length(need)}"
                : $"{who} attends each of {These}, and the times they can be held ({Length(free)} on {days}) cannot fit them one after another";
        }
        var shared = string.Join("; ", mine.SelectMany(m => m.Participants).GroupBy(p => p).Where(g => g.Count() > 1).Select(g => g.Key).Order()
            .Select(p => $"{Name(ev.Participants[p])}: {string.Join(", ", mine.Where(m => m.Participants.Contains(p)).Select(m => Title(m.Meeting)))}"));
        bool pairwise = mine.All(a => mine.All(b => a == b || a.Participants.Intersect(b.Participants).Any()));
        if (pairwise && need > free)
            return $"No two of {These} can run at once, as each pair shares a participant ({shared}); they can only be held within " +
                $"{Length(free)} on {days}, and they need {Length(need)}";
        return Capitalised($"{These} share participants ({shared}), and the times they can be held leave no way to place them without someone attending two at once");
    }

    /// <summary>A participant's daily limit against the days the meetings can take.</summary>
    public string DailyLimit()
    {
        var limited = mine.SelectMany(m => m.Participants).Distinct()
            .Where(p => ev.Participants[p].MaxMeetingsPerDay is not null)
            .OrderByDescending(p => mine.Count(m => m.Participants.Contains(p))).ThenBy(p => p).ToList();
        foreach (int p in limited)
        {
            var theirs = mine.Where(m => m.Participants.Contains(p)).ToList();
            var days = theirs.SelectMany(m => m.Options.Select(o => grid.DayOf(o.Start))).Distinct().ToList();
            int max = ev.Participants[p].MaxMeetingsPerDay!.Value;
            if (theirs.Count > max * days.Count)
            {
                string which = theirs.Count == mine.Count ? These : $"{theirs.Count} of {These}";
                return $"{Name(ev.Participants[p])} may have at most {Meetings(max)} a day, and {which} can only be held on {Days(grid, days)}";
            }
        }
        if (limited.Count == 0) return Capitalised($"a daily meeting limit cannot be kept with {These}");
        var first = ev.Participants[limited[0]];
        return $"{Name(first)} may have at most {Meetings(first.MaxMeetingsPerDay!.Value)} a day, which {These} cannot keep at the times they can be held";
    }

    /// <summary>The rooms that suit the meetings against the room time they need.</summary>
    public string RoomCapacity()
    {
        var pools = mine.SelectMany(m => m.Options.Select(o => m.Groups[o.Group])).SelectMany(g => g.Pools).Distinct().Order().ToList();
        var rooms = pools.SelectMany(p => RoomPoolOf(p).Rooms).Select(ConflictText.Room).ToList();
        var slots = CoveredSlots(mine);
        long roomSlots = slots.Sum(t => pools.Where(p => !RoomPoolOf(p).IsBlocked(t)).Sum(p => (long)RoomPoolOf(p).Size));
        long needSlots = mine.Sum(m => (long)m.Length);
        string where = rooms.Count == 1 ? $"The room that suits {These} ({rooms[0]}) has" : $"The rooms that suit {These} ({List(rooms, 6)}) have";
        string days = Days(grid, slots.Select(grid.DayOf));
        if (needSlots > roomSlots)
            return $"{where} {Length(grid.Grain * roomSlots)} of room time free on {days} when they can be held, and they need {Length(grid.Grain * needSlots)}";
        return $"{where} no room time to hold them all at once at the times they can be held on {days}";
    }

    /// <summary>A participant who would have to travel between the meetings' buildings.</summary>
    public string Travel()
    {
        var best = (Person: -1, From: "", To: "", Time: Duration.Zero);
        foreach (int p in mine.SelectMany(m => m.Participants).Distinct().Order())
        {
            var buildings = mine.Where(m => m.Participants.Contains(p)).SelectMany(m => m.Groups.Select(g => g.Building))
                .OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            foreach (var a in buildings)
                foreach (var b in buildings)
                    if (string.CompareOrdinal(a, b) < 0 && ev.TravelTime(a, b) > best.Time) best = (p, a, b, ev.TravelTime(a, b));
        }
        if (best.Person < 0) return Capitalised($"travel between buildings leaves no times for {These}");
        return $"{Name(ev.Participants[best.Person])} needs {Length(best.Time)} to travel between {BuildingName(best.From)} and {BuildingName(best.To)}, " +
            $"and the times {These} can be held leave no room for it";
    }

    /// <summary>The <c>after</c> orders among the meetings.</summary>
    public string AfterOrder()
    {
        var ids = mine.ToDictionary(m => m.Meeting.Id, m => m.Meeting, StringComparer.Ordinal);
        var orders = mine.SelectMany(m => m.Meeting.After.Where(ids.ContainsKey).Select(b => $"{Title(m.Meeting)} must start after {Title(ids[b])} ends"));
        return Capitalised($"{string.Join("; ", orders)}, and the times {These} can be held allow no such order");
    }

    /// <summary>The objective's cap on the spread of idle gaps.</summary>
    public string IdleGapSpread() =>
        $"The objective lets participants' idle gaps differ by at most {ev.Objective.MaxIdleGapSpread}, which no schedule of {These} keeps";

    /// <summary>Several rules at once (each needed), or none that a single check could name.</summary>
    public string Combined(IReadOnlyList<Relaxation> binding)
    {
        if (binding.Count == 0)
            return Capitalised($"{These} cannot all be held together: {List(mine.Select(m => Title(m.Meeting)), 6)}");
        var names = binding.Select(r => r switch
        {
            Relaxation.DailyLimit => "daily meeting limits",
            Relaxation.RoomCapacity => "room capacity",
            Relaxation.Travel => "travel times",
            Relaxation.AfterOrder => "'after' orders",
            Relaxation.Interpreters => "interpreters' time",
            _ => "the idle-gap spread cap",
        });
        return Capitalised($"{List(names)} together leave no time for {These}; without any one of them they fit");
    }

    /// <summary>Every slot some option of <paramref name="list"/> would occupy, ascending.</summary>
    private List<int> CoveredSlots(IEnumerable<MeetingOptions> list) =>
        list.SelectMany(m => m.Options.SelectMany(o => Enumerable.Range(o.Start, m.Length))).Distinct().Order().ToList();

    private RoomPool RoomPoolOf(int pool) => pools[pool];

    private string BuildingName(string id) => ev.FindBuilding(id) is { } b ? $"\"{b.Name}\"" : $"\"{id}\"";

    private static string Meetings(int n) => n == 1 ? "1 meeting" : $"{n} meetings";

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
