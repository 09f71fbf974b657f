using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Scheduler.Engine.Files;

/// <summary>Opening a JSON text or file with a problem for malformed JSON, and the writer settings every file uses.</summary>
internal static class JsonDocuments
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Parses <paramref name="json"/> and reads its root. Text that is not valid Unicode (half of a surrogate pair,
    /// as a character or as a <c>\u</c> escape) and malformed JSON each give a problem saying where, never an exception.
    /// </summary>
    public static ReadResult<T> Read<T>(string json, Func<JsonElement, ReadResult<T>> readRoot) where T : class
    {
        ArgumentNullException.ThrowIfNull(json);

        // Editors on Windows may save a byte-order mark; it is not part of the JSON.
        var text = json.AsSpan().TrimStart('\uFEFF');
        byte[] utf8;
        try
        {
            utf8 = new byte[StrictUtf8.GetByteCount(text)];
            StrictUtf8.GetBytes(text, utf8);
        }
        catch (EncoderFallbackException e)
        {
            return Failure<T>(string.Create(CultureInfo.InvariantCulture,
                $"the text is not valid Unicode at character {e.Index}: half of a surrogate pair"));
        }

        return ReadUtf8(utf8, readRoot);
    }

    /// <summary>
    /// Reads the file at <paramref name="path"/>: a file that cannot be read, or whose bytes are not UTF-8, gives one
    /// problem at <c>$</c> (naming the file, or the first bad byte's offset).
    /// </summary>
    public static ReadResult<T> Load<T>(string path, Func<JsonElement, ReadResult<T>> readRoot) where T : class
    {
        ArgumentNullException.ThrowIfNull(path);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
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
            return Failure<T>($"cannot read {path}: {reason}");
        }

        // Decoding with replacement would turn a bad byte inside an id into U+FFFD and silently change the id.
        var bad = InvalidUtf8Offset(bytes);
        if (bad >= 0) return Failure<T>(DescribeInvalidUtf8(bytes, bad));
        var start = bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        return ReadUtf8(bytes.AsMemory(start), readRoot);
    }

    private static ReadResult<T> ReadUtf8<T>(ReadOnlyMemory<byte> utf8, Func<JsonElement, ReadResult<T>> readRoot) where T : class
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8, new JsonDocumentOptions { MaxDepth = MaxDepth });
        }
        catch (JsonException e)
        {
            var line = (e.LineNumber ?? 0) + 1;
            var column = (e.BytePositionInLine ?? 0) + 1;
            var reason = e.Message;
            var cut = reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
            if (cut >= 0) reason = reason[..cut];
            return Failure<T>(string.Create(CultureInfo.InvariantCulture,
                $"malformed JSON at line {line}, column {column}: {reason.Trim()}"));
        }

        using (document)
        {
            var broken = JsonEscapes.FindUnpairedSurrogate(utf8.Span, MaxDepth);
            return broken is null ? readRoot(document.RootElement) : ReadResult<T>.Failure([broken]);
        }
    }

    private const int MaxDepth = 64;

    private static ReadResult<T> Failure<T>(string message) where T : class =>
        ReadResult<T>.Failure([new InputProblem("$", message)]);

    /// <summary>The offset of the first byte that is not part of valid UTF-8, or -1 when all are.</summary>
    internal static int InvalidUtf8Offset(ReadOnlySpan<byte> bytes)
    {
        if (System.Text.Unicode.Utf8.IsValid(bytes)) return -1;
        var offset = 0;
        while (offset < bytes.Length)
        {
            if (Rune.DecodeFromUtf8(bytes[offset..], out _, out var consumed) != System.Buffers.OperationStatus.Done) return offset;
            offset += consumed;
        }

        return -1;
    }

    private static string DescribeInvalidUtf8(byte[] bytes, int offset)
    {
        if (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return "the file is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8";
        }

        var before = bytes.AsSpan(0, offset);
        var line = before.Count((byte)'\n') + 1;
        var column = offset - (before.LastIndexOf((byte)'\n') + 1) + 1;
        return string.Create(CultureInfo.InvariantCulture,
            $"not valid UTF-8 at byte {offset} (line {line}, column {column}, byte 0x{bytes[offset]:X2}); save the file as UTF-8");
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
