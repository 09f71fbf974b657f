using System.Text.Json.Nodes;
using Scheduler.Engine.Checking;
using Scheduler.Engine.Domain;

namespace Scheduler.Tests.Replanning;

/// <summary>
/// The replanning objective against exhaustion on tiny events: every schedule the validator accepts, scored by the
/// contract's formula from <see cref="ScheduleChanges.Between"/>. Shares nothing with the solver's model.
/// </summary>
public class ReplanBruteForceTests
{
    private static readonly string[] People = ["p1", "p2", "p3"];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public void On_tiny_events_the_replan_reaches_the_brute_force_optimum_and_its_number_of_moves(int seed)
    {
        var random = new Random(seed);
        var pairs = new[] { ("p1", "p2"), ("p1", "p3"), ("p2", "p3"), ("p1", "p2") };
        var file = ReplanFixtures.Event(2, People, pairs.Select((p, i) => ($"m{i}", new[] { p.Item1, p.Item2 }, random.Next(1, 4))).ToArray());
        file["event"]!["days"]![0]!["end"] = "11:00";
        var before = ReplanFixtures.Read(file);
        var published = ReplanFixtures.Solve(before);

        // The disruption: one participant loses an hour; the costs vary so moving, dropping and re-rooming compete.
        var start = random.Next(0, 3);
        var changed = file.Copy().Busy(People[random.Next(3)], $"{9 + start / 2:00}:{start % 2 * 30:00}", $"{10 + start / 2:00}:{start % 2 * 30:00}")
            .Replan(new JsonObject { ["moveCost"] = random.Next(1, 4), ["dropCost"] = random.Next(0, 3), ["roomChangeCost"] = random.Next(0, 2) * 0.5 });
        var after = ReplanFixtures.Read(changed);
        var replanned = ReplanFixtures.Replan(after, published);

        var (best, moves) = Exhaust(after, published);
        Assert.Equal(ScheduleStatus.Optimal, replanned.Status);
        Assert.Equal(best, replanned.ObjectiveValue);
        Assert.Contains(replanned.Changes!.Moved.Length, moves);
    }

    /// <summary>The best objective over every valid schedule, and the numbers of moves among the schedules that reach it.</summary>
    internal static (decimal Best, HashSet<int> Moves) Exhaust(Event ev, Schedule previous)
    {
        var costs = ev.Replan!;
        var options = ev.Meetings.Select(m => Placements(ev, m).Prepend(null).ToList()).ToArray();
        var chosen = new Assignment?[ev.Meetings.Length];
        decimal best = decimal.MinValue;
        var moves = new HashSet<int>();

        void Visit(int i)
        {
            if (i == chosen.Length)
            {
                var schedule = new Schedule(ev.Name, ScheduleStatus.Feasible, chosen.OfType<Assignment>().Sum(a => ev.FindMeeting(a.Meeting)!.Weight), null, 0, null,
                    [.. chosen.OfType<Assignment>()],
                    [.. ev.Meetings.Where((m, k) => chosen[k] is null).Select(m => new UnscheduledMeeting(m.Id, "left out"))]);
                if (ScheduleValidator.Check(ev, schedule).Violations.Any(v => v.Rule != ValidationRules.IdleGapsMismatch)) return;
                var c = ScheduleChanges.Between(ev, previous, schedule);
                var value = schedule.ScheduledWeight - costs.MoveCost * c.Moved.Length - costs.RoomChangeCost * c.RoomChanged.Length - costs.DropCost * c.Dropped.Length;
                if (value > best) (best, moves) = (value, []);
                if (value == best) moves.Add(c.Moved.Length);
                return;
            }

            foreach (var a in options[i])
            {
                if (a is not null && Clashes(ev, chosen, i, a)) continue;
                chosen[i] = a;
                Visit(i + 1);
            }

            chosen[i] = null;
        }

        Visit(0);
        return (best, moves);
    }

    private static IEnumerable<Assignment?> Placements(Event ev, MeetingRequest m)
    {
        var hours = ev.Days[0].Hours(ev.Zone);
        for (var start = hours.Start; start + m.Duration <= hours.End; start += ev.Grain)
            foreach (var room in ev.Rooms)
                yield return new Assignment(m.Id, room.Id, start, start + m.Duration);
    }

    private static bool Clashes(Event ev, Assignment?[] chosen, int i, Assignment a)
    {
        for (int j = 0; j < i; j++)
        {
            if (chosen[j] is not { } b || !(a.Start < b.End && b.Start < a.End)) continue;
            if (a.Room == b.Room || ev.Meetings[j].Participants.Any(ev.Meetings[i].Participants.Contains)) return true;
        }

        return false;
    }
}
