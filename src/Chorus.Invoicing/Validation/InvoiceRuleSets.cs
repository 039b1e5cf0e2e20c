namespace Chorus.Invoicing.Validation;

/// <summary>The rule sets <see cref="InvoiceValidator"/> can apply; combine them with <c>|</c>.</summary>
[Flags]
public enum InvoiceRuleSets
{
    /// <summary>Nothing beyond reading the document.</summary>
    None = 0,

    /// <summary><see cref="FacturX"/> when BT-24 declares a Factur-X/ZUGFeRD profile other than EN 16931 or the French
    /// EXTENDED-CTC-FR profile, otherwise <see cref="En16931"/>.</summary>
    Auto = 1,

    /// <summary>XML Schema (UBL 2.1, CII D16B, ZUGFeRD 1.0) and the EN 16931 rules of the official CEN/TC 434 artefacts v1.3.16.</summary>
    En16931 = 2,

    /// <summary>The rules of the profile BT-24 declares: a Factur-X 1.09 profile (CII; per-profile XSD findings are
    /// warnings), or EXTENDED-CTC-FR (CII or UBL: the official EXTENDED-CTC-FR stylesheets' rules, which keep most
    /// EN 16931 rules and add the profile's). Always with the full syntax schema.</summary>
    FacturX = 4,

    /// <summary>What Chorus Pro adds (<c>CHORUS-…</c>): invoice number length, amount decimals, identifier schemes, accepted types.</summary>
    Chorus = 8,

    /// <summary>The French reform's BR-FR rules (a subset, see the package README).</summary>
    FrCtc = 16,
}
