using Chorus.Invoicing.Validation.Internal.Tree;
using Chorus.Invoicing.Validation.Rules.Tree;

namespace Chorus.Invoicing.Validation.Rules.FacturX;

/// <summary>
/// The Factur-X breakdown checks per rate and exemption reason (BR-FXEXT-x-08b/-08ini/-08rev, BR-FXEXT-S-09b) and
/// MINIMUM's BR-FXEXT-G-08. For one VAT breakdown (BG-23) they recompute its taxable amount from the lines, document
/// allowances and charges, and logistics service charges of the same category, rate and exemption reason ("rev"), of
/// the same category and rate ("ini"), or either ("b", fatal), within 0.01 per item summed. In EXTENDED only the DETAIL
/// lines (or lines without a subtype) count. The official tests bind their variables in a fixed order; they are
/// computed here in that order, so that an input that is not a number fails with the same error.
/// </summary>
internal static class FacturXVatBreakdowns
{
    private static readonly ElementPath Lines = ElementPath.Of("rsm:SupplyChainTradeTransaction/ram:IncludedSupplyChainTradeLineItem");
    private static readonly ElementPath HeaderAllowanceCharges = ElementPath.Of("rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/ram:SpecifiedTradeAllowanceCharge");
    private static readonly ElementPath HeaderLogistics = ElementPath.Of("rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/ram:SpecifiedLogisticsServiceCharge");

    public static IEnumerable<FxRule> Rules
    {
        get
        {
            foreach (var c in FacturXVatCategories.Categories)
            {
                var code = c.Code;
                var hasRate = code != "O";

                // BR-FXEXT-S08b is spelled without the dash before 08b in the official stylesheet.
                var b = c.Family == "S" ? "BR-FXEXT-S08b" : $"BR-FXEXT-{c.Family}-08b";
                yield return new(b, d => VatBreakdowns(d, code), (n, d, p) => Check(n, d, code, hasRate, p == FxProfiles.Extended, Variant.Both));
                yield return new($"BR-FXEXT-{c.Family}-08ini", d => VatBreakdowns(d, code), (n, d, p) => Check(n, d, code, hasRate, p == FxProfiles.Extended, Variant.SameRate));
                yield return new($"BR-FXEXT-{c.Family}-08rev", d => VatBreakdowns(d, code), (n, d, p) => Check(n, d, code, hasRate, p == FxProfiles.Extended, Variant.SameReason));
            }

            yield return new("BR-FXEXT-S-09b", static d => d.All("ApplicableTradeTax").Where(static t => t.ParentIs("ApplicableHeaderTradeSettlement") && t.HasValue("CategoryCode", "S")), static (n, d, _) => TaxAmountPerRate(n, d));
            yield return new("BR-FXEXT-G-08", static d => FacturXVatCategories.Breakdowns(d, "G", FxBreakdownContext.CodeUnderTransaction), static (n, d, _) => ExportTaxableAmount(n, d));
        }
    }

    private enum Variant
    {
        Both,
        SameRate,
        SameReason,
    }

    /// <summary>
    /// <c>//ram:ApplicableHeaderTradeSettlement/ram:ApplicableTradeTax[ram:CategoryCode = code][upper-case(ram:TypeCode) = 'VAT']</c>;
    /// several type codes on one breakdown make the context fail (the rule then checks nothing).
    /// </summary>
    private static List<XNode> VatBreakdowns(FxDoc d, string code)
    {
        var list = new List<XNode>();
        foreach (var t in d.All("ApplicableTradeTax"))
        {
            if (!t.ParentIs("ApplicableHeaderTradeSettlement") || !t.HasValue("CategoryCode", code))
            {
                continue;
            }

            var types = t.Kids("TypeCode").ToList();
            if (types.Count > 1)
            {
                throw new FxEvalException("XPTY0004: a sequence of more than one item is not allowed here");
            }

            var upper = types.Count == 1 ? types[0].StringValue.ToUpperInvariant() : string.Empty;
            if (upper == "VAT")
            {
                list.Add(t);
            }
        }

        return list;
    }

    /// <summary>What the items summed must share with the breakdown: its category, its rate (none for O) and, for "rev", its exemption reason text and code.</summary>
    internal readonly record struct Scope(string Category, decimal? Rate, (string Code, string Text)? Reason, bool DetailOnly);

    private static bool Check(XNode tax, FxDoc d, string category, bool hasRate, bool detailOnly, Variant variant)
    {
        decimal? rate = null;
        if (hasRate)
        {
            rate = tax.DecimalOf("RateApplicablePercent");
            if (rate is null)
            {
                return false;
            }
        }

        var text = Joined(tax.Kids("ExemptionReason"));
        var code = Joined(tax.Kids("ExemptionReasonCode"));
        if (tax.DecimalOf("BasisAmount") is not { } basis)
        {
            return false;
        }

        var same = new Scope(category, rate, (code, text), detailOnly);
        var ini = same with { Reason = null };
        switch (variant)
        {
            case Variant.Both:
                {
                    var lines = LineNet(d, same);
                    var linesIni = LineNet(d, ini);
                    var allowances = AllowanceCharge(d, same, false);
                    var allowancesIni = AllowanceCharge(d, ini, false);
                    var charges = AllowanceCharge(d, same, true);
                    var chargesIni = AllowanceCharge(d, ini, true);
                    var lineCount = LineCount(d, same);
                    var lineCountIni = LineCount(d, ini);
                    var acCount = AllowanceChargeCount(d, same);
                    var acCountIni = AllowanceChargeCount(d, ini);
                    var logistics = Logistics(d, same);
                    var logisticsIni = Logistics(d, ini);
                    var logisticsCount = LogisticsCount(d, same);
                    var logisticsCountIni = LogisticsCount(d, ini);
                    return Close(basis - lines + allowances - charges - logistics, lineCount + acCount + logisticsCount)
                        || Close(basis - linesIni + allowancesIni - chargesIni - logisticsIni, lineCountIni + acCountIni + logisticsCountIni);
                }

            case Variant.SameRate:
                {
                    var lines = LineNet(d, ini);
                    var allowances = AllowanceCharge(d, ini, false);

                    // The official "ini" tests also bind the same-reason charges of category S (whatever the breakdown's
                    // category) and never use them: only their evaluation errors matter.
                    _ = AllowanceCharge(d, same with { Category = "S" }, true);
                    var charges = AllowanceCharge(d, ini, true);
                    var lineCount = LineCount(d, ini);
                    var acCount = AllowanceChargeCount(d, ini);
                    var logistics = Logistics(d, ini);
                    var logisticsCount = LogisticsCount(d, ini);
                    return Close(basis - lines + allowances - charges - logistics, lineCount + acCount + logisticsCount);
                }

            default:
                {
                    var lines = LineNet(d, same);
                    var allowances = AllowanceCharge(d, same, false);
                    var charges = AllowanceCharge(d, same, true);
                    var lineCount = LineCount(d, same);
                    var acCount = AllowanceChargeCount(d, same);
                    var logistics = Logistics(d, same);
                    var logisticsCount = LogisticsCount(d, same);
                    return Close(basis - lines + allowances - charges - logistics, lineCount + acCount + logisticsCount);
                }
        }
    }

    /// <summary><c>abs(diff) le 0.01 * count</c>.</summary>
    private static bool Close(decimal diff, int count) => Math.Abs(diff) <= 0.01m * count;

    /// <summary><c>normalize-space(ram:X)</c> of the values, joined with a space when repeated (as the interpreter reads it).</summary>
    internal static string Joined(IEnumerable<XNode> nodes) => TreeQuery.NormalizeSpace(string.Join(" ", nodes.Select(static n => n.StringValue)));

    /// <summary>
    /// The predicate on the taxes of an item: <c>X/ram:CategoryCode = cat and X/xs:decimal(ram:RateApplicablePercent) = $rate
    /// and normalize-space(X/ram:ExemptionReasonCode) = $code and normalize-space(X/ram:ExemptionReason) = $text</c>.
    /// </summary>
    private static bool TaxMatches(List<XNode> taxes, Scope scope)
    {
        if (!taxes.Any(t => t.HasValue("CategoryCode", scope.Category)))
        {
            return false;
        }

        if (scope.Rate is { } rate && !FacturXVatSums.RateMatches(taxes, rate))
        {
            return false;
        }

        return scope.Reason is not { } reason
            || (Joined(taxes.SelectMany(static t => t.Kids("ExemptionReasonCode"))) == reason.Code && Joined(taxes.SelectMany(static t => t.Kids("ExemptionReason"))) == reason.Text);
    }

    private static IEnumerable<XNode> ScopedLines(FxDoc d, Scope scope) =>
        d.FromRoot(Lines).Where(l => !scope.DetailOnly || FacturXVatCategories.LineFilterHolds(l));

    /// <summary>Σ BT-131: <c>round(sum(lines/ram:SpecifiedLineTradeSettlement[taxes match]/…/xs:decimal(ram:LineTotalAmount)) * 100) div 100</c>.</summary>
    internal static decimal LineNet(FxDoc d, Scope scope)
    {
        var values = new List<decimal>();
        foreach (var line in ScopedLines(d, scope))
        {
            foreach (var settlement in line.Kids("SpecifiedLineTradeSettlement"))
            {
                if (!TaxMatches([.. settlement.Kids("ApplicableTradeTax")], scope))
                {
                    continue;
                }

                foreach (var sum in settlement.Kids("SpecifiedTradeSettlementLineMonetarySummation"))
                {
                    if (sum.DecimalOf("LineTotalAmount") is { } v)
                    {
                        values.Add(v);
                    }
                }
            }
        }

        return Fx.RoundedSum(values);
    }

    /// <summary>The number of lines whose settlement taxes match.</summary>
    internal static int LineCount(FxDoc d, Scope scope) =>
        ScopedLines(d, scope).Count(l => TaxMatches([.. l.Kids("SpecifiedLineTradeSettlement").SelectMany(static s => s.Kids("ApplicableTradeTax"))], scope));

    /// <summary>Σ BT-92 (allowances) or Σ BT-99 (charges) of the document level whose taxes match, <c>xs:decimal(ram:ActualAmount)</c>.</summary>
    internal static decimal AllowanceCharge(FxDoc d, Scope scope, bool charge)
    {
        var values = new List<decimal>();
        foreach (var ac in d.FromRoot(HeaderAllowanceCharges))
        {
            if (FacturXVatSums.IndicatorEquals(ac, charge, cast: false) && TaxMatches([.. ac.Kids("CategoryTradeTax")], scope) && ac.DecimalOf("ActualAmount") is { } v)
            {
                values.Add(v);
            }
        }

        return Fx.RoundedSum(values);
    }

    internal static int AllowanceChargeCount(FxDoc d, Scope scope) => d.FromRoot(HeaderAllowanceCharges).Count(ac => TaxMatches([.. ac.Kids("CategoryTradeTax")], scope));

    /// <summary>Σ BT-X-272, the logistics service charges whose applied tax matches.</summary>
    internal static decimal Logistics(FxDoc d, Scope scope)
    {
        var values = new List<decimal>();
        foreach (var l in d.FromRoot(HeaderLogistics))
        {
            if (TaxMatches([.. l.Kids("AppliedTradeTax")], scope) && l.DecimalOf("AppliedAmount") is { } v)
            {
                values.Add(v);
            }
        }

        return Fx.RoundedSum(values);
    }

    internal static int LogisticsCount(FxDoc d, Scope scope) => d.FromRoot(HeaderLogistics).Count(l => TaxMatches([.. l.Kids("AppliedTradeTax")], scope));

    /// <summary>
    /// BR-FXEXT-S-09b: the breakdown's tax amount is <c>round(basis × rate ÷ 100 × 100) ÷ 100</c> within 0.01 per line,
    /// allowance/charge and logistics charge of its rate (and exemption reason, or any reason).
    /// </summary>
    private static bool TaxAmountPerRate(XNode tax, FxDoc d)
    {
        if (tax.DecimalOf("RateApplicablePercent") is not { } rate)
        {
            return false;
        }

        var text = Joined(tax.Kids("ExemptionReason"));
        var code = Joined(tax.Kids("ExemptionReasonCode"));
        if (tax.DecimalOf("BasisAmount") is not { } basis)
        {
            return false;
        }

        var same = new Scope("S", rate, (code, text), DetailOnly: true);
        var ini = same with { Reason = null };
        var lineCount = LineCount(d, same);
        var lineCountIni = LineCount(d, ini);
        var acCount = AllowanceChargeCount(d, same);
        var acCountIni = AllowanceChargeCount(d, ini);
        var logisticsCount = LogisticsCount(d, same);
        var logisticsCountIni = LogisticsCount(d, ini);
        if (tax.DecimalOf("CalculatedAmount") is not { } amount)
        {
            return false;
        }

        var calculated = Fx.Round(basis * rate / 100 * 100) / 100;
        return Close(amount - calculated, lineCount + acCount + logisticsCount) || Close(amount - calculated, lineCountIni + acCountIni + logisticsCountIni);
    }

    /// <summary>
    /// BR-FXEXT-G-08 (MINIMUM): an export breakdown's taxable amount is Σ DETAIL line net amounts + Σ charges + Σ logistics
    /// charges − Σ allowances of category G, within 0.01 per item.
    /// </summary>
    private static bool ExportTaxableAmount(XNode code, FxDoc d)
    {
        if (code.Up().DecimalOf("BasisAmount") is not { } basis)
        {
            return false;
        }

        var scope = new Scope("G", null, null, DetailOnly: true);
        var lines = LineNet(d, scope);
        var charges = AllowanceCharge(d, scope, true);
        var logistics = Logistics(d, scope);
        var allowances = AllowanceCharge(d, scope, false);
        var calculated = lines + charges + logistics - allowances;
        var count = LineCount(d, scope) + AllowanceChargeCount(d, scope) + LogisticsCount(d, scope);
        return Close(basis - calculated, count);
    }
}
