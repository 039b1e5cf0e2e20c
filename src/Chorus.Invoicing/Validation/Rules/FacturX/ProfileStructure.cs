using Chorus.Invoicing.Validation.Internal.Tree;
using Chorus.Invoicing.Validation.Rules.Tree;

namespace Chorus.Invoicing.Validation.Rules.FacturX;

/// <summary>
/// A Factur-X 1.09 profile's structure pattern: within it, a node is checked by the FIRST rule whose context selects it
/// (as the official stylesheet's templates of one mode, by priority); patterns are independent. The rules' absolute
/// context paths are indexed in a trie, so that one walk of the document finds every claimed node.
/// </summary>
internal sealed class StructurePattern
{
    private readonly PathTrie _trie = new();

    public StructurePattern(string id, StructureRule[] rules)
    {
        Id = id;
        Rules = rules;
        for (var i = 0; i < rules.Length; i++)
        {
            var node = _trie;
            foreach (var (ns, local) in rules[i].Steps)
            {
                if (!node.Children.TryGetValue(local, out var next))
                {
                    node.Children[local] = next = new PathTrie(ns);
                }
                else if (next.Ns != ns)
                {
                    throw new InvalidOperationException($"pattern {id}: two steps named {local} in different namespaces under one parent");
                }

                node = next;
            }

            node.Rules.Add(i);
        }
    }

    /// <summary>The pattern (mode) name in the official stylesheet, e.g. <c>M30</c>.</summary>
    public string Id { get; }

    public StructureRule[] Rules { get; }

    /// <summary>
    /// The nodes each rule claims (first matching rule wins), ordered as the schematron reports them: rule by rule, in
    /// document order within a rule.
    /// </summary>
    public void Claim(XNode document, List<(int Rule, int Order, XNode Node)> claims)
    {
        var found = new List<(int Rule, int Order, XNode Node)>();
        Walk(document, _trie, new List<XNode>(), found);

        // Counting sort by rule: stable, so document order is kept within a rule.
        var start = new int[Rules.Length + 1];
        foreach (var f in found)
        {
            start[f.Rule + 1]++;
        }

        for (var i = 1; i < start.Length; i++)
        {
            start[i] += start[i - 1];
        }

        claims.Clear();
        claims.AddRange(found);
        foreach (var f in found)
        {
            claims[start[f.Rule]++] = f;
        }
    }

    private void Walk(XNode parent, PathTrie trie, List<XNode> ancestors, List<(int, int, XNode)> claims)
    {
        foreach (var c in parent.Children)
        {
            if (c.Kind != XNodeKind.Element || !trie.Children.TryGetValue(c.LocalName, out var next) || next.Ns != c.NamespaceUri)
            {
                continue;
            }

            ancestors.Add(c);
            foreach (var r in next.Rules)
            {
                if (Rules[r].Holds(ancestors))
                {
                    claims.Add((r, claims.Count, c));
                    break;
                }
            }

            Walk(c, next, ancestors, claims);
            ancestors.RemoveAt(ancestors.Count - 1);
        }
    }

    // Keyed by local name (short to hash); the namespace is checked after the lookup.
    private sealed class PathTrie(string ns = "")
    {
        public string Ns { get; } = ns;

        public Dictionary<string, PathTrie> Children { get; } = new(StringComparer.Ordinal);

        public List<int> Rules { get; } = [];
    }
}

/// <summary>A predicate on a context step or on a counted child, of the few forms the profile artefacts use.</summary>
internal abstract class StructurePredicate
{
    public abstract bool Holds(XNode node);
}

/// <summary>A rule: an absolute context path (with predicates on some steps) and the structure checks run on each node it claims.</summary>
internal sealed class StructureRule
{
    private readonly (string Ns, string Local)[] _steps;
    private readonly StructurePredicate?[] _where;

    public StructureRule(string path, (int Step, StructurePredicate Predicate)[] where, StructureCheck[] checks)
    {
        _steps = ElementPath.Of(path).Steps;
        _where = new StructurePredicate?[_steps.Length];
        foreach (var (step, predicate) in where)
        {
            _where[step] = predicate;
        }

        Checks = checks;
    }

    public StructureCheck[] Checks { get; }

    /// <summary>The context path's element steps from the root element.</summary>
    public (string Ns, string Local)[] Steps => _steps;

    /// <summary>Whether the step predicates hold on the path's nodes (root element first), which match the steps by name.</summary>
    public bool Holds(List<XNode> path)
    {
        for (var i = 0; i < _where.Length; i++)
        {
            if (_where[i] is { } predicate && !predicate.Holds(path[i]))
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>
/// One generated structure assertion: the official id (FX-SCH-A-nnnnnn, or empty), its message, and whether it is a
/// schematron report (fires when its condition holds; "not used" findings, warnings) or an assertion (fatal when it fails).
/// </summary>
internal abstract class StructureCheck(string id, string message, bool isReport)
{
    public string Id { get; } = id;

    public string Message { get; } = message;

    public bool IsReport { get; } = isReport;

    /// <summary>Whether the check gives a problem on this context node (a failed assertion or a successful report).</summary>
    public abstract bool Fires(XNode context);
}

/// <summary>
/// Runs a profile's structure tables (FacturXStructure.*) with the schematron's meaning: per pattern, first matching rule
/// claims a node; problems in pattern, rule, document order, located at the context node, as the interpreter reported them.
/// </summary>
internal static class ProfileStructure
{
    public static StructurePattern[]? TableOf(string folder) => folder switch
    {
        "MINIMUM" => FacturXStructure.Minimum,
        "BASICWL" => FacturXStructure.BasicWl,
        "BASIC" => FacturXStructure.Basic,
        "EN16931" => FacturXStructure.En16931,
        "EXTENDED" => FacturXStructure.Extended,
        _ => null,
    };

    public static void Run(XNode document, string folder, List<ValidationProblem> problems)
    {
        if (TableOf(folder) is not { } table)
        {
            return;
        }

        var claims = new List<(int Rule, int Order, XNode Node)>();
        foreach (var pattern in table)
        {
            pattern.Claim(document, claims);
            foreach (var (r, _, node) in claims)
            {
                foreach (var check in pattern.Rules[r].Checks)
                {
                    if (check.Fires(node))
                    {
                        // Reports ("marked as not used") only inform, as in the official verdicts; every generated
                        // assertion is flagged fatal.
                        var severity = check.IsReport ? ValidationSeverity.Warning : ValidationSeverity.Fatal;
                        problems.Add(new ValidationProblem(check.Id.Length > 0 ? check.Id : "FX-SCH", severity, $"Factur-X 1.09 {folder}: {check.Message}", node.Path()));
                    }
                }
            }
        }
    }
}

/// <summary>A code list of a profile's code database, as a set of exact values.</summary>
internal sealed class CodeList
{
    private readonly HashSet<string> _values;

    /// <summary>The values, separated by single spaces (no value contains whitespace).</summary>
    public CodeList(string values) => _values = new HashSet<string>(values.Split(' '), StringComparer.Ordinal);

    public int Count => _values.Count;

    public bool Contains(string value) => _values.Contains(value);
}
