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
        new("BR-56", static (p, input) => input.IsUbl ? p.VatId is not null : Core.Filled(p.VatId)));
}
