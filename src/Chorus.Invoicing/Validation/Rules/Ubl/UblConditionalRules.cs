using Chorus.Invoicing.Validation.Internal.Tree;
using Chorus.Invoicing.Validation.Rules.Tree;

namespace Chorus.Invoicing.Validation.Rules.Ubl;

/// <summary>A syntax rule whose test is a predicate on its context element: the assertion holds when <see cref="Holds"/> is true.</summary>
internal sealed record ConditionalRule(string Id, bool Fatal, Func<XNode, bool> Holds, string Message);

/// <summary>An element context of the artefacts' UBL-syntax pattern and the conditional rules checked on it;
/// <see cref="Names"/>, a test on expanded names that every element it matches passes, lets the walk look at it only for
/// elements of those names.</summary>
internal sealed record ConditionalContext(string Name, Func<XNode, bool> Matches, ConditionalRule[] Rules, Func<string, string, bool> Names);

/// <summary>"Shall not be used" on a path below every line (<c>not((cac:InvoiceLine|cac:CreditNoteLine)/path)</c>), tested on the document element.</summary>
internal sealed class LineRule(string id, bool fatal, string path, string message)
{
    public string Id { get; } = id;

    public bool Fatal { get; } = fatal;

    public ElementPath Path { get; } = ElementPath.Of(path);

    public string Message { get; } = message;
}

/// <summary>What an <see cref="AnywhereRule"/> allows of the nodes its path selects in the whole document.</summary>
internal enum Occurrence
{
    /// <summary><c>not(//path)</c>.</summary>
    None,

    /// <summary><c>count(//path) &lt;= 1</c>.</summary>
    AtMostOne,

    /// <summary><c>count(//path[not(preceding::path/. = .)]) &lt;= 1</c>: all occurrences have the same string value.</summary>
    OneDistinctValue,
}

/// <summary>
/// A rule on the document element whose test looks at the whole document (<c>//cac:A/cbc:B/@c</c>, <c>//@name</c>): it is
/// checked during one walk of the tree, keyed by the last element (or attribute) name of its path, and reports once.
/// </summary>
internal sealed class AnywhereRule
{
    public AnywhereRule(string id, bool fatal, string path, Occurrence occurrence, string message, Func<XNode, bool>? filter = null)
    {
        Id = id;
        Fatal = fatal;
        Occurrence = occurrence;
        Message = message;
        Filter = filter;
        Path = path;
        var parsed = ElementPath.Of(path);
        Steps = parsed.Steps;
        Attribute = parsed.Attribute;
    }

    public string Id { get; }

    public bool Fatal { get; }

    public Occurrence Occurrence { get; }

    public string Message { get; }

    /// <summary>The path as the artefacts write it after <c>//</c>.</summary>
    public string Path { get; }

    /// <summary>The element steps (empty for <c>//@attr</c>, which any element may carry).</summary>
    public (string Ns, string Local)[] Steps { get; }

    /// <summary>The attribute the path ends in, or null.</summary>
    public string? Attribute { get; }

    /// <summary>A predicate on the last element (the owner of the attribute), for paths with a condition.</summary>
    public Func<XNode, bool>? Filter { get; }

    /// <summary>Whether the element is selected by the path (its last step, and the steps above it as its ancestors).</summary>
    public bool Selects(XNode element)
    {
        var cur = element;
        for (var i = Steps.Length - 1; i >= 0; i--)
        {
            if (cur is null || cur.Kind != XNodeKind.Element || cur.LocalName != Steps[i].Local || cur.NamespaceUri != Steps[i].Ns)
            {
                return false;
            }

            cur = cur.Parent;
        }

        return (Attribute is null || element.Attr(Attribute) is not null) && (Filter is null || Filter(element));
    }
}

/// <summary>A test the official stylesheet cannot evaluate (an XPath dynamic error): the rule is reported as failed, as the interpreter did.</summary>
internal sealed class RuleTestException(string message) : Exception(message);

/// <summary>
/// The UBL syntax rules of the CEN/TC 434 artefacts v1.3.16 (pattern UBL-syntax) that are more than an element path with a
/// cardinality: conditions on code values ("shall only be used for…", "if the Payee is different from the Seller"),
/// attributes anywhere in the document (UBL-DT-08…28, UBL-CR-652…680), amounts' fraction digits (UBL-DT-01), the
/// "shall not be used" paths below every line (UBL-CR-515…647) and the distinct-value counts (UBL-SR-44/47). Evaluated on
/// the validator's tree in one walk; the contexts are those of the artefacts and disjoint from each other and from the
/// cardinality tables' (<see cref="UblSyntaxRules"/>), so first-rule-wins needs no bookkeeping.
/// </summary>
internal static partial class UblConditionalRules
{
    private const string CreditNoteNs = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2";

    // What XPath reports when a function that takes one item gets several (upper-case of two cbc:ID in one cac:TaxScheme).
    private const string SequenceError = "XPTY0004: a sequence of more than one item is not allowed here";

    private static readonly Lazy<Index> Indexed = new(static () => new Index());

    /// <summary>The ids checked here.</summary>
    public static IReadOnlyCollection<string> Ids => Indexed.Value.Ids;

    /// <summary>
    /// The unconditional "shall not be used" rules of the tables: id, whether the path is below a line (else anywhere in
    /// the document) and the path. Tests build one input per rule from them and ask Saxon whether the rule fires.
    /// </summary>
    internal static IEnumerable<(string Id, bool BelowLine, string Path)> ShallNotBeUsed() =>
        LineTable.Select(static r => (r.Id, true, r.Path.Text))
            .Concat(AnywhereTable.Where(static r => r.Occurrence == Occurrence.None && r.Filter is null).Select(static r => (r.Id, false, r.Path)));

    /// <summary>Checks a UBL document (the document node) against the conditional rules.</summary>
    public static void Run(XNode document, List<ValidationProblem> problems)
    {
        if (document.DocumentElement() is not { } root)
        {
            return;
        }

        var index = Indexed.Value;
        foreach (var rule in OnRoot)
        {
            Check(rule, root, problems);
        }

        CheckLines(root, index, problems);

        var state = new AnywhereState(AnywhereTable.Length);
        Walk(root, index, state, problems);
        for (var i = 0; i < AnywhereTable.Length; i++)
        {
            if (state.Failed(i, AnywhereTable[i].Occurrence))
            {
                problems.Report(AnywhereTable[i].Id, AnywhereTable[i].Fatal, AnywhereTable[i].Message, root);
            }
        }
    }

    private static void Check(ConditionalRule rule, XNode context, List<ValidationProblem> problems)
    {
        bool holds;
        try
        {
            holds = rule.Holds(context);
        }
        catch (RuleTestException ex)
        {
            problems.Report(rule.Id, rule.Fatal, rule.Message + " (the test could not be evaluated: " + ex.Message + ")", context);
            return;
        }

        if (!holds)
        {
            problems.Report(rule.Id, rule.Fatal, rule.Message, context);
        }
    }

    // UBL-CR-515…647: each path below a line, guided by a trie of the paths so that a line is walked once.
    private static void CheckLines(XNode root, Index index, List<ValidationProblem> problems)
    {
        var found = new bool[LineTable.Length];
        foreach (var line in root.Children)
        {
            if (line.Kind == XNodeKind.Element && line.NamespaceUri == Ns.Cac && line.LocalName is "InvoiceLine" or "CreditNoteLine")
            {
                index.Lines.Mark(line, found);
            }
        }

        for (var i = 0; i < found.Length; i++)
        {
            if (found[i])
            {
                problems.Report(LineTable[i].Id, LineTable[i].Fatal, LineTable[i].Message, root);
            }
        }
    }

    private static void Walk(XNode element, Index index, AnywhereState state, List<ValidationProblem> problems)
    {
        var (contexts, anywhereByParent) = index.ByName.Get(element.NamespaceUri, element.LocalName);
        foreach (var c in contexts)
        {
            var context = Contexts[c];
            if (context.Matches(element))
            {
                foreach (var rule in context.Rules)
                {
                    Check(rule, element, problems);
                }

                break;
            }
        }

        if (anywhereByParent is not null && element.Parent is { } parent)
        {
            foreach (var i in anywhereByParent.Get(parent.NamespaceUri, parent.LocalName))
            {
                if (AnywhereTable[i].Selects(element))
                {
                    state.Add(i, element);
                }
            }
        }

        foreach (var a in element.Attributes)
        {
            if (a.NamespaceUri.Length == 0 && index.ByAttributeName.Get(a.NamespaceUri, a.LocalName) is { } owners)
            {
                foreach (var i in owners)
                {
                    if (AnywhereTable[i].Selects(element))
                    {
                        state.Add(i, element);
                    }
                }
            }
        }

        foreach (var child in element.Children)
        {
            if (child.Kind == XNodeKind.Element)
            {
                Walk(child, index, state, problems);
            }
        }
    }

    /// <summary>What the walk has seen of each anywhere rule: a count, and the distinct values where they matter.</summary>
    private sealed class AnywhereState(int rules)
    {
        private readonly int[] _counts = new int[rules];
        private readonly HashSet<string>?[] _values = new HashSet<string>?[rules];

        public void Add(int rule, XNode element)
        {
            _counts[rule]++;
            if (AnywhereTable[rule].Occurrence == Occurrence.OneDistinctValue)
            {
                (_values[rule] ??= new HashSet<string>(StringComparer.Ordinal)).Add(element.StringValue);
            }
        }

        public bool Failed(int rule, Occurrence occurrence) => occurrence switch
        {
            Occurrence.None => _counts[rule] > 0,
            Occurrence.AtMostOne => _counts[rule] > 1,
            _ => _values[rule] is { Count: > 1 },
        };
    }

    /// <summary>The tables indexed once: ids, anywhere rules by last element or attribute name, and the line paths as a trie.</summary>
    private sealed class Index
    {
        public Index()
        {
            var ids = new HashSet<string>(StringComparer.Ordinal);
            ids.UnionWith(OnRoot.Select(static r => r.Id));
            ids.UnionWith(Contexts.SelectMany(static c => c.Rules).Select(static r => r.Id));
            ids.UnionWith(LineTable.Select(static r => r.Id));
            ids.UnionWith(AnywhereTable.Select(static r => r.Id));
            Ids = ids;

            for (var i = 0; i < AnywhereTable.Length; i++)
            {
                var rule = AnywhereTable[i];
                var (map, key) = rule.Steps.Length == 0 ? (ByAttribute, rule.Attribute!) : (ByElement, rule.Steps[rule.Steps.Length - 1].Local);
                if (!map.TryGetValue(key, out var list))
                {
                    map[key] = list = [];
                }

                list.Add(i);
            }

            for (var i = 0; i < LineTable.Length; i++)
            {
                Lines.Add(LineTable[i].Path.Steps, 0, i);
            }

            ByName = new NameMemo<(int[], NameMemo<int[]>?)>((ns, local) =>
                ([.. Enumerable.Range(0, Contexts.Length).Where(c => Contexts[c].Names(ns, local))], ByElement.TryGetValue(local, out var rules) ? ByParent(rules) : null));
            ByAttributeName = new NameMemo<List<int>?>((_, local) => ByAttribute.TryGetValue(local, out var rules) ? rules : null);
        }

        public HashSet<string> Ids { get; }

        private static NameMemo<int[]> ByParent(List<int> rules) => new((ns, local) =>
            [.. rules.Where(i => AnywhereTable[i].Steps is var steps && (steps.Length < 2 || ExpandedNameComparer.Instance.Equals(steps[steps.Length - 2], (ns, local))))]);

        public Dictionary<string, List<int>> ByElement { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, List<int>> ByAttribute { get; } = new(StringComparer.Ordinal);

        public PathTrie Lines { get; } = new();

        /// <summary>By element name: the contexts (in table order) that may match it, and when some anywhere rule's path
        /// ends in its local name, those rules by the parent's name (the rules whose step above is the parent's name,
        /// or that have no step above): most elements named by such a path (cbc:ID) are not below its parent step.</summary>
        public NameMemo<(int[] Contexts, NameMemo<int[]>? AnywhereByParent)> ByName { get; }

        /// <summary>By attribute name (no namespace): the anywhere rules whose path ends in it.</summary>
        public NameMemo<List<int>?> ByAttributeName { get; }
    }

    /// <summary>Element paths sharing their prefixes: marking walks only the children a path names.</summary>
    private sealed class PathTrie
    {
        // Ordinal on both names as the default comparer, but hashing the local name only (the default hashed the
        // 70-character namespace URI of every child below every line).
        private readonly Dictionary<(string Ns, string Local), PathTrie> _children = new(ExpandedNameComparer.Instance);
        private readonly List<int> _ending = [];
        private readonly NameMemo<PathTrie?> _next;

        public PathTrie() => _next = new NameMemo<PathTrie?>((ns, local) => _children.TryGetValue((ns, local), out var next) ? next : null);

        public void Add((string Ns, string Local)[] steps, int step, int rule)
        {
            if (step == steps.Length)
            {
                _ending.Add(rule);
                return;
            }

            if (!_children.TryGetValue(steps[step], out var next))
            {
                _children[steps[step]] = next = new PathTrie();
            }

            next.Add(steps, step + 1, rule);
        }

        // Marks the rules whose path exists below the node.
        public void Mark(XNode node, bool[] found)
        {
            foreach (var c in node.Children)
            {
                if (c.Kind == XNodeKind.Element && _next.Get(c.NamespaceUri, c.LocalName) is { } next)
                {
                    foreach (var r in next._ending)
                    {
                        found[r] = true;
                    }

                    next.Mark(c, found);
                }
            }
        }
    }
}
