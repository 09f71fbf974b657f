using System.Text;

namespace Scheduler.Cli.Infrastructure;

/// <summary>Writes a file so a reader never sees half of it: a temporary file next to it, then a rename.</summary>
internal static class AtomicFile
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Replaces <paramref name="path"/> with <paramref name="content"/> (UTF-8, no BOM).</summary>
    /// <exception cref="IOException">The directory does not exist or cannot be written.</exception>
    public static void WriteAllText(string path, string content)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full) ?? ".";
        var temp = Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllText(temp, content, Utf8NoBom);
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>
    /// Why <paramref name="path"/> cannot be written, or null when its directory exists; checked before a long
    /// solve so a typo in <c>-o</c> does not cost the user the run.
    /// </summary>
    public static string? ProblemWriting(string path)
    {
        string full;
        try
        {
            full = Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return $"{path}: not a valid file name";
        }

        if (Directory.Exists(full)) return $"{path}: is a directory, not a file";
        var directory = Path.GetDirectoryName(full);
        return directory is not null && !Directory.Exists(directory)
            ? $"{path}: the directory {directory} does not exist"
            : null;
    }
}
