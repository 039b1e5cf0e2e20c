using Chorus.Invoicing.Model;

namespace Chorus.Invoicing.Tests.Model;

public class ModelTests
{
    [Fact]
    public void Amount_SameValueDifferentDecimals_IsEqualButKeepsText()
    {
        var a = Amount.FromText("100.0", "EUR");
        var b = Amount.FromText("100.00", "EUR");
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Equal(2, b.Decimals);
        Assert.Equal("100.00", b.Text);
    }

    [Fact]
    public void Amount_BadDecimal_KeepsTextWithoutValue()
    {
        var a = Amount.FromText("12,50");
        Assert.False(a.IsValid);
        Assert.Null(a.Value);
        Assert.Equal("12,50", a.Text);
        Assert.NotEqual(a, Amount.FromText("12.50"));
    }

    [Theory]
    [InlineData("1e3")]
    [InlineData("1,000.00")]
    [InlineData("")]
    public void Amount_NotAnXsDecimal_HasNoValue(string text) => Assert.Null(Amount.FromText(text).Value);

    [Fact]
    public void DateValue_UblAndCiiForms_AreEqual()
    {
        Assert.Equal(DateValue.FromText("2017-11-13"), DateValue.FromText("20171113", "102"));
        Assert.Equal("2017-11-13", DateValue.FromText("20171113", "102").ToIsoString());
        Assert.False(DateValue.FromText("2017-13-45").IsValid);
    }

    [Fact]
    public void EquatableArray_ComparesElementsByValue()
    {
        EquatableArray<Note> a = [new Note("AAI", "x"), new Note(null, "y")];
        var b = new[] { new Note("AAI", "x"), new Note(null, "y") }.ToEquatableArray();
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, [new Note("AAI", "x")]);
        Assert.Equal(default(EquatableArray<Note>), []);
    }

    [Fact]
    public void Invoice_SameContentDifferentLocations_AreEqual()
    {
        var a = new Invoice { Number = "1", Seller = new Party { Name = "S" } };
        var b = a with { Seller = a.Seller! with { Location = default } };
        Assert.Equal(a, b);
        Assert.NotEqual(a, a with { BuyerReference = "SERVICE" });
    }

    [Fact]
    public void DocumentTypeCode_CreditNoteCodes_AreCreditNotes()
    {
        Assert.True(DocumentTypeCode.CreditNote.IsCreditNote);
        Assert.True(new DocumentTypeCode("261").IsCreditNote);
        Assert.False(DocumentTypeCode.CommercialInvoice.IsCreditNote);
        Assert.False(new DocumentTypeCode("384").IsCreditNote);
    }

    [Fact]
    public void Builder_ComputeTotals_FollowsEn16931Arithmetic()
    {
        // Two 20 % lines and one 5.5 % line, a 10.00 allowance at 20 %, a 5.00 charge at 5.5 %.
        var invoice = new InvoiceBuilder("F-1", new DateTime(2026, 1, 15))
            .AddLine("1", "Conseil", 2m, UnitCode.Hour, 450m, VatCategoryCode.Standard, 20m)
            .AddLine("2", "Frais", 3m, UnitCode.One, 19.99m, VatCategoryCode.Standard, 20m)
            .AddLine("3", "Livres", 1m, UnitCode.One, 30m, VatCategoryCode.Standard, 5.5m)
            .AddAllowance(10m, VatCategoryCode.Standard, 20m, "Remise")
            .AddCharge(5m, VatCategoryCode.Standard, 5.5m, "Port")
            .ComputeTotals()
            .Build();

        var t = invoice.Totals!;
        Assert.Equal(989.97m, t.LineTotal!.Value.Value);        // 900 + 59.97 + 30
        Assert.Equal(10m, t.AllowanceTotal!.Value.Value);
        Assert.Equal(5m, t.ChargeTotal!.Value.Value);
        Assert.Equal(984.97m, t.TaxExclusiveAmount!.Value.Value); // BR-CO-13
        Assert.Equal(2, invoice.VatBreakdowns.Count);
        var s20 = invoice.VatBreakdowns.Single(b => b.Rate!.Value.Value == 20m);
        Assert.Equal(949.97m, s20.TaxableAmount!.Value.Value);    // 959.97 - 10
        Assert.Equal(189.99m, s20.TaxAmount!.Value.Value);        // 189.994 rounded
        var s55 = invoice.VatBreakdowns.Single(b => b.Rate!.Value.Value == 5.5m);
        Assert.Equal(35m, s55.TaxableAmount!.Value.Value);
        Assert.Equal(1.93m, s55.TaxAmount!.Value.Value);          // 1.925 rounded away from zero
        Assert.Equal(191.92m, t.VatTotal!.Value.Value);           // BR-CO-14
        Assert.Equal("EUR", t.VatTotal!.Value.CurrencyId);
        Assert.Equal(1176.89m, t.TaxInclusiveAmount!.Value.Value); // BR-CO-15
        Assert.Equal(1176.89m, t.AmountDue!.Value.Value);          // BR-CO-16
    }

    [Fact]
    public void Builder_WithoutComputeTotals_LeavesTotalsEmpty()
    {
        var invoice = new InvoiceBuilder("F-1", new DateTime(2026, 1, 15))
            .AddLine("1", "Conseil", 1m, UnitCode.Hour, 100m, VatCategoryCode.Standard, 20m)
            .Build();
        Assert.Null(invoice.Totals);
        Assert.True(invoice.VatBreakdowns.IsEmpty);
    }

    [Fact]
    public void Builder_CreditNoteTypeCode_MakesCreditNote()
    {
        var invoice = new InvoiceBuilder("A-1", new DateTime(2026, 1, 15)).TypeCode(DocumentTypeCode.CreditNote).Build();
        Assert.Equal(InvoiceDocumentType.CreditNote, invoice.DocumentType);
    }

    [Theory]
    [InlineData("urn:cen.eu:en16931:2017", InvoiceProfile.En16931, "EN 16931")]
    [InlineData("urn:factur-x.eu:1p0:minimum", InvoiceProfile.Minimum, "MINIMUM")]
    [InlineData("urn:factur-x.eu:1p0:basicwl", InvoiceProfile.BasicWl, "BASIC WL")]
    [InlineData("urn:cen.eu:en16931:2017#compliant#urn:factur-x.eu:1p0:basic", InvoiceProfile.Basic, "BASIC")]
    [InlineData("urn:cen.eu:en16931:2017#conformant#urn:factur-x.eu:1p0:extended", InvoiceProfile.Extended, "EXTENDED")]
    [InlineData("urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0", InvoiceProfile.XRechnung, "XRECHNUNG")]
    [InlineData("urn:cen.eu:en16931:2017#conformant#urn.cpro.gouv.fr:1p0:extended-ctc-fr", InvoiceProfile.ExtendedCtcFr, "EXTENDED-CTC-FR")]
    [InlineData("urn:ferd:CrossIndustryDocument:invoice:1p0:comfort", InvoiceProfile.Comfort, "COMFORT")]
    [InlineData("urn:ferd:CrossIndustryDocument:invoice:1p0:basic", InvoiceProfile.Basic, "BASIC")]
    [InlineData("urn:ferd:CrossIndustryDocument:invoice:1p0:extended", InvoiceProfile.Extended, "EXTENDED")]
    [InlineData("urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0", InvoiceProfile.PeppolBis3, "PEPPOL BIS 3")]
    [InlineData(null, InvoiceProfile.Unknown, null)]
    public void Profile_FromBt24_IsNormalised(string? bt24, InvoiceProfile expected, string? name)
    {
        Assert.Equal(expected, InvoiceProfiles.Detect(bt24));
        Assert.Equal(name, InvoiceProfiles.DisplayName(expected));
    }
}
