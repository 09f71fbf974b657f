using System.Collections.Immutable;
using Google.OrTools.Sat;
using NodaTime;
using Scheduler.Engine.Domain;
using Scheduler.Engine.Time;

namespace Scheduler.Engine.Solving.Conflicts;

/// <summary>
/// The model of every hard rule with the required meetings soft, built once: a check of a set of required meetings
/// assumes their "scheduled" literals and nothing else, so one model answers every subset. Without a spread cap,
/// meetings outside the candidates are left out of it (they could always stay unscheduled), which keeps it small.
/// </summary>
internal sealed class AssumptionModel
{
    private readonly CpModel model;
    private readonly Dictionary<int, BoolVar> literalOf;
    private readonly Dictionary<int, int> meetingOfVariable;

    private AssumptionModel(CpModel model, Dictionary<int, BoolVar> literalOf)
    {
        this.model = model;
        this.literalOf = literalOf;
        meetingOfVariable = literalOf.ToDictionary(kv => kv.Value.GetIndex(), kv => kv.Key);
    }

    /// <summary>The required meetings (indices into the event) that the model can hold: those with an option.</summary>
    public IReadOnlyCollection<int> Candidates => literalOf.Keys;

    /// <summary>How many (meeting, start, building) options <see cref="Build"/> would put in the model: its size.</summary>
    public static long OptionCount(Event ev, ImmutableArray<MeetingOptions> meetings) =>
        meetings.Where(m => !SubEvents.OthersCanBeLeftOut(ev) || m.Meeting.Required).Sum(m => (long)m.Options.Length);

    /// <summary>Builds the model for the required meetings of <paramref name="meetings"/> that have an option.</summary>
    public static AssumptionModel Build(Event ev, TimeGrid grid, ImmutableArray<RoomPool> pools, ImmutableArray<MeetingOptions> meetings)
    {
        var candidates = meetings.Where(m => m.Meeting.Required && !m.Options.IsEmpty).Select(m => m.Index).ToList();
        if (!SubEvents.OthersCanBeLeftOut(ev))
        {
            var full = ModelBuilder.Build(ev, grid, pools, meetings, requiredAreHard: false);
            return new AssumptionModel(full.Fork(), full.RequiredLiterals.ToDictionary(r => r.Meeting, r => r.Literal));
        }
        // The sub-event's meeting k is the event's meeting candidates[k]; its options are the ones the solve used.
        var sub = SubEvents.With(ev, candidates, []);
        var options = candidates.Select((index, k) =>
        {
            var m = meetings[index];
            return new MeetingOptions(k, sub.Meetings[k], m.Length, m.Participants, m.Groups, m.Options);
        }).ToImmutableArray();
        var sm = ModelBuilder.Build(sub, grid, pools, options, requiredAreHard: false);
        return new AssumptionModel(sm.Fork(), sm.RequiredLiterals.ToDictionary(r => candidates[r.Meeting], r => r.Literal));
    }

    /// <summary>
    /// Whether the meetings of <paramref name="set"/> can all be held. When they cannot, <c>Core</c> is a subset of
    /// <paramref name="set"/> that already cannot (CP-SAT's sufficient assumptions; the whole set when it gives none).
    /// </summary>
    public (Verdict Verdict, IReadOnlyList<int> Core) Check(IReadOnlyCollection<int> set, CheckLimit limit, CancellationToken ct)
    {
        model.ClearAssumptions();
        model.AddAssumptions(set.Order().Select(i => literalOf[i]));
        var (verdict, solver) = FeasibilityCheck.Run(model, limit, ct);
        if (verdict != Verdict.Infeasible) return (verdict, []);
        var core = solver!.SufficientAssumptionsForInfeasibility()
            .Where(meetingOfVariable.ContainsKey).Select(v => meetingOfVariable[v]).Where(set.Contains).Distinct().Order().ToList();
        return (verdict, core.Count == 0 ? [.. set.Order()] : core);
    }
}
