using System.Collections.Immutable;
using Scheduler.Engine.Domain;

namespace Scheduler.Engine.Baselines;

/// <summary>What <see cref="FirstFit"/> placed.</summary>
/// <param name="Assignments">Placed meetings, ordered by start, then room id, then meeting id (ordinal).</param>
/// <param name="ScheduledWeight">The sum of the weights of the placed meetings.</param>
/// <param name="Unplaced">Ids of the meetings first fit could not place, in event order.</param>
internal sealed record FirstFitResult(
    ImmutableArray<Assignment> Assignments,
    long ScheduledWeight,
    ImmutableArray<string> Unplaced);
