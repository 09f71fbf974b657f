using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using NodaTime;
using Scheduler.Engine.Solving;

namespace Scheduler.Cli.Commands;

/// <summary>The options every solving command shares: <c>--time-limit</c>, <c>--seed</c>, <c>--workers</c>.</summary>
internal sealed class SolveSettings
{
    /// <summary>Creates the options with their checks, so a bad value is a parse error (exit 2) before any work.</summary>
    public SolveSettings(double? defaultTimeLimitSeconds = null)
    {
        var defaultLimit = defaultTimeLimitSeconds ?? new SolveOptions().TimeLimit.TotalSeconds;
        TimeLimit = new Option<double?>("--time-limit")
        {
            Description = $"Stop the search after this many seconds and keep the best schedule found [default: {defaultLimit:0.##}]",
            HelpName = "SECONDS",
            CustomParser = ParseTimeLimit,
        };
        Seed = new Option<int?>("--seed")
        {
            Description = "Random seed; the same input, seed and workers give the same schedule [default: 0]",
            HelpName = "N",
            CustomParser = result => ParseWhole(result, "--seed", int.MinValue, int.MaxValue),
        };
        Workers = new Option<int?>("--workers")
        {
            Description = $"Search threads [default: all {Environment.ProcessorCount} cores]",
            HelpName = "N",
            CustomParser = result => ParseWhole(result, "--workers", 1, 256),
        };
        DefaultTimeLimit = Duration.FromSeconds(defaultLimit);
    }

    /// <summary><c>--time-limit SECONDS</c>.</summary>
    public Option<double?> TimeLimit { get; }

    /// <summary><c>--seed N</c>.</summary>
    public Option<int?> Seed { get; }

    /// <summary><c>--workers N</c>.</summary>
    public Option<int?> Workers { get; }

    private Duration DefaultTimeLimit { get; }

    // The parser's own messages name CLR types ("System.Nullable`1[System.Int32]"), and a validator cannot read a
    // value that failed to convert: the custom parsers both convert and check ranges, in words.
    private static int? ParseWhole(ArgumentResult result, string option, int min, int max)
    {
        var text = result.Tokens.Count == 0 ? "" : result.Tokens[0].Value;
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            return value;
        result.AddError(min == int.MinValue
            ? $"{option}: \"{text}\" is not a whole number."
            : $"{option}: \"{text}\" is not a whole number from {min} to {max}.");
        return null;
    }

    private static double? ParseTimeLimit(ArgumentResult result)
    {
        var text = result.Tokens.Count == 0 ? "" : result.Tokens[0].Value;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0 && seconds <= 86_400)
            return seconds;
        result.AddError($"--time-limit: \"{text}\" is not a positive number of seconds (at most 86400).");
        return null;
    }

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(TimeLimit);
        command.Options.Add(Seed);
        command.Options.Add(Workers);
    }

    /// <summary>The solve options the user asked for, defaults filled in.</summary>
    public SolveOptions Read(ParseResult parse)
    {
        var options = new SolveOptions { TimeLimit = DefaultTimeLimit };
        if (parse.GetValue(TimeLimit) is { } seconds) options = options with { TimeLimit = Duration.FromMilliseconds((long)Math.Ceiling(seconds * 1000)) };
        if (parse.GetValue(Seed) is { } seed) options = options with { Seed = seed };
        if (parse.GetValue(Workers) is { } workers) options = options with { Workers = workers };
        return options;
    }
}
