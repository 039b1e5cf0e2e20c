using Chorus.Invoicing.Model;

namespace Chorus.Invoicing.Validation.Rules;

/// <summary>BR-18…BR-20 and BR-56: the seller tax representative party (BG-11).</summary>
internal static class Parties
{
    public static readonly IRuleGroup TaxRepresentative = new RuleGroup<Party>(
        static input => input.Invoice.SellerTaxRepresentative is { } p ? [p] : [],
        static (p, _) => p.Location.XPath,
        new("BR-18", static (p, _) => Core.Filled(p.Name)),
        new("BR-19", static (p, _) => p.Address is not null),

        // UBL checks the country inside a postal address only; CII from the party (a missing address fails too).
        new("BR-20", static (p, input) => input.IsUbl ? p.Address is not { } a || Core.Filled(a.CountryCode) : Core.Filled(p.Address?.CountryCode)),

        // UBL: exists(PartyTaxScheme[VAT]/CompanyID); CII: normalize-space(SpecifiedTaxRegistration/ID[@schemeID='VA']) != ''.
        new("BR-56", static (p, input) => input.IsUbl ? p.VatId is not null : Core.Filled(VisibleVatId(p, input))));

    // BR-CO-09 The VAT identifiers (BT-31, BT-48, BT-63) start with an ISO 3166-1 alpha-2 code (EL for Greece, XI for
    // Northern Ireland). The UBL binding searches the first two characters anywhere in the list text, the CII binding as a
    // whole code.
    public static readonly IRuleGroup VatIdentifiers = new RuleGroup<Party>(
        static input => VatRegistered(input),
        static (p, _) => p.Location.XPath,
        new Rule<Party>("BR-CO-09", static (p, input) => VatPrefixHolds(input.IsUbl ? p.VatId! : p.VatIdScheme.CategoryText ?? p.VatId!, input)));

    /// <summary>
    /// The VAT identifier as the stylesheets see it: CII reads only <c>ram:ID[@schemeID='VA']</c> (the reader keeps an
    /// identifier of any other scheme but FC as BT-31 too); UBL's reader already keeps only the VAT scheme's.
    /// </summary>
    internal static string? VisibleVatId(Party? p, RuleInput input) =>
        p?.VatId is { } v && (input.IsUbl || !p.VatIdScheme.Read || p.VatIdScheme.Id == "VA") ? v : null;

    private static IEnumerable<Party> VatRegistered(RuleInput input)
    {
        var i = input.Invoice;
        foreach (var p in new[] { i.Seller, i.Buyer, i.SellerTaxRepresentative })
        {
            if (VisibleVatId(p, input) is not null)
            {
                yield return p!;
            }
        }
    }

    private static bool VatPrefixHolds(string vatId, RuleInput input)
    {
        var prefix = vatId.Length > 2 ? vatId.Substring(0, 2) : vatId;
        var list = input.IsUbl ? CodeLists.VatPrefixesUblText : CodeLists.VatPrefixesCiiText;
        var needle = input.IsUbl ? prefix : " " + prefix + " ";
#if NET8_0_OR_GREATER
        return list.Contains(needle, StringComparison.Ordinal);
#else
        return list.IndexOf(needle, StringComparison.Ordinal) >= 0;
#endif
    }
}
