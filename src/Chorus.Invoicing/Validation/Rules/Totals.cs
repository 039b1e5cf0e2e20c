using Chorus.Invoicing.Model;
using static Chorus.Invoicing.Validation.Rules.XPathNumbers;

namespace Chorus.Invoicing.Validation.Rules;

/// <summary>
/// BR-CO-10…BR-CO-16: the document totals (BG-22) against their parts. The UBL binding sums <c>xs:decimal</c>s and
/// rounds half up to 2 decimals; the CII binding compares untyped values (doubles) in BR-CO-11/12/14, and does not
/// round in BR-CO-16. Both are mirrored so that verdicts match the official artefacts exactly.
/// </summary>
internal static class Totals
{
    public static readonly IRuleGroup MonetaryTotals = new RuleGroup<DocumentTotals>(
        static input => ReadTotals(input),
        static (t, _) => t.Location.XPath,
        new("BR-CO-10", static (t, input) => LineSumHolds(t, input)),
        new("BR-CO-11", static (t, input) => DocumentSumHolds(t.AllowanceTotal, input, charge: false)),
        new("BR-CO-12", static (t, input) => DocumentSumHolds(t.ChargeTotal, input, charge: true)),
        new("BR-CO-13", static (t, input) => TaxExclusiveHolds(t, input)),
        new("BR-CO-16", static (t, input) => input.IsUbl ? AmountDueUbl(t) : AmountDueCii(t)));

    public static readonly IRuleGroup VatTotal = new RuleGroup<Invoice>(
        static input => [input.Invoice],
        static (i, _) => i.Totals?.VatTotal?.Location.XPath ?? i.Totals?.Location.XPath,
        new("BR-CO-14", static (i, input) => input.IsUbl ? VatSumUbl(i) : VatSumCii(i)),
        new("BR-CO-15", static (i, input) => input.IsUbl ? TaxInclusiveUbl(i) : TaxInclusiveCii(i)));

    // BR-CO-17 VAT category tax amount (BT-117) = VAT category taxable amount (BT-116) × VAT category rate (BT-119),
    // rounded to cents, within 1 (strictly in the UBL binding, inclusive in the CII binding).
    public static readonly IRuleGroup VatBreakdownTax = new RuleGroup<VatBreakdown>(
        TaxSchemes.GenericBreakdowns,
        static (b, _) => b.Location.XPath,
        new Rule<VatBreakdown>("BR-CO-17", static (b, input) => BreakdownTaxHolds(b, input)));

    private static bool BreakdownTaxHolds(VatBreakdown b, RuleInput input)
    {
        // The rate is read through the VAT-scheme category (normalize-space(upper-case(…)) in both bindings): under another
        // scheme there is no rate, and the last branch (not(exists(rate)) and round(tax) = 0) decides.
        var tax = Dec(b.TaxAmount);
        if (b.Rate is not { } rate || !TaxSchemes.IsVatNormalized(b.Scheme))
        {
            return tax is { } t0 && Round(t0) == 0;
        }

        if (rate.Value is not { } r)
        {
            return false;
        }

        if (Round(r) == 0)
        {
            return tax is { } t1 && Round(t1) == 0;
        }

        if (tax is not { } t || Dec(b.TaxableAmount) is not { } taxable)
        {
            return false;
        }

        var expected = Round2(Math.Abs(taxable) * (r / 100m));
        var at = Math.Abs(t);
        return input.IsUbl ? at - 1 < expected && at + 1 > expected : at - 1 <= expected && at + 1 >= expected;
    }

    /// <summary>
    /// The context of the totals rules is the monetary summation element; a UBL model may hold BT-110 from
    /// cac:TaxTotal without a cac:LegalMonetaryTotal, which the rules do not check.
    /// </summary>
    internal static DocumentTotals[] ReadTotals(RuleInput input) =>
        input.Invoice.Totals is { } t && (t.Location.IsKnown || !input.Invoice.Location.IsKnown) ? [t] : [];

    // BR-CO-10 Sum of Invoice line net amount (BT-106) = Σ Invoice line net amount (BT-131).
    private static bool LineSumHolds(DocumentTotals t, RuleInput input)
    {
        if (Dec(t.LineTotal) is not { } total)
        {
            return false;
        }

        if (input.IsUbl)
        {
            decimal sum = 0;
            foreach (var line in input.Invoice.Lines)
            {
                if (line.NetAmount is { } a)
                {
                    if (a.Value is not { } v)
                    {
                        return false; // xs:decimal('abc'): a dynamic error
                    }

                    sum += v;
                }
            }

            return total == Round2(sum);
        }

        // CII: xs:decimal(sum(untyped)) — the sum is a double.
        double dsum = 0;
        foreach (var line in input.Invoice.Lines)
        {
            if (line.NetAmount is { } a)
            {
                if (Double(a) is not { } d)
                {
                    return false;
                }

                dsum += d;
            }
        }

        return total == Round2(ToDecimal(dsum));
    }

    // BR-CO-11 / BR-CO-12: Σ document level allowances (BT-92) / charges (BT-99).
    private static bool DocumentSumHolds(Amount? total, RuleInput input, bool charge)
    {
        var any = false;
        decimal sum = 0;
        double dsum = 0;
        foreach (var ac in input.Invoice.AllowancesCharges)
        {
            if (!Decimals.Is(ac, charge))
            {
                continue;
            }

            any = true;
            if (ac.Amount is { } a)
            {
                if (input.IsUbl)
                {
                    if (a.Value is not { } v)
                    {
                        return false;
                    }

                    sum += v;
                }
                else
                {
                    if (Double(a) is not { } d)
                    {
                        return false;
                    }

                    dsum += d;
                }
            }
        }

        if (total is null)
        {
            return !any;
        }

        return input.IsUbl
            ? Dec(total) is { } t && t == Round2(sum)
            : Double(total) is { } dt && UntypedEquals(dt, Round2(dsum));
    }

    // BR-CO-13 Invoice total amount without VAT (BT-109) = Σ BT-131 - BT-107 + BT-108 (each by which totals are present).
    private static bool TaxExclusiveHolds(DocumentTotals t, RuleInput input)
    {
        if (Dec(t.TaxExclusiveAmount) is not { } basis || Dec(t.LineTotal) is not { } lines)
        {
            return false;
        }

        decimal? allowances = Dec(t.AllowanceTotal), charges = Dec(t.ChargeTotal);
        bool hasAllowances = t.AllowanceTotal is not null, hasCharges = t.ChargeTotal is not null;
        if (hasAllowances && allowances is null || hasCharges && charges is null)
        {
            return false;
        }

        if (!hasAllowances && !hasCharges)
        {
            // UBL compares unrounded here; CII rounds the line total.
            return input.IsUbl ? basis == lines : basis == Round2(lines);
        }

        return basis == Round2(lines - (allowances ?? 0m) + (charges ?? 0m));
    }

    // BR-CO-16 Amount due for payment (BT-115) = BT-112 - BT-113 + BT-114.
    private static bool AmountDueUbl(DocumentTotals t)
    {
        if (Dec(t.AmountDue) is not { } due || Dec(t.TaxInclusiveAmount) is not { } grand)
        {
            return false;
        }

        bool hasPrepaid = t.PrepaidAmount is not null, hasRounding = t.RoundingAmount is not null;
        decimal? prepaid = Dec(t.PrepaidAmount), rounding = Dec(t.RoundingAmount);
        if (hasPrepaid && prepaid is null || hasRounding && rounding is null)
        {
            return false;
        }

        return (hasPrepaid, hasRounding) switch
        {
            (true, false) => due == Round2(grand - prepaid!.Value),
            (false, false) => due == grand,
            (true, true) => Round2(due - rounding!.Value) == Round2(grand - prepaid!.Value),
            (false, true) => Round2(due - rounding!.Value) == grand,
        };
    }

    private static bool AmountDueCii(DocumentTotals t)
    {
        if (Dec(t.AmountDue) is not { } due || Dec(t.TaxInclusiveAmount) is not { } grand)
        {
            return false;
        }

        decimal? prepaid = Dec(t.PrepaidAmount), rounding = Dec(t.RoundingAmount);
        bool hasPrepaid = t.PrepaidAmount is not null, hasRounding = t.RoundingAmount is not null;
        return (prepaid is { } p && rounding is { } r && due == grand - p + r)
            || (rounding is { } r2 && !hasPrepaid && due == grand + r2)
            || (prepaid is { } p2 && !hasRounding && due == grand - p2)
            || (!hasPrepaid && !hasRounding && due == grand);
    }

    // BR-CO-14 Invoice total VAT amount (BT-110) = Σ VAT category tax amount (BT-117).
    // Each cac:TaxTotal with subtotals is checked against its own cbc:TaxAmount; the model keeps BT-110/111 apart
    // from the breakdowns, so the TaxTotal they were read from is told by their locations.
    private static bool VatSumUbl(Invoice i)
    {
        if (i.VatBreakdowns.Count == 0)
        {
            return true; // no cac:TaxSubtotal
        }

        var sums = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var b in i.VatBreakdowns)
        {
            var key = Parent(b.Location.XPath) ?? string.Empty;
            sums.TryGetValue(key, out var sum);
            if (b.TaxAmount is { } a)
            {
                if (a.Value is not { } v)
                {
                    return false; // xs:decimal('abc'): a dynamic error
                }

                sum += v;
            }

            sums[key] = sum;
        }

        foreach (var pair in sums)
        {
            Amount? total = null;
            foreach (var candidate in VatTotals(i))
            {
                if (pair.Key.Length == 0 || Parent(candidate.Location.XPath) == pair.Key)
                {
                    total = candidate;
                    break;
                }
            }

            if (Dec(total) is not { } t || t != Round2(pair.Value))
            {
                return false;
            }
        }

        return true;
    }

    // BT-5 as the stylesheets compare it with @currencyID: the element's text as written (an untyped value, not trimmed).
    internal static string? InvoiceCurrency(Invoice i) => i.CurrencyCodeText.Text ?? i.CurrencyCode?.Value;

    private static string? Parent(string? xpath)
    {
        if (xpath is null)
        {
            return null;
        }

        var slash = xpath.LastIndexOf('/');
        return slash <= 0 ? null : xpath.Substring(0, slash);
    }

    private static bool VatSumCii(Invoice i)
    {
        // The context is the BT-110 amount whose currencyID is the invoice currency; compared as doubles.
        var currency = InvoiceCurrency(i);
        foreach (var total in VatTotals(i))
        {
            if (total.CurrencyId is null || total.CurrencyId != currency)
            {
                continue;
            }

            double sum = 0;
            foreach (var b in i.VatBreakdowns)
            {
                if (b.TaxAmount is { } a)
                {
                    if (Double(a) is not { } d)
                    {
                        return false;
                    }

                    sum += d;
                }
            }

            if (Double(total) is not { } t || !UntypedEquals(t, Round2(sum)))
            {
                return false;
            }
        }

        return true;
    }

    // BR-CO-15 Invoice total amount with VAT (BT-112) = BT-109 + BT-110.
    private static bool TaxInclusiveUbl(Invoice i)
    {
        if (InvoiceCurrency(i) is not { } currency)
        {
            return true; // every $Currency in () satisfies …
        }

        var count = 0;
        Amount? vat = null;
        foreach (var total in VatTotals(i))
        {
            if (total.CurrencyId == currency)
            {
                count++;
                vat ??= total;
            }
        }

        return count == 1
            && Dec(i.Totals?.TaxInclusiveAmount) is { } grand && Dec(i.Totals?.TaxExclusiveAmount) is { } basis && Dec(vat) is { } v
            && grand == Round2(basis + v);
    }

    private static bool TaxInclusiveCii(Invoice i)
    {
        if (InvoiceCurrency(i) is not { } currency)
        {
            return true;
        }

        var count = 0;
        Amount? vat = null;
        foreach (var total in VatTotals(i))
        {
            if (total.CurrencyId == currency)
            {
                count++;
                vat ??= total;
            }
        }

        decimal? grand = Dec(i.Totals?.TaxInclusiveAmount), basis = Dec(i.Totals?.TaxExclusiveAmount);
        return (count == 1 && grand is { } g && basis is { } b && Dec(vat) is { } v && g == Round2(b + v))
            || (grand is { } g2 && basis is { } b2 && g2 == b2);
    }

    private static IEnumerable<Amount> VatTotals(Invoice i)
    {
        if (i.Totals?.VatTotal is { } a)
        {
            yield return a;
        }

        if (i.Totals?.VatTotalInAccountingCurrency is { } b)
        {
            yield return b;
        }
    }
}
