using System.Collections.Immutable;
using NodaTime;
using Scheduler.Engine.Checking;
using Scheduler.Engine.Domain;
using Scheduler.Tests.Files;

namespace Scheduler.Tests.Interpreters;

/// <summary>The validator's interpreter rules, each broken on purpose in a hand-written schedule.</summary>
public class InterpreterValidatorTests
{
    private static readonly Event Ev = Samples.Read(InterpreterFileTests.WithInterpreters());

    private static Assignment At(string meeting, string room, int day, int hour, int minute, params string[] interpreters)
    {
        var m = Ev.FindMeeting(meeting)!;
        var start = new LocalDateTime(2021, 6, day, hour, minute).InZoneStrictly(Ev.Zone).ToInstant();
        return new Assignment(meeting, room, start, start + m.Duration) { Interpreters = [.. interpreters] };
    }

    private static List<string> Rules(params Assignment[] assignments)
    {
        var placed = assignments.Select(a => a.Meeting).ToHashSet();
        var unscheduled = Ev.Meetings.Where(m => !placed.Contains(m.Id)).Select(m => new UnscheduledMeeting(m.Id, "left out")).ToImmutableArray();
        var schedule = new Schedule(Ev.Name, ScheduleStatus.Feasible, assignments.Sum(a => Ev.FindMeeting(a.Meeting)!.Weight), null, 0, null,
            [.. assignments], unscheduled);
        return ScheduleValidator.Check(Ev, schedule).Violations.Select(v => v.Rule)
            .Where(r => r.StartsWith("interpreter", StringComparison.Ordinal) || r == ValidationRules.UnknownInterpreter).ToList();
    }

    [Fact]
    public void A_valid_schedule_with_interpreters_passes() =>
        Assert.Empty(Rules(At("un-mod", "h1", 22, 9, 0, "petrova"), At("un-mfa", "b1", 22, 15, 0, "petrova")));

    [Fact]
    public void A_planted_double_booking_of_an_interpreter_is_caught()
    {
        // un-mfa is pinned to 15:00 in b1 (congress); un-mod at 15:00 in the hotel with the same interpreter.
        var rules = Rules(At("un-mod", "h1", 22, 15, 0, "petrova"), At("un-mfa", "b1", 22, 15, 0, "petrova"));
        Assert.Contains(ValidationRules.InterpreterOverlap, rules);
        Assert.Contains(ValidationRules.InterpreterTravel, rules);
    }

    [Fact]
    public void Travel_between_buildings_binds_an_interpreter_like_a_participant() =>
        Assert.Equal([ValidationRules.InterpreterTravel],
            Rules(At("un-mod", "h1", 22, 14, 15, "petrova"), At("un-mfa", "b1", 22, 15, 0, "petrova")));

    [Fact]
    public void A_meeting_that_needs_interpretation_needs_a_covering_interpreter_and_its_pins()
    {
        Assert.Equal([ValidationRules.InterpreterNeeded], Rules(At("un-mod", "h1", 22, 9, 0)));
        // smith (en, ru) is no help to Lacroix (fr).
        Assert.Equal([ValidationRules.InterpreterNeeded], Rules(At("un-mod", "h1", 22, 14, 0, "smith")));
        Assert.Equal([ValidationRules.InterpreterNeeded, ValidationRules.InterpreterPin], Rules(At("un-mfa", "b1", 22, 15, 0)));
    }

    [Fact]
    public void Busy_periods_availability_daily_minutes_and_unknown_ids_are_checked()
    {
        Assert.Equal([ValidationRules.InterpreterBusy], Rules(At("un-mod", "h1", 22, 9, 0, "petrova", "smith")));
        Assert.Equal([ValidationRules.UnknownInterpreter], Rules(At("un-mod", "h1", 22, 9, 0, "petrova", "ghost")));
        var tired = Samples.Read(InterpreterFileTests.WithInterpreters(root =>
        {
            root["interpreters"]![0]!["maxMinutesPerDay"] = 60;
            root["interpreters"]![0]!["available"] = System.Text.Json.Nodes.JsonNode.Parse("""[ { "start": "2021-06-22T09:00", "end": "2021-06-22T16:00" } ]""");
        }));
        var start = new LocalDateTime(2021, 6, 22, 9, 0).InZoneStrictly(tired.Zone).ToInstant();
        var pinned = new LocalDateTime(2021, 6, 22, 15, 0).InZoneStrictly(tired.Zone).ToInstant();
        var late = new LocalDateTime(2021, 6, 23, 10, 0).InZoneStrictly(tired.Zone).ToInstant();
        var schedule = new Schedule(tired.Name, ScheduleStatus.Feasible, 11, null, 0, null,
        [
            new Assignment("un-mod", "h1", start, start + Duration.FromMinutes(30)) { Interpreters = ["petrova"] },
            new Assignment("un-mfa", "b1", pinned, pinned + Duration.FromMinutes(45)) { Interpreters = ["petrova"] },
            new Assignment("ru-mod", "b1", late, late + Duration.FromMinutes(60)) { Interpreters = ["petrova"] },
        ], []);
        var rules = ScheduleValidator.Check(tired, schedule).Violations.Select(v => v.Rule).ToList();
        Assert.Contains(ValidationRules.InterpreterMinutes, rules);      // 75 min on 22 June, 60 allowed
        Assert.Contains(ValidationRules.InterpreterAvailability, rules); // 23 June is outside her hours
    }
}
