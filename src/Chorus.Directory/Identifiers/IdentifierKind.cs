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
}
