using System.CommandLine;
using NodaTime;
using Scheduler.Engine.Solving;

namespace Scheduler.Cli.Commands;

/// <summary>The options every solving command shares: <c>--time-limit</c>, <c>--seed</c>, <c>--workers</c>, <c>--deterministic</c>, <c>--safety-stop</c>.</summary>
internal sealed class SolveSettings
{
    /// <summary>Creates the options with their checks, so a bad value is a parse error (exit 2) before any work.</summary>
    public SolveSettings(double? defaultTimeLimitSeconds = null)
    {
        var defaultLimit = defaultTimeLimitSeconds ?? new SolveOptions().TimeLimit.TotalSeconds;
        TimeLimit = NumberOptions.Real(
            "--time-limit",
            $"Stop the search after this many seconds and keep the best schedule found [default: {defaultLimit:0.##}]",
            "SECONDS",
            min: 0,
            max: MaxTimeLimitSeconds,
            minExclusive: true);
        Seed = NumberOptions.Whole("--seed", "Random seed; the same input, seed and workers give the same schedule [default: 0]");
        Workers = NumberOptions.Whole("--workers", $"Search threads [default: all {Environment.ProcessorCount} cores]", min: 1, max: MaxWorkers);
        Deterministic = new Option<bool>("--deterministic")
        {
            Description = "Byte-identical schedules for the same event, seed and workers on any machine: the time limit "
                + "becomes a budget of solver work (deterministic seconds), with a wall-clock safety stop at twice the limit plus 30 s",
        };
        SafetyStop = NumberOptions.Real(
            "--safety-stop",
            "With --deterministic: the wall-clock seconds after which the search stops even though its work budget is not "
            + "spent [default: twice the time limit plus 30]. Raise it on a busy machine so the schedule stays reproducible",
            "SECONDS",
            min: 0,
            max: MaxSafetyStopSeconds,
            minExclusive: true);
        DefaultTimeLimit = Duration.FromSeconds(defaultLimit);
    }

    /// <summary>The longest time limit accepted, in seconds (one day); the service takes the same.</summary>
    public const double MaxTimeLimitSeconds = 86_400;

    /// <summary>The longest safety stop accepted, in seconds (a week); the service takes the same.</summary>
    public const double MaxSafetyStopSeconds = 7 * 86_400;

    /// <summary>The most search workers accepted; the service takes the same.</summary>
    public const int MaxWorkers = 256;

    /// <summary>
    /// Seconds as given by a user, rounded up to whole milliseconds, so the command line and the service turn the same
    /// text into the same budget (a deterministic schedule depends on it).
    /// </summary>
    public static Duration FromSeconds(double seconds) => Duration.FromMilliseconds((long)Math.Ceiling(seconds * 1000));

    /// <summary><c>--time-limit SECONDS</c>.</summary>
    public Option<double?> TimeLimit { get; }

    /// <summary><c>--seed N</c>.</summary>
    public Option<int?> Seed { get; }

    /// <summary><c>--workers N</c>.</summary>
    public Option<int?> Workers { get; }

    /// <summary><c>--deterministic</c>.</summary>
    public Option<bool> Deterministic { get; }

    /// <summary><c>--safety-stop SECONDS</c>: a deterministic run's wall-clock stop; an error without <c>--deterministic</c>.</summary>
    public Option<double?> SafetyStop { get; }

    private Duration DefaultTimeLimit { get; }

    /// <summary>CP-SAT parameters for experiments, from the environment ("key:value key:value").</summary>
    public const string SolverParametersVariable = "SCHEDULER_SOLVER_PARAMS";

    /// <summary>Set to 1 to see CP-SAT's search log on stdout.</summary>
    public const string SolverLogVariable = "SCHEDULER_SOLVER_LOG";

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(TimeLimit);
        command.Options.Add(Seed);
        command.Options.Add(Workers);
        command.Options.Add(Deterministic);
        command.Options.Add(SafetyStop);
        CommandChecks.Add(command, result =>
        {
            // A wall-clock run already stops at its limit; accepting the option there would suggest it does something.
            if (result.GetValue(SafetyStop) is not null && !result.GetValue(Deterministic))
                result.AddError("--safety-stop: only a --deterministic run has a safety stop; add --deterministic or drop --safety-stop.");
        });
    }

    /// <summary>The solve options the user asked for, defaults filled in.</summary>
    public SolveOptions Read(ParseResult parse)
    {
        var options = new SolveOptions
        {
            TimeLimit = DefaultTimeLimit,
            Deterministic = parse.GetValue(Deterministic),
            SolverParameters = Environment.GetEnvironmentVariable(SolverParametersVariable),
            SolverLog = Environment.GetEnvironmentVariable(SolverLogVariable) == "1",
        };
        if (parse.GetValue(TimeLimit) is { } seconds) options = options with { TimeLimit = FromSeconds(seconds) };
        if (parse.GetValue(Seed) is { } seed) options = options with { Seed = seed };
        if (parse.GetValue(Workers) is { } workers) options = options with { Workers = workers };
        if (parse.GetValue(SafetyStop) is { } stop) options = options with { SafetyLimit = FromSeconds(stop) };
        return options;
    }
}
