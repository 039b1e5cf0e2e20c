using Chorus.Invoicing.Validation.Internal.Tree;
using Chorus.Invoicing.Validation.Rules.FacturX;

namespace Chorus.Invoicing.Validation.Rules.ExtendedCtcFr;

// Pattern M10, the per-category VAT breakdown rules: BR-FXEXT-x-08 (fatal: same rate and exemption reason, or same rate),
// -08ini and -08rev (warnings: each alone) and BR-FXEXT-S-09. Their variables are Factur-X EXTENDED's BR-FXEXT-x-08b
// bindings word for word (FacturXVatBreakdowns computes them); the profile binds them as xsl:variable, evaluated when used.
internal static partial class ExtendedCtcFrCii
{
    // The per-category contexts in the stylesheet's order (priority 1043 down to 1005) with the Factur-X family of the ids.
    private static readonly (string Code, string Family)[] BreakdownCategories =
    [
        ("AE", "AE"), ("L", "AF"), ("M", "AG"), ("E", "E"), ("G", "G"), ("K", "IC"), ("O", "O"), ("S", "S"), ("Z", "Z"),
    ];

    private static IEnumerable<FxRule> Breakdowns()
    {
        foreach (var (code, family) in BreakdownCategories)
        {
            var hasRate = code != "O";
            yield return new($"BR-FXEXT-{family}-08", d => HeaderBreakdowns(d, code), (n, d, _) => TaxableAmountMatches(n, d, code, hasRate, FacturXVatBreakdowns.Variant.Both));
            yield return new($"BR-FXEXT-{family}-08ini", d => HeaderBreakdowns(d, code), (n, d, _) => TaxableAmountMatches(n, d, code, hasRate, FacturXVatBreakdowns.Variant.SameRate));
            yield return new($"BR-FXEXT-{family}-08rev", d => HeaderBreakdowns(d, code), (n, d, _) => TaxableAmountMatches(n, d, code, hasRate, FacturXVatBreakdowns.Variant.SameReason));
            if (code == "S")
            {
                yield return new("BR-FXEXT-S-09", d => HeaderBreakdowns(d, code), static (n, d, _) => FacturXVatBreakdowns.TaxAmountPerRate(n, d));
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

    /// <summary>
    /// -08/-08ini/-08rev. Without a rate (<c>$rate</c> empty) no line, allowance, charge or logistics charge compares
    /// equal to it: every sum and count is zero and the test is <c>abs($basisAmount) le 0</c>.
    /// </summary>
    private static bool TaxableAmountMatches(XNode tax, FxDoc d, string code, bool hasRate, FacturXVatBreakdowns.Variant variant)
    {
        if (hasRate && !tax.Has("RateApplicablePercent"))
        {
            return tax.DecimalOf("BasisAmount") is { } basis && basis == 0;
        }

        return FacturXVatBreakdowns.Check(tax, d, code, hasRate, detailOnly: true, variant);
    }
}
