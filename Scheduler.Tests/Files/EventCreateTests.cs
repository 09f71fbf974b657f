using System.Collections.Immutable;
using System.Text.Json.Nodes;
using NodaTime;
using NodaTime.TimeZones;
using Scheduler.Engine.Domain;
using Scheduler.Engine.Files;

namespace Scheduler.Tests.Files;

/// <summary>
/// <see cref="Event.Create"/> applies the reader's rules to an event built in code and reports the same problems,
/// with the same paths, as the reader reports for the same mistake in a file.
/// </summary>
public class EventCreateTests
{
    /// <summary>The parts of an event, to change one and build it again.</summary>
    public sealed record Parts(
        string Name, DateTimeZone Zone, Duration Grain, ImmutableArray<EventDay> Days, ImmutableArray<DailyBreak> Breaks,
        ImmutableArray<Building> Buildings, ImmutableArray<TravelTime> TravelTimes, ImmutableArray<Room> Rooms,
        ImmutableArray<Delegation> Delegations, ImmutableArray<Participant> Participants, ImmutableArray<MeetingRequest> Meetings,
        ScheduleObjective Objective)
    {
        public static Parts Of(Event ev) => new(
            ev.Name, ev.Zone, ev.Grain, ev.Days, ev.Breaks, ev.Buildings, ev.TravelTimes, ev.Rooms, ev.Delegations,
            ev.Participants, ev.Meetings, ev.Objective);

        public ReadResult<Event> Create() => Event.Create(
            Name, Zone, Grain, Days, Breaks, Buildings, TravelTimes, Rooms, Delegations, Participants, Meetings, Objective);

        public Parts Meeting(int index, Func<MeetingRequest, MeetingRequest> change) =>
            this with { Meetings = Meetings.SetItem(index, change(Meetings[index])) };
    }

    private static readonly Event Conference = Samples.Read(Samples.Conference);

    private static Instant Moscow(int day, int hour, int minute = 0) =>
        new LocalDateTime(2021, 6, day, hour, minute).InZoneStrictly(Conference.Zone).ToInstant();

    private static List<string> CreateProblems(Parts parts)
    {
        var result = parts.Create();
        Assert.False(result.Succeeded, "the event was created without problems");
        Assert.Null(result.Value);
        return result.Problems.Select(p => p.ToString()).ToList();
    }

    /// <summary>One mistake, made once in the file and once in code.</summary>
    public static TheoryData<string, Action<JsonObject>, Func<Parts, Parts>> SameMistakes => new()
    {
        {
            "a dangling participant id",
            root => root["meetings"]![2]!["participants"]![1] = "ryabkov2",
            p => p.Meeting(2, m => m with { Participants = m.Participants.SetItem(1, "ryabkov2") })
        },
        {
            "a participant listed twice",
            root => root["meetings"]![0]!["participants"]![1] = "lacroix",
            p => p.Meeting(0, m => m with { Participants = ["lacroix", "lacroix"] })
        },
        {
            "a repeated room id",
            root => root["rooms"]![1]!["id"] = "b1",
            p => p with { Rooms = p.Rooms.SetItem(1, p.Rooms[1] with { Id = "b1" }) }
        },
        {
            "an empty building id",
            root => root["buildings"]![1]!["id"] = "",
            p => p with { Buildings = p.Buildings.SetItem(1, p.Buildings[1] with { Id = "" }) }
        },
        {
            "an unknown delegation",
            root => root["participants"]![1]!["delegation"] = "xx",
            p => p with { Participants = p.Participants.SetItem(1, p.Participants[1] with { Delegation = "xx" }) }
        },
        {
            "travel from a building to itself",
            root => root["travelMinutes"]![0]!["to"] = "congress",
            p => p with { TravelTimes = [p.TravelTimes[0] with { To = "congress" }] }
        },
        {
            "a weight past its range",
            root => root["meetings"]![0]!["weight"] = 100_001,
            p => p.Meeting(0, m => m with { Weight = 100_001 })
        },
        {
            "a negative capacity",
            root => root["rooms"]![0]!["capacity"] = -1,
            p => p with { Rooms = p.Rooms.SetItem(0, p.Rooms[0] with { Capacity = -1 }) }
        },
        {
            "a duration off the grain",
            root => root["meetings"]![0]!["durationMinutes"] = 20,
            p => p.Meeting(0, m => m with { Duration = Duration.FromMinutes(20) })
        },
        {
            "a circle of after",
            root => root["meetings"]![0]!["after"] = Samples.Array("un-mfa"),
            p => p.Meeting(0, m => m with { After = ["un-mfa"] })
        },
        {
            "an after naming no meeting",
            root => root["meetings"]![1]!["after"]![0] = "un-mod2",
            p => p.Meeting(1, m => m with { After = ["un-mod2"] })
        },
        {
            "a pin off the grain",
            root => root["meetings"]![1]!["pin"]!["start"] = "2021-06-22T15:05",
            p => p.Meeting(1, m => m with { Pin = new MeetingPin(Moscow(22, 15, 5), "b1") })
        },
        {
            "a pin in an unknown room",
            root => root["meetings"]![1]!["pin"]!["room"] = "zz",
            p => p.Meeting(1, m => m with { Pin = m.Pin! with { Room = "zz" } })
        },
        {
            "an empty window",
            root => root["meetings"]![1]!["windows"]![0] = new JsonObject { ["start"] = "2021-06-22T09:00", ["end"] = "2021-06-22T09:00" },
            p => p.Meeting(1, m => m with { Windows = [new Interval(Moscow(22, 9), Moscow(22, 9))] })
        },
        {
            "a day given twice",
            root => root["event"]!["days"]![1]!["date"] = "2021-06-22",
            p => p with { Days = p.Days.SetItem(1, p.Days[1] with { Date = new LocalDate(2021, 6, 22) }) }
        },
        {
            "a break that ends before it starts",
            root => root["event"]!["breaks"]![0]!["end"] = "12:00",
            p => p with { Breaks = [p.Breaks[0] with { End = new LocalTime(12, 0) }] }
        },
        {
            "an idle-gap spread past its range",
            root => root["objective"] = new JsonObject { ["idleGaps"] = "ignore", ["maxIdleGapSpread"] = 1_000_001 },
            p => p with { Objective = p.Objective with { MaxIdleGapSpread = 1_000_001 } }
        },
    };

    [Theory]
    [MemberData(nameof(SameMistakes))]
    public void Create_reports_what_the_reader_reports_for_the_same_mistake(string mistake, Action<JsonObject> inFile, Func<Parts, Parts> inCode)
    {
        var fromFile = Samples.Problems(Samples.Edit(Samples.Conference, inFile));
        var fromCode = CreateProblems(inCode(Parts.Of(Conference)));
        Assert.True(fromFile.SequenceEqual(fromCode), $"{mistake}:\nfile: {string.Join("\n      ", fromFile)}\ncode: {string.Join("\n      ", fromCode)}");
    }

    [Fact]
    public void Create_of_a_valid_event_gives_it()
    {
        var result = Parts.Of(Conference).Create();

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        Assert.Equal(EventFile.Write(Conference), EventFile.Write(result.Value!));
    }

    [Fact]
    public void Generated_events_keep_every_rule_they_skip_checking()
    {
        // The generators build events through the unchecked constructor; this is what keeps them honest.
        foreach (var ev in new[]
        {
            Scheduler.Engine.Generation.ConferenceGenerator.Generate(new Scheduler.Engine.Generation.ConferenceOptions()),
            Scheduler.Engine.Generation.TradeFairGenerator.Generate(new Scheduler.Engine.Generation.TradeFairOptions()),
        })
        {
            var result = Parts.Of(ev).Create();
            Assert.True(result.Succeeded, $"{ev.Name}: {string.Join("\n", result.Problems.Take(5))}");
        }
    }

    [Fact]
    public void Dangling_participant_is_a_problem_not_an_exception_in_the_solver() =>
        Assert.Equal(
            ["meetings[2].participants[1]: no participant \"ryabkov2\""],
            CreateProblems(Parts.Of(Conference).Meeting(2, m => m with { Participants = m.Participants.SetItem(1, "ryabkov2") })));

    [Fact]
    public void Grain_of_part_minutes_is_not_whole() =>
        Assert.Equal(
            ["event.slotMinutes: expected a whole number, found 7.5"],
            CreateProblems(Parts.Of(Conference) with { Grain = Duration.FromSeconds(450) }));

    [Fact]
    public void Interval_without_an_end_names_the_missing_field() =>
        Assert.Equal(
            ["participants[0].busy[0]: missing required field \"end\""],
            CreateProblems(Parts.Of(Conference) with
            {
                Participants = Conference.Participants.SetItem(0, Conference.Participants[0] with { Busy = [new Interval(Moscow(22, 10), null)] }),
            }));

    [Fact]
    public void Instants_and_dates_outside_the_supported_years_are_problems() =>
        Assert.Equal(
            [
                "event.days[1].date: \"9999-06-23\" is outside the years 1 to 9998",
                "participants[0].busy[0]: \"9999-12-31T23:59:59.999999999Z\" is outside the years 1 to 9998",

                // ru-mod is pinned on the day that was left out.
                "meetings[2].pin.start: pin start 2021-06-23T10:00 lies outside every day's hours",
            ],
            CreateProblems(Parts.Of(Conference) with
            {
                Days = Conference.Days.SetItem(1, Conference.Days[1] with { Date = new LocalDate(9999, 6, 23) }),
                Participants = Conference.Participants.SetItem(0, Conference.Participants[0] with { Busy = [new Interval(Moscow(22, 10), Instant.MaxValue)] }),
            }));

    [Fact]
    public void Nulls_are_problems_at_their_paths() =>
        Assert.Equal(
            [
                "event.timeZone: expected a string, found null",
                "rooms: expected an array, found null",
                "meetings[0].title: expected a string, found null",
                "meetings[1].participants[0]: expected a string, found null",
                "meetings[1].pin.room: no room \"b1\"",
                "objective: expected an object, found null",
            ],
            CreateProblems(Parts.Of(Conference).Meeting(0, m => m with { Title = null! }).Meeting(1, m => m with { Participants = [null!, "ryabkov"] }) with
            {
                Zone = null!,
                Rooms = default,
                Objective = null!,
            }));

    [Fact]
    public void Zone_outside_tzdb_is_unknown() =>
        Assert.Equal(
            ["event.timeZone: unknown time zone \"Nowhere/Special\" (use an IANA id such as \"Europe/Moscow\")"],
            CreateProblems(Parts.Of(Conference) with { Zone = new NamedZone("Nowhere/Special") }));

    /// <summary>A fixed-offset zone under an id that TZDB does not know.</summary>
    private sealed class NamedZone(string id) : DateTimeZone(id, true, Offset.Zero, Offset.Zero)
    {
        public override ZoneInterval GetZoneInterval(Instant instant) => new(Id, null, null, Offset.Zero, Offset.Zero);
    }
}
