using Scheduler.Engine.Solving.Search;

namespace Scheduler.Engine.Solving.Phases;

/// <summary>What every phase of one solve shares: the caller's options, the budget and the progress board.</summary>
/// <param name="Options">The caller's options.</param>
/// <param name="Clock">The solve's budget.</param>
/// <param name="Board">Best values so far, reported to the caller.</param>
internal sealed record SolveContext(SolveOptions Options, SearchClock Clock, ProgressBoard Board)
{
    /// <summary>Settings for a CP-SAT search on <paramref name="sm"/> using <paramref name="share"/> of the budget left.</summary>
    public CpSatSettings Settings(SchedulingModel sm, double share = 1.0) => SettingsPolicy.For(Options, Clock, sm.OptionCount, share);

    /// <summary>Hints <paramref name="placements"/> in <paramref name="target"/>, a fork of <paramref name="sm"/>.</summary>
    public void Hint(Google.OrTools.Sat.CpModel target, SchedulingModel sm, IReadOnlyCollection<Placement> placements) =>
        Hints.Apply(target, sm, placements, SettingsPolicy.ForHintCompletion(Options, Clock), Clock);
}

/// <summary>What a phase hands on: the best placements it holds and what it proved.</summary>
/// <param name="Placements">The best placements, or null when the phase found none.</param>
/// <param name="Proven">True when the phase proved its objective optimal (or, without placements, proved there are none).</param>
/// <param name="Bound">The phase's proven bound on its objective (weight: upper; idle gaps: lower); NaN when unknown.</param>
internal sealed record PhaseOutcome(IReadOnlyList<Placement>? Placements, bool Proven, double Bound)
{
    /// <summary>Nothing found and nothing proven (no budget left, or the search stopped first).</summary>
    public static PhaseOutcome Nothing { get; } = new(null, false, double.NaN);

    /// <summary>Proven: no placements keep every hard rule.</summary>
    public static PhaseOutcome Infeasible { get; } = new(null, true, double.NaN);

    /// <summary>True when this is a proof that no schedule exists.</summary>
    public bool IsInfeasible => Placements is null && Proven;
}
