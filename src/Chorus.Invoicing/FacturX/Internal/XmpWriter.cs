using System.Globalization;
using System.Security;
using System.Text;

namespace Chorus.Invoicing.FacturX.Internal;

/// <summary>
/// Writes the XMP packet of a Factur-X PDF: the PDF/A-3 identification, the document information mirrored from the
/// Info dictionary (PDF/A requires them to agree), the Factur-X values and the Factur-X PDF/A extension schema
/// (Factur-X 1.0 specification, §"XMP metadata").
/// </summary>
internal static class XmpWriter
{
    public const string FacturXNamespace = "urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#";

    public sealed record Info(string? Title, string? Author, string? Subject, string? Keywords, string? Creator, string Producer, DateTimeOffset? Created, DateTimeOffset Modified);

    public static byte[] Write(Info info, string fileName, string version, string level, string documentType = "INVOICE")
    {
        var sb = new StringBuilder();
        sb.Append("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n");
        sb.Append("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n");
        sb.Append("<rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n");
        sb.Append("<pdfaid:part>3</pdfaid:part>\n<pdfaid:conformance>B</pdfaid:conformance>\n</rdf:Description>\n");
        sb.Append("<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n<dc:format>application/pdf</dc:format>\n");
        if (info.Title is not null)
        {
            sb.Append("<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">").Append(E(info.Title)).Append("</rdf:li></rdf:Alt></dc:title>\n");
        }

        if (info.Author is not null)
        {
            sb.Append("<dc:creator><rdf:Seq><rdf:li>").Append(E(info.Author)).Append("</rdf:li></rdf:Seq></dc:creator>\n");
        }

        if (info.Subject is not null)
        {
            sb.Append("<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">").Append(E(info.Subject)).Append("</rdf:li></rdf:Alt></dc:description>\n");
        }

        sb.Append("</rdf:Description>\n");
        sb.Append("<rdf:Description rdf:about=\"\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n<pdf:Producer>").Append(E(info.Producer)).Append("</pdf:Producer>\n");
        if (info.Keywords is not null)
        {
            sb.Append("<pdf:Keywords>").Append(E(info.Keywords)).Append("</pdf:Keywords>\n");
        }

        sb.Append("</rdf:Description>\n");
        sb.Append("<rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n");
        if (info.Creator is not null)
        {
            sb.Append("<xmp:CreatorTool>").Append(E(info.Creator)).Append("</xmp:CreatorTool>\n");
        }

        if (info.Created is { } created)
        {
            sb.Append("<xmp:CreateDate>").Append(Iso(created)).Append("</xmp:CreateDate>\n");
        }

        sb.Append("<xmp:ModifyDate>").Append(Iso(info.Modified)).Append("</xmp:ModifyDate>\n");
        sb.Append("<xmp:MetadataDate>").Append(Iso(info.Modified)).Append("</xmp:MetadataDate>\n</rdf:Description>\n");
        sb.Append("<rdf:Description rdf:about=\"\" xmlns:fx=\"").Append(FacturXNamespace).Append("\">\n");
        sb.Append("<fx:DocumentType>").Append(E(documentType)).Append("</fx:DocumentType>\n");
        sb.Append("<fx:DocumentFileName>").Append(E(fileName)).Append("</fx:DocumentFileName>\n");
        sb.Append("<fx:Version>").Append(E(version)).Append("</fx:Version>\n");
        sb.Append("<fx:ConformanceLevel>").Append(E(level)).Append("</fx:ConformanceLevel>\n</rdf:Description>\n");
        sb.Append(ExtensionSchema);
        sb.Append("</rdf:RDF>\n</x:xmpmeta>\n");
        // padding lets a later tool update the packet in place (XMP specification part 1, §7.3.2)
        sb.Append(' ', 2000).Append('\n');
        sb.Append("<?xpacket end=\"w\"?>");
        return new UTF8Encoding(false).GetBytes(sb.ToString());
    }

    public static string Iso(DateTimeOffset t) => t.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static string E(string s) => SecurityElement.Escape(s) ?? "";

    private const string ExtensionSchema = """
        <rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
        <pdfaExtension:schemas>
        <rdf:Bag>
        <rdf:li rdf:parseType="Resource">
        <pdfaSchema:schema>Factur-X PDFA Extension Schema</pdfaSchema:schema>
        <pdfaSchema:namespaceURI>urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#</pdfaSchema:namespaceURI>
        <pdfaSchema:prefix>fx</pdfaSchema:prefix>
        <pdfaSchema:property>
        <rdf:Seq>
        <rdf:li rdf:parseType="Resource">
        <pdfaProperty:name>DocumentFileName</pdfaProperty:name>
        <pdfaProperty:valueType>Text</pdfaProperty:valueType>
        <pdfaProperty:category>external</pdfaProperty:category>
        <pdfaProperty:description>The name of the embedded XML document</pdfaProperty:description>
        </rdf:li>
        <rdf:li rdf:parseType="Resource">
        <pdfaProperty:name>DocumentType</pdfaProperty:name>
        <pdfaProperty:valueType>Text</pdfaProperty:valueType>
        <pdfaProperty:category>external</pdfaProperty:category>
        <pdfaProperty:description>The type of the hybrid document in capital letters, e.g. INVOICE or ORDER</pdfaProperty:description>
        </rdf:li>
        <rdf:li rdf:parseType="Resource">
        <pdfaProperty:name>Version</pdfaProperty:name>
        <pdfaProperty:valueType>Text</pdfaProperty:valueType>
        <pdfaProperty:category>external</pdfaProperty:category>
        <pdfaProperty:description>The actual version of the standard applying to the embedded XML document</pdfaProperty:description>
        </rdf:li>
        <rdf:li rdf:parseType="Resource">
        <pdfaProperty:name>ConformanceLevel</pdfaProperty:name>
        <pdfaProperty:valueType>Text</pdfaProperty:valueType>
        <pdfaProperty:category>external</pdfaProperty:category>
        <pdfaProperty:description>The conformance level of the embedded XML document</pdfaProperty:description>
        </rdf:li>
        </rdf:Seq>
        </pdfaSchema:property>
        </rdf:li>
        </rdf:Bag>
        </pdfaExtension:schemas>
        </rdf:Description>

        """;
}
