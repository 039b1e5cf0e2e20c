using Chorus.Invoicing.Validation.Internal.Tree;

namespace Chorus.Invoicing.Validation.Rules.FacturX;

/// <summary>
/// An XPath dynamic error in an official test (a non-number cast to xs:decimal, several items where one is expected…):
/// the schematron processor would stop; like the interpreter, the assertion is reported as failed, with the reason.
/// </summary>
internal sealed class FxEvalException(string message) : Exception(message);

/// <summary>
/// One declared assertion: the bracket id (its profiles, flag and text are facts in <see cref="FacturXVatTexts"/>), the
/// nodes it checks (the schematron rule context) and the test on one of them. Every pattern of these rules has a single
/// rule, so first-match semantics reduce to "each context node once".
/// </summary>
internal sealed record FxRule(string Id, Func<FxDoc, IEnumerable<XNode>> Context, Func<XNode, FxDoc, FxProfiles, bool> Test);

/// <summary>
/// The Factur-X 1.09 VAT category rules (BR-S/Z/E/AE/IC/G/O/AF/AG-*) and the EXTENDED rules (BR-FXEXT-*), native: the
/// same ids, severities, messages and locations as the official profile schematrons.
/// </summary>
internal static class FacturXVatRules
{
    private static readonly FxRule[] Rules = [.. FacturXVatCategories.Rules.Concat(FacturXVatSums.Rules).Concat(FacturXVatBreakdowns.Rules).Concat(FacturXVatExtended.Rules).Where(static r => FacturXVatTexts.Facts.ContainsKey(r.Id))];

    /// <summary>Every id declared natively (for the runner's bookkeeping and the tests).</summary>
    public static IEnumerable<string> Ids => Rules.Select(static r => r.Id);

    /// <summary>Checks a CII document against the rules of a profile ("MINIMUM", "BASICWL", "BASIC", "EN16931", "EXTENDED").</summary>
    public static void Run(XNode document, string profile, List<ValidationProblem> problems)
    {
        var p = ProfileOf(profile);
        if (p == FxProfiles.None)
        {
            return;
        }

        var doc = new FxDoc(document);
        foreach (var rule in Rules)
        {
            var (profiles, fatal, message) = FacturXVatTexts.Facts[rule.Id];
            if ((profiles & p) == 0)
            {
                continue;
            }

            foreach (var (node, error) in Failures(rule, doc, p))
            {
                var text = error is null ? message : message + " (the test could not be evaluated: " + error + ")";
                problems.Add(new ValidationProblem(rule.Id, fatal ? ValidationSeverity.Fatal : ValidationSeverity.Warning, $"Factur-X 1.09 {profile}: {text}", node.Path()));
            }
        }
    }

    /// <summary>
    /// The context nodes on which a rule fails, in document order, with the XPath error that failed the test if any. A
    /// context that cannot be evaluated selects nothing (an error while matching a pattern is a non-match, XSLT 2.0 §6.4).
    /// </summary>
    internal static List<(XNode Node, string? Error)> Failures(FxRule rule, FxDoc doc, FxProfiles profile)
    {
        var failures = new List<(XNode, string?)>();
        List<XNode> nodes;
        try
        {
            nodes = [.. rule.Context(doc)];
        }
        catch (FxEvalException)
        {
            return failures;
        }

        foreach (var node in nodes)
        {
            try
            {
                if (!rule.Test(node, doc, profile))
                {
                    failures.Add((node, null));
                }
            }
            catch (FxEvalException ex)
            {
                failures.Add((node, ex.Message));
            }
        }

        return failures;
    }

    internal static FxProfiles ProfileOf(string profile) => profile switch
    {
        "MINIMUM" => FxProfiles.Minimum,
        "BASICWL" => FxProfiles.BasicWl,
        "BASIC" => FxProfiles.Basic,
        "EN16931" => FxProfiles.En16931,
        "EXTENDED" => FxProfiles.Extended,
        _ => FxProfiles.None,
    };
}
