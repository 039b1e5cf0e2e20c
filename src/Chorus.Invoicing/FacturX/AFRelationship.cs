namespace Chorus.Invoicing.FacturX;

/// <summary>
/// How an associated file relates to the PDF (PDF/A-3 <c>/AFRelationship</c>, ISO 32000-2 §14.13). Factur-X 1.0 uses
/// <see cref="Alternative"/> for EN 16931, BASIC and EXTENDED, <see cref="Data"/> for MINIMUM and BASIC WL (not full
/// invoices), and <see cref="Source"/> when the XML is the source the PDF was made from.
/// </summary>
public enum AFRelationship
{
    /// <summary>Not given, or a value outside the list.</summary>
    Unspecified,

    /// <summary>The file is the original source material of the PDF.</summary>
    Source,

    /// <summary>The file holds data used to build the visual presentation (tables, graphs).</summary>
    Data,

    /// <summary>The file is an alternative representation of the content (the Factur-X invoice XML for full profiles).</summary>
    Alternative,

    /// <summary>The file supplements the content for accessibility.</summary>
    Supplement,

    /// <summary>An encrypted payload document.</summary>
    EncryptedPayload,

    /// <summary>Data of a form.</summary>
    FormData,

    /// <summary>A schema definition for the content.</summary>
    Schema,
}
