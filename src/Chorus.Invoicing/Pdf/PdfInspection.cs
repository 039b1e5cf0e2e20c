using Chorus.Invoicing.FacturX;

namespace Chorus.Invoicing.Pdf;

/// <summary>What Chorus Pro would see when the PDF is uploaded: its format, embedded invoice, signature, text layer and fields.</summary>
public sealed record PdfInspection
{
    /// <summary>The page count the page tree declares.</summary>
    public int Pages { get; init; }

    /// <summary>The format, from the embedded invoice and the XMP PDF/A claim.</summary>
    public PdfFormat Format { get; init; }

    /// <summary>The Factur-X view (embedded invoice, XMP claims), or null when the PDF carries no invoice XML.</summary>
    public FacturXDocument? FacturX { get; init; }

    /// <summary>True when the PDF has a signature (a signature field with a value, or a <c>/ByteRange</c> signature dictionary).</summary>
    public bool Signed { get; init; }

    /// <summary>True when the pages read have text; false for a scanned (image-only) PDF.</summary>
    public bool TextLayer { get; init; }

    /// <summary>True when the PDF is encrypted (its text and attachments were not read).</summary>
    public bool Encrypted { get; init; }

    /// <summary>The pages read, distinct and ascending: the first, the second-to-last and the last.</summary>
    public IReadOnlyList<int> PagesRead { get; init; } = [];

    /// <summary>The fields read from those pages.</summary>
    public InvoiceFields Fields { get; init; } = InvoiceFields.Empty;

    /// <summary>What went wrong or deserves attention (encryption, no text layer, an unreadable page, Factur-X problems).</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];
}
