using System.Collections.Immutable;
using NodaTime;
using Scheduler.Engine.Checking;
using Scheduler.Engine.Domain;

namespace Scheduler.Tests.Solving;

/// <summary>
/// The best schedule of a tiny event by exhaustion: every meeting either unscheduled or at one (start, room) of the
/// grid, every combination the validator accepts, the most weight and then the fewest idle gaps. Shares nothing
/// with the solver; only overlaps of a room or a participant are cut early, since no valid schedule has them.
/// </summary>
internal static class BruteForce
{
    public sealed record Best(long Weight, int IdleGaps, int ValidSchedules);

    public static Best Solve(Event ev)
    {
        var options = ev.Meetings.Select(m => Placements(ev, m).ToList()).ToArray();
        var chosen = new Assignment?[ev.Meetings.Length];
        long bestWeight = -1;
        int bestGaps = int.MaxValue, valid = 0;
        var suffixWeight = new long[ev.Meetings.Length + 1];
        for (int i = ev.Meetings.Length - 1; i >= 0; i--) suffixWeight[i] = suffixWeight[i + 1] + ev.Meetings[i].Weight;

        void Visit(int i, long weight)
        {
            if (weight + suffixWeight[i] < bestWeight) return;
            if (i == ev.Meetings.Length)
            {
                var report = ScheduleValidator.Check(ev, Build(ev, chosen, weight));
                if (report.Violations.Any(v => v.Rule != ValidationRules.IdleGapsMismatch)) return;
                valid++;
                if (report.ScheduledWeight > bestWeight || (report.ScheduledWeight == bestWeight && report.IdleGaps < bestGaps))
                    (bestWeight, bestGaps) = (report.ScheduledWeight, report.IdleGaps);
                return;
            }
            chosen[i] = null;
            Visit(i + 1, weight);
            foreach (var a in options[i])
            {
                if (Clashes(ev, chosen, i, a)) continue;
                chosen[i] = a;
                Visit(i + 1, weight + ev.Meetings[i].Weight);
            }
            chosen[i] = null;
        }

        Visit(0, 0);
        return new Best(bestWeight, bestGaps, valid);
    }

    /// <summary>Every grain-aligned start within a day's hours, in every room.</summary>
    private static IEnumerable<Assignment> Placements(Event ev, MeetingRequest m)
    {
        foreach (var day in ev.Days)
        {
            var hours = day.Hours(ev.Zone);
            for (var start = hours.Start; start + m.Duration <= hours.End; start += ev.Grain)
                foreach (var room in ev.Rooms)
                    yield return new Assignment(m.Id, room.Id, start, start + m.Duration);
        }
    }

    private static bool Clashes(Event ev, Assignment?[] chosen, int i, Assignment a)
    {
        var people = ev.Meetings[i].Participants;
        for (int j = 0; j < i; j++)
        {
            if (chosen[j] is not { } b || !(a.Start < b.End && b.Start < a.End)) continue;
            if (a.Room == b.Room || ev.Meetings[j].Participants.Any(people.Contains)) return true;
        }
        return false;
    }

    private static Schedule Build(Event ev, Assignment?[] chosen, long weight) =>
        new(ev.Name, ScheduleStatus.Feasible, weight, null, 0, null,
            [.. chosen.OfType<Assignment>()],
            [.. ev.Meetings.Where((m, i) => chosen[i] is null).Select(m => new UnscheduledMeeting(m.Id, "left out"))]);
}
