using System.Text.Json.Nodes;
using Scheduler.Engine.Domain;
using Scheduler.Engine.Files;

namespace Scheduler.Tests.Files;

/// <summary>Event files used by the file tests, and helpers to break them in one place.</summary>
internal static class Samples
{
    /// <summary>The example of the contract, verbatim. It names a building, a participant and a meeting it does not define.</summary>
    public const string ContractExample = """
        {
          "schemaVersion": 1,
          "event": {
            "name": "Moscow Conference on International Security 2021",
            "timeZone": "Europe/Moscow",
            "slotMinutes": 15,
            "days": [ { "date": "2021-06-22", "start": "09:00", "end": "19:00" } ],
            "breaks": [ { "name": "Lunch", "start": "13:00", "end": "14:00" } ]
          },
          "buildings": [ { "id": "congress", "name": "Patriot Congress Centre" } ],
          "travelMinutes": [ { "from": "congress", "to": "hotel", "minutes": 25 } ],
          "rooms": [
            { "id": "b1", "name": "Bilateral room 1", "building": "congress",
              "capacity": 10, "features": ["interpretation"],
              "unavailable": [ { "start": "2021-06-22T09:00", "end": "2021-06-22T10:00" } ] }
          ],
          "delegations": [ { "id": "un", "name": "United Nations", "precedence": 1 } ],
          "participants": [
            { "id": "lacroix", "name": "Jean-Pierre Lacroix", "delegation": "un",
              "available": [ { "start": "2021-06-22T08:00", "end": "2021-06-24T18:00" } ],
              "busy": [ { "start": "2021-06-22T10:00", "end": "2021-06-22T12:00" } ],
              "maxMeetingsPerDay": 6 }
          ],
          "meetings": [
            { "id": "un-mfa", "title": "UN DPO - Russian MFA",
              "participants": ["lacroix", "ryabkov"],
              "durationMinutes": 45, "required": false, "weight": 10,
              "headcount": 8, "requiredFeatures": ["interpretation"],
              "windows": [ { "start": "2021-06-22T09:00", "end": "2021-06-23T19:00" } ],
              "pin": { "start": "2021-06-22T15:00", "room": "b1" },
              "after": ["un-mod"] }
          ],
          "objective": { "idleGaps": "minimize", "maxIdleGapSpread": 2 }
        }
        """;

    /// <summary>The contract's example with what it leaves out added: the hotel, Ryabkov and the earlier meeting.</summary>
    public const string Conference = """
        {
          "schemaVersion": 1,
          "event": {
            "name": "Moscow Conference on International Security 2021",
            "timeZone": "Europe/Moscow",
            "slotMinutes": 15,
            "days": [
              { "date": "2021-06-22", "start": "09:00", "end": "19:00" },
              { "date": "2021-06-23", "start": "09:00", "end": "19:00" }
            ],
            "breaks": [ { "name": "Lunch", "start": "13:00", "end": "14:00" } ]
          },
          "buildings": [
            { "id": "congress", "name": "Patriot Congress Centre" },
            { "id": "hotel" }
          ],
          "travelMinutes": [ { "from": "congress", "to": "hotel", "minutes": 25 } ],
          "rooms": [
            { "id": "b1", "name": "Bilateral room 1", "building": "congress",
              "capacity": 10, "features": ["interpretation"],
              "unavailable": [ { "start": "2021-06-22T09:00", "end": "2021-06-22T10:00" } ] },
            { "id": "h1", "building": "hotel", "capacity": 4 }
          ],
          "delegations": [
            { "id": "un", "name": "United Nations", "precedence": 1 },
            { "id": "ru" }
          ],
          "participants": [
            { "id": "lacroix", "name": "Jean-Pierre Lacroix", "delegation": "un",
              "available": [ { "start": "2021-06-22T08:00", "end": "2021-06-24T18:00" } ],
              "busy": [ { "start": "2021-06-22T10:00", "end": "2021-06-22T12:00" } ],
              "maxMeetingsPerDay": 6 },
            { "id": "ryabkov", "name": "Sergei Ryabkov", "delegation": "ru" },
            { "id": "fomin" }
          ],
          "meetings": [
            { "id": "un-mod", "participants": ["lacroix", "fomin"], "durationMinutes": 30, "required": true },
            { "id": "un-mfa", "title": "UN DPO - Russian MFA",
              "participants": ["lacroix", "ryabkov"],
              "durationMinutes": 45, "required": false, "weight": 10,
              "headcount": 8, "requiredFeatures": ["interpretation"],
              "windows": [ { "start": "2021-06-22T09:00", "end": "2021-06-23T19:00" } ],
              "pin": { "start": "2021-06-22T15:00", "room": "b1" },
              "after": ["un-mod"] },
            { "id": "ru-mod", "participants": ["ryabkov", "fomin", "lacroix"], "durationMinutes": 60,
              "windows": [ { "start": "2021-06-23T09:00+03:00", "end": "2021-06-23T12:00:00Z" } ],
              "pin": { "start": "2021-06-23T10:00" } }
          ],
          "objective": { "idleGaps": "ignore" }
        }
        """;

    /// <summary>The smallest event the contract allows: every optional field left out.</summary>
    public const string Minimal = """
        {
          "schemaVersion": 1,
          "event": {
            "name": "Minimal",
            "timeZone": "Europe/Berlin",
            "days": [ { "date": "2021-06-22", "start": "09:00", "end": "17:00" } ]
          },
          "rooms": [ { "id": "r1", "capacity": 4 } ],
          "participants": [ { "id": "a" }, { "id": "b" }, { "id": "c" } ],
          "meetings": [ { "id": "m1", "participants": ["a", "b"], "durationMinutes": 30 } ]
        }
        """;

    /// <summary>An event in Berlin over the spring and autumn clock changes of 2021.</summary>
    public const string Berlin = """
        {
          "schemaVersion": 1,
          "event": {
            "name": "Berlin",
            "timeZone": "Europe/Berlin",
            "slotMinutes": 30,
            "days": [
              { "date": "2021-03-27", "start": "09:00", "end": "17:00" },
              { "date": "2021-03-28", "start": "09:00", "end": "17:00" }
            ]
          },
          "rooms": [ { "id": "r1", "capacity": 4 } ],
          "participants": [ { "id": "a" }, { "id": "b" } ],
          "meetings": [ { "id": "m1", "participants": ["a", "b"], "durationMinutes": 30 } ]
        }
        """;

    /// <summary>Parses <paramref name="json"/>, applies <paramref name="change"/>, and returns the text again.</summary>
    public static string Edit(string json, Action<JsonObject> change)
    {
        var root = JsonNode.Parse(json)!.AsObject();
        change(root);
        return root.ToJsonString();
    }

    /// <summary>Reads an event file that must be valid.</summary>
    public static Event Read(string json)
    {
        var result = EventFile.Parse(json);
        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        return result.Value!;
    }

    /// <summary>The problems of an event file that must be invalid, as <c>path: message</c> lines.</summary>
    public static List<string> Problems(string json)
    {
        var result = EventFile.Parse(json);
        Assert.False(result.Succeeded, "the file was read without problems");
        Assert.Null(result.Value);
        return result.Problems.Select(p => p.ToString()).ToList();
    }

    /// <summary>The one problem of an event file with exactly one.</summary>
    public static string Problem(string json) => Assert.Single(Problems(json));

    /// <summary>A JSON array node of the given values.</summary>
    public static JsonArray Array(params JsonNode?[] items) => new(items);
}
