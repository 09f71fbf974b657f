using System.Text.Json.Nodes;
using Json.Schema;
using Scheduler.Engine.Domain;
using Scheduler.Engine.Files;
using Scheduler.Tests.Files;

namespace Scheduler.Tests.Solving.Conflicts;

/// <summary>The schedule file's <c>conflicts</c>: written when there are any, read back, and checked like every other field.</summary>
public sealed class ConflictFileTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(ContractSchemas.ScheduleFileSchema, new BuildOptions { SchemaRegistry = new SchemaRegistry() }));

    private static readonly Schedule Infeasible = new(
        "Moscow Conference on International Security 2021", ScheduleStatus.Infeasible, 0, 10, 0, null, [],
        [
            new UnscheduledMeeting("un-mod", "required, but lost out"),
            new UnscheduledMeeting("un-mfa", "required, but lost out"),
            new UnscheduledMeeting("ru-mod", "required, but busy"),
        ])
    {
        Conflicts =
        [
            new Conflict(["un-mod", "un-mfa"], ConflictRules.ParticipantOverlap,
                "Jean-Pierre Lacroix has 30 minutes free on 22 June when these 2 required meetings can be held, and they need 1 hour 15 minutes", true),
            new Conflict(["ru-mod"], ConflictRules.Busy, "The required meeting \"ru-mod\" has no possible time: fomin is busy", false),
        ],
    };

    private static string Written => ScheduleFile.Write(Infeasible, Samples.Read(Samples.Conference));

    [Fact]
    public void Conflicts_round_trip_through_the_schedule_file()
    {
        var read = ScheduleFile.Parse(Written);

        Assert.True(read.Succeeded, string.Join("\n", read.Problems));
        Assert.Equal(Infeasible.Conflicts.Length, read.Value!.Conflicts.Length);
        foreach (var (expected, actual) in Infeasible.Conflicts.Zip(read.Value.Conflicts))
        {
            Assert.Equal(expected.Meetings.ToArray(), actual.Meetings.ToArray());
            Assert.Equal(expected.Rule, actual.Rule);
            Assert.Equal(expected.Explanation, actual.Explanation);
            Assert.Equal(expected.Minimal, actual.Minimal);
        }
    }

    [Fact]
    public void Written_conflicts_validate_against_the_schema_and_come_after_unscheduled()
    {
        Assert.Empty(SchemaTests.Violations(Schema.Value, Written));
        Assert.True(Written.IndexOf("\"conflicts\"", StringComparison.Ordinal) > Written.IndexOf("\"unscheduled\"", StringComparison.Ordinal));
        Assert.Contains("\"rule\": \"participant-overlap\"", Written, StringComparison.Ordinal);
        Assert.Contains("\"minimal\": false", Written, StringComparison.Ordinal);
    }

    [Fact]
    public void A_schedule_without_conflicts_writes_no_conflicts_field_and_reads_back_empty()
    {
        var text = ScheduleFile.Write(Infeasible with { Conflicts = [] }, Samples.Read(Samples.Conference));

        Assert.DoesNotContain("conflicts", text, StringComparison.Ordinal);
        Assert.Empty(ScheduleFile.Parse(text).Value!.Conflicts);
    }

    [Fact]
    public void The_contract_example_without_minimal_reads_as_minimal()
    {
        var text = Samples.Edit(Written, root => root["conflicts"]!.AsArray()[0]!.AsObject().Remove("minimal"));

        Assert.Empty(SchemaTests.Violations(Schema.Value, text));
        Assert.True(ScheduleFile.Parse(text).Value!.Conflicts[0].Minimal);
    }

    [Fact]
    public void A_conflict_without_meetings_or_with_a_rule_not_in_kebab_case_is_reported_by_path()
    {
        var text = Samples.Edit(Written, root =>
        {
            root["conflicts"]![0]!["meetings"] = new JsonArray();
            root["conflicts"]![1]!["rule"] = "Busy Person";
        });

        var read = ScheduleFile.Parse(text);

        Assert.False(read.Succeeded);
        Assert.Equal(
            ["conflicts[0].meetings: a conflict names at least one meeting",
             "conflicts[1].rule: expected a kebab-case rule such as \"participant-overlap\", found \"Busy Person\""],
            read.Problems.Select(p => p.ToString()).ToArray());
        Assert.NotEmpty(SchemaTests.Violations(Schema.Value, text));
    }

    [Fact]
    public void Every_rule_code_is_kebab_case_and_allowed_by_the_schema()
    {
        foreach (var rule in ConflictRules.All)
        {
            var text = Samples.Edit(Written, root => root["conflicts"]![0]!["rule"] = rule);
            Assert.Empty(SchemaTests.Violations(Schema.Value, text));
            Assert.Equal(rule, ScheduleFile.Parse(text).Value!.Conflicts[0].Rule);
        }
        Assert.Equal(ConflictRules.All.Length, ConflictRules.All.Distinct().Count());
    }
}
