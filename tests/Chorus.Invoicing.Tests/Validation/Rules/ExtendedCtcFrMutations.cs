using System.Text.RegularExpressions;

namespace Chorus.Invoicing.Tests.Validation.Rules;

/// <summary>
/// Mutants aimed at the EXTENDED-CTC-FR rules (sub-lines GROUP/DETAIL/INFORMATION and their parent references, logistics
/// charges, the profile's code lists…): text-level edits of valid invoices, each kind named after what it breaks.
/// </summary>
internal static class ExtendedCtcFrMutations
{
    // UBL: the first match of a pattern replaced (null when there is none); the prefixes are the usual cac/cbc.
    private static readonly Func<string, string, string, string?> UblFirst = (t, pattern, replacement) =>
        Regex.Match(t, pattern, RegexOptions.Singleline) is { Success: true } m ? t.Remove(m.Index, m.Length).Insert(m.Index, m.Result(replacement)) : null;

    private static readonly Dictionary<string, Func<string, string?>> Ubl = BuildUbl();

    private static Dictionary<string, Func<string, string?>> BuildUbl()
    {
        var kinds = new Dictionary<string, Func<string, string?>>(StringComparer.Ordinal)
        {
            ["delivery-terms-id-ZZZ"] = t => Insert(t, @"</(?:\w+:)?AccountingCustomerParty>", "<cac:DeliveryTerms><cbc:ID>ZZZ</cbc:ID></cac:DeliveryTerms>"),

            // BR-CO-25 (invoices only), BR-FREXT-CO-12
            ["no-due-date-no-terms"] = t => UblFirst(t, @"<(?:\w+:)?DueDate>[^<]*</(?:\w+:)?DueDate>", "") is { } s ? Regex.Replace(s, @"<(?:\w+:)?PaymentTerms>.*?</(?:\w+:)?PaymentTerms>", "", RegexOptions.Singleline, TimeSpan.FromSeconds(1)) : null,
            ["charge-total+1"] = t => BumpFirstOnly(t, "ChargeTotalAmount", 1m),

            // sub-lines: BR-FREXT-05, 06, 08, 11, 12
            ["subline-code-FOO"] = t => UblFirst(t, @"<cbc:DocumentStatusCode>DETAIL</cbc:DocumentStatusCode>", "<cbc:DocumentStatusCode>FOO</cbc:DocumentStatusCode>"),
            ["subline-code-drop"] = t => UblFirst(t, @"<cbc:DocumentStatusCode>DETAIL</cbc:DocumentStatusCode>", ""),
            ["group-amount+1"] = t => UblFirst(t, @"(<cbc:DocumentStatusCode>GROUP</cbc:DocumentStatusCode>)", "$1") is null ? null : UblFirst(t, @">100\.00</cbc:LineExtensionAmount>", ">101.00</cbc:LineExtensionAmount>"),
            ["parent-line-unknown"] = t => UblFirst(t, @"(<cac:BillingReferenceLine>\s*<cbc:ID>)[^<]*<", "${1}999<"),
            ["subgroup-amount-drop"] = t => UblFirst(t, @"(<cbc:ID>1\.2</cbc:ID>\s*<cbc:\w+Quantity[^>]*>[^<]*</cbc:\w+Quantity>\s*)<cbc:LineExtensionAmount[^>]*>[^<]*</cbc:LineExtensionAmount>", "$1"),

            // item attributes: BR-FREXT-04, 54-1, 54-2
            ["item-attribute-code-FOO"] = t => UblFirst(t, @"(<(?:\w+:)?NameCode\b[^>]*>)[^<]*<", "${1}FOO<"),
            ["item-attribute-unnamed"] = t => UblFirst(t, @"(<(?:\w+:)?AdditionalItemProperty>\s*)<(?:\w+:)?Name>[^<]*</(?:\w+:)?Name>\s*(?:<(?:\w+:)?NameCode\b[^>]*>[^<]*</(?:\w+:)?NameCode>)?", "$1"),
            ["item-attribute-value-and-quantity"] = t => UblFirst(t, @"(<(?:\w+:)?ValueQuantity\b)", "<cbc:Value>2,5 kg</cbc:Value>$1"),

            // syntax restrictions: UBL-FREXT-CR-410, CR-645, CII-FREXT-CR-490
            ["delivery-terms-special-terms"] = t => UblFirst(t, @"(<(?:\w+:)?DeliveryTerms>\s*<(?:\w+:)?ID>[^<]*</(?:\w+:)?ID>)", "$1<cbc:SpecialTerms>Franco de port</cbc:SpecialTerms>"),
            ["line-delivery-terms-special-terms"] = t => UblFirst(t, @"(<(?:\w+:)?(?:InvoiceLine|CreditNoteLine)>.*?</(?:\w+:)?Price>)", "$1<cac:DeliveryTerms><cbc:ID>EXW</cbc:ID><cbc:SpecialTerms>Enlèvement</cbc:SpecialTerms></cac:DeliveryTerms>"),
            ["tax-exchange-rate-operator"] = t => UblFirst(t, @"(<(?:\w+:)?TaxTotal>)", "<cac:TaxExchangeRate><cbc:SourceCurrencyCode>EUR</cbc:SourceCurrencyCode><cbc:TargetCurrencyCode>USD</cbc:TargetCurrencyCode><cbc:CalculationRate>1.08</cbc:CalculationRate><cbc:MathematicOperatorCode>multiply</cbc:MathematicOperatorCode></cac:TaxExchangeRate>$1"),

            // code lists: BR-FREXT-CL-20, CL-20-TAX, CL-20-LISTID, CL-24
            ["charge-reason-FOO"] = t => UblFirst(t, @"<cbc:AllowanceChargeReasonCode>FC</cbc:AllowanceChargeReasonCode>", "<cbc:AllowanceChargeReasonCode>FOO</cbc:AllowanceChargeReasonCode>"),
            ["charge-reason-5153-FOO"] = t => UblFirst(t, @"listID=""5153"">ENV<", @"listID=""5153"">FOO<"),
            ["charge-reason-listid-9999"] = t => UblFirst(t, @"listID=""5153"">", @"listID=""9999"">"),
            ["attachment-mime-gif"] = t => UblFirst(t, @"mimeCode=""[^""]*""", @"mimeCode=""image/gif"""),

            // BR-55, UBL-SR-06, UBL-SR-07 on the document's references; the same reference on a line is not checked
            ["billing-references-bad"] = t => UblFirst(t, @"(<(?:\w+:)?AccountingSupplierParty>)", "<cac:BillingReference><cac:InvoiceDocumentReference><cbc:IssueDate>2025-12-30</cbc:IssueDate></cac:InvoiceDocumentReference></cac:BillingReference><cac:BillingReference><cac:InvoiceDocumentReference><cbc:ID>F1</cbc:ID></cac:InvoiceDocumentReference><cac:InvoiceDocumentReference><cbc:ID>F2</cbc:ID></cac:InvoiceDocumentReference></cac:BillingReference>$1"),
            // which lines count (DETAIL or no reference to the invoice itself), and XPath's reading of codes and numbers
            ["group-line-reference-other-invoice"] = t => UblFirst(t, @"<cbc:ID>[^<]*</cbc:ID>(\s*<cbc:DocumentStatusCode>GROUP<)", "<cbc:ID>F000001</cbc:ID>$1"),
            ["group-line-without-quantity-price"] = t => UblFirst(t, @"(<(?:\w+:)?(?:InvoiceLine|CreditNoteLine)>\s*<cbc:ID>1</cbc:ID>\s*)<cbc:\w+Quantity[^>]*>[^<]*</cbc:\w+Quantity>(.*?)<cac:Price>.*?</cac:Price>", "$1$2"),
            ["detail-line-without-quantity"] = t => UblFirst(t, @"(<cbc:ID>1\.1</cbc:ID>\s*)<cbc:\w+Quantity[^>]*>[^<]*</cbc:\w+Quantity>", "$1"),
            ["subline-code-lowercase"] = t => UblFirst(t, @"<cbc:DocumentStatusCode>DETAIL<", "<cbc:DocumentStatusCode>detail<"),
            ["breakdown-scheme-lowercase"] = t => UblFirst(t, @"(<(?:\w+:)?TaxSubtotal>.*?<(?:\w+:)?TaxScheme>\s*<(?:\w+:)?ID>)VAT<", "${1} vat <"),
            ["breakdown-percent-spaces"] = t => UblFirst(t, @"(<(?:\w+:)?TaxSubtotal>.*?<(?:\w+:)?Percent>)([^<]*)<", "$1 $2 <"),

            ["line-billing-reference-without-id"] = t => UblFirst(t, @"(<(?:\w+:)?(?:InvoiceLine|CreditNoteLine)>.*?</(?:\w+:)?LineExtensionAmount>)", "$1<cac:BillingReference><cac:InvoiceDocumentReference><cbc:IssueDate>2025-12-30</cbc:IssueDate></cac:InvoiceDocumentReference></cac:BillingReference>"),
        };

        // BR-FREXT-x-01 and x-08 (with ini/rev) per category: the first VAT breakdown's category changed.
        foreach (var code in new[] { "AE", "G", "K", "L", "M", "Z" })
        {
            kinds["breakdown-category-" + code] = t => UblFirst(t, @"(<(?:\w+:)?TaxSubtotal>.*?<(?:\w+:)?TaxCategory>\s*<(?:\w+:)?ID>)[^<]*<", "${1}" + code + "<");
        }

        return kinds;
    }

    // UBL: the first element of a local name whose value is a number, plus a delta (null when there is none).
    private static string? BumpFirstOnly(string t, string local, decimal delta)
    {
        var m = Regex.Match(t, $@"(<(?:\w+:)?{local}\b[^>]*>)\s*(-?[0-9]+(?:\.[0-9]+)?)\s*<");
        if (!m.Success)
        {
            return null;
        }

        var value = decimal.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) + delta;
        return t.Remove(m.Groups[2].Index, m.Groups[2].Length).Insert(m.Groups[2].Index, value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

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
