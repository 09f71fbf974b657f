using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Scheduler.Engine.Files;

/// <summary>Opening a JSON text or file with a problem for malformed JSON, and the writer settings every file uses.</summary>
internal static class JsonDocuments
{
    /// <summary>Parses <paramref name="json"/> and reads its root; malformed JSON gives one problem at <c>$</c> with line and column.</summary>
    public static ReadResult<T> Read<T>(string json, Func<JsonElement, ReadResult<T>> readRoot) where T : class
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            // Editors on Windows may save a byte-order mark; it is not part of the JSON.
            document = JsonDocument.Parse(json.AsMemory().TrimStart('\uFEFF'), new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            var line = (e.LineNumber ?? 0) + 1;
            var column = (e.BytePositionInLine ?? 0) + 1;
            var reason = e.Message;
            var cut = reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
            if (cut >= 0) reason = reason[..cut];
            return ReadResult<T>.Failure([new InputProblem("$", string.Create(CultureInfo.InvariantCulture,
                $"malformed JSON at line {line}, column {column}: {reason.Trim()}"))]);
        }

        using (document) return readRoot(document.RootElement);
    }

    /// <summary>Reads the file at <paramref name="path"/>; a file that cannot be read gives one problem at <c>$</c> naming it.</summary>
    public static ReadResult<T> Load<T>(string path, Func<string, ReadResult<T>> parse) where T : class
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            var reason = e switch
            {
                FileNotFoundException => "the file does not exist",
                DirectoryNotFoundException => "the folder does not exist",
                UnauthorizedAccessException => "permission denied",
                _ => e.Message,
            };
            return ReadResult<T>.Failure([new InputProblem("$", $"cannot read {path}: {reason}")]);
        }

        return parse(text);
    }

    /// <summary>Writes a document with two-space indents, <c>\n</c> line ends and a trailing newline.</summary>
    public static string Write(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions
        {
            Indented = true,
            NewLine = "\n",
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }
}
