using NodaTime;
using Scheduler.Engine.Domain;

namespace Scheduler.Engine.Checking;

/// <summary>
/// Contract v1.1's interpreter rules, stated here from the contract's words and sharing nothing with the solver: a
/// meeting that needs interpretation has an interpreter who works in a language of every participant; pinned
/// interpreters are used; an interpreter is known, in one meeting at a time, inside their availability, outside their
/// busy periods, within <c>maxMinutesPerDay</c>, and has the travel time between buildings. Sweeps per interpreter over
/// their meetings sorted by start: O(n log n).
/// </summary>
internal static class InterpreterChecks
{
    public static void Check(ValidationRun run)
    {
        var byInterpreter = new SortedDictionary<string, List<Placement>>(StringComparer.Ordinal);
        foreach (var p in run.Placements)
        {
            var named = InterpretersOf(run, p);
            Coverage(run, p, named);
            foreach (var id in named.Distinct(StringComparer.Ordinal))
            {
                if (run.Event.FindInterpreter(id) is null)
                {
                    run.Add(ValidationRules.UnknownInterpreter, p.Meeting.Id, p.Start, $"{run.Describe(p)} names interpreter \"{id}\", which the event does not have");
                    continue;
                }

                if (!byInterpreter.TryGetValue(id, out var list)) byInterpreter.Add(id, list = []);
                list.Add(p);
            }
        }

        foreach (var (id, placements) in byInterpreter)
        {
            var interpreter = run.Event.FindInterpreter(id)!;
            placements.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.Index.CompareTo(b.Index));
            Hours(run, interpreter, placements);
            Overlaps(run, interpreter, placements);
            Travel(run, interpreter, placements);
            Minutes(run, interpreter, placements);
        }
    }

    private static List<string> InterpretersOf(ValidationRun run, Placement p)
    {
        var assignments = run.Schedule.Assignments;
        return p.Index < assignments.Length ? [.. assignments[p.Index].Interpreters] : [];
    }

    /// <summary>Languages per participant who has any; a participant without languages needs no interpreter.</summary>
    private static void Coverage(ValidationRun run, Placement p, List<string> named)
    {
        foreach (var pinned in p.Meeting.Interpreters.Where(i => !named.Contains(i, StringComparer.Ordinal)))
        {
            run.Add(ValidationRules.InterpreterPin, p.Meeting.Id, p.Start, $"{run.Describe(p)} is pinned to interpreter \"{pinned}\", who is not in it");
        }

        var languages = p.Meeting.Participants.Select(id => run.Event.FindParticipant(id)?.Languages ?? []).ToList();
        if (languages.Count == 0 || languages.Any(l => l.IsDefaultOrEmpty)) return;
        if (languages.Skip(1).Aggregate((IEnumerable<string>)languages[0], (shared, l) => shared.Intersect(l, StringComparer.Ordinal)).Any()) return;
        bool covered = named.Select(id => run.Event.FindInterpreter(id)).OfType<Interpreter>()
            .Any(i => languages.All(l => l.Any(code => i.Languages.Contains(code, StringComparer.Ordinal))));
        if (!covered)
        {
            run.Add(ValidationRules.InterpreterNeeded, p.Meeting.Id, p.Start,
                $"{run.Describe(p)} needs interpretation (its participants share no language) but no interpreter in it works in a language of every participant");
        }
    }

    private static void Hours(ValidationRun run, Interpreter interpreter, List<Placement> placements)
    {
        foreach (var p in placements)
        {
            if (!interpreter.Available.IsDefaultOrEmpty && !interpreter.Available.Any(a => a.Start <= p.Start && p.End <= a.End))
            {
                run.Add(ValidationRules.InterpreterAvailability, interpreter.Id, p.Start, $"{Name(interpreter)} is not available for all of {run.Describe(p)}");
            }

            foreach (var busy in interpreter.Busy.Where(b => b.Start < p.End && p.Start < b.End))
            {
                run.Add(ValidationRules.InterpreterBusy, interpreter.Id, p.Start, $"{Name(interpreter)} is busy {run.Text.Span(busy)} during {run.Describe(p)}");
            }
        }
    }

    private static void Overlaps(ValidationRun run, Interpreter interpreter, List<Placement> placements)
    {
        Placement? latest = null;
        foreach (var p in placements)
        {
            if (latest is not null && p.Start < latest.End)
            {
                run.Add(ValidationRules.InterpreterOverlap, interpreter.Id, p.Start, $"{Name(interpreter)} is in {run.Describe(p)} and in {run.Describe(latest)} at once");
            }

            if (latest is null || p.End > latest.End) latest = p;
        }
    }

    // Per building, the meeting ending latest so far: the tightest predecessor there for any later start.
    private static void Travel(ValidationRun run, Interpreter interpreter, List<Placement> placements)
    {
        var latestByBuilding = new SortedDictionary<string, Placement>(StringComparer.Ordinal);
        foreach (var p in placements)
        {
            if (p.Room?.Building is not { } building) continue;
            foreach (var (other, earlier) in latestByBuilding)
            {
                var travel = run.Event.TravelTime(other, building);
                if (other == building || travel <= Duration.Zero || p.Start - earlier.End >= travel) continue;
                run.Add(ValidationRules.InterpreterTravel, interpreter.Id, p.Start,
                    $"{Name(interpreter)} needs {ViolationText.Minutes(travel)} min to travel from {run.Text.Building(other)} to {run.Text.Building(building)} " +
                    $"between {run.Describe(earlier)} and {run.Describe(p)}");
            }

            if (!latestByBuilding.TryGetValue(building, out var latest) || p.End > latest.End) latestByBuilding[building] = p;
        }
    }

    private static void Minutes(ValidationRun run, Interpreter interpreter, List<Placement> placements)
    {
        if (interpreter.MaxMinutesPerDay is not { } max) return;
        foreach (var day in placements.Where(p => p.Day >= 0).GroupBy(p => p.Day))
        {
            var minutes = day.Sum(p => (long)p.Meeting.Duration.TotalMinutes);
            if (minutes <= max) continue;
            run.Add(ValidationRules.InterpreterMinutes, interpreter.Id, run.Days[day.Key].Start,
                $"{Name(interpreter)} works {minutes} min on {ViolationText.Date(run.Days[day.Key].Day.Date)}, more than the {max} allowed");
        }
    }

    private static string Name(Interpreter i) => "interpreter " + ViolationText.Named(i.Id, i.Name);
}
