using Scheduler.Engine.Domain;
using Scheduler.Tests.Solving;
using static Scheduler.Tests.Interpreters.InterpreterEvents;

namespace Scheduler.Tests.Interpreters;

/// <summary>
/// Each interpreter rule where breaking it would pay: the solver's schedule goes through the independent validator, and
/// the weight shows the rule held.
/// </summary>
public class InterpreterSolveTests
{
    [Fact]
    public void One_interpreter_cannot_be_in_two_meetings_at_once()
    {
        // Both meetings fit only 09:00-09:30 and need the one ru-fr interpreter.
        var window = """, "windows": [ { "start": "2021-06-22T09:00", "end": "2021-06-22T09:30" } ]""";
        var ev = Build(List(Interpreter("petrova", "ru fr")),
            List(Meeting("a", "ru1 fr1", weight: 5, extra: window), Meeting("b", "ru2 fr2", weight: 3, extra: window)));
        var schedule = Solver.SolveAndValidate(ev);
        Assert.Equal(["a"], schedule.PlacedIds());
        Assert.Equal("petrova", Assert.Single(schedule.Placed("a").Interpreters));
        var lost = schedule.Unscheduled.Single(u => u.Meeting == "b");
        Assert.Equal(ReasonCode.NoInterpreter, lost.Code);
        Assert.Equal(["petrova"], lost.Blockers.ToArray());
    }

    [Fact]
    public void Daily_minutes_limit_what_an_interpreter_takes()
    {
        var ev = Build(List(Interpreter("petrova", "ru fr", """, "maxMinutesPerDay": 60""")),
            List(Meeting("a", "ru1 fr1", weight: 5), Meeting("b", "ru2 fr2", weight: 4), Meeting("c", "ru3 fr3", weight: 3)));
        var schedule = Solver.SolveAndValidate(ev);
        Assert.Equal(["a", "b"], schedule.PlacedIds());
        Assert.Equal(ReasonCode.NoInterpreter, schedule.Unscheduled.Single().Code);
    }

    [Fact]
    public void An_interpreter_travels_between_buildings_like_a_participant()
    {
        // Room h is in the hotel, 60 minutes from the congress room c; each meeting suits one room only.
        var rooms = """[ { "id": "c", "building": "congress", "capacity": 10, "features": ["c"] }, { "id": "h", "building": "hotel", "capacity": 10, "features": ["h"] } ]""";
        var ev = Build(List(Interpreter("petrova", "ru fr")),
            List(Meeting("a", "ru1 fr1", 60, 5, """, "requiredFeatures": ["c"]"""), Meeting("b", "ru2 fr2", 60, 4, """, "requiredFeatures": ["h"]""")),
            rooms, root =>
            {
                root["buildings"] = System.Text.Json.Nodes.JsonNode.Parse("""[ { "id": "congress" }, { "id": "hotel" } ]""");
                root["travelMinutes"] = System.Text.Json.Nodes.JsonNode.Parse("""[ { "from": "congress", "to": "hotel", "minutes": 30 } ]""");
            });
        var schedule = Solver.SolveAndValidate(ev);
        Assert.Equal(["a"], schedule.PlacedIds());
    }

    [Fact]
    public void Availability_and_busy_periods_of_an_interpreter_are_kept()
    {
        var hours = """, "available": [ { "start": "2021-06-22T09:00", "end": "2021-06-22T10:00" } ], "busy": [ { "start": "2021-06-22T09:00", "end": "2021-06-22T09:30" } ]""";
        var ev = Build(List(Interpreter("petrova", "ru fr", hours)), List(Meeting("a", "ru1 fr1", weight: 5), Meeting("b", "ru2 fr2", weight: 4)));
        var schedule = Solver.SolveAndValidate(ev);
        Assert.Equal(["a"], schedule.PlacedIds());
        Assert.Equal(new NodaTime.LocalTime(9, 30), schedule.Placed("a").Start.InZone(ev.Zone).TimeOfDay);
    }

    [Fact]
    public void A_pinned_interpreter_is_the_one_used_and_meetings_that_share_a_language_need_none()
    {
        var ev = Build(List(Interpreter("aa", "ru fr"), Interpreter("bb", "ru fr")),
            List(Meeting("a", "ru1 fr1", extra: """, "interpreters": ["bb"]"""), Meeting("same", "ru1 ru2"), Meeting("shared", "fr1 en1")));
        var schedule = Solver.SolveAndValidate(ev);
        Assert.Equal("bb", Assert.Single(schedule.Placed("a").Interpreters));
        Assert.Empty(schedule.Placed("same").Interpreters);
        Assert.Empty(schedule.Placed("shared").Interpreters);
    }

    [Fact]
    public void A_multi_party_meeting_needs_one_interpreter_for_every_participant()
    {
        // ru, fr and en+fr: French is not shared with the Russian, so it needs interpretation; en-ru does not cover fr1.
        var ev = Build(List(Interpreter("enru", "en ru"), Interpreter("frru", "fr ru", """, "available": [ { "start": "2021-06-22T10:00", "end": "2021-06-22T11:00" } ]""")),
            List(Meeting("trio", "ru1 fr1 en1", weight: 5)));
        var schedule = Solver.SolveAndValidate(ev);
        var trio = schedule.Placed("trio");
        Assert.Equal("frru", Assert.Single(trio.Interpreters));
        Assert.True(trio.Start.InZone(ev.Zone).Hour >= 10);
    }

    [Fact]
    public void Nobody_to_interpret_leaves_the_meeting_out_with_a_no_interpreter_reason()
    {
        var ev = Build(List(Interpreter("enru", "en ru")), List(Meeting("es", "es1 ru1", weight: 5), Meeting("ok", "en1 ru1")));
        var schedule = Solver.SolveAndValidate(ev);
        var lost = schedule.Unscheduled.Single(u => u.Meeting == "es");
        Assert.Equal(ReasonCode.NoInterpreter, lost.Code);
        Assert.Contains("no interpreter works in a language of every participant", lost.Reason, StringComparison.Ordinal);
        Assert.Equal("enru", Assert.Single(schedule.Placed("ok").Interpreters));
    }
}
