using System.Globalization;
using Chorus.Invoicing.Validation.Internal.Tree;
using Chorus.Invoicing.Validation.Rules.FacturX;
using Chorus.Invoicing.Validation.Rules.Tree;

namespace Chorus.Invoicing.Validation.Rules.ExtendedCtcFr;

/// <summary>
/// An XPath number as the profile's tests produce it: <c>xs:decimal</c> (casts, the empty <c>sum</c>) or <c>xs:double</c>
/// (<c>sum</c> of untyped amounts). Arithmetic mixing the two is done in xs:double, as XPath promotes.
/// </summary>
internal readonly record struct XNum(decimal M, double D, bool IsDouble)
{
    public static XNum Dec(decimal m) => new(m, 0, false);

    public static XNum Dbl(double d) => new(0, d, true);

    public double AsDouble => IsDouble ? D : ToDouble(M);

    public static XNum operator -(XNum a, XNum b) => a.IsDouble || b.IsDouble ? Dbl(a.AsDouble - b.AsDouble) : Dec(a.M - b.M);

    public static XNum operator +(XNum a, XNum b) => a.IsDouble || b.IsDouble ? Dbl(a.AsDouble + b.AsDouble) : Dec(a.M + b.M);

    public XNum Abs() => IsDouble ? Dbl(Math.Abs(D)) : Dec(Math.Abs(M));

    /// <summary><c>round(. * 100) div 100</c>: half up, in the operand's type.</summary>
    public XNum Round2() => IsDouble ? Dbl(Fx.Round(D * 100) / 100) : Dec(Fx.Round(M * 100) / 100);

    /// <summary><c>. le $limit</c> with a decimal limit (promoted to xs:double against a double; NaN never holds).</summary>
    public bool Le(decimal limit) => IsDouble ? D <= ToDouble(limit) : M <= limit;

    // xs:double(xs:decimal) is the nearest double, as parsing the decimal's digits gives.
    private static double ToDouble(decimal m) => double.Parse(m.ToString(CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);
}

/// <summary>The XPath steps of the UBL profile rules, with XPath 2.0's meaning (dynamic errors thrown as <see cref="FxEvalException"/>).</summary>
internal static class UblX
{
    public static IEnumerable<XNode> Cac(this XNode node, string local) => node.Elements(Ns.Cac, local);

    public static IEnumerable<XNode> Cbc(this XNode node, string local) => node.Elements(Ns.Cbc, local);

    public static bool HasCac(this XNode node, string local) => node.Element(Ns.Cac, local) is not null;

    public static bool HasCbc(this XNode node, string local) => node.Element(Ns.Cbc, local) is not null;

    public static bool Is(this XNode node, string ns, string local) => node.Kind == XNodeKind.Element && node.LocalName == local && node.NamespaceUri == ns;

    public static bool ParentIs(this XNode node, string ns, string local) => node.Parent is { } p && p.Is(ns, local);

    /// <summary>The document element when it is ubl:Invoice or cn:CreditNote (what <c>/ubl:Invoice|/cn:CreditNote</c> selects).</summary>
    public static XNode? InvoiceRoot(XNode any) =>
        any.Document.DocumentElement() is { } r && (r.Is(Ns.UblInvoice, "Invoice") || r.Is(Ns.UblCreditNote, "CreditNote")) ? r : null;

    // Per document: the rules on each line need $invoiceID, and the document element's children are the lines too.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<XNode, HashSet<string>> InvoiceIdCache = new();

    /// <summary><c>$invoiceID</c>: the values of <c>(/ubl:Invoice|/cn:CreditNote)/cbc:ID</c> (do not modify: shared by the document's rules).</summary>
    public static HashSet<string> InvoiceIds(XNode any) => InvoiceIdCache.GetValue(any.Document, static d => ReadInvoiceIds(d));

    private static HashSet<string> ReadInvoiceIds(XNode any)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        if (InvoiceRoot(any) is { } root)
        {
            foreach (var id in root.Cbc("ID"))
            {
                ids.Add(id.StringValue);
            }
        }

        return ids;
    }

    /// <summary>Every <c>cac:InvoiceLine</c> and <c>cac:CreditNoteLine</c> of the document, in document order (<c>//cac:InvoiceLine|//cac:CreditNoteLine</c>; do not modify: shared by the document's rules).</summary>
    public static List<XNode> AllLines(XNode any) => AllLinesCache.GetValue(any.Document, static doc =>
    {
        var lines = Named(doc, "InvoiceLine").Concat(Named(doc, "CreditNoteLine")).ToList();
        lines.Sort(static (a, b) => a.Order.CompareTo(b.Order));
        return lines;
    });

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<XNode, List<XNode>> AllLinesCache = new();

    // //cac:local from the document's element index (one pass over the document for all rules), else a walk.
    private static IEnumerable<XNode> Named(XNode doc, string local) =>
        doc.ElementIndex is { } index
            ? index.TryGetValue((Ns.Cac, local), out var list) ? list.Cast<XNode>() : []
            : doc.Descendants(Ns.Cac, local);

    /// <summary><c>cac:InvoiceLine | cac:CreditNoteLine</c> children of a node.</summary>
    public static IEnumerable<XNode> LinesOf(XNode parent) =>
        parent.Elements().Where(static e => e.Is(Ns.Cac, "InvoiceLine") || e.Is(Ns.Cac, "CreditNoteLine"));

    /// <summary><c>cac:BillingReference[cac:InvoiceDocumentReference/cbc:ID = $invoiceID]</c>: the line's references to this invoice.</summary>
    public static IEnumerable<XNode> OwnReferences(XNode line, HashSet<string> invoiceIds) =>
        line.Cac("BillingReference").Where(r => r.Cac("InvoiceDocumentReference").SelectMany(static d => d.Cbc("ID")).Any(i => invoiceIds.Contains(i.StringValue)));

    /// <summary>The sub-line codes of the line's references to this invoice (<c>…[ID = $invoiceID]/cac:InvoiceDocumentReference/cbc:DocumentStatusCode</c>).</summary>
    public static IEnumerable<XNode> OwnStatusCodes(XNode line, HashSet<string> invoiceIds) =>
        OwnReferences(line, invoiceIds).SelectMany(static r => r.Cac("InvoiceDocumentReference")).SelectMany(static d => d.Cbc("DocumentStatusCode"));

    /// <summary>
    /// The lines the totals count (M11's <c>$lineInCalul</c>): no reference to this invoice, or a reference to it with
    /// sub-line code DETAIL.
    /// </summary>
    public static bool CountsInTotals(XNode line, HashSet<string> invoiceIds) =>
        !OwnReferences(line, invoiceIds).Any() || OwnStatusCodes(line, invoiceIds).Any(static c => c.StringValue == "DETAIL");

    /// <summary>
    /// <c>cbc:ChargeIndicator = true()/false()</c>: each indicator cast to xs:boolean (an error when it is not one),
    /// existential.
    /// </summary>
    public static bool ChargeIs(XNode allowanceCharge, bool charge)
    {
        foreach (var c in allowanceCharge.Cbc("ChargeIndicator"))
        {
            var value = c.StringValue.Trim() switch
            {
                "true" or "1" => true,
                "false" or "0" => false,
                _ => throw new FxEvalException($"FORG0001: '{Fx.Short(c.StringValue)}' is not a valid xs:boolean"),
            };
            if (value == charge)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>normalize-space(nodes)</c>: "" for none, an error for several.</summary>
    public static string Normalized(IEnumerable<XNode> nodes)
    {
        XNode? one = null;
        foreach (var n in nodes)
        {
            if (one is not null)
            {
                throw new FxEvalException("XPTY0004: a sequence of more than one item is not allowed as the argument of normalize-space()");
            }

            one = n;
        }

        return one is null ? string.Empty : TreeQuery.NormalizeSpace(one.StringValue);
    }

    /// <summary><c>xs:decimal(nodes)</c>: null for none (the empty sequence), an error for several or a non-number.</summary>
    public static decimal? Decimal(IEnumerable<XNode> nodes)
    {
        XNode? one = null;
        foreach (var n in nodes)
        {
            if (one is not null)
            {
                throw new FxEvalException("XPTY0004: a sequence of more than one item is not allowed as the argument of xs:decimal()");
            }

            one = n;
        }

        return one is null ? null : Fx.ParseDecimal(one.StringValue);
    }

    /// <summary><c>round(sum(nodes) * 100) div 100</c> of untyped amounts: xs:double, or the integer 0 when nothing is summed.</summary>
    public static XNum RoundedSum(IEnumerable<XNode> nodes)
    {
        var (isDouble, d, _) = Fx.SumUntyped(nodes);
        return isDouble ? XNum.Dbl(d).Round2() : XNum.Dec(0);
    }

    /// <summary><c>xs:decimal(round(sum(nodes) * 100) div 100)</c>.</summary>
    public static decimal RoundedDecimalSum(IEnumerable<XNode> nodes) => Fx.RoundedSumUntyped(nodes, tenTimesTen: false);

    /// <summary><see cref="RoundedDecimalSum"/> with every digit of the double it is cast from (what messages show).</summary>
    public static ExactDecimal ExactRoundedDecimalSum(IEnumerable<XNode> nodes)
    {
        var (isDouble, d, _) = Fx.SumUntyped(nodes);
        return isDouble ? ExactDecimal.Of(XNum.Dbl(d).Round2().D) : ExactDecimal.Of(0m);
    }

    /// <summary><c>not(contains(normalize-space(v), ' ')) and contains(' list ', concat(' ', normalize-space(v), ' '))</c>.</summary>
    public static bool InList(HashSet<string> list, string value)
    {
        var v = TreeQuery.NormalizeSpace(value);
        return v.Length > 0 && TreeQuery.IndexOf(v, ' ') < 0 && list.Contains(v);
    }

    public static HashSet<string> List(string spaced) => new(spaced.Split([' '], StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);

    /// <summary><c>cac:TaxScheme/normalize-space(upper-case(cbc:ID)) = 'VAT'</c> (existential over the tax schemes).</summary>
    public static bool VatScheme(XNode category) =>
        category.Cac("TaxScheme").Any(static s => string.Equals(Normalized(s.Cbc("ID")).ToUpperInvariant(), "VAT", StringComparison.Ordinal));
}

/// <summary>
/// An exact decimal for the values messages show: Saxon's <c>xs:decimal(xs:double)</c> keeps every digit of the binary
/// value (0.2 is 0.200000000000000011102230246251565404236316680908203125), more than <see cref="decimal"/> holds.
/// </summary>
internal readonly record struct ExactDecimal(System.Numerics.BigInteger Unscaled, int Scale)
{
    public static ExactDecimal Of(decimal m)
    {
        var bits = decimal.GetBits(m);
        var magnitude = (new System.Numerics.BigInteger((uint)bits[2]) << 64) | (new System.Numerics.BigInteger((uint)bits[1]) << 32) | new System.Numerics.BigInteger((uint)bits[0]);
        return new(bits[3] < 0 ? -magnitude : magnitude, (bits[3] >> 16) & 0xFF);
    }

    /// <summary>The exact value of a finite double (<see cref="Tree.XPathCasts.Exact"/>).</summary>
    public static ExactDecimal Of(double d)
    {
        var (unscaled, scale) = Tree.XPathCasts.Exact(d);
        return new(unscaled, scale);
    }

    public static ExactDecimal operator -(ExactDecimal a, ExactDecimal b)
    {
        var scale = Math.Max(a.Scale, b.Scale);
        return new(a.Unscaled * System.Numerics.BigInteger.Pow(10, scale - a.Scale) - (b.Unscaled * System.Numerics.BigInteger.Pow(10, scale - b.Scale)), scale);
    }

    public ExactDecimal Abs() => new(System.Numerics.BigInteger.Abs(Unscaled), Scale);

    /// <summary>xs:decimal's canonical form: no trailing fractional zeros, no point for an integer.</summary>
    public override string ToString()
    {
        var digits = System.Numerics.BigInteger.Abs(Unscaled).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (Scale > 0)
        {
            digits = digits.PadLeft(Scale + 1, '0');
            digits = digits.Insert(digits.Length - Scale, ".").TrimEnd('0').TrimEnd('.');
        }

        return Unscaled.Sign < 0 && digits != "0" ? "-" + digits : digits;
    }
}
