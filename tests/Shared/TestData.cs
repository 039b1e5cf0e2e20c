namespace Chorus.Tests.Shared;

/// <summary>Paths to the repository's test data (tests/data, copied beside every test assembly).</summary>
internal static class TestData
{
    /// <summary>The data folder next to the test assembly.</summary>
    public static string Root { get; } = Path.Combine(AppContext.BaseDirectory, "data");

    /// <summary>A file or folder under tests/data.</summary>
    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>The files of a tests/data folder matching a pattern, sorted, as theory data (file names relative to the folder).</summary>
    public static TheoryData<string> Files(string folder, string pattern)
    {
        var data = new TheoryData<string>();
        foreach (var file in System.IO.Directory.GetFiles(PathOf(folder), pattern).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }
}
