using System.Collections.Immutable;
using Scheduler.Engine.Domain;
using Scheduler.Engine.Time;

namespace Scheduler.Engine.Solving.Conflicts;

/// <summary>
/// Names the rule that binds a conflict: each rule family that could be involved is switched off in turn, and one
/// whose absence lets the set be held is binding. When none is, what remains is the participants' own time (no one in
/// two meetings at once, within the time rules); when several are, they bind together.
/// </summary>
internal static class RuleClassifier
{
    /// <summary>The rule and its sentence for <paramref name="set"/> (indices into the event's meetings), which cannot hold.</summary>
    public static (string Rule, string Explanation) Classify(Event ev, TimeGrid grid, ImmutableArray<RoomPool> pools, ImmutableArray<MeetingOptions> meetings,
        IReadOnlyList<int> set, ConflictFinder.Budget budget, CancellationToken ct)
    {
        var facts = new ConflictSentences(ev, grid, pools, meetings, set);
        var applicable = Applicable(ev, meetings, set);
        var binding = applicable
            .Where(r => SubEvents.Check(SubEvents.With(ev, set, [r]), budget.ForCheck(), ct) == Verdict.Feasible)
            .ToList();
        if (binding.Count == 1)
        {
            return binding[0] switch
            {
                Relaxation.DailyLimit => (ConflictRules.DailyLimit, facts.DailyLimit()),
                Relaxation.RoomCapacity => (ConflictRules.RoomCapacity, facts.RoomCapacity()),
                Relaxation.Travel => (ConflictRules.Travel, facts.Travel()),
                Relaxation.AfterOrder => (ConflictRules.AfterOrder, facts.AfterOrder()),
                Relaxation.Interpreters => (ConflictRules.NoInterpreter, InterpreterSentence(ev, set)),
                _ => (ConflictRules.IdleGapSpread, facts.IdleGapSpread()),
            };
        }
        if (binding.Count > 1) return (ConflictRules.CombinedRules, facts.Combined(binding));
        // Nothing switched off alone helps: if switching all off together does not either, the participants' time
        // (with their availability, busy periods and the meetings' windows) is what binds.
        bool sharedPeople = set.Count > 1 && set.SelectMany(i => meetings[i].Participants).GroupBy(p => p).Any(g => g.Count() > 1);
        if (sharedPeople && (applicable.Count == 0
            || SubEvents.Check(SubEvents.With(ev, set, applicable), budget.ForCheck(), ct) != Verdict.Feasible))
            return (ConflictRules.ParticipantOverlap, facts.ParticipantOverlap());
        return (ConflictRules.CombinedRules, facts.Combined([]));
    }

    /// <summary>The rule families that could take part: those with something to switch off among these meetings.</summary>
    private static List<Relaxation> Applicable(Event ev, ImmutableArray<MeetingOptions> meetings, IReadOnlyList<int> set)
    {
        var list = new List<Relaxation>();
        var people = set.SelectMany(i => meetings[i].Participants).Distinct().ToList();
        if (people.Any(p => ev.Participants[p].MaxMeetingsPerDay is not null)) list.Add(Relaxation.DailyLimit);
        list.Add(Relaxation.RoomCapacity);
        var buildings = set.SelectMany(i => meetings[i].Groups.Select(g => g.Building)).Distinct().Count();
        if (buildings > 1 && ev.TravelTimes.Any(t => t.Duration > NodaTime.Duration.Zero)) list.Add(Relaxation.Travel);
        var ids = set.Select(i => ev.Meetings[i].Id).ToHashSet(StringComparer.Ordinal);
        if (set.Any(i => ev.Meetings[i].After.Any(ids.Contains))) list.Add(Relaxation.AfterOrder);
        if (ev.Objective.MaxIdleGapSpread is not null) list.Add(Relaxation.IdleGapSpread);
        if (set.Any(i => Interpretation.Needs(ev, ev.Meetings[i]) || !ev.Meetings[i].Interpreters.IsEmpty)) list.Add(Relaxation.Interpreters);
        return list;
    }

    private static string InterpreterSentence(Event ev, IReadOnlyList<int> set)
    {
        var covering = ev.Interpreters
            .Where(t => set.Any(i => Interpretation.Needs(ev, ev.Meetings[i]) && Interpretation.Covers(ev, t, ev.Meetings[i])))
            .Select(t => t.Name).Order(StringComparer.Ordinal).ToList();
        var who = covering.Count == 0 ? "no interpreter covers their languages" : "only " + string.Join(", ", covering) + " can interpret them";
        return $"These meetings need interpreters and {who}: the interpreters cannot be in all of them within their hours.";
    }
}
