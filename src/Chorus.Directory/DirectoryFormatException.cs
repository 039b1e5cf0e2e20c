namespace Chorus.Directory;

/// <summary>
/// A directory file that cannot be read at all: not the expected layout (required columns missing), a quoted field never
/// closed, a file that stops in the middle of a row, a row beyond the size limit. <see cref="Line"/> says where.
/// </summary>
/// <remarks>Rows that can be skipped (a bad SIRET, a boolean that is not one) are not exceptions: they are reported as
/// <see cref="Annuaire.DirectoryDiagnostic"/>s and the rest of the file is loaded.</remarks>
public sealed class DirectoryFormatException : FormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong, without the line number.</param>
    /// <param name="line">The 1-based line where the problem was found (0 when it concerns the whole file).</param>
    public DirectoryFormatException(string message, long line)
        : base(line > 0 ? $"line {line}: {message}" : message)
    {
        Line = line;
    }

    /// <summary>Creates the exception (for serialisers and tooling; prefer the constructor with a line).</summary>
    public DirectoryFormatException()
    {
    }

    /// <summary>Creates the exception (for serialisers and tooling; prefer the constructor with a line).</summary>
    public DirectoryFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception (for serialisers and tooling; prefer the constructor with a line).</summary>
    public DirectoryFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The 1-based line of the file where reading failed, 0 when it concerns the whole file.</summary>
    public long Line { get; }
}
