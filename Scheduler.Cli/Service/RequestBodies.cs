using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Scheduler.Engine.Domain;
using Scheduler.Engine.Files;
using Scheduler.Engine.Solving;

namespace Scheduler.Cli.Service;

/// <summary>A request body as named parts: <c>event</c>, <c>previous</c>, <c>schedule</c>, or the whole body.</summary>
/// <param name="Parts">Each part's text by name; a JSON body is the single part <c>$</c>.</param>
/// <param name="TooLarge">True when the body is over the size limit (then nothing was read).</param>
/// <param name="Problems">Problems with the body's framing (a malformed multipart body), by path.</param>
internal sealed record RequestBody(IReadOnlyDictionary<string, string> Parts, bool TooLarge, ImmutableArray<InputProblem> Problems)
{
    /// <summary>The name of the single part of a JSON body.</summary>
    public const string Whole = "$";
}

/// <summary>The event of a solve request, or every problem found reading it.</summary>
/// <param name="Event">The event, or null when there are problems.</param>
/// <param name="Problems">Every problem, each with its path in the request.</param>
internal sealed record SolveBody(Event? Event, ImmutableArray<InputProblem> Problems)
{
    /// <summary>The published schedule to replan from, checked against <see cref="Event"/>; null for a fresh solve.</summary>
    public PublishedSchedule? Previous { get; init; }
}

/// <summary>
/// Reads request bodies with the size limit, and the documents in them with the command line's readers, so a
/// problem has the same words as on the command line; only the path gains the part's name (<c>event.rooms[0]</c>)
/// when the body wraps documents in an object.
/// </summary>
internal static class RequestBodies
{
    /// <summary>Reads the body: a JSON text, or a <c>multipart/form-data</c> form whose parts are files or fields.</summary>
    public static async Task<RequestBody> Read(HttpRequest request, long limit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var empty = new Dictionary<string, string>();
        if (request.ContentLength > limit) return await TooLarge(request, ct).ConfigureAwait(false);
        try
        {
            // Kestrel's own limit is twice this one (ServiceApp), so an oversized body is read to its end here and
            // answered 413 on an intact connection; stopping at the limit made the server close the connection
            // while the client was still sending, which the client saw as a broken pipe, not as the 413.
            var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await request.Body.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > limit) return await TooLarge(request, ct).ConfigureAwait(false);
            }
            buffer.Position = 0;
            if (request.HasFormContentType)
            {
                request.Body = buffer;
                var form = await request.ReadFormAsync(ct).ConfigureAwait(false);
                var parts = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var file in form.Files)
                {
                    using var reader = new StreamReader(file.OpenReadStream(), Encoding.UTF8);
                    parts[file.Name] = await reader.ReadToEndAsync(ct).ConfigureAwait(false);
                }

                foreach (var (name, value) in form) parts.TryAdd(name, value.ToString());
                return new RequestBody(parts, false, []);
            }

            using var textReader = new StreamReader(buffer, Encoding.UTF8);
            var text = await textReader.ReadToEndAsync(ct).ConfigureAwait(false);
            return new RequestBody(new Dictionary<string, string> { [RequestBody.Whole] = text }, false, []);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return new RequestBody(empty, true, []);
        }
        catch (InvalidDataException e)
        {
            return new RequestBody(empty, false, [new InputProblem("$", $"malformed multipart body: {e.Message}")]);
        }
    }

    /// <summary>Reads and drops the rest of an oversized body (up to Kestrel's hard limit) so the 413 reaches the client.</summary>
    private static async Task<RequestBody> TooLarge(HttpRequest request, CancellationToken ct)
    {
        var sink = new byte[81920];
        try
        {
            while (await request.Body.ReadAsync(sink, ct).ConfigureAwait(false) > 0)
            {
            }
        }
        catch (BadHttpRequestException)
        {
            // Past the hard limit too: the connection closes after the 413.
        }
        return new RequestBody(new Dictionary<string, string>(), true, []);
    }

    /// <summary>
    /// The event of a solve request: the whole JSON body as an event file, <c>{ "event": ..., "previous": ... }</c>,
    /// or the form parts <c>event</c> and <c>previous</c>. A previous schedule is read and checked against the event
    /// (see <see cref="Replanning"/>).
    /// </summary>
    public static SolveBody ReadSolve(RequestBody body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var problems = new List<InputProblem>(body.Problems);
        ReadResult<Event>? read = null;
        string? previousText = null;
        var prefix = "";
        if (body.Parts.TryGetValue(RequestBody.Whole, out var text))
        {
            var wrapped = Wrapped(text, ["event", "previous"], problems);
            if (wrapped is null) read = EventFile.Parse(text);
            else
            {
                if (wrapped.TryGetValue("previous", out var previous) && previous.ValueKind != JsonValueKind.Null)
                    previousText = previous.GetRawText();
                if (wrapped.TryGetValue("event", out var ev))
                {
                    read = EventFile.Parse(ev.GetRawText());
                    prefix = "event";
                }
                else problems.Add(new InputProblem("$", "missing required field \"event\""));
            }
        }
        else if (problems.Count == 0)
        {
            if (body.Parts.TryGetValue("previous", out var previousPart)) previousText = previousPart;
            if (body.Parts.TryGetValue("event", out var eventText))
            {
                read = EventFile.Parse(eventText);
                prefix = "event";
            }
            else problems.Add(new InputProblem("$", "missing the form part \"event\" (the event file)"));
        }

        if (read is not null) problems.AddRange(read.Problems.Select(p => Prefixed(prefix, p)));
        var published = previousText is null ? null : Replanning.Read(previousText, read?.Value, problems);
        return new SolveBody(problems.Count == 0 ? read!.Value : null, [.. problems]) { Previous = problems.Count == 0 ? published : null };
    }

    /// <summary>The event and schedule of a validate request, <c>{ "event": ..., "schedule": ... }</c>, or every problem with both.</summary>
    public static (Event? Event, Schedule? Schedule, ImmutableArray<InputProblem> Problems) ReadValidate(RequestBody body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var problems = new List<InputProblem>(body.Problems);
        string? eventText = null, scheduleText = null;
        if (body.Parts.TryGetValue(RequestBody.Whole, out var text))
        {
            var wrapped = Wrapped(text, ["event", "schedule"], problems, requireWrapper: true);
            if (wrapped is not null)
            {
                eventText = wrapped.TryGetValue("event", out var e) ? e.GetRawText() : null;
                scheduleText = wrapped.TryGetValue("schedule", out var s) ? s.GetRawText() : null;
            }
        }
        else
        {
            eventText = body.Parts.GetValueOrDefault("event");
            scheduleText = body.Parts.GetValueOrDefault("schedule");
        }

        if (problems.Count > 0) return (null, null, [.. problems]);
        if (eventText is null) problems.Add(new InputProblem("$", "missing required field \"event\""));
        if (scheduleText is null) problems.Add(new InputProblem("$", "missing required field \"schedule\""));
        var ev = eventText is null ? null : EventFile.Parse(eventText);
        var schedule = scheduleText is null ? null : ScheduleFile.Parse(scheduleText);
        if (ev is not null) problems.AddRange(ev.Problems.Select(p => Prefixed("event", p)));
        if (schedule is not null) problems.AddRange(schedule.Problems.Select(p => Prefixed("schedule", p)));
        return problems.Count > 0 ? (null, null, [.. problems]) : (ev!.Value, schedule!.Value, []);
    }

    /// <summary>The event of a check request (the whole body is an event file), with every problem.</summary>
    public static ReadResult<Event> ReadCheck(RequestBody body)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!body.Problems.IsEmpty) return ReadResult<Event>.Failure(body.Problems);
        if (body.Parts.TryGetValue(RequestBody.Whole, out var text)) return EventFile.Parse(text);
        return body.Parts.TryGetValue("event", out var eventText)
            ? PrefixedResult(EventFile.Parse(eventText), "event")
            : ReadResult<Event>.Failure([new InputProblem("$", "missing the form part \"event\" (the event file)")]);
    }

    /// <summary>
    /// The fields of a wrapping object <c>{ "event": ..., ... }</c>, or null when <paramref name="text"/> is not one
    /// (malformed JSON, or an event file itself, recognised by its own root fields). Unknown fields are problems.
    /// </summary>
    private static Dictionary<string, JsonElement>? Wrapped(string text, string[] fields, List<InputProblem> problems, bool requireWrapper = false)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text.AsMemory().TrimStart('\uFEFF'), new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException)
        {
            // The engine's reader words malformed JSON with line and column, as on the command line.
            if (requireWrapper) problems.AddRange(EventFile.Parse(text).Problems);
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                if (requireWrapper) problems.Add(new InputProblem("$", $"expected an object with {string.Join(" and ", fields.Select(f => $"\"{f}\""))}"));
                return null;
            }

            // An event file has schemaVersion at its root; a wrapper carries one in "event", or gives "previous".
            var names = root.EnumerateObject().Select(p => p.Name).ToList();
            var isWrapper = !names.Contains("schemaVersion")
                && (names.Contains("previous")
                    || (root.TryGetProperty("event", out var inner) && inner.ValueKind == JsonValueKind.Object
                        && (inner.TryGetProperty("schemaVersion", out _) || inner.TryGetProperty("meetings", out _))));
            if (!requireWrapper && !isWrapper) return null;

            var result = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (var property in root.EnumerateObject())
            {
                if (!fields.Contains(property.Name, StringComparer.Ordinal))
                    problems.Add(new InputProblem(property.Name, $"unknown field \"{property.Name}\""));
                else if (!result.TryAdd(property.Name, property.Value.Clone()))
                    problems.Add(new InputProblem(property.Name, $"field \"{property.Name}\" is given twice"));
            }

            return result;
        }
    }

    private static ReadResult<Event> PrefixedResult(ReadResult<Event> read, string prefix) =>
        read.Succeeded ? read : ReadResult<Event>.Failure(read.Problems.Select(p => Prefixed(prefix, p)));

    /// <summary>The problem with its path inside the part named <paramref name="prefix"/>; the part's root is the prefix itself.</summary>
    private static InputProblem Prefixed(string prefix, InputProblem problem) =>
        prefix.Length == 0 ? problem
        : problem.Path is "$" or "" ? problem with { Path = prefix }
        : problem with { Path = $"{prefix}.{problem.Path}" };
}
