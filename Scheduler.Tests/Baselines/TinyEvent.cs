using System.Collections.Immutable;
using NodaTime;
using Scheduler.Engine.Domain;

namespace Scheduler.Tests.Baselines;

/// <summary>
/// Hand-built events for first-fit tests: UTC, 30-minute grain, days from 2026-03-10 opening 09:00-12:00
/// unless told otherwise, every participant of a meeting created on first mention.
/// </summary>
internal sealed class TinyEvent
{
    private static readonly LocalDate FirstDay = new(2026, 3, 10);
    private readonly List<Room> rooms = [];
    private readonly List<Building> buildings = [];
    private readonly List<TravelTime> travel = [];
    private readonly List<Participant> participants = [];
    private readonly List<MeetingRequest> meetings = [];
    private readonly List<DailyBreak> breaks = [];
    private int days = 1;
    private LocalTime open = new(9, 0), close = new(12, 0);

    public static Instant At(int hour, int minute = 0, int day = 0) =>
        (FirstDay.PlusDays(day) + new LocalTime(hour, minute)).InUtc().ToInstant();

    public static Interval Between(int fromHour, int fromMinute, int toHour, int toMinute, int day = 0) =>
        new(At(fromHour, fromMinute, day), At(toHour, toMinute, day));

    public TinyEvent Days(int count, int openHour = 9, int closeHour = 12)
    {
        days = count;
        open = new LocalTime(openHour, 0);
        close = new LocalTime(closeHour, 0);
        return this;
    }

    public TinyEvent Break(int fromHour, int fromMinute, int toHour, int toMinute)
    {
        breaks.Add(new DailyBreak("Break", new LocalTime(fromHour, fromMinute), new LocalTime(toHour, toMinute)));
        return this;
    }

    public TinyEvent Building(string id)
    {
        buildings.Add(new Building(id, id));
        return this;
    }

    public TinyEvent Travel(string from, string to, int minutes)
    {
        travel.Add(new TravelTime(from, to, Duration.FromMinutes(minutes)));
        return this;
    }

    public TinyEvent Room(string id, int capacity = 10, string? building = null, string[]? features = null,
        params Interval[] unavailable)
    {
        rooms.Add(new Room(id, id, building, capacity, [.. features ?? []], [.. unavailable]));
        return this;
    }

    public TinyEvent Person(string id, Interval[]? available = null, Interval[]? busy = null, int? maxPerDay = null)
    {
        participants.Add(new Participant(id, id, null, [.. available ?? []], [.. busy ?? []], maxPerDay));
        return this;
    }

    public TinyEvent Meeting(string id, string[] who, int minutes = 30, long weight = 1, bool required = false,
        int? headcount = null, string[]? features = null, Interval[]? windows = null, MeetingPin? pin = null,
        string[]? after = null)
    {
        foreach (var p in who)
            if (!participants.Any(x => x.Id == p)) Person(p);
        meetings.Add(new MeetingRequest(id, id, [.. who], Duration.FromMinutes(minutes), required, weight,
            headcount ?? who.Length, [.. features ?? []], [.. windows ?? []], pin, [.. after ?? []]));
        return this;
    }

    public Event Build() => new(
        "Tiny", DateTimeZone.Utc, Duration.FromMinutes(30),
        Enumerable.Range(0, days).Select(d => new EventDay(FirstDay.PlusDays(d), open, close)).ToImmutableArray(),
        [.. breaks], [.. buildings], [.. travel], [.. rooms], [], [.. participants], [.. meetings],
        ScheduleObjective.Default);
}
