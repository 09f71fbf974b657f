using System.Text;

namespace Scheduler.Benchmarks.Quality;

/// <summary>Renders quality rows as a Markdown table and as CSV (RFC 4180 quoting, LF line ends).</summary>
internal static class QualityReport
{
    public static string Markdown(IReadOnlyList<QualityRow> rows, string title)
    {
        var sb = new StringBuilder();
        sb.Append("### ").Append(title).Append('\n').Append('\n');
        sb.Append("| ").Append(string.Join(" | ", QualityRow.Header)).Append(" |\n");
        sb.Append('|').Append(string.Concat(QualityRow.Header.Select((_, i) => i == 0 ? " --- |" : " ---: |"))).Append('\n');
        foreach (var row in rows)
            sb.Append("| ").Append(string.Join(" | ", row.Cells().Select(c => c.Replace("|", "\\|", StringComparison.Ordinal)))).Append(" |\n");
        sb.Append('\n').Append(Summary(rows)).Append('\n');
        return sb.ToString();
    }

    public static string Csv(IReadOnlyList<QualityRow> rows)
    {
        var sb = new StringBuilder();
        sb.Append(string.Join(",", QualityRow.Header.Select(Quote))).Append('\n');
        foreach (var row in rows) sb.Append(string.Join(",", row.Cells().Select(Quote))).Append('\n');
        return sb.ToString();
    }

    private static string Summary(IReadOnlyList<QualityRow> rows)
    {
        int optimal = rows.Count(r => r.Status == "optimal");
        int valid = rows.Count(r => r.Valid == "yes");
        int expected = rows.Count(r => r.ExpectedIdleGaps is not null);
        int matched = rows.Count(r => r.Match == "yes");
        var total = rows.Sum(r => r.TotalSeconds);
        var text = $"{rows.Count} events: {optimal} optimal, {valid} valid";
        if (expected > 0) text += $", {matched} of {expected} proven equal to the expected optimum";
        return text + FormattableString.Invariant($"; {total:F1} s in all.");
    }

    private static string Quote(string cell) =>
        cell.IndexOfAny([',', '"', '\n', '\r']) < 0 ? cell : "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
