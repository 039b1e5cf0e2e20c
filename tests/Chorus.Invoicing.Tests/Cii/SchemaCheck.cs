using System.Xml;
using System.Xml.Schema;
using Chorus.Tests.Shared;

namespace Chorus.Invoicing.Tests.Cii;

/// <summary>Validates XML against the official UBL 2.1 and CII D16B schemas (tests/data/schemas), returning the errors.</summary>
internal static class SchemaCheck
{
    private static readonly Lazy<XmlSchemaSet> Cii = new(() => Load(TestData.PathOf("schemas", "cii-d16b", "CII", "uncefact", "data", "standard", "CrossIndustryInvoice_100pD16B.xsd")));
    private static readonly Lazy<XmlSchemaSet> UblInvoice = new(() => LoadUbl("UBL-Invoice-2.1.xsd"));
    private static readonly Lazy<XmlSchemaSet> UblCreditNote = new(() => LoadUbl("UBL-CreditNote-2.1.xsd"));

    public static List<string> ValidateCii(byte[] xml) => Validate(xml, Cii.Value);

    public static List<string> ValidateUbl(byte[] xml, bool creditNote) => Validate(xml, creditNote ? UblCreditNote.Value : UblInvoice.Value);

    private static List<string> Validate(byte[] xml, XmlSchemaSet schemas)
    {
        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas, DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        settings.ValidationEventHandler += (_, e) =>
        {
            if (e.Severity == XmlSeverityType.Error)
            {
                errors.Add($"line {e.Exception.LineNumber}: {e.Message}");
            }
        };
        using var reader = XmlReader.Create(new MemoryStream(xml), settings);
        while (reader.Read())
        {
        }

        return errors;
    }

    private static XmlSchemaSet Load(string path)
    {
        var set = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        set.Add(null, path);
        set.Compile();
        return set;
    }

    private static XmlSchemaSet LoadUbl(string maindoc)
    {
        var set = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        // The xmldsig schema carries an internal DTD (entities only): parse it with no resolver.
        var dsig = TestData.PathOf("schemas", "ubl-2.1", "common", "UBL-xmldsig-core-schema-2.1.xsd");
        using (var r = XmlReader.Create(dsig, new XmlReaderSettings { DtdProcessing = DtdProcessing.Parse, XmlResolver = null }))
        {
            set.Add(XmlSchema.Read(r, null)!);
        }

        set.Add(null, TestData.PathOf("schemas", "ubl-2.1", "maindoc", maindoc));
        set.Compile();
        return set;
    }
}
