using System.Globalization;

namespace Scheduler.Engine.Files;

/// <summary>
/// Reads the text of a JSON number exactly, whatever its size: <c>3</c>, <c>3.0</c> and <c>3e0</c> are the whole
/// number 3; <c>2.5</c> and <c>1e-400</c> are not whole; <c>1e400</c> and <c>9223372036854775808</c> are whole
/// but beyond <see cref="long"/>. Going through <see cref="double"/> would round large values and lose the
/// difference between "not whole" and "too large".
/// </summary>
internal static class JsonNumbers
{
    /// <summary>What a number's text is.</summary>
    public enum Kind
    {
        /// <summary>A whole number within <see cref="long"/>.</summary>
        Whole,

        /// <summary>A number with a non-zero fractional part.</summary>
        Fraction,

        /// <summary>A whole number below <see cref="long.MinValue"/> or above <see cref="long.MaxValue"/>.</summary>
        BeyondLong,
    }

    /// <summary>Classifies <paramref name="text"/>, a number in JSON's grammar; <paramref name="value"/> is set for <see cref="Kind.Whole"/>.</summary>
    public static Kind Classify(string text, out long value)
    {
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value)) return Kind.Whole;
        value = 0;
        var i = 0;
        var negative = text.StartsWith('-');
        if (negative) i++;

        // The value is digits × 10^exponent, with the fraction's digits appended to the integer's.
        var digits = new System.Text.StringBuilder();
        long exponent = 0;
        while (i < text.Length && char.IsAsciiDigit(text[i])) digits.Append(text[i++]);
        if (i < text.Length && text[i] == '.')
        {
            for (i++; i < text.Length && char.IsAsciiDigit(text[i]); i++, exponent--) digits.Append(text[i]);
        }

        if (i < text.Length && text[i] is 'e' or 'E')
        {
            i++;
            var negativeExponent = i < text.Length && text[i] == '-';
            if (i < text.Length && text[i] is '+' or '-') i++;
            long written = 0;

            // An exponent beyond a billion says the same as a billion: far too large, or far from whole.
            for (; i < text.Length && char.IsAsciiDigit(text[i]); i++) written = Math.Min(1_000_000_000, written * 10 + (text[i] - '0'));
            exponent += negativeExponent ? -written : written;
        }

        var significant = digits.ToString().TrimStart('0');
        if (significant.Length == 0) return Kind.Whole;
        var trimmed = significant.TrimEnd('0');
        exponent += significant.Length - trimmed.Length;
        if (exponent < 0) return Kind.Fraction;
        if (trimmed.Length + exponent > 19) return Kind.BeyondLong;
        var magnitude = decimal.Parse(trimmed, CultureInfo.InvariantCulture);
        for (var e = 0; e < exponent; e++) magnitude *= 10;
        var signed = negative ? -magnitude : magnitude;
        if (signed < long.MinValue || signed > long.MaxValue) return Kind.BeyondLong;
        value = (long)signed;
        return Kind.Whole;
    }

    /// <summary>A number's text short enough for a message: a 400-digit number is shown by its start and length.</summary>
    public static string Shorten(string text) =>
        text.Length <= 24 ? text : $"{text[..16]}... ({text.Length.ToString(CultureInfo.InvariantCulture)} characters)";

    /// <summary>True when <paramref name="text"/> reads as a number, so a string holding one can be told to lose its quotes.</summary>
    public static bool LooksNumeric(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Any(char.IsAsciiDigit) && trimmed.All(c => char.IsAsciiDigit(c) || c is '+' or '-' or '.' or 'e' or 'E')
            && double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
    }
}
