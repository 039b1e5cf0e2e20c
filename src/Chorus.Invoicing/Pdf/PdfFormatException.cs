namespace Chorus.Invoicing.Pdf;

/// <summary>
/// The PDF cannot be read: not a PDF, truncated, a broken structure that no bounded repair recovers, a stream over its
/// decoded-size cap, nesting too deep. <see cref="Offset"/> and <see cref="Where"/> say where reading failed.
/// </summary>
public sealed class PdfFormatException : Exception
{
    /// <summary>Creates the exception with a message, the byte offset (or -1) and what was being read.</summary>
    public PdfFormatException(string message, long offset = -1, string? where = null)
        : base(Describe(message, offset, where))
    {
        Offset = offset;
        Where = where;
    }

    /// <summary>Creates the exception with a message.</summary>
    public PdfFormatException(string message)
        : this(message, -1, null)
    {
    }

    /// <summary>Creates the exception with a message and the cause.</summary>
    public PdfFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        Offset = -1;
    }

    /// <summary>Creates the exception without details (for serializers).</summary>
    public PdfFormatException()
        : this("unreadable PDF")
    {
    }

    /// <summary>Byte offset in the file where reading failed, or -1 when unknown.</summary>
    public long Offset { get; }

    /// <summary>What was being read when it failed (e.g. "xref", "object 12 0", "page tree"), or null.</summary>
    public string? Where { get; }

    private static string Describe(string message, long offset, string? where)
    {
        var at = where is null ? "" : " in " + where;
        return offset >= 0 ? $"{message}{at} (at byte {offset})" : message + at;
    }
}
