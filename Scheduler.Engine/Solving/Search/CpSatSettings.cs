using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace Scheduler.Engine.Solving.Search;

/// <summary>
/// Every CP-SAT parameter the engine sets, typed, and rendered to CP-SAT's text format in one place
/// (<see cref="Render"/>). Each search derives its settings from one base with <c>with</c>.
/// </summary>
internal sealed record CpSatSettings
{
    /// <summary>Search threads; at least 1.</summary>
    public required int Workers { get; init; }

    /// <summary>CP-SAT's random seed.</summary>
    public required int Seed { get; init; }

    /// <summary>Wall-clock limit of this search in seconds; positive.</summary>
    public required double MaxSeconds { get; init; }

    /// <summary>Limit in CP-SAT deterministic seconds; null for none (deterministic runs always set it).</summary>
    public double? MaxDeterministicSeconds { get; init; }

    /// <summary>Whether CP-SAT's presolve runs. Off for large models, where it alone used the whole limit.</summary>
    public bool Presolve { get; init; } = true;

    /// <summary>CP-SAT presolve's probing level (0: none; CP-SAT's default is 2); null for the default.</summary>
    public int? ProbingLevel { get; init; }

    /// <summary>Runs the parallel subsolvers in fixed batches so the result does not depend on thread timing.</summary>
    public bool InterleaveSearch { get; init; }

    /// <summary>How many full-problem subsolvers run; null for CP-SAT's choice.</summary>
    public int? FullSubsolvers { get; init; }

    /// <summary>The named subsolvers to run; empty for CP-SAT's default portfolio.</summary>
    public ImmutableArray<string> Subsolvers { get; init; } = ImmutableArray<string>.Empty;

    /// <summary>CP-SAT's linearization level (0: no LP, 1: default, 2: more); null for the default.</summary>
    public int? LinearizationLevel { get; init; }

    /// <summary>
    /// Whether a single-worker search minimises by cores (raising the lower bound from unsatisfiable subsets of the
    /// objective's literals, as MaxSAT solvers do) instead of by ever better solutions.
    /// </summary>
    public bool OptimizeWithCore { get; init; }

    /// <summary>Whether every hinted variable is fixed to its hinted value: how a hint on the choices is completed.</summary>
    public bool FixHintedVariables { get; init; }

    /// <summary>Whether CP-SAT prints its search log to standard output.</summary>
    public bool Log { get; init; }

    /// <summary>Raw parameters that override every setting above (experiments); empty for none.</summary>
    public string Overrides { get; init; } = "";

    /// <summary>The settings in CP-SAT's text format: each key once, the overrides last so they win.</summary>
    public string Render()
    {
        var text = new StringBuilder();
        void Add(string key, string value) => text.Append(key).Append(':').Append(value).Append(' ');
        Add("num_workers", Workers.ToString(CultureInfo.InvariantCulture));
        Add("random_seed", Seed.ToString(CultureInfo.InvariantCulture));
        Add("max_time_in_seconds", Math.Max(0.001, MaxSeconds).ToString("0.###", CultureInfo.InvariantCulture));
        if (MaxDeterministicSeconds is double det)
            Add("max_deterministic_time", Math.Max(0.001, det).ToString("0.###", CultureInfo.InvariantCulture));
        // The host program handles Ctrl-C; CP-SAT's own handler crashed the process.
        Add("catch_sigint_signal", "false");
        Add("log_search_progress", Log ? "true" : "false");
        if (!Presolve) Add("cp_model_presolve", "false");
        if (ProbingLevel is int probing) Add("cp_model_probing_level", probing.ToString(CultureInfo.InvariantCulture));
        if (InterleaveSearch) Add("interleave_search", "true");
        if (FullSubsolvers is int full) Add("num_full_subsolvers", full.ToString(CultureInfo.InvariantCulture));
        if (LinearizationLevel is int level) Add("linearization_level", level.ToString(CultureInfo.InvariantCulture));
        if (OptimizeWithCore) Add("optimize_with_core", "true");
        if (FixHintedVariables) Add("fix_variables_to_their_hinted_value", "true");
        foreach (var name in Subsolvers) Add("subsolvers", $"\"{name}\"");
        return ApplyOverrides(text.ToString().TrimEnd(), Overrides);
    }

    /// <summary>
    /// Replaces each key of <paramref name="overrides"/> in <paramref name="rendered"/>; a key repeated in the
    /// overrides (a repeated field such as <c>subsolvers</c>) replaces all of that key's values.
    /// </summary>
    internal static string ApplyOverrides(string rendered, string overrides)
    {
        var pairs = Split(overrides);
        if (pairs.Count == 0) return rendered;
        var keys = pairs.Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        var kept = Split(rendered).Where(p => !keys.Contains(p.Key));
        return string.Join(" ", kept.Concat(pairs).Select(p => $"{p.Key}:{p.Value}"));
    }

    private static List<(string Key, string Value)> Split(string text) =>
        text.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(pair => pair.IndexOf(':') > 0)
            .Select(pair => (pair[..pair.IndexOf(':')], pair[(pair.IndexOf(':') + 1)..]))
            .ToList();
}
