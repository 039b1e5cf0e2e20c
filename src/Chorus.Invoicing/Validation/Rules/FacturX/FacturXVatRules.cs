using Chorus.Invoicing.Validation.Internal.XPath;

namespace Chorus.Invoicing.Validation.Rules.FacturX;

/// <summary>
/// The Factur-X 1.09 VAT category rules of a profile (BR-S/Z/E/AE/IC/G/O/AF/AG-*), native. EMPTY STUB: the engineer
/// writing these rules owns this file; the lead takes that version at merge.
/// </summary>
internal static class FacturXVatRules
{
    /// <summary>Adds the problems of the profile's VAT category rules; <paramref name="profile"/> is MINIMUM, BASICWL, BASIC, EN16931 or EXTENDED.</summary>
    public static void Run(XNode document, string profile, List<ValidationProblem> problems)
    {
    }
}
