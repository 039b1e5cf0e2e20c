using Chorus.Invoicing.Validation.Internal.Tree;
using Chorus.Invoicing.Validation.Rules.Tree;

namespace Chorus.Invoicing.Validation.Rules.Bindings;

/// <summary>
/// Context tests and value helpers for the rules on the tree, with XPath's meaning: string values compared exactly
/// (general comparisons are existential), <c>normalize-space</c> of several nodes joins them with a space (what the
/// validator's schematron interpreter does where the official stylesheet would abort).
/// </summary>
internal static class TreeMatch
{
    /// <summary>
    /// Elements at one of the paths: <c>/a/b</c> anchored at the document, <c>//a/b</c> anywhere (a relative path as a
    /// schematron context means the same); prefixes as <see cref="Ns.Of"/> plus <c>ubl</c> and <c>cn</c>.
    /// </summary>
    public static TreeContextTest Path(params string[] paths)
    {
        var compiled = new (bool Anchored, (string Ns, string Local)[] Steps)[paths.Length];
        for (var i = 0; i < paths.Length; i++)
        {
            var p = paths[i];
            var anchored = p.Length > 1 && p[0] == '/' && p[1] != '/';
            var parts = p.TrimStart('/').Split('/');
            var steps = new (string, string)[parts.Length];
            for (var j = 0; j < parts.Length; j++)
            {
                var colon = TreeQuery.IndexOf(parts[j], ':');
                steps[j] = (Namespace(parts[j].Substring(0, colon)), string.Intern(parts[j].Substring(colon + 1)));
            }

            compiled[i] = (anchored, steps);
        }

        var lasts = compiled.Select(static c => c.Steps[c.Steps.Length - 1]).Distinct().ToArray();
        return new TreeContextTest(
            n =>
            {
                foreach (var (anchored, steps) in compiled)
                {
                    if (Ends(n, steps) is { } above && (!anchored || above.Kind == XNodeKind.Document))
                    {
                        return true;
                    }
                }

                return false;
            },
            lasts.Length == 1 ? lasts[0] : null,
            (ns, local) => Array.IndexOf(lasts, (ns, local)) >= 0);
    }

    /// <summary>A context test written as a predicate (any element; or, with a name, only elements of that name).</summary>
    public static TreeContextTest Where(Func<XNode, bool?> matches, (string Ns, string Local)? name = null) => new(matches, name);

    /// <summary>A context test written as a predicate, on elements whose expanded name passes a test.</summary>
    public static TreeContextTest Where(Func<XNode, bool?> matches, Func<string, string, bool> names) => new(matches, null, names);

    /// <summary>Elements of a namespace whose local name ends with a suffix (<c>//ram:*[ends-with(name(), 'ID')]</c>).</summary>
    public static TreeContextTest LocalEndsWith(string ns, string suffix) =>
        new(n => n.NamespaceUri == ns && n.LocalName.EndsWith(suffix, StringComparison.Ordinal), null, (n, l) => n == ns && l.EndsWith(suffix, StringComparison.Ordinal));

    /// <summary>Whether the node is the element ns:local.</summary>
    public static bool Is(this XNode node, string ns, string local) =>
        node.Kind == XNodeKind.Element && node.LocalName == local && node.NamespaceUri == ns;

    /// <summary>Whether an ancestor of the node is the element ns:local (<c>ancestor::ns:local</c>).</summary>
    public static bool HasAncestor(this XNode node, string ns, string local)
    {
        for (var p = node.Parent; p is not null; p = p.Parent)
        {
            if (p.Is(ns, local))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the node has an attribute without namespace (<c>@name</c>).</summary>
    public static bool HasAttr(this XNode node, string local) => node.Attr(local) is not null;

    /// <summary><c>path = 'literal'</c>: some selected value equals the literal exactly.</summary>
    public static bool AnyEquals(this XNode node, ElementPath path, string literal) => AnyEqualsAt(node, path, 0, literal);

    /// <summary><c>a = b</c> on two node sets: some value of one equals some value of the other.</summary>
    public static bool AnyEqual(IEnumerable<string> a, IEnumerable<string> b)
    {
        var right = b as ICollection<string> ?? b.ToList();
        foreach (var x in a)
        {
            foreach (var y in right)
            {
                if (x == y)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary><c>normalize-space(path)</c>: the selected values joined with a space (several items), normalized.</summary>
    public static string Normalized(this XNode node, ElementPath path) => TreeQuery.NormalizeSpace(string.Join(" ", node.Values(path)));

    /// <summary>XPath's <c>string-length</c>: code points, a surrogate pair counting once.</summary>
    public static int CodePoints(string s)
    {
        var n = 0;
        for (var i = 0; i < s.Length; i++)
        {
            if (!(char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])))
            {
                n++;
            }
        }

        return n;
    }

    /// <summary>Every element of the document named ns:local, in document order (<c>//ns:local</c>).</summary>
    public static IEnumerable<XNode> All(this XNode node, string ns, string local) =>
        node.Document.ElementIndex is { } index
            ? index.TryGetValue((ns, local), out var list) ? list : []
            : node.Document.Descendants(ns, local);

    // What node.Values(path) would yield, compared as it goes, without collecting the selection.
    private static bool AnyEqualsAt(XNode node, ElementPath path, int step, string literal)
    {
        if (step == path.Steps.Length)
        {
            return path.Attribute is { } attribute ? node.Attr(attribute) == literal : node.StringValue == literal;
        }

        var (ns, local) = path.Steps[step];
        foreach (var c in node.Children)
        {
            if (c.Kind == XNodeKind.Element && c.LocalName == local && c.NamespaceUri == ns && AnyEqualsAt(c, path, step + 1, literal))
            {
                return true;
            }
        }

        return false;
    }

    private static XNode? Ends(XNode n, (string Ns, string Local)[] steps)
    {
        XNode? cur = n;
        for (var i = steps.Length - 1; i >= 0; i--)
        {
            if (cur is null || !cur.Is(steps[i].Ns, steps[i].Local))
            {
                return null;
            }

            cur = cur.Parent;
        }

        return cur;
    }

    private static string Namespace(string prefix) => prefix switch
    {
        "ubl" => Ns.UblInvoice,
        "cn" => Ns.UblCreditNote,
        _ => Ns.Of(prefix),
    };
}
