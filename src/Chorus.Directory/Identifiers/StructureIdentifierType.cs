using System.ComponentModel;

namespace Chorus.Directory.Identifiers;

/// <summary>
/// The identifier types Chorus Pro accepts for a structure (<c>typeIdentifiant</c> / <c>typeIdentifiantStructure</c>).
/// The published codes are in <see cref="DescriptionAttribute"/> and in <see cref="StructureIdentifierTypes.ToCode"/>.
/// </summary>
public enum StructureIdentifierType
{
    /// <summary>A French establishment identified by its SIRET (code <c>SIRET</c>).</summary>
    [Description("SIRET")]
    Siret = 0,

    /// <summary>A company of another EU member state, identified by its VAT number (code <c>UE_HORS_FRANCE</c>).</summary>
    [Description("UE_HORS_FRANCE")]
    EuOutsideFrance,

    /// <summary>A company outside the EU, identified by a national number of its own country (code <c>HORS_UE</c>).</summary>
    [Description("HORS_UE")]
    OutsideEu,

    /// <summary>A New Caledonian company, identified by its RIDET (code <c>RIDET</c>).</summary>
    [Description("RIDET")]
    Ridet,

    /// <summary>A French Polynesian company, identified by its numéro TAHITI (code <c>TAHITI</c>).</summary>
    [Description("TAHITI")]
    Tahiti,

    /// <summary>A company "en cours d'immatriculation" (registration pending), without a SIRET yet (code <c>AUTRE</c>).</summary>
    [Description("AUTRE")]
    PendingRegistration,

    /// <summary>A private individual (code <c>PARTICULIER</c>).</summary>
    [Description("PARTICULIER")]
    PrivateIndividual,
}

/// <summary>The Chorus Pro codes of <see cref="StructureIdentifierType"/>.</summary>
public static class StructureIdentifierTypes
{
    private static readonly string[] Codes = ["SIRET", "UE_HORS_FRANCE", "HORS_UE", "RIDET", "TAHITI", "AUTRE", "PARTICULIER"];

    /// <summary>The code Chorus Pro uses for <paramref name="type"/>, e.g. <c>UE_HORS_FRANCE</c>.</summary>
    public static string ToCode(this StructureIdentifierType type) =>
        (uint)type < (uint)Codes.Length ? Codes[(int)type] : throw new ArgumentOutOfRangeException(nameof(type));

    /// <summary>Reads a Chorus Pro code (case-insensitive, surrounding spaces ignored).</summary>
    /// <returns>False when the code is not one of the seven Chorus Pro knows.</returns>
    public static bool TryParse(string? code, out StructureIdentifierType type)
    {
        type = StructureIdentifierType.Siret;
        if (code is null)
        {
            return false;
        }

        var trimmed = code.Trim();
        for (var i = 0; i < Codes.Length; i++)
        {
            if (string.Equals(Codes[i], trimmed, StringComparison.OrdinalIgnoreCase))
            {
                type = (StructureIdentifierType)i;
                return true;
            }
        }

        return false;
    }

    internal static bool TryParse(ReadOnlySpan<byte> ascii, out StructureIdentifierType type)
    {
        type = StructureIdentifierType.Siret;
        for (var i = 0; i < Codes.Length; i++)
        {
            if (Annuaire.Internal.Utf8Text.EqualsIgnoreCase(ascii, Codes[i]))
            {
                type = (StructureIdentifierType)i;
                return true;
            }
        }

        return false;
    }
}
