using System.Collections.Immutable;
using System.Text.Json.Nodes;
using NodaTime;
using Scheduler.Engine.Domain;
using Scheduler.Engine.Files;
using Scheduler.Tests.Files;

namespace Scheduler.Tests.Interpreters;

/// <summary>Contract v1.1's interpreter fields in the event file: read, written back, and every mistake named by its path.</summary>
public class InterpreterFileTests
{
    /// <summary>The file tests' conference with languages (Lacroix French, Ryabkov Russian, Fomin Russian) and two interpreters.</summary>
    internal static string WithInterpreters(Action<JsonObject>? change = null) => Samples.Edit(Samples.Conference, root =>
    {
        root["participants"]![0]!["languages"] = Samples.Array("fr");
        root["participants"]![1]!["languages"] = Samples.Array("ru");
        root["participants"]![2]!["languages"] = Samples.Array("ru", "en");
        root["interpreters"] = JsonNode.Parse("""
            [ { "id": "petrova", "name": "A. Petrova", "languages": ["ru", "fr"], "maxMinutesPerDay": 360 },
              { "id": "smith", "languages": ["en", "ru"],
                "busy": [ { "start": "2021-06-22T09:00", "end": "2021-06-22T10:00" } ] } ]
            """);
        root["meetings"]![1]!["interpreters"] = Samples.Array("petrova");
        change?.Invoke(root);
    });

    [Fact]
    public void Languages_interpreters_and_pins_are_read()
    {
        var ev = Samples.Read(WithInterpreters());
        Assert.Equal("fr", string.Join(",", ev.Participants[0].Languages));
        Assert.Equal(2, ev.Interpreters.Length);
        var petrova = ev.FindInterpreter("petrova")!;
        Assert.Equal("A. Petrova", petrova.Name);
        Assert.Equal("ru,fr", string.Join(",", petrova.Languages));
        Assert.Equal(360, petrova.MaxMinutesPerDay);
        Assert.Null(ev.FindInterpreter("smith")!.MaxMinutesPerDay);
        Assert.Single(ev.FindInterpreter("smith")!.Busy);
        Assert.Equal("petrova", Assert.Single(ev.FindMeeting("un-mfa")!.Interpreters));
        Assert.Empty(ev.FindMeeting("un-mod")!.Interpreters);
    }

    [Fact]
    public void A_meeting_needs_interpretation_only_when_everyone_has_languages_and_none_is_shared()
    {
        var ev = Samples.Read(WithInterpreters());
        Assert.True(Interpretation.Needs(ev, ev.FindMeeting("un-mod")!));   // fr vs ru,en
        Assert.True(Interpretation.Needs(ev, ev.FindMeeting("ru-mod")!));   // ru / ru,en / fr: nothing shared by all three
        var shared = Samples.Read(WithInterpreters(root => root["participants"]![0]!["languages"] = Samples.Array("fr", "en")));
        Assert.False(Interpretation.Needs(shared, shared.FindMeeting("un-mod")!)); // both speak English
        Assert.True(Interpretation.Needs(shared, shared.FindMeeting("ru-mod")!));  // Lacroix has no Russian, Ryabkov no English
        var silent = Samples.Read(WithInterpreters(root => root["participants"]![2]!.AsObject().Remove("languages")));
        Assert.False(Interpretation.Needs(silent, silent.FindMeeting("un-mod")!));
        Assert.True(Interpretation.Covers(ev, ev.FindInterpreter("petrova")!, ev.FindMeeting("ru-mod")!));
        Assert.False(Interpretation.Covers(ev, ev.FindInterpreter("smith")!, ev.FindMeeting("ru-mod")!));
    }

    [Fact]
    public void The_written_event_reads_back_the_same()
    {
        var ev = Samples.Read(WithInterpreters());
        var again = Samples.Read(EventFile.Write(ev));
        Assert.Equal(ev.Interpreters.Select(i => (i.Id, i.Name, string.Join(",", i.Languages), i.MaxMinutesPerDay, i.Busy.Length)),
            again.Interpreters.Select(i => (i.Id, i.Name, string.Join(",", i.Languages), i.MaxMinutesPerDay, i.Busy.Length)));
        Assert.Equal(ev.Participants.Select(p => string.Join(",", p.Languages)), again.Participants.Select(p => string.Join(",", p.Languages)));
        Assert.Equal("petrova", Assert.Single(again.FindMeeting("un-mfa")!.Interpreters));
    }

    [Fact]
    public void Every_mistake_is_named_by_its_path() =>
        Assert.Equal(
            [
                "participants[0].languages[0]: language code \"FR\" must be lower case (did you mean \"fr\"?)",
                "participants[1].languages[1]: language \"ru\" is listed twice",
                "meetings[0].interpreters[0]: no interpreter \"petrov\"",
                "meetings[1].interpreters[1]: interpreter \"petrova\" is listed twice",
                "interpreters[0].maxMinutesPerDay: must be between 1 and 1440, found 0",
                "interpreters[1].id: duplicate interpreter id \"petrova\" (first at interpreters[0].id)",
                "interpreters[1].languages: an interpreter needs at least one language",
                "interpreters[2].languages[0]: \"russian\" is not a language code (use ISO 639 codes such as \"ru\", \"en\", \"pt-BR\")",
                "interpreters[2].maxMinutesPerDay: must be between 1 and 1440, found -30",
            ],
            // In document order: the test adds "interpreters" after "objective".
            Samples.Problems(WithInterpreters(root =>
            {
                root["participants"]![0]!["languages"] = Samples.Array("FR");
                root["participants"]![1]!["languages"] = Samples.Array("ru", "ru");
                root["interpreters"]![0]!["maxMinutesPerDay"] = 0;
                root["interpreters"]![1]!["id"] = "petrova";
                root["interpreters"]![1]!["languages"] = Samples.Array();
                root["interpreters"]!.AsArray().Add(JsonNode.Parse("""{ "id": "x", "languages": ["russian"], "maxMinutesPerDay": -30 }"""));
                root["meetings"]![0]!["interpreters"] = Samples.Array("petrov");
                root["meetings"]![1]!["interpreters"] = Samples.Array("petrova", "petrova");
            })));

    [Fact]
    public void A_pinned_interpreter_must_cover_every_participant() =>
        Assert.Equal(
            "meetings[1].interpreters[0]: interpreter \"smith\" (en, ru) shares no language with \"lacroix\" (fr)",
            Samples.Problem(WithInterpreters(root => root["meetings"]![1]!["interpreters"] = Samples.Array("smith"))));

    [Fact]
    public void A_missing_languages_list_of_an_interpreter_is_an_error() =>
        Assert.Equal(
            "interpreters[0]: missing required field \"languages\"",
            Samples.Problem(WithInterpreters(root => root["interpreters"]![0]!.AsObject().Remove("languages"))));

    [Fact]
    public void Event_Create_applies_the_same_rules()
    {
        var ev = Samples.Read(WithInterpreters());
        var bad = ev.Interpreters.Add(new Interpreter("petrova", "Again", ["EN"], [], [], -5));
        var meetings = ev.Meetings.SetItem(0, ev.Meetings[0] with { Interpreters = ["nobody"] });
        var result = Event.Create(ev.Name, ev.Zone, ev.Grain, ev.Days, ev.Breaks, ev.Buildings, ev.TravelTimes, ev.Rooms,
            ev.Delegations, ev.Participants, meetings, ev.Objective, bad);
        Assert.Equal(
            [
                "interpreters[2].id: duplicate interpreter id \"petrova\" (first at interpreters[0].id)",
                "interpreters[2].languages[0]: language code \"EN\" must be lower case (did you mean \"en\"?)",
                "interpreters[2].maxMinutesPerDay: must be between 1 and 1440, found -5",
                "meetings[0].interpreters[0]: no interpreter \"nobody\"",
            ],
            result.Problems.Select(p => p.ToString()));
        var good = Event.Create(ev.Name, ev.Zone, ev.Grain, ev.Days, ev.Breaks, ev.Buildings, ev.TravelTimes, ev.Rooms,
            ev.Delegations, ev.Participants, ev.Meetings, ev.Objective, ev.Interpreters);
        Assert.True(good.Succeeded);
        Assert.Equal(2, good.Value!.Interpreters.Length);
    }

    [Fact]
    public void Assignments_carry_their_interpreters_through_the_schedule_file()
    {
        var ev = Samples.Read(WithInterpreters());
        var start = Instant.FromUtc(2021, 6, 22, 12, 0);
        var schedule = new Schedule(ev.Name, ScheduleStatus.Feasible, 10, 10, 0, null,
            [new Assignment("un-mfa", "b1", start, start + Duration.FromMinutes(45)) { Interpreters = ["petrova"] }],
            [new UnscheduledMeeting("un-mod", "x", ReasonCode.NoInterpreter, ["smith"]), new UnscheduledMeeting("ru-mod", "y", ReasonCode.Busy)]);
        var text = ScheduleFile.Write(schedule, ev);
        Assert.Contains("\"interpreters\": [", text, StringComparison.Ordinal);
        Assert.Contains("\"code\": \"no-interpreter\"", text, StringComparison.Ordinal);
        var back = ScheduleFile.Parse(text).Value!;
        Assert.Equal("petrova", Assert.Single(back.Assignments[0].Interpreters));
        Assert.Equal(schedule.Assignments.ToArray(), back.Assignments.ToArray());
    }
}
