using System.Text.RegularExpressions;

namespace Chorus.Invoicing.Tests.Validation.Rules.FacturX;

/// <summary>
/// Mutants aimed at the Factur-X profile STRUCTURE assertions (cardinalities, element variants, required and unused
/// attributes, unused elements, code lists), beside the EN 16931 mutants of Mutations.cs. Text-level edits of CII, so a
/// mutant is exactly what a broken generator would emit.
/// </summary>
internal static class FacturXMutations
{
    private const string P = @"(?:\w+:)?";

    private static readonly Dictionary<string, Func<string, string?>> Kinds = new(StringComparer.Ordinal)
    {
        // A mandatory element dropped (count = 1 fails).
        ["guideline-drop"] = t => Replace(t, $@"<{P}GuidelineSpecifiedDocumentContextParameter\b.*?</{P}GuidelineSpecifiedDocumentContextParameter>", _ => string.Empty),
        ["currency-drop"] = t => Replace(t, Element("InvoiceCurrencyCode"), _ => string.Empty),
        ["seller-country-drop"] = t => Replace(t, Element("CountryID"), _ => string.Empty, $@"<{P}SellerTradeParty\b"),
        ["lines-drop"] = t => RemoveAll(t, $@"<{P}IncludedSupplyChainTradeLineItem\b.*?</{P}IncludedSupplyChainTradeLineItem>"),

        // An element or attribute a profile marks as not used.
        ["document-id-schemeID"] = t => Replace(t, $@"(<{P}ExchangedDocument\b[^>]*>\s*<{P}ID)>", m => m.Groups[1].Value + " schemeID=\"0088\">"),
        ["note-added"] = t => Replace(t, $@"</{P}TypeCode>", m => m.Value + "<ram:IncludedNote><ram:Content>Mutant note</ram:Content><ram:SubjectCode>ZZZ</ram:SubjectCode></ram:IncludedNote>", $@"<{P}ExchangedDocument\b"),
        ["buyer-address-added"] = t => Replace(t, $@"(<{P}BuyerTradeParty\b[^>]*>\s*<{P}Name>[^<]*</{P}Name>)", m => m.Groups[1].Value + "<ram:PostalTradeAddress><ram:CountryID>FR</ram:CountryID></ram:PostalTradeAddress>"),
        ["payable-currencyID"] = t => Replace(t, $@"<({P}DuePayableAmount)>", m => $"<{m.Groups[1].Value} currencyID=\"EUR\">"),

        // Element variants: repeated beyond their maximum, or matching no declared variant.
        ["seller-tax-registration-duplicated"] = t => Replace(t, $@"<{P}SpecifiedTaxRegistration\b.*?</{P}SpecifiedTaxRegistration>", m => m.Value + m.Value, $@"<{P}SellerTradeParty\b"),
        ["seller-tax-scheme-XX"] = t => Replace(t, @"(<(?:\w+:)?SpecifiedTaxRegistration>\s*<(?:\w+:)?ID schemeID="")[^""]*("")", m => m.Groups[1].Value + "XX" + m.Groups[2].Value, $@"<{P}SellerTradeParty\b"),
        ["tax-total-duplicated"] = t => Replace(t, $@"<{P}TaxTotalAmount\b[^>]*>[^<]*</{P}TaxTotalAmount>", m => m.Value + m.Value),
        ["tax-total-currency-ZZZ"] = t => Replace(t, $@"(<{P}TaxTotalAmount\b[^>]*currencyID="")[^""]*("")", m => m.Groups[1].Value + "ZZZ" + m.Groups[2].Value),
        ["charge-indicator-bad"] = t => Replace(t, $@"(<{P}ChargeIndicator>\s*<{P}Indicator>)[^<]*(</)", m => m.Groups[1].Value + "maybe" + m.Groups[2].Value),

        // Code lists and required attributes.
        ["date-format-999"] = t => Replace(t, @"(format="")[^""]*("")", m => m.Groups[1].Value + "999" + m.Groups[2].Value),
        ["date-format-drop"] = t => Replace(t, @"\s+format=""[^""]*""", _ => string.Empty),
        ["guideline-unknown"] = t => Replace(t, $@"(<{P}GuidelineSpecifiedDocumentContextParameter>\s*<{P}ID>)[^<]*(</)", m => m.Groups[1].Value + "urn:example:unknown" + m.Groups[2].Value),
        ["currency-empty"] = t => Replace(t, Element("InvoiceCurrencyCode"), m => m.Groups[1].Value + m.Groups[3].Value),
        ["legal-scheme-9999"] = t => Replace(t, $@"(<{P}SpecifiedLegalOrganization>\s*<{P}ID\b[^>]*schemeID="")[^""]*("")", m => m.Groups[1].Value + "9999" + m.Groups[2].Value),
    };

    public static IEnumerable<(string Name, string Text)> Of(string text)
    {
        foreach (var (name, op) in Kinds)
        {
            var mutated = op(text);
            if (mutated is not null && mutated != text)
            {
                yield return (name, mutated);
            }
        }
    }

    private static string Element(string local) => $@"(<{P}{local}\b[^>]*>)([^<]*)(</{P}{local}>)";

    private static string? Replace(string text, string pattern, Func<Match, string> replace, string? after = null)
    {
        var start = 0;
        if (after is not null)
        {
            var a = Regex.Match(text, after);
            if (!a.Success)
            {
                return null;
            }

            start = a.Index + a.Length;
        }

        var m = new Regex(pattern, RegexOptions.Singleline).Match(text, start);
        return m.Success ? string.Concat(text.AsSpan(0, m.Index), replace(m), text.AsSpan(m.Index + m.Length)) : null;
    }

    private static string? RemoveAll(string text, string pattern)
    {
        var result = Regex.Replace(text, pattern, string.Empty, RegexOptions.Singleline);
        return result == text ? null : result;
    }
}
