using Chorus.Invoicing.Validation.Internal.Tree;
using Chorus.Invoicing.Validation.Rules.Tree;

namespace Chorus.Invoicing.Validation.Rules.FacturX;

/// <summary>The five Factur-X 1.09 profiles, as a set (which profiles carry a rule).</summary>
[Flags]
internal enum FxProfiles
{
    None = 0,
    Minimum = 1,
    BasicWl = 2,
    Basic = 4,
    En16931 = 8,
    Extended = 16,
    All = Minimum | BasicWl | Basic | En16931 | Extended,
}

/// <summary>One assertion: official id, the profiles that carry it, fatal or not, the test on the context node, the message.</summary>
internal sealed record FxAssertion(string Id, FxProfiles Profiles, bool Fatal, Func<XNode, bool> Test, string Text);

/// <summary>
/// One schematron pattern of the profile stylesheets: its context (as written there, for the reader) and the nodes it
/// selects, in document order. Each pattern of these stylesheets has a single rule, so first-rule-wins needs no bookkeeping.
/// </summary>
internal sealed record FxPattern(string Context, Func<XNode, IEnumerable<XNode>> Nodes, FxAssertion[] Assertions);

/// <summary>
/// Factur-X 1.09 business rules (BR-nn, BR-B, BR-FX-EN, BR-CO, BR-DEC, CII-SR-463…466, CII-DT-097, PEPPOL-EN16931-R008)
/// checked natively on the validator's XML tree, per profile, with the problems the schematron table reported for them:
/// id from the message's bracket, fatal unless flagged warning, message "Factur-X 1.09 {profile}: " + the assertion text,
/// location the context node.
/// </summary>
internal static partial class FacturXCoreRules
{
    /// <summary>Checks a CII document against the rules of a profile ("MINIMUM", "BASICWL", "BASIC", "EN16931", "EXTENDED").</summary>
    public static void Run(XNode document, string profile, List<ValidationProblem> problems)
    {
        var p = ProfileOf(profile);
        foreach (var pattern in Patterns)
        {
            if (!Applies(pattern, p))
            {
                continue;
            }

            foreach (var node in pattern.Nodes(document))
            {
                foreach (var a in pattern.Assertions)
                {
                    if ((a.Profiles & p) == 0)
                    {
                        continue;
                    }

                    string? error = null;
                    bool holds;
                    try
                    {
                        holds = a.Test(node);
                    }
                    catch (FacturXEvalException ex)
                    {
                        holds = false;
                        error = ex.Message;
                    }

                    if (!holds)
                    {
                        var message = error is null ? a.Text : a.Text + " (the test could not be evaluated: " + error + ")";
                        problems.Report(a.Id, a.Fatal, $"Factur-X 1.09 {profile}: {message}", node);
                    }
                }
            }
        }
    }

    /// <summary>Every id checked here, with the profiles that carry it.</summary>
    public static IReadOnlyDictionary<string, FxProfiles> Ids => IdTable.Value;

    // Lazy: the table is in another part of this partial class, whose static fields may be initialised after this one.
    private static readonly Lazy<Dictionary<string, FxProfiles>> IdTable = new(static () => Patterns!
        .SelectMany(static p => p.Assertions)
        .GroupBy(static a => a.Id, StringComparer.Ordinal)
        .ToDictionary(static g => g.Key, static g => g.Aggregate(FxProfiles.None, static (s, a) => s | a.Profiles), StringComparer.Ordinal));

    internal static FxProfiles ProfileOf(string profile) => profile switch
    {
        "MINIMUM" => FxProfiles.Minimum,
        "BASICWL" => FxProfiles.BasicWl,
        "BASIC" => FxProfiles.Basic,
        "EN16931" => FxProfiles.En16931,
        "EXTENDED" => FxProfiles.Extended,
        _ => throw new ArgumentException("unknown Factur-X profile " + profile, nameof(profile)),
    };

    private static bool Applies(FxPattern pattern, FxProfiles p)
    {
        foreach (var a in pattern.Assertions)
        {
            if ((a.Profiles & p) != 0)
            {
                return true;
            }
        }

        return false;
    }

    // ---- contexts -------------------------------------------------------------------------------------------------

    // "/a/b/c": the path from the document node.
    private static Func<XNode, IEnumerable<XNode>> Rooted(string path, Func<XNode, bool>? filter = null)
    {
        var p = ElementPath.Of(path);
        return doc =>
        {
            var nodes = doc.Document.Select(p);
            return filter is null ? nodes : nodes.Where(filter);
        };
    }

    // "//a/b": every b whose parent is an a, anywhere, in document order (optionally with a predicate on b).
    private static Func<XNode, IEnumerable<XNode>> Anywhere(string path, Func<XNode, bool>? filter = null)
    {
        var steps = ElementPath.Of(path).Steps;
        var (ns, local) = steps[steps.Length - 1];
        return doc => FxPath.Named(doc.Document, ns, local).Where(n => ParentsMatch(n, steps) && (filter is null || filter(n)));
    }

    private static bool ParentsMatch(XNode node, (string Ns, string Local)[] steps)
    {
        var cur = node;
        for (var i = steps.Length - 2; i >= 0; i--)
        {
            cur = cur.Parent;
            if (cur is null || cur.Kind != XNodeKind.Element || cur.LocalName != steps[i].Local || cur.NamespaceUri != steps[i].Ns)
            {
                return false;
            }
        }

        return true;
    }

    // "//*[not(*) and not(normalize-space())]": every element without element children whose text is only white space.
    private static Func<XNode, IEnumerable<XNode>> EmptyLeaves() => static doc => EmptyLeavesOf(doc.Document);

    private static IEnumerable<XNode> EmptyLeavesOf(XNode node)
    {
        foreach (var c in node.Children)
        {
            if (c.Kind != XNodeKind.Element)
            {
                continue;
            }

            var leaf = true;
            foreach (var g in c.Children)
            {
                if (g.Kind == XNodeKind.Element)
                {
                    leaf = false;
                    break;
                }
            }

            if (leaf)
            {
                if (TreeQuery.NormalizeSpace(c.StringValue).Length == 0)
                {
                    yield return c;
                }
            }
            else
            {
                foreach (var d in EmptyLeavesOf(c))
                {
                    yield return d;
                }
            }
        }
    }

    // ---- small tests, composed in the table -------------------------------------------------------------------------

    private static bool Always(XNode node) => true;

    // An assertion whose test is false() (PEPPOL-EN16931-R008): every context node is reported.
    private static bool Never(XNode node) => false;

    // exists(path) / boolean(path).
    private static Func<XNode, bool> Has(string path)
    {
        var p = FxPath.Of(path);
        return n => p.Exists(n);
    }

    // path != '': some selected value is not empty.
    private static Func<XNode, bool> NotEmpty(string path)
    {
        var p = FxPath.Of(path);
        return n => FxXPath.Any(n, p, static v => v.Length != 0);
    }

    // path = 'literal'.
    private static Func<XNode, bool> ValueIs(string path, string literal)
    {
        var p = FxPath.Of(path);
        return n => FxXPath.Any(n, p, v => v == literal);
    }

    // normalize-space(path) != ''.
    private static Func<XNode, bool> NormalizedNotEmpty(string path)
    {
        var p = FxPath.Of(path);
        return n => FxXPath.NormalizeJoined(n, p).Length != 0;
    }

    // string-length(substring-after(path,'.')) <= 2, path selecting at most one node (two are an XPath type error).
    private static Func<XNode, bool> TwoDecimals(string path)
    {
        var p = FxPath.Of(path);
        return n => FxXPath.AtMostTwoDecimals(FxXPath.One(n, p));
    }

    // The same on path[1]: the first selected node only.
    private static Func<XNode, bool> FirstTwoDecimals(string path)
    {
        var p = FxPath.Of(path);
        return n => p.Values(n) is { Count: > 0 } v ? FxXPath.AtMostTwoDecimals(v[0]) : true;
    }

    // path >= 0 (general comparison: some value, read as a double, is not negative). The official verdicts come from
    // Saxon-HE 9.9, which orders a NaN read from an untyped value above every number in <, <=, >, >= (a price "NaN" is
    // ">= 0" there: no BR-27/28), so that is kept, unlike IEEE comparison.
    private static Func<XNode, bool> NotNegative(string path)
    {
        var p = FxPath.Of(path);
        return n => FxXPath.AnyNumber(p.Values(n), static d => double.IsNaN(d) || d >= 0, nanCounts: true);
    }

    private static Func<XNode, bool> Not(Func<XNode, bool> f) => n => !f(n);

    // XPath's and/or evaluate from left to right and stop as soon as the answer is known (errors on the right are not met).
    private static Func<XNode, bool> Or(params Func<XNode, bool>[] fs) => n =>
    {
        foreach (var f in fs)
        {
            if (f(n))
            {
                return true;
            }
        }

        return false;
    };

    private static Func<XNode, bool> And(params Func<XNode, bool>[] fs) => n =>
    {
        foreach (var f in fs)
        {
            if (!f(n))
            {
                return false;
            }
        }

        return true;
    };
}
