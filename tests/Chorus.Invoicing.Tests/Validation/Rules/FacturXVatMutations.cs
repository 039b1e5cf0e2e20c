using System.Text.RegularExpressions;

namespace Chorus.Invoicing.Tests.Validation.Rules;

/// <summary>
/// CII mutants aimed at the Factur-X VAT category and EXTENDED rules: logistics service charges, exemption reasons,
/// line subtypes (DETAIL/GROUP/INFORMATION) and parent lines, item attributes, and values that are not numbers or
/// booleans (the official tests then fail with a dynamic error). Text-level edits on the conventional ram: prefix.
/// </summary>
internal static class FacturXVatMutations
{
    private static string LogisticsCharge(string category, string rate) =>
        "<ram:SpecifiedLogisticsServiceCharge><ram:Description>Fret</ram:Description><ram:AppliedAmount>10.00</ram:AppliedAmount><ram:AppliedTradeTax><ram:TypeCode>VAT</ram:TypeCode>"
        + $"<ram:CategoryCode>{category}</ram:CategoryCode><ram:RateApplicablePercent>{rate}</ram:RateApplicablePercent></ram:AppliedTradeTax></ram:SpecifiedLogisticsServiceCharge>";

    private static readonly Dictionary<string, Func<string, string?>> Kinds = new(StringComparer.Ordinal)
    {
        ["fx-logistics-charge-S"] = t => BeforeFirst(t, ["<ram:SpecifiedTradeAllowanceCharge>", "<ram:SpecifiedTradePaymentTerms>", "<ram:SpecifiedTradeSettlementHeaderMonetarySummation>"], LogisticsCharge("S", "20")),
        ["fx-logistics-charge-G"] = t => BeforeFirst(t, ["<ram:SpecifiedTradeAllowanceCharge>", "<ram:SpecifiedTradePaymentTerms>", "<ram:SpecifiedTradeSettlementHeaderMonetarySummation>"], LogisticsCharge("G", "0")),
        ["fx-exemption-reason-added"] = t => AfterFirst(t, "</ram:CalculatedAmount>", "<ram:ExemptionReason>Exonération</ram:ExemptionReason>"),
        ["fx-header-category-E"] = t => ReplaceFirst(t, @"(<ram:ApplicableHeaderTradeSettlement>[\s\S]*?<ram:ApplicableTradeTax>[\s\S]*?<ram:CategoryCode>)[^<]*(</ram:CategoryCode>)", "$1E$2"),
        ["fx-header-category-G"] = t => ReplaceFirst(t, @"(<ram:ApplicableHeaderTradeSettlement>[\s\S]*?<ram:ApplicableTradeTax>[\s\S]*?<ram:CategoryCode>)[^<]*(</ram:CategoryCode>)", "$1G$2"),
        ["fx-all-categories-O"] = t => Regex.Replace(Regex.Replace(t, "<ram:CategoryCode>[^<]*</ram:CategoryCode>", "<ram:CategoryCode>O</ram:CategoryCode>"), @"<ram:RateApplicablePercent>[^<]*</ram:RateApplicablePercent>", string.Empty),
        ["fx-all-categories-K"] = t => Regex.Replace(Regex.Replace(t, "<ram:CategoryCode>[^<]*</ram:CategoryCode>", "<ram:CategoryCode>K</ram:CategoryCode>"), @"<ram:RateApplicablePercent>[^<]*</ram:RateApplicablePercent>", "<ram:RateApplicablePercent>0</ram:RateApplicablePercent>"),
        ["fx-line-subtype-GROUP"] = t => AfterFirst(t, "</ram:LineID>", "<ram:LineStatusReasonCode>GROUP</ram:LineStatusReasonCode>"),
        ["fx-line-subtype-INFORMATION"] = t => AfterFirst(t, "</ram:LineID>", "<ram:LineStatusReasonCode>INFORMATION</ram:LineStatusReasonCode>"),
        ["fx-line-subtype-DETAIL"] = t => AfterFirst(t, "</ram:LineID>", "<ram:LineStatusReasonCode>DETAIL</ram:LineStatusReasonCode>"),
        ["fx-parent-line"] = ParentLine,
        ["fx-parent-line-unknown"] = t => AfterFirst(t, "</ram:LineID>", "<ram:ParentLineID>999</ram:ParentLineID>"),
        ["fx-line-rate-not-a-number"] = t => ReplaceFirst(t, @"(<ram:IncludedSupplyChainTradeLineItem>[\s\S]*?<ram:RateApplicablePercent>)[^<]*(</ram:RateApplicablePercent>)", "$1abc$2"),
        ["fx-basis-not-a-number"] = t => ReplaceFirst(t, @"(<ram:BasisAmount>)[^<]*(</ram:BasisAmount>)", "${1}n/a$2"),
        ["fx-indicator-yes"] = t => ReplaceFirst(t, @"(<ram:ChargeIndicator>\s*<udt:Indicator>)[^<]*(</udt:Indicator>)", "${1}yes$2"),
        ["fx-header-type-code-twice"] = t => ReplaceFirst(t, @"(<ram:ApplicableHeaderTradeSettlement>[\s\S]*?<ram:ApplicableTradeTax>[\s\S]*?)(<ram:TypeCode>VAT</ram:TypeCode>)", "$1$2$2"),
        ["fx-item-attribute"] = t => ReplaceFirst(t, @"(<ram:SpecifiedTradeProduct>[\s\S]*?)(</ram:SpecifiedTradeProduct>)", "$1<ram:ApplicableProductCharacteristic><ram:TypeCode>XYZ</ram:TypeCode><ram:Value>1</ram:Value><ram:ValueMeasure unitCode=\"KGM\">2</ram:ValueMeasure></ram:ApplicableProductCharacteristic>$2"),
        ["fx-note-subject-only"] = t => ReplaceFirst(t, @"(<rsm:ExchangedDocument>[\s\S]*?)(</rsm:ExchangedDocument>)", "$1<ram:IncludedNote><ram:SubjectCode>AAI</ram:SubjectCode></ram:IncludedNote>$2"),
        ["fx-charge-total-drop"] = t => ReplaceFirst(t, @"<ram:ChargeTotalAmount>[^<]*</ram:ChargeTotalAmount>", string.Empty),
        ["fx-line-total-drop"] = t => ReplaceFirst(t, @"(<ram:SpecifiedTradeSettlementHeaderMonetarySummation>[\s\S]*?)<ram:LineTotalAmount>[^<]*</ram:LineTotalAmount>", "$1"),
        ["fx-vat-id-scheme-FC"] = t => ReplaceFirst(t, "schemeID=\"VA\"", "schemeID=\"FC\""),
        ["fx-buyer-vat-id"] = t => ReplaceFirst(t, @"(<ram:BuyerTradeParty>[\s\S]*?)(</ram:BuyerTradeParty>)", "$1<ram:SpecifiedTaxRegistration><ram:ID schemeID=\"VA\">DE123456789</ram:ID></ram:SpecifiedTaxRegistration>$2"),
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

    private static string? ParentLine(string t)
    {
        var ids = Regex.Matches(t, @"<ram:LineID>([^<]*)</ram:LineID>");
        if (ids.Count < 2)
        {
            return null;
        }

        var first = ids[0];
        var second = ids[1];
        var parent = $"<ram:ParentLineID>{first.Groups[1].Value}</ram:ParentLineID><ram:LineStatusReasonCode>DETAIL</ram:LineStatusReasonCode>";
        t = t.Insert(second.Index + second.Length, parent);
        return t.Insert(first.Index + first.Length, "<ram:LineStatusReasonCode>GROUP</ram:LineStatusReasonCode>");
    }

    private static string? BeforeFirst(string t, string[] anchors, string insert)
    {
        var start = t.IndexOf("<ram:ApplicableHeaderTradeSettlement>", StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        foreach (var a in anchors)
        {
            var i = t.IndexOf(a, start, StringComparison.Ordinal);
            if (i >= 0)
            {
                return t.Insert(i, insert);
            }
        }

        return null;
    }

    private static string? AfterFirst(string t, string anchor, string insert)
    {
        var i = t.IndexOf(anchor, StringComparison.Ordinal);
        return i < 0 ? null : t.Insert(i + anchor.Length, insert);
    }

    private static string? ReplaceFirst(string t, string pattern, string replacement)
    {
        var r = new Regex(pattern);
        return r.IsMatch(t) ? r.Replace(t, replacement, 1) : null;
    }
}
