using System.Collections.Immutable;
using NodaTime;

namespace Scheduler.Engine.Generation;

/// <summary>Small helpers the generators share: local times to instants and seeded random choices.</summary>
internal static class GenerationKit
{
    /// <summary>The zone the generated events use: a real European zone with DST, dates chosen away from its changes.</summary>
    public static DateTimeZone Zone => DateTimeZoneProviders.Tzdb["Europe/Madrid"];

    /// <summary>The instant of a local time on a date in <see cref="Zone"/>; the generators pick no DST gap or overlap.</summary>
    public static Instant At(LocalDate date, int hour, int minute = 0) =>
        Zone.AtStrictly(date + new LocalTime(hour, minute)).ToInstant();

    /// <summary>A zero-padded id such as <c>p0042</c>, wide enough for <paramref name="count"/> items.</summary>
    public static string Id(string prefix, int number, int count) =>
        prefix + number.ToString("D" + Math.Max(2, count.ToString(System.Globalization.CultureInfo.InvariantCulture).Length),
            System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>True with probability <paramref name="p"/>.</summary>
    public static bool Chance(this Random rng, double p) => rng.NextDouble() < p;

    /// <summary>A uniformly random permutation of <c>0..n-1</c> (Fisher–Yates).</summary>
    public static int[] Permutation(this Random rng, int n)
    {
        var a = Enumerable.Range(0, n).ToArray();
        for (int i = n - 1; i > 0; i--)
        {
            int j = rng.Next(i + 1);
            (a[i], a[j]) = (a[j], a[i]);
        }
        return a;
    }

    /// <summary>An interval list holding just <paramref name="interval"/>.</summary>
    public static ImmutableArray<Interval> One(Interval interval) => [interval];
}
