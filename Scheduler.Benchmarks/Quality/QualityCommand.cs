using System.Globalization;
using NodaTime;
using NodaTime.Text;
using Scheduler.Engine.Domain;
using Scheduler.Engine.Files;
using Scheduler.Engine.Generation;
using Scheduler.Engine.Solving;

namespace Scheduler.Benchmarks.Quality;

/// <summary>
/// The <c>quality</c> and <c>generated</c> modes of the benchmark program:
/// <c>quality DIR [--time-limit S] [--workers N] [--seed N] [--expected FILE] [--out DIR] [--match TEXT]...</c> and
/// <c>generated [--time-limit S] [--workers N] [--seed N] [--out DIR]</c>.
/// </summary>
internal static class QualityCommand
{
    private sealed class Settings
    {
        public string? Folder;
        public double? TimeLimit;
        public int Workers = 2;
        public int Seed;
        public string? Expected;
        public string Out = "results";
        public List<string> Match = [];
    }

    public static int Quality(string[] args)
    {
        if (!TryParse(args, folderRequired: true, out var settings)) return 2;
        var expected = settings.Expected is null ? ExpectedOptima.None : ExpectedOptima.Load(settings.Expected);
        var files = Directory.GetFiles(settings.Folder!, "*.json")
            .Where(f => settings.Match.Count == 0 || settings.Match.Any(m => Path.GetFileName(f).Contains(m, StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal)
            .ToArray();
        var rows = new List<QualityRow>();
        foreach (var file in files)
        {
            var instance = Path.GetFileNameWithoutExtension(file);
            var read = EventFile.Load(file);
            if (!read.Succeeded)
            {
                foreach (var p in read.Problems) Console.Error.WriteLine($"{file}: {p}");
                return 2;
            }
            rows.Add(RunOne(instance, read.Value!, settings, expected, settings.TimeLimit ?? DefaultTimeLimit));
        }
        return Write(rows, settings, "quality", $"Quality benchmark: {settings.Folder}", $"{DefaultTimeLimit} s");
    }

    public static int Generated(string[] args)
    {
        if (!TryParse(args, folderRequired: false, out var settings)) return 2;
        // Each event gets the time limit of its target in issue 4 unless --time-limit says otherwise.
        var events = new (string Name, double Limit, Func<Event> Make)[]
        {
            ("trade fair 1500/8000/200", 60, () => TradeFairGenerator.Generate(new TradeFairOptions { Seed = 1 })),
            ("conference 600/550/10", 10, () => ConferenceGenerator.Generate(new ConferenceOptions { Seed = 1 })),
        };
        var rows = events
            .Select(e => RunOne(e.Name, e.Make(), settings, ExpectedOptima.None, settings.TimeLimit ?? e.Limit))
            .ToList();
        return Write(rows, settings, "generated", "Generated events (seed 1)", "60 s (fair), 10 s (conference)");
    }

    private const double DefaultTimeLimit = 60;

    private static QualityRow RunOne(string instance, Event ev, Settings settings, ExpectedOptima expected, double timeLimit)
    {
        Console.Error.WriteLine($"{instance}: {ev.Meetings.Length} meetings ...");
        var options = new SolveOptions
        {
            TimeLimit = Duration.FromSeconds(timeLimit),
            Workers = settings.Workers,
            Seed = settings.Seed,
        };
        var row = QualityRunner.Run(instance, ev, options, expected);
        Console.Error.WriteLine(FormattableString.Invariant(
            $"{instance}: {row.Status}, weight {row.Weight}/{row.WeightBound}, idle gaps {row.IdleGaps}, {row.TotalSeconds:F1} s, valid {row.Valid}"));
        return row;
    }

    private static int Write(List<QualityRow> rows, Settings settings, string name, string title, string limits)
    {
        var stamp = InstantPattern.CreateWithInvariantCulture("uuuu-MM-dd HH:mm 'UTC'").Format(SystemClock.Instance.GetCurrentInstant());
        var heading = FormattableString.Invariant(
            $"{title} — {stamp}, time limit {(settings.TimeLimit is { } t ? $"{t} s" : limits)}, {settings.Workers} workers, seed {settings.Seed}");
        var markdown = QualityReport.Markdown(rows, heading);
        Directory.CreateDirectory(settings.Out);
        File.WriteAllText(Path.Combine(settings.Out, name + ".md"), markdown);
        File.WriteAllText(Path.Combine(settings.Out, name + ".csv"), QualityReport.Csv(rows));
        Console.Out.Write(markdown);
        return 0;
    }

    private static bool TryParse(string[] args, bool folderRequired, out Settings settings)
    {
        settings = new Settings();
        for (int i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            try
            {
                switch (args[i])
                {
                    case "--time-limit": settings.TimeLimit = Positive(double.Parse(Value(), CultureInfo.InvariantCulture), "--time-limit"); break;
                    case "--workers": settings.Workers = (int)Positive(int.Parse(Value(), CultureInfo.InvariantCulture), "--workers"); break;
                    case "--seed": settings.Seed = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                    case "--expected": settings.Expected = Value(); break;
                    case "--out": settings.Out = Value(); break;
                    case "--match": settings.Match.Add(Value()); break;
                    default:
                        if (args[i].StartsWith('-') || settings.Folder is not null || !folderRequired)
                            throw new ArgumentException($"unexpected argument {args[i]}");
                        settings.Folder = args[i];
                        break;
                }
            }
            catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
            {
                Console.Error.WriteLine(e.Message);
                return false;
            }
        }
        if (folderRequired && settings.Folder is null)
        {
            Console.Error.WriteLine("quality needs a folder of event files");
            return false;
        }
        if (settings.Folder is not null && !Directory.Exists(settings.Folder))
        {
            Console.Error.WriteLine($"{settings.Folder}: no such folder");
            return false;
        }
        if (settings.Expected is not null && !File.Exists(settings.Expected))
        {
            Console.Error.WriteLine($"{settings.Expected}: no such file");
            return false;
        }
        return true;
    }

    private static double Positive(double v, string name) =>
        v > 0 ? v : throw new ArgumentException($"{name} must be positive");
}
