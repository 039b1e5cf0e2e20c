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
internal sealed record SyntaxContext(string Key, Func<XNode, bool> Matches, Func<string, string, bool>? MayMatch = null);

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
        Attribute = last.Length > 0 && last[0] == '@' ? string.Intern(last.Substring(1)) : null;
        Steps = new (string Ns, string Local)[Attribute is null ? steps.Length : steps.Length - 1];
        for (var i = 0; i < Steps.Length; i++)
        {
            var colon = steps[i].Split(':');
            // Interned: the tree's names are the same instances (SchemaCatalog), so a matching step ends at the reference check.
            Steps[i] = (UblSyntaxRules.Namespace(colon[0]), string.Intern(colon[1]));
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

    private static readonly Lazy<SyntaxGroups> Groups = new(BuildGroups);

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

    private static SyntaxGroups BuildGroups() => Group(SrTable!.Concat(CrTable!).Where(static r => r.Context.Key != RootKey));

    internal static SyntaxGroups Group(IEnumerable<SyntaxRule> table)
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

        return new SyntaxGroups(order.Select(k => (byKey[k].Context, byKey[k].Rules.ToArray())).ToArray());
    }

    /// <summary>
    /// Checks the node's descendants against the groups: an element is tested only against the groups whose context can
    /// match its name (in table order, so problems keep their order), and a matching group counts all its rule paths in
    /// one walk of the element's children.
    /// </summary>
    internal static void Walk(XNode node, SyntaxGroups groups, List<ValidationProblem> problems)
    {
        foreach (var child in node.Children)
        {
            if (child.Kind != XNodeKind.Element)
            {
                continue;
            }

            foreach (var g in groups.For(child.NamespaceUri, child.LocalName))
            {
                var (context, counter) = groups[g];
                if (context.Matches(child))
                {
                    counter.Check(child, problems);
                }
            }

            Walk(child, groups, problems);
        }
    }

    // The tables (other files of this partial class) may be initialized before any field here: contexts are built
    // without static state and grouped by key.
    private const string RootKey = "/";

    private static SyntaxContext Root() => new(RootKey, static n => n.Parent?.Kind == XNodeKind.Document);

    // A context such as "cac:InvoiceLine | cac:CreditNoteLine" or "cac:AccountingSupplierParty/cac:Party".
    private static SyntaxContext Names(params string[] paths)
    {
        var compiled = paths.Select(static p => p.Split('/').Select(static s => s.Split(':')).Select(static s => (Ns: Namespace(s[0]), Local: string.Intern(s[1]))).ToArray()).ToArray();
        var lasts = compiled.Select(static steps => steps[steps.Length - 1]).ToArray();
        return new SyntaxContext(
            string.Join("|", paths),
            n =>
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
        },
            (ns, local) => Array.IndexOf(lasts, (ns, local)) >= 0);
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
    },
        static (ns, local) => local == "AllowanceCharge" && ns == Cac);
}
