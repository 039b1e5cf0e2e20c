using System.Xml;
using Chorus.Invoicing.Validation.Internal.XPath;

namespace Chorus.Invoicing.Validation.Internal.Schematron;

/// <summary>One declared rule: the official id, flag (fatal/warning), message and the compiled test.</summary>
internal sealed record RuleAssertion(string Id, string Flag, string Message, Expr Test, bool IsReport, string TestText);

/// <summary>A schematron rule: a context (a match pattern) with its variables and assertions.</summary>
internal sealed record RuleContext(string ContextText, Expr Context, IReadOnlyList<(string Name, Expr Value)> Lets, IReadOnlyList<RuleAssertion> Assertions);

/// <summary>A schematron pattern: within it, a node is checked by the first rule whose context matches it.</summary>
internal sealed record RulePattern(string Id, IReadOnlyList<RuleContext> Rules);

/// <summary>A failed assertion on a node.</summary>
internal readonly record struct RuleFailure(RuleAssertion Assertion, XNode Node, string? Error);

/// <summary>
/// A compiled rule table: declared rules (id, severity, message, context, predicate) read from an ISO Schematron source,
/// their XPath tests compiled once into expression trees and evaluated natively on our node tree. Thread-safe after load.
/// </summary>
internal sealed class SchematronRules
{
    private const string SchNs = "http://purl.oclc.org/dsdl/schematron";

    public SchematronRules(IReadOnlyList<RulePattern> patterns, IReadOnlyDictionary<string, string> namespaces)
    {
        Patterns = patterns;
        Namespaces = namespaces;
    }

    private static int _runs;

    public IReadOnlyList<RulePattern> Patterns { get; }

    public IReadOnlyDictionary<string, string> Namespaces { get; }

    public IEnumerable<RuleAssertion> AllAssertions => Patterns.SelectMany(static p => p.Rules).SelectMany(static r => r.Assertions);

    /// <summary>Reads an ISO Schematron (the preprocessed single-file form) and compiles every context and test.</summary>
    public static SchematronRules Load(Stream sch)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true };
        using var reader = XmlReader.Create(sch, settings);
        var root = XTreeBuilder.Build(reader).Children.First(static c => c.Kind == XNodeKind.Element);
        var ns = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var n in Elements(root, "ns"))
        {
            ns[Attr(n, "prefix")] = Attr(n, "uri");
        }

        var patterns = new List<RulePattern>();
        var shared = new Dictionary<string, Expr>(StringComparer.Ordinal);
        var functions = new UserFunctionTable();
        foreach (var f in Elements(root, "function"))
        {
            var parameters = Elements(f, "param").Select(x => (Attr(x, "name"), Attr(x, "as"))).ToList();
            var fnLets = Elements(f, "let").Select(l => (Attr(l, "name"), XPathParser.Parse(Attr(l, "value"), ns, null, functions))).ToList();
            var result = XPathParser.Parse(Attr(Elements(f, "result").First(), "value"), ns, null, functions);
            functions.Add(new UserFunction(Attr(f, "name"), parameters, fnLets, result));
        }

        foreach (var p in Elements(root, "pattern"))
        {
            var rules = new List<RuleContext>();
            foreach (var r in Elements(p, "rule"))
            {
                var lets = Elements(r, "let").Select(l => (Attr(l, "name"), XPathParser.Parse(Attr(l, "value"), ns, shared, functions))).ToList();
                var asserts = r.Children.Where(static c => c.Kind == XNodeKind.Element && c.NamespaceUri == SchNs && c.LocalName is "assert" or "report")
                    .Select(a => new RuleAssertion(
                        Attr(a, "id"),
                        Attr(a, "flag") is { Length: > 0 } f ? f : "fatal",
                        XPathFunctions.Normalize(a.StringValue),
                        XPathParser.Parse(Attr(a, "test"), ns, shared, functions),
                        a.LocalName == "report",
                        Attr(a, "test")))
                    .ToList();
                var context = Attr(r, "context");
                rules.Add(new RuleContext(context, XPathParser.Parse(MatchPatternAsSelection(context), ns, shared, functions), lets, asserts));
            }

            patterns.Add(new RulePattern(Attr(p, "id"), rules));
        }

        return new SchematronRules(patterns, ns);
    }

    /// <summary>
    /// A match pattern <c>a/b | /c</c> selects the nodes that <c>//a/b | /c</c> selects from the root (the patterns in the
    /// official artefacts have no positional predicates on their first step, so this is exact).
    /// </summary>
    internal static string MatchPatternAsSelection(string pattern)
    {
        var parts = new List<string>();
        int depth = 0, start = 0;
        char quote = '\0';
        for (var i = 0; i < pattern.Length; i++)
        {
            var ch = pattern[i];
            if (quote != '\0')
            {
                if (ch == quote)
                {
                    quote = '\0';
                }

                continue;
            }

            switch (ch)
            {
                case '\'' or '"':
                    quote = ch;
                    break;
                case '(' or '[':
                    depth++;
                    break;
                case ')' or ']':
                    depth--;
                    break;
                case '|' when depth == 0:
                    parts.Add(pattern.Substring(start, i - start));
                    start = i + 1;
                    break;
            }
        }

        parts.Add(pattern.Substring(start));
        return string.Join(" | ", parts.Select(static p => p.Trim()).Select(static p => p.StartsWith("/", StringComparison.Ordinal) ? p : "//" + p));
    }

    /// <summary>Runs every pattern over the document; returns every failed assertion (and every successful report).</summary>
    public List<RuleFailure> Run(XNode document, XPathHost? host = null, ISet<string>? skip = null)
    {
        host ??= new XPathHost();
        var runId = Interlocked.Increment(ref _runs);
        var failures = new List<RuleFailure>();
        var rootCtx = new Ctx(document, 1, 1, null, host);
        var patternNumber = 0;
        foreach (var pattern in Patterns)
        {
            // Within a pattern the first rule whose context matches a node checks it: nodes carry the last pattern that
            // claimed them (cheaper than a set of nodes per pattern).
            patternNumber++;

            // Rules whose every assertion is skipped (checked natively elsewhere) are not evaluated; their contexts are
            // still selected when a later rule of the pattern is, so that first-rule-wins keeps its meaning.
            var lastActive = -1;
            for (var r = 0; r < pattern.Rules.Count; r++)
            {
                if (IsActive(pattern.Rules[r], skip))
                {
                    lastActive = r;
                }
            }

            for (var r = 0; r <= lastActive; r++)
            {
                var rule = pattern.Rules[r];
                var active = IsActive(rule, skip);
                Seq nodes;
                try
                {
                    nodes = rule.Context.Eval(rootCtx);
                }
                catch (XPathDynamicException)
                {
                    continue;
                }

                for (var i = 0; i < nodes.Count; i++)
                {
                    if (nodes[i] is not XNode node || node.Kind == XNodeKind.Text || node.ClaimedBy == (runId, patternNumber))
                    {
                        continue;
                    }

                    node.ClaimedBy = (runId, patternNumber);
                    if (active)
                    {
                        CheckNode(rule, node, host, failures, skip);
                    }
                }
            }
        }

        return failures;
    }

    private static bool IsActive(RuleContext rule, ISet<string>? skip)
    {
        if (skip is null)
        {
            return true;
        }

        foreach (var a in rule.Assertions)
        {
            if (!skip.Contains(a.Id))
            {
                return true;
            }
        }

        return false;
    }

    private static void CheckNode(RuleContext rule, XNode node, XPathHost host, List<RuleFailure> failures, ISet<string>? skip)
    {
        host.Current = node;
        var ctx = new Ctx(node, 1, 1, null, host);
        foreach (var (name, value) in rule.Lets)
        {
            try
            {
                ctx = ctx.Bind(name, value.Eval(ctx));
            }
            catch (XPathDynamicException)
            {
                ctx = ctx.Bind(name, Seq.Empty);
            }
        }

        foreach (var a in rule.Assertions)
        {
            if (skip is not null && skip.Contains(a.Id))
            {
                continue;
            }

            bool result;
            try
            {
                result = a.Test.Bool(ctx);
            }
            catch (XPathDynamicException ex)
            {
                // The schematron processor would stop here; we report the rule as failed, with the reason.
                failures.Add(new RuleFailure(a, node, ex.Message));
                continue;
            }

            if (result == a.IsReport)
            {
                failures.Add(new RuleFailure(a, node, null));
            }
        }
    }

    private static IEnumerable<XNode> Elements(XNode parent, string localName) =>
        parent.Children.Where(c => c.Kind == XNodeKind.Element && c.NamespaceUri == SchNs && c.LocalName == localName);

    private static string Attr(XNode element, string name) =>
        element.Attributes.FirstOrDefault(a => a.LocalName == name && a.NamespaceUri.Length == 0)?.Value ?? string.Empty;
}
