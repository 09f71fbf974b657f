using System.Text.Json.Nodes;
using Scheduler.Engine.Files;

namespace Scheduler.Tests.Files;

public class ScheduleFileTests
{
    private static List<string> Problems(Action<JsonObject> change)
    {
        var result = ScheduleFile.Parse(Samples.Edit(RoundTripTests.SampleText, change));
        Assert.False(result.Succeeded);
        return result.Problems.Select(p => p.ToString()).ToList();
    }

    [Fact]
    public void Offset_times_with_Z_or_without_seconds_are_read()
    {
        var result = ScheduleFile.Parse(Samples.Edit(RoundTripTests.SampleText, root =>
        {
            root["assignments"]![0]!["start"] = "2021-06-22T12:00Z";
            root["assignments"]![0]!["end"] = "2021-06-22T12:45:00Z";
        }));
        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        Assert.Equal(NodaTime.Instant.FromUtc(2021, 6, 22, 12, 0), result.Value!.Assignments[0].Start);
        Assert.Equal(NodaTime.Instant.FromUtc(2021, 6, 22, 12, 45), result.Value!.Assignments[0].End);
    }

    [Fact]
    public void Idle_gaps_bound_is_read_when_given() =>
        Assert.Equal(2, ScheduleFile.Parse(Samples.Edit(RoundTripTests.SampleText, root => root["idleGapsBound"] = 2)).Value!.IdleGapsBound);

    [Fact]
    public void Unknown_field_in_a_schedule_is_an_error() =>
        Assert.Equal(
            ["assignments[1].rooms: unknown field \"rooms\" (did you mean \"room\"?)"],
            Problems(root => root["assignments"]![1]!["rooms"] = "b1"));

    [Fact]
    public void Local_time_in_a_schedule_is_an_error() =>
        Assert.Equal(
            ["assignments[0].start: \"2021-06-22T15:00:00\" is not a date-time with an offset; write it as \"2021-06-22T09:00:00+03:00\""],
            Problems(root => root["assignments"]![0]!["start"] = "2021-06-22T15:00:00"));

    [Fact]
    public void Unknown_status_is_an_error() =>
        Assert.Equal(
            ["status: expected \"optimal\", \"feasible\", \"infeasible\" or \"unknown\", found \"Optimal\""],
            Problems(root => root["status"] = "Optimal"));

    [Fact]
    public void Missing_fields_and_wrong_types_are_all_reported_in_order() =>
        Assert.Equal(
            [
                "$: missing required field \"scheduledWeight\"",
                "schemaVersion: schemaVersion 3 is not supported; this engine reads version 1",
                "idleGaps: expected a whole number, found the string \"3\" (write numbers without quotes)",
                "unscheduled[0]: missing required field \"reason\"",
            ],
            Problems(root =>
            {
                root["schemaVersion"] = 3;
                root.Remove("scheduledWeight");
                root["idleGaps"] = "3";
                root["unscheduled"]![0]!.AsObject().Remove("reason");
            }));

    [Fact]
    public void Malformed_schedule_gives_line_and_column()
    {
        var problem = Assert.Single(ScheduleFile.Parse("{\n\"event\": \"x\",,\n}").Problems);
        Assert.Equal("$", problem.Path);
        Assert.StartsWith("malformed JSON at line 2, column 14", problem.Message);
    }

    [Fact]
    public void Unreadable_schedule_file_is_a_problem_naming_the_file()
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".json");
        Assert.Equal($"$: cannot read {path}: the file does not exist", Assert.Single(ScheduleFile.Load(path).Problems).ToString());
    }
}
