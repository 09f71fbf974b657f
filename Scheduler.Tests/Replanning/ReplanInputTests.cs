using System.Text.Json.Nodes;
using Scheduler.Engine.Domain;
using Scheduler.Engine.Files;
using Scheduler.Engine.Solving;
using Scheduler.Tests.Files;

namespace Scheduler.Tests.Replanning;

public class ReplanInputTests
{
    private static JsonObject File() => ReplanFixtures.Event(1, ["h", "a", "b"], ("h-a", ["h", "a"], 1), ("h-b", ["h", "b"], 2));

    [Fact]
    public void The_replan_object_is_read_with_its_defaults()
    {
        var ev = ReplanFixtures.Read(File().Replan(new JsonObject { ["frozenUntil"] = ReplanFixtures.At("10:00"), ["roomChangeCost"] = 0.25 }));
        Assert.Equal(ReplanFixtures.TimeText("10:00", ev), ev.Replan!.FrozenUntil);
        Assert.Equal((1m, 0.25m, 1m), (ev.Replan.MoveCost, ev.Replan.RoomChangeCost, ev.Replan.DropCost));
        Assert.Null(ReplanFixtures.Read(File()).Replan);
    }

    [Theory]
    [InlineData("moveCost", -1, "replan.moveCost: a cost must not be negative, found -1")]
    [InlineData("dropCost", 0.001, "replan.dropCost: a cost has a precision of 0.01, found 0.001")]
    [InlineData("roomChangeCost", 1e9, "replan.roomChangeCost: a cost must be at most 100000, found 1000000000")]
    public void A_bad_cost_is_an_input_error_at_its_path(string field, double value, string problem)
    {
        var read = EventFile.Parse(File().Replan(new JsonObject { [field] = value }).ToJsonString());
        Assert.Equal([problem], read.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void A_cost_given_as_text_and_an_unknown_field_are_input_errors()
    {
        var read = EventFile.Parse(File().Replan(new JsonObject { ["moveCost"] = "2", ["dropCosts"] = 1 }).ToJsonString());
        Assert.Contains(read.Problems, p => p.Path == "replan.moveCost" && p.Message.Contains("expected a number", StringComparison.Ordinal));
        Assert.Contains(read.Problems, p => p.Path == "replan.dropCosts" && p.Message.Contains("did you mean \"dropCost\"", StringComparison.Ordinal));
    }

    [Fact]
    public void The_replan_object_survives_writing_and_validates_against_the_schema()
    {
        var ev = ReplanFixtures.Read(File().Replan(new JsonObject { ["frozenUntil"] = ReplanFixtures.At("10:00"), ["moveCost"] = 2.5, ["dropCost"] = 0 }));
        var text = EventFile.Write(ev);
        Assert.Equal(ev.Replan, EventFile.Parse(text).Value!.Replan);
        Assert.Empty(SchemaTests.EventViolations(text));
        Assert.NotEmpty(SchemaTests.EventViolations(File().Replan(new JsonObject { ["moveCost"] = -1 }).ToJsonString()));
    }

    [Fact]
    public void Replan_settings_built_in_code_are_checked_like_the_file()
    {
        var ev = ReplanFixtures.Read(File());
        var bad = ev.WithReplan(new ReplanSettings { MoveCost = 0.005m });
        Assert.Equal(["replan.moveCost: a cost has a precision of 0.01, found 0.005"], bad.Problems.Select(p => p.ToString()));
        Assert.Equal(3m, ev.WithReplan(new ReplanSettings { DropCost = 3 }).Value!.Replan!.DropCost);
    }

    [Fact]
    public void A_previous_schedule_of_another_event_is_an_input_error()
    {
        var ev = ReplanFixtures.Read(File());
        var other = ReplanFixtures.Published(ev, ("h-a", "r1", "09:00")) with { EventName = "Another summit" };
        var check = PublishedSchedule.Check(ev, other);
        var problem = Assert.Single(check.Problems);
        Assert.Equal("event", problem.Path);
        Assert.Contains("\"Another summit\"", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_frozen_meeting_that_now_breaks_a_hard_rule_is_an_input_error_naming_the_meeting_and_the_rule()
    {
        var file = File().Replan(new JsonObject { ["frozenUntil"] = ReplanFixtures.At("10:00") });
        var published = ReplanFixtures.Published(ReplanFixtures.Read(file), ("h-a", "r1", "09:00"), ("h-b", "r1", "10:00"));
        var check = PublishedSchedule.Check(ReplanFixtures.Read(file.Copy().Busy("a", "09:00", "09:30")), published);
        var problem = Assert.Single(check.Problems);
        Assert.Equal("assignments[0]", problem.Path);
        Assert.Contains("frozen meeting \"h-a\"", problem.Message, StringComparison.Ordinal);
        Assert.Contains("busy: a busy then", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_frozen_meeting_whose_room_is_gone_is_an_input_error_but_a_moved_one_is_not()
    {
        var file = File().Replan(new JsonObject { ["frozenUntil"] = ReplanFixtures.At("10:00") });
        var published = ReplanFixtures.Published(ReplanFixtures.Read(file), ("h-a", "r1", "09:00"), ("h-b", "r1", "10:00"));
        var renamed = file.Copy();
        renamed["rooms"]![0]!["id"] = "r9";
        var problem = Assert.Single(PublishedSchedule.Check(ReplanFixtures.Read(renamed), published).Problems);
        Assert.Contains("unknown-room", problem.Message, StringComparison.Ordinal);
        Assert.True(PublishedSchedule.Check(ReplanFixtures.Read(renamed.Replan(new JsonObject())), published).Succeeded);
    }

    [Fact]
    public void A_replanned_schedule_file_round_trips_and_validates_against_the_schema()
    {
        var file = File();
        var published = ReplanFixtures.Published(ReplanFixtures.Read(file), ("h-a", "r1", "09:00"), ("h-b", "r1", "09:30"));
        var ev = ReplanFixtures.Read(file.Busy("h", "09:00", "09:30"));
        var replanned = ReplanFixtures.Replan(ev, published);
        var text = ScheduleFile.Write(replanned, ev);
        var back = ScheduleFile.Parse(text);
        Assert.True(back.Succeeded, string.Join("\n", back.Problems));
        Assert.Equal(replanned.Changes, back.Value!.Changes);
        Assert.Equal((replanned.ObjectiveValue, replanned.ObjectiveBound), (back.Value.ObjectiveValue, back.Value.ObjectiveBound));
        Assert.Equal(replanned.Assignments.ToArray(), back.Value.Assignments.ToArray());
        Assert.Empty(SchemaTests.Violations(Json.Schema.JsonSchema.FromText(ContractSchemas.ScheduleFileSchema,
            new Json.Schema.BuildOptions { SchemaRegistry = new Json.Schema.SchemaRegistry() }), text));
        Assert.Contains("\"sequence\": 1", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(118.45, true)]
    [InlineData(-3.1, true)]
    [InlineData(0.355, false)]
    public void The_schedule_schema_and_reader_take_objective_figures_in_steps_of_a_hundredth(double value, bool valid)
    {
        var text = Samples.Edit(RoundTripTests.SampleText, root =>
        {
            root["objectiveValue"] = value;
            root["objectiveBound"] = 200;
        });
        var schema = Json.Schema.JsonSchema.FromText(ContractSchemas.ScheduleFileSchema, new Json.Schema.BuildOptions { SchemaRegistry = new Json.Schema.SchemaRegistry() });
        Assert.Equal(valid, SchemaTests.Violations(schema, text).Count == 0);
        var read = ScheduleFile.Parse(text);
        Assert.Equal(valid, read.Succeeded);
        if (valid) Assert.Equal((decimal)value, read.Value!.ObjectiveValue);
        else Assert.Contains(read.Problems, p => p.Path == "objectiveValue");
    }
}
