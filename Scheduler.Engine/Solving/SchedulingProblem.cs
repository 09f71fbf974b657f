using System.Collections.Immutable;
using Scheduler.Engine.Domain;
using Scheduler.Engine.Rules;
using Scheduler.Engine.Time;

namespace Scheduler.Engine.Solving;

/// <summary>
/// The data every search of one event shares, computed once: the time grid, the rules about each meeting alone, the
/// room pools and each meeting's candidate options. Immutable; a search restricts it (<see cref="Restrict"/>) instead of changing it.
/// </summary>
internal sealed class SchedulingProblem
{
    private SchedulingProblem(Event ev, TimeGrid grid, PlacementRules rules, ImmutableArray<RoomPool> pools, ImmutableArray<MeetingOptions> meetings)
    {
        Event = ev;
        Grid = grid;
        Rules = rules;
        Pools = pools;
        Meetings = meetings;
        InterpreterPools = InterpreterPool.Build(rules);
        UsesInterpreters = meetings.Any(m => !m.Options.IsEmpty && rules.UsesInterpreter(m.Index));
    }

    /// <summary>The event.</summary>
    public Event Event { get; }

    /// <summary>The event's slots.</summary>
    public TimeGrid Grid { get; }

    /// <summary>The rules the candidates were built with; first fit and the reasons ask the same instance, so nothing is computed twice.</summary>
    public PlacementRules Rules { get; }

    /// <summary>Interchangeable rooms.</summary>
    public ImmutableArray<RoomPool> Pools { get; }

    /// <summary>Interchangeable interpreters (contract v1.1); empty when the event has none.</summary>
    public ImmutableArray<InterpreterPool> InterpreterPools { get; }

    /// <summary>True when some meeting that has an option must have an interpreter: the interpreter rules are then part of every model.</summary>
    public bool UsesInterpreters { get; }

    /// <summary>Per meeting (in event order, <c>Meetings[i].Index == i</c>): its options.</summary>
    public ImmutableArray<MeetingOptions> Meetings { get; }

    /// <summary>How many (meeting, start, building group) options there are: the size of the full model.</summary>
    public int OptionCount => Meetings.Sum(m => m.Options.Length);

    /// <summary>The sum of weights of the meetings that have an option: no schedule can weigh more.</summary>
    public long WeightCeiling => Meetings.Where(m => !m.Options.IsEmpty).Sum(m => m.Meeting.Weight);

    /// <summary>Grid, pools and candidates of <paramref name="ev"/>.</summary>
    public static SchedulingProblem Build(Event ev) => Build(ev, null);

    /// <summary>
    /// Grid, pools and candidates of <paramref name="ev"/>, each room of <paramref name="ownPools"/> in a pool of its own
    /// (a replan's published rooms, when changing room costs something).
    /// </summary>
    public static SchedulingProblem Build(Event ev, IReadOnlySet<string>? ownPools)
    {
        ArgumentNullException.ThrowIfNull(ev);
        var grid = TimeGrid.Build(ev);
        var rules = new PlacementRules(ev, grid);
        var pools = RoomPool.Build(rules, ownPools);
        return new SchedulingProblem(ev, grid, rules, pools, CandidateBuilder.Build(rules, pools));
    }

    /// <summary>A problem over already computed parts (tests and benchmarks that build them one by one).</summary>
    public static SchedulingProblem Of(Event ev, TimeGrid grid, ImmutableArray<RoomPool> pools, ImmutableArray<MeetingOptions> meetings) =>
        new(ev, grid, new PlacementRules(ev, grid), pools, meetings);

    /// <summary>
    /// The same problem with each meeting's options replaced by <paramref name="options"/>'s answer (a subset of its
    /// own, in the same order): how a neighbourhood search fixes and frees meetings.
    /// </summary>
    public SchedulingProblem Restrict(Func<MeetingOptions, ImmutableArray<StartOption>> options)
    {
        var restricted = Meetings.Select(m =>
        {
            var kept = options(m);
            return kept == m.Options ? m : new MeetingOptions(m.Index, m.Meeting, m.Length, m.Participants, m.Groups, kept);
        }).ToImmutableArray();
        return new SchedulingProblem(Event, Grid, Rules, Pools, restricted);
    }

    /// <summary>The scheduled weight of <paramref name="placements"/>.</summary>
    public long WeightOf(IEnumerable<Placement> placements) => placements.Sum(p => Event.Meetings[p.Meeting].Weight);

    /// <summary>The total idle gaps of <paramref name="placements"/>, counted as the contract defines them.</summary>
    public int IdleGapsOf(IEnumerable<Placement> placements) => ReadBack.CountIdleGaps(Event, Grid, Meetings, placements);

    /// <summary>True when every weighted meeting is required: then any schedule has the full weight.</summary>
    public bool EveryWeightedMeetingRequired => Event.Meetings.All(m => m.Required || m.Weight == 0);
}
