using Chorus.Invoicing.Validation.Internal.Tree;
using Chorus.Invoicing.Validation.Rules.Tree;

namespace Chorus.Invoicing.Validation.Rules.FacturX;

/// <summary>
/// One document as the Factur-X rules read it: the elements of each name in document order (what <c>//ram:Name</c>
/// selects), indexed in one pass so that the many <c>//</c> steps of the official tests cost a lookup.
/// </summary>
internal sealed class FxDoc
{
    private static readonly List<XNode> None = [];
    private readonly Dictionary<(string Ns, string Local), List<XNode>> _byName = [];

    public FxDoc(XNode document)
    {
        Document = document;
        var root = document.DocumentElement();
        Root = root is { LocalName: "CrossIndustryInvoice", NamespaceUri: Ns.Rsm } ? root : null;
        if (root is not null)
        {
            Index(root);
        }
    }

    public XNode Document { get; }

    /// <summary>The document element when it is <c>rsm:CrossIndustryInvoice</c> (what absolute paths start from), else null.</summary>
    public XNode? Root { get; }

    /// <summary><c>//ram:local</c>: every element of that name, in document order.</summary>
    public List<XNode> All(string local) => All(Ns.Ram, local);

    /// <summary><c>//pfx:local</c> for any namespace.</summary>
    public List<XNode> All(string ns, string local) => _byName.TryGetValue((ns, local), out var list) ? list : None;

    /// <summary><c>/rsm:CrossIndustryInvoice/path</c>.</summary>
    public IEnumerable<XNode> FromRoot(ElementPath path) => Root is null ? [] : Root.Select(path);

    /// <summary><c>exists(/rsm:CrossIndustryInvoice/path)</c>.</summary>
    public bool ExistsFromRoot(ElementPath path) => Root is not null && Root.Exists(path);

    private void Index(XNode node)
    {
        var key = (node.NamespaceUri, node.LocalName);
        if (!_byName.TryGetValue(key, out var list))
        {
            _byName[key] = list = [];
        }

        list.Add(node);
        foreach (var c in node.Children)
        {
            if (c.Kind == XNodeKind.Element)
            {
                Index(c);
            }
        }
    }
}

/// <summary>
/// XPath 2.0's meaning for the few constructs the official tests use, on untyped data: general comparisons are
/// existential and cast untyped values to xs:double (a non-number is a dynamic error), <c>xs:decimal()</c> of a
/// non-number is a dynamic error, <c>round</c> is half up, a value comparison or arithmetic on several items is an error.
/// Dynamic errors are thrown as <see cref="FxEvalException"/> with the reason the interpreter gives.
/// </summary>
internal static class Fx
{
    public const string Ram = Ns.Ram;

    /// <summary>The ram children of a node with a local name.</summary>
    public static IEnumerable<XNode> Kids(this XNode node, string local) => node.Elements(Ram, local);

    /// <summary><c>exists(ram:local)</c>.</summary>
    public static bool Has(this XNode node, string local) => node.Element(Ram, local) is not null;

    /// <summary><c>ram:local = 'value'</c>: some child of that name has exactly that string value.</summary>
    public static bool HasValue(this XNode node, string local, string value)
    {
        foreach (var c in node.Kids(local))
        {
            if (c.StringValue == value)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The parent element (<c>..</c>).</summary>
    public static XNode Up(this XNode node) => node.Parent!;

    /// <summary>Whether a node's parent is an element of a ram local name.</summary>
    public static bool ParentIs(this XNode node, string local) => node.Parent is { Kind: XNodeKind.Element } p && p.LocalName == local && p.NamespaceUri == Ram;

    /// <summary>Whether a node's parent is an element of a namespace and local name.</summary>
    public static bool ParentIs(this XNode node, string ns, string local) => node.Parent is { Kind: XNodeKind.Element } p && p.LocalName == local && p.NamespaceUri == ns;

    /// <summary>xs:double(untyped), as the interpreter casts it: INF/NaN spelled out, no comma, otherwise FORG0001.</summary>
    public static double ParseDouble(string text) =>
        TreeQuery.TryDouble(text, out var d) ? d : throw new FxEvalException($"FORG0001: '{Short(text)}' is not a valid xs:double");

    /// <summary><c>number(string)</c>: the xs:double cast, NaN when it fails.</summary>
    public static double NumberOf(string text) => TreeQuery.Number(text);

    /// <summary>xs:decimal(untyped): optional sign, digits with an optional point; otherwise FORG0001.</summary>
    public static decimal ParseDecimal(string text)
    {
        if (!TreeQuery.TryDecimal(text, out var d))
        {
            throw new FxEvalException($"FORG0001: '{Short(text)}' is not a valid xs:decimal");
        }

        return d;
    }

    /// <summary><c>xs:decimal(ram:local)</c> on a node: null when absent, an error when repeated or not a number.</summary>
    public static decimal? DecimalOf(this XNode node, string local)
    {
        XNode? found = null;
        foreach (var c in node.Kids(local))
        {
            if (found is not null)
            {
                throw new FxEvalException("XPTY0004: a sequence of more than one item is not allowed as the argument of xs:decimal()");
            }

            found = c;
        }

        return found is null ? null : ParseDecimal(found.StringValue);
    }

    /// <summary><c>xs:decimal(ram:local[1])</c>: the first child of that name, null when there is none.</summary>
    public static decimal? FirstDecimalOf(this XNode node, string local) =>
        node.Element(Ram, local) is { } c ? ParseDecimal(c.StringValue) : null;

    /// <summary>
    /// A general comparison of untyped nodes with a number (<c>ram:X = 0</c>, <c>ram:X &gt; 0</c>): existential, in
    /// document order, each value cast to xs:double (an error stops the comparison unless an earlier pair held).
    /// </summary>
    public static bool CompareAny(IEnumerable<XNode> nodes, string op, double number)
    {
        foreach (var n in nodes)
        {
            if (Holds(ParseDouble(n.StringValue), op, number))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A comparison of two doubles with XPath's NaN rule (only <c>!=</c> holds).</summary>
    public static bool Holds(double x, string op, double y)
    {
        if (double.IsNaN(x) || double.IsNaN(y))
        {
            return op == "!=";
        }

        var r = x.CompareTo(y);
        return op switch
        {
            "=" => r == 0,
            "!=" => r != 0,
            "<" => r < 0,
            "<=" => r <= 0,
            ">" => r > 0,
            _ => r >= 0,
        };
    }

    /// <summary>XPath's <c>round</c> on xs:decimal: half up (towards positive infinity).</summary>
    public static decimal Round(decimal d) => Math.Floor(d + 0.5m);

    /// <summary>XPath's <c>round</c> on xs:double.</summary>
    public static double Round(double d) => Math.Floor(d + 0.5);

    /// <summary>
    /// xs:decimal(xs:double) as Saxon does it: the exact binary value of the double (Java's <c>new BigDecimal(double)</c>),
    /// kept to 28 significant digits (the interpreter's rule, so that sums of untyped amounts compare the same way).
    /// </summary>
    public static decimal DoubleToDecimal(double d) =>
        XPathCasts.DoubleToDecimal(d, out var value) is { } error ? throw new FxEvalException(error) : value;

    /// <summary>
    /// <c>sum()</c> of untyped nodes: each cast to xs:double (an error when not a number); the empty sum is the integer 0
    /// (kept as a decimal, as the interpreter does).
    /// </summary>
    public static (bool IsDouble, double D, decimal M) SumUntyped(IEnumerable<XNode> nodes)
    {
        var any = false;
        double sum = 0;
        foreach (var n in nodes)
        {
            any = true;
            sum += ParseDouble(n.StringValue);
        }

        return any ? (true, sum, 0m) : (false, 0, 0m);
    }

    /// <summary>
    /// <c>xs:decimal(round(sum(nodes) * 10 * 10) div 100)</c>, or <c>* 100</c> when <paramref name="tenTimesTen"/> is
    /// false (the two differ in xs:double): exact when nothing is summed (the integer 0), via the double otherwise.
    /// </summary>
    public static decimal RoundedSumUntyped(IEnumerable<XNode> nodes, bool tenTimesTen)
    {
        var (isDouble, d, m) = SumUntyped(nodes);
        if (!isDouble)
        {
            return Round(m * 100) / 100;
        }

        var scaled = tenTimesTen ? d * 10 * 10 : d * 100;
        return DoubleToDecimal(Round(scaled) / 100);
    }

    /// <summary><c>round(sum(decimals) * 100) div 100</c> on xs:decimal values.</summary>
    public static decimal RoundedSum(IEnumerable<decimal> values)
    {
        decimal sum = 0;
        foreach (var v in values)
        {
            sum += v;
        }

        return Round(sum * 100) / 100;
    }

    public static string Short(string s) => s.Length > 40 ? s.Remove(40) + "…" : s;
}
