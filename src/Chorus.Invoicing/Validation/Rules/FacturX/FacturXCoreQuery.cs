using System.Text;
using Chorus.Invoicing.Validation.Internal.Tree;
using Chorus.Invoicing.Validation.Rules.Tree;

namespace Chorus.Invoicing.Validation.Rules.FacturX;

/// <summary>
/// An XPath 2.0 dynamic error met while testing a Factur-X rule (a non-numeric amount cast to <c>xs:decimal</c>, two
/// elements where the function takes one…). The official stylesheet would stop there; the rule is reported as failed
/// with the reason, as the validator has always done.
/// </summary>
internal sealed class FacturXEvalException(string message) : Exception(message);

/// <summary>
/// A relative location on the tree as the Factur-X rules write them: <c>ram:A/ram:B</c> (children of the context),
/// <c>../ram:A</c> (children of the parent), <c>/rsm:A/rsm:B</c> (from the document) or <c>//ram:A/ram:B</c> (anywhere
/// in the document), optionally ending in <c>@attribute</c>. Parsed once, when the rule table is built.
/// </summary>
internal sealed class FxPath
{
    private readonly int _up;
    private readonly bool _absolute;
    private readonly (string Ns, string Local)? _anywhere;
    private readonly ElementPath _rest;

    private FxPath(int up, bool absolute, (string, string)? anywhere, ElementPath rest)
    {
        _up = up;
        _absolute = absolute;
        _anywhere = anywhere;
        _rest = rest;
    }

    public static FxPath Of(string text)
    {
        var up = 0;
        while (text.StartsWith("../", StringComparison.Ordinal))
        {
            up++;
            text = text.Substring(3);
        }

        if (text.StartsWith("//", StringComparison.Ordinal))
        {
            var rest = text.Substring(2);
            var slash = TreeQuery.IndexOf(rest, '/');
            var first = slash < 0 ? rest : rest.Substring(0, slash);
            var colon = TreeQuery.IndexOf(first, ':');
            return new FxPath(0, true, (Ns.Of(first.Substring(0, colon)), first.Substring(colon + 1)), ElementPath.Of(slash < 0 ? string.Empty : rest.Substring(slash + 1)));
        }

        if (text.Length > 0 && text[0] == '/')
        {
            return new FxPath(0, true, null, ElementPath.Of(text.Substring(1)));
        }

        return new FxPath(up, false, null, ElementPath.Of(text));
    }

    /// <summary>The nodes selected from a context node, in document order (attribute paths: the owning elements).</summary>
    public List<XNode> Select(XNode context)
    {
        var list = new List<XNode>();
        if (_absolute)
        {
            var doc = context.Document;
            if (_anywhere is { } a)
            {
                foreach (var d in Named(doc, a.Ns, a.Local))
                {
                    list.AddRange(d.Select(_rest));
                }
            }
            else
            {
                list.AddRange(doc.Select(_rest));
            }

            return list;
        }

        XNode? start = context;
        for (var i = 0; i < _up && start is not null; i++)
        {
            start = start.Parent;
        }

        if (start is not null)
        {
            list.AddRange(start.Select(_rest));
        }

        return list;
    }

    /// <summary>The string values selected (attribute values for an attribute path).</summary>
    public List<string> Values(XNode context)
    {
        var nodes = Select(context);
        var values = new List<string>(nodes.Count);
        foreach (var n in nodes)
        {
            values.Add(_rest.Attribute is { } a ? n.Attr(a) ?? string.Empty : n.StringValue);
        }

        return values;
    }

    /// <summary>Whether the path selects anything; stops at the first node found.</summary>
    public bool Exists(XNode context)
    {
        if (_absolute)
        {
            return Select(context).Count > 0;
        }

        XNode? start = context;
        for (var i = 0; i < _up && start is not null; i++)
        {
            start = start.Parent;
        }

        return start is not null && start.Exists(_rest);
    }

    /// <summary>
    /// Every element of a name in the document, in document order (<c>//name</c>): from the index the tree builder keeps
    /// on the document node, or by a walk when there is none.
    /// </summary>
    public static IEnumerable<XNode> Named(XNode document, string ns, string local)
    {
        if (document.ElementIndex is not { } index)
        {
            return document.Descendants(ns, local);
        }

        return index.TryGetValue((ns, local), out var list) ? list : [];
    }
}

/// <summary>
/// XPath 2.0 meaning, in C#, for what the Factur-X rules use: existential comparisons, casts of untyped values to
/// <c>xs:double</c>/<c>xs:decimal</c> (with their errors), half-up <c>round</c>, code-point string lengths.
/// </summary>
internal static class FxXPath
{
    /// <summary>General comparison <c>path = 'literal'</c> (or <c>!=</c>): some selected value compares so.</summary>
    public static bool Any(XNode context, FxPath path, Func<string, bool> test)
    {
        foreach (var v in path.Values(context))
        {
            if (test(v))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>normalize-space(path)</c>: the validator's reading joins several items with a space (see XPathFunctions).</summary>
    public static string NormalizeJoined(XNode context, FxPath path) => TreeQuery.NormalizeSpace(string.Join(" ", path.Values(context)));

    /// <summary>The single string of a function argument that takes zero or one item (<c>""</c> when empty).</summary>
    public static string One(XNode context, FxPath path)
    {
        var values = path.Values(context);
        return values.Count switch
        {
            0 => string.Empty,
            1 => values[0],
            _ => throw new FacturXEvalException("XPTY0004: a sequence of more than one item is not allowed here"),
        };
    }

    /// <summary><c>string-length(substring-after(path,'.')) &lt;= 2</c>: at most two characters after the first point.</summary>
    public static bool AtMostTwoDecimals(string value)
    {
        var dot = TreeQuery.IndexOf(value, '.');
        return dot < 0 || CodePoints(value.Substring(dot + 1)) <= 2;
    }

    public static int CodePoints(string s)
    {
        var n = 0;
        foreach (var c in s)
        {
            n += char.IsLowSurrogate(c) ? 0 : 1;
        }

        return n;
    }

    /// <summary><c>xs:decimal(path)</c>: null when the path selects nothing; an error for several items or a non-decimal.</summary>
    public static decimal? Decimal(XNode context, FxPath path)
    {
        var values = path.Values(context);
        return values.Count switch
        {
            0 => null,
            1 => ParseDecimal(values[0]),
            _ => throw new FacturXEvalException("XPTY0004: a sequence of more than one item is not allowed as the argument of xs:decimal()"),
        };
    }

    /// <summary><c>xs:decimal(path[1])</c> or <c>xs:decimal((path)[1])</c>: the first selected node only.</summary>
    public static decimal? FirstDecimal(XNode context, FxPath path)
    {
        var values = path.Values(context);
        return values.Count == 0 ? null : ParseDecimal(values[0]);
    }

    public static decimal ParseDecimal(string text) =>
        TreeQuery.TryDecimal(text, out var d) ? d : throw new FacturXEvalException($"FORG0001: '{Short(text)}' is not a valid xs:decimal");

    /// <summary>An untyped value used as a number (arithmetic, comparison with a number, <c>sum</c>): <c>xs:double</c>.</summary>
    public static double ParseDouble(string text) =>
        TreeQuery.TryDouble(text, out var d) ? d : throw new FacturXEvalException($"FORG0001: '{Short(text)}' is not a valid xs:double");

    /// <summary><c>number(path)</c>: NaN unless exactly one item that reads as a double.</summary>
    public static double Number(XNode context, FxPath path)
    {
        var values = path.Values(context);
        if (values.Count != 1)
        {
            return double.NaN;
        }

        try
        {
            return ParseDouble(values[0]);
        }
        catch (FacturXEvalException)
        {
            return double.NaN;
        }
    }

    /// <summary>
    /// <c>sum(path)</c> over untyped values: doubles added in document order; null stands for the empty sum, which is the
    /// integer 0 (a decimal, so arithmetic on it stays decimal).
    /// </summary>
    public static double? Sum(XNode context, FxPath path)
    {
        var values = path.Values(context);
        if (values.Count == 0)
        {
            return null;
        }

        double sum = 0;
        foreach (var v in values)
        {
            sum += ParseDouble(v);
        }

        return sum;
    }

    /// <summary>
    /// General comparison of untyped values with a number: some value, read as a double, compares so. A NaN never does
    /// unless <paramref name="nanCounts"/> hands it to the test (ordering comparisons, see NotNegative).
    /// </summary>
    public static bool AnyNumber(List<string> values, Func<double, bool> test, bool nanCounts = false)
    {
        foreach (var v in values)
        {
            var d = ParseDouble(v);
            if ((nanCounts || !double.IsNaN(d)) && test(d))
            {
                return true;
            }
        }

        return false;
    }

    public static decimal Round(decimal x) => Math.Floor(x + 0.5m);

    public static double Round(double x) => Math.Floor(x + 0.5);

    /// <summary>Decimal arithmetic; an overflow is XPath's FOAR0002.</summary>
    public static decimal Checked(Func<decimal> f)
    {
        try
        {
            return f();
        }
        catch (OverflowException)
        {
            throw new FacturXEvalException("FOAR0002: numeric overflow");
        }
    }

    /// <summary>
    /// <c>xs:decimal(double)</c> as Saxon does it: the exact binary value of the double (Java's <c>new BigDecimal(double)</c>),
    /// kept to 28 significant digits.
    /// </summary>
    public static decimal DoubleToDecimal(double d) =>
        XPathCasts.DoubleToDecimal(d, out var value) is { } error ? throw new FacturXEvalException(error) : value;

    // The error messages quote at most 40 characters of the value.
    private static string Short(string s) => s.Length > 40 ? new StringBuilder(s, 0, 40, 41).Append('…').ToString() : s;
}
