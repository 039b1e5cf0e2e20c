using Chorus.Invoicing.Pdf.Internal;

namespace Chorus.Invoicing.FacturX;

/// <summary>The Factur-X / ZUGFeRD profile names, and how XMP levels and BT-24 identifiers map to them.</summary>
public static class FacturXProfiles
{
    /// <summary>MINIMUM (not a full invoice: /AFRelationship Data).</summary>
    public const string Minimum = "MINIMUM";

    /// <summary>BASIC WL, "without lines" (not a full invoice: /AFRelationship Data).</summary>
    public const string BasicWl = "BASIC WL";

    /// <summary>BASIC.</summary>
    public const string Basic = "BASIC";

    /// <summary>EN 16931 (formerly COMFORT).</summary>
    public const string En16931 = "EN 16931";

    /// <summary>EXTENDED.</summary>
    public const string Extended = "EXTENDED";

    /// <summary>XRECHNUNG (the German CIUS, in Factur-X 1.0.06+ / ZUGFeRD 2.1+).</summary>
    public const string XRechnung = "XRECHNUNG";

    /// <summary>COMFORT (ZUGFeRD 1.0).</summary>
    public const string Comfort = "COMFORT";

    /// <summary>An XMP <c>ConformanceLevel</c> normalised to the profile names above, or null when it is none of them.</summary>
    public static string? Normalize(string? level)
    {
        if (string.IsNullOrWhiteSpace(level))
        {
            return null;
        }

        var key = Str.RemoveSpaces(level!.Trim().ToUpperInvariant().Replace('-', ' ').Replace('_', ' '));
        return key switch
        {
            "MINIMUM" => Minimum,
            "BASICWL" => BasicWl,
            "BASIC" => Basic,
            "EN16931" => En16931,
            "EXTENDED" => Extended,
            "XRECHNUNG" => XRechnung,
            "COMFORT" => Comfort,
            _ => null,
        };
    }

    /// <summary>The profile a BT-24 specification identifier declares (Factur-X 1.0, ZUGFeRD 1/2, XRechnung), or null.</summary>
    public static string? FromGuideline(string? guidelineId) =>
        InvoiceProfiles.DisplayName(InvoiceProfiles.Detect(guidelineId)); // one BT-24 table for the whole package

    /// <summary>
    /// The <c>/AFRelationship</c> the Factur-X specification asks for: <c>Data</c> for MINIMUM and BASIC WL (they are not
    /// full invoices), <c>Alternative</c> for the others.
    /// </summary>
    public static AFRelationship RelationshipFor(string? profile) =>
        profile is Minimum or BasicWl ? AFRelationship.Data : AFRelationship.Alternative;
}
