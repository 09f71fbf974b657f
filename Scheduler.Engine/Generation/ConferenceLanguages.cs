using System.Collections.Immutable;
using Scheduler.Engine.Domain;

namespace Scheduler.Engine.Generation;

/// <summary>Languages and interpreters of a generated conference (contract v1.1).</summary>
public static partial class ConferenceGenerator
{
    /// <summary>The visitors' languages and how often a delegation works in each, in percent.</summary>
    private static readonly (string Language, int Percent)[] VisitorLanguages =
        [("en", 40), ("fr", 20), ("es", 15), ("ar", 15), ("pt", 5), ("zh", 5)];

    /// <summary>
    /// With <see cref="ConferenceOptions.Interpreters"/> above 0: hosts speak Russian; each visiting delegation one
    /// visitor language, some English too; interpreters pair Russian with a visitor language in proportion to the
    /// delegations that speak it, every fourth also English. A random generator of its own keeps the rest of the
    /// event exactly as it is without interpreters.
    /// </summary>
    private static (ImmutableArray<Participant>, ImmutableArray<Interpreter>) Languages(
        ConferenceOptions o, ImmutableArray<Participant> participants, int hosts, List<List<int>> members)
    {
        if (o.Interpreters == 0) return (participants, []);
        var rng = new Random(unchecked(o.Seed * 7919 + 13));
        var spoken = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = participants.ToBuilder();
        for (int d = 0; d < members.Count; d++)
        {
            string[] languages = d < hosts ? ["ru"] : Visitor(rng);
            foreach (var l in languages.Where(l => l != "ru")) spoken[l] = spoken.GetValueOrDefault(l) + members[d].Count;
            foreach (int p in members[d]) result[p] = result[p] with { Languages = [.. languages] };
        }

        // Largest remainder: each language gets interpreters in proportion to its speakers, at least one where spoken.
        var order = VisitorLanguages.Select(v => v.Language).Where(spoken.ContainsKey).ToList();
        long total = order.Sum(l => (long)spoken[l]);
        var interpreters = ImmutableArray.CreateBuilder<Interpreter>(o.Interpreters);
        for (int i = 0; i < o.Interpreters; i++)
        {
            var language = order.Count == 0 ? "en" : order[Pick(order.Select(l => spoken[l]).ToList(), total, i, o.Interpreters)];
            string[] languages = i % 4 == 3 && language != "en" ? ["ru", language, "en"] : ["ru", language];
            interpreters.Add(new Interpreter(GenerationKit.Id("int", i + 1, o.Interpreters), $"Interpreter {i + 1} ({string.Join("-", languages)})",
                [.. languages], [], [], 360));
        }

        return (result.MoveToImmutable(), interpreters.MoveToImmutable());
    }

    private static string[] Visitor(Random rng)
    {
        int roll = rng.Next(100), sum = 0;
        var language = VisitorLanguages[^1].Language;
        foreach (var (l, percent) in VisitorLanguages)
        {
            sum += percent;
            if (roll < sum)
            {
                language = l;
                break;
            }
        }

        return language != "en" && rng.Next(100) < 30 ? [language, "en"] : [language];
    }

    /// <summary>The language of the <paramref name="i"/>-th of <paramref name="count"/> interpreters: spread by weight, round robin.</summary>
    private static int Pick(List<int> weights, long total, int i, int count)
    {
        // Interpreter i goes to the language whose share of the first i+1 places is most behind its weight.
        var given = new int[weights.Count];
        int pick = 0;
        for (int k = 0; k <= i; k++)
        {
            pick = Enumerable.Range(0, weights.Count).MaxBy(j => (double)weights[j] * (k + 1) / total - given[j]);
            given[pick]++;
        }

        return pick;
    }
}
