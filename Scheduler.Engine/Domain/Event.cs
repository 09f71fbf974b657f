using System.Collections.Immutable;
using NodaTime;

namespace Scheduler.Engine.Domain;

/// <summary>
/// A whole event: its calendar, places, people and meeting requests. Immutable, and always checked: it comes from
/// the event file reader (<see cref="Files.EventFile"/>) or from <see cref="Create"/>, which apply the same rules,
/// so ids are unique within each list, every reference resolves and every number lies in its
/// <see cref="EventLimits">range</see>.
/// </summary>
public sealed class Event
{
    private readonly Dictionary<string, Room> roomsById;
    private readonly Dictionary<string, Participant> participantsById;
    private readonly Dictionary<string, MeetingRequest> meetingsById;
    private readonly Dictionary<string, Delegation> delegationsById;
    private readonly Dictionary<string, Building> buildingsById;
    private readonly Dictionary<string, Interpreter> interpretersById;
    private readonly Dictionary<(string, string), Duration> travel;

    /// <summary>
    /// Checks an event built in code with every rule the event file reader applies and returns it, or every problem
    /// found, in file order, each named by the path the value would have in an event file
    /// (<c>meetings[2].participants[1]: no participant "ryabkov2"</c>). Never throws for bad data: a null, an
    /// interval without an end or a duration that is not whole minutes is a problem like any other.
    /// </summary>
    /// <param name="name">The display name (<c>event.name</c>).</param>
    /// <param name="zone">The time zone; a TZDB zone such as <c>DateTimeZoneProviders.Tzdb["Europe/Moscow"]</c>.</param>
    /// <param name="grain">The grain (<c>event.slotMinutes</c>): whole minutes, 1 to 1,440.</param>
    /// <param name="days">The days meetings may take place: at least one, each date once.</param>
    /// <param name="breaks">Daily local periods when no meeting runs.</param>
    /// <param name="buildings">Buildings that rooms may belong to.</param>
    /// <param name="travelTimes">Travel times between pairs of distinct buildings, each pair once.</param>
    /// <param name="rooms">Rooms.</param>
    /// <param name="delegations">Delegations.</param>
    /// <param name="participants">Participants.</param>
    /// <param name="meetings">Meeting requests; at most <see cref="EventLimits.MaxMeetings"/>.</param>
    /// <param name="objective">What the solver optimises after the hard rules (<see cref="ScheduleObjective.Default"/>).</param>
    /// <param name="interpreters">Interpreters (contract v1.1); default or empty for none.</param>
    public static Files.ReadResult<Event> Create(
        string name,
        DateTimeZone zone,
        Duration grain,
        ImmutableArray<EventDay> days,
        ImmutableArray<DailyBreak> breaks,
        ImmutableArray<Building> buildings,
        ImmutableArray<TravelTime> travelTimes,
        ImmutableArray<Room> rooms,
        ImmutableArray<Delegation> delegations,
        ImmutableArray<Participant> participants,
        ImmutableArray<MeetingRequest> meetings,
        ScheduleObjective objective,
        ImmutableArray<Interpreter> interpreters = default) =>
        Files.EventFromCode.Check(name, zone, grain, days, breaks, buildings, travelTimes, rooms, delegations, participants,
            interpreters.IsDefault ? [] : interpreters, meetings, objective);

    /// <summary>
    /// Creates an event from parts already checked: by the reader, by <see cref="Create"/>, or by a generator that
    /// builds valid events by construction. Code outside the engine uses <see cref="Create"/>.
    /// </summary>
    internal Event(
        string name,
        DateTimeZone zone,
        Duration grain,
        ImmutableArray<EventDay> days,
        ImmutableArray<DailyBreak> breaks,
        ImmutableArray<Building> buildings,
        ImmutableArray<TravelTime> travelTimes,
        ImmutableArray<Room> rooms,
        ImmutableArray<Delegation> delegations,
        ImmutableArray<Participant> participants,
        ImmutableArray<MeetingRequest> meetings,
        ScheduleObjective objective,
        ImmutableArray<Interpreter> interpreters = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(objective);
        if (grain <= Duration.Zero) throw new ArgumentOutOfRangeException(nameof(grain), grain, "The grain must be positive.");
        Name = name;
        Zone = zone;
        Grain = grain;
        Days = days;
        Breaks = breaks;
        Buildings = buildings;
        TravelTimes = travelTimes;
        Rooms = rooms;
        Delegations = delegations;
        Participants = participants;
        Meetings = meetings;
        Objective = objective;
        Interpreters = interpreters.IsDefault ? [] : interpreters;
        interpretersById = Interpreters.ToDictionary(i => i.Id, StringComparer.Ordinal);
        roomsById = rooms.ToDictionary(r => r.Id, StringComparer.Ordinal);
        participantsById = participants.ToDictionary(p => p.Id, StringComparer.Ordinal);
        meetingsById = meetings.ToDictionary(m => m.Id, StringComparer.Ordinal);
        delegationsById = delegations.ToDictionary(d => d.Id, StringComparer.Ordinal);
        buildingsById = buildings.ToDictionary(b => b.Id, StringComparer.Ordinal);
        travel = new Dictionary<(string, string), Duration>();
        foreach (var t in travelTimes)
        {
            travel[(t.From, t.To)] = t.Duration;
            travel[(t.To, t.From)] = t.Duration;
        }
    }

    /// <summary>The event's display name (<c>event.name</c>).</summary>
    public string Name { get; }

    /// <summary>The event's time zone (<c>event.timeZone</c>, from TZDB).</summary>
    public DateTimeZone Zone { get; }

    /// <summary>The grain (<c>event.slotMinutes</c>): meetings start on it counted from each day's start. Positive.</summary>
    public Duration Grain { get; }

    /// <summary>The days meetings may take place, in file order.</summary>
    public ImmutableArray<EventDay> Days { get; }

    /// <summary>Daily local periods when no meeting runs.</summary>
    public ImmutableArray<DailyBreak> Breaks { get; }

    /// <summary>Buildings that rooms may belong to.</summary>
    public ImmutableArray<Building> Buildings { get; }

    /// <summary>Symmetric travel times between buildings as given in the file.</summary>
    public ImmutableArray<TravelTime> TravelTimes { get; }

    /// <summary>Rooms, in file order.</summary>
    public ImmutableArray<Room> Rooms { get; }

    /// <summary>Delegations, in file order.</summary>
    public ImmutableArray<Delegation> Delegations { get; }

    /// <summary>Participants, in file order.</summary>
    public ImmutableArray<Participant> Participants { get; }

    /// <summary>Meeting requests, in file order.</summary>
    public ImmutableArray<MeetingRequest> Meetings { get; }

    /// <summary>What the solver optimises after hard rules.</summary>
    public ScheduleObjective Objective { get; }

    /// <summary>Interpreters, in file order; empty when the event has none (contract v1.1).</summary>
    public ImmutableArray<Interpreter> Interpreters { get; }

    /// <summary>The interpreter with this id, or null.</summary>
    public Interpreter? FindInterpreter(string id) => interpretersById.GetValueOrDefault(id);

    /// <summary>
    /// The event's <c>replan</c> object (contract v1.1): how a solve from a published schedule weighs changes; null when
    /// the file has none (then <see cref="ReplanSettings.Default"/> applies to a replan).
    /// </summary>
    public ReplanSettings? Replan { get; internal init; }

    /// <summary>
    /// This event with <paramref name="replan"/> as its <c>replan</c> object (null for none), or the problems with it,
    /// named by their path in an event file (<c>replan.moveCost</c>). The event itself is unchanged.
    /// </summary>
    public Files.ReadResult<Event> WithReplan(ReplanSettings? replan)
    {
        if (replan is not null)
        {
            var problems = Files.ReplanReading.Check(replan);
            if (!problems.IsEmpty) return Files.ReadResult<Event>.Failure(problems);
        }

        return Files.ReadResult<Event>.Success(With(Meetings, replan));
    }

    /// <summary>A copy with other people, rooms and meeting requests, already checked (benchmarks that disrupt an event).</summary>
    internal Event With(ImmutableArray<Participant> participants, ImmutableArray<Room> rooms, ImmutableArray<MeetingRequest> meetings) =>
        new(Name, Zone, Grain, Days, Breaks, Buildings, TravelTimes, rooms, Delegations, participants, meetings, Objective, Interpreters) { Replan = Replan };

    /// <summary>A copy with other meeting requests (already checked against this event) and replan settings.</summary>
    internal Event With(ImmutableArray<MeetingRequest> meetings, ReplanSettings? replan) =>
        new(Name, Zone, Grain, Days, Breaks, Buildings, TravelTimes, Rooms, Delegations, Participants, meetings, Objective, Interpreters) { Replan = replan };

    /// <summary>The room with this id, or null.</summary>
    public Room? FindRoom(string id) => roomsById.GetValueOrDefault(id);

    /// <summary>The participant with this id, or null.</summary>
    public Participant? FindParticipant(string id) => participantsById.GetValueOrDefault(id);

    /// <summary>The meeting request with this id, or null.</summary>
    public MeetingRequest? FindMeeting(string id) => meetingsById.GetValueOrDefault(id);

    /// <summary>The delegation with this id, or null.</summary>
    public Delegation? FindDelegation(string id) => delegationsById.GetValueOrDefault(id);

    /// <summary>The building with this id, or null.</summary>
    public Building? FindBuilding(string id) => buildingsById.GetValueOrDefault(id);

    /// <summary>
    /// The travel time between two buildings: zero when either is null (a room in no building),
    /// when they are the same, or when the file gives no time for the pair.
    /// </summary>
    public Duration TravelTime(string? fromBuilding, string? toBuilding)
    {
        if (fromBuilding is null || toBuilding is null || fromBuilding == toBuilding) return Duration.Zero;
        return travel.GetValueOrDefault((fromBuilding, toBuilding), Duration.Zero);
    }

    /// <summary>The first instant of the event: the start of its earliest day.</summary>
    public Instant Start => Days.Min(d => d.StartInstant(Zone));

    /// <summary>The end of the event: the end of its latest day.</summary>
    public Instant End => Days.Max(d => d.EndInstant(Zone));
}
