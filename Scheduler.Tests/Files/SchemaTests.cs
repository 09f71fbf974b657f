using System.Text.Json;
using Json.Schema;
using Scheduler.Engine.Files;
using Xunit.Abstractions;

namespace Scheduler.Tests.Files;

public class SchemaTests(ITestOutputHelper output)
{
    private static readonly Lazy<JsonSchema> EventSchema = new(() => Build(ContractSchemas.EventFileSchema));
    private static readonly Lazy<JsonSchema> ScheduleSchema = new(() => Build(ContractSchemas.ScheduleFileSchema));

    /// <summary>Each schema in its own registry, so building it never clashes with another test's copy.</summary>
    private static JsonSchema Build(string text) =>
        JsonSchema.FromText(text, new BuildOptions { SchemaRegistry = new SchemaRegistry() });

    /// <summary>The schema's complaints about <paramref name="json"/>, empty when it validates.</summary>
    internal static List<string> Violations(JsonSchema schema, string json)
    {
        using var document = JsonDocument.Parse(json);
        var result = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid) return [];
        return (result.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))
            .DefaultIfEmpty("invalid")
            .ToList();
    }

    internal static List<string> EventViolations(string json) => Violations(EventSchema.Value, json);

    [Theory]
    [InlineData(Samples.ContractExample)]
    [InlineData(Samples.Conference)]
    [InlineData(Samples.Minimal)]
    [InlineData(Samples.Berlin)]
    public void Sample_event_files_validate(string json) => Assert.Empty(EventViolations(json));

    [Fact]
    public void Written_event_file_validates() =>
        Assert.Empty(EventViolations(EventFile.Write(Samples.Read(Samples.Conference))));

    [Fact]
    public void Written_schedule_file_validates()
    {
        Assert.Empty(Violations(ScheduleSchema.Value, RoundTripTests.SampleText));
        var nullBound = Samples.Edit(RoundTripTests.SampleText, root => root["weightBound"] = null);
        Assert.Empty(Violations(ScheduleSchema.Value, nullBound));
    }

    [Fact]
    public void Schema_rejects_an_unknown_field_as_the_reader_does()
    {
        var json = Samples.Edit(Samples.Minimal, root => root["meetings"]![0]!["durationMinute"] = 30);
        Assert.NotEmpty(EventViolations(json));
        Assert.NotEmpty(Violations(ScheduleSchema.Value, Samples.Edit(RoundTripTests.SampleText, root => root["extra"] = 1)));
    }

    [Fact]
    public void Schema_rejects_a_time_in_another_form() =>
        Assert.NotEmpty(EventViolations(Samples.Edit(Samples.Minimal, root =>
            root["meetings"]![0]!["pin"] = new System.Text.Json.Nodes.JsonObject { ["start"] = "2021-06-22 09:00" })));

    [Fact]
    public void Embedded_schemas_are_draft_2020_12()
    {
        Assert.Contains("https://json-schema.org/draft/2020-12/schema", ContractSchemas.EventFileSchema);
        Assert.Contains("https://json-schema.org/draft/2020-12/schema", ContractSchemas.ScheduleFileSchema);
    }

    [B2bBenchmarkFact]
    public void Every_B2B_benchmark_file_validates_and_reads_without_problems()
    {
        var files = Directory.GetFiles(B2bBenchmarkFactAttribute.Folder, "*.json").Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(files);
        var failures = new List<string>();
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            failures.AddRange(EventViolations(text).Take(3).Select(v => $"{Path.GetFileName(file)} schema {v}"));
            failures.AddRange(EventFile.Parse(text).Problems.Take(3).Select(p => $"{Path.GetFileName(file)} {p}"));
        }

        output.WriteLine($"{files.Count} B2B benchmark files checked.");
        Assert.Empty(failures);
    }
}

/// <summary>A test over the B2B benchmark files, skipped with a message where they are not on the machine.</summary>
public sealed class B2bBenchmarkFactAttribute : FactAttribute
{
    /// <summary>Where the shared benchmark files are; they are not redistributed with the repository.</summary>
    public const string Folder = "/work/shared/benchmarks/b2b/json";

    public B2bBenchmarkFactAttribute()
    {
        if (!Directory.Exists(Folder)) Skip = $"The B2B benchmark files are not on this machine ({Folder} is absent).";
    }
}
