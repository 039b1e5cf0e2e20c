using Chorus.Invoicing.Validation.Internal.Tree;
using Chorus.Invoicing.Validation.Rules.Tree;

namespace Chorus.Invoicing.Validation.Rules.FacturX;

/// <summary>How a -08 rule compares the breakdown's taxable amount with the recomputed one (the official tests differ).</summary>
internal enum FxSumCheck
{
    /// <summary>E, AE, IC, G, Z: <c>BasisAmount - 1 &lt;= sum and BasisAmount + 1 &gt; sum</c>.</summary>
    WithinOne,

    /// <summary>O: <c>BasisAmount = sum</c>.</summary>
    Equal,

    /// <summary>S, AF, AG: for every rate of the breakdown, <c>BasisAmount = sum at that rate</c>.</summary>
    EqualPerRate,
}

/// <summary>
/// The VAT breakdown calculations of BASIC and EN 16931 (BR-x-08: taxable amount = Σ line net amounts + Σ charges −
/// Σ allowances of the category; BR-S-09: tax = taxable × rate), with the official tests' numeric types: line amounts
/// and allowances as xs:decimal, the comparisons through xs:double.
/// </summary>
internal static class FacturXVatSums
{
    private static readonly ElementPath Lines = ElementPath.Of("rsm:SupplyChainTradeTransaction/ram:IncludedSupplyChainTradeLineItem");
    private static readonly ElementPath HeaderAllowanceCharges = ElementPath.Of("rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/ram:SpecifiedTradeAllowanceCharge");

    // Family, code, how the sum is compared, whether the indicator is read with "cast as xs:boolean" (Z, O) or compared to true() (the others).
    private static readonly (string Family, string Code, FxSumCheck Check, bool CastIndicator)[] Table =
    [
        ("S", "S", FxSumCheck.EqualPerRate, false),
        ("Z", "Z", FxSumCheck.WithinOne, true),
        ("E", "E", FxSumCheck.WithinOne, false),
        ("AE", "AE", FxSumCheck.WithinOne, false),
        ("IC", "K", FxSumCheck.WithinOne, false),
        ("G", "G", FxSumCheck.WithinOne, false),
        ("O", "O", FxSumCheck.Equal, true),
        ("AF", "L", FxSumCheck.EqualPerRate, false),
        ("AG", "M", FxSumCheck.EqualPerRate, false),
    ];

    public static IEnumerable<FxRule> Rules
    {
        get
        {
            foreach (var (family, code, check, cast) in Table)
            {
                var category = FacturXVatCategories.Categories.First(c => c.Family == family);
                yield return new($"BR-{family}-08", d => FacturXVatCategories.Breakdowns(d, code, category.Breakdown), (n, d, _) => check switch
                {
                    FxSumCheck.WithinOne => WithinOne(n, d, code, cast),
                    FxSumCheck.Equal => Equal(n, d, code, cast),
                    _ => EqualPerRate(n, d, code),
                });
            }

            yield return new("BR-S-09", d => FacturXVatCategories.Breakdowns(d, "S", FxBreakdownContext.Code), static (n, _, _) => TaxMatchesRate(n));
        }
    }

    /// <summary>
    /// <c>(../ram:BasisAmount - 1 &lt;= X) and (../ram:BasisAmount + 1 &gt; X)</c>: the basis (one untyped value, as
    /// xs:double) against the decimal sum; an absent basis makes the comparison false without computing the sum.
    /// </summary>
    private static bool WithinOne(XNode code, FxDoc d, string category, bool cast)
    {
        var tax = code.Up();
        var basis = SingleDouble(tax.Kids("BasisAmount"));
        if (basis is null || !((basis.Value - 1) <= (double)CategorySum(d, category, cast, null)))
        {
            return false;
        }

        return basis.Value + 1 > (double)CategorySum(d, category, cast, null);
    }

    /// <summary>BR-O-08: <c>ram:BasisAmount = X</c>, existential over the basis amounts.</summary>
    private static bool Equal(XNode tax, FxDoc d, string category, bool cast)
    {
        var bases = tax.Kids("BasisAmount").ToList();
        return bases.Count > 0 && Fx.CompareAny(bases, "=", (double)CategorySum(d, category, cast, null));
    }

    /// <summary>
    /// <c>every $rate in ../ram:RateApplicablePercent/xs:decimal(.) satisfies ../ram:BasisAmount = X($rate)</c>. For AF and
    /// AG the context is the breakdown itself, whose parent has no rate: the official test holds vacuously.
    /// </summary>
    private static bool EqualPerRate(XNode context, FxDoc d, string category)
    {
        var parent = context.Up();
        var rates = parent.Kids("RateApplicablePercent").Select(static r => Fx.ParseDecimal(r.StringValue)).ToList();
        foreach (var rate in rates)
        {
            var bases = parent.Kids("BasisAmount").ToList();
            if (bases.Count == 0 || !Fx.CompareAny(bases, "=", (double)CategorySum(d, category, false, rate)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// round(Σ line net amounts × 100) ÷ 100 + round(Σ charges × 100) ÷ 100 − round(Σ allowances × 100) ÷ 100 for a
    /// category (and a rate, for BR-S/AF/AG-08: <c>xs:decimal(ram:ActualAmount)</c> there, <c>ram:ActualAmount[1]</c> otherwise).
    /// </summary>
    internal static decimal CategorySum(FxDoc d, string category, bool castIndicator, decimal? rate)
    {
        var lines = new List<decimal>();
        foreach (var line in d.FromRoot(Lines))
        {
            foreach (var settlement in line.Kids("SpecifiedLineTradeSettlement"))
            {
                if (!settlement.Kids("ApplicableTradeTax").Any(t => t.HasValue("CategoryCode", category)) || (rate is { } r && !RateMatches(settlement.Kids("ApplicableTradeTax"), r)))
                {
                    continue;
                }

                foreach (var sum in settlement.Kids("SpecifiedTradeSettlementLineMonetarySummation"))
                {
                    if (sum.DecimalOf("LineTotalAmount") is { } v)
                    {
                        lines.Add(v);
                    }
                }
            }
        }

        var total = Fx.Round(lines.Sum() * 10 * 10) / 100;
        total += Fx.Round(AllowanceChargeSum(d, category, true, castIndicator, rate) * 10 * 10) / 100;
        return total - (Fx.Round(AllowanceChargeSum(d, category, false, castIndicator, rate) * 10 * 10) / 100);
    }

    private static decimal AllowanceChargeSum(FxDoc d, string category, bool charge, bool castIndicator, decimal? rate)
    {
        decimal sum = 0;
        foreach (var ac in d.FromRoot(HeaderAllowanceCharges))
        {
            if (IndicatorEquals(ac, charge, castIndicator) && ac.Kids("CategoryTradeTax").Any(t => t.HasValue("CategoryCode", category))
                && (rate is not { } r || RateMatches(ac.Kids("CategoryTradeTax"), r)))
            {
                sum += (rate is null ? ac.FirstDecimalOf("ActualAmount") : ac.DecimalOf("ActualAmount")) ?? 0;
            }
        }

        return sum;
    }

    /// <summary><c>taxes/xs:decimal(ram:RateApplicablePercent) = $rate</c>: every cast first (an error stops), then existential.</summary>
    internal static bool RateMatches(IEnumerable<XNode> taxes, decimal rate)
    {
        var values = new List<decimal>();
        foreach (var t in taxes)
        {
            if (t.DecimalOf("RateApplicablePercent") is { } v)
            {
                values.Add(v);
            }
        }

        return values.Contains(rate);
    }

    /// <summary>
    /// <c>ram:ChargeIndicator/udt:Indicator = true()</c> (existential, each value cast to xs:boolean) or, for Z and O,
    /// <c>(ram:ChargeIndicator/udt:Indicator cast as xs:boolean) = true()</c> (exactly one indicator, else an error).
    /// </summary>
    internal static bool IndicatorEquals(XNode allowanceCharge, bool value, bool cast)
    {
        var indicators = allowanceCharge.Kids("ChargeIndicator").SelectMany(static c => c.Elements(Ns.Udt, "Indicator")).ToList();
        if (cast)
        {
            return indicators.Count switch
            {
                0 => throw new FxEvalException("XPTY0004: cast of an empty sequence"),
                > 1 => throw new FxEvalException("XPTY0004: cast of a sequence of several items"),
                _ => ToBoolean(indicators[0].StringValue) == value,
            };
        }

        foreach (var i in indicators)
        {
            if (ToBoolean(i.StringValue) == value)
            {
                return true;
            }
        }

        return false;
    }

    private static bool ToBoolean(string text)
    {
        var t = text.Trim(' ', '\t', '\r', '\n');
        return t switch
        {
            "true" or "1" => true,
            "false" or "0" => false,
            _ => throw new FxEvalException($"FORG0001: '{Fx.Short(t)}' is not a valid xs:boolean"),
        };
    }

    /// <summary>The xs:double of a single untyped node for arithmetic (<c>../ram:BasisAmount - 1</c>): null when absent, an error when repeated.</summary>
    internal static double? SingleDouble(IEnumerable<XNode> nodes)
    {
        var list = nodes.ToList();
        return list.Count switch
        {
            0 => null,
            > 1 => throw new FxEvalException("XPTY0004: arithmetic on a sequence of several items"),
            _ => Fx.ParseDouble(list[0].StringValue),
        };
    }

    /// <summary>
    /// BR-S-09: <c>abs(xs:decimal(../ram:CalculatedAmount)) ∓ 1</c> against <c>round(abs(xs:decimal(../ram:BasisAmount)) ×
    /// ../ram:RateApplicablePercent) div 100</c> (the product through xs:double).
    /// </summary>
    private static bool TaxMatchesRate(XNode code)
    {
        var tax = code.Up();
        for (var side = 0; side < 2; side++)
        {
            var calculated = tax.DecimalOf("CalculatedAmount");
            if (calculated is null)
            {
                return false;
            }

            var left = (double)(Math.Abs(calculated.Value) + (side == 0 ? -1 : 1));
            var basis = tax.DecimalOf("BasisAmount");
            var rates = tax.Kids("RateApplicablePercent").ToList();
            if (basis is null || rates.Count == 0)
            {
                return false;
            }

            if (rates.Count > 1)
            {
                throw new FxEvalException("XPTY0004: arithmetic on a sequence of several items");
            }

            var right = Fx.Round((double)Math.Abs(basis.Value) * Fx.ParseDouble(rates[0].StringValue)) / 100;
            if (!(side == 0 ? Fx.Holds(left, "<", right) : Fx.Holds(left, ">", right)))
            {
                return false;
            }
        }

        return true;
    }
}
