using System.Collections.Immutable;
using Google.OrTools.Sat;
using Scheduler.Engine.Domain;
using Scheduler.Engine.Time;

namespace Scheduler.Engine.Solving;

/// <summary>
/// The CP-SAT model of one event and the handles needed to read a solution back.
/// <c>X[m][k]</c> is true when meeting <c>m</c> takes its option <c>k</c> (a start slot and a building group).
/// </summary>
internal sealed class SchedulingModel
{
    public required CpModel Model { get; init; }
    public required Event Event { get; init; }
    public required TimeGrid Grid { get; init; }
    public required ImmutableArray<RoomPool> Pools { get; init; }
    public required ImmutableArray<MeetingOptions> Meetings { get; init; }

    /// <summary>Per meeting, per option: the choice literal.</summary>
    public required BoolVar[][] X { get; init; }

    /// <summary>Per meeting: true when it is scheduled; null when it has no option at all.</summary>
    public required BoolVar?[] Scheduled { get; init; }

    /// <summary>Pool choice for meetings whose building group holds several pools: (meeting, pool) → literal.</summary>
    public required Dictionary<(int Meeting, int Pool), BoolVar> PoolChoice { get; init; }

    /// <summary>Sum of weights of scheduled meetings.</summary>
    public required LinearExpr Weight { get; init; }

    /// <summary>The largest weight any schedule could reach (all meetings with an option).</summary>
    public required long WeightCeiling { get; init; }

    /// <summary>How many (meeting, start, building group) options the model has: its size.</summary>
    public int OptionCount => Meetings.Sum(m => m.Options.Length);

    /// <summary>
    /// True when idle gaps are minimised and every weighted meeting is required: any schedule then has the full
    /// weight, and the search goes straight for the fewest gaps.
    /// </summary>
    public bool GapsFirst { get; init; }

    /// <summary>Total idle gaps over all participants; null when the model has no idle-gap variables.</summary>
    public LinearExpr? IdleGaps { get; set; }

    /// <summary>Adds the idle-gap encoding when the model was built without it; null when it has it or needs none.</summary>
    public Func<LinearExpr>? AddIdleGaps { get; init; }

    /// <summary>Per capacity constraint, an overflow variable (fixed at 0 unless a search relaxes it) and its largest value.</summary>
    public required List<(IntVar Slack, long Max)> CapacitySlack { get; init; }

    /// <summary>A lower bound on <see cref="IdleGaps"/> known before search (participants who cannot avoid a gap).</summary>
    public int IdleGapsFloor { get; init; }

    /// <summary>Literals of required meetings, for the relaxed run when they cannot all be placed.</summary>
    public required ImmutableArray<(int Meeting, BoolVar Literal)> RequiredLiterals { get; init; }

    /// <summary>Meetings that are required but have no option: infeasible before search.</summary>
    public required ImmutableArray<int> RequiredWithoutOption { get; init; }
}
