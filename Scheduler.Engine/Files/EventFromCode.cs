using System.Collections.Immutable;
using System.Globalization;
using NodaTime;
using Scheduler.Engine.Domain;

namespace Scheduler.Engine.Files;

/// <summary>
/// Checks an event built in code with the rules of <see cref="EventRules"/>, the ones the event file reader
/// applies, walking the parts in the order of the file and naming each problem by the path the value would have
/// in an event file (<c>meetings[2].participants[1]</c>). What a file cannot express but code can (a null, an
/// interval without an end, a duration of 7.5 minutes) is worded as the reader words its nearest file form.
/// </summary>
internal sealed class EventFromCode
{
    private const string NullString = "expected a string, found null";
    private const string NullObject = "expected an object, found null";
    private const string NullArray = "expected an array, found null";
    private static readonly Duration Minute = Duration.FromMinutes(1);

    private readonly ProblemList problems = new();
    private readonly EventRules rules;

    private EventFromCode() => rules = new EventRules(problems);

    /// <summary>The event, or every problem in file order.</summary>
    public static ReadResult<Event> Check(
        string name, DateTimeZone zone, Duration grain, ImmutableArray<EventDay> days, ImmutableArray<DailyBreak> breaks,
        ImmutableArray<Building> buildings, ImmutableArray<TravelTime> travelTimes, ImmutableArray<Room> rooms,
        ImmutableArray<Delegation> delegations, ImmutableArray<Participant> participants, ImmutableArray<Interpreter> interpreters,
        ImmutableArray<MeetingRequest> meetings, ScheduleObjective objective)
    {
        var check = new EventFromCode();
        var header = Root("event");
        check.String(name, At(header, EventFileReader.EventFields, "name"));
        var zonePath = At(header, EventFileReader.EventFields, "timeZone");
        if (zone is null) check.problems.Add(zonePath, NullString);
        else check.rules.TimeZone(zone.Id, zonePath);
        if (check.Minutes(grain, At(header, EventFileReader.EventFields, "slotMinutes"), EventLimits.MinSlotMinutes, EventLimits.MaxSlotMinutes) is { } slot)
        {
            check.rules.SlotMinutes(slot);
        }

        var daysPath = At(header, EventFileReader.EventFields, "days");
        if (check.Items(days, daysPath, check.Day)) check.rules.DayCount(days.Length, daysPath);
        check.Items(breaks, At(header, EventFileReader.EventFields, "breaks"), check.Break);
        check.Items(buildings, Root("buildings"), check.Building);
        check.Items(travelTimes, Root("travelMinutes"), check.Travel);
        check.Items(rooms, Root("rooms"), check.Room);
        check.Items(delegations, Root("delegations"), check.Delegation);
        check.Items(participants, Root("participants"), check.Participant);
        check.Items(interpreters, Root("interpreters"), check.Interpreter);
        var meetingsPath = Root("meetings");
        if (check.Items(meetings, meetingsPath, check.Meeting)) check.rules.MeetingCount(meetings.Length, meetingsPath);
        check.rules.CheckAfter();
        if (objective is null) check.problems.Add(Root("objective"), NullObject);
        else check.Objective(objective, Root("objective"));
        if (check.problems.Count > 0) return ReadResult<Event>.Failure(check.problems.InDocumentOrder());
        return ReadResult<Event>.Success(new Event(
            name, zone!, grain, days, breaks, buildings, travelTimes, rooms, delegations, participants, meetings, objective!,
            interpreters));
    }

    private static JsonPath Root(string field) => At(JsonPath.Root, EventFileReader.RootFields, field);

    /// <summary>A field's path, placed among its object's fields in the order the reader knows them.</summary>
    private static JsonPath At(JsonPath parent, string[] fields, string field) => parent.Field(field, Array.IndexOf(fields, field));

    /// <summary>Checks each item of a list; false (reported) when the list itself is missing.</summary>
    private bool Items<T>(ImmutableArray<T> list, JsonPath path, Action<T, JsonPath> check, string nullItem = NullObject) where T : class
    {
        if (list.IsDefault)
        {
            problems.Add(path, NullArray);
            return false;
        }

        for (var i = 0; i < list.Length; i++)
        {
            if (list[i] is null) problems.Add(path.Item(i), nullItem);
            else check(list[i], path.Item(i));
        }

        return true;
    }

    private bool String(string? text, JsonPath at)
    {
        if (text is not null) return true;
        problems.Add(at, NullString);
        return false;
    }

    /// <summary>The whole minutes of <paramref name="duration"/> when they lie in [min, max]; null (reported) otherwise.</summary>
    private long? Minutes(Duration duration, JsonPath at, long min, long max)
    {
        if (duration.NanosecondOfDay % Minute.ToInt64Nanoseconds() != 0)
        {
            problems.Add(at, $"expected a whole number, found {duration.TotalMinutes.ToString("0.#########", CultureInfo.InvariantCulture)}");
            return null;
        }

        var minutes = (long)duration.Days * EventLimits.MinutesPerDay + duration.NanosecondOfDay / Minute.ToInt64Nanoseconds();
        return rules.InRange(minutes, min, max, at) ? minutes : null;
    }

    private string? Id(string? id, IdRegistry registry, JsonPath item)
    {
        var at = item.Field("id", 0);
        return String(id, at) && rules.Id(registry, id!, at) ? id : null;
    }

    private string? Reference(string? id, IdRegistry registry, JsonPath at) =>
        String(id, at) && registry.Check(id!, at) ? id : null;

    private void Strings(ImmutableArray<string> list, JsonPath path) => Items(list, path, (_, _) => { }, NullString);

    private void Intervals(ImmutableArray<Interval> list, JsonPath path)
    {
        if (list.IsDefault)
        {
            problems.Add(path, NullArray);
            return;
        }

        for (var i = 0; i < list.Length; i++)
        {
            var interval = list[i];
            var at = path.Item(i);
            if (!interval.HasStart) problems.Add(at, "missing required field \"start\"");
            if (!interval.HasEnd) problems.Add(at, "missing required field \"end\"");
            if (interval.HasStart && interval.HasEnd) rules.Interval(interval.Start, interval.End, at);
        }
    }

    private void Day(EventDay day, JsonPath at) =>
        rules.Day(day.Date, day.Start, day.End,
            At(at, EventFileReader.DayFields, "date"), At(at, EventFileReader.DayFields, "start"), At(at, EventFileReader.DayFields, "end"));

    private void Break(DailyBreak item, JsonPath at)
    {
        String(item.Name, At(at, EventFileReader.BreakFields, "name"));
        rules.Break(item.Name ?? "", item.Start, item.End, At(at, EventFileReader.BreakFields, "start"), At(at, EventFileReader.BreakFields, "end"));
    }

    private void Building(Building item, JsonPath at)
    {
        Id(item.Id, rules.Buildings, at);
        String(item.Name, At(at, EventFileReader.BuildingFields, "name"));
    }

    private void Travel(TravelTime item, JsonPath at)
    {
        var from = Reference(item.From, rules.Buildings, At(at, EventFileReader.TravelFields, "from"));
        var to = Reference(item.To, rules.Buildings, At(at, EventFileReader.TravelFields, "to"));
        var minutes = Minutes(item.Duration, At(at, EventFileReader.TravelFields, "minutes"), 0, EventLimits.MaxTravelMinutes);
        rules.Travel(from, to, minutes, at);
    }

    private void Room(Room item, JsonPath at)
    {
        var fields = EventFileReader.RoomFields;
        Id(item.Id, rules.Rooms, at);
        String(item.Name, At(at, fields, "name"));
        if (item.Building is not null) Reference(item.Building, rules.Buildings, At(at, fields, "building"));
        rules.InRange(item.Capacity, 0, EventLimits.MaxSeats, At(at, fields, "capacity"));
        Strings(item.Features, At(at, fields, "features"));
        Intervals(item.Unavailable, At(at, fields, "unavailable"));
    }

    private void Delegation(Delegation item, JsonPath at)
    {
        Id(item.Id, rules.Delegations, at);
        String(item.Name, At(at, EventFileReader.DelegationFields, "name"));
        if (item.Precedence is { } precedence) rules.InRange(precedence, 0, EventLimits.MaxPrecedence, At(at, EventFileReader.DelegationFields, "precedence"));
    }

    private void Participant(Participant item, JsonPath at)
    {
        var fields = EventFileReader.ParticipantFields;
        Id(item.Id, rules.Participants, at);
        String(item.Name, At(at, fields, "name"));
        if (item.Delegation is not null) Reference(item.Delegation, rules.Delegations, At(at, fields, "delegation"));
        Intervals(item.Available, At(at, fields, "available"));
        Intervals(item.Busy, At(at, fields, "busy"));
        if (item.MaxMeetingsPerDay is { } max) rules.InRange(max, 0, EventLimits.MaxMeetingsPerDay, At(at, fields, "maxMeetingsPerDay"));
        var languages = Codes(item.Languages, At(at, fields, "languages"));
        if (item.Id is not null) rules.Interpretation.Participant(item.Id, rules.Interpretation.Languages(languages));
    }

    private void Interpreter(Interpreter item, JsonPath at)
    {
        var fields = EventFileReader.InterpreterFields;
        var id = Id(item.Id, rules.Interpretation.Ids, at);
        String(item.Name, At(at, fields, "name"));
        var languagesPath = At(at, fields, "languages");
        var named = Codes(item.Languages, languagesPath);
        if (!item.Languages.IsDefault) rules.Interpretation.Interpreter(id, named.Count, rules.Interpretation.Languages(named), languagesPath);
        Intervals(item.Available, At(at, fields, "available"));
        Intervals(item.Busy, At(at, fields, "busy"));
        if (item.MaxMinutesPerDay is { } max)
        {
            rules.InRange(max, InterpreterRules.MinMinutesPerDay, EventLimits.MinutesPerDay, At(at, fields, "maxMinutesPerDay"));
        }
    }

    /// <summary>A list of ids or codes with each item's path; nulls reported and left out.</summary>
    private List<Named> Codes(ImmutableArray<string> list, JsonPath path)
    {
        var named = new List<Named>();
        if (list.IsDefault)
        {
            problems.Add(path, NullArray);
            return named;
        }

        for (var i = 0; i < list.Length; i++)
        {
            if (String(list[i], path.Item(i))) named.Add(new Named(list[i], path.Item(i)));
        }

        return named;
    }

    private void Meeting(MeetingRequest item, JsonPath at)
    {
        var fields = EventFileReader.MeetingFields;
        var id = Id(item.Id, rules.Meetings, at);
        String(item.Title, At(at, fields, "title"));
        var participantsPath = At(at, fields, "participants");
        if (item.Participants.IsDefault) problems.Add(participantsPath, NullArray);
        else
        {
            var named = new List<Named>(item.Participants.Length);
            for (var i = 0; i < item.Participants.Length; i++)
            {
                if (String(item.Participants[i], participantsPath.Item(i))) named.Add(new Named(item.Participants[i], participantsPath.Item(i)));
            }

            rules.MeetingParticipants(named, participantsPath, complete: named.Count == item.Participants.Length);
        }

        var durationPath = At(at, fields, "durationMinutes");
        Duration? duration = null;
        if (Minutes(item.Duration, durationPath, EventLimits.MinDurationMinutes, EventLimits.MaxDurationMinutes) is { } minutes)
        {
            duration = rules.MeetingDuration(minutes, durationPath);
        }

        rules.InRange(item.Weight, 0, EventLimits.MaxWeight, At(at, fields, "weight"));
        rules.InRange(item.Headcount, 0, EventLimits.MaxSeats, At(at, fields, "headcount"));
        Strings(item.RequiredFeatures, At(at, fields, "requiredFeatures"));
        Intervals(item.Windows, At(at, fields, "windows"));
        if (item.Pin is { } pin)
        {
            var pinPath = At(at, fields, "pin");
            var room = pin.Room is null ? null : Reference(pin.Room, rules.Rooms, At(pinPath, EventFileReader.PinFields, "room"));
            rules.Pin(pin.Start, room, duration, At(pinPath, EventFileReader.PinFields, "start"));
        }

        var afterPath = At(at, fields, "after");
        if (item.After.IsDefault) problems.Add(afterPath, NullArray);
        else
        {
            var after = new List<Named>(item.After.Length);
            for (var i = 0; i < item.After.Length; i++)
            {
                if (String(item.After[i], afterPath.Item(i))) after.Add(new Named(item.After[i], afterPath.Item(i)));
            }

            if (id is not null) rules.After(id, afterPath, after);
        }

        var pins = Codes(item.Interpreters, At(at, fields, "interpreters"));
        rules.Interpretation.Pins(pins, item.Participants.IsDefault ? [] : item.Participants.Where(p => p is not null).ToList());
    }

    private void Objective(ScheduleObjective objective, JsonPath at)
    {
        if (!Enum.IsDefined(objective.IdleGaps))
        {
            problems.Add(At(at, EventFileReader.ObjectiveFields, "idleGaps"), $"expected \"minimize\" or \"ignore\", found {objective.IdleGaps}");
        }

        if (objective.MaxIdleGapSpread is { } spread)
        {
            rules.InRange(spread, 0, EventLimits.MaxIdleGapSpread, At(at, EventFileReader.ObjectiveFields, "maxIdleGapSpread"));
        }
    }
}
