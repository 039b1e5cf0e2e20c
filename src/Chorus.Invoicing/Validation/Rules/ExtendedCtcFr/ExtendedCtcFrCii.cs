using Chorus.Invoicing.Validation.Internal.Tree;
using Chorus.Invoicing.Validation.Rules.FacturX;
using Chorus.Invoicing.Validation.Rules.Tree;

namespace Chorus.Invoicing.Validation.Rules.ExtendedCtcFr;

/// <summary>
/// The assertions of <c>EXTENDED-CTC-FR-CII.xslt</c> that are not EN 16931's word for word: BR-FREXT-*, BR-FXEXT-*,
/// CII-FREXT-* and the EN 16931 rules the profile restates with another test or context.
/// </summary>
/// <remarks>
/// One declared rule per assertion, in the stylesheet's order (pattern, then rule priority). Where the profile kept a
/// Factur-X 1.09 EXTENDED assertion with the same context and test (BR-FXEXT-x-01, BR-22…26, BR-54-1/2, CO-15, BR-FXEXT-04)
/// the Factur-X rule is run under the profile's id; the breakdown sums (BR-FXEXT-x-08/-08ini/-08rev, S-09) are Factur-X's
/// computations, bound here as stylesheet variables. The new contexts share patterns with EN 16931 rules: a node is
/// checked by the first rule of its pattern whose context matches, so each context below leaves out the nodes that an
/// earlier context of its pattern takes (see the comments on <see cref="HeaderBreakdowns"/>, <see cref="ChargeIndicators"/>
/// and <see cref="ChargeReasonCodes"/>).
/// </remarks>
internal static partial class ExtendedCtcFrCii
{
    private const string Prefix = "EXTENDED-CTC-FR: ";

    /// <summary>The ids checked here.</summary>
    public static IEnumerable<string> Ids => Table.Rules.Select(static r => r.Id).Distinct(StringComparer.Ordinal);

    /// <summary>Adds a problem per failed assertion.</summary>
    public static void Run(XNode document, List<ValidationProblem> problems)
    {
        var doc = new FxDoc(document);
        if (doc.Root is null)
        {
            return;
        }

        foreach (var rule in Table.Rules)
        {
            var (fatal, message) = Texts[rule.Id];
            foreach (var (node, error) in FacturXVatRules.Failures(rule, doc, FxProfiles.Extended))
            {
                var text = Render(message, node, doc);
                problems.Report(rule.Id, fatal, Prefix + (error is null ? text : text + " (the test could not be evaluated: " + error + ")"), node);
            }
        }
    }

    // Built on first use, once the static tables of every part of the class (partial files) are initialised.
    private static class Table
    {
        public static readonly FxRule[] Rules = [.. Model(), .. Breakdowns(), .. Syntax(), .. CodeLists(), .. SubLines(), .. PaymentMeans()];
    }

    /// <summary>A Factur-X 1.09 rule whose context and test the profile kept, run under the profile's id.</summary>
    private static FxRule Same(string id, string facturXId, IEnumerable<FxRule> family)
    {
        var rule = family.First(r => r.Id == facturXId);
        return new FxRule(id, rule.Context, rule.Test);
    }

    /// <summary>
    /// <c>ram:ChargeIndicator/udt:Indicator = true()</c> in a match pattern: each indicator cast to xs:boolean; a value
    /// that is not a boolean makes the pattern fail, which is a non-match.
    /// </summary>
    private static bool IndicatorIs(XNode allowanceCharge, bool value)
    {
        try
        {
            return FacturXVatSums.IndicatorEquals(allowanceCharge, value, cast: false);
        }
        catch (FxEvalException)
        {
            return false;
        }
    }

    /// <summary><c>contains(list, concat(' ', value, ' '))</c> with no space in the value: one of the list's codes.</summary>
#pragma warning disable CA2249 // string.Contains(string, StringComparison) is missing on netstandard2.0
    private static bool InList(string list, string value) =>
        TreeQuery.IndexOf(value, ' ') < 0 && list.IndexOf(" " + value + " ", StringComparison.Ordinal) >= 0;
#pragma warning restore CA2249

    private static bool HasAncestor(XNode node, string local)
    {
        for (var p = node.Parent; p is not null && p.Kind == XNodeKind.Element; p = p.Parent)
        {
            if (p.LocalName == local && p.NamespaceUri == Ns.Ram)
            {
                return true;
            }
        }

        return false;
    }
}
