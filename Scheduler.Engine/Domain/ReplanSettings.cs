using NodaTime;

namespace Scheduler.Engine.Domain;

/// <summary>
/// The event's <c>replan</c> object (contract v1.1): how a solve from a published schedule weighs changes against
/// weight. Costs are in units of meeting weight, non-negative, at most <see cref="EventLimits.MaxWeight"/>, with a
/// precision of 0.01 (so the solver works on whole hundredths exactly).
/// </summary>
public sealed record ReplanSettings
{
    /// <summary>The defaults: nothing frozen, move cost 1, room change cost 0, drop cost 1.</summary>
    public static ReplanSettings Default { get; } = new();

    /// <summary>
    /// Published meetings that start before this instant keep their start and room exactly, and no other meeting may
    /// start before it; null when nothing is frozen.
    /// </summary>
    public Instant? FrozenUntil { get; init; }

    /// <summary>Weight lost for each published meeting whose start changes. Default 1.</summary>
    public decimal MoveCost { get; init; } = 1;

    /// <summary>Weight lost for each published meeting that keeps its start but changes room. Default 0.</summary>
    public decimal RoomChangeCost { get; init; }

    /// <summary>Weight lost for each published meeting left unscheduled, on top of its own weight. Default 1.</summary>
    public decimal DropCost { get; init; } = 1;

    /// <summary>True when <paramref name="cost"/> is a valid cost: 0 to <see cref="EventLimits.MaxWeight"/>, whole hundredths.</summary>
    public static bool IsValidCost(decimal cost) =>
        cost >= 0 && cost <= EventLimits.MaxWeight && decimal.Truncate(cost * 100) == cost * 100;

    /// <summary>A cost in whole hundredths of weight: what the solver's integer objective uses.</summary>
    internal static long Hundredths(decimal cost) => (long)(cost * 100);
}
