using System.Text;

namespace Scheduler.Engine.Export;

/// <summary>Writes exported files below an output folder.</summary>
public static class ExportWriter
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Writes every file below <paramref name="directory"/>, creating folders as needed and replacing files of
    /// the same name. Each file is written to a temporary name beside it and then renamed over the target, so a
    /// reader (a calendar subscribed to the file, a crash halfway) never sees a half-written file. Files already
    /// in the folder that are not in <paramref name="files"/> are left alone.
    /// </summary>
    /// <param name="files">The files; relative paths use <c>/</c> and must stay inside the folder.</param>
    /// <param name="directory">The output folder; created when missing.</param>
    /// <returns>The full paths written, in the order of <paramref name="files"/>.</returns>
    /// <exception cref="ArgumentException">A path is absolute, empty, escapes the folder, or appears twice.</exception>
    public static IReadOnlyList<string> WriteAll(IEnumerable<ExportedFile> files, string directory)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentException.ThrowIfNullOrEmpty(directory);
        var root = Path.GetFullPath(directory);
        var list = files.ToList();
        var targets = new List<string>(list.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        // Check every path before writing anything: a bad path must not leave half an export behind.
        foreach (var file in list)
        {
            ArgumentNullException.ThrowIfNull(file, nameof(files));
            var target = Resolve(root, file.RelativePath);
            if (!seen.Add(target))
                throw new ArgumentException($"The path \"{file.RelativePath}\" appears twice.", nameof(files));
            targets.Add(target);
        }

        Directory.CreateDirectory(root);
        for (var i = 0; i < list.Count; i++)
        {
            var target = targets[i];
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            var temp = Path.Combine(Path.GetDirectoryName(target)!, "." + Path.GetFileName(target) + "." + Guid.NewGuid().ToString("N") + ".tmp");
            try
            {
                File.WriteAllText(temp, list[i].Content, Utf8NoBom);
                File.Move(temp, target, overwrite: true);
            }
            finally
            {
                if (File.Exists(temp)) File.Delete(temp);
            }
        }

        return targets;
    }

    private static string Resolve(string root, string relativePath)
    {
        if (string.IsNullOrEmpty(relativePath))
            throw new ArgumentException("An exported file has an empty path.", nameof(relativePath));
        var parts = relativePath.Split('/');
        if (Path.IsPathRooted(relativePath) || parts.Any(p => p.Length == 0 || p == "." || p == ".." || p.Contains('\\')))
            throw new ArgumentException($"The path \"{relativePath}\" is not a plain relative path.", nameof(relativePath));
        var full = Path.GetFullPath(Path.Combine([root, .. parts]));
        if (!full.StartsWith(root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new ArgumentException($"The path \"{relativePath}\" leaves the output folder.", nameof(relativePath));
        return full;
    }
}
