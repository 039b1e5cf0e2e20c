using Chorus.Invoicing.Validation.Internal.Tree;
using Chorus.Invoicing.Validation.Rules.FacturX;
using Chorus.Invoicing.Validation.Rules.Tree;

namespace Chorus.Invoicing.Validation.Rules.ExtendedCtcFr;

// Pattern EN16931-CII-Model (M10), outside the VAT breakdowns: charge reasons, the document totals counted on DETAIL lines
// and logistics service charges, the presence of each category's breakdown, the line rules that apply to DETAIL lines only,
// item attributes, BR-CO-25 and (its own pattern) BR-CO-27.
internal static partial class ExtendedCtcFrCii
{
    private const decimal Tolerance = 0.01m;

    private static readonly ElementPath LineNetPath = ElementPath.Of("ram:SpecifiedLineTradeSettlement/ram:SpecifiedTradeSettlementLineMonetarySummation/ram:LineTotalAmount");
    private static readonly ElementPath HeaderAllowanceChargesPath = ElementPath.Of("rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/ram:SpecifiedTradeAllowanceCharge");
    private static readonly ElementPath HeaderLogisticsPath = ElementPath.Of("rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/ram:SpecifiedLogisticsServiceCharge");

    // (BR-FREXT id, Factur-X family) of BR-FREXT-x-01, in the stylesheet's order.
    private static readonly (string Id, string Family)[] PresenceRules =
    [
        ("BR-FREXT-S-01", "S"), ("BR-FREXT-Z-01", "Z"), ("BR-FREXT-E-01", "E"), ("BR-FREXT-AE-01", "AE"), ("BR-FREXT-IC-01", "IC"),
        ("BR-FREXT-G-01", "G"), ("BR-FREXT-O-01", "O"), ("BR-FREXT-AF-01", "AF"), ("BR-FREXT-AG-01", "AG"),
    ];

    private static IEnumerable<FxRule> Model()
    {
        var extended = FacturXVatExtended.Rules.ToList();
        var categories = FacturXVatCategories.Rules.ToList();
        yield return new("BR-FREXT-BR-38", static d => ChargeIndicators(d, "ApplicableHeaderTradeSettlement"), static (n, _, _) => HasReason(n.Up()));
        yield return new("BR-FREXT-CO-10", Summations, static (n, _, _) => LineTotalMatches(n));
        yield return new("BR-FREXT-CO-11", Summations, static (n, d, _) => AllowanceTotalMatches(n, d));
        yield return new("BR-FREXT-CO-12", Summations, static (n, d, _) => ChargeTotalMatches(n, d));
        yield return new("BR-FREXT-CO-13", Summations, static (n, d, _) => TaxBasisMatches(n, d));
        yield return Same("BR-FREXT-CO-15", "BR-FXEXT-CO-15", extended);
        yield return new("BR-CO-25", FacturXVatCategories.RootContext, static (_, d, _) => PositiveDueHasTermsOrDate(d));
        foreach (var (id, family) in PresenceRules)
        {
            yield return Same(id, $"BR-FXEXT-{family}-01", categories);
        }

        yield return Same("BR-FREXT-BR-22", "BR-FXEXT-BR-22", extended);
        yield return Same("BR-FREXT-BR-23", "BR-FXEXT-BR-23", extended);
        yield return Same("BR-FREXT-BR-24", "BR-FXEXT-BR-24", extended);
        yield return Same("BR-FREXT-BR-26", "BR-FXEXT-BR-26", extended);

        // Same context as BR-22 (DETAIL line documents); unlike Factur-X's CO-04 the test no longer asks a TypeCode 'VAT'
        // of some line tax besides the VAT category.
        yield return new("BR-FREXT-CO-04", extended.First(static r => r.Id == "BR-FXEXT-BR-22").Context, static (n, _, _) => LineHasVatCategory(n.Up()));
        yield return new("BR-FREXT-BR-44", static d => ChargeIndicators(d, "SpecifiedLineTradeSettlement"), static (n, _, _) => HasReason(n.Up()));
        yield return Same("BR-FREXT-54-1", "BR-FXEXT-BR-54-1", extended);
        yield return Same("BR-FREXT-54-2", "BR-FXEXT-BR-54-2", extended);
    }

    /// <summary>Pattern M15, the last of the stylesheet (its only rule).</summary>
    private static IEnumerable<FxRule> PaymentMeans() => [new("BR-CO-27", PaymentMeansByTransfer, static (n, _, _) => IbanOrProprietary(n))];

    private static List<XNode> Summations(FxDoc d) => d.All("SpecifiedTradeSettlementHeaderMonetarySummation");

    /// <summary>
    /// <c>//ram:{parent}/ram:SpecifiedTradeAllowanceCharge/ram:ChargeIndicator[udt:Indicator='true']</c>, less the
    /// indicators the rule just before it takes (the same path with <c>[udt:Indicator='false']</c>: a ChargeIndicator
    /// with both values).
    /// </summary>
    private static IEnumerable<XNode> ChargeIndicators(FxDoc d, string parent) =>
        d.All("ChargeIndicator").Where(c => c.ParentIs("SpecifiedTradeAllowanceCharge") && c.Up().ParentIs(parent) && IndicatorText(c, "true") && !IndicatorText(c, "false"));

    private static bool IndicatorText(XNode chargeIndicator, string value) => chargeIndicator.Elements(Ns.Udt, "Indicator").Any(i => i.StringValue == value);

    private static bool HasReason(XNode allowanceCharge) => allowanceCharge.Has("Reason") || allowanceCharge.Has("ReasonCode");

    /// <summary>BR-FREXT-CO-04: <c>../ram:SpecifiedLineTradeSettlement/ram:ApplicableTradeTax[upper-case(ram:TypeCode) = 'VAT']/ram:CategoryCode</c>.</summary>
    private static bool LineHasVatCategory(XNode line)
    {
        foreach (var tax in line.Kids("SpecifiedLineTradeSettlement").SelectMany(static s => s.Kids("ApplicableTradeTax")))
        {
            if (IsVat(tax) && tax.Has("CategoryCode"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>upper-case(ram:TypeCode) = 'VAT'</c>: several type codes are an error (upper-case takes one string).</summary>
    private static bool IsVat(XNode tax)
    {
        var codes = tax.Kids("TypeCode").ToList();
        if (codes.Count > 1)
        {
            throw new FxEvalException("XPTY0004: a sequence of more than one item is not allowed as the argument of upper-case()");
        }

        return codes.Count == 1 && string.Equals(codes[0].StringValue.ToUpperInvariant(), "VAT", StringComparison.Ordinal);
    }

    // ---- CO-10…13: as Factur-X EXTENDED's, with the line net amounts summed as xs:decimal -------------------------------

    private static IEnumerable<XNode> DetailLines(XNode summation) =>
        summation.Up().Up().Kids("IncludedSupplyChainTradeLineItem").Where(static l => FacturXVatCategories.LineFilterHolds(l));

    /// <summary><c>../../ram:IncludedSupplyChainTradeLineItem[DETAIL]/…/ram:LineTotalAmount/xs:decimal(.)</c>, rounded to cents.</summary>
    private static decimal DetailLineNetSum(XNode summation) =>
        Fx.RoundedSum([.. DetailLines(summation).SelectMany(static l => l.Select(LineNetPath)).Select(static n => Fx.ParseDecimal(n.StringValue))]);

    /// <summary>Document-level allowances (<paramref name="indicator"/> 'false') or charges ('true'), compared as strings.</summary>
    private static IEnumerable<XNode> HeaderAllowanceCharges(FxDoc d, string indicator) =>
        d.FromRoot(HeaderAllowanceChargesPath).Where(a => FacturXVatCategories.IndicatorIs(a, indicator));

    private static int SiblingCount(XNode summation, string indicator) =>
        summation.Up().Kids("SpecifiedTradeAllowanceCharge").Count(a => FacturXVatCategories.IndicatorIs(a, indicator));

    private static decimal ActualAmountsAsDecimals(FxDoc d, string indicator) =>
        Fx.RoundedSum([.. HeaderAllowanceCharges(d, indicator).SelectMany(static a => a.Kids("ActualAmount")).Select(static n => Fx.ParseDecimal(n.StringValue))]);

    private static decimal LogisticsSum(FxDoc d) => Fx.RoundedSumUntyped(d.FromRoot(HeaderLogisticsPath).SelectMany(static l => l.Kids("AppliedAmount")), tenTimesTen: true);

    private static int ChargeCount(XNode summation) => SiblingCount(summation, "true") + summation.Up().Kids("SpecifiedLogisticsServiceCharge").Count();

    private static bool LineTotalMatches(XNode s)
    {
        var calculated = DetailLineNetSum(s);
        if (s.DecimalOf("LineTotalAmount") is not { } total)
        {
            return false;
        }

        // Every line counts in the tolerance, not only the DETAIL ones.
        return Math.Abs(total - calculated) <= s.Up().Up().Kids("IncludedSupplyChainTradeLineItem").Count() * Tolerance;
    }

    private static bool AllowanceTotalMatches(XNode s, FxDoc d)
    {
        if (!HeaderAllowanceCharges(d, "false").Any() && !s.Has("AllowanceTotalAmount"))
        {
            return true;
        }

        var calculated = ActualAmountsAsDecimals(d, "false");
        if (s.DecimalOf("AllowanceTotalAmount") is not { } total)
        {
            return false;
        }

        return Math.Abs(total - calculated) <= SiblingCount(s, "false") * Tolerance;
    }

    private static bool ChargeTotalMatches(XNode s, FxDoc d)
    {
        if (!HeaderAllowanceCharges(d, "true").Any() && !s.Has("ChargeTotalAmount"))
        {
            return true;
        }

        var calculated = ActualAmountsAsDecimals(d, "true") + LogisticsSum(d);
        if (s.DecimalOf("ChargeTotalAmount") is not { } total)
        {
            return false;
        }

        return Math.Abs(total - calculated) <= ChargeCount(s) * Tolerance;
    }

    /// <summary>BR-FREXT-CO-13: here only Σ BT-131 is a decimal sum; Σ BT-92 and Σ BT-99 stay sums of untyped values (doubles).</summary>
    private static bool TaxBasisMatches(XNode s, FxDoc d)
    {
        if (s.DecimalOf("TaxBasisTotalAmount") is not { } basis)
        {
            return false;
        }

        var lines = DetailLineNetSum(s);
        var allowances = Fx.RoundedSumUntyped(HeaderAllowanceCharges(d, "false").SelectMany(static a => a.Kids("ActualAmount")), tenTimesTen: true);
        var charges = Fx.RoundedSumUntyped(HeaderAllowanceCharges(d, "true").SelectMany(static a => a.Kids("ActualAmount")), tenTimesTen: false) + LogisticsSum(d);
        var count = DetailLines(s).Count() + SiblingCount(s, "false") + ChargeCount(s);
        return Math.Abs(basis - lines + allowances - charges) <= Tolerance * count;
    }

    /// <summary>
    /// BR-CO-25: <c>number(//ram:DuePayableAmount) &gt; 0</c> needs <c>//ram:SpecifiedTradePaymentTerms/ram:DueDateDateTime</c>
    /// or <c>/ram:Description</c>; number() of several amounts is an error.
    /// </summary>
    private static bool PositiveDueHasTermsOrDate(FxDoc d)
    {
        var due = d.All("DuePayableAmount");
        if (due.Count > 1)
        {
            throw new FxEvalException("XPTY0004: a sequence of more than one item is not allowed as the argument of number()");
        }

        if (due.Count == 0 || !(Fx.NumberOf(due[0].StringValue) > 0))
        {
            return true;
        }

        return d.All("SpecifiedTradePaymentTerms").Any(static t => t.Has("DueDateDateTime") || t.Has("Description"));
    }

    /// <summary><c>//ram:SpecifiedTradeSettlementPaymentMeans[some $code in ('30', '58') satisfies normalize-space(ram:TypeCode) = $code]</c>.</summary>
    private static IEnumerable<XNode> PaymentMeansByTransfer(FxDoc d) =>
        d.All("SpecifiedTradeSettlementPaymentMeans").Where(static m =>
        {
            var codes = m.Kids("TypeCode").ToList();
            var code = codes.Count == 1 ? TreeQuery.NormalizeSpace(codes[0].StringValue) : string.Empty;
            return codes.Count <= 1 && code is "30" or "58";
        });

    /// <summary>BR-CO-27: an IBAN or a proprietary id on the payee account, not both.</summary>
    private static bool IbanOrProprietary(XNode means)
    {
        var accounts = means.Kids("PayeePartyCreditorFinancialAccount").ToList();
        var iban = accounts.Any(static a => a.Has("IBANID"));
        var proprietary = accounts.Any(static a => a.Has("ProprietaryID"));
        return (iban || proprietary) && !(iban && proprietary);
    }
}
