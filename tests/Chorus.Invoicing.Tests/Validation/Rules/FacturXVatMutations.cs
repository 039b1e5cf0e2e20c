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

    // Each VAT category with a rate its rules accept and one they reject (null: no rate, as O requires).
    private static readonly (string Code, string? Good, string Bad)[] Categories =
        [("S", "20", "0"), ("Z", "0", "7"), ("E", "0", "7"), ("AE", "0", "7"), ("K", "0", "7"), ("G", "0", "7"), ("O", null, "7"), ("L", "7", "0"), ("M", "3", "-1")];

    private const string HeaderAllowanceAndCharge =
        "<ram:SpecifiedTradeAllowanceCharge><ram:ChargeIndicator><udt:Indicator>false</udt:Indicator></ram:ChargeIndicator><ram:ActualAmount>5.00</ram:ActualAmount><ram:Reason>Remise</ram:Reason>"
        + "<ram:CategoryTradeTax><ram:TypeCode>VAT</ram:TypeCode><ram:CategoryCode>S</ram:CategoryCode><ram:RateApplicablePercent>20</ram:RateApplicablePercent></ram:CategoryTradeTax></ram:SpecifiedTradeAllowanceCharge>"
        + "<ram:SpecifiedTradeAllowanceCharge><ram:ChargeIndicator><udt:Indicator>true</udt:Indicator></ram:ChargeIndicator><ram:ActualAmount>2.50</ram:ActualAmount>"
        + "<ram:CategoryTradeTax><ram:TypeCode>VAT</ram:TypeCode><ram:CategoryCode>S</ram:CategoryCode><ram:RateApplicablePercent>20</ram:RateApplicablePercent></ram:CategoryTradeTax></ram:SpecifiedTradeAllowanceCharge>";

    /// <summary>Every category code (lines, allowances, charges, breakdowns) set to one category, with a rate (or none).</summary>
    private static string AllCategories(string t, string code, string? rate)
    {
        t = Regex.Replace(t, "<ram:CategoryCode>[^<]*</ram:CategoryCode>", $"<ram:CategoryCode>{code}</ram:CategoryCode>");
        return Regex.Replace(t, "<ram:RateApplicablePercent>[^<]*</ram:RateApplicablePercent>", rate is null ? string.Empty : $"<ram:RateApplicablePercent>{rate}</ram:RateApplicablePercent>");
    }

    private static string NoTaxIds(string t) => Regex.Replace(t, @"<ram:SpecifiedTaxRegistration>[\s\S]*?</ram:SpecifiedTaxRegistration>", string.Empty);

    private static string WithAllowanceAndCharge(string t) => BeforeFirst(t, ["<ram:SpecifiedTradePaymentTerms>", "<ram:SpecifiedTradeSettlementHeaderMonetarySummation>"], HeaderAllowanceAndCharge) ?? t;

    private static string NoExemption(string t) => Regex.Replace(t, @"<ram:ExemptionReason(Code)?>[^<]*</ram:ExemptionReason(Code)?>", string.Empty);

    private static string WithExemption(string t) => Regex.Replace(t, @"(<ram:ApplicableHeaderTradeSettlement>[\s\S]*?<ram:ApplicableTradeTax>[\s\S]*?</ram:CalculatedAmount>)", "$1<ram:ExemptionReason>Exonération</ram:ExemptionReason>");

    private static IEnumerable<(string Name, string? Text)> CategoryMutants(string t)
    {
        foreach (var (code, good, bad) in Categories)
        {
            yield return ($"fx-all-{code}", AllCategories(t, code, good));
            yield return ($"fx-all-{code}-bad-rate", AllCategories(t, code, bad));
            yield return ($"fx-all-{code}-no-tax-ids", NoTaxIds(AllCategories(t, code, good)));
            yield return ($"fx-all-{code}-allowance-charge", AllCategories(WithAllowanceAndCharge(t), code, good));
            yield return ($"fx-all-{code}-allowance-charge-bad-rate-no-tax-ids", NoTaxIds(AllCategories(WithAllowanceAndCharge(t), code, bad)));
            yield return ($"fx-all-{code}-exemption", WithExemption(NoExemption(AllCategories(t, code, good))));
            yield return ($"fx-all-{code}-no-exemption", NoExemption(AllCategories(t, code, good)));
        }

        yield return ("fx-all-O-one-line-S", ReplaceFirst(AllCategories(t, "O", null), @"(<ram:IncludedSupplyChainTradeLineItem>[\s\S]*?<ram:CategoryCode>)O(</ram:CategoryCode>)", "${1}S$2"));
        yield return ("fx-all-O-allowance-S", ReplaceFirst(AllCategories(WithAllowanceAndCharge(t), "O", null), @"(<ram:SpecifiedTradeAllowanceCharge>[\s\S]*?<ram:CategoryCode>)O(</ram:CategoryCode>)", "${1}S$2"));
        yield return ("fx-header-category-Z", ReplaceFirst(t, @"(<ram:ApplicableHeaderTradeSettlement>[\s\S]*?<ram:ApplicableTradeTax>[\s\S]*?<ram:CategoryCode>)[^<]*(</ram:CategoryCode>)", "$1Z$2"));
        yield return ("fx-line-note-subject-only", AfterFirst(t, "</ram:LineID>", "<ram:IncludedNote><ram:SubjectCode>AAI</ram:SubjectCode></ram:IncludedNote>"));
        yield return ("fx-buyer-tax-id-FC", ReplaceFirst(t, @"(<ram:BuyerTradeParty>[\s\S]*?)(</ram:BuyerTradeParty>)", "$1<ram:SpecifiedTaxRegistration><ram:ID schemeID=\"FC\">123/456/789</ram:ID></ram:SpecifiedTaxRegistration>$2"));
        yield return ("fx-group-child-without-net", GroupChildWithoutNet(t));
        yield return ("fx-line-quantity-drop", ReplaceFirst(t, @"<ram:BilledQuantity[^>]*>[^<]*</ram:BilledQuantity>", string.Empty));
        yield return ("fx-line-unit-drop", ReplaceFirst(t, @"(<ram:BilledQuantity) unitCode=""[^""]*""", "$1"));
        yield return ("fx-line-net-drop", ReplaceFirst(t, @"(<ram:IncludedSupplyChainTradeLineItem>[\s\S]*?)<ram:LineTotalAmount>[^<]*</ram:LineTotalAmount>", "$1"));
        yield return ("fx-line-net-price-drop", ReplaceFirst(t, @"(<ram:NetPriceProductTradePrice>\s*)<ram:ChargeAmount>[^<]*</ram:ChargeAmount>", "$1"));
        yield return ("fx-line-category-drop", ReplaceFirst(t, @"(<ram:IncludedSupplyChainTradeLineItem>[\s\S]*?)<ram:CategoryCode>[^<]*</ram:CategoryCode>", "$1"));
        yield return ("fx-header-charge-no-reason", WithAllowanceAndCharge(t));
        yield return ("fx-line-charge-no-reason", ReplaceFirst(t, @"(<ram:SpecifiedLineTradeSettlement>)", "$1<ram:SpecifiedTradeAllowanceCharge><ram:ChargeIndicator><udt:Indicator>true</udt:Indicator></ram:ChargeIndicator><ram:ActualAmount>1.00</ram:ActualAmount></ram:SpecifiedTradeAllowanceCharge>"));
        yield return ("fx-item-attribute-empty", ReplaceFirst(t, @"(<ram:SpecifiedTradeProduct>[\s\S]*?)(</ram:SpecifiedTradeProduct>)", "$1<ram:ApplicableProductCharacteristic><ram:Value>1</ram:Value></ram:ApplicableProductCharacteristic>$2"));
        yield return ("fx-date-205-bad", ReplaceFirst(t, @"<udt:DateTimeString format=""102"">([^<]*)</udt:DateTimeString>", "<udt:DateTimeString format=\"205\">${1}99</udt:DateTimeString>"));
        yield return ("fx-date-205-good", ReplaceFirst(t, @"<udt:DateTimeString format=""102"">([^<]*)</udt:DateTimeString>", "<udt:DateTimeString format=\"205\">${1}1200</udt:DateTimeString>"));
    }

    private static string? GroupChildWithoutNet(string t)
    {
        var withParent = ParentLine(t);
        if (withParent is null)
        {
            return null;
        }

        // The child (second line) becomes a GROUP too, without a net amount.
        var ids = Regex.Matches(withParent, @"<ram:LineStatusReasonCode>DETAIL</ram:LineStatusReasonCode>");
        if (ids.Count == 0)
        {
            return null;
        }

        var changed = withParent.Remove(ids[0].Index, ids[0].Length).Insert(ids[0].Index, "<ram:LineStatusReasonCode>GROUP</ram:LineStatusReasonCode>");
        var lines = Regex.Matches(changed, @"<ram:IncludedSupplyChainTradeLineItem>");
        if (lines.Count < 2)
        {
            return null;
        }

        var second = lines[1].Index;
        var net = new Regex(@"<ram:LineTotalAmount>[^<]*</ram:LineTotalAmount>").Match(changed, second);
        return net.Success ? changed.Remove(net.Index, net.Length) : null;
    }

    public static IEnumerable<(string Name, string Text)> Of(string text)
    {
        foreach (var (name, mutated) in CategoryMutants(text))
        {
            if (mutated is not null && mutated != text)
            {
                yield return (name, mutated);
            }
        }

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
