using System.Text.Json;

namespace Scheduler.Engine.Files;

/// <summary>
/// Finds a string or field name whose <c>\u</c> escapes leave half of a surrogate pair (<c>"\ud800"</c>). JSON's
/// grammar allows it, but it is no text: reading it would throw deep inside the reader, so it is reported first.
/// </summary>
internal static class JsonEscapes
{
    /// <summary>The first such string as a problem at its path, or null when there is none.</summary>
    /// <param name="utf8">A document that parses as JSON.</param>
    /// <param name="maxDepth">The nesting the document was parsed with.</param>
    public static InputProblem? FindUnpairedSurrogate(ReadOnlySpan<byte> utf8, int maxDepth)
    {
        // Only a \u escape can name a surrogate; most files have none, and then the walk is skipped.
        if (utf8.IndexOf("\\u"u8) < 0) return null;
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = maxDepth });
        var open = new Stack<Container>();
        JsonPath? field = null;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    var top = open.Peek();
                    if (!Readable(ref reader))
                    {
                        return new InputProblem(top.Path.ToString(), "a field name has a \\u escape that is half of a surrogate pair; text must be valid Unicode");
                    }

                    field = top.Path.Field(reader.GetString()!, top.Count++);
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    open.Pop();
                    break;
                default:
                    var path = open.Count == 0 ? JsonPath.Root : open.Peek().IsArray ? open.Peek().Path.Item(open.Peek().Count++) : field!;
                    if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                    {
                        open.Push(new Container(path, reader.TokenType == JsonTokenType.StartArray));
                    }
                    else if (reader.TokenType == JsonTokenType.String && !Readable(ref reader))
                    {
                        return new InputProblem(path.ToString(), "the text has a \\u escape that is half of a surrogate pair; text must be valid Unicode");
                    }

                    break;
            }
        }

        return null;
    }

    private static bool Readable(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped) return true;
        try
        {
            reader.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private sealed class Container(JsonPath path, bool isArray)
    {
        public JsonPath Path { get; } = path;

        public bool IsArray { get; } = isArray;

        public int Count { get; set; }
    }
}
