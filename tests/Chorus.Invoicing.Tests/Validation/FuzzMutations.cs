using System.Text.RegularExpressions;

namespace Chorus.Invoicing.Tests.Validation;

/// <summary>
/// Mutation kinds found by random mutation of the corpus (a fuzzer comparing our EN 16931 rules with Saxon running the
/// official XSLT), kept apart from <see cref="Mutations"/> whose kinds feed recorded TSVs of other tests. Each kind is a
/// class of disagreement that was fixed: the stylesheets see a VAT category only through its tax scheme (UBL
/// <c>cac:TaxScheme/cbc:ID</c>, CII <c>ram:TypeCode</c>), a CII VAT identifier only with <c>schemeID='VA'</c>, and UBL
/// checks BR-CO-26 on <c>cac:AccountingSupplierParty</c> even when it holds no party.
/// </summary>
internal static class FuzzMutations
{
    private const string P = @"(?:\w+:)?";

    private static readonly Dictionary<string, Func<string, string?>> Ubl = new(StringComparer.Ordinal)
    {
        // BR-CO-04 and the line contexts of BR-x-02/05: a line category without the VAT scheme is not seen.
        ["fuzz-line-tax-scheme-drop"] = t => Replace(t, $@"<{P}TaxScheme\b[^>/]*>.*?</{P}TaxScheme>", $@"<{P}ClassifiedTaxCategory\b", _ => string.Empty),
        ["fuzz-line-tax-scheme-ZZ"] = t => Replace(t, $@"(<{P}TaxScheme\b[^>/]*>\s*<{P}ID\b[^>/]*>)[^<]*(</{P}ID>)", $@"<{P}ClassifiedTaxCategory\b", m => m.Groups[1].Value + "ZZ" + m.Groups[2].Value),

        // BR-47/48, BR-CO-17, BR-x-01 and the breakdown contexts of BR-x-08/09/10.
        ["fuzz-breakdown-tax-scheme-ZZ"] = t => Replace(t, $@"(<{P}TaxScheme\b[^>/]*>\s*<{P}ID\b[^>/]*>)[^<]*(</{P}ID>)", $@"<{P}TaxSubtotal\b", m => m.Groups[1].Value + "ZZ" + m.Groups[2].Value),
        ["fuzz-breakdown-tax-scheme-lower"] = t => Replace(t, $@"(<{P}TaxScheme\b[^>/]*>\s*<{P}ID\b[^>/]*>)VAT(</{P}ID>)", $@"<{P}TaxSubtotal\b", m => m.Groups[1].Value + " vat " + m.Groups[2].Value),

        // BR-32 / BR-37: a document allowance or charge whose category has no VAT scheme.
        ["fuzz-allowance-tax-scheme-drop"] = t => Replace(t, $@"<{P}TaxScheme\b[^>/]*>.*?</{P}TaxScheme>", $@"<{P}AllowanceCharge\b(?:(?!</{P}AllowanceCharge>).)*?<{P}TaxCategory\b", _ => string.Empty),

        // BR-CO-15 compares @currencyID with cbc:DocumentCurrencyCode as written.
        ["fuzz-currency-spaced"] = t => Replace(t, $@"(<{P}DocumentCurrencyCode\b[^>/]*>)([^<]*)(</{P}DocumentCurrencyCode>)", "^", m => m.Groups[1].Value + " " + m.Groups[2].Value + " " + m.Groups[3].Value),

        // BR-CO-26 on cac:AccountingSupplierParty without cac:Party.
        ["fuzz-supplier-party-drop"] = t => Replace(t, $@"<{P}Party\b[^>/]*>.*?</{P}Party>(?=\s*</{P}AccountingSupplierParty>)", $@"<{P}AccountingSupplierParty\b", _ => string.Empty),
    };

    private static readonly Dictionary<string, Func<string, string?>> Cii = new(StringComparer.Ordinal)
    {
        // BR-CO-04 and the line contexts: upper-case(ram:TypeCode) = 'VAT' (no space normalization).
        ["fuzz-line-type-code-ZZ"] = t => SetTypeCode(t, $@"<{P}SpecifiedLineTradeSettlement\b", "ZZ"),
        ["fuzz-line-type-code-spaced"] = t => SetTypeCode(t, $@"<{P}SpecifiedLineTradeSettlement\b", " VAT "),

        // BR-47/48, BR-CO-17 (normalize-space there) and the header contexts (none for S and Z).
        ["fuzz-breakdown-type-code-ZZ"] = t => SetTypeCode(t, $@"<{P}ApplicableHeaderTradeSettlement\b(?:(?!</{P}ApplicableHeaderTradeSettlement>).)*?<{P}ApplicableTradeTax\b", "ZZ"),
        ["fuzz-breakdown-type-code-lower"] = t => SetTypeCode(t, $@"<{P}ApplicableHeaderTradeSettlement\b(?:(?!</{P}ApplicableHeaderTradeSettlement>).)*?<{P}ApplicableTradeTax\b", "vat"),

        // BR-32 / BR-37 and the allowance contexts.
        ["fuzz-allowance-type-code-ZZ"] = t => SetTypeCode(t, $@"<{P}CategoryTradeTax\b", "ZZ"),

        // The category code is compared as written (ram:CategoryCode = 'S'): a spaced code is no category.
        ["fuzz-breakdown-category-spaced"] = t => Replace(t, $@"(<{P}CategoryCode\b[^>/]*>)([^<]*)(</{P}CategoryCode>)", $@"<{P}ApplicableHeaderTradeSettlement\b(?:(?!</{P}ApplicableHeaderTradeSettlement>).)*?<{P}ApplicableTradeTax\b", m => m.Groups[1].Value + " " + m.Groups[2].Value + " " + m.Groups[3].Value),

        // BR-CO-09 takes substring(ram:ID, 1, 2) of the text as written.
        ["fuzz-seller-vat-id-spaced"] = t => Replace(t, @"(<(?:\w+:)?ID\b[^>]*schemeID=""VA""[^>]*>)([^<]*)(<)", $@"<{P}SellerTradeParty\b", m => m.Groups[1].Value + " " + m.Groups[2].Value + " " + m.Groups[3].Value),

        // BR-29 / BR-30 and BR-CO-19 / BR-CO-20 test the date containers: a StartDateTime without its date.
        ["fuzz-period-start-date-drop"] = t => Replace(t, $@"<{P}DateTimeString\b[^>/]*>[^<]*</{P}DateTimeString>", $@"<{P}BillingSpecifiedPeriod\b[^>/]*>\s*<{P}StartDateTime\b", _ => string.Empty),

        // BR-63 tests the first ram:URIUniversalCommunication of the buyer: a container without ram:URIID fails.
        ["fuzz-buyer-uri-drop"] = t => Replace(t, $@"<{P}URIID\b[^>/]*>[^<]*</{P}URIID>", $@"<{P}BuyerTradeParty\b(?:(?!</{P}BuyerTradeParty>).)*?<{P}URIUniversalCommunication\b", _ => string.Empty),

        // BR-CO-14/15 compare @currencyID with ram:InvoiceCurrencyCode as written.
        ["fuzz-currency-spaced"] = t => Replace(t, $@"(<{P}InvoiceCurrencyCode\b[^>/]*>)([^<]*)(</{P}InvoiceCurrencyCode>)", "^", m => m.Groups[1].Value + " " + m.Groups[2].Value + " " + m.Groups[3].Value),

        // Untyped amounts are doubles, and Saxon orders -0.0 below 0.0: a zero written -0.0 fails "= 0" (BR-CO-11/12,
        // BR-x-09) and ">= 0".
        ["fuzz-zero-negative"] = t => Replace(t, $@"(<{P}(?:AllowanceTotalAmount|ChargeTotalAmount|CalculatedAmount|RateApplicablePercent)\b[^>/]*>)\s*0(?:\.0*)?\s*(<)", "^", m => m.Groups[1].Value + "-0.0" + m.Groups[2].Value),

        // An allowance without ram:ChargeIndicator is neither an allowance nor a charge (BR-CO-11/12, BR-31…38, BR-x-08).
        ["fuzz-allowance-indicator-drop"] = t => Replace(t, $@"<{P}ChargeIndicator\b[^>/]*>.*?</{P}ChargeIndicator>", $@"<{P}ApplicableHeaderTradeSettlement\b(?:(?!</{P}ApplicableHeaderTradeSettlement>).)*?<{P}SpecifiedTradeAllowanceCharge\b", _ => string.Empty),

        // BR-CO-09, BR-CO-26, BR-56, BR-x-02: the seller's VAT identifier under another schemeID is not a VAT identifier.
        ["fuzz-seller-vat-scheme-ZZ"] = t => Replace(t, @"(<(?:\w+:)?ID\b[^>]*schemeID="")VA("")", $@"<{P}SellerTradeParty\b(?:(?!</{P}SellerTradeParty>).)*?<{P}SpecifiedTaxRegistration\b", m => m.Groups[1].Value + "ZZ" + m.Groups[2].Value),
    };

    public static IEnumerable<(string Name, string Text)> Of(string text, string syntax)
    {
        foreach (var (name, op) in syntax == "ubl" ? Ubl : Cii)
        {
            var mutated = op(text);
            if (mutated is not null && mutated != text)
            {
                yield return (name, mutated);
            }
        }
    }

    private static string? SetTypeCode(string text, string after, string value) =>
        Replace(text, $@"(<{P}TypeCode\b[^>/]*>)[^<]*(</{P}TypeCode>)", after, m => m.Groups[1].Value + value + m.Groups[2].Value);

    // Replaces the first match of pattern found after the end of the first match of after.
    private static string? Replace(string text, string pattern, string after, Func<Match, string> replace)
    {
        var anchor = Regex.Match(text, after, RegexOptions.Singleline);
        if (!anchor.Success)
        {
            return null;
        }

        var m = new Regex(pattern, RegexOptions.Singleline).Match(text, anchor.Index + anchor.Length);
        return m.Success ? string.Concat(text.AsSpan(0, m.Index), replace(m), text.AsSpan(m.Index + m.Length)) : null;
    }
}
