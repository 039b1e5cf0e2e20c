using Chorus.Invoicing.Validation.Internal.XPath;
using Chorus.Invoicing.Validation.Rules.Tree;

namespace Chorus.Invoicing.Validation.Rules.FacturX;

/// <summary>
/// A Factur-X 1.09 profile's structure pattern: within it, a node is checked by the FIRST rule whose context selects it
/// (as the official stylesheet's templates of one mode, by priority); patterns are independent.
/// </summary>
internal sealed class StructurePattern(string id, StructureRule[] rules)
{
    /// <summary>The pattern (mode) name in the official stylesheet, e.g. <c>M30</c>.</summary>
    public string Id { get; } = id;

    public StructureRule[] Rules { get; } = rules;
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

    /// <summary>The elements the context selects from the document node, in document order.</summary>
    public void Select(XNode document, List<XNode> into) => Collect(document, 0, into);

    private void Collect(XNode node, int step, List<XNode> into)
    {
        if (step == _steps.Length)
        {
            into.Add(node);
            return;
        }

        var (ns, local) = _steps[step];
        foreach (var c in node.Children)
        {
            if (c.Kind == XNodeKind.Element && c.LocalName == local && c.NamespaceUri == ns && (_where[step]?.Holds(c) ?? true))
            {
                Collect(c, step + 1, into);
            }
        }
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

        var claimed = new HashSet<XNode>();
        var nodes = new List<XNode>();
        foreach (var pattern in table)
        {
            claimed.Clear();
            foreach (var rule in pattern.Rules)
            {
                nodes.Clear();
                rule.Select(document, nodes);
                foreach (var node in nodes)
                {
                    if (!claimed.Add(node))
                    {
                        continue;
                    }

                    foreach (var check in rule.Checks)
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
