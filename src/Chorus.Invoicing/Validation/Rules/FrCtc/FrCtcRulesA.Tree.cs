using Chorus.Invoicing.Validation.Internal.Tree;
using Chorus.Invoicing.Validation.Rules.Tree;

namespace Chorus.Invoicing.Validation.Rules.FrCtc;

// The few XPath idioms the BR-FR rules are written with, on the validator's tree.
internal static partial class FrCtcRulesA
{
    private static readonly string[] Excluded = ["389", "501", "500", "471", "473", "261", "502"];

    private static List<XNode> All(XNode node, ElementPath path) => node.Select(path) as List<XNode> ?? node.Select(path).ToList();

    // path[@schemeID = 'value']
    private static List<XNode> WithScheme(XNode node, ElementPath path, string scheme)
    {
        var list = new List<XNode>();
        foreach (var n in node.Select(path))
        {
            if (n.Attr("schemeID") == scheme)
            {
                list.Add(n);
            }
        }

        return list;
    }

    // nodes[@schemeID = 'value']
    private static List<XNode> Scheme(List<XNode> nodes, string scheme) => nodes.Where(n => n.Attr("schemeID") == scheme).ToList();

    // A general comparison "nodes = 'a'" (or any of several values): true when one node's string value is one of them.
    private static bool AnyEquals(IEnumerable<XNode> nodes, params string[] values)
    {
        foreach (var n in nodes)
        {
            var v = n.StringValue;
            foreach (var w in values)
            {
                if (v == w)
                {
                    return true;
                }
            }
        }

        return false;
    }

    // custom:f($nodes) where f compares its xs:string? argument with "=": the interpreter passes every node, so any may match.
    private static bool Any(IEnumerable<XNode> nodes, Func<string, bool> valid)
    {
        foreach (var n in nodes)
        {
            if (valid(n.StringValue))
            {
                return true;
            }
        }

        return false;
    }

    // Child element "name = 'value'" (existential).
    private static bool ChildEquals(XNode node, string ns, string local, string value) => AnyEquals(node.Elements(ns, local), value);

    // The string value where XPath wants at most one item: "" for none, null (an XPTY0004 error) for several.
    private static string? One(List<XNode> nodes) => nodes.Count switch
    {
        0 => string.Empty,
        1 => nodes[0].StringValue,
        _ => null,
    };

    // normalize-space($nodes): the interpreter joins several nodes with a space (where Saxon would stop) and normalises.
    private static string NormalizeJoined(List<XNode> nodes) => nodes.Count switch
    {
        0 => string.Empty,
        1 => TreeQuery.NormalizeSpace(nodes[0].StringValue),
        _ => TreeQuery.NormalizeSpace(string.Join(" ", nodes.Select(static n => n.StringValue))),
    };

    // starts-with($endpoint, $siren) and $scheme = '0225': an endpoint that starts with the SIREN, in the SIREN/SIRET scheme.
    private static bool? EndpointStartsWithSiren(List<XNode> endpoints, List<XNode> sirens)
    {
        if (One(endpoints) is not { } endpoint || One(sirens) is not { } siren)
        {
            return null;
        }

        if (!endpoint.StartsWith(siren, StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var e in endpoints)
        {
            if (e.Attr("schemeID") == "0225")
            {
                return true;
            }
        }

        return false;
    }

    // not($siret) or custom:check-siret-siren-coherence($siret[1], $siren), where $siren falls back (for the parties other
    // than seller and buyer) on the SIRET's first 9 characters when the party gives no SIREN.
    private static bool? SiretCoherent(List<XNode> sirets, List<XNode> sirens, bool fallback, bool severalSiretsFail)
    {
        if (sirets.Count == 0)
        {
            return true;
        }

        IEnumerable<string> candidates;
        if (!fallback)
        {
            candidates = sirens.Select(static s => s.StringValue);
        }
        else if (sirens.Count > 1)
        {
            // string() of several SIRENs fails in the stylesheet's variable, which the interpreter then binds to nothing.
            candidates = [];
        }
        else if (sirens.Count == 1 && sirens[0].StringValue.Length > 0)
        {
            candidates = [sirens[0].StringValue];
        }
        else
        {
            // The SIREN is the SIRET's first 9 characters (CII's substring($siret, 1, 9) fails on several SIRETs).
            candidates = severalSiretsFail && sirets.Count > 1 ? [] : [Head(sirets[0].StringValue, 9)];
        }

        return FrCtcFunctions.CheckSiretSirenCoherence(sirets[0].StringValue, candidates);
    }

    // The first characters of a string (XPath's substring($s, 1, n) on UTF-16 units, as the interpreter counts).
    private static string Head(string s, int n) => s.Length <= n ? s : s.Substring(0, n);
}
