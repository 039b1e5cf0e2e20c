using Chorus.Invoicing.Model;
using static Chorus.Invoicing.Validation.Rules.XPathNumbers;

namespace Chorus.Invoicing.Validation.Rules;

/// <summary>BR-DEC-*: amounts have at most 2 decimals (counted on the text as written).</summary>
internal static class Decimals
{
    public static readonly IRuleGroup DocumentAllowances = new RuleGroup<AllowanceCharge>(
        static input => Where(input.Invoice.AllowancesCharges, charge: false),
        static (a, _) => a.Location.XPath,
        new("BR-DEC-01", static (a, _) => AtMostTwoDecimals(a.Amount)),
        new("BR-DEC-02", static (a, _) => AtMostTwoDecimals(a.BaseAmount)));

    public static readonly IRuleGroup DocumentCharges = new RuleGroup<AllowanceCharge>(
        static input => Where(input.Invoice.AllowancesCharges, charge: true),
        static (a, _) => a.Location.XPath,
        new("BR-DEC-05", static (a, _) => AtMostTwoDecimals(a.Amount)),
        new("BR-DEC-06", static (a, _) => AtMostTwoDecimals(a.BaseAmount)));

    public static readonly IRuleGroup MonetaryTotals = new RuleGroup<DocumentTotals>(
        Totals.ReadTotals,
        static (t, _) => t.Location.XPath,
        new("BR-DEC-09", static (t, _) => AtMostTwoDecimals(t.LineTotal)),
        new("BR-DEC-10", static (t, _) => AtMostTwoDecimals(t.AllowanceTotal)),
        new("BR-DEC-11", static (t, _) => AtMostTwoDecimals(t.ChargeTotal)),
        new("BR-DEC-12", static (t, _) => AtMostTwoDecimals(t.TaxExclusiveAmount)),
        new("BR-DEC-14", static (t, _) => AtMostTwoDecimals(t.TaxInclusiveAmount)),
        new("BR-DEC-16", static (t, _) => AtMostTwoDecimals(t.PrepaidAmount)),
        new("BR-DEC-17", static (t, _) => AtMostTwoDecimals(t.RoundingAmount)),
        new("BR-DEC-18", static (t, _) => AtMostTwoDecimals(t.AmountDue)));

    // BR-DEC-13 / BR-DEC-15: BT-110 / BT-111. In the UBL binding the test compares @currencyID with a child of the
    // amount (always empty), so it always holds; in the CII binding the amount in that currency must equal itself
    // rounded to cents.
    public static readonly IRuleGroup VatTotals = new RuleGroup<DocumentTotals>(
        Totals.ReadTotals,
        static (t, _) => t.Location.XPath,
        new("BR-DEC-13", static (_, _) => true, RuleSyntax.Ubl),
        new("BR-DEC-15", static (_, _) => true, RuleSyntax.Ubl),
        new("BR-DEC-13", static (t, input) => VatTotalInCurrencyHolds(t, Totals.InvoiceCurrency(input.Invoice), otherCurrencyHolds: true), RuleSyntax.Cii),
        new("BR-DEC-15", static (t, input) => VatTotalInCurrencyHolds(t, input.Invoice.VatAccountingCurrencyCode?.Value, otherCurrencyHolds: false), RuleSyntax.Cii));

    public static readonly IRuleGroup VatBreakdowns = new RuleGroup<VatBreakdown>(
        TaxSchemes.GenericBreakdowns,
        static (b, _) => b.Location.XPath,
        new("BR-DEC-19", static (b, _) => AtMostTwoDecimals(b.TaxableAmount)),
        new("BR-DEC-20", static (b, _) => AtMostTwoDecimals(b.TaxAmount)));

    public static readonly IRuleGroup Lines = new RuleGroup<InvoiceLine>(
        static input => input.Invoice.Lines,
        static (l, _) => l.Location.XPath,
        new Rule<InvoiceLine>("BR-DEC-23", static (l, _) => AtMostTwoDecimals(l.NetAmount)));

    public static readonly IRuleGroup LineAllowances = new RuleGroup<AllowanceCharge>(
        static input => LineAllowancesCharges(input, charge: false),
        static (a, _) => a.Location.XPath,
        new("BR-DEC-24", static (a, _) => AtMostTwoDecimals(a.Amount)),
        new("BR-DEC-25", static (a, _) => AtMostTwoDecimals(a.BaseAmount)));

    public static readonly IRuleGroup LineCharges = new RuleGroup<AllowanceCharge>(
        static input => LineAllowancesCharges(input, charge: true),
        static (a, _) => a.Location.XPath,
        new("BR-DEC-27", static (a, _) => AtMostTwoDecimals(a.Amount)),
        new("BR-DEC-28", static (a, _) => AtMostTwoDecimals(a.BaseAmount)));

    /// <summary>
    /// …[ChargeIndicator = true()/false()]: an element read without a charge indicator is neither (one built in code is
    /// what <see cref="AllowanceCharge.IsCharge"/> says).
    /// </summary>
    internal static bool Is(AllowanceCharge a, bool charge) => a.IsCharge == charge && (a.IndicatorElement.IsKnown || !a.Location.IsKnown);

    internal static IEnumerable<AllowanceCharge> Where(EquatableArray<AllowanceCharge> list, bool charge)
    {
        foreach (var a in list)
        {
            if (Is(a, charge))
            {
                yield return a;
            }
        }
    }

    internal static IEnumerable<AllowanceCharge> LineAllowancesCharges(RuleInput input, bool charge)
    {
        foreach (var line in input.Invoice.Lines)
        {
            foreach (var a in line.AllowancesCharges)
            {
                if (Is(a, charge))
                {
                    yield return a;
                }
            }
        }
    }

    // not(ram:TaxTotalAmount) or ram:TaxTotalAmount[(@currencyID = $currency and . = round(. * 100) div 100) or …]:
    // BR-DEC-13 lets an amount in another currency pass; BR-DEC-15 passes only when there is no BT-6 at all.
    private static bool VatTotalInCurrencyHolds(DocumentTotals t, string? currency, bool otherCurrencyHolds)
    {
        var any = false;
        foreach (var total in new[] { t.VatTotal, t.VatTotalInAccountingCurrency })
        {
            if (total is not { } a)
            {
                continue;
            }

            any = true;
            if (currency is null || (a.CurrencyId == currency && IsRoundedToCents(a)) || (otherCurrencyHolds && a.CurrencyId != currency))
            {
                return true;
            }
        }

        return !any;
    }
}
