using System.Globalization;
using System.Text.RegularExpressions;
using Chorus.Invoicing.Validation.Internal.Tree;
using Chorus.Invoicing.Validation.Rules.FacturX;
using Chorus.Invoicing.Validation.Rules.Tree;

namespace Chorus.Invoicing.Validation.Rules.ExtendedCtcFr;

// The xsl:value-of parts of the messages (written {select} in Texts): the sub-line rules show the line's id, subtype,
// parent and amounts, the breakdown rules their category, rate, exemption reason and the sums they compared.
internal static partial class ExtendedCtcFrCii
{
    private static readonly Regex ValueOf = new(@"\{([^{}]+)\}", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private static string Render(string message, XNode node, FxDoc d) =>
        TreeQuery.IndexOf(message, '{') >= 0 ? ValueOf.Replace(message, m => ValueText(m.Groups[1].Value, node, d)) : message;

    /// <summary>The string value of one xsl:value-of, items joined by a space; empty where the expression cannot be evaluated.</summary>
    private static string ValueText(string select, XNode node, FxDoc d)
    {
        try
        {
            return select switch
            {
                "ram:AssociatedDocumentLineDocument/ram:LineStatusReasonCode" => string.Join(" ", Subtypes(node)),
                "ram:AssociatedDocumentLineDocument/ram:LineID" => string.Join(" ", LineIds(node)),
                "ram:SpecifiedLineTradeSettlement/ram:SpecifiedTradeSettlementLineMonetarySummation/ram:LineTotalAmount" => string.Join(" ", node.Select(LineNetPath).Select(static n => n.StringValue)),
                "$parentID" => ParentId(node),
                "$calculatedAmountBT131" when node.LocalName == "IncludedSupplyChainTradeLineItem" => GroupNetText(node, d),
                "ram:CategoryCode" => string.Join(" ", node.Kids("CategoryCode").Select(static c => c.StringValue)),
                _ => BreakdownValue(select, node, d),
            };
        }
        catch (FxEvalException)
        {
            return string.Empty;
        }
    }

    /// <summary>The variables of the per-category breakdown rules (<see cref="BreakdownVariables"/>).</summary>
    private static string BreakdownValue(string select, XNode tax, FxDoc d)
    {
        var v = Variables(tax, d);
        var ini = select.EndsWith("ini", StringComparison.Ordinal);
        return (ini ? select.Substring(0, select.Length - 3) : select) switch
        {
            "$rate" => Text(v.Rate.Value),
            "$exempReasonText" => v.ReasonText,
            "$exempReasonCode" => v.ReasonCode,
            "$basisAmount" => Text(v.Basis.Value),
            "$calculatedAmountBT131" => Text((ini ? v.Ini : v.Same).Lines),
            "$allowancesAmountBT92" => Text((ini ? v.Ini : v.Same).Allowances),
            "$chargesAmountBT99" => Text((ini ? v.Ini : v.Same).Charges),
            "$nbLineItems" => (ini ? v.Ini : v.Same).LineCount.ToString(CultureInfo.InvariantCulture),
            "$nbAllowancesOrCharges" => (ini ? v.Ini : v.Same).AllowanceChargeCount.ToString(CultureInfo.InvariantCulture),
            _ => string.Empty,
        };
    }

    /// <summary>BR-FREXT-08's <c>$calculatedAmountBT131</c>: a double (the integer 0 without children).</summary>
    private static string GroupNetText(XNode line, FxDoc d)
    {
        var (isDouble, sum, _) = Fx.SumUntyped(Children(line, d, "GROUP", "DETAIL").SelectMany(static c => c.Select(LineNetPath)));
        if (!isDouble)
        {
            return "0";
        }

        var value = Fx.Round(sum * 100) / 100;
        var r = value.ToString("R", CultureInfo.InvariantCulture);
        // XPath writes doubles from 1E-6 to 1E6 without an exponent; "R" uses one below 1E-4.
        return TreeQuery.IndexOf(r, 'E') >= 0 && Math.Abs(value) >= 1e-6 && Math.Abs(value) < 1e6 ? Text((decimal)value) : r;
    }

    /// <summary>An xs:decimal as a string: no trailing zeros, no exponent (empty for the empty sequence).</summary>
    private static string Text(decimal? value) => value is { } v ? v.ToString("0.############################", CultureInfo.InvariantCulture) : string.Empty;
}
