using Chorus.Invoicing.Model;
using Chorus.Tests.Shared;

namespace Chorus.Invoicing.Tests.Model;

public class InvoiceComparisonTests
{
    private static Invoice Example() => InvoiceXml.Read(File.ReadAllBytes(TestData.PathOf("ubl", "ubl-21-en16931.xml"))).Invoice;

    [Fact]
    public void Compare_SameInvoiceInTheOtherSyntax_FindsNoDifference()
    {
        var ubl = Example();
        var cii = InvoiceXml.Read(InvoiceXml.Write(Chorus.Invoicing.Conversion.InvoiceConverter.Convert(ubl, InvoiceSyntax.Ubl, InvoiceSyntax.Cii).Invoice, InvoiceSyntax.Cii)).Invoice;
        Assert.NotEqual(ubl, cii); // the currencyID attributes differ (CII amounts carry none)…
        // …but no business term does, except the second preceding invoice that CII D16B cannot hold (the converter warns).
        var difference = Assert.Single(InvoiceComparison.Compare(ubl, cii));
        Assert.Equal("BG-3", difference.Term);
        Assert.Equal(("2 item(s)", "1 item(s)"), (difference.Before, difference.After));
        Assert.Empty(InvoiceComparison.Compare(ubl, ubl with { Location = default }));
    }

    [Fact]
    public void Compare_RecycledInvoice_NamesTheChangedRoutingTerms()
    {
        var sent = Example();
        var resent = sent with
        {
            BuyerReference = "NEW-SERVICE",
            PurchaseOrderReference = "EJ-2",
            Buyer = sent.Buyer! with { Identifiers = [new Identifier("11000201100044", IdentifierScheme.Siret)] },
        };
        var diff = InvoiceComparison.Compare(sent, resent);
        Assert.Equal(["BT-10", "BT-13", "BT-46"], diff.Select(d => d.Term));
        var bt13 = diff.Single(d => d.Term == "BT-13");
        Assert.Equal(sent.PurchaseOrderReference, bt13.Before);
        Assert.Equal("EJ-2", bt13.After);
    }

    [Fact]
    public void Compare_ChangedLineAmount_ReportsTheLinesGroup()
    {
        var sent = Example();
        var line = sent.Lines[0] with { NetAmount = Amount.FromText("1.00") };
        var diff = InvoiceComparison.Compare(sent, sent with { Lines = [line, .. sent.Lines.Skip(1)] });
        Assert.Equal("BG-25", Assert.Single(diff).Term);
    }
}
