using Chorus.Invoicing.Validation.Internal.Tree;
using Chorus.Invoicing.Validation.Rules.Tree;

namespace Chorus.Invoicing.Validation.Rules.Ubl;

/// <summary>What a syntax rule expects of its element path.</summary>
internal enum Expect
{
    /// <summary>At most one occurrence (<c>count(path) &lt;= 1</c>).</summary>
    AtMostOne,

    /// <summary>No occurrence: the element or attribute "shall not be used" (<c>not(path)</c>).</summary>
    Absent,
}

/// <summary>Where a syntax rule applies: a key (rules sharing it are checked together) and a test on an element.</summary>
internal sealed record SyntaxContext(string Key, Func<XNode, bool> Matches);

/// <summary>One syntax rule: official id, flag and message, the context, and the element path whose occurrences it counts.</summary>
internal sealed class SyntaxRule
{
    public SyntaxRule(string id, bool fatal, SyntaxContext context, string path, Expect expect, string message)
    {
        Id = id;
        Fatal = fatal;
        Context = context;
        Expect = expect;
        Message = message;
        var steps = path.Split('/');
        var last = steps[steps.Length - 1];
        Attribute = last.Length > 0 && last[0] == '@' ? last.Substring(1) : null;
        Steps = new (string Ns, string Local)[Attribute is null ? steps.Length : steps.Length - 1];
        for (var i = 0; i < Steps.Length; i++)
        {
            var colon = steps[i].Split(':');
            Steps[i] = (UblSyntaxRules.Namespace(colon[0]), colon[1]);
        }
    }

    public string Id { get; }

    public bool Fatal { get; }

    public SyntaxContext Context { get; }

    public Expect Expect { get; }

    public string Message { get; }

    public (string Ns, string Local)[] Steps { get; }

    public string? Attribute { get; }
}

/// <summary>
/// The UBL syntax rules that are an element path and a cardinality (UBL-SR "shall occur maximum once", UBL-CR "shall not
/// be used"), evaluated on the validator's XML tree: they are about the document's elements, which the model does not
/// keep. The UBL-SR/DT/CR rules with conditions are in <see cref="UblConditionalRules"/>, run from here.
/// </summary>
internal static partial class UblSyntaxRules
{
    private const string Cbc = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";
    private const string Cac = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";
    private const string Ext = "urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2";

    private static readonly Lazy<(SyntaxContext Context, SyntaxRule[] Rules)[]> Groups = new(BuildGroups);

    // The 544 rules on the document element: counted in one pass over the paths they name, not one walk each.
    private static readonly Lazy<PathCounter> RootRules = new(static () => new PathCounter(SrTable!.Concat(CrTable!).Where(static r => r.Context.Key == RootKey)));

    private static readonly Lazy<HashSet<string>> IdSet = new(() =>
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in SrTable!)
        {
            ids.Add(r.Id);
        }

        foreach (var r in CrTable!)
        {
            ids.Add(r.Id);
        }

        ids.UnionWith(UblConditionalRules.Ids);
        return ids;
    });

    /// <summary>The ids checked here.</summary>
    public static IReadOnlyCollection<string> Ids => IdSet.Value;

    /// <summary>Checks every element of a UBL document against the tables, then the conditional rules.</summary>
    public static void Run(XNode document, List<ValidationProblem> problems)
    {
        if (document.DocumentElement() is { } root)
        {
            // First, as the walk did when it reached the document element.
            RootRules.Value.Check(root, problems);
        }

        var groups = Groups.Value;
        Walk(document, groups, problems);
        UblConditionalRules.Run(document, problems);
    }

    internal static string Namespace(string prefix) => prefix switch
    {
        "cbc" => Cbc,
        "cac" => Cac,
        "ext" => Ext,
        "rsm" => "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100",
        "ram" => "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100",
        "udt" => "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100",
        "qdt" => "urn:un:unece:uncefact:data:standard:QualifiedDataType:100",
        _ => throw new InvalidOperationException("unknown prefix " + prefix),
    };

    private static (SyntaxContext, SyntaxRule[])[] BuildGroups() => Group(SrTable!.Concat(CrTable!).Where(static r => r.Context.Key != RootKey));

    internal static (SyntaxContext, SyntaxRule[])[] Group(IEnumerable<SyntaxRule> table)
    {
        var byKey = new Dictionary<string, (SyntaxContext Context, List<SyntaxRule> Rules)>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var rule in table)
        {
            if (!byKey.TryGetValue(rule.Context.Key, out var group))
            {
                group = (rule.Context, []);
                byKey[rule.Context.Key] = group;
                order.Add(rule.Context.Key);
            }

            group.Rules.Add(rule);
        }

        return order.Select(k => (byKey[k].Context, byKey[k].Rules.ToArray())).ToArray();
    }

    internal static void Walk(XNode node, (SyntaxContext Context, SyntaxRule[] Rules)[] groups, List<ValidationProblem> problems)
    {
        foreach (var child in node.Children)
        {
            if (child.Kind != XNodeKind.Element)
            {
                continue;
            }

            foreach (var (context, rules) in groups)
            {
                if (!context.Matches(child))
                {
                    continue;
                }

                foreach (var rule in rules)
                {
                    var count = Count(child, rule, 0, rule.Expect == Expect.Absent ? 1 : 2);
                    if (rule.Expect == Expect.Absent ? count > 0 : count > 1)
                    {
                        problems.Add(new ValidationProblem(rule.Id, rule.Fatal ? ValidationSeverity.Fatal : ValidationSeverity.Warning, rule.Message, child.Path()));
                    }
                }
            }

            Walk(child, groups, problems);
        }
    }

    // Occurrences of the rule's path below the node, counted up to `enough`.
    private static int Count(XNode node, SyntaxRule rule, int step, int enough)
    {
        if (step == rule.Steps.Length)
        {
            return rule.Attribute is null || HasAttribute(node, rule.Attribute) ? 1 : 0;
        }

        var (ns, local) = rule.Steps[step];
        var count = 0;
        foreach (var c in node.Children)
        {
            if (c.Kind == XNodeKind.Element && c.LocalName == local && c.NamespaceUri == ns)
            {
                count += Count(c, rule, step + 1, enough - count);
                if (count >= enough)
                {
                    break;
                }
            }
        }

        return count;
    }

    private static bool HasAttribute(XNode node, string name)
    {
        foreach (var a in node.Attributes)
        {
            if (a.LocalName == name && a.NamespaceUri.Length == 0)
            {
                return true;
            }
        }

        return false;
    }

    // The tables (other files of this partial class) may be initialized before any field here: contexts are built
    // without static state and grouped by key.
    private const string RootKey = "/";

    private static SyntaxContext Root() => new(RootKey, static n => n.Parent?.Kind == XNodeKind.Document);

    // A context such as "cac:InvoiceLine | cac:CreditNoteLine" or "cac:AccountingSupplierParty/cac:Party".
    private static SyntaxContext Names(params string[] paths)
    {
        var compiled = paths.Select(static p => p.Split('/').Select(static s => s.Split(':')).Select(static s => (Ns: Namespace(s[0]), Local: s[1])).ToArray()).ToArray();
        return new SyntaxContext(string.Join("|", paths), n =>
        {
            foreach (var steps in compiled)
            {
                var cur = n;
                var ok = true;
                for (var i = steps.Length - 1; i >= 0; i--)
                {
                    if (cur is null || cur.Kind != XNodeKind.Element || cur.LocalName != steps[i].Local || cur.NamespaceUri != steps[i].Ns)
                    {
                        ok = false;
                        break;
                    }

                    cur = cur.Parent;
                }

                if (ok)
                {
                    return true;
                }
            }

            return false;
        });
    }

    // cac:AllowanceCharge[cbc:ChargeIndicator = false()/true()]: the indicator text cast to xs:boolean.
    private static SyntaxContext AllowanceCharge(bool charge) => new("AllowanceCharge:" + (charge ? "true" : "false"), n =>
    {
        if (n.LocalName != "AllowanceCharge" || n.NamespaceUri != Cac)
        {
            return false;
        }

        foreach (var c in n.Children)
        {
            if (c.Kind == XNodeKind.Element && c.LocalName == "ChargeIndicator" && c.NamespaceUri == Cbc)
            {
                return c.StringValue.Trim() switch
                {
                    "true" or "1" => charge,
                    "false" or "0" => !charge,
                    _ => false,
                };
            }
        }

        return false;
    });
}
