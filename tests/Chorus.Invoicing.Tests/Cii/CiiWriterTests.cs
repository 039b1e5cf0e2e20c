using Chorus.Invoicing.Model;
using Chorus.Invoicing.Tests.Ubl;
using Chorus.Tests.Shared;

namespace Chorus.Invoicing.Tests.Cii;

public class CiiWriterTests
{
    [Theory]
    [MemberData(nameof(CiiFiles))]
    public void RoundTrip_EveryCorpusFile_ReadWriteReadGivesAnEqualModel(string file)
    {
        var first = InvoiceXml.Read(File.ReadAllBytes(TestData.PathOf("cii", file)));
        var written = InvoiceXml.Write(first.Invoice, InvoiceSyntax.Cii);
        var second = InvoiceXml.Read(written);
        Assert.Equal(first.Invoice, second.Invoice);
    }

    [Theory]
    [MemberData(nameof(CiiFiles))]
    public void Write_EveryCorpusFileThatIsSchemaValid_StaysSchemaValid(string file)
    {
        var bytes = File.ReadAllBytes(TestData.PathOf("cii", file));
        var doc = InvoiceXml.Read(bytes);
        if (doc.Syntax != InvoiceSyntax.Cii || SchemaCheck.ValidateCii(bytes).Count > 0)
        {
            Assert.Skip("the source itself is not CII D16B schema-valid");
        }

        var errors = SchemaCheck.ValidateCii(InvoiceXml.Write(doc.Invoice, InvoiceSyntax.Cii));
        Assert.Empty(errors);
    }

    [Fact]
    public void Write_UsesTheConventionalPrefixes()
    {
        var doc = InvoiceXml.Read(File.ReadAllBytes(TestData.PathOf("cii", "CII_example1.xml")));
        var xml = System.Text.Encoding.UTF8.GetString(InvoiceXml.Write(doc.Invoice, InvoiceSyntax.Cii));
        Assert.Contains("<rsm:CrossIndustryInvoice xmlns:rsm=", xml, StringComparison.Ordinal);
        Assert.Contains("<ram:LineTotalAmount>229.6</ram:LineTotalAmount>", xml, StringComparison.Ordinal);
        Assert.Contains("<udt:DateTimeString format=\"102\">20150109</udt:DateTimeString>", xml, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_BuiltInvoice_IsSchemaValidAndReadsBackEqual()
    {
        var invoice = new InvoiceBuilder("F-2026-001", new DateTime(2026, 1, 15))
            .Seller(new Party { Name = "Fournisseur SA", VatId = "FR44732829320", LegalRegistrationId = new Identifier("732829320", IdentifierScheme.Siren), Address = new Address { City = "Paris", CountryCode = "FR" } })
            .Buyer(new Party { Name = "Ministère", Identifiers = [new Identifier("11000201100044", IdentifierScheme.Siret)], Address = new Address { CountryCode = "FR" } })
            .BuyerReference("SERVICE-01")
            .PurchaseOrderReference("EJ-1234")
            .AddLine("1", "Conseil", 2m, UnitCode.Hour, 450m, VatCategoryCode.Standard, 20m)
            .ComputeTotals()
            .Build();
        var bytes = InvoiceXml.Write(invoice, InvoiceSyntax.Cii);
        Assert.Empty(SchemaCheck.ValidateCii(bytes));
        Assert.Equal(invoice, InvoiceXml.Read(bytes).Invoice);
    }

    public static TheoryData<string> CiiFiles() => UblReaderTests.CorpusFiles("cii");
}
