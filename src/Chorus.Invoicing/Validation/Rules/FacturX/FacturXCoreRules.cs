using Chorus.Invoicing.Validation.Internal.XPath;

namespace Chorus.Invoicing.Validation.Rules.FacturX;

/// <summary>
/// The Factur-X 1.09 business rules of a profile ("[BR-..]", "[BR-CO-..]", "[CII-SR-..]"… messages of the official
/// stylesheets), native. EMPTY STUB: the engineer writing these rules owns this file; the lead takes that version at merge.
/// </summary>
internal static class FacturXCoreRules
{
    /// <summary>Adds the problems of the profile's business rules; <paramref name="profile"/> is MINIMUM, BASICWL, BASIC, EN16931 or EXTENDED.</summary>
    public static void Run(XNode document, string profile, List<ValidationProblem> problems)
    {
    }
}
