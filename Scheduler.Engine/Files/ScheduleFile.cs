using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Scheduler.Engine.Domain;

namespace Scheduler.Engine.Files;

/// <summary>
/// The schedule file of contract v1 (with v1.1's <c>code</c> and <c>blockers</c> of unscheduled meetings, and a replan's
/// <c>objectiveValue</c>, <c>objectiveBound</c>, <c>changes</c> and each assignment's <c>sequence</c>): writing a
/// <see cref="Schedule"/> (times as offset date-times in the event's zone) and reading one back with every problem
/// reported by JSON path.
/// </summary>
public static class ScheduleFile
{
    private static readonly string[] RootFields =
        ["schemaVersion", "event", "status", "scheduledWeight", "weightBound", "idleGaps", "idleGapsBound", "objectiveValue", "objectiveBound",
         "assignments", "unscheduled", "conflicts", "changes"];
    private static readonly string[] AssignmentFields = ["meeting", "room", "start", "end", "interpreters", "sequence"];
    private static readonly string[] UnscheduledFields = ["meeting", "reason", "code", "blockers"];
    private static readonly string[] ConflictFields = ["meetings", "rule", "explanation", "minimal"];
    private static readonly string[] StatusNames = ["optimal", "feasible", "infeasible", "unknown"];

    /// <summary>Reads a schedule file's text; every problem is reported at once, in document order, with its path.</summary>
    /// <param name="json">The file's text.</param>
    public static ReadResult<Schedule> Parse(string json) => JsonDocuments.Read(json, ReadRoot);

    /// <summary>
    /// Reads the schedule file at <paramref name="path"/>; a file that cannot be read, or is not UTF-8 (the offset of
    /// the first bad byte is named), is a problem at <c>$</c>.
    /// </summary>
    /// <param name="path">The file's path.</param>
    public static ReadResult<Schedule> Load(string path) => JsonDocuments.Load(path, ReadRoot);

    /// <summary>
    /// Writes <paramref name="schedule"/> as a schedule file: indented, fields in the contract's order, times as
    /// offset date-times in <paramref name="ev"/>'s zone (<c>2021-06-22T15:00:00+03:00</c>), a trailing newline. An
    /// unscheduled meeting's <c>code</c> is written whenever it has one (the solver always gives one; only a schedule
    /// read from a v1 file lacks it), its <c>blockers</c> when there are any.
    /// </summary>
    /// <param name="schedule">The schedule.</param>
    /// <param name="ev">The event it schedules; gives the time zone.</param>
    public static string Write(Schedule schedule, Event ev)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(ev);
        return JsonDocuments.Write(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("schemaVersion", 1);
            w.WriteString("event", schedule.EventName);
            w.WriteString("status", StatusNames[(int)schedule.Status]);
            w.WriteNumber("scheduledWeight", schedule.ScheduledWeight);
            if (schedule.WeightBound is { } bound) w.WriteNumber("weightBound", bound);
            else w.WriteNull("weightBound");
            w.WriteNumber("idleGaps", schedule.IdleGaps);
            if (schedule.IdleGapsBound is { } gapsBound) w.WriteNumber("idleGapsBound", gapsBound);
            ChangesFile.WriteObjective(w, schedule);
            w.WriteStartArray("assignments");
            foreach (var a in schedule.Assignments)
            {
                w.WriteStartObject();
                w.WriteString("meeting", a.Meeting);
                w.WriteString("room", a.Room);
                w.WriteString("start", TimeText.ScheduleOffset.Format(a.Start.InZone(ev.Zone).ToOffsetDateTime()));
                w.WriteString("end", TimeText.ScheduleOffset.Format(a.End.InZone(ev.Zone).ToOffsetDateTime()));
                if (!a.Interpreters.IsEmpty)
                {
                    w.WriteStartArray("interpreters");
                    foreach (var id in a.Interpreters) w.WriteStringValue(id);
                    w.WriteEndArray();
                }

                if (a.Sequence > 0) w.WriteNumber("sequence", a.Sequence);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("unscheduled");
            foreach (var u in schedule.Unscheduled)
            {
                w.WriteStartObject();
                w.WriteString("meeting", u.Meeting);
                w.WriteString("reason", u.Reason);
                if (u.Code is { } code) w.WriteString("code", code.Text());
                if (!u.Blockers.IsEmpty)
                {
                    w.WriteStartArray("blockers");
                    foreach (var id in u.Blockers) w.WriteStringValue(id);
                    w.WriteEndArray();
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            if (!schedule.Conflicts.IsDefaultOrEmpty) WriteConflicts(w, schedule.Conflicts);
            ChangesFile.WriteChanges(w, schedule, ev.Zone);
            w.WriteEndObject();
        });
    }

    private static ReadResult<Schedule> ReadRoot(JsonElement element)
    {
        var problems = new ProblemList();
        var root = JsonObjectReader.Open(element, JsonPath.Root, problems, RootFields);
        if (root is null) return ReadResult<Schedule>.Failure(problems.InDocumentOrder());
        if (root.TryGet("schemaVersion", true, out var versionElement, out var versionPath))
        {
            JsonValues.SchemaVersion(versionElement, versionPath, problems);
        }

        var name = root.String("event", true);
        ScheduleStatus? status = null;
        if (root.TryGet("status", true, out var statusElement, out var statusPath)
            && JsonValues.String(statusElement, statusPath, problems) is { } statusText)
        {
            var index = System.Array.IndexOf(StatusNames, statusText);
            if (index >= 0) status = (ScheduleStatus)index;
            else problems.Add(statusPath, $"expected \"optimal\", \"feasible\", \"infeasible\" or \"unknown\", found \"{statusText}\"");
        }

        var weight = root.Long("scheduledWeight", true, 0, EventLimits.MaxTotalWeight);
        var bound = Nullable(root, "weightBound") ? null : root.Long("weightBound", false, 0, EventLimits.MaxTotalWeight);
        var gaps = root.Int("idleGaps", true, 0, int.MaxValue);
        var gapsBound = Nullable(root, "idleGapsBound") ? null : root.Int("idleGapsBound", false, 0, int.MaxValue);
        var objectiveValue = ChangesFile.ReadObjective(root, "objectiveValue", problems);
        var objectiveBound = ChangesFile.ReadObjective(root, "objectiveBound", problems);
        var assignments = root.Array("assignments", true, (e, p) => ReadAssignment(e, p, problems));
        var unscheduled = root.Array("unscheduled", true, (e, p) => ReadUnscheduled(e, p, problems));
        var conflicts = root.Array("conflicts", false, (e, p) => ReadConflict(e, p, problems));
        var changes = ChangesFile.ReadChanges(root, problems);
        if (problems.Count > 0) return ReadResult<Schedule>.Failure(problems.InDocumentOrder());
        return ReadResult<Schedule>.Success(new Schedule(
            name!, status!.Value, weight!.Value, bound, gaps!.Value, gapsBound, [.. assignments!], [.. unscheduled!])
        {
            Conflicts = [.. conflicts!],
            Changes = changes,
            ObjectiveValue = objectiveValue,
            ObjectiveBound = objectiveBound,
        });
    }

    /// <summary>True when the optional field is present and null, which means "not known".</summary>
    private static bool Nullable(JsonObjectReader root, string field) =>
        root.TryGet(field, false, out var value, out _) && value.ValueKind == JsonValueKind.Null;

    private static Assignment? ReadAssignment(JsonElement element, JsonPath path, ProblemList problems)
    {
        var item = JsonObjectReader.Open(element, path, problems, AssignmentFields);
        if (item is null) return null;
        var meeting = item.Id("meeting");
        var room = item.Id("room");
        var start = item.TryGet("start", true, out var startElement, out var startPath)
            ? TimeText.ReadOffsetInstant(startElement, startPath, problems) : null;
        var end = item.TryGet("end", true, out var endElement, out var endPath)
            ? TimeText.ReadOffsetInstant(endElement, endPath, problems) : null;
        var interpreters = item.Array("interpreters", false, (e, p) => JsonValues.String(e, p, problems));
        var sequence = item.Int("sequence", false, 0, int.MaxValue);
        return meeting is null || room is null || start is null || end is null || interpreters is null || (item.Has("sequence") && sequence is null)
            ? null : new Assignment(meeting, room, start.Value, end.Value) { Interpreters = [.. interpreters], Sequence = sequence ?? 0 };
    }

    private static void WriteConflicts(Utf8JsonWriter w, ImmutableArray<Conflict> conflicts)
    {
        w.WriteStartArray("conflicts");
        foreach (var c in conflicts)
        {
            w.WriteStartObject();
            w.WriteStartArray("meetings");
            foreach (var id in c.Meetings) w.WriteStringValue(id);
            w.WriteEndArray();
            w.WriteString("rule", c.Rule);
            w.WriteString("explanation", c.Explanation);
            w.WriteBoolean("minimal", c.Minimal);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    /// <summary>A conflict; <c>minimal</c> may be left out (the contract's example does) and then means true.</summary>
    private static Conflict? ReadConflict(JsonElement element, JsonPath path, ProblemList problems)
    {
        var item = JsonObjectReader.Open(element, path, problems, ConflictFields);
        if (item is null) return null;
        var meetings = item.Array("meetings", true, (e, p) => ReadId(e, p, problems));
        if (meetings is { Count: 0 } && item.TryGet("meetings", true, out _, out var meetingsPath))
            problems.Add(meetingsPath, "a conflict names at least one meeting");
        var rule = item.String("rule", true);
        if (rule is not null && !IsKebabCase(rule) && item.TryGet("rule", true, out _, out var rulePath))
            problems.Add(rulePath, $"expected a kebab-case rule such as \"participant-overlap\", found \"{rule}\"");
        var explanation = item.String("explanation", true);
        var minimal = item.Has("minimal") ? item.Bool("minimal", false) : true;
        return meetings is null or { Count: 0 } || rule is null || !IsKebabCase(rule) || explanation is null || minimal is null
            ? null : new Conflict([.. meetings], rule, explanation, minimal.Value);
    }

    private static string? ReadId(JsonElement element, JsonPath path, ProblemList problems)
    {
        var id = JsonValues.String(element, path, problems);
        if (id is { Length: 0 })
        {
            problems.Add(path, "an id must not be empty");
            return null;
        }

        return id;
    }

    private static bool IsKebabCase(string text) =>
        text.Length > 0 && text[0] != '-' && text[^1] != '-' && !text.Contains("--", StringComparison.Ordinal)
        && text.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');

    private static UnscheduledMeeting? ReadUnscheduled(JsonElement element, JsonPath path, ProblemList problems)
    {
        var item = JsonObjectReader.Open(element, path, problems, UnscheduledFields);
        if (item is null) return null;
        var meeting = item.Id("meeting");
        var reason = item.String("reason", true);
        ReasonCode? code = null;
        bool codeRead = true;
        if (item.TryGet("code", false, out var codeElement, out var codePath))
        {
            var text = JsonValues.String(codeElement, codePath, problems);
            if (text is not null && ReasonCodes.TryParse(text, out var parsed)) code = parsed;
            else
            {
                codeRead = false;
                if (text is not null) problems.Add(codePath, $"\"{text}\" is not a reason code; expected one of {string.Join(", ", ReasonCodes.All)}");
            }
        }

        var blockers = item.Array("blockers", false, (e, p) => ReadId(e, p, problems));
        return meeting is null || reason is null || !codeRead || blockers is null
            ? null
            : new UnscheduledMeeting(meeting, reason, code, [.. blockers]);
    }
}
