namespace Scheduler.Engine.Files;

/// <summary>
/// The JSON Schemas (draft 2020-12) of the contract-v1 files, as kept in the repository's <c>schema/</c> folder.
/// The schemas check shape and types; the readers check more (references, time zones, cycles, pins).
/// </summary>
public static class ContractSchemas
{
    private static readonly Lazy<string> EventText = new(() => Load("event.schema.json"));
    private static readonly Lazy<string> ScheduleText = new(() => Load("schedule.schema.json"));

    /// <summary>The schema of the event file (<c>schema/event.schema.json</c>).</summary>
    public static string EventFileSchema => EventText.Value;

    /// <summary>The schema of the schedule file (<c>schema/schedule.schema.json</c>).</summary>
    public static string ScheduleFileSchema => ScheduleText.Value;

    private static string Load(string name)
    {
        using var stream = typeof(ContractSchemas).Assembly.GetManifestResourceStream("Scheduler.Engine.Schemas." + name)
            ?? throw new InvalidOperationException($"The engine was built without its embedded schema {name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
