using System.Xml;
using Chorus.Invoicing.Model;

namespace Chorus.Invoicing.FacturX.Internal;

/// <summary>
/// Tells an embedded XML's syntax (root element) and BT-24 (the specification identifier) through the model's
/// <see cref="InvoiceSniffer"/>, which stops reading as soon as both are known; and the safe reader settings of the XMP.
/// </summary>
internal static class InvoiceXmlPeek
{
    public static (EmbeddedInvoiceSyntax Syntax, string? GuidelineId) Peek(byte[] xml)
    {
        // the model's sniffer (same safe reader settings as the invoice readers): syntax from the root, BT-24
        var sniff = InvoiceSniffer.Sniff(xml);
        var syntax = sniff.Syntax switch
        {
            InvoiceSyntax.Cii => EmbeddedInvoiceSyntax.Cii,
            InvoiceSyntax.Ubl => EmbeddedInvoiceSyntax.Ubl,
            InvoiceSyntax.Zugferd1 => EmbeddedInvoiceSyntax.Zugferd1,
            _ => EmbeddedInvoiceSyntax.Unknown,
        };
        return (syntax, sniff.SpecificationIdentifier);
    }

    public static XmlReaderSettings SafeSettings(long size) => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersFromEntities = 0,
        MaxCharactersInDocument = Math.Max(1024, size * 4),
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = false,
    };
}
