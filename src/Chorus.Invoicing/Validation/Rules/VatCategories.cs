using Chorus.Invoicing.Model;
using static Chorus.Invoicing.Validation.Rules.XPathNumbers;

namespace Chorus.Invoicing.Validation.Rules;

/// <summary>What a VAT category requires of a rate (BR-x-05/06/07).</summary>
internal enum RateRequirement
{
    Zero,
    Positive,
    NonNegative,
    Absent,
}

/// <summary>
/// One VAT category (UNCL 5305) and how each binding of the CEN artefacts words its rules: the category rules
/// BR-S/Z/E/AE/IC/G/O/AF/AG are the same ten checks with per-category variations, declared here as data.
/// </summary>
/// <param name="Code">The category code (BT-118, BT-151, BT-95, BT-102).</param>
/// <param name="Prefix">The rule id prefix, e.g. <c>BR-AE</c>.</param>
/// <param name="UblRate">BR-x-05…07 in the UBL binding.</param>
/// <param name="CiiRate">BR-x-05…07 in the CII binding.</param>
/// <param name="Rated">True for the categories with a rate per breakdown (S, L, M): BR-x-08 per rate, BR-x-09 computed.</param>
/// <param name="ExemptionRequired">BR-x-10: exemption reason required (true) or forbidden (false).</param>
internal sealed record VatCategory(string Code, string Prefix, RateRequirement UblRate, RateRequirement CiiRate, bool Rated, bool ExemptionRequired)
{
    public static readonly VatCategory[] All =
    [
        new("S", "BR-S", RateRequirement.Positive, RateRequirement.Positive, Rated: true, ExemptionRequired: false),
        new("Z", "BR-Z", RateRequirement.Zero, RateRequirement.Zero, Rated: false, ExemptionRequired: false),
        new("E", "BR-E", RateRequirement.Zero, RateRequirement.Zero, Rated: false, ExemptionRequired: true),
        new("AE", "BR-AE", RateRequirement.Zero, RateRequirement.Zero, Rated: false, ExemptionRequired: true),
        new("K", "BR-IC", RateRequirement.Zero, RateRequirement.Zero, Rated: false, ExemptionRequired: true),
        new("G", "BR-G", RateRequirement.Zero, RateRequirement.Zero, Rated: false, ExemptionRequired: true),
        new("O", "BR-O", RateRequirement.Absent, RateRequirement.Absent, Rated: false, ExemptionRequired: true),
        new("L", "BR-AF", RateRequirement.NonNegative, RateRequirement.Positive, Rated: true, ExemptionRequired: false),
        new("M", "BR-AG", RateRequirement.NonNegative, RateRequirement.NonNegative, Rated: true, ExemptionRequired: false),
    ];

    /// <summary>True when a code is this category: UBL compares <c>normalize-space(cbc:ID)</c>, CII the raw text.</summary>
    public bool Is(VatCategoryCode? code, TaxScheme facts, RuleInput input) => TaxSchemes.CategoryText(code, facts, input) == Code;
}

/// <summary>
/// BR-S-*, BR-Z-*, BR-E-*, BR-AE-*, BR-IC-*, BR-G-*, BR-O-*, BR-AF-*, BR-AG-* rules 01 and 05…10, generated from the
/// <see cref="VatCategory"/> table. The model does not keep the tax scheme (cac:TaxScheme / ram:TypeCode): every
/// category is taken as VAT, which is what EN 16931 invoices carry.
/// </summary>
internal static class VatCategoryRules
{
    public static readonly IRuleGroup[] Groups = Build();

    private static IRuleGroup[] Build()
    {
        var groups = new List<IRuleGroup>();
        foreach (var c in VatCategory.All)
        {
            groups.Add(new RuleGroup<Invoice>(
                static input => [input.Invoice],
                static (_, input) => input.RootPath,
                new Rule<Invoice>(c.Prefix + "-01", (i, input) => BreakdownPresenceHolds(c, i, input))));

            groups.Add(new RuleGroup<InvoiceLine>(
                input => LinesOf(c, input),
                static (l, _) => l.Location.XPath,
                new Rule<InvoiceLine>(c.Prefix + "-02", (_, input) => PartiesHold(c, input)),
                new Rule<InvoiceLine>(c.Prefix + "-05", (l, input) => RateHolds(input.IsUbl ? c.UblRate : c.CiiRate, l.VatRate, input))));

            groups.Add(new RuleGroup<AllowanceCharge>(
                input => AllowancesChargesOf(c, input, charge: false),
                static (a, _) => a.Location.XPath,
                new Rule<AllowanceCharge>(c.Prefix + "-03", (_, input) => PartiesHold(c, input)),
                new Rule<AllowanceCharge>(c.Prefix + "-06", (a, input) => RateHolds(input.IsUbl ? c.UblRate : c.CiiRate, a.VatRate, input))));

            groups.Add(new RuleGroup<AllowanceCharge>(
                input => AllowancesChargesOf(c, input, charge: true),
                static (a, _) => a.Location.XPath,
                new Rule<AllowanceCharge>(c.Prefix + "-04", (_, input) => PartiesHold(c, input)),
                new Rule<AllowanceCharge>(c.Prefix + "-07", (a, input) => RateHolds(input.IsUbl ? c.UblRate : c.CiiRate, a.VatRate, input))));

            groups.Add(new RuleGroup<VatBreakdown>(
                input => BreakdownsOf(c, input),
                static (b, _) => b.Location.XPath,
                new Rule<VatBreakdown>(c.Prefix + "-08", (b, input) => TaxableAmountHolds(c, b, input)),
                new Rule<VatBreakdown>(c.Prefix + "-09", (b, input) => TaxAmountHolds(c, b, input)),
                new Rule<VatBreakdown>(c.Prefix + "-10", (b, _) => (b.ExemptionReason is not null || b.ExemptionReasonCode is not null) == c.ExemptionRequired)));
        }

        groups.Add(new RuleGroup<Invoice>(
            static input => input.Invoice.VatBreakdowns.Any(b => OutsideScope.Is(b.Category, b.Scheme, input) && TaxSchemes.IsVat(b.Scheme, input)) ? [input.Invoice] : [],
            static (_, input) => input.RootPath,
            new Rule<Invoice>("BR-O-11", static (i, input) => !i.VatBreakdowns.Any(b => IsOther(b.Category, b.Scheme, input)) && (input.IsUbl || !i.Lines.Any(l => IsOther(l.VatCategory, l.VatScheme, input)))),
            new Rule<Invoice>("BR-O-12", static (i, input) => !i.Lines.Any(l => IsOther(l.VatCategory, l.VatScheme, input)) && (input.IsUbl || !i.VatBreakdowns.Any(b => IsOther(b.Category, b.Scheme, input)))),
            new Rule<Invoice>("BR-O-13", static (i, input) => !AnyOtherAllowanceCharge(i, input, charge: false)),
            new Rule<Invoice>("BR-O-14", static (i, input) => !AnyOtherAllowanceCharge(i, input, charge: true))));

        // UBL states BR-S-02 on the root: (exists(S line of the VAT scheme) and parties) or not(exists(S line of any
        // scheme)). The line contexts above give the first branch; an S line of another scheme alone fails it too.
        groups.Add(new RuleGroup<Invoice>(
            static input => [input.Invoice],
            static (_, input) => input.RootPath,
            new Rule<Invoice>("BR-S-02", static (_, input) => !StandardLinesOutsideVatOnly(input), RuleSyntax.Ubl)));

        return [.. groups];
    }

    private static readonly VatCategory Standard = VatCategory.All.Single(static c => c.Code == "S");

    private static bool StandardLinesOutsideVatOnly(RuleInput input)
    {
        bool any = false, vat = false;
        foreach (var l in input.Invoice.Lines)
        {
            if (Standard.Is(l.VatCategory, l.VatScheme, input))
            {
                any = true;
                vat |= TaxSchemes.IsVat(l.VatScheme, input);
            }
        }

        return any && !vat;
    }

    private static readonly VatCategory OutsideScope = VatCategory.All.Single(static c => c.Code == "O");

    // CategoryCode != 'O' (a missing code compares false); UBL counts only VAT-scheme categories, CII any.
    private static bool IsOther(VatCategoryCode? code, TaxScheme scheme, RuleInput input) =>
        TaxSchemes.CategoryText(code, scheme, input) is { } v && v != "O" && (!input.IsUbl || TaxSchemes.IsVat(scheme, input));

    // UBL: document level allowances (BR-O-13) or charges (BR-O-14) of another category;
    // CII: //ram:CategoryTradeTax of another category, allowance or charge, document or line level, for both rules.
    private static bool AnyOtherAllowanceCharge(Invoice i, RuleInput input, bool charge)
    {
        foreach (var a in i.AllowancesCharges)
        {
            if ((!input.IsUbl || a.IsCharge == charge) && IsOther(a.VatCategory, a.VatScheme, input))
            {
                return true;
            }
        }

        if (!input.IsUbl)
        {
            foreach (var l in i.Lines)
            {
                foreach (var a in l.AllowancesCharges)
                {
                    if (IsOther(a.VatCategory, a.VatScheme, input))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    // BR-x-02/03/04: who must be identified for VAT when the category is used on a line, an allowance or a charge.
    // CII sees a VAT identifier only with schemeID 'VA' (Parties.VisibleVatId).
    private static bool PartiesHold(VatCategory c, RuleInput input)
    {
        var i = input.Invoice;
        var seller = i.Seller;
        var sellerVat = Parties.VisibleVatId(seller, input) is not null;
        var buyerVat = Parties.VisibleVatId(i.Buyer, input) is not null;
        var representative = Parties.VisibleVatId(i.SellerTaxRepresentative, input) is not null;
        switch (c.Code)
        {
            case "O":
                return !sellerVat && !representative && !buyerVat;
            case "G":
                return sellerVat || representative;
            case "K":
                return (sellerVat || representative) && buyerVat;
            case "AE":
                return (sellerVat || seller?.TaxRegistrationId is not null || representative)
                    && (buyerVat || i.Buyer?.LegalRegistrationId is not null);
            default:
                // S, Z, E, L, M: any seller tax registration (VAT or tax registration identifier) or the representative's VAT id.
                return sellerVat || seller?.TaxRegistrationId is not null || representative;
        }
    }

    private static IEnumerable<InvoiceLine> LinesOf(VatCategory c, RuleInput input)
    {
        foreach (var l in input.Invoice.Lines)
        {
            if (c.Is(l.VatCategory, l.VatScheme, input) && TaxSchemes.IsVat(l.VatScheme, input))
            {
                yield return l;
            }
        }
    }

    // UBL: cac:AllowanceCharge[…]/cac:TaxCategory (only document level ones have a category);
    // CII: //ram:SpecifiedTradeAllowanceCharge[…]/ram:CategoryTradeTax, line level ones included.
    private static IEnumerable<AllowanceCharge> AllowancesChargesOf(VatCategory c, RuleInput input, bool charge)
    {
        foreach (var a in input.Invoice.AllowancesCharges)
        {
            if (Decimals.Is(a, charge) && c.Is(a.VatCategory, a.VatScheme, input) && TaxSchemes.IsVat(a.VatScheme, input))
            {
                yield return a;
            }
        }

        if (!input.IsUbl)
        {
            foreach (var l in input.Invoice.Lines)
            {
                foreach (var a in l.AllowancesCharges)
                {
                    if (Decimals.Is(a, charge) && c.Is(a.VatCategory, a.VatScheme, input) && TaxSchemes.IsVat(a.VatScheme, input))
                    {
                        yield return a;
                    }
                }
            }
        }
    }

    private static IEnumerable<VatBreakdown> BreakdownsOf(VatCategory c, RuleInput input)
    {
        foreach (var b in input.Invoice.VatBreakdowns)
        {
            // The CII contexts of S and Z (…/ram:CategoryCode[. = 'S']) do not test the type code.
            if (c.Is(b.Category, b.Scheme, input) && (TaxSchemes.IsVat(b.Scheme, input) || (!input.IsUbl && c.Code is "S" or "Z")))
            {
                yield return b;
            }
        }
    }

    // UBL: (xs:decimal(cbc:Percent) = 0), (cbc:Percent) > 0, (cbc:Percent) >= 0; CII: ram:RateApplicablePercent = 0, > 0,
    // >= 0 (untyped: doubles, where Saxon orders -0.0 below 0.0).
    private static bool RateHolds(RateRequirement requirement, Percentage? rate, RuleInput input) => requirement switch
    {
        RateRequirement.Absent => rate is null,
        RateRequirement.Zero when input.IsUbl => rate?.Value is { } dz && dz == 0,
        RateRequirement.Zero => Double(rate) is { } z && UntypedEquals(z, 0),
        RateRequirement.Positive => Double(rate) is { } p && p > 0,
        _ => Double(rate) is { } n && UntypedNonNegative(n),
    };

    // BR-x-01: a category used on lines or allowances/charges has a VAT breakdown, and the other way round.
    private static bool BreakdownPresenceHolds(VatCategory c, Invoice i, RuleInput input)
    {
        // Which counts see only VAT-scheme categories: every UBL count but BR-S-01's (BR-AF-01 and BR-AG-01 test the
        // breakdowns in their first branch as count(…[cbc:ID = 'L']) without the scheme for L, with it for M); no CII count.
        var usedVat = input.IsUbl && c.Code != "S";
        int lines = 0, breakdowns = 0, breakdownsAnyScheme = 0, documentLevel = 0, lineLevel = 0;
        foreach (var l in i.Lines)
        {
            if (c.Is(l.VatCategory, l.VatScheme, input) && (!usedVat || TaxSchemes.IsVat(l.VatScheme, input)))
            {
                lines++;
            }

            foreach (var a in l.AllowancesCharges)
            {
                if (c.Is(a.VatCategory, a.VatScheme, input) && (!usedVat || TaxSchemes.IsVat(a.VatScheme, input)))
                {
                    lineLevel++;
                }
            }
        }

        foreach (var a in i.AllowancesCharges)
        {
            if (c.Is(a.VatCategory, a.VatScheme, input) && (!usedVat || TaxSchemes.IsVat(a.VatScheme, input)))
            {
                documentLevel++;
            }
        }

        foreach (var b in i.VatBreakdowns)
        {
            if (c.Is(b.Category, b.Scheme, input))
            {
                breakdownsAnyScheme++;
                if (!usedVat || TaxSchemes.IsVat(b.Scheme, input))
                {
                    breakdowns++;
                }
            }
        }

        if (input.IsUbl)
        {
            var used = lines + documentLevel;
            var firstBranchBreakdowns = c.Code == "L" ? breakdownsAnyScheme : breakdowns;
            return c.Rated
                ? (used > 0 && firstBranchBreakdowns > 0) || (used == 0 && breakdowns == 0)
                : breakdowns == 1 || used + breakdowns == 0; // //cac:TaxCategory also finds the breakdown's own category
        }

        var allowances = documentLevel + lineLevel; // //ram:CategoryTradeTax
        if (c.Rated)
        {
            return (lines + breakdowns >= 2 || lines == 0) && (allowances + breakdowns >= 2 || allowances == 0);
        }

        if (c.Code == "O")
        {
            return breakdowns == 0 || (breakdowns == 1 && (lines > 0 || allowances > 0));
        }

        return (breakdowns == 0 && lines == 0 && allowances == 0) || (breakdowns == 1 && (lines > 0 || allowances > 0));
    }

    // BR-x-08: the category taxable amount (BT-116) is the sum of the line net amounts, charges and allowances of the category.
    private static bool TaxableAmountHolds(VatCategory c, VatBreakdown b, RuleInput input)
    {
        var i = input.Invoice;
        if (input.IsUbl)
        {
            if (c.Rated)
            {
                if (b.Rate is not { } r)
                {
                    return true; // every $rate in () satisfies …
                }

                if (r.Value is not { } rate || Double(b.TaxableAmount) is not { } taxable)
                {
                    return false;
                }

                var sum = CategorySum(c, input, rate, out var used);
                if (sum is not { } s)
                {
                    return false;
                }

                // ../xs:decimal(cbc:TaxableAmount - 1): untyped minus integer is a double, then cast exactly.
                var exists = c.Code == "S" ? used : i.Lines.Count > 0;
                return exists && ToDecimal(taxable - 1) < s && ToDecimal(taxable + 1) > s;
            }

            var exact = CategorySum(c, input, null, out _);
            return i.Lines.Count > 0 && Dec(b.TaxableAmount) is { } ta && exact is { } e && ta == e;
        }

        if (c.Rated)
        {
            if (b.Rate is not { } r)
            {
                return true;
            }

            return r.Value is { } rate && Double(b.TaxableAmount) is { } basis && RoundedCategorySum(c, input, rate) is { } y && UntypedEquals(basis, (double)y);
        }

        if (Double(b.TaxableAmount) is not { } bas || RoundedCategorySum(c, input, null) is not { } sumCii)
        {
            return false;
        }

        var yd = (double)sumCii;
        return c.Code == "O" ? UntypedEquals(bas, yd) : bas - 1 < yd && bas + 1 > yd;
    }

    // UBL: Σ lines + Σ document charges - Σ document allowances of the category (and rate), as decimals.
    private static decimal? CategorySum(VatCategory c, RuleInput input, decimal? rate, out bool used)
    {
        used = false;
        decimal sum = 0;
        foreach (var l in input.Invoice.Lines)
        {
            if (c.Is(l.VatCategory, l.VatScheme, input) && (rate is null || (l.VatRate?.Value is { } lr && lr == rate)))
            {
                used = true;
                if (l.NetAmount is { } a)
                {
                    if (a.Value is not { } v)
                    {
                        return null;
                    }

                    sum += v;
                }
            }
        }

        foreach (var a in input.Invoice.AllowancesCharges)
        {
            if (c.Is(a.VatCategory, a.VatScheme, input) && (rate is null || (a.VatRate?.Value is { } ar && ar == rate)))
            {
                used = true;
                if (a.Amount is { } amount && Decimals.Is(a, a.IsCharge))
                {
                    if (amount.Value is not { } v)
                    {
                        return null;
                    }

                    sum += a.IsCharge ? v : -v;
                }
            }
        }

        return sum;
    }

    // CII: round2(Σ lines) + round2(Σ document charges) - round2(Σ document allowances), each part rounded on its own.
    private static decimal? RoundedCategorySum(VatCategory c, RuleInput input, decimal? rate)
    {
        decimal lines = 0, charges = 0, allowances = 0;
        foreach (var l in input.Invoice.Lines)
        {
            if (c.Is(l.VatCategory, l.VatScheme, input) && (rate is null || (l.VatRate?.Value is { } lr && lr == rate)) && l.NetAmount is { } a)
            {
                if (a.Value is not { } v)
                {
                    return null;
                }

                lines += v;
            }
        }

        foreach (var a in input.Invoice.AllowancesCharges)
        {
            if (c.Is(a.VatCategory, a.VatScheme, input) && (rate is null || (a.VatRate?.Value is { } ar && ar == rate)) && a.Amount is { } amount && Decimals.Is(a, a.IsCharge))
            {
                if (amount.Value is not { } v)
                {
                    return null;
                }

                if (a.IsCharge)
                {
                    charges += v;
                }
                else
                {
                    allowances += v;
                }
            }
        }

        return Round2(lines) + Round2(charges) - Round2(allowances);
    }

    // BR-x-09: the category tax amount (BT-117) is 0, or for rated categories the taxable amount times the rate (± 1).
    private static bool TaxAmountHolds(VatCategory c, VatBreakdown b, RuleInput input)
    {
        if (!c.Rated)
        {
            return input.IsUbl ? Dec(b.TaxAmount) is { } z && z == 0 : Double(b.TaxAmount) is { } zd && UntypedEquals(zd, 0);
        }

        if (input.IsUbl)
        {
            if (Dec(b.TaxAmount) is not { } tax || Dec(b.TaxableAmount) is not { } taxable || b.Rate?.Value is not { } rate)
            {
                return false;
            }

            var expected = Round2(Math.Abs(taxable) * (rate / 100m));
            return Math.Abs(tax) - 1 < expected && Math.Abs(tax) + 1 > expected;
        }

        if (c.Code != "S")
        {
            return true; // BR-AF-09 / BR-AG-09 are true() in the CII binding
        }

        if (Dec(b.TaxAmount) is not { } t || Dec(b.TaxableAmount) is not { } bas || Double(b.Rate) is not { } r)
        {
            return false;
        }

        var e = Round((double)Math.Abs(bas) * r) / 100;
        var at = (double)Math.Abs(t);
        return at - 1 < e && at + 1 > e;
    }
}

/// <summary>
/// Whether the stylesheets see a VAT category: UBL <c>cac:TaxScheme/normalize-space(upper-case(cbc:ID)) = 'VAT'</c>,
/// CII <c>upper-case(ram:TypeCode) = 'VAT'</c>. A category built in code (no scheme read) is VAT.
/// </summary>
internal static class TaxSchemes
{
    /// <summary>
    /// The category code as the stylesheets compare it: UBL <c>normalize-space(cbc:ID)</c> (the model's trimmed code),
    /// CII the text as written.
    /// </summary>
    public static string? CategoryText(VatCategoryCode? code, TaxScheme facts, RuleInput input) =>
        input.IsUbl ? code?.Value?.Trim() : facts.CategoryText ?? code?.Value;

    public static bool IsVat(TaxScheme scheme, RuleInput input) => input.IsUbl ? IsVatNormalized(scheme) : IsVatRaw(scheme);

    /// <summary><c>normalize-space(upper-case(…)) = 'VAT'</c> (UBL everywhere, CII BR-CO-17).</summary>
    public static bool IsVatNormalized(TaxScheme scheme) =>
        !scheme.Read || (scheme.Id is { } id && string.Equals(Tree.TreeQuery.NormalizeSpace(id), "VAT", StringComparison.OrdinalIgnoreCase));

    private static bool IsVatRaw(TaxScheme scheme) =>
        !scheme.Read || (scheme.Id is { } id && string.Equals(id, "VAT", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// CII: a header trade tax of category L, M or O with a VAT type is the context of its category rule, so the generic
    /// <c>//ram:ApplicableHeaderTradeSettlement/ram:ApplicableTradeTax</c> rule of the same pattern (BR-45…48, BR-CO-17,
    /// BR-DEC-19/20) never sees it; the UBL contexts are different nodes and shadow nothing.
    /// </summary>
    public static IEnumerable<VatBreakdown> GenericBreakdowns(RuleInput input)
    {
        foreach (var b in input.Invoice.VatBreakdowns)
        {
            if (input.IsUbl || !(CategoryText(b.Category, b.Scheme, input) is "L" or "M" or "O" && IsVatRaw(b.Scheme)))
            {
                yield return b;
            }
        }
    }
}
