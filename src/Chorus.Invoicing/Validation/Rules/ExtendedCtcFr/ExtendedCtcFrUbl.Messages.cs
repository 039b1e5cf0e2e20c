using System.Globalization;
using Chorus.Invoicing.Validation.Internal.Tree;
using Chorus.Invoicing.Validation.Rules.FacturX;
using Chorus.Invoicing.Validation.Rules.Tree;

namespace Chorus.Invoicing.Validation.Rules.ExtendedCtcFr;

/// <summary>
/// The values the stylesheet's messages show (its xsl:value-of selects, in order), written as XPath writes them: node
/// values joined with a space, xs:decimal without trailing zeros, xs:double in its canonical form, the empty sequence as
/// nothing.
/// </summary>
internal static partial class ExtendedCtcFrUbl
{
    private static readonly Dictionary<string, Func<XNode, object?[]>> MessageValues = BuildMessageValues();

    private static Dictionary<string, Func<XNode, object?[]>> BuildMessageValues()
    {
        var values = new Dictionary<string, Func<XNode, object?[]>>(StringComparer.Ordinal)
        {
            ["BR-FREXT-CO-10"] = static n =>
            {
                var t = MonetaryTotal.Of(n);
                var bt106 = UblX.Decimal(n.Cbc("LineExtensionAmount"));
                return [InvoiceIdText(n), t.LineSum, bt106, t.LineCount, bt106 is { } b ? (XNum.Dec(b) - t.LineSum).Abs().Round2() : null];
            },
            ["BR-FREXT-CO-11"] = static n => AllowanceOrChargeValues(n, charge: false),
            ["BR-FREXT-CO-12"] = static n => AllowanceOrChargeValues(n, charge: true),
            ["BR-FREXT-CO-13"] = static n =>
            {
                var t = MonetaryTotal.Of(n);
                var bt109 = UblX.Decimal(n.Cbc("TaxExclusiveAmount"));
                object? result = bt109 is { } b ? (XNum.Dec(b) - t.LineSum + XNum.Dec(t.AllowanceSum) - XNum.Dec(t.ChargeSum)).Abs().Round2() : null;
                return [InvoiceIdText(n), t.LineSum, bt109, t.ElementCount, result];
            },
            ["BR-FREXT-CO-15"] = static n =>
            {
                var vat = VatTotalsInDocumentCurrency(n);
                return [vat.Count > 0, UblX.Decimal(n.Cbc("TaxExclusiveAmount")), MonetaryTotal.Of(n).ElementCount, UblX.Decimal(vat), UblX.Decimal(n.Cbc("TaxInclusiveAmount"))];
            },
            ["BR-FREXT-S-09"] = static n =>
            {
                var s = Sums(n, "S");
                object? calculated = s.Basis is { } b && s.Rate is { } r ? Fx.Round(b * r / 100 * 100) / 100 : null;
                return [InvoiceIdText(n), s.Basis, s.Rate, s.VatAmount, calculated, s.Full.LineCount, s.Full.ChargeCount];
            },
            ["BR-FREXT-05"] = static n => [InvoiceIdText(n), Joined(StatusCodes(n))],
            ["BR-FREXT-06"] = static n => [InvoiceIdText(n), Joined(n.Cbc("ID")), Joined(n.Cac("BillingReference").SelectMany(static r => r.Cac("BillingReferenceLine")).SelectMany(static l => l.Cbc("ID"))), Joined(StatusCodes(n))],
            ["BR-FREXT-08"] = static n =>
            {
                var s = SubLine.Of(n);
                return [InvoiceIdText(n), Joined(n.Cbc("ID")), Joined(n.Cbc("LineExtensionAmount")), UblX.RoundedSum(s.Children("DETAIL", "GROUP").SelectMany(static c => c.Cbc("LineExtensionAmount"))), Joined(StatusCodes(n))];
            },
            ["BR-FREXT-11"] = static n => [InvoiceIdText(n), Joined(n.Cbc("ID")), string.Join(" ", SubLine.Of(n).ParentIdNodes.Select(static i => i.StringValue))],
            ["BR-FREXT-12"] = static n => [InvoiceIdText(n), Joined(n.Cbc("ID"))],
        };

        foreach (var (name, code) in Categories)
        {
            var withRate = code != "O";
            values[$"BR-FREXT-{name}-08"] = n => BreakdownValues(n, code, withRate, full: true, ini: true);
            values[$"BR-FREXT-{name}-08ini"] = n => BreakdownValues(n, code, withRate, full: false, ini: true);
            values[$"BR-FREXT-{name}-08rev"] = n => BreakdownValues(n, code, withRate, full: true, ini: false);
        }

        return values;
    }

    /// <summary>The message of a failed assertion on a node: the values filled in, or null when one cannot be computed.</summary>
    private static string? Describe(string id, XNode node)
    {
        if (!MessageValues.TryGetValue(id, out var values))
        {
            return null;
        }

        try
        {
            return Prefix + TreeQuery.NormalizeSpace(string.Format(CultureInfo.InvariantCulture, Texts[id].Message, [.. values(node).Select(XPathString)]));
        }
        catch (FxEvalException)
        {
            return null;
        }
    }

    /// <summary>The message with no value (what is reported when a value cannot be computed).</summary>
    private static string Plain(string id)
    {
        var template = Texts[id].Message;
        var empty = Enumerable.Repeat<object>(string.Empty, template.Count(static c => c == '{')).ToArray();
        return Prefix + TreeQuery.NormalizeSpace(string.Format(CultureInfo.InvariantCulture, template, empty));
    }

    private static object?[] AllowanceOrChargeValues(XNode total, bool charge)
    {
        var t = MonetaryTotal.Of(total);
        var stated = UblX.Decimal(total.Cbc(charge ? "ChargeTotalAmount" : "AllowanceTotalAmount"));
        var (sum, count) = charge ? (t.ChargeExact, t.ChargeCount) : (t.AllowanceExact, t.AllowanceCount);
        return [sum, stated, count, stated is { } s ? (ExactDecimal.Of(s) - sum).Abs() : null];
    }

    private static object?[] BreakdownValues(XNode category, string code, bool withRate, bool full, bool ini)
    {
        var s = Sums(category, code);
        var values = new List<object?> { InvoiceIdText(category), Joined(category.Cbc("ID")) };
        if (withRate)
        {
            values.Add(s.Rate);
        }

        values.AddRange([s.ReasonText, s.ReasonCode, s.Basis]);
        if (full)
        {
            values.AddRange([s.Full.Lines, s.Full.LineCount, s.Full.AllowancesExact, s.Full.ChargesExact, s.Full.ChargeCount]);
        }

        if (ini)
        {
            values.AddRange([s.Ini.Lines, s.Ini.LineCount, s.Ini.AllowancesExact, s.Ini.ChargesExact, s.Ini.ChargeCount]);
        }

        return [.. values];
    }

    private static IEnumerable<XNode> StatusCodes(XNode line) =>
        line.Cac("BillingReference").SelectMany(static r => r.Cac("InvoiceDocumentReference")).SelectMany(static d => d.Cbc("DocumentStatusCode"));

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<XNode, string> InvoiceIdTexts = new();

    // $invoiceID as xsl:value-of writes it, once per document (every line of a large invoice may fail).
    private static string InvoiceIdText(XNode any) =>
        InvoiceIdTexts.GetValue(any.Document, static d => UblX.InvoiceRoot(d) is { } root ? Joined(root.Cbc("ID")) : string.Empty);

    private static string Joined(IEnumerable<XNode> nodes) => string.Join(" ", nodes.Select(static n => n.StringValue));

    private static string XPathString(object? value) => value switch
    {
        null => string.Empty,
        string s => s,
        bool b => b ? "true" : "false",
        int i => i.ToString(CultureInfo.InvariantCulture),
        decimal m => DecimalString(m),
        XNum x => x.IsDouble ? DoubleString(x.D) : DecimalString(x.M),
        ExactDecimal e => e.ToString(),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    // xs:decimal's canonical form: no trailing fractional zeros, no point for an integer.
    private static string DecimalString(decimal m)
    {
        var s = m.ToString(CultureInfo.InvariantCulture);
        if (TreeQuery.IndexOf(s, '.') >= 0)
        {
            s = s.TrimEnd('0').TrimEnd('.');
        }

        return s == "-0" ? "0" : s;
    }

    // xs:double's canonical form: plain digits for 1e-6 <= |d| < 1e6 (no ".0" for an integer), else d.dddE±n.
    private static string DoubleString(double d)
    {
        if (double.IsNaN(d))
        {
            return "NaN";
        }

        if (double.IsInfinity(d))
        {
            return d > 0 ? "INF" : "-INF";
        }

        var abs = Math.Abs(d);
        if (abs == 0 || (abs >= 1e-6 && abs < 1e6))
        {
            return DecimalString(decimal.Parse(d.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture));
        }

        var exponent = (int)Math.Floor(Math.Log10(abs));
        var mantissa = d / Math.Pow(10, exponent);
        var digits = mantissa.ToString("R", CultureInfo.InvariantCulture);
        return (TreeQuery.IndexOf(digits, '.') >= 0 ? digits : digits + ".0") + "E" + exponent.ToString(CultureInfo.InvariantCulture);
    }
}
