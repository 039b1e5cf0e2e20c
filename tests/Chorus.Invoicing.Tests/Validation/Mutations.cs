using System.Globalization;
using System.Text.RegularExpressions;

namespace Chorus.Invoicing.Tests.Validation;

/// <summary>
/// Mutants of valid invoices for the differential test against the official schematron: each kind changes one thing an
/// EN 16931 rule should notice (amounts, totals, rates, codes, dates, decimals, mandatory fields, repeated elements).
/// Text-level edits, so that the mutant is exactly what a broken generator would emit.
/// </summary>
internal static class Mutations
{
    private static readonly Dictionary<string, Func<string, string?>> Ubl = new(StringComparer.Ordinal)
    {
        ["payable+1"] = t => Bump(t, "PayableAmount", 1m),
        ["line-net+1"] = t => Bump(t, "LineExtensionAmount", 1m, @"<(?:\w+:)?(?:InvoiceLine|CreditNoteLine)\b"),
        ["currency-ZZZ"] = t => Set(t, "DocumentCurrencyCode", "ZZZ"),
        ["type-999"] = t => Set(t, "InvoiceTypeCode", "999") ?? Set(t, "CreditNoteTypeCode", "999"),
        ["seller-country-XX"] = t => Set(t, "IdentificationCode", "XX", @"<(?:\w+:)?AccountingSupplierParty\b"),
        ["tax-exclusive+1"] = t => Bump(t, "TaxExclusiveAmount", 1m),
        ["vat-rate+1"] = t => Bump(t, "Percent", 1m, @"<(?:\w+:)?TaxSubtotal\b"),
        ["unit-FOO"] = t => SetAttribute(t, "unitCode", "FOO"),
        ["tax-total+0.5"] = t => Bump(t, "TaxAmount", 0.5m),
        ["seller-name-drop"] = t => Drop(t, "RegistrationName", @"<(?:\w+:)?AccountingSupplierParty\b"),
        ["issue-date-bad"] = t => Set(t, "IssueDate", "2024-02-30"),
        ["payable-3-decimals"] = t => Set3Decimals(t, "PayableAmount"),
        ["line-duplicated"] = t => Duplicate(t, "InvoiceLine") ?? Duplicate(t, "CreditNoteLine"),
        ["line-category-Z"] = t => Set(t, "ID", "Z", @"<(?:\w+:)?ClassifiedTaxCategory\b"),
        ["buyer-name-drop"] = t => Drop(t, "RegistrationName", @"<(?:\w+:)?AccountingCustomerParty\b"),

        // Conditional UBL syntax rules: UBL-SR-48 (one classified tax category per line), UBL-SR-19/20/21 (a payee whose
        // name cannot differ from the seller's, since it has none), UBL-SR-51 (one address line at most).
        ["line-tax-category-twice"] = t => Duplicate(t, "ClassifiedTaxCategory"),
        ["payee-without-name"] = t => InsertAfter(t, "AccountingCustomerParty", "<{cac}PayeeParty><{cac}PartyIdentification><{cbc}ID>PAYEE-1</{cbc}ID></{cac}PartyIdentification></{cac}PayeeParty>"),
        ["address-two-lines"] = t => InsertBefore(t, "Country", "<{cac}AddressLine><{cbc}Line>A</{cbc}Line></{cac}AddressLine><{cac}AddressLine><{cbc}Line>B</{cbc}Line></{cac}AddressLine>", @"<(?:\w+:)?AccountingSupplierParty\b"),
    };

    private static readonly Dictionary<string, Func<string, string?>> Cii = new(StringComparer.Ordinal)
    {
        ["payable+1"] = t => Bump(t, "DuePayableAmount", 1m),
        ["line-net+1"] = t => Bump(t, "LineTotalAmount", 1m, @"<(?:\w+:)?IncludedSupplyChainTradeLineItem\b"),
        ["currency-ZZZ"] = t => Set(t, "InvoiceCurrencyCode", "ZZZ"),
        ["type-999"] = t => Set(t, "TypeCode", "999", @"<(?:\w+:)?ExchangedDocument\b"),
        ["seller-country-XX"] = t => Set(t, "CountryID", "XX", @"<(?:\w+:)?SellerTradeParty\b"),
        ["tax-basis+1"] = t => Bump(t, "TaxBasisTotalAmount", 1m),
        ["vat-rate+1"] = t => Bump(t, "RateApplicablePercent", 1m, @"<(?:\w+:)?ApplicableHeaderTradeSettlement\b"),
        ["unit-FOO"] = t => SetAttribute(t, "unitCode", "FOO"),
        ["tax-total+0.5"] = t => Bump(t, "TaxTotalAmount", 0.5m),
        ["allowance-total+1"] = t => Bump(t, "AllowanceTotalAmount", 1m),
        ["issue-date-bad"] = t => Set(t, "DateTimeString", "20240230", @"<(?:\w+:)?IssueDateTime\b"),
        ["payable-3-decimals"] = t => Set3Decimals(t, "DuePayableAmount"),
        ["line-duplicated"] = t => Duplicate(t, "IncludedSupplyChainTradeLineItem"),
        ["line-category-Z"] = t => Set(t, "CategoryCode", "Z", @"<(?:\w+:)?IncludedSupplyChainTradeLineItem\b"),
        ["seller-name-drop"] = t => Drop(t, "Name", @"<(?:\w+:)?SellerTradeParty\b"),

        // Conditional CII syntax rules and BR-50/61: a credit transfer without IBAN, two payment references (CII-SR-469),
        // identifiers with scheme attributes (CII-DT-001..007 on the four listed ones, CII-DT-101..104 on the others).
        ["credit-transfer-no-iban"] = t => Set(t, "TypeCode", "30", @"<(?:\w+:)?SpecifiedTradeSettlementPaymentMeans\b") is { } s && s.Contains("IBANID", StringComparison.Ordinal) ? Drop(s, "IBANID", null) : null,
        ["payment-reference-twice"] = t => Replace(t, @"<ram:ApplicableHeaderTradeSettlement>", null, m => m.Value + "<ram:PaymentReference>A</ram:PaymentReference><ram:PaymentReference>B</ram:PaymentReference>"),
        ["id-scheme-attributes"] = t => t.Contains("<ram:ID>", StringComparison.Ordinal) ? t.Replace("<ram:ID>", "<ram:ID schemeName=\"n\" schemeURI=\"u\">", StringComparison.Ordinal) : null,
    };

    public static int KindCount(string syntax) => (syntax == "ubl" ? Ubl : Cii).Count;

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

    private static string Element(string local) => $@"(<(?:\w+:)?{local}\b[^>]*>)([^<]*)(</(?:\w+:)?{local}>)";

    private static int StartAfter(string text, string? after)
    {
        if (after is null)
        {
            return 0;
        }

        var m = Regex.Match(text, after);
        return m.Success ? m.Index + m.Length : -1;
    }

    private static string? Replace(string text, string pattern, string? after, Func<Match, string?> replace)
    {
        var start = StartAfter(text, after);
        if (start < 0)
        {
            return null;
        }

        var m = new Regex(pattern, RegexOptions.Singleline).Match(text, start);
        if (!m.Success || replace(m) is not { } replacement)
        {
            return null;
        }

        return string.Concat(text.AsSpan(0, m.Index), replacement, text.AsSpan(m.Index + m.Length));
    }

    private static string? Bump(string text, string local, decimal delta, string? after = null) =>
        Replace(text, Element(local), after, m =>
        {
            var raw = m.Groups[2].Value.Trim();
            if (!decimal.TryParse(raw, NumberStyles.Number, CultureInfo.InvariantCulture, out var v))
            {
                return null;
            }

            var decimals = Math.Max(raw.Contains('.', StringComparison.Ordinal) ? raw.Length - raw.IndexOf('.', StringComparison.Ordinal) - 1 : 0, 2);
            return m.Groups[1].Value + (v + delta).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + m.Groups[3].Value;
        });

    private static string? Set(string text, string local, string value, string? after = null) =>
        Replace(text, Element(local), after, m => m.Groups[1].Value + value + m.Groups[3].Value);

    private static string? Set3Decimals(string text, string local) =>
        Replace(text, Element(local), null, m => decimal.TryParse(m.Groups[2].Value.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var v)
            ? m.Groups[1].Value + (v + 0.001m).ToString("F3", CultureInfo.InvariantCulture) + m.Groups[3].Value
            : null);

    private static string? SetAttribute(string text, string attribute, string value) =>
        Replace(text, $"({attribute}=\")([^\"]*)(\")", null, m => m.Groups[1].Value + value + m.Groups[3].Value);

    private static string? Drop(string text, string local, string? after) => Replace(text, Element(local), after, _ => string.Empty);

    // Inserts UBL aggregates ({cac}, {cbc} stand for the document's own prefixes) after the first closing tag of an element.
    private static string? InsertAfter(string text, string local, string xml)
    {
        var m = Regex.Match(text, $@"</(?:\w+:)?{local}>");
        return m.Success && Prefixes(text) is (string cac, string cbc)
            ? string.Concat(text.AsSpan(0, m.Index + m.Length), Fill(xml, cac, cbc), text.AsSpan(m.Index + m.Length))
            : null;
    }

    // Inserts before the first opening tag of an element found after `after`.
    private static string? InsertBefore(string text, string local, string xml, string after)
    {
        var start = StartAfter(text, after);
        if (start < 0 || Prefixes(text) is not (string cac, string cbc))
        {
            return null;
        }

        var m = new Regex($@"<(?:\w+:)?{local}\b").Match(text, start);
        return m.Success ? string.Concat(text.AsSpan(0, m.Index), Fill(xml, cac, cbc), text.AsSpan(m.Index)) : null;
    }

    private static string Fill(string xml, string cac, string cbc) =>
        xml.Replace("{cac}", cac, StringComparison.Ordinal).Replace("{cbc}", cbc, StringComparison.Ordinal);

    // The prefixes (with their colon) the document binds to the UBL aggregate and basic component namespaces.
    private static (string Cac, string Cbc)? Prefixes(string text)
    {
        var cac = Regex.Match(text, "xmlns:(\\w+)=\"urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2\"");
        var cbc = Regex.Match(text, "xmlns:(\\w+)=\"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2\"");
        return cac.Success && cbc.Success ? (cac.Groups[1].Value + ":", cbc.Groups[1].Value + ":") : null;
    }

    private static string? Duplicate(string text, string local) =>
        Replace(text, $@"<(?:\w+:)?{local}\b[^>]*>.*?</(?:\w+:)?{local}>", null, m => m.Value + m.Value);
}
