using Chorus.Invoicing.Model;
using Chorus.Tests.Shared;

namespace Chorus.Invoicing.Tests.Cii;

public class CiiReaderTests
{
    private static InvoiceDocument ReadCii(string file)
    {
        using var stream = File.OpenRead(TestData.PathOf("cii", file));
        return InvoiceXml.Read(stream);
    }

    [Fact]
    public void Read_CenExample1_HasTheValuesPrintedInTheFile()
    {
        var doc = ReadCii("CII_example1.xml");
        var invoice = doc.Invoice;
        Assert.Equal(InvoiceSyntax.Cii, doc.Syntax);
        Assert.Equal(InvoiceProfile.En16931, doc.Profile);
        Assert.Equal("12115118", invoice.Number);
        Assert.Equal(DocumentTypeCode.CommercialInvoice, invoice.TypeCode);
        Assert.Equal(new DateTime(2015, 1, 9), invoice.IssueDate!.Value.Value);
        Assert.Equal("102", invoice.IssueDate!.Value.Format);
        Assert.Equal("EUR", invoice.CurrencyCode!.Value.Value);
        Assert.Equal("AAR", invoice.Notes.Single().SubjectCode);
        Assert.Equal(20, invoice.Lines.Count);

        Assert.Equal("De Koksmaat", invoice.Seller!.Name);
        Assert.Equal("57151520", invoice.Seller.LegalRegistrationId!.Value);
        Assert.Equal("NL8200.98.395.B.01", invoice.Seller.VatId);
        Assert.Equal("Velsen-Noord", invoice.Seller.Address!.City);
        Assert.Equal("10202", invoice.Buyer!.Identifiers.Single().Value);
        Assert.Equal("Dhr. J BLOKKER", invoice.Buyer.Contact!.Name);

        var totals = invoice.Totals!;
        Assert.Equal(229.6m, totals.LineTotal!.Value.Value);
        Assert.Equal("229.6", totals.LineTotal!.Value.Text);
        Assert.Equal(229.6m, totals.TaxExclusiveAmount!.Value.Value);
        Assert.Equal(20.73m, totals.VatTotal!.Value.Value);
        Assert.Equal("EUR", totals.VatTotal!.Value.CurrencyId);
        Assert.Equal(250.33m, totals.TaxInclusiveAmount!.Value.Value);
        Assert.Equal(250.33m, totals.AmountDue!.Value.Value);

        var first = invoice.Lines[0];
        Assert.Equal("1", first.Id);
        Assert.Equal("PATAT FRITES 10MM 10KG", first.Item!.Name);
        Assert.Equal("166022", first.Item.SellerId);
        Assert.Equal(9.95m, first.Price!.NetPrice!.Value.Value);
        Assert.Equal(2m, first.Quantity!.Value.Value);
        Assert.Equal("H87", first.Quantity!.Value.UnitCode!.Value.Value);
        Assert.Equal(VatCategoryCode.Standard, first.VatCategory);
        Assert.Equal(6m, first.VatRate!.Value.Value);

        // BR-CO-10 holds in the official example: the sum of line net amounts is BT-106.
        Assert.Equal(totals.LineTotal!.Value.Value, invoice.Lines.Sum(l => l.NetAmount!.Value.Value));
        Assert.Equal(totals.VatTotal!.Value.Value, invoice.VatBreakdowns.Sum(b => b.TaxAmount!.Value.Value));
    }

    [Fact]
    public void Read_Locations_PointAtTheElements()
    {
        var invoice = ReadCii("CII_example1.xml").Invoice;
        Assert.Equal("/rsm:CrossIndustryInvoice", invoice.Location.XPath);
        Assert.Equal("/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction[1]/ram:IncludedSupplyChainTradeLineItem[2]", invoice.Lines[1].Location.XPath);
        Assert.Equal("/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction[1]/ram:ApplicableHeaderTradeAgreement[1]/ram:SellerTradeParty[1]", invoice.Seller!.Location.XPath);
        Assert.EndsWith("ram:SpecifiedTradeSettlementHeaderMonetarySummation[1]/ram:LineTotalAmount[1]", invoice.Totals!.LineTotal!.Value.Location.XPath, StringComparison.Ordinal);
        Assert.True(invoice.Lines[1].Location.Line > 0);
    }

    [Fact]
    public void Read_Zugferd1Comfort_IsReadWithItsOwnElementNames()
    {
        var doc = ReadCii("ZUGFeRD_1p0_COMFORT_Einfach.xml");
        Assert.Equal(InvoiceSyntax.Zugferd1, doc.Syntax);
        Assert.Equal(InvoiceProfile.Comfort, doc.Profile);
        var invoice = doc.Invoice;
        Assert.Equal("471102", invoice.Number);
        Assert.Equal("Lieferant GmbH", invoice.Seller!.Name);
        Assert.Equal("Kunden AG Mitte", invoice.Buyer!.Name);
        Assert.Equal(["GE2020211", "4000001987658 (0088)"], invoice.Buyer.Identifiers.Select(i => i.ToString()));
        Assert.Equal("DE123456789", invoice.Seller.VatId);
        Assert.Equal("EUR", invoice.CurrencyCode!.Value.Value);
        Assert.Equal(new CreditTransfer("DE08700901001234567890", null, "GENODEF1M04"), invoice.PaymentInstructions!.CreditTransfers.Single());
        Assert.Equal(("31", "Überweisung", "2013-471102"), (invoice.PaymentInstructions.MeansCode, invoice.PaymentInstructions.MeansText, invoice.PaymentInstructions.RemittanceInformation));
        Assert.Equal([7.00m, 19.00m], invoice.VatBreakdowns.Select(b => b.Rate!.Value.Value!.Value));
        var totals = invoice.Totals!;
        Assert.Equal(473.00m, totals.LineTotal!.Value.Value);
        Assert.Equal(473.00m, totals.TaxExclusiveAmount!.Value.Value);
        Assert.Equal(56.87m, totals.VatTotal!.Value.Value);
        Assert.Equal(529.87m, totals.TaxInclusiveAmount!.Value.Value);
        Assert.Equal(529.87m, totals.AmountDue!.Value.Value);
        Assert.Equal(totals.LineTotal!.Value.Value, invoice.Lines.Sum(l => l.NetAmount!.Value.Value));
        Assert.Contains(invoice.Lines, l => l.Item?.Name == "Trennblätter A4" && l.VatRate!.Value.Value == 19.00m);
    }

    [Theory]
    [MemberData(nameof(CiiFiles))]
    public void Read_EveryCorpusFile_GivesAnInvoiceWithANumber(string file)
    {
        var invoice = ReadCii(file).Invoice;
        Assert.NotNull(invoice.Number);
        Assert.NotNull(invoice.Seller);
    }

    public static TheoryData<string> CiiFiles() => TestData.Files("cii", "*.xml");
}

public class SchemaValidatingReaderTests
{
    [Fact]
    public void Read_ThroughASchemaValidatingReader_GivesTheModelAndTheSchemaErrorsInOnePass()
    {
        var schemas = new System.Xml.Schema.XmlSchemaSet { XmlResolver = new System.Xml.XmlUrlResolver() };
        schemas.Add(null, TestData.PathOf("schemas", "cii-d16b", "CII", "uncefact", "data", "standard", "CrossIndustryInvoice_100pD16B.xsd"));
        var errors = new List<string>();
        var settings = new System.Xml.XmlReaderSettings { ValidationType = System.Xml.ValidationType.Schema, Schemas = schemas, DtdProcessing = System.Xml.DtdProcessing.Prohibit, XmlResolver = null };
        settings.ValidationEventHandler += (_, e) => errors.Add(e.Message);

        using (var reader = System.Xml.XmlReader.Create(TestData.PathOf("cii", "CII_example1.xml"), settings))
        {
            Assert.Equal("12115118", InvoiceXml.Read(reader).Invoice.Number);
        }

        Assert.Empty(errors);
        using (var reader = System.Xml.XmlReader.Create(TestData.PathOf("cii", "invalidV2.xml"), settings))
        {
            Assert.NotNull(InvoiceXml.Read(reader).Invoice.Number);
        }

        Assert.NotEmpty(errors); // invalidV2.xml breaks the D16B schema (see cii/README.md)
    }

    [Fact]
    public async Task Read_DuplicatedProductElement_EndsAndKeepsTheFirst()
    {
        // Found by the fuzzing harness: a second ram:SpecifiedTradeProduct in a line made the read loop spin forever.
        var text = File.ReadAllText(TestData.PathOf("cii", "line-total-4-decimals.xml"));
        var at = text.IndexOf("</ram:SpecifiedTradeProduct>", StringComparison.Ordinal);
        Assert.True(at > 0);
        var mutant = text.Insert(at, "</ram:SpecifiedTradeProduct><ram:SpecifiedTradeProduct><ram:Name>Second</ram:Name>");
        var read = Task.Run(() => InvoiceXml.Read(System.Text.Encoding.UTF8.GetBytes(mutant)), TestContext.Current.CancellationToken);

        var finished = await Task.WhenAny(read, Task.Delay(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken));
        Assert.True(finished == read, "the reader did not finish");
        Assert.NotEqual("Second", (await read).Invoice.Lines[0].Item?.Name);
    }
}
