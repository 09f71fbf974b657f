using System.Collections.Immutable;
using NodaTime;
using NodaTime.Text;
using Scheduler.Engine.Domain;

namespace Scheduler.Tests.Checking;

/// <summary>
/// A fluent builder of events on the domain constructors, with local times as text in the event's zone
/// (<c>"2021-06-22T09:00"</c>, resolved strictly so a test never lands in a DST gap by accident).
/// Participants named by a meeting but never declared are added with the contract's defaults.
/// </summary>
internal sealed class TestEvent
{
    private static readonly LocalDateTimePattern LocalDateTimeText = LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd'T'HH:mm");
    private static readonly OffsetDateTimePattern OffsetDateTimeText = OffsetDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd'T'HH:mmo<+HH:mm>");

    private static readonly LocalTimePattern TimeText = LocalTimePattern.CreateWithInvariantCulture("HH:mm");

    private readonly List<EventDay> days = [];
    private readonly List<DailyBreak> breaks = [];
    private readonly List<Building> buildings = [];
    private readonly List<TravelTime> travel = [];
    private readonly List<Room> rooms = [];
    private readonly List<Participant> participants = [];
    private readonly List<MeetingRequest> meetings = [];
    private ScheduleObjective objective = ScheduleObjective.Default;

    public TestEvent(string zone = "Europe/Moscow", int slotMinutes = 15)
    {
        Zone = DateTimeZoneProviders.Tzdb[zone];
        Grain = Duration.FromMinutes(slotMinutes);
    }

    public DateTimeZone Zone { get; }

    public Duration Grain { get; }

    /// <summary>A local date-time (<c>2021-06-22T09:00</c>) or an offset one (<c>2021-10-31T02:30+02:00</c>) as an instant.</summary>
    public Instant At(string time) =>
        time.Length > 16
            ? OffsetDateTimeText.Parse(time).Value.ToInstant()
            : Zone.AtStrictly(LocalDateTimeText.Parse(time).Value).ToInstant();

    public Interval Span(string start, string end) => new(At(start), At(end));

    public TestEvent Day(string date, string start, string end)
    {
        days.Add(new EventDay(LocalDatePattern.Iso.Parse(date).Value, Time(start), Time(end)));
        return this;
    }

    public TestEvent Break(string name, string start, string end)
    {
        breaks.Add(new DailyBreak(name, Time(start), Time(end)));
        return this;
    }

    public TestEvent Building(string id, string? name = null)
    {
        buildings.Add(new Building(id, name ?? id));
        return this;
    }

    public TestEvent Travel(string from, string to, int minutes)
    {
        travel.RemoveAll(t => (t.From == from && t.To == to) || (t.From == to && t.To == from));
        travel.Add(new TravelTime(from, to, Duration.FromMinutes(minutes)));
        return this;
    }

    /// <summary>Adds a room, or replaces the one with this id.</summary>
    public TestEvent Room(
        string id,
        int capacity = 10,
        string? building = null,
        string? name = null,
        string[]? features = null,
        (string Start, string End)[]? unavailable = null)
    {
        rooms.RemoveAll(r => r.Id == id);
        rooms.Add(new Room(id, name ?? id, building, capacity, [.. features ?? []], Spans(unavailable)));
        return this;
    }

    /// <summary>Adds a participant, or replaces the one with this id.</summary>
    public TestEvent Person(
        string id,
        string? name = null,
        int? maxPerDay = null,
        (string Start, string End)[]? available = null,
        (string Start, string End)[]? busy = null)
    {
        participants.RemoveAll(p => p.Id == id);
        participants.Add(new Participant(id, name ?? id, null, Spans(available), Spans(busy), maxPerDay));
        return this;
    }

    public TestEvent Meeting(string id, int minutes, string[] with, Action<TestMeeting>? configure = null)
    {
        var meeting = new TestMeeting(this, id, Duration.FromMinutes(minutes), with);
        configure?.Invoke(meeting);
        meetings.Add(meeting.Build());
        return this;
    }

    public TestEvent Objective(int? maxIdleGapSpread, IdleGapPolicy idleGaps = IdleGapPolicy.Minimize)
    {
        objective = new ScheduleObjective(idleGaps, maxIdleGapSpread);
        return this;
    }

    public Event Build()
    {
        var people = participants.ToList();
        foreach (var id in meetings.SelectMany(m => m.Participants).Distinct(StringComparer.Ordinal))
        {
            if (people.All(p => p.Id != id)) people.Add(new Participant(id, id, null, [], [], null));
        }

        return new Event(
            "Test event", Zone, Grain, [.. days], [.. breaks], [.. buildings], [.. travel], [.. rooms], [],
            [.. people], [.. meetings], objective);
    }

    internal ImmutableArray<Interval> Spans((string Start, string End)[]? spans) =>
        [.. (spans ?? []).Select(s => Span(s.Start, s.End))];

    private static LocalTime Time(string text) => TimeText.Parse(text).Value;
}

/// <summary>The optional fields of one meeting request; defaults are the contract's.</summary>
internal sealed class TestMeeting(TestEvent ev, string id, Duration duration, string[] participants)
{
    private readonly List<Interval> windows = [];
    private readonly List<string> features = [];
    private readonly List<string> after = [];
    private string? title;
    private bool required;
    private long weight = 1;
    private int? headcount;
    private MeetingPin? pin;

    public TestMeeting Title(string value)
    {
        title = value;
        return this;
    }

    public TestMeeting Required()
    {
        required = true;
        return this;
    }

    public TestMeeting Weight(long value)
    {
        weight = value;
        return this;
    }

    public TestMeeting Headcount(int value)
    {
        headcount = value;
        return this;
    }

    public TestMeeting Features(params string[] values)
    {
        features.AddRange(values);
        return this;
    }

    public TestMeeting Window(string start, string end)
    {
        windows.Add(ev.Span(start, end));
        return this;
    }

    public TestMeeting Pin(string start, string? room = null)
    {
        pin = new MeetingPin(ev.At(start), room);
        return this;
    }

    public TestMeeting After(params string[] ids)
    {
        after.AddRange(ids);
        return this;
    }

    public MeetingRequest Build() =>
        new(id, title ?? id, [.. participants], duration, required, weight, headcount ?? participants.Length,
            [.. features], [.. windows], pin, [.. after]);
}
