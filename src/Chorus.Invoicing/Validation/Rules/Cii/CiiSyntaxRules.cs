using Chorus.Invoicing.Validation.Internal.Tree;
using Chorus.Invoicing.Validation.Rules.Ubl;

namespace Chorus.Invoicing.Validation.Rules.Cii;

/// <summary>
/// The CII syntax rules that are an element path and a cardinality (CII-SR "shall not be used" / "maximum once",
/// CII-DT), evaluated on the validator's XML tree with the same machinery as <see cref="UblSyntaxRules"/>; the other
/// CII-SR/DT rules (with conditions) are in <see cref="CiiConditionalRules"/>.
/// </summary>
internal static partial class CiiSyntaxRules
{
    private static readonly Lazy<SyntaxGroups> Groups = new(() => UblSyntaxRules.Group(TableA!.Concat(TableB!)));

    private static readonly Lazy<HashSet<string>> IdSet = new(() => new HashSet<string>(TableA!.Concat(TableB!).Select(static r => r.Id).Concat(CiiConditionalRules.Ids), StringComparer.Ordinal));

    /// <summary>The ids checked here.</summary>
    public static IReadOnlyCollection<string> Ids => IdSet.Value;

    /// <summary>Checks every element of a CII document against the table, then the conditional rules.</summary>
    public static void Run(XNode document, List<ValidationProblem> problems)
    {
        UblSyntaxRules.Walk(document, Groups.Value, problems);
        CiiConditionalRules.Run(document, problems);
    }

    // "/a/b" anchored at the document, "//a/b" anywhere; several joined by '|'.
    private static SyntaxContext Paths(params string[] paths)
    {
        var compiled = paths.Select(static p => (Anchored: !p.StartsWith("//", StringComparison.Ordinal), Steps: p.TrimStart('/').Split('/').Select(static s => s.Split(':')).Select(static s => (Ns: UblSyntaxRules.Namespace(s[0]), Local: string.Intern(s[1]))).ToArray())).ToArray();
        var lasts = compiled.Select(static c => c.Steps[c.Steps.Length - 1]).ToArray();
        return new SyntaxContext(
            string.Join("|", paths),
            n =>
        {
            foreach (var (anchored, steps) in compiled)
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

                if (ok && (!anchored || cur?.Kind == XNodeKind.Document))
                {
                    return true;
                }
            }

            return false;
        },
            (ns, local) => Array.IndexOf(lasts, (ns, local)) >= 0);
    }

    // //ram:*[ends-with(name(), 'X')] (or any namespace when prefix is null).
    private static SyntaxContext EndsWith(string? prefix, string suffix)
    {
        var ns = prefix is null ? null : UblSyntaxRules.Namespace(prefix);
        return new SyntaxContext(
            "ends-with:" + prefix + ":" + suffix,
            n => n.Kind == XNodeKind.Element && (ns is null || n.NamespaceUri == ns) && n.LocalName.EndsWith(suffix, StringComparison.Ordinal),
            (elementNs, local) => (ns is null || elementNs == ns) && local.EndsWith(suffix, StringComparison.Ordinal));
    }
}
