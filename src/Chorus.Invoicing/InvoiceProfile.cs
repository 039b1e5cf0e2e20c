namespace Chorus.Invoicing;

/// <summary>
/// The profile an invoice declares in BT-24 (specification identifier), normalised. <see cref="InvoiceProfiles.Detect"/>
/// maps BT-24 to it; <see cref="InvoiceProfiles.DisplayName"/> gives the contract's spelling (<c>EN 16931</c>, <c>BASIC WL</c>…).
/// </summary>
public enum InvoiceProfile
{
    /// <summary>No BT-24 or an identifier this SDK does not recognise.</summary>
    Unknown,

    /// <summary>Factur-X / ZUGFeRD 2 MINIMUM (<c>urn:factur-x.eu:1p0:minimum</c>).</summary>
    Minimum,

    /// <summary>Factur-X / ZUGFeRD 2 BASIC WL (<c>urn:factur-x.eu:1p0:basicwl</c>).</summary>
    BasicWl,

    /// <summary>Factur-X BASIC, or ZUGFeRD 1.0 BASIC.</summary>
    Basic,

    /// <summary>EN 16931 core (<c>urn:cen.eu:en16931:2017</c>), Factur-X EN 16931 / ZUGFeRD 2 COMFORT.</summary>
    En16931,

    /// <summary>Factur-X EXTENDED, or ZUGFeRD 1.0 EXTENDED.</summary>
    Extended,

    /// <summary>XRechnung (a German CIUS of EN 16931).</summary>
    XRechnung,

    /// <summary>French reform EXTENDED-CTC-FR (<c>urn.cpro.gouv.fr:1p0:extended-ctc-fr</c>).</summary>
    ExtendedCtcFr,

    /// <summary>Peppol BIS Billing 3.0.</summary>
    PeppolBis3,

    /// <summary>ZUGFeRD 1.0 COMFORT.</summary>
    Comfort,

    /// <summary>Another CIUS or extension of EN 16931 (<c>urn:cen.eu:en16931:2017#compliant#…</c>).</summary>
    OtherEn16931,
}

/// <summary>Profile detection from BT-24.</summary>
public static class InvoiceProfiles
{
    /// <summary>The profile a BT-24 specification identifier declares.</summary>
    public static InvoiceProfile Detect(string? specificationIdentifier)
    {
        if (string.IsNullOrWhiteSpace(specificationIdentifier))
        {
            return InvoiceProfile.Unknown;
        }

        var s = specificationIdentifier!.Trim().ToLowerInvariant();
        if (Has(s, "extended-ctc-fr"))
        {
            return InvoiceProfile.ExtendedCtcFr;
        }

        if (s.StartsWith("urn:ferd:crossindustrydocument:invoice:1p0:", StringComparison.Ordinal))
        {
            return s.EndsWith(":comfort", StringComparison.Ordinal) ? InvoiceProfile.Comfort
                : s.EndsWith(":extended", StringComparison.Ordinal) ? InvoiceProfile.Extended
                : s.EndsWith(":basic", StringComparison.Ordinal) ? InvoiceProfile.Basic : InvoiceProfile.Unknown;
        }

        if (Has(s, "xrechnung"))
        {
            return InvoiceProfile.XRechnung;
        }

        if (Has(s, ":extended"))
        {
            return InvoiceProfile.Extended;
        }

        if (Has(s, ":basicwl"))
        {
            return InvoiceProfile.BasicWl;
        }

        if (Has(s, ":basic"))
        {
            return InvoiceProfile.Basic;
        }

        if (Has(s, ":minimum"))
        {
            return InvoiceProfile.Minimum;
        }

        if (Has(s, "peppol"))
        {
            return InvoiceProfile.PeppolBis3;
        }

        if (s == "urn:cen.eu:en16931:2017" || Has(s, "zugferd.de:2p0:en16931") || Has(s, ":comfort"))
        {
            return InvoiceProfile.En16931;
        }

        return s.StartsWith("urn:cen.eu:en16931:2017", StringComparison.Ordinal) ? InvoiceProfile.OtherEn16931 : InvoiceProfile.Unknown;
    }

    private static bool Has(string s, string part) =>
#if NET8_0_OR_GREATER
        s.Contains(part, StringComparison.Ordinal);
#else
        s.IndexOf(part, StringComparison.Ordinal) >= 0;
#endif

    /// <summary>
    /// The profile's name as the CLI contract spells it: <c>MINIMUM</c>, <c>BASIC WL</c>, <c>BASIC</c>, <c>EN 16931</c>,
    /// <c>EXTENDED</c>, <c>XRECHNUNG</c>, <c>EXTENDED-CTC-FR</c>, <c>PEPPOL BIS 3</c>, <c>COMFORT</c>; null for unknown.
    /// </summary>
    public static string? DisplayName(InvoiceProfile profile) => profile switch
    {
        InvoiceProfile.Minimum => "MINIMUM",
        InvoiceProfile.BasicWl => "BASIC WL",
        InvoiceProfile.Basic => "BASIC",
        InvoiceProfile.En16931 => "EN 16931",
        InvoiceProfile.Extended => "EXTENDED",
        InvoiceProfile.XRechnung => "XRECHNUNG",
        InvoiceProfile.ExtendedCtcFr => "EXTENDED-CTC-FR",
        InvoiceProfile.PeppolBis3 => "PEPPOL BIS 3",
        InvoiceProfile.Comfort => "COMFORT",
        InvoiceProfile.OtherEn16931 => "EN 16931",
        _ => null,
    };
}
