namespace Chorus.Fuzzing.Targets;

/// <summary>Seed inputs from the repository's test data (tests/data, copied beside the harness).</summary>
internal static class SeedFiles
{
    public static string DataRoot { get; } = FindDataRoot();

    /// <summary>The files of tests/data/&lt;folder&gt; (recursively) whose name ends with one of the extensions, sorted.</summary>
    public static IReadOnlyList<byte[]> From(string folder, params string[] extensions)
    {
        var path = Path.Combine(DataRoot, folder);
        if (!System.IO.Directory.Exists(path))
        {
            return [];
        }

        return System.IO.Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
            .Where(f => extensions.Any(e => f.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
            .Where(f => new FileInfo(f).Length <= 4 * 1024 * 1024)
            .Order(StringComparer.Ordinal)
            .Select(File.ReadAllBytes)
            .ToList();
    }

    private static string FindDataRoot()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "data");
        return System.IO.Directory.Exists(beside) ? beside : Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../data"));
    }
}
