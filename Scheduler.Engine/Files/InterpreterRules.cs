using System.Text.RegularExpressions;
using Scheduler.Engine.Domain;

namespace Scheduler.Engine.Files;

/// <summary>
/// The rules of contract v1.1's interpreters, for the event file reader and <see cref="Event.Create"/> alike: language
/// codes well formed and none twice in a list, interpreters with at least one language and a positive daily limit,
/// and meeting pins that name a known interpreter once who covers every participant's languages. Participants and
/// interpreters come before meetings in the file, so their languages are known when a pin is checked.
/// </summary>
internal sealed partial class InterpreterRules
{
    private readonly ProblemList problems;
    private readonly Dictionary<string, List<string>> participantLanguages = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> interpreterLanguages = new(StringComparer.Ordinal);

    public InterpreterRules(ProblemList problems)
    {
        this.problems = problems;
        Ids = new IdRegistry("interpreter", problems);
    }

    /// <summary>Interpreter ids.</summary>
    public IdRegistry Ids { get; }

    /// <summary>A BCP 47 tag kept simple: a 2-3 letter lower-case primary language, then optional subtags (<c>pt-BR</c>, <c>zh-Hans</c>).</summary>
    [GeneratedRegex("^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$", RegexOptions.CultureInvariant)]
    private static partial Regex LanguageTag();

    /// <summary>
    /// A list of language codes: each well formed and none twice. Returns the codes kept (bad ones dropped, reported).
    /// </summary>
    public List<string> Languages(IReadOnlyList<Named> codes)
    {
        var kept = new List<string>(codes.Count);
        foreach (var (code, at) in codes)
        {
            if (!LanguageTag().IsMatch(code))
            {
                var lower = code.ToLowerInvariant();
                problems.Add(at, LanguageTag().IsMatch(lower) && lower != code
                    ? $"language code \"{code}\" must be lower case (did you mean \"{lower}\"?)"
                    : $"\"{code}\" is not a language code (use ISO 639 codes such as \"ru\", \"en\", \"pt-BR\")");
            }
            else if (kept.Contains(code, StringComparer.Ordinal)) problems.Add(at, $"language \"{code}\" is listed twice");
            else kept.Add(code);
        }

        return kept;
    }

    /// <summary>Notes a participant's languages for the pin checks.</summary>
    public void Participant(string id, List<string> languages) => participantLanguages[id] = languages;

    /// <summary>The least <c>maxMinutesPerDay</c>: an interpreter who may work no minute is left out, not listed.</summary>
    public const int MinMinutesPerDay = 1;

    /// <summary>An interpreter's languages (<paramref name="listed"/> codes given, the good ones kept): at least one; noted for the pin checks.</summary>
    public void Interpreter(string? id, int listed, List<string> languages, JsonPath languagesPath)
    {
        if (listed == 0) problems.Add(languagesPath, "an interpreter needs at least one language");
        if (id is not null) interpreterLanguages.TryAdd(id, languages); // a repeated id is reported; the first one answers
    }

    /// <summary>
    /// A meeting's pinned interpreters: known, none twice, each working in a language of every participant who has
    /// languages (<paramref name="participants"/> are the meeting's known participant ids).
    /// </summary>
    public void Pins(IReadOnlyList<Named> pins, IReadOnlyList<string> participants)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (id, at) in pins)
        {
            if (!Ids.Check(id, at)) continue;
            if (!seen.Add(id))
            {
                problems.Add(at, $"interpreter \"{id}\" is listed twice");
                continue;
            }

            if (!interpreterLanguages.TryGetValue(id, out var theirs)) continue;
            var uncovered = participants
                .Where(p => participantLanguages.TryGetValue(p, out var l) && l.Count > 0 && !l.Any(theirs.Contains))
                .ToList();
            if (uncovered.Count > 0)
            {
                problems.Add(at, $"interpreter \"{id}\" ({string.Join(", ", theirs)}) shares no language with "
                    + string.Join(", ", uncovered.Select(p => $"\"{p}\" ({string.Join(", ", participantLanguages[p])})")));
            }
        }
    }
}
