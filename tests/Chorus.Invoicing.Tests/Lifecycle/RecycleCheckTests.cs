using Chorus.Invoicing.Lifecycle;
using Chorus.Invoicing.Model;

namespace Chorus.Invoicing.Tests.Lifecycle;

/// <summary>
/// Recycling (communaute.chorus-pro.gouv.fr, "Comment traiter une facture qui m'est renvoyée"): only the recipient
/// SIRET, the code service (BT-10) and the engagement number (BT-13) may change; the invoice number (BT-1) stays.
/// </summary>
public class RecycleCheckTests
{
    private static readonly Invoice Sent = Make(quantity: 2);

    private static Invoice Make(decimal quantity) => new InvoiceBuilder("F-2026-0042", new DateTime(2026, 9, 15))
        .BuyerReference("SERVICE-A")
        .PurchaseOrderReference("EJ-1000001")
        .Seller(new Party { Name = "Fournisseur SA", LegalRegistrationId = new Identifier("732829320", IdentifierScheme.Siren) })
        .Buyer(new Party { Name = "Mairie de Test", Identifiers = new[] { new Identifier("21750001600019", IdentifierScheme.Siret) }.ToEquatableArray() })
        .AddLine("1", "Conseil", quantity, UnitCode.One, 500m, VatCategoryCode.Standard, 20m)
        .ComputeTotals()
        .Build();

    private static RecycleCheckResult Resend(Func<InvoiceBuilder, InvoiceBuilder> change) =>
        RecycleCheck.Compare(Sent, change(new InvoiceBuilder(Sent)).Build());

    [Fact]
    public void SameInvoice_Allowed_NoChange()
    {
        var r = RecycleCheck.Compare(Sent, new InvoiceBuilder(Sent).Build());
        Assert.True(r.IsAllowed);
        Assert.Empty(r.Changes);
    }

    [Fact]
    public void CodeServiceEngagementAndRecipientSiret_Changed_Allowed_EachListed()
    {
        var r = Resend(b => b
            .BuyerReference("SERVICE-B")
            .PurchaseOrderReference("EJ-1000002")
            .Buyer(Sent.Buyer! with { Identifiers = new[] { new Identifier("21750001600027", IdentifierScheme.Siret) }.ToEquatableArray() }));

        Assert.True(r.IsAllowed);
        Assert.Equal(["BT-10", "BT-13", "BT-46"], r.Changes.Select(c => c.Field));
        var bt13 = r.Changes[1];
        Assert.Equal("EJ-1000001", bt13.Before);
        Assert.Equal("EJ-1000002", bt13.After);
        Assert.True(bt13.Allowed);
        Assert.Equal("21750001600027 (0009)", r.Changes[2].After);
    }

    [Fact]
    public void EngagementAdded_WhereThereWasNone_Allowed_BeforeIsNull()
    {
        var sentWithout = Sent with { PurchaseOrderReference = null };
        var r = RecycleCheck.Compare(sentWithout, Sent);
        var change = Assert.Single(r.Changes);
        Assert.Null(change.Before);
        Assert.True(r.IsAllowed);
    }

    [Fact]
    public void InvoiceNumber_Changed_NotAllowed_ANewNumberIsANewInvoice()
    {
        var r = RecycleCheck.Compare(Sent, Sent with { Number = "F-2026-0043" });

        Assert.False(r.IsAllowed);
        var change = Assert.Single(r.Changes);
        Assert.Equal("BT-1", change.Field);
        Assert.False(change.Allowed);
    }

    [Fact]
    public void Amounts_Changed_NotAllowed_EveryTermListed()
    {
        var r = RecycleCheck.Compare(Sent, Make(quantity: 3));

        Assert.False(r.IsAllowed);
        var fields = r.Changes.Select(c => c.Field).ToArray();
        Assert.Contains("BT-106", fields);
        Assert.Contains("BT-112", fields);
        Assert.Contains("BG-23[1]", fields);
        Assert.Contains("BG-25[1]", fields);
        Assert.All(r.Changes, c => Assert.False(c.Allowed));
    }

    [Fact]
    public void LineAdded_ListedWithNullBefore()
    {
        var r = Resend(b => b.AddLine("2", "Déplacement", 1, UnitCode.One, 80m, VatCategoryCode.Standard, 20m));
        var line = Assert.Single(r.Changes, c => c.Field == "BG-25[2]");
        Assert.Null(line.Before);
        Assert.Contains("Déplacement", line.After, StringComparison.Ordinal);
    }

    [Fact]
    public void BuyerName_Changed_NotAllowed_OnlyTheIdentifierMay()
    {
        var r = RecycleCheck.Compare(Sent, Sent with { Buyer = Sent.Buyer! with { Name = "Autre entité" } });
        Assert.False(r.IsAllowed);
        Assert.Equal("BT-44", Assert.Single(r.Changes).Field);
    }

    [Fact]
    public void AllowedAndForbiddenChanges_BothListed_VerdictNegative()
    {
        var r = RecycleCheck.Compare(Sent, Sent with { BuyerReference = "SERVICE-B", PaymentTerms = "60 jours" });
        Assert.False(r.IsAllowed);
        Assert.Equal([("BT-10", true), ("BT-20", false)], r.Changes.Select(c => (c.Field, c.Allowed)));
    }

    [Fact]
    public void AmountsWithTheInvoiceCurrencyStated_AsUblWritesThem_AreNotChanges()
    {
        var withCurrency = Sent with
        {
            Totals = Sent.Totals! with { TaxInclusiveAmount = Sent.Totals.TaxInclusiveAmount!.Value.WithCurrency("EUR") },
            Lines = Sent.Lines.Select(l => l with { NetAmount = l.NetAmount!.Value.WithCurrency("EUR") }).ToEquatableArray(),
        };
        Assert.Empty(RecycleCheck.Compare(Sent, withCurrency).Changes);

        var otherCurrency = Sent with { Totals = Sent.Totals! with { TaxInclusiveAmount = Sent.Totals.TaxInclusiveAmount!.Value.WithCurrency("USD") } };
        Assert.Equal("BT-112", Assert.Single(RecycleCheck.Compare(Sent, otherCurrency).Changes).Field);
    }

    [Theory]
    [InlineData("3", "5")]
    [InlineData("35", "29")]
    [InlineData("432", "72")]
    public void VatPointDateCode_UblAndCiiCodesForTheSameMeaning_AreNotChanges(string ubl, string cii) =>
        Assert.Empty(RecycleCheck.Compare(Sent with { VatPointDateCode = ubl }, Sent with { VatPointDateCode = cii }).Changes);
}
