namespace Scheduler.Engine.Export;

/// <summary>One file produced by an exporter, not yet written anywhere.</summary>
/// <param name="RelativePath">
/// Path below the output folder, with <c>/</c> as separator (<c>participants/lacroix.ics</c>).
/// Never absolute, never contains <c>..</c>: exporters encode ids so that any id gives a safe name.
/// </param>
/// <param name="Content">
/// The exact text of the file; written as UTF-8 without adding a byte order mark (a file that needs one,
/// like the CSV files, starts with U+FEFF itself).
/// </param>
public sealed record ExportedFile(string RelativePath, string Content);
