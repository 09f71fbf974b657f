using System.Globalization;
using System.Text.Json;

namespace Scheduler.Engine.Files;

/// <summary>
/// Reads one JSON object field by field, reporting every problem with its path: a field the format does not
/// know (with the nearest known name as a hint), a field given twice, a missing required field, a wrong type.
/// </summary>
internal sealed class JsonObjectReader
{
    private readonly (string Name, JsonElement Value, JsonPath Path)[] fields;

    private JsonObjectReader(JsonPath path, ProblemList problems, (string, JsonElement, JsonPath)[] fields)
    {
        Path = path;
        Problems = problems;
        this.fields = fields;
    }

    /// <summary>Where the object is.</summary>
    public JsonPath Path { get; }

    /// <summary>Where problems go.</summary>
    public ProblemList Problems { get; }

    /// <summary>
    /// Opens <paramref name="element"/> as an object with the given known fields; null (with a problem reported)
    /// when it is not an object. Unknown and repeated fields are reported here, in the order they appear.
    /// </summary>
    public static JsonObjectReader? Open(JsonElement element, JsonPath path, ProblemList problems, IReadOnlyList<string> known)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            problems.Add(path, $"expected an object, found {JsonValues.Describe(element)}");
            return null;
        }

        var list = new List<(string, JsonElement, JsonPath)>(known.Count);
        var ordinal = 0;
        foreach (var property in element.EnumerateObject())
        {
            var fieldPath = path.Field(property.Name, ordinal++);
            if (!known.Contains(property.Name, StringComparer.Ordinal))
            {
                var hint = NearNames.Closest(property.Name, known);
                problems.Add(fieldPath, hint is null
                    ? $"unknown field \"{property.Name}\""
                    : $"unknown field \"{property.Name}\" (did you mean \"{hint}\"?)");
                continue;
            }

            if (list.Exists(f => f.Item1 == property.Name))
            {
                problems.Add(fieldPath, $"field \"{property.Name}\" is given twice");
                continue;
            }

            list.Add((property.Name, property.Value, fieldPath));
        }

        return new JsonObjectReader(path, problems, list.ToArray());
    }

    /// <summary>The field's value and path, or false when absent; reports a missing required field.</summary>
    public bool TryGet(string name, bool required, out JsonElement value, out JsonPath path)
    {
        foreach (var field in fields)
        {
            if (field.Name == name)
            {
                value = field.Value;
                path = field.Path;
                return true;
            }
        }

        if (required) Problems.Add(Path, $"missing required field \"{name}\"");
        value = default;
        path = Path;
        return false;
    }

    /// <summary>True when the field is present.</summary>
    public bool Has(string name) => fields.Any(f => f.Name == name);

    /// <summary>A string field; null when absent or not a string (reported).</summary>
    public string? String(string name, bool required) =>
        TryGet(name, required, out var value, out var path) ? JsonValues.String(value, path, Problems) : null;

    /// <summary>An id field: a non-empty string.</summary>
    public string? Id(string name = "id")
    {
        if (!TryGet(name, true, out var value, out var path)) return null;
        var id = JsonValues.String(value, path, Problems);
        if (id is not null && id.Length == 0)
        {
            Problems.Add(path, IdRegistry.EmptyId);
            return null;
        }

        return id;
    }

    /// <summary>A whole-number field within [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public int? Int(string name, bool required, int min, int max) =>
        TryGet(name, required, out var value, out var path)
            ? (int?)JsonValues.WholeNumber(value, path, Problems, min, max)
            : null;

    /// <summary>A whole-number field within [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public long? Long(string name, bool required, long min, long max) =>
        TryGet(name, required, out var value, out var path)
            ? JsonValues.WholeNumber(value, path, Problems, min, max)
            : null;

    /// <summary>A true/false field.</summary>
    public bool? Bool(string name, bool required)
    {
        if (!TryGet(name, required, out var value, out var path)) return null;
        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False) return value.GetBoolean();
        Problems.Add(path, $"expected true or false, found {JsonValues.Describe(value)}");
        return null;
    }

    /// <summary>An array field read item by item; absent gives an empty list, a non-array null (reported).</summary>
    public List<T>? Array<T>(string name, bool required, Func<JsonElement, JsonPath, T?> readItem)
        where T : class
    {
        if (!TryGet(name, required, out var value, out var path)) return required ? null : [];
        return JsonValues.Array(value, path, Problems, readItem);
    }

    /// <summary>An array field of value types; as <see cref="Array{T}"/>.</summary>
    public List<T>? Values<T>(string name, bool required, Func<JsonElement, JsonPath, T?> readItem)
        where T : struct
    {
        if (!TryGet(name, required, out var value, out var path)) return required ? null : [];
        return JsonValues.Array<Box<T>>(value, path, Problems, (e, p) => readItem(e, p) is { } v ? new Box<T>(v) : null)
            ?.ConvertAll(b => b.Value);
    }

    private sealed record Box<T>(T Value);

    /// <summary>An object field; null when absent or not an object (reported).</summary>
    public JsonObjectReader? Object(string name, bool required, IReadOnlyList<string> known) =>
        TryGet(name, required, out var value, out var path) ? Open(value, path, Problems, known) : null;
}

/// <summary>Typed reads of single JSON values, each reporting a wrong type or an impossible value at its path.</summary>
internal static class JsonValues
{
    /// <summary>What a value is, for messages: "a number", "null", ...</summary>
    public static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => $"the string \"{value.GetString()}\"",
        JsonValueKind.Number => $"the number {value.GetRawText()}",
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => "null",
    };

    public static string? String(JsonElement value, JsonPath path, ProblemList problems)
    {
        if (value.ValueKind == JsonValueKind.String) return value.GetString()!;
        problems.Add(path, $"expected a string, found {Describe(value)}");
        return null;
    }

    /// <summary>
    /// A whole number in [<paramref name="min"/>, <paramref name="max"/>]; <c>15.0</c> and <c>1.5e1</c> count as whole.
    /// A number in a string, a fraction, and a number of any size outside the range are each reported.
    /// </summary>
    public static long? WholeNumber(JsonElement value, JsonPath path, ProblemList problems, long min, long max)
    {
        if (value.ValueKind != JsonValueKind.Number)
        {
            var quoted = value.ValueKind == JsonValueKind.String && JsonNumbers.LooksNumeric(value.GetString()!);
            problems.Add(path, $"expected a whole number, found {Describe(value)}{(quoted ? " (write numbers without quotes)" : "")}");
            return null;
        }

        var text = value.GetRawText();
        var kind = JsonNumbers.Classify(text, out var number);
        if (kind == JsonNumbers.Kind.Fraction)
        {
            problems.Add(path, $"expected a whole number, found {JsonNumbers.Shorten(text)}");
            return null;
        }

        if (kind == JsonNumbers.Kind.BeyondLong || number < min || number > max)
        {
            problems.Add(path, EventRules.OutOfRange(min, max, JsonNumbers.Shorten(text)));
            return null;
        }

        return number;
    }

    /// <summary>Checks <c>schemaVersion</c>: this engine reads version 1 only.</summary>
    public static void SchemaVersion(JsonElement value, JsonPath path, ProblemList problems)
    {
        if (value.ValueKind != JsonValueKind.Number)
        {
            problems.Add(path, $"expected a whole number, found {Describe(value)}");
            return;
        }

        var text = value.GetRawText();
        if (JsonNumbers.Classify(text, out var version) != JsonNumbers.Kind.Whole || version != 1)
        {
            problems.Add(path, $"schemaVersion {JsonNumbers.Shorten(text)} is not supported; this engine reads version 1");
        }
    }

    /// <summary>An array read item by item; items that fail to read are left out (their problems are reported).</summary>
    public static List<T>? Array<T>(JsonElement value, JsonPath path, ProblemList problems, Func<JsonElement, JsonPath, T?> readItem)
        where T : class
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            problems.Add(path, $"expected an array, found {Describe(value)}");
            return null;
        }

        var list = new List<T>(value.GetArrayLength());
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            var read = readItem(item, path.Item(index++));
            if (read is not null) list.Add(read);
        }

        return list;
    }
}

/// <summary>Finds the known name a mistyped one was probably meant to be.</summary>
internal static class NearNames
{
    /// <summary>The closest of <paramref name="candidates"/> to <paramref name="name"/>, or null when none is near.</summary>
    public static string? Closest(string name, IEnumerable<string> candidates)
    {
        var folded = Fold(name);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Fold(candidate) == folded ? 0 : Distance(name, candidate);
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        var allowed = Math.Max(1, Math.Min(3, name.Length / 3));
        return bestDistance <= allowed ? best : null;
    }

    private static string Fold(string s) =>
        new(s.Where(c => c != '_' && c != '-' && c != ' ').Select(char.ToLowerInvariant).ToArray());

    /// <summary>Levenshtein distance (edits: insert, delete, substitute).</summary>
    internal static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
