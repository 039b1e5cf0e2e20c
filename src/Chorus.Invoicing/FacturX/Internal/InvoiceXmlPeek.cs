using System.Xml;

namespace Chorus.Invoicing.FacturX.Internal;

/// <summary>
/// Reads just enough of an invoice XML to tell its syntax (root element) and BT-24 (the specification identifier),
/// stopping as soon as both are known. Safe settings: no DTD, no resolver, bounded size.
/// </summary>
internal static class InvoiceXmlPeek
{
    private const string CiiNs = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100";

    public static (EmbeddedInvoiceSyntax Syntax, string? GuidelineId) Peek(byte[] xml)
    {
        try
        {
            using var stream = new MemoryStream(xml, writable: false);
            using var reader = XmlReader.Create(stream, SafeSettings(xml.LongLength));
            if (reader.MoveToContent() != XmlNodeType.Element)
            {
                return (EmbeddedInvoiceSyntax.Unknown, null);
            }

            var syntax = reader.LocalName switch
            {
                "CrossIndustryInvoice" when reader.NamespaceURI == CiiNs => EmbeddedInvoiceSyntax.Cii,
                "CrossIndustryInvoice" => EmbeddedInvoiceSyntax.Cii,
                "CrossIndustryDocument" => EmbeddedInvoiceSyntax.Zugferd1,
                "Invoice" or "CreditNote" => EmbeddedInvoiceSyntax.Ubl,
                _ => EmbeddedInvoiceSyntax.Unknown,
            };
            if (syntax == EmbeddedInvoiceSyntax.Unknown)
            {
                return (syntax, null);
            }

            var inGuideline = false;
            var depth = 0;
            while (reader.Read() && depth++ < 10_000)
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                if (syntax == EmbeddedInvoiceSyntax.Ubl)
                {
                    if (reader.LocalName == "CustomizationID")
                    {
                        return (syntax, reader.ReadElementContentAsString().Trim());
                    }

                    continue;
                }

                if (reader.LocalName == "GuidelineSpecifiedDocumentContextParameter")
                {
                    inGuideline = true;
                }
                else if (inGuideline && reader.LocalName == "ID")
                {
                    return (syntax, reader.ReadElementContentAsString().Trim());
                }
                else if (reader.LocalName is "ExchangedDocument" or "HeaderExchangedDocument" or "SupplyChainTradeTransaction" or "SpecifiedSupplyChainTradeTransaction")
                {
                    break; // past the context: BT-24 is absent
                }
            }

            return (syntax, null);
        }
        catch (XmlException)
        {
            return (EmbeddedInvoiceSyntax.Unknown, null);
        }
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
