using System.Text.Json.Nodes;
using Scheduler.Engine.Domain;
using Scheduler.Tests.Files;

namespace Scheduler.Tests.Interpreters;

/// <summary>
/// Small event files for the interpreter tests, written as JSON so they read like what an officer would send: one day
/// in Berlin, 09:00-11:00 unless changed, 30-minute grain, Russian, French, English and Spanish speakers.
/// </summary>
internal static class InterpreterEvents
{
    /// <summary>
    /// An event with participants <c>ru1..ru6</c> (ru), <c>fr1..fr3</c> (fr), <c>en1..en3</c> (en, fr), <c>es1..es3</c>
    /// (es), the given rooms (JSON array text; default two plain rooms), interpreters and meetings.
    /// </summary>
    public static Event Build(string interpreters, string meetings, string? rooms = null, Action<JsonObject>? change = null)
    {
        var people = new JsonArray();
        foreach (var (prefix, languages) in new[] { ("ru", new[] { "ru" }), ("fr", ["fr"]), ("en", ["en", "fr"]), ("es", ["es"]) })
            for (int i = 1; i <= (prefix == "ru" ? 6 : 3); i++)
                people.Add(new JsonObject { ["id"] = $"{prefix}{i}", ["languages"] = new JsonArray([.. languages.Select(l => (JsonNode)l)]) });
        var root = new JsonObject
        {
            ["schemaVersion"] = 1,
            ["event"] = JsonNode.Parse("""{ "name": "Tiny", "timeZone": "Europe/Berlin", "slotMinutes": 30, "days": [ { "date": "2021-06-22", "start": "09:00", "end": "11:00" } ] }"""),
            ["rooms"] = JsonNode.Parse(rooms ?? """[ { "id": "r1", "capacity": 10 }, { "id": "r2", "capacity": 10 } ]"""),
            ["participants"] = people,
            ["interpreters"] = JsonNode.Parse(interpreters),
            ["meetings"] = JsonNode.Parse(meetings),
            ["objective"] = JsonNode.Parse("""{ "idleGaps": "ignore" }"""),
        };
        change?.Invoke(root);
        return Samples.Read(root.ToJsonString());
    }

    /// <summary>A meeting's JSON: id, participants, minutes, weight.</summary>
    public static string Meeting(string id, string participants, int minutes = 30, int weight = 1, string extra = "") =>
        $$"""{ "id": "{{id}}", "participants": [{{string.Join(", ", participants.Split(' ').Select(p => $"\"{p}\""))}}], "durationMinutes": {{minutes}}, "weight": {{weight}}{{extra}} }""";

    /// <summary>A JSON array of the given items.</summary>
    public static string List(params string[] items) => "[" + string.Join(",\n", items) + "]";

    /// <summary>An interpreter's JSON.</summary>
    public static string Interpreter(string id, string languages, string extra = "") =>
        $$"""{ "id": "{{id}}", "languages": [{{string.Join(", ", languages.Split(' ').Select(l => $"\"{l}\""))}}]{{extra}} }""";
}
