using System.Text.Json;
using System.Text.RegularExpressions;
using Json.Schema;
using Scheduler.Engine.Domain;
using Scheduler.Engine.Files;
using Scheduler.Tests.Files;

namespace Scheduler.Tests.Solving;

/// <summary>Reason codes and blockers in the schedule file (contract v1.1) and its schema.</summary>
public sealed partial class ReasonsInFilesTests
{
    private static readonly Schedule WithReasons = new(
        "Moscow Conference on International Security 2021", ScheduleStatus.Feasible, 0, 10, 0, null, [],
        [
            new UnscheduledMeeting("un-mfa", "Lacroix is busy 2021-06-22 10:00–12:00, which leaves no common free 45-minute period",
                ReasonCode.Busy, ["lacroix", "ryabkov"]),
            new UnscheduledMeeting("un-mod", "no room seats its 40 people (the largest seats 10)", ReasonCode.NoRoomFits),
        ]);

    private static JsonSchema ScheduleSchema() =>
        JsonSchema.FromText(ContractSchemas.ScheduleFileSchema, new BuildOptions { SchemaRegistry = new SchemaRegistry() });

    private static string Written() => ScheduleFile.Write(WithReasons, Samples.Read(Samples.Conference));

    [GeneratedRegex("^[a-z]+(-[a-z]+)*$")]
    private static partial Regex KebabCase();

    [Fact]
    public void Code_is_always_written_and_blockers_only_when_there_are_some()
    {
        var written = Written();

        Assert.Contains("\"code\": \"busy\"", written);
        Assert.Contains("\"code\": \"no-room-fits\"", written);
        Assert.Single(Regex.Matches(written, "\"blockers\""));
    }

    [Fact]
    public void Codes_and_blockers_round_trip_through_the_schedule_file()
    {
        var read = ScheduleFile.Parse(Written());

        Assert.True(read.Succeeded, string.Join("\n", read.Problems));
        Assert.Equal(WithReasons.Unscheduled.ToArray(), read.Value!.Unscheduled.ToArray());
    }

    [Fact]
    public void A_v1_schedule_file_without_codes_still_reads()
    {
        var u = Assert.Single(ScheduleFile.Parse(RoundTripTests.SampleText).Value!.Unscheduled);

        Assert.Null(u.Code);
        Assert.Empty(u.Blockers);
    }

    [Fact]
    public void An_unknown_code_is_an_input_problem_at_its_path()
    {
        var read = ScheduleFile.Parse(Samples.Edit(RoundTripTests.SampleText, root => root["unscheduled"]![0]!["code"] = "too-busy"));

        var problem = Assert.Single(read.Problems).ToString();
        Assert.StartsWith("unscheduled[0].code: \"too-busy\" is not a reason code; expected one of no-room-fits, ", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_blocker_is_an_input_problem_at_its_path()
    {
        var read = ScheduleFile.Parse(Samples.Edit(RoundTripTests.SampleText, root =>
            root["unscheduled"]![0]!["blockers"] = new System.Text.Json.Nodes.JsonArray("fomin", "")));

        Assert.Equal(["unscheduled[0].blockers[1]: an id must not be empty"], read.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void Written_codes_and_blockers_validate_against_the_schema_and_an_unknown_code_does_not()
    {
        var schema = ScheduleSchema();

        Assert.Empty(SchemaTests.Violations(schema, Written()));
        Assert.NotEmpty(SchemaTests.Violations(schema, Samples.Edit(RoundTripTests.SampleText, root => root["unscheduled"]![0]!["code"] = "too-busy")));
    }

    [Fact]
    public void The_schema_lists_exactly_the_engines_codes_each_with_a_description()
    {
        using var schema = JsonDocument.Parse(ContractSchemas.ScheduleFileSchema);
        var code = schema.RootElement.GetProperty("properties").GetProperty("unscheduled").GetProperty("items")
            .GetProperty("properties").GetProperty("code").GetProperty("oneOf");

        Assert.Equal(ReasonCodes.All.ToArray(), code.EnumerateArray().Select(c => c.GetProperty("const").GetString()!).ToArray());
        Assert.All(code.EnumerateArray(), c => Assert.False(string.IsNullOrWhiteSpace(c.GetProperty("description").GetString())));
    }

    [Fact]
    public void Every_code_has_a_distinct_kebab_case_text_that_reads_back()
    {
        var codes = Enum.GetValues<ReasonCode>();

        Assert.Equal(codes.Length, ReasonCodes.All.Distinct().Count());
        foreach (var code in codes)
        {
            Assert.Matches(KebabCase(), code.Text());
            Assert.True(ReasonCodes.TryParse(code.Text(), out var back));
            Assert.Equal(code, back);
        }

        Assert.False(ReasonCodes.TryParse("Busy", out _));
    }
}
