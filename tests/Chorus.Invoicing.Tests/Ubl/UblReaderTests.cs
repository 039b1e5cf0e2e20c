using Chorus.Invoicing.Model;
using Chorus.Tests.Shared;

namespace Chorus.Invoicing.Tests.Ubl;

public class UblReaderTests
{
    internal static InvoiceDocument ReadUbl(string file)
    {
        using var stream = File.OpenRead(TestData.PathOf("ubl", file));
        return InvoiceXml.Read(stream);
    }

    [Fact]
    public void Read_CenExample1_HasTheValuesPrintedInTheFile()
    {
        var doc = ReadUbl("ubl-tc434-example1.xml");
        var invoice = doc.Invoice;
        Assert.Equal(InvoiceSyntax.Ubl, doc.Syntax);
        Assert.Equal(InvoiceDocumentType.Invoice, doc.DocumentType);
        Assert.Equal(InvoiceProfile.En16931, doc.Profile);
        Assert.Equal("12115118", invoice.Number);
        Assert.Equal(new DateTime(2015, 1, 9), invoice.IssueDate!.Value.Value);
        Assert.Equal(new DateTime(2015, 1, 9), invoice.DueDate!.Value.Value);
        Assert.Equal("380", invoice.TypeCode!.Value.Value);
        Assert.Equal("EUR", invoice.CurrencyCode!.Value.Value);
        Assert.Equal("De Koksmaat", invoice.Seller!.Name);
        Assert.Equal("NL8200.98.395.B.01", invoice.Seller.VatId);
        Assert.Equal("57151520", invoice.Seller.LegalRegistrationId!.Value);
        Assert.Equal("ODIN 59", invoice.Buyer!.Name);
        Assert.Equal("10202", invoice.Buyer.Identifiers.Single().Value);
        Assert.Equal(["NL57 RABO 0107307510", "NL03 INGB 0004489902"], invoice.PaymentInstructions!.CreditTransfers.Select(t => t.AccountId));
        Assert.Equal(20.73m, invoice.Totals!.VatTotal!.Value.Value);
        Assert.Equal([10.99m, 9.74m], invoice.VatBreakdowns.Select(b => b.TaxAmount!.Value.Value!.Value));
        Assert.Equal(229.60m, invoice.Totals.LineTotal!.Value.Value);
        Assert.Equal("229.60", invoice.Totals.LineTotal!.Value.Text);
        Assert.Equal("EUR", invoice.Totals.LineTotal!.Value.CurrencyId);
        Assert.Equal(250.33m, invoice.Totals.TaxInclusiveAmount!.Value.Value);
        Assert.Equal(250.33m, invoice.Totals.AmountDue!.Value.Value);
        Assert.Equal(20, invoice.Lines.Count);
        Assert.Equal(19.90m, invoice.Lines[0].NetAmount!.Value.Value);
        Assert.Equal("166022", invoice.Lines[0].Item!.SellerId);
    }

    [Fact]
    public void Read_SameInvoiceInUblAndCii_GivesTheSameBusinessValues()
    {
        // ubl-tc434-example1 and CII_example1 are the same CEN example in the two syntaxes.
        var ubl = ReadUbl("ubl-tc434-example1.xml").Invoice;
        using var stream = File.OpenRead(TestData.PathOf("cii", "CII_example1.xml"));
        var cii = InvoiceXml.Read(stream).Invoice;
        Assert.Equal(cii.Number, ubl.Number);
        Assert.Equal(cii.IssueDate, ubl.IssueDate);
        Assert.Equal(cii.Seller!.Name, ubl.Seller!.Name);
        Assert.Equal(cii.Seller.VatId, ubl.Seller.VatId);
        Assert.Equal(cii.Buyer!.Address!.City, ubl.Buyer!.Address!.City);
        Assert.Equal(cii.Lines.Select(l => l.NetAmount!.Value.Value), ubl.Lines.Select(l => l.NetAmount!.Value.Value));
        Assert.Equal(cii.Lines.Select(l => l.Item!.SellerId), ubl.Lines.Select(l => l.Item!.SellerId)); // (item names differ: "PKAAS" typo in the UBL file)
        Assert.Equal(cii.VatBreakdowns.Select(b => (b.Category, b.Rate, b.TaxAmount!.Value.Value)), ubl.VatBreakdowns.Select(b => (b.Category, b.Rate, b.TaxAmount!.Value.Value)));
        Assert.Equal(cii.Totals!.AmountDue!.Value.Value, ubl.Totals!.AmountDue!.Value.Value);
    }

    [Fact]
    public void Read_CreditNote_IsACreditNoteWithCreditedQuantities()
    {
        var doc = ReadUbl("ubl-tc434-creditnote1.xml");
        Assert.Equal(InvoiceDocumentType.CreditNote, doc.DocumentType);
        Assert.Equal("CreditNote", doc.RootName);
        Assert.True(doc.Invoice.TypeCode!.Value.IsCreditNote);
        Assert.All(doc.Invoice.Lines, l => Assert.NotNull(l.Quantity));
    }

    [Fact]
    public void Read_PriceDiscount_KeepsNetGrossAndDiscount()
    {
        var invoice = ReadUbl("sample-discount-price.xml").Invoice;
        var price = invoice.Lines.Select(l => l.Price).First(p => p?.Discount is not null)!;
        Assert.NotNull(price.GrossPrice);
        Assert.Equal(price.GrossPrice!.Value.Value - price.Discount!.Value.Value, price.NetPrice!.Value.Value);
    }

    [Fact]
    public void Read_RepeatedSingleElement_IsRecordedAndTheFirstKept()
    {
        const string xml = """
            <Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
                     xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
              <cbc:ID>A</cbc:ID><cbc:BuyerReference>S1</cbc:BuyerReference><cbc:BuyerReference>S2</cbc:BuyerReference>
            </Invoice>
            """;
        var doc = InvoiceXml.Read(System.Text.Encoding.UTF8.GetBytes(xml));
        Assert.Equal("S1", doc.Invoice.BuyerReference);
        var repeat = Assert.Single(doc.RepeatedElements);
        Assert.Equal("cbc:BuyerReference", repeat.Name);
        Assert.Equal("/Invoice/cbc:BuyerReference[2]", repeat.Location.XPath);
    }

    [Fact]
    public void Read_BadAmount_KeepsTheTextInsteadOfThrowing()
    {
        const string xml = """
            <Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
                     xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
                     xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
              <cac:LegalMonetaryTotal><cbc:PayableAmount currencyID="EUR">12,50</cbc:PayableAmount></cac:LegalMonetaryTotal>
            </Invoice>
            """;
        var amount = InvoiceXml.Read(System.Text.Encoding.UTF8.GetBytes(xml)).Invoice.Totals!.AmountDue!.Value;
        Assert.False(amount.IsValid);
        Assert.Equal("12,50", amount.Text);
        Assert.Equal("/Invoice/cac:LegalMonetaryTotal[1]/cbc:PayableAmount[1]", amount.Location.XPath);
    }

    [Theory]
    [MemberData(nameof(UblFiles))]
    public void Read_EveryCorpusFile_GivesAnInvoiceWithANumber(string file)
    {
        var invoice = ReadUbl(file).Invoice;
        Assert.NotNull(invoice.Number);
        Assert.NotNull(invoice.Seller);
        Assert.NotEmpty(invoice.Lines);
    }

    public static TheoryData<string> UblFiles() => CorpusFiles("ubl");

    /// <summary>Every .xml/.XML file directly in a tests/data folder (not the rules/ test sets).</summary>
    internal static TheoryData<string> CorpusFiles(string folder)
    {
        var options = new EnumerationOptions { MatchCasing = MatchCasing.CaseInsensitive };
        var data = new TheoryData<string>();
        foreach (var file in System.IO.Directory.GetFiles(TestData.PathOf(folder), "*.xml", options).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }
}
