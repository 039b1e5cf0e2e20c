namespace Chorus.Invoicing.Pdf;

/// <summary>
/// Limits applied while reading a PDF, so that hostile files (decompression bombs, deep nesting, loops) fail in bounded
/// time and memory with a <see cref="PdfFormatException"/>. The defaults suit invoices; raise them for unusual files.
/// </summary>
public sealed record PdfReadOptions
{
    /// <summary>The defaults.</summary>
    public static PdfReadOptions Default { get; } = new();

    /// <summary>Largest decoded size of one stream (content stream, embedded invoice, object stream). Default 64 MB.</summary>
    public int MaxDecodedStreamBytes { get; init; } = 64 * 1024 * 1024;

    /// <summary>Largest file accepted from a <see cref="Stream"/>. Default 512 MB.</summary>
    public long MaxFileBytes { get; init; } = 512L * 1024 * 1024;

    /// <summary>Deepest nesting of arrays and dictionaries, and of the page and name trees. Default 64.</summary>
    public int MaxDepth { get; init; } = 64;

    /// <summary>Most entries visited in a name tree, and most <c>/Prev</c> cross-reference sections followed. Default 100,000.</summary>
    public int MaxTreeEntries { get; init; } = 100_000;
}
