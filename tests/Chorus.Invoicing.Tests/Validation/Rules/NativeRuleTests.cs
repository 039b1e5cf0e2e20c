using Chorus.Invoicing.Model;
using Chorus.Invoicing.Validation;
using Chorus.Invoicing.Validation.Rules;

namespace Chorus.Invoicing.Tests.Validation.Rules;

/// <summary>
/// The native EN 16931 rules on small built invoices: a complete invoice passes in both bindings, and each change breaks
/// exactly the rule the CEN artefacts v1.3.16 say it breaks (the corpus-wide agreement with Saxon is in
/// SchematronDifferentialTests).
/// </summary>
public class NativeRuleTests
{
    private static readonly string[] Bindings = ["ubl", "cii"];

    internal static Invoice Valid() => new InvoiceBuilder("F-2026-001", new DateTime(2026, 1, 15))
        .Currency("EUR")
        .Specification("urn:cen.eu:en16931:2017")
        .Seller(new Party { Name = "Chorus Conseil SAS", VatId = "FR32123456789", Address = new Address { City = "Paris", PostCode = "75001", CountryCode = "FR" } })
        .Buyer(new Party { Name = "Ville de Lyon", Address = new Address { City = "Lyon", PostCode = "69001", CountryCode = "FR" } })
        .AddLine("1", "Conseil", 2m, UnitCode.Hour, 450m, VatCategoryCode.Standard, 20m)
        .AddLine("2", "Livres", 1m, UnitCode.One, 30m, VatCategoryCode.Standard, 5.5m)
        .AddAllowance(10m, VatCategoryCode.Standard, 20m, "Remise")
        .AddCharge(5m, VatCategoryCode.Standard, 5.5m, "Port")
        .ComputeTotals()
        .Build();

    internal static HashSet<string> Fatal(Invoice invoice, string syntax)
    {
        var problems = new List<ValidationProblem>();
        NativeEn16931.Check(invoice, syntax, problems);
        return problems.Where(static p => p.Severity == ValidationSeverity.Fatal).Select(static p => p.Rule).ToHashSet(StringComparer.Ordinal);
    }

    private static void AssertOnly(string rule, Invoice invoice, params string[] syntaxes)
    {
        foreach (var syntax in syntaxes.Length == 0 ? Bindings : syntaxes)
        {
            var fatal = Fatal(invoice, syntax);
            Assert.True(fatal.SetEquals([rule]), $"{syntax}: expected only {rule}, got [{string.Join(", ", fatal.Order(StringComparer.Ordinal))}]");
        }
    }

    private static Invoice WithTotals(Invoice i, Func<DocumentTotals, DocumentTotals> change) => i with { Totals = change(i.Totals!) };

    [Theory]
    [InlineData("ubl")]
    [InlineData("cii")]
    public void CompleteInvoice_HasNoFatalProblem(string syntax) => Assert.Empty(Fatal(Valid(), syntax));

    [Fact]
    public void NativeIds_EveryIdHasTheOfficialTextInBothBindings()
    {
        foreach (var syntax in Bindings)
        {
            var ids = NativeEn16931.NativeIds(syntax);
            Assert.True(ids.Count > 150, $"{syntax}: only {ids.Count} native ids");
            Assert.All(ids.Where(static id => id.StartsWith("BR-", StringComparison.Ordinal)), id => Assert.True(RuleTexts.Common.ContainsKey(id), id));
        }
    }

    [Fact]
    public void UblSyntaxTable_IsNativeForUblOnly()
    {
        Assert.Contains("UBL-SR-24", NativeEn16931.NativeIds("ubl"));
        Assert.Contains("UBL-CR-001", NativeEn16931.NativeIds("ubl"));
        Assert.DoesNotContain("UBL-SR-24", NativeEn16931.NativeIds("cii"));
    }

    [Fact]
    public void UBL_SR_24_TwoDeliveries_IsFatal_AndUBL_CR_001_ExtensionsWarn()
    {
        var xml = System.Text.Encoding.UTF8.GetString(InvoiceXml.Write(Valid(), InvoiceSyntax.Ubl));
        var delivery = "<cac:Delivery><cbc:ActualDeliveryDate>2026-01-10</cbc:ActualDeliveryDate></cac:Delivery>";
        var mutated = xml.Replace("<cac:PaymentMeans>", delivery + delivery + "<cac:PaymentMeans>", StringComparison.Ordinal);
        if (!mutated.Contains(delivery + delivery, StringComparison.Ordinal))
        {
            mutated = mutated.Replace("<cac:TaxTotal>", delivery + delivery + "<cac:TaxTotal>", StringComparison.Ordinal);
        }

        var doc = Chorus.Invoicing.Validation.Internal.Tree.XTreeBuilder.Build(System.Xml.XmlReader.Create(new StringReader(mutated), new System.Xml.XmlReaderSettings { DtdProcessing = System.Xml.DtdProcessing.Prohibit, XmlResolver = null }));
        var problems = new List<ValidationProblem>();
        Chorus.Invoicing.Validation.Rules.Ubl.UblSyntaxRules.Run(doc, problems);
        Assert.Contains(problems, static p => p.Rule == "UBL-SR-24" && p.Severity == ValidationSeverity.Fatal);
        Assert.DoesNotContain(problems, static p => p.Rule == "UBL-CR-001");
    }

    [Fact]
    public void BR_01_SpecificationIdentifierMissing_IsFatal() => AssertOnly("BR-01", Valid() with { SpecificationIdentifier = " " });

    [Fact]
    public void BR_06_SellerNameMissing_IsFatal() => AssertOnly("BR-06", Valid() with { Seller = Valid().Seller! with { Name = null } });

    [Fact]
    public void BR_09_SellerAddressWithoutCountry_IsFatal() =>
        AssertOnly("BR-09", Valid() with { Seller = Valid().Seller! with { Address = Valid().Seller!.Address! with { CountryCode = "" } } });

    [Fact]
    public void BR_16_NoLines_IsFatalAmongOthers()
    {
        var fatal = Fatal(Valid() with { Lines = default }, "ubl");
        Assert.Contains("BR-16", fatal);
        Assert.Contains("BR-CO-10", fatal); // 989.97 no longer the sum of no lines
    }

    [Fact]
    public void BR_25_ItemNameMissing_IsFatal() =>
        AssertOnly("BR-25", Valid() with { Lines = [Valid().Lines[0] with { Item = new Item() }, Valid().Lines[1]] });

    [Fact]
    public void BR_29_InvoicingPeriodEndBeforeStart_IsFatal() =>
        AssertOnly("BR-29", Valid() with { InvoicingPeriod = new Period { Start = DateValue.FromText("2026-01-31"), End = DateValue.FromText("2026-01-01") } }, "ubl");

    [Fact]
    public void BR_29_DatesWithTimezone_AreXsDates() =>
        Assert.Empty(Fatal(Valid() with { InvoicingPeriod = new Period { Start = DateValue.FromText("2016-01-01+01:00"), End = DateValue.FromText("2016-12-31+01:00") } }, "ubl"));

    [Fact]
    public void BR_33_DocumentAllowanceWithoutReason_IsFatalWithBR_CO_21()
    {
        var i = Valid();
        var list = i.AllowancesCharges.Select(a => a.IsCharge ? a : a with { Reason = null }).ToArray();
        var fatal = Fatal(i with { AllowancesCharges = [.. list] }, "ubl");
        Assert.True(fatal.SetEquals(["BR-33", "BR-CO-21"]), string.Join(", ", fatal));
    }

    [Fact]
    public void BR_CO_10_LineSumDiffers_IsFatal() =>
        AssertOnly("BR-CO-10", WithTotals(Valid(), t => t with { LineTotal = new Amount(t.LineTotal!.Value.Value!.Value + 0.01m, "EUR") }).WithoutBr13Knock());

    [Fact]
    public void BR_CO_11_AllowanceTotalDiffers_IsFatal() =>
        Assert.Contains("BR-CO-11", Fatal(WithTotals(Valid(), t => t with { AllowanceTotal = new Amount(11m) }), "ubl"));

    [Fact]
    public void BR_CO_13_TaxExclusiveDiffers_IsFatal() =>
        Assert.Contains("BR-CO-13", Fatal(WithTotals(Valid(), t => t with { TaxExclusiveAmount = new Amount(t.TaxExclusiveAmount!.Value.Value!.Value + 1m) }), "cii"));

    [Fact]
    public void BR_CO_14_VatTotalDiffers_IsFatal()
    {
        var i = WithTotals(Valid(), t => t with { VatTotal = new Amount(t.VatTotal!.Value.Value!.Value + 0.5m, "EUR") });
        foreach (var syntax in Bindings)
        {
            Assert.Contains("BR-CO-14", Fatal(i, syntax));
        }
    }

    [Fact]
    public void BR_CO_16_RoundedInUblButNotInCii()
    {
        // BT-115 = BT-112 - BT-113 + BT-114: the UBL binding rounds (BT-115 - BT-114) to cents, the CII binding compares exactly.
        var i = WithTotals(Valid(), t => t with
        {
            PrepaidAmount = new Amount(0.004m),
            AmountDue = new Amount(t.TaxInclusiveAmount!.Value.Value!.Value),
        });
        Assert.DoesNotContain("BR-CO-16", Fatal(i, "ubl"));
        Assert.Contains("BR-CO-16", Fatal(i, "cii"));
    }

    [Fact]
    public void BR_DEC_23_LineNetWithThreeDecimals_IsFatal()
    {
        var i = Valid();
        var fatal = Fatal(i with { Lines = [i.Lines[0] with { NetAmount = Amount.FromText("900.000") }, i.Lines[1]] }, "ubl");
        Assert.Contains("BR-DEC-23", fatal);
        Assert.DoesNotContain("BR-CO-10", fatal); // 900.000 = 900
    }

    [Fact]
    public void BR_DEC_13_IsAlwaysTrueInTheUblBindingButCheckedInCii()
    {
        var i = WithTotals(Valid(), t => t with { VatTotal = Amount.FromText("191.9200", "EUR") });
        Assert.DoesNotContain("BR-DEC-13", Fatal(i, "ubl"));
        Assert.DoesNotContain("BR-DEC-13", Fatal(i, "cii")); // 191.9200 is a whole number of cents
        var j = WithTotals(Valid(), t => t with { VatTotal = Amount.FromText("191.925", "EUR") });
        Assert.Contains("BR-DEC-13", Fatal(j, "cii"));
    }

    [Fact]
    public void BR_S_05_StandardRatedLineWithZeroRate_IsFatal()
    {
        var i = Valid();
        var fatal = Fatal(i with { Lines = [i.Lines[0] with { VatRate = new Percentage(0m) }, i.Lines[1]] }, "ubl");
        Assert.Contains("BR-S-05", fatal);
    }

    [Fact]
    public void BR_S_08_TaxableAmountOffByMoreThanOne_IsFatal_WithinOneIsNot()
    {
        var i = Valid();
        VatBreakdown Shift(VatBreakdown b, decimal d) => b.Rate!.Value.Value == 20m ? b with { TaxableAmount = new Amount(b.TaxableAmount!.Value.Value!.Value + d) } : b;
        Assert.DoesNotContain("BR-S-08", Fatal(i with { VatBreakdowns = [.. i.VatBreakdowns.Select(b => Shift(b, 0.99m))] }, "ubl"));
        Assert.Contains("BR-S-08", Fatal(i with { VatBreakdowns = [.. i.VatBreakdowns.Select(b => Shift(b, 1m))] }, "ubl"));
        Assert.Contains("BR-S-08", Fatal(i with { VatBreakdowns = [.. i.VatBreakdowns.Select(b => Shift(b, 0.01m))] }, "cii")); // exact in CII
    }

    [Fact]
    public void BR_E_10_ExemptBreakdownWithoutReason_IsFatal()
    {
        var i = new InvoiceBuilder(Valid()).With(static v => v with { Lines = default, AllowancesCharges = default, VatBreakdowns = default, Totals = null })
            .AddLine("1", "Formation", 1m, UnitCode.One, 100m, VatCategoryCode.Exempt, 0m)
            .ComputeTotals()
            .Build();
        var fatal = Fatal(i, "ubl");
        Assert.Contains("BR-E-10", fatal);
        var reasoned = i with { VatBreakdowns = [.. i.VatBreakdowns.Select(static b => b with { ExemptionReason = "Exonération art. 261-4-4° CGI" })] };
        Assert.DoesNotContain("BR-E-10", Fatal(reasoned, "ubl"));
    }

    [Fact]
    public void BR_Z_01_ZeroRatedLineWithoutZeroRatedBreakdown_IsFatal()
    {
        var i = Valid();
        var fatal = Fatal(i with { Lines = [.. i.Lines, i.Lines[1] with { Id = "3", VatCategory = VatCategoryCode.ZeroRated, VatRate = new Percentage(0m), NetAmount = new Amount(0m) }] }, "cii");
        Assert.Contains("BR-Z-01", fatal);
    }

    [Fact]
    public void BR_O_05_OutsideScopeLineWithRate_IsFatal()
    {
        var i = Valid();
        var fatal = Fatal(i with { Lines = [i.Lines[0] with { VatCategory = VatCategoryCode.OutsideScope }, i.Lines[1]] }, "ubl");
        Assert.Contains("BR-O-05", fatal);
    }

    [Fact]
    public void TaxScheme_ReadNextToACategory_TakesNoPartInEquality()
    {
        var b = Valid().VatBreakdowns[0];

        Assert.Equal(b, b with { Scheme = new TaxScheme("ZZ") });
        Assert.Equal(Valid(), Valid() with { CurrencyCodeText = new RawText(" EUR ") });
    }

    [Fact]
    public void TaxScheme_OtherThanVat_HidesTheBreakdownCategoryFromBr47And48()
    {
        var i = Valid();
        var hidden = i with { VatBreakdowns = i.VatBreakdowns.Select(static b => b with { Scheme = new TaxScheme("ZZ") }).ToEquatableArray() };

        foreach (var syntax in Bindings)
        {
            Assert.Empty(Fatal(i, syntax));
            var fatal = Fatal(hidden, syntax);
            Assert.Contains("BR-47", fatal);
            Assert.Contains("BR-48", fatal);
        }
    }
}

internal static class InvoiceTestExtensions
{
    /// <summary>Keeps BT-109 consistent with a changed BT-106 so that only BR-CO-10 is broken.</summary>
    public static Invoice WithoutBr13Knock(this Invoice i)
    {
        var t = i.Totals!;
        var basis = t.LineTotal!.Value.Value!.Value - (t.AllowanceTotal?.Value ?? 0m) + (t.ChargeTotal?.Value ?? 0m);
        var vat = t.VatTotal!.Value.Value!.Value;
        return i with { Totals = t with { TaxExclusiveAmount = new Amount(basis, "EUR"), TaxInclusiveAmount = new Amount(basis + vat, "EUR"), AmountDue = new Amount(basis + vat, "EUR") } };
    }
}
