using System.Text.Json.Nodes;
using NodaTime;
using Scheduler.Engine.Checking;
using Scheduler.Engine.Domain;
using Scheduler.Engine.Files;
using Scheduler.Engine.Solving;

namespace Scheduler.Tests.Replanning;

/// <summary>
/// Tiny events for replanning, written as event files so each test reads as an officer's change: one day
/// 09:00-12:00 in Moscow, a 30-minute grain, and whatever people, rooms and meetings the test names.
/// </summary>
internal static class ReplanFixtures
{
    public const string Day = "2021-06-22";

    /// <summary>An event file: <paramref name="rooms"/> room ids of 10 seats, participants by id, meetings as (id, participants, weight).</summary>
    public static JsonObject Event(int rooms, string[] people, params (string Id, string[] With, int Weight)[] meetings) => new()
    {
        ["schemaVersion"] = 1,
        ["event"] = new JsonObject
        {
            ["name"] = "Replan summit",
            ["timeZone"] = "Europe/Moscow",
            ["slotMinutes"] = 30,
            ["days"] = new JsonArray(new JsonObject { ["date"] = Day, ["start"] = "09:00", ["end"] = "12:00" }),
        },
        ["rooms"] = new JsonArray(Enumerable.Range(1, rooms).Select(r => (JsonNode)new JsonObject { ["id"] = $"r{r}", ["capacity"] = 10 }).ToArray()),
        ["delegations"] = new JsonArray(people.Select(p => (JsonNode)new JsonObject { ["id"] = "d-" + p, ["name"] = "Delegation " + p }).ToArray()),
        ["participants"] = new JsonArray(people.Select(p => (JsonNode)new JsonObject { ["id"] = p, ["delegation"] = "d-" + p }).ToArray()),
        ["meetings"] = new JsonArray(meetings.Select(m => (JsonNode)new JsonObject
        {
            ["id"] = m.Id,
            ["participants"] = new JsonArray(m.With.Select(w => (JsonNode)JsonValue.Create(w)!).ToArray()),
            ["durationMinutes"] = 30,
            ["weight"] = m.Weight,
        }).ToArray()),
        ["objective"] = new JsonObject { ["idleGaps"] = "ignore" },
    };

    /// <summary>The event read from <paramref name="file"/>; fails the test with the problems otherwise.</summary>
    public static Event Read(JsonObject file)
    {
        var read = EventFile.Parse(file.ToJsonString());
        Assert.True(read.Succeeded, string.Join("\n", read.Problems));
        return read.Value!;
    }

    /// <summary>A local time of the day as an event file writes it.</summary>
    public static string At(string hhmm) => $"{Day}T{hhmm}";

    /// <summary>Makes <paramref name="participant"/> busy from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static JsonObject Busy(this JsonObject file, string participant, string from, string to)
    {
        var p = file["participants"]!.AsArray().First(x => (string?)x!["id"] == participant)!;
        var busy = p["busy"] as JsonArray ?? (JsonArray)(p["busy"] = new JsonArray());
        busy.Add(new JsonObject { ["start"] = At(from), ["end"] = At(to) });
        return file;
    }

    /// <summary>Gives <paramref name="meeting"/> one window.</summary>
    public static JsonObject Window(this JsonObject file, string meeting, string from, string to)
    {
        Meeting(file, meeting)["windows"] = new JsonArray(new JsonObject { ["start"] = At(from), ["end"] = At(to) });
        return file;
    }

    /// <summary>Pins <paramref name="meeting"/> to a start and room.</summary>
    public static JsonObject Pin(this JsonObject file, string meeting, string start, string room)
    {
        Meeting(file, meeting)["pin"] = new JsonObject { ["start"] = At(start), ["room"] = room };
        return file;
    }

    /// <summary>Sets the event's <c>replan</c> object.</summary>
    public static JsonObject Replan(this JsonObject file, JsonObject replan)
    {
        file["replan"] = replan;
        return file;
    }

    /// <summary>A deep copy, to change one version of an event without touching the other.</summary>
    public static JsonObject Copy(this JsonObject file) => (JsonObject)JsonNode.Parse(file.ToJsonString())!;

    public static JsonObject Meeting(JsonObject file, string id) =>
        file["meetings"]!.AsArray().First(x => (string?)x!["id"] == id)!.AsObject();

    /// <summary>Solves <paramref name="ev"/> on one worker within a small deterministic budget.</summary>
    public static Schedule Solve(Event ev, double seconds = 5)
    {
        var result = MeetingScheduler.Solve(ev, Options(seconds));
        var report = ScheduleValidator.Check(ev, result.Schedule);
        Assert.True(report.IsValid, string.Join("\n", report.Violations));
        return result.Schedule;
    }

    /// <summary>Replans <paramref name="ev"/> from <paramref name="previous"/>; the validator checks the result, replan rules included.</summary>
    public static Schedule Replan(Event ev, Schedule previous, double seconds = 5)
    {
        var published = PublishedSchedule.Check(ev, previous);
        Assert.True(published.Succeeded, string.Join("\n", published.Problems));
        var result = MeetingScheduler.Solve(ev, Options(seconds) with { Previous = published.Value });
        var report = ScheduleValidator.CheckReplan(ev, previous, result.Schedule);
        Assert.True(report.IsValid, string.Join("\n", report.Violations));
        return result.Schedule;
    }

    /// <summary>A schedule of <paramref name="ev"/> by hand: (meeting, room, HH:mm) per assignment, the rest unscheduled.</summary>
    public static Schedule Published(Event ev, params (string Meeting, string Room, string Start)[] placed)
    {
        var assignments = placed.Select(p =>
        {
            var start = TimeText(p.Start, ev);
            return new Assignment(p.Meeting, p.Room, start, start + ev.FindMeeting(p.Meeting)!.Duration);
        }).ToList();
        var unscheduled = ev.Meetings.Where(m => placed.All(p => p.Meeting != m.Id)).Select(m => new UnscheduledMeeting(m.Id, "left out")).ToList();
        var schedule = new Schedule(ev.Name, ScheduleStatus.Feasible, placed.Sum(p => ev.FindMeeting(p.Meeting)!.Weight), null, 0, null,
            [.. assignments.OrderBy(a => a.Start)], [.. unscheduled]);
        var gaps = ScheduleValidator.Check(ev, schedule).IdleGaps;
        return schedule with { IdleGaps = gaps };
    }

    public static Instant TimeText(string hhmm, Event ev) =>
        new LocalDateTime(2021, 6, 22, int.Parse(hhmm[..2]), int.Parse(hhmm[3..])).InZoneStrictly(ev.Zone).ToInstant();

    private static SolveOptions Options(double seconds) =>
        new() { TimeLimit = Duration.FromSeconds(seconds), Workers = 1, Deterministic = true };
}
