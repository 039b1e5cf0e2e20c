using Chorus.Invoicing.Validation.Internal.Tree;
using Chorus.Invoicing.Validation.Rules.FacturX;
using Chorus.Invoicing.Validation.Rules.Tree;

namespace Chorus.Invoicing.Validation.Rules.ExtendedCtcFr;

/// <summary>
/// The profile's totals and VAT breakdown rules: only the lines whose sub-line code is DETAIL (or that have none) count
/// (BR-FREXT-CO-10…15, BR-FREXT-x-01, BR-FREXT-x-08 with its "ini" and "rev" warnings, BR-FREXT-S-09).
/// </summary>
internal static partial class ExtendedCtcFrUbl
{
    // ---- cac:LegalMonetaryTotal (BR-FREXT-CO-10…15) ---------------------------------------------------------------------

    /// <summary>The variables of the cac:LegalMonetaryTotal rule (computed once per element: five assertions use them).</summary>
    private sealed class MonetaryTotal
    {
        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<XNode, MonetaryTotal> Cache = new();

        private MonetaryTotal(XNode total)
        {
            var ids = UblX.InvoiceIds(total);
            var lineAmounts = UblX.AllLines(total).Where(l => UblX.CountsInTotals(l, ids)).SelectMany(static l => l.Cbc("LineExtensionAmount")).ToList();
            LineSum = UblX.RoundedSum(lineAmounts);
            LineCount = lineAmounts.Count;
            var parent = total.Parent!;
            var allowances = parent.Cac("AllowanceCharge").Where(static a => UblX.ChargeIs(a, charge: false)).ToList();
            var charges = parent.Cac("AllowanceCharge").Where(static a => UblX.ChargeIs(a, charge: true)).ToList();
            AllowanceSum = UblX.RoundedDecimalSum(allowances.SelectMany(static a => a.Cbc("Amount")));
            AllowanceExact = UblX.ExactRoundedDecimalSum(allowances.SelectMany(static a => a.Cbc("Amount")));
            AllowanceCount = allowances.Count;
            ChargeSum = UblX.RoundedDecimalSum(charges.SelectMany(static a => a.Cbc("Amount")));
            ChargeExact = UblX.ExactRoundedDecimalSum(charges.SelectMany(static a => a.Cbc("Amount")));
            ChargeCount = charges.Count;
        }

        public XNum LineSum { get; }

        public int LineCount { get; }

        public decimal AllowanceSum { get; }

        public ExactDecimal AllowanceExact { get; }

        public ExactDecimal ChargeExact { get; }

        public int AllowanceCount { get; }

        public decimal ChargeSum { get; }

        public int ChargeCount { get; }

        public int ElementCount => LineCount + AllowanceCount + ChargeCount;

        public static MonetaryTotal Of(XNode total) => Cache.GetValue(total, static t => new MonetaryTotal(t));
    }

    // BR-FREXT-CO-10: round(abs(BT-106 - Σ BT-131) * 100) div 100 le nb * 0.01.
    private static bool LineTotalMatches(XNode total)
    {
        var t = MonetaryTotal.Of(total);
        return UblX.Decimal(total.Cbc("LineExtensionAmount")) is { } bt106 && (XNum.Dec(bt106) - t.LineSum).Abs().Round2().Le(t.LineCount * 0.01m);
    }

    // BR-FREXT-CO-11/12: abs(BT-107 - Σ BT-92) le nb * 0.01, or neither the total nor an allowance (charge).
    private static bool AllowanceOrChargeTotalMatches(XNode total, bool charge)
    {
        var t = MonetaryTotal.Of(total);
        var stated = UblX.Decimal(total.Cbc(charge ? "ChargeTotalAmount" : "AllowanceTotalAmount"));
        var (sum, count) = charge ? (t.ChargeSum, t.ChargeCount) : (t.AllowanceSum, t.AllowanceCount);
        if (stated is { } s && Math.Abs(s - sum) <= count * 0.01m)
        {
            return true;
        }

        return !total.HasCbc(charge ? "ChargeTotalAmount" : "AllowanceTotalAmount") && count == 0;
    }

    // BR-FREXT-CO-13: round(abs(BT-109 - Σ BT-131 + Σ BT-92 - Σ BT-99) * 100) div 100 le nb * 0.01.
    private static bool TaxExclusiveMatches(XNode total)
    {
        var t = MonetaryTotal.Of(total);
        return UblX.Decimal(total.Cbc("TaxExclusiveAmount")) is { } bt109
            && (XNum.Dec(bt109) - t.LineSum + XNum.Dec(t.AllowanceSum) - XNum.Dec(t.ChargeSum)).Abs().Round2().Le(t.ElementCount * 0.01m);
    }

    // BR-FREXT-CO-15: with a VAT total in the document currency, abs(BT-112 - BT-110 - BT-109) le nb * 0.01.
    private static bool TaxInclusiveMatches(XNode total)
    {
        var vat = VatTotalsInDocumentCurrency(total);
        if (vat.Count == 0)
        {
            return true;
        }

        var t = MonetaryTotal.Of(total);
        var bt112 = UblX.Decimal(total.Cbc("TaxInclusiveAmount"));
        var bt110 = UblX.Decimal(vat);
        var bt109 = UblX.Decimal(total.Cbc("TaxExclusiveAmount"));
        return bt112 is { } a && bt110 is { } b && bt109 is { } c && Math.Abs(a - b - c) <= t.ElementCount * 0.01m;
    }

    // ../cac:TaxTotal/cbc:TaxAmount[@currencyID = $invoiceCurrency] (BT-110).
    private static List<XNode> VatTotalsInDocumentCurrency(XNode total)
    {
        var root = UblX.InvoiceRoot(total);
        var currencies = new HashSet<string>(root is null ? [] : root.Cbc("DocumentCurrencyCode").Select(static c => c.StringValue), StringComparer.Ordinal);
        return total.Parent!.Cac("TaxTotal").SelectMany(static t => t.Cbc("TaxAmount")).Where(a => a.Attr("currencyID") is { } c && currencies.Contains(c)).ToList();
    }

    // BR-CO-25 (profile's context /ubl:Invoice/cac:LegalMonetaryTotal/cbc:PayableAmount): a positive amount due needs a due
    // date or payment terms. The amount is untyped, compared with integers as xs:double.
    private static bool DueDateOrTermsGiven(XNode payable)
    {
        var amount = Fx.ParseDouble(payable.StringValue);
        if (amount <= 0)
        {
            return true;
        }

        var doc = payable.Document;
        return amount > 0 && (doc.Descendants(Ns.Cbc, "DueDate").Any() || doc.Descendants(Ns.Cac, "PaymentTerms").Any(static p => p.HasCbc("Note")));
    }

    // ---- the document (BR-FREXT-x-01) -------------------------------------------------------------------------------------

    /// <summary>
    /// BR-FREXT-x-01: a category used by a counted line (DETAIL or no sub-line code) or a document allowance/charge has a
    /// VAT breakdown, and a breakdown's category is used by one of them.
    /// </summary>
    private static bool CategoryHasBreakdown(XNode root, string code)
    {
        var uses = CategoryUses.Of(root);
        var documentLevel = CategoryUses.Get(uses.DocumentLevel, code);
        var lines = CategoryUses.Get(uses.Lines, code);
        var breakdowns = CategoryUses.Get(uses.Breakdowns, code);
        return documentLevel + lines + breakdowns == 0 || (breakdowns >= 1 && (documentLevel > 0 || lines > 0));
    }

    /// <summary>
    /// How many categories of each code (<c>normalize-space(cbc:ID)</c>) the document allowances/charges, the counted
    /// lines' items and the VAT breakdowns have: the counts of the nine BR-FREXT-x-01, in one pass.
    /// </summary>
    private sealed class CategoryUses
    {
        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<XNode, CategoryUses> Cache = new();

        private CategoryUses(XNode root)
        {
            var ids = UblX.InvoiceIds(root); // the root rule's $invoiceID is its cbc:ID: the same values
            Count(DocumentLevel, root.Cac("AllowanceCharge").SelectMany(static a => a.Cac("TaxCategory")));
            Count(Lines, UblX.LinesOf(root).Where(l => UblX.CountsInTotals(l, ids)).SelectMany(static l => l.Cac("Item")).SelectMany(static i => i.Cac("ClassifiedTaxCategory")));
            Count(Breakdowns, root.Cac("TaxTotal").SelectMany(static t => t.Cac("TaxSubtotal")).SelectMany(static s => s.Cac("TaxCategory")));
        }

        public Dictionary<string, int> DocumentLevel { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, int> Lines { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, int> Breakdowns { get; } = new(StringComparer.Ordinal);

        public static CategoryUses Of(XNode root) => Cache.GetValue(root, static r => new CategoryUses(r));

        public static int Get(Dictionary<string, int> counts, string code) => counts.TryGetValue(code, out var n) ? n : 0;

        private static void Count(Dictionary<string, int> counts, IEnumerable<XNode> categories)
        {
            foreach (var c in categories)
            {
                var code = UblX.Normalized(c.Cbc("ID"));
                counts[code] = Get(counts, code) + 1;
            }
        }
    }

    // ---- /*/cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory[code][VAT] (BR-FREXT-x-08, -08ini, -08rev, S-09) ---------------

    /// <summary>
    /// The sums of one VAT breakdown: over the counted lines and the document allowances/charges whose category is the
    /// breakdown's with the same rate (except O, which has none), "full" when the exemption reason and code match too,
    /// "ini" without them.
    /// </summary>
    private sealed class BreakdownSums
    {
        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<XNode, BreakdownSums> Cache = new();

        private BreakdownSums(XNode category, string code)
        {
            var withRate = code != "O";
            Rate = withRate ? UblX.Decimal(category.Cbc("Percent")) : null;
            var reasonText = ReasonText = UblX.Normalized(category.Cbc("TaxExemptionReason"));
            var reasonCode = ReasonCode = UblX.Normalized(category.Cbc("TaxExemptionReasonCode"));
            var subtotal = category.Parent!;
            Basis = UblX.Decimal(subtotal.Cbc("TaxableAmount"));
            VatAmount = UblX.Decimal(subtotal.Cbc("TaxAmount"));
            var ids = UblX.InvoiceIds(category);
            var lines = UblX.AllLines(category);
            var charges = subtotal.Parent!.Parent!.Cac("AllowanceCharge").ToList();

            // normalize-space(cbc:ID) = code and xs:decimal(cbc:Percent) = $rate [and the two reasons], left to right.
            bool Same(XNode c, bool full) =>
                UblX.Normalized(c.Cbc("ID")) == code
                && (!withRate || (UblX.Decimal(c.Cbc("Percent")) is { } p && Rate is { } r && p == r))
                && (!full || (UblX.Normalized(c.Cbc("TaxExemptionReasonCode")) == reasonCode && UblX.Normalized(c.Cbc("TaxExemptionReason")) == reasonText));

            Full = Sums(lines, charges, ids, c => Same(c, full: true));
            Ini = Sums(lines, charges, ids, c => Same(c, full: false));
        }

        public decimal? Rate { get; }

        public string ReasonText { get; }

        public string ReasonCode { get; }

        public decimal? Basis { get; }

        public decimal? VatAmount { get; }

        public (XNum Lines, int LineCount, decimal Allowances, decimal Charges, int ChargeCount, ExactDecimal AllowancesExact, ExactDecimal ChargesExact) Full { get; }

        public (XNum Lines, int LineCount, decimal Allowances, decimal Charges, int ChargeCount, ExactDecimal AllowancesExact, ExactDecimal ChargesExact) Ini { get; }

        // abs($basisAmount - $calculatedAmountBT131 + $allowancesAmountBT92 - $chargesAmountBT99) le 0.01 * ($nbLineItems + $nbAllowancesOrCharges)
        public bool Holds(bool full)
        {
            var s = full ? Full : Ini;
            return Basis is { } b && (XNum.Dec(b) - s.Lines + XNum.Dec(s.Allowances) - XNum.Dec(s.Charges)).Abs().Le(0.01m * (s.LineCount + s.ChargeCount));
        }

        // BR-FREXT-S-09: abs(BT-117 - xs:decimal(round(BT-116 * BT-119 div 100 * 100) div 100)) le 0.01 * (nb lines + nb allowances/charges).
        public bool VatMatches() =>
            VatAmount is { } vat && Basis is { } b && Rate is { } r && Math.Abs(vat - (Fx.Round(b * r / 100 * 100) / 100)) <= 0.01m * (Full.LineCount + Full.ChargeCount);

        // One per breakdown category element (its code is the one its context matched): three or four assertions use them.
        public static BreakdownSums Of(XNode category, string code) => Cache.GetValue(category, c => new BreakdownSums(c, code));

        private static (XNum, int, decimal, decimal, int, ExactDecimal, ExactDecimal) Sums(List<XNode> lines, List<XNode> charges, HashSet<string> ids, Func<XNode, bool> same)
        {
            var amounts = lines.Where(l => l.Cac("Item").SelectMany(static i => i.Cac("ClassifiedTaxCategory")).Any(same) && UblX.CountsInTotals(l, ids))
                .SelectMany(static l => l.Cbc("LineExtensionAmount")).ToList();
            var matching = charges.Where(a => a.Cac("TaxCategory").Any(same)).ToList();
            var allowanceAmounts = charges.Where(a => UblX.ChargeIs(a, charge: false) && a.Cac("TaxCategory").Any(same)).SelectMany(static a => a.Cbc("Amount")).ToList();
            var chargeAmounts = charges.Where(a => UblX.ChargeIs(a, charge: true) && a.Cac("TaxCategory").Any(same)).SelectMany(static a => a.Cbc("Amount")).ToList();
            return (UblX.RoundedSum(amounts), amounts.Count, UblX.RoundedDecimalSum(allowanceAmounts), UblX.RoundedDecimalSum(chargeAmounts), matching.SelectMany(static a => a.Cbc("Amount")).Count(),
                UblX.ExactRoundedDecimalSum(allowanceAmounts), UblX.ExactRoundedDecimalSum(chargeAmounts));
        }
    }

    /// <summary>The context test of the per-category breakdown rules: <c>/*/cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory[normalize-space(cbc:ID) = code][VAT]</c>.</summary>
    private static bool? IsBreakdownCategory(XNode n, string code)
    {
        if (!n.ParentIs(Ns.Cac, "TaxSubtotal") || !n.Parent!.ParentIs(Ns.Cac, "TaxTotal") || n.Parent!.Parent!.Parent is not { } root || root.Parent?.Kind != XNodeKind.Document)
        {
            return false;
        }

        try
        {
            return UblX.Normalized(n.Cbc("ID")) == code && UblX.VatScheme(n);
        }
        catch (FxEvalException)
        {
            // A dynamic error in a match pattern: Saxon takes the node as not matching.
            return false;
        }
    }
}
