using System.Xml;
using Chorus.Invoicing.Model;
using Chorus.Invoicing.Xml;

namespace Chorus.Invoicing;

/// <summary>
/// Cheap detection of an invoice XML's syntax, document type and profile (BT-24), reading only the first elements
/// (e.g. the XML embedded in a Factur-X PDF). Same safe reader settings as <see cref="InvoiceXml"/>.
/// </summary>
public static class InvoiceSniffer
{
    /// <summary>Detects from bytes; never throws for bad input (see <see cref="InvoiceSniff.Error"/>).</summary>
    public static InvoiceSniff Sniff(byte[] xml)
    {
        using var stream = new MemoryStream(xml, writable: false);
        return Sniff(stream);
    }

    /// <summary>Detects from a stream (left open, read only as far as needed); never throws for bad input.</summary>
    public static InvoiceSniff Sniff(Stream stream)
    {
        try
        {
            using var reader = XmlReader.Create(stream, InvoiceXml.ReaderSettings(InvoiceReadOptions.Default));
            var cursor = new XmlCursor(reader, InvoiceReadOptions.Default.MaxDepth);
            if (!cursor.MoveToRoot())
            {
                return new InvoiceSniff(null, null, null, "no root element");
            }

            var ns = cursor.NamespaceUri;
            return cursor.LocalName switch
            {
                "Invoice" when ns == InvoiceXml.UblInvoiceNs => Ubl(cursor, InvoiceDocumentType.Invoice),
                "CreditNote" when ns == InvoiceXml.UblCreditNoteNs => Ubl(cursor, InvoiceDocumentType.CreditNote),
                "CrossIndustryInvoice" when ns == InvoiceXml.CiiNs => Cii(cursor, InvoiceSyntax.Cii),
                "CrossIndustryDocument" when ns == InvoiceXml.Zugferd1Ns => Cii(cursor, InvoiceSyntax.Zugferd1),
                _ => new InvoiceSniff(null, null, null, $"not an invoice root: {{{ns}}}{cursor.LocalName}"),
            };
        }
        catch (Exception ex) when (ex is XmlException or InvoiceFormatException or FormatException or System.Text.DecoderFallbackException)
        {
            return new InvoiceSniff(null, null, null, ex.Message);
        }
    }

    private static InvoiceSniff Ubl(XmlCursor c, InvoiceDocumentType type)
    {
        string? bt24 = null;
        if (c.BeginChildren())
        {
            while (c.NextChild())
            {
                if (c.LocalName == "CustomizationID")
                {
                    bt24 = c.ReadText().Trim();
                    break;
                }

                if (c.LocalName is "ID" or "IssueDate")
                {
                    break;
                }

                c.Skip();
            }
        }

        return new InvoiceSniff(InvoiceSyntax.Ubl, type, bt24, null);
    }

    private static InvoiceSniff Cii(XmlCursor c, InvoiceSyntax syntax)
    {
        string? bt24 = null;
        string? typeCode = null;
        if (c.BeginChildren())
        {
            while (c.NextChild())
            {
                var name = c.LocalName;
                if (name is "ExchangedDocumentContext" or "SpecifiedExchangedDocumentContext")
                {
                    bt24 ??= Descend(c, "GuidelineSpecifiedDocumentContextParameter", "ID");
                }
                else if (name is "ExchangedDocument" or "HeaderExchangedDocument")
                {
                    typeCode = Descend(c, "TypeCode", null);
                    break;
                }
                else
                {
                    break;
                }
            }
        }

        var type = typeCode is not null && new DocumentTypeCode(typeCode).IsCreditNote ? InvoiceDocumentType.CreditNote : InvoiceDocumentType.Invoice;
        return new InvoiceSniff(syntax, type, bt24, null);
    }

    // Reads the text of child `first` (or of its child `second`) of the current element; consumes the element.
    private static string? Descend(XmlCursor c, string first, string? second)
    {
        string? found = null;
        if (!c.BeginChildren())
        {
            return null;
        }

        while (c.NextChild())
        {
            if (found is null && c.LocalName == first)
            {
                found = second is null ? c.ReadText().Trim() : Descend(c, second, null);
            }
            else
            {
                c.Skip();
            }
        }

        return found;
    }
}

/// <summary>What <see cref="InvoiceSniffer"/> found.</summary>
/// <param name="Syntax">The syntax, or null when the input is not an invoice.</param>
/// <param name="DocumentType">Invoice or credit note (UBL root; CII type code), or null.</param>
/// <param name="SpecificationIdentifier">BT-24 as stated, or null.</param>
/// <param name="Error">Why the input is not a readable invoice, or null.</param>
public sealed record InvoiceSniff(InvoiceSyntax? Syntax, InvoiceDocumentType? DocumentType, string? SpecificationIdentifier, string? Error)
{
    /// <summary>True when the root is an invoice root.</summary>
    public bool IsInvoice => Syntax is not null;

    /// <summary>The normalised profile declared by BT-24.</summary>
    public InvoiceProfile Profile => InvoiceProfiles.Detect(SpecificationIdentifier);

    /// <summary>The profile's name as the CLI contract spells it (<c>EN 16931</c>, <c>BASIC WL</c>…), or null.</summary>
    public string? ProfileName => InvoiceProfiles.DisplayName(Profile);
}
