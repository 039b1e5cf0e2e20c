using System.Runtime.CompilerServices;
using Chorus.Invoicing.Validation.Internal.Tree;
using Chorus.Invoicing.Validation.Rules.FacturX;

namespace Chorus.Invoicing.Validation.Rules.ExtendedCtcFr;

// Pattern M10, the per-category VAT breakdown rules: BR-FXEXT-x-08 (fatal: the sums of the same rate and exemption reason,
// or of the same rate, match), -08ini and -08rev (warnings: each alone) and BR-FXEXT-S-09. Their variables are Factur-X
// EXTENDED's BR-FXEXT-x-08b bindings word for word, so FacturXVatBreakdowns computes each sum; the profile binds them once
// per breakdown (xsl:variable), and so does this class: the four rules of a breakdown share one evaluation.
internal static partial class ExtendedCtcFrCii
{
    // The per-category contexts in the stylesheet's order (priority 1043 down to 1005) with the Factur-X family of the ids.
    private static readonly (string Code, string Family)[] BreakdownCategories =
    [
        ("AE", "AE"), ("L", "AF"), ("M", "AG"), ("E", "E"), ("G", "G"), ("K", "IC"), ("O", "O"), ("S", "S"), ("Z", "Z"),
    ];

    private static readonly ConditionalWeakTable<XNode, BreakdownVariables> BreakdownMemo = new();

    private static IEnumerable<FxRule> Breakdowns()
    {
        foreach (var (code, family) in BreakdownCategories)
        {
            yield return new($"BR-FXEXT-{family}-08", d => HeaderBreakdowns(d, code), static (n, d, _) => Variables(n, d).Holds(sameReason: true, sameRate: true));
            yield return new($"BR-FXEXT-{family}-08ini", d => HeaderBreakdowns(d, code), static (n, d, _) => Variables(n, d).Holds(sameReason: false, sameRate: true));
            yield return new($"BR-FXEXT-{family}-08rev", d => HeaderBreakdowns(d, code), static (n, d, _) => Variables(n, d).Holds(sameReason: true, sameRate: false));
            if (code == "S")
            {
                yield return new("BR-FXEXT-S-09", d => HeaderBreakdowns(d, code), static (n, d, _) => Variables(n, d).TaxAmountHolds());
            }
        }
    }

    /// <summary>
    /// <c>//ram:ApplicableHeaderTradeSettlement/ram:ApplicableTradeTax[ram:CategoryCode = code][upper-case(ram:TypeCode) = 'VAT']</c>,
    /// for the breakdowns whose first matching category context is this one: a breakdown with two category codes (AE and
    /// S) is checked by the earlier context only. Several type codes make the pattern fail (no match).
    /// </summary>
    private static IEnumerable<XNode> HeaderBreakdowns(FxDoc d, string code)
    {
        foreach (var tax in d.All("ApplicableTradeTax"))
        {
            if (tax.ParentIs("ApplicableHeaderTradeSettlement") && FirstCategory(tax) == code)
            {
                yield return tax;
            }
        }
    }

    private static string? FirstCategory(XNode tax)
    {
        if (tax.Kids("TypeCode").Count() != 1 || !IsVat(tax))
        {
            return null;
        }

        foreach (var (code, _) in BreakdownCategories)
        {
            if (tax.HasValue("CategoryCode", code))
            {
                return code;
            }
        }

        return null;
    }

    private static BreakdownVariables Variables(XNode tax, FxDoc d) => BreakdownMemo.GetValue(tax, t => new BreakdownVariables(t, d));

    /// <summary>
    /// The variables of one breakdown's rule: its rate, exemption reason and taxable amount, and the sums and counts of the
    /// DETAIL lines, document allowances and charges and logistics service charges of its category and rate, with its
    /// exemption reason (<see cref="Same"/>) or whatever their reason (<see cref="Ini"/>). A variable that cannot be
    /// evaluated (a non-number cast to xs:decimal) makes the tests that use it fail with that error.
    /// </summary>
    private sealed class BreakdownVariables
    {
        private readonly Lazy<Sums> _same;
        private readonly Lazy<Sums> _ini;

        public BreakdownVariables(XNode tax, FxDoc d)
        {
            Tax = tax;
            var category = FirstCategory(tax) ?? string.Empty;
            var hasRate = category != "O";
            Rate = Attempt(() => tax.DecimalOf("RateApplicablePercent"));
            ReasonText = FacturXVatBreakdowns.Joined(tax.Kids("ExemptionReason"));
            ReasonCode = FacturXVatBreakdowns.Joined(tax.Kids("ExemptionReasonCode"));
            Basis = Attempt(() => tax.DecimalOf("BasisAmount"));

            // O has no $rate. Elsewhere a rate that is not a number fails every sum; without a rate ($rate empty) no item
            // compares equal to it: every sum and count is zero.
            var same = new FacturXVatBreakdowns.Scope(category, hasRate ? Rate.Value : null, (ReasonCode, ReasonText), DetailOnly: true);
            _same = new(() => Of(d, same, hasRate));
            _ini = new(() => Of(d, same with { Reason = null }, hasRate));
        }

        public XNode Tax { get; }

        public (decimal? Value, string? Error) Rate { get; }

        public string ReasonText { get; }

        public string ReasonCode { get; }

        public (decimal? Value, string? Error) Basis { get; }

        // Lazy<T> keeps an evaluation error too: every test using the variable fails with it.
        public Sums Same => _same.Value;

        public Sums Ini => _ini.Value;

        /// <summary>-08 (both), -08rev (same reason) and -08ini (same rate): <c>abs($basisAmount - Σ lines + Σ allowances - Σ charges - Σ logistics) le 0.01 * count</c>.</summary>
        public bool Holds(bool sameReason, bool sameRate)
        {
            if (Value(Basis) is not { } basis)
            {
                return false;
            }

            return (sameReason && Same.Close(basis)) || (sameRate && Ini.Close(basis));
        }

        /// <summary>BR-FXEXT-S-09: <c>abs($vATAmountBT117 - $calculatedBT117) le 0.01 * count</c>, same reason or same rate.</summary>
        public bool TaxAmountHolds()
        {
            var amount = Tax.DecimalOf("CalculatedAmount");
            if (Value(Basis) is not { } basis || Value(Rate) is not { } rate || amount is null)
            {
                return false;
            }

            var difference = Math.Abs(amount.Value - (Fx.Round(basis * rate / 100 * 100) / 100));
            return difference <= 0.01m * Same.Count || difference <= 0.01m * Ini.Count;
        }

        private static (decimal? Value, string? Error) Attempt(Func<decimal?> evaluate)
        {
            try
            {
                return (evaluate(), null);
            }
            catch (FxEvalException ex)
            {
                return (null, ex.Message);
            }
        }

        private static decimal? Value((decimal? Value, string? Error) variable) =>
            variable.Error is { } error ? throw new FxEvalException(error) : variable.Value;

        private Sums Of(FxDoc d, FacturXVatBreakdowns.Scope scope, bool hasRate)
        {
            if (!hasRate)
            {
                return Sums.Of(d, scope);
            }

            return Value(Rate) is null ? Sums.Zero : Sums.Of(d, scope);
        }
    }

    /// <summary>Σ BT-131, BT-92, BT-99, BT-X-272 of one scope, and how many lines, allowances/charges and logistics charges it has.</summary>
    private readonly record struct Sums(decimal Lines, decimal Allowances, decimal Charges, decimal Logistics, int LineCount, int AllowanceChargeCount, int LogisticsCount)
    {
        public static Sums Zero => default;

        public int Count => LineCount + AllowanceChargeCount + LogisticsCount;

        public static Sums Of(FxDoc d, FacturXVatBreakdowns.Scope scope) => new(
            FacturXVatBreakdowns.LineNet(d, scope),
            FacturXVatBreakdowns.AllowanceCharge(d, scope, false),
            FacturXVatBreakdowns.AllowanceCharge(d, scope, true),
            FacturXVatBreakdowns.Logistics(d, scope),
            FacturXVatBreakdowns.LineCount(d, scope),
            FacturXVatBreakdowns.AllowanceChargeCount(d, scope),
            FacturXVatBreakdowns.LogisticsCount(d, scope));

        public bool Close(decimal basis) => Math.Abs(basis - Lines + Allowances - Charges - Logistics) <= 0.01m * Count;
    }
}
