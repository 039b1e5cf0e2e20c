using Chorus.Invoicing.Model;
using Chorus.Invoicing.Tests.Cii;
using Chorus.Tests.Shared;

namespace Chorus.Invoicing.Tests.Ubl;

public class UblWriterTests
{
    [Theory]
    [MemberData(nameof(UblFiles))]
    public void RoundTrip_EveryCorpusFile_ReadWriteReadGivesAnEqualModel(string file)
    {
        var first = InvoiceXml.Read(File.ReadAllBytes(TestData.PathOf("ubl", file)));
        var written = InvoiceXml.Write(first.Invoice, InvoiceSyntax.Ubl);
        var second = InvoiceXml.Read(written);
        Assert.Equal(first.Invoice, second.Invoice);
        Assert.Equal(first.RootName, second.RootName);
    }

    [Theory]
    [MemberData(nameof(UblFiles))]
    public void Write_EveryCorpusFileThatIsSchemaValid_StaysSchemaValid(string file)
    {
        var bytes = File.ReadAllBytes(TestData.PathOf("ubl", file));
        var doc = InvoiceXml.Read(bytes);
        var creditNote = doc.DocumentType == InvoiceDocumentType.CreditNote;
        if (SchemaCheck.ValidateUbl(bytes, creditNote).Count > 0)
        {
            Assert.Skip("the source itself is not UBL 2.1 schema-valid");
        }

        Assert.Empty(SchemaCheck.ValidateUbl(InvoiceXml.Write(doc.Invoice, InvoiceSyntax.Ubl), creditNote));
    }

    [Fact]
    public void Write_BuiltCreditNote_IsASchemaValidUblCreditNote()
    {
        var invoice = new InvoiceBuilder("A-2026-001", new DateTime(2026, 1, 15))
            .TypeCode(DocumentTypeCode.CreditNote)
            .Seller(new Party { Name = "Fournisseur SA", VatId = "FR44732829320", Address = new Address { CountryCode = "FR" } })
            .Buyer(new Party { Name = "Ministère", Address = new Address { CountryCode = "FR" } })
            .AddLine("1", "Avoir conseil", 1m, UnitCode.Hour, 450m, VatCategoryCode.Standard, 20m)
            .ComputeTotals()
            .Build();
        var bytes = InvoiceXml.Write(invoice, InvoiceSyntax.Ubl);
        var text = System.Text.Encoding.UTF8.GetString(bytes);
        Assert.Equal('<', text[0]); // no byte order mark
        Assert.Contains("xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2\"", text, StringComparison.Ordinal);
        Assert.Contains("<CreditNote ", text, StringComparison.Ordinal);
        Assert.Contains("<cac:CreditNoteLine>", text, StringComparison.Ordinal);
        Assert.Empty(SchemaCheck.ValidateUbl(bytes, creditNote: true));
        Assert.Equal(invoice with { Totals = null }, InvoiceXml.Read(bytes).Invoice with { Totals = null, Lines = invoice.Lines, VatBreakdowns = invoice.VatBreakdowns });
    }

    public static TheoryData<string> UblFiles() => UblReaderTests.CorpusFiles("ubl");
}
