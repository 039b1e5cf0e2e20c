using System.Collections.Concurrent;
using Chorus.Invoicing.Validation.Internal.Tree;
using Chorus.Invoicing.Validation.Rules.Tree;

namespace Chorus.Invoicing.Validation.Rules.FrCtc;

/// <summary>
/// The French reform's Flux 2 rules BR-FR-BD-*, BR-FR-CO-*, BR-FR-DEC-* and BR-FR-MV-* (official artefacts
/// BR-FR-Flux2-Schematron-{CII,UBL}) as C# on the validator's tree. Each schematron pattern is a list of rules; within a
/// pattern a node is checked by the first rule whose context matches it, as in the artefacts. Every assertion is fatal.
/// Where the artefacts declare document-wide variables (<c>$invoiceID</c>, <c>$sellerID</c>, <c>$invID</c>,
/// <c>$nbSubinvoiceSeller</c>) they are computed once per document, as the official stylesheets do (the rule tables
/// extracted into Resources/frctc lost them, so the rule-table engine skipped or failed the MV/BD rules that use them
/// on multi-vendor and bi-directional invoices: BT-23 S8/B8/M8/S9/B9/M9; the official verdicts are the ones kept here).
/// Where the stylesheets stop on an XPath type error, the outcome is the rule-table engine's: <c>normalize-space()</c>
/// of several items reads their joined text; <c>string()</c>, <c>starts-with()</c> or <c>ge</c> on several items fail
/// the assertion, the message saying the test could not be evaluated.
/// </summary>
internal static partial class FrCtcRulesB
{
    private const string ManyItems = "XPTY0004: a sequence of more than one item is not allowed here";
    private const string ManyCompared = "XPTY0004: value comparison of a sequence of several items";

    private static readonly ConcurrentDictionary<string, ElementPath> PathCache = new(StringComparer.Ordinal);

    /// <summary>Runs the rules of one syntax (<c>"ubl"</c> or <c>"cii"</c>) over a document and adds what fails.</summary>
    public static void Run(XNode document, string syntax, List<ValidationProblem> problems)
    {
        if (syntax is not ("ubl" or "cii"))
        {
            return;
        }

        var doc = document.Document;
        var elements = new List<XNode>();
        Collect(doc, elements);
        var ctx = new DocContext(doc, syntax, elements);
        var texts = syntax == "ubl" ? FrCtcTextsB.Ubl : FrCtcTextsB.Cii;
        var report = new Reporter(problems, texts, ctx);
        var patterns = syntax == "ubl" ? UblPatterns : CiiPatterns;
        var index = syntax == "ubl" ? _ublIndex ??= IndexOf(UblPatterns) : _ciiIndex ??= IndexOf(CiiPatterns);

        // One pass over the elements for every pattern: within a pattern the first rule whose context matches claims the
        // node; then failures come out pattern by pattern, rule by rule, nodes in document order (as the rule tables did).
        var claimed = new List<XNode>?[patterns.Length][];
        for (var p = 0; p < patterns.Length; p++)
        {
            claimed[p] = new List<XNode>?[patterns[p].Rules.Length];
        }

        foreach (var node in elements)
        {
            if (!index.TryGetValue(node.LocalName, out var candidates))
            {
                continue;
            }

            foreach (var (p, rules) in candidates)
            {
                foreach (var r in rules)
                {
                    var rule = patterns[p].Rules[r];
                    if (rule.Context.Matches(node) && (rule.Filter is null || rule.Filter(node, ctx)))
                    {
                        (claimed[p][r] ??= []).Add(node);
                        break;
                    }
                }
            }
        }

        for (var p = 0; p < patterns.Length; p++)
        {
            for (var r = 0; r < patterns[p].Rules.Length; r++)
            {
                foreach (var node in claimed[p][r] ?? [])
                {
                    patterns[p].Rules[r].Check(node, ctx, report);
                }
            }
        }
    }

    private static Dictionary<string, (int Pattern, int[] Rules)[]>? _ciiIndex;
    private static Dictionary<string, (int Pattern, int[] Rules)[]>? _ublIndex;

    /// <summary>For each local name, the patterns with a rule that may match such an element, and those rules in order.</summary>
    private static Dictionary<string, (int Pattern, int[] Rules)[]> IndexOf(Pattern[] patterns) =>
        patterns.SelectMany(static (pattern, p) => pattern.ByLocalName.Select(kv => (Name: kv.Key, Entry: (p, kv.Value))))
            .GroupBy(static x => x.Name, StringComparer.Ordinal)
            .ToDictionary(static g => g.Key, static g => g.Select(static x => x.Entry).ToArray(), StringComparer.Ordinal);

    private static void Collect(XNode node, List<XNode> into)
    {
        foreach (var c in node.Children)
        {
            if (c.Kind == XNodeKind.Element)
            {
                into.Add(c);
                Collect(c, into);
            }
        }
    }

    // ---- XPath meanings used by the rules -------------------------------------------------------------------------

    private static ElementPath P(string path) => PathCache.GetOrAdd(path, ElementPath.Of);

    private static List<XNode> Sel(XNode node, string path) => (List<XNode>)node.Select(P(path));

    private static List<string> Vals(XNode node, string path) => node.Values(P(path)).ToList();

    private static bool Has(XNode node, string path) => node.Exists(P(path));

    /// <summary><c>normalize-space(seq)</c> as our engine reads it: the items' text joined by a space, then normalised.</summary>
    private static string NormSpace(List<string> values) =>
        values.Count switch
        {
            0 => string.Empty,
            1 => TreeQuery.NormalizeSpace(values[0]),
            _ => TreeQuery.NormalizeSpace(string.Join(" ", values)),
        };

    private static string NormSpace(XNode node, string path) => NormSpace(Vals(node, path));

    /// <summary>General comparison <c>seq = ('a', 'b')</c>: some item equals some literal (string equality, no trimming).</summary>
    private static bool AnyIn(IEnumerable<string> values, params string[] set)
    {
        foreach (var v in values)
        {
            if (Array.IndexOf(set, v) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>General comparison of two node sequences: some pair of string values is equal.</summary>
    private static bool AnyEqual(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        foreach (var x in a)
        {
            foreach (var y in b)
            {
                if (string.Equals(x, y, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>General comparison <c>seq != 'x'</c>: some item differs.</summary>
    private static bool AnyNot(IEnumerable<string> values, string literal)
    {
        foreach (var v in values)
        {
            if (!string.Equals(v, literal, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>string(seq)</c>: the text of the only item, empty for none, an error for several.</summary>
    private static bool TryString(List<string> values, out string text)
    {
        text = values.Count == 0 ? string.Empty : values[0];
        return values.Count <= 1;
    }

    /// <summary><c>sum(seq)</c> of untyped values: xs:double addition in document order; null where a value is no number.</summary>
    private static double? Sum(IEnumerable<string> values)
    {
        double total = 0;
        foreach (var v in values)
        {
            if (!FrCtcDecimals.TryDouble(v, out var d))
            {
                return null;
            }

            total += d;
        }

        return total;
    }

    /// <summary>The root element when it has one of the names a function argument like <c>/ubl:Invoice|/cn:CreditNote</c> asks for.</summary>
    private static XNode? Root(XNode doc, string syntax)
    {
        var root = doc.DocumentElement();
        if (root is null)
        {
            return null;
        }

        return syntax == "ubl"
            ? (root.LocalName == "Invoice" && root.NamespaceUri == Ns.UblInvoice) || (root.LocalName == "CreditNote" && root.NamespaceUri == Ns.UblCreditNote) ? root : null
            : root.LocalName == "CrossIndustryInvoice" && root.NamespaceUri == Ns.Rsm ? root : null;
    }

    /// <summary>The outcome of an assertion: passed, failed, or failed because the test raised an XPath error.</summary>
    private readonly record struct Outcome(bool Passed, string? Error)
    {
        public static implicit operator Outcome(bool passed) => new(passed, null);

        public static Outcome Failed(string error) => new(false, error);

        // XPath's `or` and `and` evaluate left to right and stop early; an error on the evaluated side is the outcome.
        public static Outcome operator |(Outcome left, Outcome right) => left.Passed || left.Error is not null ? left : right;

        public static Outcome operator &(Outcome left, Outcome right) => !left.Passed ? left : right;

        public static bool operator true(Outcome value) => value.Passed;

        public static bool operator false(Outcome value) => !value.Passed;
    }

    private sealed class Reporter(List<ValidationProblem> problems, Dictionary<string, string> texts, DocContext doc)
    {
        public void Assert(string id, Outcome outcome, XNode node)
        {
            if (outcome.Passed)
            {
                return;
            }

            var message = texts[id];
            if (outcome.Error is not null)
            {
                // What the rule-table engine reported when a test raised an XPath error (the stylesheet would stop).
                message += " (the test could not be evaluated: " + outcome.Error + ")";
            }

            problems.Add(new ValidationProblem(id, ValidationSeverity.Fatal, message, doc.PathOf(node)));
        }
    }

    /// <summary>The document and what the rules compute once per document.</summary>
    private sealed class DocContext(XNode document, string syntax, List<XNode> elements)
    {
        private bool? _special;
        private bool? _specialMV;
        private bool? _specialBD;
        private List<string>? _invoiceId;

        public XNode Document { get; } = document;

        public string Syntax { get; } = syntax;

        public List<XNode> Elements { get; } = elements;

        public XNode? Root { get; } = FrCtcRulesB.Root(document, syntax);

        public bool Special => _special ??= FrCtcDecimals.IsSpecialContract(Root, Syntax);

        public bool SpecialMV => _specialMV ??= FrCtcDecimals.IsSpecialContractMV(Root, Syntax);

        public bool SpecialBD => _specialBD ??= FrCtcDecimals.IsSpecialContractBD(Root, Syntax);

        /// <summary>UBL <c>$invoiceID</c> = <c>(ubl:Invoice|/cn:CreditNote)/cbc:ID</c>.</summary>
        public List<string> InvoiceId => _invoiceId ??= Root is { } r ? Vals(r, "cbc:ID") : [];

        private readonly Dictionary<XNode, string> _paths = [];
        private readonly Dictionary<XNode, (int Index, int Count)> _positions = [];
        private readonly Dictionary<(XNode, string), List<XNode>> _selected = [];

        /// <summary>
        /// <c>XNode.Path()</c> of an element (<c>/rsm:A/ram:B[2]/ram:C</c>, a position only among several same-named
        /// siblings), with each parent's path and children's positions computed once: failures on thousands of lines of
        /// one parent would otherwise count the siblings again for every failure.
        /// </summary>
        public string PathOf(XNode node)
        {
            if (node.Kind != XNodeKind.Element || node.Parent is null)
            {
                return node.Path();
            }

            if (_paths.TryGetValue(node, out var known))
            {
                return known;
            }

            var parent = node.Parent;
            if (!_positions.ContainsKey(node))
            {
                var counts = new Dictionary<(string, string), int>();
                foreach (var c in parent.Children)
                {
                    if (c.Kind == XNodeKind.Element)
                    {
                        var key = (c.LocalName, c.NamespaceUri);
                        counts[key] = counts.TryGetValue(key, out var n) ? n + 1 : 1;
                        _positions[c] = (counts[key], 0);
                    }
                }

                foreach (var c in parent.Children)
                {
                    if (c.Kind == XNodeKind.Element)
                    {
                        _positions[c] = (_positions[c].Index, counts[(c.LocalName, c.NamespaceUri)]);
                    }
                }
            }

            var (index, count) = _positions[node];
            var name = count > 1 ? node.QualifiedName + "[" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]" : node.QualifiedName;
            var path = (parent.Kind == XNodeKind.Document ? string.Empty : PathOf(parent)) + "/" + name;
            _paths[node] = path;
            return path;
        }

        /// <summary>What a path selects below a node, computed once per document (header lookups made from every line).</summary>
        public List<XNode> SelOnce(XNode node, string path)
        {
            if (!_selected.TryGetValue((node, path), out var nodes))
            {
                _selected[(node, path)] = nodes = Sel(node, path);
            }

            return nodes;
        }

        private Dictionary<XNode, List<string>>? _taxCurrencies;

        /// <summary>UBL <c>../..//cbc:TaxCurrencyCode</c> from a line: every TaxCurrencyCode below the invoice, once.</summary>
        public List<string> TaxCurrencies(XNode root)
        {
            _taxCurrencies ??= [];
            if (!_taxCurrencies.TryGetValue(root, out var values))
            {
                _taxCurrencies[root] = values = root.Descendants(Ns.Cbc, "TaxCurrencyCode").Select(static x => x.StringValue).ToList();
            }

            return values;
        }

        /// <summary>The string values of <see cref="SelOnce"/>.</summary>
        public List<string> ValsOnce(XNode node, string path) => SelOnce(node, path).Select(static x => x.StringValue).ToList();

        /// <summary>The CII document-wide variables ($sellerID, $invID, $nbSubinvoiceSeller), computed on first use.</summary>
        public (List<string> SellerId, List<string> InvId, int Count)? CiiSeller { get; set; }

        /// <summary>The UBL document-wide variables ($sellerID, $nbSubinvoiceSeller), computed on first use.</summary>
        public (List<string> SellerId, int Count)? UblSeller { get; set; }

        private Dictionary<(XNode, string), (List<XNode> Lines, Dictionary<string, List<int>> ById)>? _lineIndex;

        /// <summary>
        /// The lines of a container whose value at a path (a line id, a parent line id) equals one of the given values, in
        /// document order: <c>lines[path = $ids]</c> without a scan of every line for every line (large multi-vendor invoices).
        /// </summary>
        public IEnumerable<XNode> LinesWithId(XNode container, Func<XNode, IEnumerable<XNode>> lines, string idPath, List<string> ids)
        {
            _lineIndex ??= [];
            if (!_lineIndex.TryGetValue((container, idPath), out var index))
            {
                var all = lines(container).ToList();
                var byId = new Dictionary<string, List<int>>(StringComparer.Ordinal);
                for (var i = 0; i < all.Count; i++)
                {
                    foreach (var id in Vals(all[i], idPath))
                    {
                        if (!byId.TryGetValue(id, out var list))
                        {
                            byId[id] = list = [];
                        }

                        if (list.Count == 0 || list[list.Count - 1] != i)
                        {
                            list.Add(i);
                        }
                    }
                }

                _lineIndex[(container, idPath)] = index = (all, byId);
            }

            var found = new SortedSet<int>();
            foreach (var id in ids)
            {
                if (index.ById.TryGetValue(id, out var positions))
                {
                    found.UnionWith(positions);
                }
            }

            return found.Select(i => index.Lines[i]);
        }
    }

    private delegate void Check(XNode node, DocContext doc, Reporter report);

    private sealed record Rule(ContextMatch Context, Check Check, Func<XNode, DocContext, bool>? Filter = null);

    private sealed class Pattern(params Rule[] rules)
    {
        public Rule[] Rules { get; } = rules;

        /// <summary>The rules that may match an element, by the element's local name, in rule order (the first match wins).</summary>
        public Dictionary<string, int[]> ByLocalName { get; } = rules
            .SelectMany(static (rule, index) => rule.Context.LastNames.Select(name => (name, index)))
            .GroupBy(static x => x.name, StringComparer.Ordinal)
            .ToDictionary(static g => g.Key, static g => g.Select(static x => x.index).Distinct().OrderBy(static i => i).ToArray(), StringComparer.Ordinal);
    }

    private static Rule R(string context, Check check, Func<XNode, DocContext, bool>? filter = null) => new(ContextMatch.Of(context), check, filter);
}

/// <summary>
/// A schematron rule context without predicates, <c>a/b | /c/d</c>: a node matches when its name and its ancestors'
/// names end with one alternative's steps (and, for an absolute alternative, the first step is the document element).
/// </summary>
internal sealed class ContextMatch
{
    private readonly (string Ns, string Local)[][] _alternatives;
    private readonly bool[] _absolute;

    private ContextMatch((string Ns, string Local)[][] alternatives, bool[] absolute)
    {
        _alternatives = alternatives;
        _absolute = absolute;
    }

    public static ContextMatch Of(string pattern)
    {
        var parts = pattern.Split('|');
        var alternatives = new (string, string)[parts.Length][];
        var absolute = new bool[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            var p = parts[i].Trim();
            absolute[i] = p.Length > 0 && p[0] == '/';
            var steps = p.TrimStart('/').Split('/');
            alternatives[i] = new (string, string)[steps.Length];
            for (var s = 0; s < steps.Length; s++)
            {
                var colon = TreeQuery.IndexOf(steps[s], ':');
                var prefix = steps[s].Substring(0, colon);
                var ns = prefix switch
                {
                    "ubl" => Ns.UblInvoice,
                    "cn" => Ns.UblCreditNote,
                    _ => Ns.Of(prefix),
                };
                alternatives[i][s] = (ns, steps[s].Substring(colon + 1));
            }
        }

        return new ContextMatch(alternatives, absolute);
    }

    /// <summary>The local names a matching node can have (the last step of each alternative).</summary>
    public IEnumerable<string> LastNames => _alternatives.Select(static a => a[a.Length - 1].Local);

    public bool Matches(XNode node)
    {
        for (var a = 0; a < _alternatives.Length; a++)
        {
            var steps = _alternatives[a];
            XNode? n = node;
            var ok = true;
            for (var s = steps.Length - 1; s >= 0; s--)
            {
                if (n is null || n.Kind != XNodeKind.Element || n.LocalName != steps[s].Local || n.NamespaceUri != steps[s].Ns)
                {
                    ok = false;
                    break;
                }

                n = n.Parent;
            }

            if (ok && (!_absolute[a] || (n is not null && n.Kind == XNodeKind.Document)))
            {
                return true;
            }
        }

        return false;
    }
}
