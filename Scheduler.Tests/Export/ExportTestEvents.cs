using System.Collections.Immutable;
using NodaTime;
using Scheduler.Engine.Domain;

namespace Scheduler.Tests.Export;

/// <summary>Small events and schedules built on the domain constructors, for the exporter tests.</summary>
internal static class ExportTestEvents
{
    public static readonly DateTimeZone Berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];

    /// <summary>A title that needs quoting in CSV and escaping in HTML.</summary>
    public const string AwkwardTitle = "Trade, \"tariffs\" & <b>more</b>\nsecond line";

    /// <summary>
    /// Two days in Berlin (summer time, +02:00), two rooms in two buildings, two delegations and a participant
    /// without one; four meetings scheduled (one with <see cref="AwkwardTitle"/>), two left out.
    /// </summary>
    public static (Event Event, Schedule Schedule) Summit()
    {
        var days = ImmutableArray.Create(
            new EventDay(new LocalDate(2021, 6, 22), new LocalTime(9, 0), new LocalTime(13, 0)),
            new EventDay(new LocalDate(2021, 6, 23), new LocalTime(9, 0), new LocalTime(12, 0)));
        var breaks = ImmutableArray.Create(new DailyBreak("Coffee", new LocalTime(11, 0), new LocalTime(11, 30)));
        var buildings = ImmutableArray.Create(new Building("congress", "Congress Centre"), new Building("hotel", "Hotel Adlon"));
        var rooms = ImmutableArray.Create(
            Room("b1", "Bilateral room 1", "congress"),
            Room("b2", "Salon \"Berlin\"", "hotel"));
        var delegations = ImmutableArray.Create(
            new Delegation("fr", "France", 2),
            new Delegation("un", "United Nations", 1));
        var participants = ImmutableArray.Create(
            Person("lacroix", "Jean-Pierre Lacroix", "un"),
            Person("dupont", "Amélie Dupont", "fr"),
            Person("martin", "Luc Martin", "fr"),
            Person("solo", "Independent Observer", null));
        var meetings = ImmutableArray.Create(
            Meeting("un-fr", "UN – France", 45, "lacroix", "dupont"),
            Meeting("trade", AwkwardTitle, 30, "dupont", "martin", "solo"),
            Meeting("un-obs", "UN – Observer", 60, "lacroix", "solo"),
            Meeting("fr-fr", "French coordination", 15, "dupont", "martin"),
            Meeting("late", "Late request", 30, "lacroix", "martin"),
            Meeting("never", "Never placed", 30, "solo", "dupont"));
        var ev = new Event("Berlin Summit, 2021", Berlin, Duration.FromMinutes(15), days, breaks, buildings, [],
            rooms, delegations, participants, meetings, ScheduleObjective.Default);
        var assignments = ImmutableArray.Create(
            At(ev, "un-fr", "b1", new LocalDateTime(2021, 6, 22, 9, 0)),
            At(ev, "trade", "b2", new LocalDateTime(2021, 6, 22, 10, 0)),
            At(ev, "fr-fr", "b1", new LocalDateTime(2021, 6, 22, 12, 45)),
            At(ev, "un-obs", "b2", new LocalDateTime(2021, 6, 23, 9, 30)));
        var unscheduled = ImmutableArray.Create(
            new UnscheduledMeeting("never", "solo has no free 30-minute period, \"really\"", ReasonCode.Busy, ["solo"]),
            new UnscheduledMeeting("late", "martin is busy"));
        return (ev, new Schedule(ev.Name, ScheduleStatus.Feasible, 4, 6, 1, null, assignments, unscheduled));
    }

    /// <summary>
    /// One night in Berlin on 2021-03-28 (clocks go from 02:00 to 03:00), 00:00–06:00 local, grain 30 minutes:
    /// "night" runs 01:30–03:30 local, which is one hour, and "dawn" runs 04:00–05:00.
    /// </summary>
    public static (Event Event, Schedule Schedule) DstNight()
    {
        var days = ImmutableArray.Create(new EventDay(new LocalDate(2021, 3, 28), new LocalTime(0, 0), new LocalTime(6, 0)));
        var rooms = ImmutableArray.Create(Room("r", "Night room", null));
        var participants = ImmutableArray.Create(Person("a", "Anna", null), Person("b", "Bert", null), Person("c", "Cleo", null));
        var meetings = ImmutableArray.Create(
            Meeting("night", "Night talk", 60, "a", "b"),
            Meeting("dawn", "Dawn talk", 60, "b", "c"));
        var ev = new Event("DST night", Berlin, Duration.FromMinutes(30), days, [], [], [], rooms, [], participants,
            meetings, ScheduleObjective.Default);
        var assignments = ImmutableArray.Create(
            At(ev, "night", "r", new LocalDateTime(2021, 3, 28, 1, 30)),
            At(ev, "dawn", "r", new LocalDateTime(2021, 3, 28, 4, 0)));
        return (ev, new Schedule(ev.Name, ScheduleStatus.Optimal, 2, 2, 0, 0, assignments, []));
    }

    /// <summary>The assignment of <paramref name="meeting"/> starting at a local time that must be unambiguous.</summary>
    public static Assignment At(Event ev, string meeting, string room, LocalDateTime localStart)
    {
        var start = ev.Zone.AtStrictly(localStart).ToInstant();
        return new Assignment(meeting, room, start, start + ev.FindMeeting(meeting)!.Duration);
    }

    public static Event WithName(Event ev, string name) =>
        new(name, ev.Zone, ev.Grain, ev.Days, ev.Breaks, ev.Buildings, ev.TravelTimes, ev.Rooms, ev.Delegations,
            ev.Participants, ev.Meetings, ev.Objective);

    private static Room Room(string id, string name, string? building) => new(id, name, building, 10, [], []);

    private static Participant Person(string id, string name, string? delegation) => new(id, name, delegation, [], [], null);

    private static MeetingRequest Meeting(string id, string title, int minutes, params string[] participants) =>
        new(id, title, [.. participants], Duration.FromMinutes(minutes), false, 1, participants.Length, [], [], null, []);
}
