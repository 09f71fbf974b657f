using Scheduler.Engine.Domain;

namespace Scheduler.Engine.Solving;

/// <summary>What a solve decided, before it becomes a schedule: the one record <see cref="SolveResultAssembly"/> reads.</summary>
/// <param name="Status">The schedule's status.</param>
/// <param name="Placements">The meetings placed (start slot and pool); empty when none.</param>
/// <param name="WeightBound">A proven upper bound on the scheduled weight.</param>
/// <param name="IdleGapsBound">A proven lower bound on the idle gaps at this weight, or null.</param>
/// <param name="Proven">True when the search proved everything it reports optimal (weight, and gaps when minimised).</param>
/// <param name="BaselineWeight">The first-fit baseline's weight.</param>
/// <param name="ModelBuild">Time spent building the grid, the candidates and the model.</param>
/// <param name="Conflicts">When the required meetings cannot all be placed: minimal sets of them that cannot hold together.</param>
internal sealed record SolveSummary(
    ScheduleStatus Status,
    IReadOnlyList<Placement> Placements,
    long WeightBound,
    int? IdleGapsBound,
    bool Proven,
    long BaselineWeight,
    NodaTime.Duration ModelBuild,
    System.Collections.Immutable.ImmutableArray<Conflict> Conflicts = default)
{
    /// <summary>A replan's proven upper bound on its objective, in hundredths of weight; null for a fresh solve.</summary>
    public long? ObjectiveBound { get; init; }
}
