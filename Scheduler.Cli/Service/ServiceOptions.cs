namespace Scheduler.Cli.Service;

/// <summary>How <c>scheduler serve</c> runs: where it listens, how much work it accepts, and who may call it.</summary>
internal sealed record ServiceOptions
{
    /// <summary>The address the service listens on by default: loopback only, so nothing is exposed by accident.</summary>
    public const string DefaultUrls = "http://127.0.0.1:5180";

    /// <summary>Semicolon-separated <c>http://</c> URLs to listen on; port 0 picks a free port.</summary>
    public string Urls { get; init; } = DefaultUrls;

    /// <summary>The most jobs that may wait for a solver at once; one more is refused with 429. At least 1.</summary>
    public int MaxWaitingJobs { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// How many jobs solve at the same time; at least 1. One per core by default: each solve is CPU-bound, so more
    /// would only share the cores and make every job slower.
    /// </summary>
    public int Runners { get; init; } = Environment.ProcessorCount;

    /// <summary>How long a finished job (its schedule and progress) stays readable, in minutes; positive.</summary>
    public double KeepMinutes { get; init; } = 60;

    /// <summary>The largest request body accepted, in bytes; a larger one is refused with 413.</summary>
    public long MaxBodyBytes { get; init; } = 20L * 1024 * 1024;

    /// <summary>The key callers must send as <c>Authorization: Bearer KEY</c>, or null to accept every caller.</summary>
    public string? ApiKey { get; init; }

    /// <summary>The clock that dates jobs and drops old ones; tests replace it to age jobs without waiting.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>The listening URLs, one per entry.</summary>
    public IReadOnlyList<string> UrlList =>
        Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Throws when a value is outside its range; the command checks the user's values before this.</summary>
    public void Check()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxWaitingJobs, 1, nameof(MaxWaitingJobs));
        ArgumentOutOfRangeException.ThrowIfLessThan(Runners, 1, nameof(Runners));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(KeepMinutes, nameof(KeepMinutes));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxBodyBytes, nameof(MaxBodyBytes));
        ArgumentNullException.ThrowIfNull(Clock, nameof(Clock));
        if (UrlList.Count == 0) throw new ArgumentException("At least one URL is needed.", nameof(Urls));
        if (ApiKey is { Length: 0 }) throw new ArgumentException("An API key must not be empty.", nameof(ApiKey));
    }
}
