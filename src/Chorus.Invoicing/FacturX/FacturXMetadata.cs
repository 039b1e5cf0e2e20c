namespace Chorus.Invoicing.FacturX;

/// <summary>
/// What the PDF's XMP metadata (catalog <c>/Metadata</c>) claims: the PDF/A identification (<c>pdfaid:part</c>,
/// <c>pdfaid:conformance</c>) and the Factur-X/ZUGFeRD extension schema (<c>fx:</c>/<c>zf:</c> <c>ConformanceLevel</c>,
/// <c>DocumentType</c>, <c>DocumentFileName</c>, <c>Version</c>). Every value is null when absent.
/// </summary>
public sealed record FacturXMetadata
{
    /// <summary>No XMP, or nothing in it.</summary>
    public static FacturXMetadata None { get; } = new();

    /// <summary><c>pdfaid:part</c>: 1, 2, 3 or 4.</summary>
    public int? PdfAPart { get; init; }

    /// <summary><c>pdfaid:conformance</c>: A, B, U (or F, E for PDF/A-4).</summary>
    public string? PdfAConformance { get; init; }

    /// <summary>The conformance level exactly as written (e.g. <c>EN 16931</c>, <c>BASIC WL</c>, <c>no thing</c>).</summary>
    public string? ConformanceLevel { get; init; }

    /// <summary>The conformance level normalised to the contract's spellings, or null when it is not a known level.</summary>
    public string? Profile => FacturXProfiles.Normalize(ConformanceLevel);

    /// <summary><c>DocumentType</c>, normally <c>INVOICE</c>.</summary>
    public string? DocumentType { get; init; }

    /// <summary><c>DocumentFileName</c>, e.g. <c>factur-x.xml</c>.</summary>
    public string? DocumentFileName { get; init; }

    /// <summary><c>Version</c> of the Factur-X/ZUGFeRD schema, e.g. <c>1.0</c>.</summary>
    public string? Version { get; init; }

    /// <summary>The namespace of the extension schema the values came from (Factur-X, ZUGFeRD 1/2, XRechnung), or null.</summary>
    public string? SchemaNamespace { get; init; }

    /// <summary>Set when the XMP packet is present but not well-formed XML.</summary>
    public string? Problem { get; init; }
}
