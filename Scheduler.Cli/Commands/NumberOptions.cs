using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Scheduler.Cli.Commands;

/// <summary>
/// Numeric options that convert and range-check in one step and say what is wrong in words. The parser's own
/// messages name CLR types ("System.Nullable`1[System.Int32]"), and a validator cannot read a value that
/// failed to convert, so both jobs live in the custom parser.
/// </summary>
internal static class NumberOptions
{
    /// <summary>An optional whole-number option accepting <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static Option<int?> Whole(string name, string description, int min = int.MinValue, int max = int.MaxValue) => new(name)
    {
        Description = description,
        HelpName = "N",
        CustomParser = result => ParseWhole(result, name, min, max),
    };

    /// <summary>An optional number option accepting <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static Option<double?> Real(string name, string description, string helpName, double min, double max, bool minExclusive) => new(name)
    {
        Description = description,
        HelpName = helpName,
        CustomParser = result => ParseReal(result, name, min, max, minExclusive),
    };

    private static int? ParseWhole(ArgumentResult result, string option, int min, int max)
    {
        var text = result.Tokens.Count == 0 ? "" : result.Tokens[0].Value;
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            return value;
        result.AddError(min == int.MinValue && max == int.MaxValue
            ? $"{option}: \"{text}\" is not a whole number."
            : max == int.MaxValue
                ? $"{option}: \"{text}\" is not a whole number of at least {min}."
                : $"{option}: \"{text}\" is not a whole number from {min} to {max}.");
        return null;
    }

    private static double? ParseReal(ArgumentResult result, string option, double min, double max, bool minExclusive)
    {
        var text = result.Tokens.Count == 0 ? "" : result.Tokens[0].Value;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            && (minExclusive ? value > min : value >= min) && value <= max)
            return value;
        var low = min.ToString(CultureInfo.InvariantCulture);
        var high = max.ToString(CultureInfo.InvariantCulture);
        result.AddError(minExclusive
            ? $"{option}: \"{text}\" is not a number more than {low} and at most {high}."
            : $"{option}: \"{text}\" is not a number from {low} to {high}.");
        return null;
    }
}
