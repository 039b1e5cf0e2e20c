namespace Chorus.Directory.Annuaire.Internal;

/// <summary>
/// The one place where header names are mapped to the directory's fields. The canonical CSV's names come first; the others
/// are the field names of the Chorus Pro structure API (consulterStructure / rechercherServicesStructure), which exports
/// built from the API commonly keep. Matching ignores case, spaces, underscores and dashes.
/// </summary>
internal static class AnnuaireColumns
{
    public const int Identifier = 0;
    public const int IdentifierType = 1;
    public const int Name = 2;
    public const int Active = 3;
    public const int ServiceCodeRequired = 4;
    public const int EngagementRequired = 5;
    public const int PaymentStatusReported = 6;
    public const int MoaOnly = 7;
    public const int ServiceCode = 8;
    public const int ServiceName = 9;
    public const int ServiceActive = 10;
    public const int Count = 11;

    /// <summary>Canonical name first, then accepted aliases.</summary>
    public static readonly string[][] Names =
    [
        ["identifiant", "identifiantStructure", "siret", "siretStructure"],
        ["typeIdentifiant", "typeIdentifiantStructure"],
        ["raisonSociale", "designationStructure", "libelleStructure", "nomStructure"],
        ["structureActive", "estActive", "structureEstActive"],
        ["codeServiceObligatoire", "codeServiceDoitEtreRenseigne", "estCodeServiceObligatoire"],
        ["engagementObligatoire", "numeroEJDoitEtreRenseigne", "numeroEngagementDoitEtreRenseigne", "engagementJuridiqueObligatoire"],
        ["miseEnPaiementRemontee", "gestionStatutMiseEnPaiement", "statutMiseEnPaiementRemonte"],
        ["moaUniquement", "estMOAUniquement"],
        ["codeService"],
        ["libelleService", "nomService", "libelléService"],
        ["serviceActif", "serviceEstActif", "estActifService"],
    ];

    /// <summary>The columns without which a file is not a directory.</summary>
    public static readonly int[] Required = [Identifier, Active, ServiceCodeRequired, EngagementRequired];

    /// <summary>The field a header names, or -1.</summary>
    public static int Find(string header)
    {
        var key = Normalise(header);
        for (var field = 0; field < Names.Length; field++)
        {
            foreach (var name in Names[field])
            {
                if (string.Equals(Normalise(name), key, StringComparison.Ordinal))
                {
                    return field;
                }
            }
        }

        return -1;
    }

    private static string Normalise(string header)
    {
        var chars = new System.Text.StringBuilder(header.Length);
        foreach (var c in header)
        {
            if (c is ' ' or '_' or '-' or '\t' or '\uFEFF')
            {
                continue;
            }

            chars.Append(char.ToLowerInvariant(c));
        }

        return chars.ToString();
    }
}
