using System.Text.Json.Nodes;
using NodaTime;
using Scheduler.Engine.Checking;
using Scheduler.Engine.Domain;
using Scheduler.Tests.Solving;
using static Scheduler.Tests.Interpreters.InterpreterEvents;

namespace Scheduler.Tests.Interpreters;

/// <summary>
/// Tiny random events with interpreters, solved and exhausted: every meeting unscheduled or at each (start, room,
/// interpreter) the grid allows, each combination judged by the validator alone. The solver must reach the best weight.
/// </summary>
public class InterpreterBruteForceTests
{
    public static TheoryData<int> Seeds() => [1, 2, 3, 4, 5, 6];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void The_solver_reaches_the_weight_of_exhaustion(int seed)
    {
        var ev = RandomEvent(seed);
        var best = Exhaust(ev);
        var schedule = Solver.SolveAndValidate(ev);
        Assert.Equal(ScheduleStatus.Optimal, schedule.Status);
        Assert.Equal(best, schedule.ScheduledWeight);
    }

    /// <summary>Four meetings, 90 minutes, two rooms in two buildings, two interpreters with random languages, hours and limits.</summary>
    internal static Event RandomEvent(int seed)
    {
        var random = new Random(seed);
        string[] people = ["ru1", "ru2", "fr1", "fr2", "en1", "es1"];
        var meetings = Enumerable.Range(1, 4).Select(k =>
        {
            var pair = people.OrderBy(_ => random.Next()).Take(2).ToArray();
            return Meeting($"m{k}", string.Join(' ', pair), random.Next(2) == 0 ? 30 : 60, random.Next(1, 6));
        }).ToArray();
        string[] languages = ["ru fr", "ru en", "ru es", "fr es", "ru fr en"];
        var interpreters = Enumerable.Range(1, 2).Select(k =>
        {
            var extra = random.Next(3) switch
            {
                0 => """, "maxMinutesPerDay": 60""",
                1 => """, "busy": [ { "start": "2021-06-22T09:30", "end": "2021-06-22T10:00" } ]""",
                _ => "",
            };
            return Interpreter($"i{k}", languages[random.Next(languages.Length)], extra);
        }).ToArray();
        var rooms = """[ { "id": "c", "building": "congress", "capacity": 10 }, { "id": "h", "building": "hotel", "capacity": 10 } ]""";
        return Build(List(interpreters), List(meetings), rooms, root =>
        {
            root["event"]!["days"]![0]!["end"] = "10:30";
            root["buildings"] = JsonNode.Parse("""[ { "id": "congress" }, { "id": "hotel" } ]""");
            root["travelMinutes"] = JsonNode.Parse($$"""[ { "from": "congress", "to": "hotel", "minutes": {{(seed % 2 == 0 ? 30 : 0)}} } ]""");
        });
    }

    internal static long Exhaust(Event ev)
    {
        var day = ev.Days[0];
        var hours = day.Hours(ev.Zone);
        var choices = ev.Meetings.Select(m =>
        {
            var list = new List<Assignment?> { null };
            for (var start = hours.Start; start + m.Duration <= hours.End; start += ev.Grain)
                foreach (var room in ev.Rooms)
                {
                    list.Add(new Assignment(m.Id, room.Id, start, start + m.Duration));
                    foreach (var i in ev.Interpreters)
                        list.Add(new Assignment(m.Id, room.Id, start, start + m.Duration) { Interpreters = [i.Id] });
                }

            return list;
        }).ToArray();
        long best = 0;
        var chosen = new Assignment?[ev.Meetings.Length];
        var rest = new long[chosen.Length + 1];
        for (int k = chosen.Length - 1; k >= 0; k--) rest[k] = rest[k + 1] + ev.Meetings[k].Weight;

        // Only overlaps in one room or of one person are cut early (no valid schedule has them); the validator judges the rest.
        bool Clashes(int i, Assignment a) => Enumerable.Range(0, i).Any(j => chosen[j] is { } b && a.Start < b.End && b.Start < a.End
            && (a.Room == b.Room || ev.Meetings[j].Participants.Any(ev.Meetings[i].Participants.Contains)));

        void Visit(int i, long weight)
        {
            if (weight + rest[i] <= best) return;
            if (i == chosen.Length)
            {
                var placed = chosen.OfType<Assignment>().ToList();
                var schedule = new Schedule(ev.Name, ScheduleStatus.Feasible, weight, null, 0, null, [.. placed],
                    [.. ev.Meetings.Where((_, k) => chosen[k] is null).Select(m => new UnscheduledMeeting(m.Id, "left out"))]);
                if (ScheduleValidator.Check(ev, schedule).Violations.All(v => v.Rule == ValidationRules.IdleGapsMismatch)) best = weight;
                return;
            }

            foreach (var a in choices[i].AsEnumerable().Reverse())
            {
                if (a is not null && Clashes(i, a)) continue;
                chosen[i] = a;
                Visit(i + 1, weight + (a is null ? 0 : ev.Meetings[i].Weight));
            }

            chosen[i] = null;
        }

        Visit(0, 0);
        return best;
    }
}
