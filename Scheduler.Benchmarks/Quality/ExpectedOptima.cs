using System.Globalization;

namespace Scheduler.Benchmarks.Quality;

/// <summary>
/// Known optima from a tab-separated file with a header row: column <c>instance</c> (the event file's name
/// without <c>.json</c>), <c>optimal_idle_gaps_d2</c>, and optionally <c>maxsat_seconds</c> (the published
/// MaxSAT time, for comparison).
/// </summary>
internal sealed class ExpectedOptima
{
    private readonly Dictionary<string, (int? Gaps, double? PaperSeconds)> rows;

    private ExpectedOptima(Dictionary<string, (int?, double?)> rows) => this.rows = rows;

    public static ExpectedOptima None { get; } = new(new Dictionary<string, (int?, double?)>(StringComparer.Ordinal));

    public static ExpectedOptima Load(string path)
    {
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToArray();
        if (lines.Length == 0) throw new InvalidDataException($"{path}: empty file");
        var header = lines[0].Split('\t');
        int name = Array.IndexOf(header, "instance");
        int gaps = Array.IndexOf(header, "optimal_idle_gaps_d2");
        int seconds = Array.IndexOf(header, "maxsat_seconds");
        if (name < 0 || gaps < 0) throw new InvalidDataException($"{path}: needs the columns instance and optimal_idle_gaps_d2");
        var rows = new Dictionary<string, (int?, double?)>(StringComparer.Ordinal);
        foreach (var line in lines.Skip(1))
        {
            var cells = line.Split('\t');
            rows[cells[name]] = (Int(cells, gaps), Double(cells, seconds));
        }
        return new ExpectedOptima(rows);
    }

    /// <summary>The expected optimal idle gaps of <paramref name="instance"/>, or null when unknown.</summary>
    public int? IdleGaps(string instance) => rows.TryGetValue(instance, out var r) ? r.Gaps : null;

    /// <summary>The published MaxSAT seconds for <paramref name="instance"/>, or null when none is given.</summary>
    public double? PaperSeconds(string instance) => rows.TryGetValue(instance, out var r) ? r.PaperSeconds : null;

    private static int? Int(string[] cells, int i) =>
        i >= 0 && i < cells.Length && int.TryParse(cells[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;

    private static double? Double(string[] cells, int i) =>
        i >= 0 && i < cells.Length && double.TryParse(cells[i], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;
}
