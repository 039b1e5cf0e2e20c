namespace Chorus.Invoicing.FacturX;

/// <summary>Choices for <see cref="FacturXCreator.Create(byte[], byte[], FacturXCreateOptions?)"/>; every one has a default from the Factur-X specification.</summary>
public sealed record FacturXCreateOptions
{
    /// <summary>The defaults.</summary>
    public static FacturXCreateOptions Default { get; } = new();

    /// <summary>The clock for <c>/Params /ModDate</c>, the Info and XMP dates. Default: <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>The profile to declare in the XMP; null (default) = the one the XML's BT-24 declares.</summary>
    public string? Profile { get; init; }

    /// <summary>The relationship; null (default) = Data for MINIMUM and BASIC WL, Alternative otherwise. Set Source when the XML is the source of the PDF.</summary>
    public AFRelationship? Relationship { get; init; }

    /// <summary>The attachment name; null (default) = <c>factur-x.xml</c> (<c>xrechnung.xml</c> for the XRECHNUNG profile).</summary>
    public string? FileName { get; init; }

    /// <summary>The <c>fx:Version</c> written in the XMP. Default "1.0" (every Factur-X 1.0.x release).</summary>
    public string Version { get; init; } = "1.0";

    /// <summary>The producer written in the Info dictionary and the XMP.</summary>
    public string Producer { get; init; } = "Chorus SDK";
}
