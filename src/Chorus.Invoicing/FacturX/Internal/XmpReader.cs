using System.Globalization;
using System.Xml;
using Chorus.Invoicing.Pdf.Internal;

namespace Chorus.Invoicing.FacturX.Internal;

/// <summary>
/// Reads the PDF/A identification and the Factur-X/ZUGFeRD extension values from an XMP packet. Values may be written
/// as elements (<c>&lt;fx:ConformanceLevel&gt;EN 16931&lt;/fx:ConformanceLevel&gt;</c>) or as attributes of
/// <c>rdf:Description</c>; the extension-schema description (<c>pdfaExtension</c>, which names the properties as text)
/// is not mistaken for values.
/// </summary>
internal static class XmpReader
{
    private const string PdfAidNs = "http://www.aiim.org/pdfa/ns/id/";

    public static FacturXMetadata Read(byte[] xmp)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        string? schemaNs = null;
        try
        {
            using var stream = new MemoryStream(xmp, writable: false);
            using var reader = XmlReader.Create(stream, InvoiceXmlPeek.SafeSettings(xmp.LongLength));
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                if (reader.HasAttributes)
                {
                    for (var i = 0; i < reader.AttributeCount; i++)
                    {
                        reader.MoveToAttribute(i);
                        Take(reader.NamespaceURI, reader.LocalName, reader.Value, values, ref schemaNs);
                    }

                    reader.MoveToElement();
                }

                if (IsWanted(reader.NamespaceURI, reader.LocalName) && !reader.IsEmptyElement)
                {
                    var ns = reader.NamespaceURI;
                    var name = reader.LocalName;
                    var text = reader.ReadElementContentAsString();
                    Take(ns, name, text, values, ref schemaNs);
                }
            }
        }
        catch (XmlException ex)
        {
            return Build(values, schemaNs) with { Problem = "XMP metadata is not well-formed XML: " + ex.Message };
        }

        return Build(values, schemaNs);
    }

    private static FacturXMetadata Build(Dictionary<string, string> v, string? schemaNs) => new()
    {
        PdfAPart = v.TryGetValue("part", out var part) && int.TryParse(part.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) ? p : null,
        PdfAConformance = v.TryGetValue("conformance", out var c) ? c.Trim() : null,
        ConformanceLevel = v.TryGetValue("ConformanceLevel", out var l) ? l.Trim() : null,
        DocumentType = v.TryGetValue("DocumentType", out var t) ? t.Trim() : null,
        DocumentFileName = v.TryGetValue("DocumentFileName", out var f) ? f.Trim() : null,
        Version = v.TryGetValue("Version", out var ver) ? ver.Trim() : null,
        SchemaNamespace = schemaNs,
    };

    private static bool IsWanted(string ns, string name) =>
        (ns == PdfAidNs && name is "part" or "conformance")
        || (IsInvoiceSchema(ns) && name is "ConformanceLevel" or "DocumentType" or "DocumentFileName" or "Version");

    private static void Take(string ns, string name, string value, Dictionary<string, string> values, ref string? schemaNs)
    {
        if (!IsWanted(ns, name) || values.ContainsKey(name))
        {
            return;
        }

        values[name] = value;
        if (ns != PdfAidNs)
        {
            schemaNs ??= ns;
        }
    }

    // fx: urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#, zf: urn:ferd:… / urn:zugferd:…, XRechnung: urn:…xrechnung…
    private static bool IsInvoiceSchema(string ns) =>
        ns.Length > 0
        && ns.StartsWith("urn:", StringComparison.Ordinal)
        && (Str.Has(ns, "factur-x", StringComparison.OrdinalIgnoreCase)
            || Str.Has(ns, "ferd", StringComparison.OrdinalIgnoreCase)
            || Str.Has(ns, "xrechnung", StringComparison.OrdinalIgnoreCase)
            || Str.Has(ns, "CrossIndustryDocument", StringComparison.OrdinalIgnoreCase));
}
