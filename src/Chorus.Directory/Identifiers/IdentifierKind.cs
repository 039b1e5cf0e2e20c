namespace Chorus.Directory.Identifiers;

/// <summary>The kinds of identifier <see cref="IdentifierClassifier"/> recognises from their shape.</summary>
public enum IdentifierKind
{
    /// <summary>The shape matches no identifier the suite knows.</summary>
    Unknown = 0,

    /// <summary>9 digits: a SIREN.</summary>
    Siren,

    /// <summary>14 digits: a SIRET.</summary>
    Siret,

    /// <summary><c>FR</c> followed by 11 characters: a French VAT number.</summary>
    Vat,

    /// <summary>A VAT number of another EU member state (Chorus Pro type <c>UE_HORS_FRANCE</c>); only when the type is given.</summary>
    EuVat,

    /// <summary>An identifier from outside the EU (type <c>HORS_UE</c>); only when the type is given.</summary>
    OutsideEu,

    /// <summary>A RIDET, New Caledonia (type <c>RIDET</c>); only when the type is given.</summary>
    Ridet,

    /// <summary>A numéro TAHITI, French Polynesia (type <c>TAHITI</c>); only when the type is given.</summary>
    Tahiti,

    /// <summary>A structure "en cours d'immatriculation" (type <c>AUTRE</c>); only when the type is given.</summary>
    PendingRegistration,

    /// <summary>A private individual (type <c>PARTICULIER</c>); only when the type is given.</summary>
    PrivateIndividual,
}
