using System.Globalization;
using Scheduler.Engine.Checking;
using Scheduler.Engine.Files;
using Scheduler.Tests.Cli;

namespace Scheduler.Tests.Files;

/// <summary>
/// Mutation fuzzing of the numbers (and a pair of times) of an event file through <c>scheduler solve</c>: whatever
/// extreme value lands in whatever field, the run ends in exit 2 with the problem on stderr or in a schedule the validator
/// accepts; never in exit 3 (an internal error with a stack trace).
/// </summary>
public sealed class ExtremeNumberPropertyTests
{
    /// <summary>A tiny event with every numeric field of the contract, each a placeholder with a sensible default.</summary>
    private const string Template = """
        {
          "schemaVersion": @schemaVersion@,
          "event": {
            "name": "Fuzzed", "timeZone": "Europe/Moscow", "slotMinutes": @slotMinutes@,
            "days": [ { "date": "2021-06-22", "start": "09:00", "end": "12:00" } ]
          },
          "buildings": [ { "id": "congress" }, { "id": "hotel" } ],
          "travelMinutes": [ { "from": "congress", "to": "hotel", "minutes": @travel@ } ],
          "rooms": [
            { "id": "r1", "building": "congress", "capacity": @capacity0@ },
            { "id": "r2", "building": "hotel", "capacity": @capacity1@ }
          ],
          "delegations": [ { "id": "ru", "precedence": @precedence@ }, { "id": "un" } ],
          "participants": [
            { "id": "shoigu", "delegation": "ru", "maxMeetingsPerDay": @maxPerDay@ },
            { "id": "stefanovic", "busy": [ { "start": @busyStart@, "end": @busyEnd@ } ] },
            { "id": "lacroix", "delegation": "un" }
          ],
          "meetings": [
            { "id": "a", "participants": ["stefanovic", "shoigu"], "durationMinutes": @duration0@, "weight": @weight0@, "headcount": @headcount0@ },
            { "id": "b", "participants": ["lacroix", "shoigu"], "durationMinutes": @duration1@, "weight": @weight1@, "after": ["a"] },
            { "id": "c", "participants": ["lacroix", "stefanovic"], "durationMinutes": @duration2@, "weight": @weight2@, "headcount": @headcount2@ }
          ],
          "objective": { "idleGaps": "minimize", "maxIdleGapSpread": @spread@ }
        }
        """;

    private static readonly Dictionary<string, string> Defaults = new()
    {
        ["schemaVersion"] = "1", ["slotMinutes"] = "15", ["travel"] = "15", ["capacity0"] = "4", ["capacity1"] = "4",
        ["precedence"] = "1", ["maxPerDay"] = "3", ["duration0"] = "30", ["duration1"] = "45", ["duration2"] = "60",
        ["weight0"] = "5", ["weight1"] = "3", ["weight2"] = "2", ["headcount0"] = "2", ["headcount2"] = "3", ["spread"] = "2",
        ["busyStart"] = "\"2021-06-22T11:00\"", ["busyEnd"] = "\"2021-06-22T11:30\"",
    };

    /// <summary>Times at and past the edges of the supported years and of NodaTime's range, and a nanosecond off the grain.</summary>
    private static readonly string[] ExtremeTimes =
    [
        "\"9999-12-31T23:59-18:00\"", "\"9998-12-31T23:59-18:00\"", "\"-9998-01-01T00:00+18:00\"", "\"0001-01-01T00:00+18:00\"",
        "\"0001-01-01T00:00\"", "\"9998-12-31T23:59\"", "\"2021-06-22T10:00:00.000000001Z\"", "\"2021-06-22T09:00+14:00\"", "1e400",
    ];

    /// <summary>Values at and past every edge: of the ranges, of int, of long, of double, and not whole or not numbers at all.</summary>
    private static readonly string[] Extremes =
    [
        "-9223372036854775808", "9223372036854775807", "4611686018427387904", "-4611686018427387904",
        "2147483647", "2147483648", "-2147483648", "-2147483649", "9007199254740993",
        "-1", "0", "1", "2", "15", "30", "60", "1440", "1441", "100000", "100001", "1000000", "1000001", "10000000000",
        "1e400", "-1e400", "1e-400", "0.5", "1.5e1", "1E2", "-0", "1.0", "99999999999999999999999999999999999999",
        "\"15\"", "null", "true", "[]", "{}",
    ];

    [Fact]
    public async Task Extreme_numbers_in_any_field_end_in_exit_2_or_a_valid_schedule()
    {
        var random = new Random(20261202);
        var fields = Defaults.Keys.ToArray();
        using var folder = new TempFolder();
        var outcomes = new Dictionary<int, int>();
        var solved = new HashSet<string>(StringComparer.Ordinal);
        for (var run = 0; run < 300; run++)
        {
            var values = new Dictionary<string, string>(Defaults);
            var changes = new List<string>();
            if (random.Next(10) == 0)
            {
                // Each weight alone is a long, but their sum is not.
                var big = random.Next(2) == 0 ? "4611686018427387904" : "9223372036854775807";
                foreach (var weight in fields.Where(f => f.StartsWith("weight", StringComparison.Ordinal))) values[weight] = big;
                changes.Add($"every weight={big}");
            }

            for (var n = 1 + random.Next(3); n > 0; n--)
            {
                var field = fields[random.Next(fields.Length)];
                var pool = field.StartsWith("busy", StringComparison.Ordinal) ? ExtremeTimes : Extremes;
                values[field] = pool[random.Next(pool.Length)];
                changes.Add($"{field}={values[field]}");
            }

            var json = values.Aggregate(Template, (text, v) => text.Replace($"@{v.Key}@", v.Value, StringComparison.Ordinal));
            var read = EventFile.Parse(json);

            // Values that read the same (-0 and 0, 1.5e1 and 15) give the engine the same event: it is solved once.
            if (read.Succeeded && !solved.Add(EventFile.Write(read.Value!))) continue;
            var eventPath = folder.Write($"event{run}.json", json);
            var schedulePath = folder.File($"schedule{run}.json");
            var result = await CliRunner.Run("solve", eventPath, "-o", schedulePath, "--time-limit", "1", "--workers", "1", "--seed", "1");
            var what = $"case {run.ToString(CultureInfo.InvariantCulture)} ({string.Join(", ", changes)}): exit {result.ExitCode}\n{result.Error}";
            if (read.Succeeded)
            {
                Assert.True(result.ExitCode == 0, what);
                var schedule = ScheduleFile.Load(schedulePath);
                Assert.True(schedule.Succeeded, what);
                var report = ScheduleValidator.Check(read.Value!, schedule.Value!);
                Assert.True(report.IsValid, what + string.Join("\n", report.Violations));
            }
            else
            {
                Assert.True(result.ExitCode == 2, what);
                Assert.False(File.Exists(schedulePath), what);
                Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
                Assert.Contains(read.Problems[0].Message, result.Error, StringComparison.Ordinal);
            }

            outcomes[result.ExitCode] = outcomes.GetValueOrDefault(result.ExitCode) + 1;
        }

        // The mix must exercise both sides, or the property says nothing about one of them.
        Assert.True(outcomes.GetValueOrDefault(0) >= 20, $"only {outcomes.GetValueOrDefault(0)} valid events were solved");
        Assert.True(outcomes.GetValueOrDefault(2) >= 100, $"only {outcomes.GetValueOrDefault(2)} events were rejected");
    }
}
