using System.Globalization;
using NodaTime;
using NodaTime.Text;
using Scheduler.Engine.Domain;
using Scheduler.Engine.Time;

namespace Scheduler.Engine.Solving.Conflicts;

/// <summary>The words of conflict explanations: names, lengths of time, days and periods in the event's zone.</summary>
internal static class ConflictText
{
    private static readonly LocalDatePattern DayMonth = LocalDatePattern.Create("d MMMM", CultureInfo.InvariantCulture);
    private static readonly LocalDateTimePattern When = LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd HH:mm");
    private static readonly LocalTimePattern Clock = LocalTimePattern.CreateWithInvariantCulture("HH:mm");

    /// <summary>A participant's display name, or their id in quotes when the file gives no name.</summary>
    public static string Name(Participant p) => p.Name == p.Id ? $"\"{p.Id}\"" : p.Name;

    /// <summary>An interpreter's name, or their quoted id when they have none.</summary>
    public static string Name(Interpreter i) => i.Name == i.Id ? $"\"{i.Id}\"" : i.Name;

    /// <summary>A meeting's title in quotes.</summary>
    public static string Title(MeetingRequest m) => $"\"{m.Title}\"";

    /// <summary>A room's display name in quotes.</summary>
    public static string Room(Room r) => $"\"{r.Name}\"";

    /// <summary><c>45 minutes</c>, <c>1 hour</c>, <c>2 hours 15 minutes</c>.</summary>
    public static string Length(Duration d)
    {
        long minutes = (long)Math.Round(d.TotalMinutes);
        long hours = minutes / 60, rest = minutes % 60;
        string h = hours == 1 ? "1 hour" : $"{hours} hours";
        string m = rest == 1 ? "1 minute" : $"{rest} minutes";
        return hours == 0 ? m : rest == 0 ? h : $"{h} {m}";
    }

    /// <summary><c>22 June</c>, <c>22 June and 23 June</c>, <c>22 June, 23 June and 24 June</c>.</summary>
    public static string Days(TimeGrid grid, IEnumerable<int> dayIndices) =>
        List(dayIndices.Distinct().Order().Select(d => DayMonth.Format(grid.Days[d].Date)));

    /// <summary>Items joined with commas and a final "and"; past <paramref name="most"/>, "and N more".</summary>
    public static string List(IEnumerable<string> items, int most = int.MaxValue)
    {
        var all = items.ToList();
        if (all.Count > most) return string.Join(", ", all.Take(most)) + $" and {all.Count - most} more";
        return all.Count <= 1 ? string.Concat(all) : string.Join(", ", all.Take(all.Count - 1)) + " and " + all[^1];
    }

    /// <summary>An instant as local date and time in the event's zone: <c>2021-06-22 15:00</c>.</summary>
    public static string Local(Event ev, Instant t) => When.Format(t.InZone(ev.Zone).LocalDateTime);

    /// <summary>Periods as <c>2021-06-22 10:00–12:00</c>, the first three and how many more.</summary>
    public static string Periods(Event ev, IEnumerable<Interval> periods)
    {
        var list = periods.OrderBy(p => p.Start).ToList();
        var shown = list.Take(3).Select(p =>
        {
            var s = p.Start.InZone(ev.Zone).LocalDateTime;
            var e = p.End.InZone(ev.Zone).LocalDateTime;
            return s.Date == e.Date ? $"{When.Format(s)}–{Clock.Format(e.TimeOfDay)}" : $"{When.Format(s)} to {When.Format(e)}";
        });
        return string.Join(", ", shown) + (list.Count > 3 ? $" and {list.Count - 3} more" : "");
    }
}
