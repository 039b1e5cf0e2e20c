using Chorus.Invoicing.Model;

namespace Chorus.Invoicing;

/// <summary>
/// What <see cref="InvoiceXml.Read(Stream, InvoiceReadOptions?)"/> read: the model, and the syntax facts that are not
/// part of the model (syntax, root, declared profile, elements the model holds once but the document repeats).
/// </summary>
public sealed class InvoiceDocument
{
    internal InvoiceDocument(Invoice invoice, InvoiceSyntax syntax, string rootName, IReadOnlyList<RepeatedElement> repeated)
    {
        Invoice = invoice;
        Syntax = syntax;
        RootName = rootName;
        RepeatedElements = repeated;
        Profile = InvoiceProfiles.Detect(invoice.SpecificationIdentifier);
    }

    /// <summary>The invoice.</summary>
    public Invoice Invoice { get; }

    /// <summary>The syntax read.</summary>
    public InvoiceSyntax Syntax { get; }

    /// <summary>Invoice or credit note (see <see cref="Invoice.DocumentType"/>).</summary>
    public InvoiceDocumentType DocumentType => Invoice.DocumentType;

    /// <summary>The root element's local name (<c>Invoice</c>, <c>CreditNote</c>, <c>CrossIndustryInvoice</c>, <c>CrossIndustryDocument</c>).</summary>
    public string RootName { get; }

    /// <summary>The profile BT-24 declares.</summary>
    public InvoiceProfile Profile { get; }

    /// <summary>
    /// Elements that the model holds once (e.g. <c>cbc:BuyerReference</c>) but the document repeats: the model keeps
    /// the first; the syntax rules (UBL-SR-*, CII-SR-*) count them here.
    /// </summary>
    public IReadOnlyList<RepeatedElement> RepeatedElements { get; }
}

/// <summary>An element repeated where the model holds one value.</summary>
/// <param name="Name">The element's prefixed name as in the document, e.g. <c>cbc:BuyerReference</c>.</param>
/// <param name="Location">The repeated occurrence (the second or a later one).</param>
public sealed record RepeatedElement(string Name, SourceLocation Location);
