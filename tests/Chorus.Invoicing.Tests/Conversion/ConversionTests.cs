using Chorus.Invoicing.Conversion;
using Chorus.Invoicing.Model;
using Chorus.Invoicing.Tests.Cii;
using Chorus.Invoicing.Tests.Ubl;
using Chorus.Tests.Shared;

namespace Chorus.Invoicing.Tests.Conversion;

public class ConversionTests
{
    [Theory]
    [MemberData(nameof(UblFiles))]
    public void UblToCii_EveryCorpusFile_WritesWhatTheConverterAnnounced(string file)
    {
        var source = InvoiceXml.Read(File.ReadAllBytes(TestData.PathOf("ubl", file)));
        var result = InvoiceConverter.Convert(source.Invoice, source.Syntax, InvoiceSyntax.Cii);
        var written = InvoiceXml.Write(result.Invoice, InvoiceSyntax.Cii);
        Model.ModelDiff.AssertEqual(result.Invoice, InvoiceXml.Read(written).Invoice);
    }

    [Theory]
    [MemberData(nameof(CiiFiles))]
    public void CiiToUbl_EveryCorpusFile_WritesWhatTheConverterAnnounced(string file)
    {
        var source = InvoiceXml.Read(File.ReadAllBytes(TestData.PathOf("cii", file)));
        var result = InvoiceConverter.Convert(source.Invoice, source.Syntax, InvoiceSyntax.Ubl);
        var written = InvoiceXml.Write(result.Invoice, InvoiceSyntax.Ubl);
        Model.ModelDiff.AssertEqual(result.Invoice, InvoiceXml.Read(written).Invoice);
    }

    [Theory]
    [MemberData(nameof(UblFiles))]
    public void UblToCiiToUbl_WithoutWarnings_GivesBackTheOriginalModel(string file)
    {
        var original = InvoiceXml.Read(File.ReadAllBytes(TestData.PathOf("ubl", file)));
        var toCii = InvoiceConverter.Convert(original.Invoice, InvoiceSyntax.Ubl, InvoiceSyntax.Cii);
        var cii = InvoiceXml.Read(InvoiceXml.Write(toCii.Invoice, InvoiceSyntax.Cii));
        var back = InvoiceConverter.Convert(cii.Invoice, InvoiceSyntax.Cii, InvoiceSyntax.Ubl);
        if (toCii.Warnings.Count > 0 || back.Warnings.Count > 0)
        {
            Assert.Skip("lossy by announcement: " + string.Join("; ", toCii.Warnings.Concat(back.Warnings).Select(w => $"{w.BusinessTerm} {w.Message}")));
        }

        Model.ModelDiff.AssertEqual(original.Invoice, InvoiceXml.Read(InvoiceXml.Write(back.Invoice, InvoiceSyntax.Ubl)).Invoice);
    }

    [Theory]
    [MemberData(nameof(CiiFiles))]
    public void CiiToUbl_SchemaValidSource_GivesSchemaValidUbl(string file)
    {
        var bytes = File.ReadAllBytes(TestData.PathOf("cii", file));
        var source = InvoiceXml.Read(bytes);
        if (source.Syntax != InvoiceSyntax.Cii || SchemaCheck.ValidateCii(bytes).Count > 0)
        {
            Assert.Skip("the source itself is not CII D16B schema-valid");
        }

        var result = InvoiceConverter.Convert(source.Invoice, source.Syntax, InvoiceSyntax.Ubl);
        if (result.Warnings.Any(w => w.BusinessTerm is "BT-81" or "BT-146" or "BG-25"))
        {
            Assert.Skip("the converter announced a schema-invalid output: " + string.Join("; ", result.Warnings.Select(w => w.Message)));
        }

        var ubl = InvoiceXml.Write(result.Invoice, InvoiceSyntax.Ubl);
        Assert.Empty(SchemaCheck.ValidateUbl(ubl, result.Invoice.DocumentType == InvoiceDocumentType.CreditNote));
    }

    [Theory]
    [MemberData(nameof(UblFiles))]
    public void UblToCii_SchemaValidSource_GivesSchemaValidCii(string file)
    {
        var bytes = File.ReadAllBytes(TestData.PathOf("ubl", file));
        var source = InvoiceXml.Read(bytes);
        if (SchemaCheck.ValidateUbl(bytes, source.DocumentType == InvoiceDocumentType.CreditNote).Count > 0)
        {
            Assert.Skip("the source itself is not UBL 2.1 schema-valid");
        }

        var result = InvoiceConverter.Convert(source.Invoice, source.Syntax, InvoiceSyntax.Cii);
        Assert.Empty(SchemaCheck.ValidateCii(InvoiceXml.Write(result.Invoice, InvoiceSyntax.Cii)));
    }

    [Fact]
    public void CenExample1_UblToCii_MatchesTheOfficialCiiVersionOnBusinessValues()
    {
        // The CEN publishes example 1 in both syntaxes: our CII from the UBL agrees with theirs on the totals and lines.
        var ubl = InvoiceXml.Read(File.ReadAllBytes(TestData.PathOf("ubl", "ubl-tc434-example1.xml")));
        var converted = InvoiceXml.Read(InvoiceXml.Write(InvoiceConverter.Convert(ubl.Invoice, InvoiceSyntax.Ubl, InvoiceSyntax.Cii).Invoice, InvoiceSyntax.Cii)).Invoice;
        var official = InvoiceXml.Read(File.ReadAllBytes(TestData.PathOf("cii", "CII_example1.xml"))).Invoice;
        Assert.Equal(official.Totals, converted.Totals);
        Assert.Equal(official.VatBreakdowns, converted.VatBreakdowns);
        Assert.Equal(official.Lines.Select(l => (l.Id, l.NetAmount, l.Quantity?.Value, l.VatCategory, l.VatRate)), converted.Lines.Select(l => (l.Id, l.NetAmount, l.Quantity?.Value, l.VatCategory, l.VatRate)));
    }

    [Fact]
    public void UblToCii_TwoPrecedingInvoices_WarnsAboutTheSecond()
    {
        var invoice = new Invoice
        {
            Number = "1",
            PrecedingInvoices = [new PrecedingInvoiceReference("A", null), new PrecedingInvoiceReference("B", null)],
        };
        var result = InvoiceConverter.Convert(invoice, InvoiceSyntax.Ubl, InvoiceSyntax.Cii);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal("BG-3", warning.BusinessTerm);
        Assert.Contains("B", warning.Message, StringComparison.Ordinal);
        Assert.Single(result.Invoice.PrecedingInvoices);
    }

    [Theory]
    [InlineData("3", "5")]
    [InlineData("35", "29")]
    [InlineData("432", "72")]
    public void VatPointDateCode_IsMappedBetweenCodeLists(string ubl, string cii)
    {
        var fromUbl = InvoiceConverter.Convert(new Invoice { VatPointDateCode = ubl }, InvoiceSyntax.Ubl, InvoiceSyntax.Cii);
        Assert.Equal(cii, fromUbl.Invoice.VatPointDateCode);
        var fromCii = InvoiceConverter.Convert(new Invoice { VatPointDateCode = cii }, InvoiceSyntax.Cii, InvoiceSyntax.Ubl);
        Assert.Equal(ubl, fromCii.Invoice.VatPointDateCode);
    }

    public static TheoryData<string> UblFiles() => UblReaderTests.CorpusFiles("ubl");

    public static TheoryData<string> CiiFiles() => UblReaderTests.CorpusFiles("cii");
}
