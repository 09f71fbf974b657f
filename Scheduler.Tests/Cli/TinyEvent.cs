namespace Scheduler.Tests.Cli;

/// <summary>
/// A three-person event small enough to read: two meetings fit before the coffee break, the third cannot fit
/// its 30-minute window. Its schedule file is the optimal one, written by hand.
/// </summary>
internal static class TinyEvent
{
    public const string EventJson = """
        {
          "schemaVersion": 1,
          "event": {
            "name": "Tiny summit",
            "timeZone": "Europe/Moscow",
            "slotMinutes": 15,
            "days": [ { "date": "2021-06-22", "start": "09:00", "end": "12:00" } ],
            "breaks": [ { "name": "Coffee", "start": "10:30", "end": "11:00" } ]
          },
          "buildings": [ { "id": "congress", "name": "Congress Centre" } ],
          "rooms": [
            { "id": "r1", "name": "Room 1", "building": "congress", "capacity": 6 },
            { "id": "r2", "name": "Room 2", "building": "congress", "capacity": 6 }
          ],
          "delegations": [
            { "id": "ru", "name": "Russia" },
            { "id": "rs", "name": "Serbia" },
            { "id": "un", "name": "United Nations" }
          ],
          "participants": [
            { "id": "shoigu", "name": "Sergei Shoigu", "delegation": "ru" },
            { "id": "stefanovic", "name": "Nebojsa Stefanovic", "delegation": "rs" },
            { "id": "lacroix", "name": "Jean-Pierre Lacroix", "delegation": "un" }
          ],
          "meetings": [
            { "id": "rs-ru", "title": "Serbia - Russia", "participants": ["stefanovic", "shoigu"],
              "durationMinutes": 45, "weight": 5 },
            { "id": "un-ru", "title": "UN - Russia", "participants": ["lacroix", "shoigu"],
              "durationMinutes": 30, "weight": 3 },
            { "id": "un-rs", "title": "UN - Serbia", "participants": ["lacroix", "stefanovic"],
              "durationMinutes": 60, "weight": 2,
              "windows": [ { "start": "2021-06-22T11:30", "end": "2021-06-22T12:00" } ] }
          ]
        }
        """;

    public const string UnscheduledReason = "its windows are shorter than its 60 minutes";

    public const string ScheduleJson = """
        {
          "schemaVersion": 1,
          "event": "Tiny summit",
          "status": "optimal",
          "scheduledWeight": 8,
          "weightBound": 8,
          "idleGaps": 0,
          "idleGapsBound": 0,
          "assignments": [
            { "meeting": "rs-ru", "room": "r1", "start": "2021-06-22T09:00:00+03:00", "end": "2021-06-22T09:45:00+03:00" },
            { "meeting": "un-ru", "room": "r2", "start": "2021-06-22T09:45:00+03:00", "end": "2021-06-22T10:15:00+03:00" }
          ],
          "unscheduled": [
            { "meeting": "un-rs", "reason": "its windows are shorter than its 60 minutes" }
          ]
        }
        """;

    /// <summary>The same schedule with UN - Russia moved into the coffee break.</summary>
    public static string ScheduleInBreak => ScheduleJson
        .Replace("2021-06-22T09:45:00+03:00\", \"end\": \"2021-06-22T10:15:00+03:00", "2021-06-22T10:30:00+03:00\", \"end\": \"2021-06-22T11:00:00+03:00", StringComparison.Ordinal);

    /// <summary>The event with a meeting naming a participant who does not exist.</summary>
    public static string EventWithUnknownParticipant => EventJson
        .Replace("\"participants\": [\"lacroix\", \"shoigu\"]", "\"participants\": [\"lacroix\", \"shoigu2\"]", StringComparison.Ordinal);
}
