using System.Globalization;
using System.Text;
using Chorus.Invoicing.Validation.Internal.Tree;

namespace Chorus.Invoicing.Validation.Rules.Tree;

/// <summary>The namespaces the rules name, by their conventional prefixes.</summary>
internal static class Ns
{
    public const string Cbc = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";
    public const string Cac = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";
    public const string Ext = "urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2";
    public const string UblInvoice = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
    public const string UblCreditNote = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2";
    public const string Rsm = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100";
    public const string Ram = "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100";
    public const string Udt = "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100";
    public const string Qdt = "urn:un:unece:uncefact:data:standard:QualifiedDataType:100";

    /// <summary>The namespace of a conventional prefix (<c>cbc</c>, <c>cac</c>, <c>ext</c>, <c>rsm</c>, <c>ram</c>, <c>udt</c>, <c>qdt</c>).</summary>
    public static string Of(string prefix) => prefix switch
    {
        "cbc" => Cbc,
        "cac" => Cac,
        "ext" => Ext,
        "rsm" => Rsm,
        "ram" => Ram,
        "udt" => Udt,
        "qdt" => Qdt,
        _ => throw new ArgumentException("unknown prefix " + prefix, nameof(prefix)),
    };
}

/// <summary>
/// A relative child path such as <c>ram:SpecifiedTradeProduct/ram:Name</c> (optionally ending in <c>@attribute</c>),
/// parsed once: rules declare their paths as static fields and walk them without allocating per document.
/// </summary>
internal sealed class ElementPath
{
    private ElementPath(string text, (string Ns, string Local)[] steps, string? attribute)
    {
        Text = text;
        Steps = steps;
        Attribute = attribute;
    }

    /// <summary>The path as written.</summary>
    public string Text { get; }

    /// <summary>The element steps.</summary>
    public (string Ns, string Local)[] Steps { get; }

    /// <summary>The final attribute step's local name (no namespace), or null.</summary>
    public string? Attribute { get; }

    /// <summary>Parses <c>pfx:A/pfx:B[/@attr]</c>; an empty string is the context node itself.</summary>
    public static ElementPath Of(string path)
    {
        var parts = path.Length == 0 ? [] : path.Split('/');
        string? attribute = null;
        var count = parts.Length;
        if (count > 0 && parts[count - 1].Length > 0 && parts[count - 1][0] == '@')
        {
            attribute = string.Intern(parts[count - 1].Substring(1));
            count--;
        }

        var steps = new (string, string)[count];
        for (var i = 0; i < count; i++)
        {
            var colon = TreeQuery.IndexOf(parts[i], ':');
            // Interned: the tree's names are the same instances (SchemaCatalog), so matching a step ends at the reference check.
            steps[i] = (Ns.Of(parts[i].Substring(0, colon)), string.Intern(parts[i].Substring(colon + 1)));
        }

        return new ElementPath(path, steps, attribute);
    }

    /// <inheritdoc/>
    public override string ToString() => Text;
}

/// <summary>
/// Navigation on the validator's tree for rules written in C#, with XPath's meaning: a string value is the concatenated
/// descendant text, <c>normalize-space</c>, <c>xs:decimal</c> and <c>number()</c> casts follow XPath 2.0.
/// </summary>
internal static class TreeQuery
{
    /// <summary>The document element of a document node (or the node itself when it is an element).</summary>
    public static XNode? DocumentElement(this XNode node)
    {
        var doc = node.Document;
        foreach (var c in doc.Children)
        {
            if (c.Kind == XNodeKind.Element)
            {
                return c;
            }
        }

        return null;
    }

    /// <summary>The element children with an expanded name.</summary>
    public static IEnumerable<XNode> Elements(this XNode node, string ns, string local)
    {
        foreach (var c in node.Children)
        {
            if (c.Kind == XNodeKind.Element && c.LocalName == local && c.NamespaceUri == ns)
            {
                yield return c;
            }
        }
    }

    /// <summary>The first element child with an expanded name, or null.</summary>
    public static XNode? Element(this XNode node, string ns, string local)
    {
        foreach (var c in node.Children)
        {
            if (c.Kind == XNodeKind.Element && c.LocalName == local && c.NamespaceUri == ns)
            {
                return c;
            }
        }

        return null;
    }

    /// <summary>The element children, whatever their name.</summary>
    public static IEnumerable<XNode> Elements(this XNode node)
    {
        foreach (var c in node.Children)
        {
            if (c.Kind == XNodeKind.Element)
            {
                yield return c;
            }
        }
    }

    /// <summary>Every element the path selects below the node, in document order (attribute step: the owning elements that carry it).</summary>
    public static IEnumerable<XNode> Select(this XNode node, ElementPath path)
    {
        var list = new List<XNode>();
        Collect(node, path, 0, list);
        return list;
    }

    /// <summary>The first element the path selects, or null.</summary>
    public static XNode? First(this XNode node, ElementPath path) => FirstAt(node, path, 0);

    /// <summary>Whether the path selects anything (XPath's <c>boolean(path)</c> / <c>exists(path)</c>).</summary>
    public static bool Exists(this XNode node, ElementPath path) => FirstAt(node, path, 0) is not null;

    /// <summary>How many nodes the path selects (XPath's <c>count(path)</c>).</summary>
    public static int Count(this XNode node, ElementPath path) => CountAt(node, path, 0);

    /// <summary>The string values of what the path selects (attribute values when it ends in an attribute).</summary>
    public static IEnumerable<string> Values(this XNode node, ElementPath path)
    {
        foreach (var n in node.Select(path))
        {
            yield return path.Attribute is { } a ? n.Attr(a) ?? string.Empty : n.StringValue;
        }
    }

    /// <summary>The string value of the first node the path selects, or null when it selects nothing.</summary>
    public static string? Value(this XNode node, ElementPath path)
    {
        var n = node.First(path);
        return n is null ? null : path.Attribute is { } a ? n.Attr(a) : n.StringValue;
    }

    /// <summary>An attribute without namespace, or null.</summary>
    public static string? Attr(this XNode node, string local)
    {
        foreach (var a in node.Attributes)
        {
            if (a.LocalName == local && a.NamespaceUri.Length == 0)
            {
                return a.Value ?? string.Empty;
            }
        }

        return null;
    }

    /// <summary>The attribute node without namespace, or null (a problem location on the attribute).</summary>
    public static XNode? AttrNode(this XNode node, string local)
    {
        foreach (var a in node.Attributes)
        {
            if (a.LocalName == local && a.NamespaceUri.Length == 0)
            {
                return a;
            }
        }

        return null;
    }

    /// <summary>Every descendant element with an expanded name, in document order (XPath's <c>.//name</c>).</summary>
    public static IEnumerable<XNode> Descendants(this XNode node, string ns, string local)
    {
        // Collected into one list: nested iterators cost an allocation per element and per level of depth.
        var list = new List<XNode>();
        CollectDescendants(node, ns, local, list);
        return list;
    }

    private static void CollectDescendants(XNode node, string ns, string local, List<XNode> into)
    {
        foreach (var c in node.Children)
        {
            if (c.Kind != XNodeKind.Element)
            {
                continue;
            }

            if (c.LocalName == local && c.NamespaceUri == ns)
            {
                into.Add(c);
            }

            CollectDescendants(c, ns, local, into);
        }
    }

    /// <summary>XPath's <c>normalize-space</c>: trims and collapses runs of space, tab, CR and LF.</summary>
    public static string NormalizeSpace(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var v = value!;
        var clean = true;
        for (var i = 0; i < v.Length; i++)
        {
            var c = v[i];
            if (IsSpace(c) && (c != ' ' || i == 0 || i == v.Length - 1 || v[i + 1] == ' ' || IsSpace(v[i + 1])))
            {
                clean = false;
                break;
            }
        }

        if (clean)
        {
            return v;
        }

        var sb = new StringBuilder(v.Length);
        var pendingSpace = false;
        foreach (var c in v)
        {
            if (IsSpace(c))
            {
                pendingSpace = sb.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                sb.Append(' ');
                pendingSpace = false;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    /// <summary>XPath's <c>xs:decimal(value)</c> cast: optional sign, digits with an optional point, surrounding whitespace allowed; no exponent.</summary>
    public static bool TryDecimal(string? value, out decimal result)
    {
        result = 0;
        if (value is null)
        {
            return false;
        }

        var s = value.Trim(' ', '\t', '\r', '\n');
        if (s.Length == 0)
        {
            return false;
        }

        var digits = 0;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c is >= '0' and <= '9')
            {
                digits++;
            }
            else if (!((c is '+' or '-') && i == 0) && c != '.')
            {
                return false;
            }
        }

        return digits > 0 && CountOf(s, '.') <= 1 &&
               decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out result);
    }

    /// <summary>XPath's <c>number(value)</c>: the xs:double cast, or NaN when it fails.</summary>
    public static double Number(string? value) => value is not null && TryDouble(value, out var d) ? d : double.NaN;

    /// <summary>
    /// The <c>xs:double</c> cast of an untyped value (arithmetic, comparison with a number, <c>sum</c>): surrounding XML
    /// space allowed, <c>INF</c>/<c>-INF</c>/<c>NaN</c> spelled out, no comma and no other letter than an exponent's;
    /// false where XPath raises FORG0001.
    /// </summary>
    public static bool TryDouble(string text, out double value)
    {
        var t = text.Trim(' ', '\t', '\r', '\n');
        switch (t)
        {
            case "INF" or "+INF":
                value = double.PositiveInfinity;
                return true;
            case "-INF":
                value = double.NegativeInfinity;
                return true;
            case "NaN":
                value = double.NaN;
                return true;
        }

        // Letters .NET would read as infinity or NaN, and the group separator, are not in an xs:double literal.
        foreach (var c in t)
        {
            if (c is 'I' or 'N' or 'i' or 'n' or ',')
            {
                value = 0;
                return false;
            }
        }

        return double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && t.Length > 0;
    }

    /// <summary>Adds a problem located at a node.</summary>
    public static void Report(this List<ValidationProblem> problems, string id, bool fatal, string message, XNode node) =>
        problems.Add(new ValidationProblem(id, fatal ? ValidationSeverity.Fatal : ValidationSeverity.Warning, message, node.Path()));

    internal static int IndexOf(string s, char c)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == c)
            {
                return i;
            }
        }

        return -1;
    }

    private static int CountOf(string s, char c)
    {
        var n = 0;
        foreach (var x in s)
        {
            n += x == c ? 1 : 0;
        }

        return n;
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\r' or '\n';

    private static XNode? FirstAt(XNode node, ElementPath path, int step)
    {
        if (step == path.Steps.Length)
        {
            return path.Attribute is null || node.Attr(path.Attribute) is not null ? node : null;
        }

        var (ns, local) = path.Steps[step];
        foreach (var c in node.Children)
        {
            if (c.Kind == XNodeKind.Element && c.LocalName == local && c.NamespaceUri == ns && FirstAt(c, path, step + 1) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    // The number of nodes Collect would gather (distinct: child steps from one node reach each node once), without the list.
    private static int CountAt(XNode node, ElementPath path, int step)
    {
        if (step == path.Steps.Length)
        {
            return path.Attribute is null || node.Attr(path.Attribute) is not null ? 1 : 0;
        }

        var (ns, local) = path.Steps[step];
        var n = 0;
        foreach (var c in node.Children)
        {
            if (c.Kind == XNodeKind.Element && c.LocalName == local && c.NamespaceUri == ns)
            {
                n += CountAt(c, path, step + 1);
            }
        }

        return n;
    }

    private static void Collect(XNode node, ElementPath path, int step, List<XNode> into)
    {
        if (step == path.Steps.Length)
        {
            if (path.Attribute is null || node.Attr(path.Attribute) is not null)
            {
                into.Add(node);
            }

            return;
        }

        var (ns, local) = path.Steps[step];
        foreach (var c in node.Children)
        {
            if (c.Kind == XNodeKind.Element && c.LocalName == local && c.NamespaceUri == ns)
            {
                Collect(c, path, step + 1, into);
            }
        }
    }
}
