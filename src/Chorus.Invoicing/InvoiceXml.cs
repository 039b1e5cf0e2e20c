using System.Globalization;
using System.Text;
using System.Xml;
using Chorus.Invoicing.Cii;
using Chorus.Invoicing.Model;
using Chorus.Invoicing.Ubl;
using Chorus.Invoicing.Xml;

namespace Chorus.Invoicing;

/// <summary>
/// Reads and writes invoices: UBL 2.1 (<c>Invoice</c>, <c>CreditNote</c>), UN/CEFACT CII D16B (all Factur-X profiles)
/// and, read only, ZUGFeRD 1.0. One streaming pass on <see cref="XmlReader"/> (no DOM, DTDs prohibited, no resolver,
/// size and depth limits); the syntax is detected from the root element by the same reader.
/// </summary>
public static class InvoiceXml
{
    internal const string UblInvoiceNs = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
    internal const string UblCreditNoteNs = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2";
    internal const string CiiNs = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100";
    internal const string Zugferd1Ns = "urn:ferd:CrossIndustryDocument:invoice:1p0";

    /// <summary>Reads an invoice document from a stream (left open).</summary>
    /// <exception cref="InvoiceFormatException">The input is not a readable invoice (see the exception's position).</exception>
    public static InvoiceDocument Read(Stream stream, InvoiceReadOptions? options = null)
    {
        options ??= InvoiceReadOptions.Default;
        using var reader = XmlReader.Create(stream, ReaderSettings(options));
        return Read(reader, options, owned: true);
    }

    /// <summary>Reads an invoice document from bytes.</summary>
    /// <exception cref="InvoiceFormatException">The input is not a readable invoice.</exception>
    public static InvoiceDocument Read(byte[] xml, InvoiceReadOptions? options = null)
    {
#if NET8_0_OR_GREATER
        ArgumentNullException.ThrowIfNull(xml);
#endif
        // Plain UTF-8 (nearly every invoice) is decoded straight from the array: no stream, no second buffer.
        if (Utf8ByteReader.TryCreate(xml, 0, xml.Length) is { } text)
        {
            options ??= InvoiceReadOptions.Default;
            using var reader = XmlReader.Create(text, ReaderSettings(options));
            return Read(reader, options, owned: true);
        }

        using var stream = new MemoryStream(xml, writable: false);
        return Read(stream, options);
    }

    /// <summary>
    /// Reads an invoice document from a reader the caller created (e.g. a schema-validating reader, so that XSD
    /// validation happens in the same pass). The caller owns the reader's settings: keep DTDs prohibited and no resolver.
    /// </summary>
    /// <exception cref="InvoiceFormatException">The input is not a readable invoice.</exception>
    public static InvoiceDocument Read(XmlReader reader, InvoiceReadOptions? options = null) => Read(reader, options ?? InvoiceReadOptions.Default, owned: false);

    /// <summary>Reads just the invoice model from a stream.</summary>
    /// <exception cref="InvoiceFormatException">The input is not a readable invoice.</exception>
    public static Invoice ReadInvoice(Stream stream, InvoiceReadOptions? options = null) => Read(stream, options).Invoice;

    /// <summary>Writes an invoice in a syntax (UBL or CII) to a stream (UTF-8, left open).</summary>
    /// <exception cref="ArgumentException"><paramref name="syntax"/> is <see cref="InvoiceSyntax.Zugferd1"/> (read only).</exception>
    public static void Write(Invoice invoice, InvoiceSyntax syntax, Stream output, InvoiceWriteOptions? options = null)
    {
        options ??= InvoiceWriteOptions.Default;
        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            Indent = options.Indent,
            CloseOutput = false,
        };
        using var writer = XmlWriter.Create(output, settings);
        switch (syntax)
        {
            case InvoiceSyntax.Ubl:
                UblWriter.Write(invoice, writer);
                break;
            case InvoiceSyntax.Cii:
                CiiWriter.Write(invoice, writer);
                break;
            default:
                throw new ArgumentException("ZUGFeRD 1.0 is read only: write CII (Factur-X) instead", nameof(syntax));
        }
    }

    /// <summary>Writes an invoice in a syntax and returns the UTF-8 bytes.</summary>
    public static byte[] Write(Invoice invoice, InvoiceSyntax syntax, InvoiceWriteOptions? options = null)
    {
        using var stream = new MemoryStream();
        Write(invoice, syntax, stream, options);
        return stream.ToArray();
    }

    internal static XmlReaderSettings ReaderSettings(InvoiceReadOptions options) => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        MaxCharactersInDocument = options.MaxCharacters,
        MaxCharactersFromEntities = 0,
        CloseInput = false,
    };

    private static InvoiceDocument Read(XmlReader reader, InvoiceReadOptions options, bool owned)
    {
        _ = owned;
        var cursor = new XmlCursor(reader, options.MaxDepth);
        try
        {
            if (!cursor.MoveToRoot())
            {
                throw new InvoiceFormatException("no root element", cursor.Line, cursor.Column);
            }

            var ns = cursor.NamespaceUri;
            var name = cursor.LocalName;
            Invoice invoice;
            InvoiceSyntax syntax;
            if (name == "Invoice" && ns == UblInvoiceNs)
            {
                (invoice, syntax) = (UblReader.Read(cursor, InvoiceDocumentType.Invoice), InvoiceSyntax.Ubl);
            }
            else if (name == "CreditNote" && ns == UblCreditNoteNs)
            {
                (invoice, syntax) = (UblReader.Read(cursor, InvoiceDocumentType.CreditNote), InvoiceSyntax.Ubl);
            }
            else if (name == "CrossIndustryInvoice" && ns == CiiNs)
            {
                (invoice, syntax) = (CiiReader.Read(cursor), InvoiceSyntax.Cii);
            }
            else if (name == "CrossIndustryDocument" && ns == Zugferd1Ns)
            {
                (invoice, syntax) = (CiiReader.Read(cursor), InvoiceSyntax.Zugferd1);
            }
            else
            {
                throw new InvoiceFormatException($"not an invoice: root element {{{ns}}}{name} is neither UBL 2.1 Invoice/CreditNote, CII CrossIndustryInvoice nor ZUGFeRD 1.0", cursor.Line, cursor.Column);
            }

            return new InvoiceDocument(invoice, syntax, name, cursor.Repeated.ToArray());
        }
        catch (XmlException ex)
        {
            var line = ex.LineNumber > 0 ? ex.LineNumber : cursor.Line;
            var position = ex.LineNumber > 0 ? ex.LinePosition : cursor.Column;
            // XmlException repeats " Line n, position m." in its message: the exception states the position once.
            var message = ex.Message;
            var repeated = string.Format(CultureInfo.InvariantCulture, " Line {0}, position {1}.", ex.LineNumber, ex.LinePosition);
            var at = message.IndexOf(repeated, StringComparison.Ordinal);
            if (at >= 0)
            {
                message = message.Remove(at, repeated.Length);
            }

            throw new InvoiceFormatException("not well-formed XML: " + message, line, position, ex);
        }
        catch (FormatException ex)
        {
            throw new InvoiceFormatException("unreadable content: " + ex.Message, cursor.Line, cursor.Column, ex);
        }
        catch (DecoderFallbackException ex)
        {
            throw new InvoiceFormatException("bad character encoding: " + ex.Message, cursor.Line, cursor.Column, ex);
        }
    }
}

/// <summary>Limits for reading untrusted invoices.</summary>
public sealed record InvoiceReadOptions
{
    /// <summary>The defaults: 100 million characters, 64 levels of nesting.</summary>
    public static InvoiceReadOptions Default { get; } = new();

    /// <summary>Maximum characters in the document (an attachment counts its base64 text). Default 100,000,000.</summary>
    public long MaxCharacters { get; init; } = 100_000_000;

    /// <summary>Maximum element nesting depth. Default 64 (real invoices nest fewer than 15 levels).</summary>
    public int MaxDepth { get; init; } = 64;
}

/// <summary>How to write invoices.</summary>
public sealed record InvoiceWriteOptions
{
    /// <summary>The defaults: indented.</summary>
    public static InvoiceWriteOptions Default { get; } = new();

    /// <summary>Indent the XML (default true).</summary>
    public bool Indent { get; init; } = true;
}
