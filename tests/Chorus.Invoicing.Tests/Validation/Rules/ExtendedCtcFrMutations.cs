using System.Text.RegularExpressions;

namespace Chorus.Invoicing.Tests.Validation.Rules;

/// <summary>
/// Mutants aimed at the EXTENDED-CTC-FR rules (sub-lines GROUP/DETAIL/INFORMATION and their parent references, logistics
/// charges, the profile's code lists…): text-level edits of valid invoices, each kind named after what it breaks.
/// </summary>
internal static class ExtendedCtcFrMutations
{
    private static readonly Dictionary<string, Func<string, string?>> Ubl = new(StringComparer.Ordinal)
    {
        ["delivery-terms-id-ZZZ"] = t => Insert(t, @"</(?:\w+:)?AccountingCustomerParty>", "<cac:DeliveryTerms><cbc:ID>ZZZ</cbc:ID></cac:DeliveryTerms>"),
    };

    private static readonly Dictionary<string, Func<string, string?>> Cii = new(StringComparer.Ordinal)
    {
        ["line-status-GROUP"] = t => Insert(t, @"<ram:LineID>[^<]*</ram:LineID>", "<ram:LineStatusReasonCode>GROUP</ram:LineStatusReasonCode>"),

        // Totals and charges (BR-FREXT-CO-12, BR-38, BR-44).
        ["charge-total+1"] = t => ReplaceFirstCii(t, @"(?<=<ram:ChargeTotalAmount>)[^<]*", m => (decimal.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture) + 1m).ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ["doc-charge-no-reason"] = t => ReplaceFirstCii(t, @"<ram:ReasonCode>FC</ram:ReasonCode>\s*<ram:Reason>Fracht</ram:Reason>", _ => string.Empty),
        ["line-charge-no-reason"] = t => ReplaceFirstCii(t, @"<ram:ReasonCode>ABL</ram:ReasonCode>\s*<ram:Reason>Zusatzverpackung</ram:Reason>", _ => string.Empty),

        // The whole invoice moved from S to another category, the first breakdown's taxable amount off by one
        // (BR-FXEXT-x-08/-08ini/-08rev of that category; the second breakdown still holds).
        ["all-S-to-AE-basis+1"] = t => Recategorized(t, "AE"),
        ["all-S-to-K-basis+1"] = t => Recategorized(t, "K"),
        ["all-S-to-G-basis+1"] = t => Recategorized(t, "G"),
        ["all-S-to-O-basis+1"] = t => Recategorized(t, "O"),
        ["all-S-to-Z-basis+1"] = t => Recategorized(t, "Z"),
        ["all-S-to-M-basis+1"] = t => Recategorized(t, "M"),
        ["all-S-to-L-basis+1"] = t => Recategorized(t, "L"),

        // A line of a category the breakdown lacks (BR-FREXT-x-01).
        ["first-line-category-AE"] = t => ExtendedCtcFrOnly(t) ? ReplaceFirstCii(t, "<ram:CategoryCode>S</ram:CategoryCode>", _ => "<ram:CategoryCode>AE</ram:CategoryCode>") : null,
        ["first-line-category-K"] = t => ExtendedCtcFrOnly(t) ? ReplaceFirstCii(t, "<ram:CategoryCode>S</ram:CategoryCode>", _ => "<ram:CategoryCode>K</ram:CategoryCode>") : null,
        ["first-line-category-G"] = t => ExtendedCtcFrOnly(t) ? ReplaceFirstCii(t, "<ram:CategoryCode>S</ram:CategoryCode>", _ => "<ram:CategoryCode>G</ram:CategoryCode>") : null,
        ["first-line-category-L"] = t => ExtendedCtcFrOnly(t) ? ReplaceFirstCii(t, "<ram:CategoryCode>S</ram:CategoryCode>", _ => "<ram:CategoryCode>L</ram:CategoryCode>") : null,
        ["first-line-category-M"] = t => ExtendedCtcFrOnly(t) ? ReplaceFirstCii(t, "<ram:CategoryCode>S</ram:CategoryCode>", _ => "<ram:CategoryCode>M</ram:CategoryCode>") : null,
        ["first-line-category-O"] = t => ExtendedCtcFrOnly(t) ? ReplaceFirstCii(t, "<ram:CategoryCode>S</ram:CategoryCode>", _ => "<ram:CategoryCode>O</ram:CategoryCode>") : null,

        // Item attributes (BR-FREXT-54-1/2).
        ["item-attribute-without-name"] = t => ReplaceFirstCii(t, @"(?<=<ram:ApplicableProductCharacteristic>)\s*<ram:Description>[^<]*</ram:Description>", _ => string.Empty),
        ["item-attribute-value-and-measure"] = t => ReplaceFirstCii(t, @"(?<=<ram:ApplicableProductCharacteristic>.*?<ram:Value>[^<]*</ram:Value>)", _ => "<ram:ValueMeasure unitCode=\"MLT\">100</ram:ValueMeasure>"),

        // Syntax restrictions the profile relaxes (CII-FREXT-SR-*, CII-SR-454, the referenced documents' DT rules).
        ["line-delivery-terms-location-id"] = t => ExtendedCtcFrOnly(t) ? Insert(t, "<ram:SpecifiedLineTradeAgreement>", "<ram:ApplicableTradeDeliveryTerms><ram:DeliveryTypeCode>FCA</ram:DeliveryTypeCode><ram:RelevantTradeLocation><ram:ID>DEMUH</ram:ID></ram:RelevantTradeLocation></ram:ApplicableTradeDeliveryTerms>") : null,
        ["net-price-twice"] = t => ExtendedCtcFrOnly(t) ? Insert(t, @"<ram:NetPriceProductTradePrice>\s*<ram:ChargeAmount>[^<]*</ram:ChargeAmount>", "<ram:ChargeAmount>1.00</ram:ChargeAmount>") : null,
        ["line-tax-twice"] = t => ExtendedCtcFrOnly(t) ? ReplaceFirstCii(t, @"<ram:SpecifiedLineTradeSettlement>\s*<ram:ApplicableTradeTax>.*?</ram:ApplicableTradeTax>", m => string.Concat(m.Value, m.Value.AsSpan(m.Value.IndexOf("<ram:ApplicableTradeTax>", StringComparison.Ordinal)))) : null,
        ["delivery-terms-location-id"] = t => ExtendedCtcFrOnly(t) ? Insert(t, "<ram:RelevantTradeLocation>", "<ram:ID>DEMUH</ram:ID>") : null,
        ["tax-exchange-extra-child"] = t => ExtendedCtcFrOnly(t) ? Insert(t, "</ram:InvoiceCurrencyCode>", "<ram:TaxApplicableTradeCurrencyExchange><ram:SourceCurrencyCode>EUR</ram:SourceCurrencyCode><ram:SourceUnitBasisNumeric>1</ram:SourceUnitBasisNumeric><ram:TargetCurrencyCode>CHF</ram:TargetCurrencyCode><ram:ConversionRate>0.93</ram:ConversionRate></ram:TaxApplicableTradeCurrencyExchange>") : null,
        ["order-reference-type-code"] = t => Insert(t, "<ram:IssuerAssignedID>B123456789</ram:IssuerAssignedID>", "<ram:TypeCode>220</ram:TypeCode>"),
        ["additional-reference-issue-date"] = t => Insert(t, "<ram:ReferenceTypeCode>AAG</ram:ReferenceTypeCode>", "<ram:FormattedIssueDateTime><qdt:DateTimeString format=\"102\">20250915</qdt:DateTimeString></ram:FormattedIssueDateTime>"),

        // Code lists (BR-FREXT-CL-*).
        ["delivery-terms-code-ZZZ"] = t => ReplaceFirstCii(t, "<ram:DeliveryTypeCode>FCA</ram:DeliveryTypeCode>", _ => "<ram:DeliveryTypeCode>ZZZ</ram:DeliveryTypeCode>"),
        ["seller-global-id-scheme-9999"] = t => ExtendedCtcFrOnly(t) ? ReplaceFirstCii(t, "<ram:GlobalID schemeID=\"0088\">4333741000005", _ => "<ram:GlobalID schemeID=\"9999\">4333741000005") : null,
        ["gross-allowance-reason-999"] = t => ReplaceFirstCii(t, "<ram:ReasonCode>95</ram:ReasonCode>", _ => "<ram:ReasonCode>999</ram:ReasonCode>"),
        ["charge-reason-XYZ"] = t => ReplaceFirstCii(t, "<ram:ReasonCode>FC</ram:ReasonCode>", _ => "<ram:ReasonCode>XYZ</ram:ReasonCode>"),
        ["charge-reason-5153-VAT"] = t => ReplaceFirstCii(t, "<ram:ReasonCode>FC</ram:ReasonCode>", _ => "<ram:ReasonCode listID=\"5153\">VAT</ram:ReasonCode>"),
        ["charge-reason-5153-ENV"] = t => ReplaceFirstCii(t, "<ram:ReasonCode>FC</ram:ReasonCode>", _ => "<ram:ReasonCode listID=\"5153\">ENV</ram:ReasonCode>"),
        ["charge-reason-list-ZZZ"] = t => ReplaceFirstCii(t, "<ram:ReasonCode>FC</ram:ReasonCode>", _ => "<ram:ReasonCode listID=\"ZZZ\">FC</ram:ReasonCode>"),
        ["attachment-mime-zip"] = t => ReplaceFirstCii(t, "mimeCode=\"application/pdf\"", _ => "mimeCode=\"application/zip\""),

        // Sub-lines (BR-FREXT-05, 06, 08, 11, 12).
        ["subline-subtype-SUBTOTAL"] = t => ReplaceFirstCii(t, "<ram:LineStatusReasonCode>DETAIL</ram:LineStatusReasonCode>", _ => "<ram:LineStatusReasonCode>SUBTOTAL</ram:LineStatusReasonCode>"),
        ["subline-parent-without-subtype"] = t => ReplaceFirstCii(t, @"(?<=<ram:ParentLineID>[^<]*</ram:ParentLineID>)\s*<ram:LineStatusReasonCode>DETAIL</ram:LineStatusReasonCode>", _ => string.Empty),
        ["subline-parent-unknown"] = t => ReplaceFirstCii(t, "<ram:ParentLineID>G1</ram:ParentLineID>", _ => "<ram:ParentLineID>G9</ram:ParentLineID>"),
        ["subline-group-net+1"] = t => ReplaceFirstCii(t, "<ram:LineTotalAmount>280.00</ram:LineTotalAmount>", _ => "<ram:LineTotalAmount>281.00</ram:LineTotalAmount>"),
        ["subline-self-parent"] = t => ReplaceFirstCii(t, @"(?<=<ram:LineID>G2</ram:LineID>\s*)<ram:ParentLineID>G1</ram:ParentLineID>", _ => "<ram:ParentLineID>G2</ram:ParentLineID>"),
        ["subline-information-under-group"] = t => ReplaceFirstCii(t, @"(?<=<ram:LineID>I1</ram:LineID>)", _ => "<ram:ParentLineID>G1</ram:ParentLineID>"),

        // Semantics at the edges: a breakdown without rate, logistics charges, exemption reasons on one side only, a
        // tax currency exchange with only the allowed children.
        ["breakdown-rate-drop"] = t => ExtendedCtcFrOnly(t) ? ReplaceFirstCii(t, @"(?<=<ram:BasisAmount>331.40</ram:BasisAmount>.*?)<ram:RateApplicablePercent>[^<]*</ram:RateApplicablePercent>", _ => string.Empty) : null,
        ["logistics-amount+1"] = t => ReplaceFirstCii(t, "<ram:AppliedAmount>3.00</ram:AppliedAmount>", _ => "<ram:AppliedAmount>4.00</ram:AppliedAmount>"),
        ["detail-line-exemption-reason"] = t => ExtendedCtcFrOnly(t) ? ReplaceFirstCii(t, @"(?<=<ram:LineID>1</ram:LineID>.*?<ram:RateApplicablePercent>[^<]*</ram:RateApplicablePercent>)", _ => "<ram:ExemptionReason>Sonderregelung</ram:ExemptionReason>") : null,
        ["tax-exchange-allowed-children"] = t => ExtendedCtcFrOnly(t) ? Insert(t, "</ram:InvoiceCurrencyCode>", "<ram:TaxApplicableTradeCurrencyExchange><ram:SourceCurrencyCode>EUR</ram:SourceCurrencyCode><ram:TargetCurrencyCode>CHF</ram:TargetCurrencyCode><ram:ConversionRate>0.93</ram:ConversionRate></ram:TaxApplicableTradeCurrencyExchange>") : null,
        ["product-global-id-scheme-9999"] = t => ExtendedCtcFrOnly(t) ? ReplaceFirstCii(t, "<ram:GlobalID schemeID=\"0160\">", _ => "<ram:GlobalID schemeID=\"9999\">") : null,
        ["additional-reference-type-381"] = t => ExtendedCtcFrOnly(t) ? ReplaceFirstCii(t, "<ram:TypeCode>916</ram:TypeCode>", _ => "<ram:TypeCode>381</ram:TypeCode>") : null,
        ["invoice-reference-type-and-date"] = t => ExtendedCtcFrOnly(t) ? ReplaceFirstCii(t, @"<ram:SpecifiedTradeSettlementHeaderMonetarySummation>.*?</ram:SpecifiedTradeSettlementHeaderMonetarySummation>", m => m.Value + "<ram:InvoiceReferencedDocument><ram:IssuerAssignedID>R87654321012345</ram:IssuerAssignedID><ram:TypeCode>380</ram:TypeCode><ram:FormattedIssueDateTime><qdt:DateTimeString format=\"102\">20251001</qdt:DateTimeString></ram:FormattedIssueDateTime></ram:InvoiceReferencedDocument>") : null,
        ["subline-subgroup-without-net"] = t => ReplaceFirstCii(t, @"(?<=<ram:LineID>G2</ram:LineID>.*?)<ram:SpecifiedTradeSettlementLineMonetarySummation>.*?</ram:SpecifiedTradeSettlementLineMonetarySummation>", _ => string.Empty),
    };

    // CII: the mutants that only make sense on the EXTENDED-CTC-FR invoices of tests/data/extended-ctc-fr/cii.
    private static bool ExtendedCtcFrOnly(string text) => text.Contains("urn.cpro.gouv.fr:1p0:extended-ctc-fr", StringComparison.Ordinal);

    // CII: replaces the first match of a pattern (null when there is none).
    private static string? ReplaceFirstCii(string text, string pattern, Func<Match, string> replace)
    {
        var m = Regex.Match(text, pattern, RegexOptions.Singleline);
        return m.Success ? string.Concat(text.AsSpan(0, m.Index), replace(m), text.AsSpan(m.Index + m.Length)) : null;
    }

    // CII: every S category code moved to another one, and the first header breakdown's taxable amount plus one.
    private static string? Recategorized(string text, string code) =>
        ExtendedCtcFrOnly(text) && ReplaceFirstCii(text, @"(?<=<ram:ApplicableTradeTax>\s*<ram:CalculatedAmount>[^<]*</ram:CalculatedAmount>\s*<ram:TypeCode>VAT</ram:TypeCode>\s*<ram:BasisAmount>)[^<]*", m => (decimal.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture) + 1m).ToString(System.Globalization.CultureInfo.InvariantCulture)) is { } bumped
            ? bumped.Replace("<ram:CategoryCode>S</ram:CategoryCode>", $"<ram:CategoryCode>{code}</ram:CategoryCode>", StringComparison.Ordinal)
            : null;

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

    // Inserts after the first match of a pattern (null when there is none).
    private static string? Insert(string text, string after, string insert)
    {
        var m = Regex.Match(text, after);
        return m.Success ? text.Insert(m.Index + m.Length, insert) : null;
    }
}
