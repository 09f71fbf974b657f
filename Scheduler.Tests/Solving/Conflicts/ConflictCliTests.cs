using Scheduler.Engine.Domain;
using Scheduler.Engine.Files;
using Scheduler.Tests.Cli;
using static Scheduler.Tests.Solving.Solver;

namespace Scheduler.Tests.Solving.Conflicts;

/// <summary><c>scheduler solve</c> on an event whose required meetings cannot all be held.</summary>
public sealed class ConflictCliTests
{
    /// <summary>Lavrov has one free hour and three required 30-minute meetings; a fourth, unrelated one fits.</summary>
    private const string Overbooked = """
        {
          "schemaVersion": 1,
          "event": {
            "name": "One free hour",
            "timeZone": "Europe/Moscow",
            "slotMinutes": 30,
            "days": [ { "date": "2021-06-22", "start": "09:00", "end": "10:00" } ]
          },
          "rooms": [ { "id": "r1", "capacity": 4 }, { "id": "r2", "capacity": 4 }, { "id": "r3", "capacity": 4 } ],
          "participants": [
            { "id": "lavrov", "name": "Sergey Lavrov" }, { "id": "schmid" }, { "id": "lacroix" }, { "id": "stoltenberg" },
            { "id": "fomin" }, { "id": "ryabkov" }
          ],
          "meetings": [
            { "id": "osce-mfa", "participants": ["schmid", "lavrov"], "durationMinutes": 30, "required": true },
            { "id": "un-mfa", "participants": ["lacroix", "lavrov"], "durationMinutes": 30, "required": true },
            { "id": "nato-mfa", "participants": ["stoltenberg", "lavrov"], "durationMinutes": 30, "required": true },
            { "id": "mod-mfa", "participants": ["fomin", "ryabkov"], "durationMinutes": 30, "required": true }
          ]
        }
        """;

    [Fact]
    public async Task Solve_prints_the_minimal_conflict_on_stderr_writes_it_to_the_file_and_exits_1()
    {
        using var folder = new TempFolder();
        var evPath = folder.Write("event.json", Overbooked);
        var output = folder.File("schedule.json");

        var run = await CliRunner.Run("solve", evPath, "-o", output, "--workers", "1", "--time-limit", "10");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("These required meetings cannot all be held:\n  1. osce-mfa, un-mfa, nato-mfa [participant-overlap] " +
            "Sergey Lavrov has 1 hour free on 22 June when these 3 required meetings can be held, and they need 1 hour 30 minutes\n",
            run.Error, StringComparison.Ordinal);
        var ev = EventFile.Parse(Overbooked).Value!;
        var schedule = ScheduleFile.Load(output).Value!;
        AssertValid(ev, schedule, Scheduler.Engine.Checking.ValidationRules.Required);
        Assert.Equal(ScheduleStatus.Infeasible, schedule.Status);
        var conflict = Assert.Single(schedule.Conflicts);
        Assert.Equal(["osce-mfa", "un-mfa", "nato-mfa"], conflict.Meetings.ToArray());
        Assert.True(conflict.Minimal);
    }
}
