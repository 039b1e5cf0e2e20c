namespace Chorus.Directory.Annuaire;

/// <summary>A row of a directory file that was skipped or partly used, and why.</summary>
/// <param name="Line">The 1-based line where the row starts.</param>
/// <param name="Message">What was wrong with it and what the loader did.</param>
public sealed record DirectoryDiagnostic(long Line, string Message)
{
    /// <summary>"line 12: …".</summary>
    public override string ToString() => $"line {Line}: {Message}";
}

/// <summary>Limits and choices for loading a directory file.</summary>
public sealed record DirectoryLoadOptions
{
    /// <summary>The defaults: 1 MiB per row, 1,000 diagnostics kept.</summary>
    public static DirectoryLoadOptions Default { get; } = new();

    /// <summary>The longest row accepted, in bytes; a longer one makes the file unreadable (a hostile or broken file).</summary>
    public int MaxRowBytes { get; init; } = 1 << 20;

    /// <summary>How many diagnostics are kept (the count of all of them is still given).</summary>
    public int MaxDiagnostics { get; init; } = 1000;
}
