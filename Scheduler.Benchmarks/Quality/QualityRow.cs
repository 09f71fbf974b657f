using System.Globalization;

namespace Scheduler.Benchmarks.Quality;

/// <summary>One line of the quality benchmark: how one event was solved. Null figures were not available.</summary>
/// <param name="Instance">The event file's name without <c>.json</c> (or the generated event's label).</param>
/// <param name="Meetings">Meeting requests in the event.</param>
/// <param name="Status">The schedule's status (<c>optimal</c>, ...), or <c>error</c> when the solve threw.</param>
/// <param name="Weight">Scheduled weight.</param>
/// <param name="WeightBound">Proven upper bound on the weight.</param>
/// <param name="IdleGaps">Total idle gaps of the schedule.</param>
/// <param name="IdleGapsBound">Proven lower bound on idle gaps at that weight.</param>
/// <param name="ExpectedIdleGaps">The known optimum from <c>expected.tsv</c>.</param>
/// <param name="PaperSeconds">The published MaxSAT time from <c>expected.tsv</c>.</param>
/// <param name="FirstFitWeight">Weight of the first-fit baseline.</param>
/// <param name="FirstSeconds">Seconds to the first valid schedule, as the solver reports.</param>
/// <param name="ProofSeconds">Seconds to the proof of optimality or infeasibility, as the solver reports.</param>
/// <param name="TotalSeconds">Wall-clock seconds of the whole <c>Solve</c> call (model building included).</param>
/// <param name="PeakBytes">The largest resident set sampled during the solve.</param>
/// <param name="Valid"><c>yes</c>, or <c>no (rules...)</c> naming the broken rules the validator found.</param>
internal sealed record QualityRow(
    string Instance,
    int Meetings,
    string Status,
    long? Weight,
    long? WeightBound,
    int? IdleGaps,
    int? IdleGapsBound,
    int? ExpectedIdleGaps,
    double? PaperSeconds,
    long? FirstFitWeight,
    double? FirstSeconds,
    double? ProofSeconds,
    double TotalSeconds,
    long PeakBytes,
    string Valid)
{
    /// <summary>How far the weight is below its bound, in percent of the bound; null without a positive bound.</summary>
    public double? GapPercent => Weight is { } w && WeightBound is { } b && b > 0 ? 100.0 * (b - w) / b : null;

    /// <summary>
    /// Against the expected optimum: <c>yes</c> when the idle gaps equal it and the bound proves it,
    /// <c>unproven</c> when they equal it without proof, <c>no</c> otherwise; empty when nothing is expected.
    /// </summary>
    public string Match => ExpectedIdleGaps is not { } e ? ""
        : IdleGaps == e && IdleGapsBound == e ? "yes"
        : IdleGaps == e ? "unproven"
        : "no";

    public static readonly string[] Header =
    [
        "instance", "meetings", "status", "weight", "weight bound", "gap %", "idle gaps", "idle-gaps bound",
        "expected", "match", "first-fit weight", "first s", "proof s", "total s", "paper MaxSAT s", "peak MB", "valid",
    ];

    public string[] Cells() =>
    [
        Instance, Int(Meetings), Status, Int(Weight), Int(WeightBound), Fixed(GapPercent, "F2"), Int(IdleGaps),
        Int(IdleGapsBound), Int(ExpectedIdleGaps), Match, Int(FirstFitWeight), Fixed(FirstSeconds, "F2"),
        Fixed(ProofSeconds, "F2"), Fixed(TotalSeconds, "F2"), Fixed(PaperSeconds, "F1"),
        Int(PeakBytes / (1024 * 1024)), Valid,
    ];

    private static string Int(long? v) => v?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static string Fixed(double? v, string format) => v?.ToString(format, CultureInfo.InvariantCulture) ?? "";
}
