namespace Scheduler.Engine.Solving.Search;

/// <summary>
/// How the engine sets CP-SAT for a model of a given size: the one place where the options, the model's size and the
/// clock become <see cref="CpSatSettings"/>.
/// </summary>
internal static class SettingsPolicy
{
    /// <summary>Up to this many options one worker searches: small models finish in moments, and reproducibly.</summary>
    public const int SingleWorkerOptions = 300;

    /// <summary>
    /// Above this many options CP-SAT runs without presolve: measured on the sample conference (41k options) and the
    /// trade fair (315k), presolve alone took 15-60 s on 2 cores and left no time to search.
    /// </summary>
    public const int NoPresolveOptions = 20_000;

    /// <summary>
    /// The settings of a search on a model of <paramref name="optionCount"/> options that may use
    /// <paramref name="share"/> of the budget left (at most <paramref name="atMost"/> seconds of the clock's unit).
    /// </summary>
    public static CpSatSettings For(SolveOptions options, SearchClock clock, int optionCount, double share = 1.0, double atMost = double.MaxValue)
    {
        var (wall, deterministic) = clock.Slice(share, atMost);
        int workers = optionCount <= SingleWorkerOptions ? 1 : options.Workers;
        return new CpSatSettings
        {
            Workers = workers,
            Seed = options.Seed,
            MaxSeconds = wall,
            MaxDeterministicSeconds = deterministic,
            Presolve = optionCount <= NoPresolveOptions,
            // Parallel workers race each other; interleaving them in fixed batches is CP-SAT's deterministic mode.
            InterleaveSearch = options.Deterministic && workers > 1,
            Log = options.SolverLog,
            Overrides = options.SolverParameters ?? "",
        };
    }

    /// <summary>Settings for completing a hint: one worker, a small slice of the budget, no log.</summary>
    public static CpSatSettings ForHintCompletion(SolveOptions options, SearchClock clock)
    {
        var (wall, deterministic) = clock.Slice(0.1, atMost: 5);
        return new CpSatSettings
        {
            Workers = 1,
            Seed = options.Seed,
            MaxSeconds = Math.Max(0.1, wall),
            MaxDeterministicSeconds = deterministic is double d ? Math.Max(0.1, d) : null,
            Overrides = options.SolverParameters ?? "",
        };
    }
}
