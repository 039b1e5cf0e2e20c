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

    // Inserts after the first match of a pattern (null when there is none).
    private static string? Insert(string text, string after, string insert)
    {
        var m = Regex.Match(text, after);
        return m.Success ? text.Insert(m.Index + m.Length, insert) : null;
    }
}
