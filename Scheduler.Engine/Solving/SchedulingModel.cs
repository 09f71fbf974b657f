using System.Collections.Immutable;
using Google.OrTools.Sat;
using Scheduler.Engine.Domain;
using Scheduler.Engine.Time;

namespace Scheduler.Engine.Solving;

/// <summary>What a model covers beyond the problem's options.</summary>
internal sealed record ModelScope
{
    /// <summary>The hard rules of the event: required meetings must be scheduled.</summary>
    public static ModelScope Hard { get; } = new();

    /// <summary>Required meetings may be left out (to place as many as possible, or to find a conflict set).</summary>
    public static ModelScope RequiredSoft { get; } = new() { RequiredAreHard = false };

    /// <summary>Whether every required meeting must be scheduled. Default true.</summary>
    public bool RequiredAreHard { get; init; } = true;

    /// <summary>Meetings (indices) that must be scheduled whatever their <c>required</c>: the fixed part of a neighbourhood.</summary>
    public ImmutableHashSet<int> Forced { get; init; } = ImmutableHashSet<int>.Empty;

    /// <summary>
    /// Per pool and slot, rooms already taken by meetings outside the model (a neighbourhood's fixed meetings that
    /// need not be in it); null for none.
    /// </summary>
    public int[][]? PoolOccupancy { get; init; }

    /// <summary>Per (participant, day index), meetings already held by meetings outside the model: they count toward <c>maxMeetingsPerDay</c>.</summary>
    public IReadOnlyDictionary<(int Participant, int Day), int> DailyTaken { get; init; } = new Dictionary<(int, int), int>();

    /// <summary>Whether the idle-gap encoding is part of the model: null to include it only where the first search needs it.</summary>
    public bool? IdleGaps { get; init; }
}

/// <summary>
/// The CP-SAT model of the hard rules of one problem, built once and never changed: every search works on its own
/// copy (<see cref="Fork"/>), adding its objective and limits there. <c>X[m][k]</c> is true when meeting <c>m</c>
/// takes its option <c>k</c> (a start slot and a building group).
/// </summary>
internal sealed class SchedulingModel
{
    private readonly CpModel model;
    private readonly Func<CpModel, LinearExpr?> addIdleGaps;

    internal SchedulingModel(CpModel model, SchedulingProblem problem, ModelScope scope, BoolVar[][] x, BoolVar?[] scheduled,
        IReadOnlyDictionary<(int Meeting, int Pool), BoolVar> poolChoice, LinearExpr weight, long weightCeiling,
        LinearExpr? idleGaps, int idleGapsFloor, Func<CpModel, LinearExpr?> addIdleGaps)
    {
        this.model = model;
        this.addIdleGaps = addIdleGaps;
        Problem = problem;
        Scope = scope;
        X = x;
        Scheduled = scheduled;
        PoolChoice = poolChoice;
        Weight = weight;
        WeightCeiling = weightCeiling;
        IdleGaps = idleGaps;
        IdleGapsFloor = idleGapsFloor;
        RequiredLiterals = problem.Meetings.Where(m => m.Meeting.Required && scheduled[m.Index] is not null)
            .Select(m => (m.Index, scheduled[m.Index]!)).ToImmutableArray();
        RequiredWithoutOption = problem.Meetings.Where(m => m.Meeting.Required && m.Options.IsEmpty).Select(m => m.Index).ToImmutableArray();
    }

    /// <summary>The data the model was built from.</summary>
    public SchedulingProblem Problem { get; }

    /// <summary>What the model covers.</summary>
    public ModelScope Scope { get; }

    /// <summary>The event.</summary>
    public Event Event => Problem.Event;

    /// <summary>The event's slots.</summary>
    public TimeGrid Grid => Problem.Grid;

    /// <summary>Interchangeable rooms.</summary>
    public ImmutableArray<RoomPool> Pools => Problem.Pools;

    /// <summary>Per meeting: its options.</summary>
    public ImmutableArray<MeetingOptions> Meetings => Problem.Meetings;

    /// <summary>
    /// The model itself, for reading only (validation, statistics). Searches use <see cref="Fork"/>: adding to this
    /// instance would change every later search.
    /// </summary>
    public CpModel Base => model;

    /// <summary>Per meeting, per option: the choice literal.</summary>
    public BoolVar[][] X { get; }

    /// <summary>Per meeting: true when it is scheduled; null when it has no option at all.</summary>
    public BoolVar?[] Scheduled { get; }

    /// <summary>Pool choice for meetings whose building group holds several pools: (meeting, pool) → literal.</summary>
    public IReadOnlyDictionary<(int Meeting, int Pool), BoolVar> PoolChoice { get; }

    /// <summary>Sum of weights of scheduled meetings.</summary>
    public LinearExpr Weight { get; }

    /// <summary>The largest weight any schedule could reach (all meetings with an option).</summary>
    public long WeightCeiling { get; }

    /// <summary>Total idle gaps over all participants when the model holds the encoding; otherwise null.</summary>
    public LinearExpr? IdleGaps { get; }

    /// <summary>A lower bound on idle gaps known before search (participants who cannot avoid a gap).</summary>
    public int IdleGapsFloor { get; }

    /// <summary>The "scheduled" literal of each required meeting that has an option.</summary>
    public ImmutableArray<(int Meeting, BoolVar Literal)> RequiredLiterals { get; }

    /// <summary>Meetings that are required but have no option: infeasible before search.</summary>
    public ImmutableArray<int> RequiredWithoutOption { get; }

    /// <summary>How many (meeting, start, building group) options the model has: its size.</summary>
    public int OptionCount => Problem.OptionCount;

    /// <summary>A deep copy of the model for one search: the variables above keep their meaning in it.</summary>
    public CpModel Fork()
    {
        var copy = new CpModel();
        // Clone first: MergeFrom alone would share the variable messages, and a change to the copy would reach this one.
        copy.Model.MergeFrom(model.Model.Clone());
        return copy;
    }

    /// <summary>A copy that holds the idle-gap encoding (this model's, or one added to the copy), and the total gaps in it.</summary>
    public (CpModel Model, LinearExpr Gaps) ForkWithIdleGaps()
    {
        var copy = Fork();
        var gaps = IdleGaps ?? addIdleGaps(copy) ?? LinearExpr.Constant(0);
        return (copy, gaps);
    }
}
