using Chorus.Invoicing.FacturX.Internal;

namespace Chorus.Invoicing.FacturX;

/// <summary>The invoice XML embedded in a Factur-X / ZUGFeRD / XRechnung PDF, with what the XML says about itself.</summary>
public sealed class EmbeddedInvoice
{
    internal EmbeddedInvoice(EmbeddedFile file, byte[] content)
    {
        File = file;
        _content = content;
        // the XML is only peeked at when asked: extracting the bytes costs no XML parsing
        _peek = new Lazy<(EmbeddedInvoiceSyntax, string?)>(() => InvoiceXmlPeek.Peek(content));
    }

    private readonly byte[] _content;
    private readonly Lazy<(EmbeddedInvoiceSyntax Syntax, string? GuidelineId)> _peek;

    /// <summary>The file specification it came from (name, relationship, MIME type).</summary>
    public EmbeddedFile File { get; }

    /// <summary>The file name, e.g. <c>factur-x.xml</c>.</summary>
    public string FileName => File.Name;

    /// <summary>The decoded bytes, exactly as embedded (what <c>qpdf --show-attachment</c> prints).</summary>
    public ReadOnlyMemory<byte> Content => _content;

    /// <summary>The syntax, from the root element.</summary>
    public EmbeddedInvoiceSyntax Syntax => _peek.Value.Syntax;

    /// <summary>BT-24, the specification identifier (CII <c>GuidelineSpecifiedDocumentContextParameter/ID</c>, UBL <c>CustomizationID</c>), or null.</summary>
    public string? GuidelineId => _peek.Value.GuidelineId;

    /// <summary>The profile BT-24 declares, normalised (<c>MINIMUM</c>, <c>BASIC WL</c>, <c>BASIC</c>, <c>EN 16931</c>, <c>EXTENDED</c>, <c>XRECHNUNG</c>, <c>COMFORT</c>), or null.</summary>
    public string? Profile => FacturXProfiles.FromGuideline(GuidelineId);

    /// <summary>A copy of the bytes.</summary>
    public byte[] ToArray() => (byte[])_content.Clone();

    /// <summary>A read-only stream over the bytes (for an XML reader or a validator).</summary>
    public Stream OpenRead() => new MemoryStream(_content, writable: false);
}
