namespace Chorus.Directory.Identifiers;

/// <summary>Why an identifier was refused. <see cref="None"/> means it is valid.</summary>
public enum IdentifierError
{
    /// <summary>The identifier is valid.</summary>
    None = 0,

    /// <summary>Nothing but separators was given.</summary>
    Empty,

    /// <summary>The identifier does not have the length of its kind (9 digits for a SIREN, 14 for a SIRET, 13 characters for a VAT number).</summary>
    WrongLength,

    /// <summary>A character that the identifier cannot hold (a letter in a SIREN, a symbol…).</summary>
    InvalidCharacter,

    /// <summary>The check digit does not match (Luhn for SIREN and SIRET, digit sum modulo 5 for La Poste establishments).</summary>
    CheckDigit,

    /// <summary>The VAT key does not match the SIREN it carries.</summary>
    VatKey,

    /// <summary>The VAT number does not start with the expected country prefix.</summary>
    CountryPrefix,
}

/// <summary>Human-readable texts for <see cref="IdentifierError"/>.</summary>
public static class IdentifierErrorExtensions
{
    /// <summary>A one-line English explanation of <paramref name="error"/> for the given kind of identifier, or <see langword="null"/> for <see cref="IdentifierError.None"/>.</summary>
    /// <param name="error">The error.</param>
    /// <param name="kind">The kind of identifier, as a word ("SIREN", "SIRET", "VAT number").</param>
    public static string? Describe(this IdentifierError error, string kind) => error switch
    {
        IdentifierError.None => null,
        IdentifierError.Empty => $"empty {kind}",
        IdentifierError.WrongLength => kind switch
        {
            "SIREN" => "a SIREN has 9 digits",
            "SIRET" => "a SIRET has 14 digits",
            "VAT number" => "a French VAT number is FR followed by 11 characters",
            _ => $"wrong length for a {kind}",
        },
        IdentifierError.InvalidCharacter => $"invalid character in {kind}",
        IdentifierError.CheckDigit => kind == "SIRET"
            ? "check digit mismatch (Luhn; for La Poste establishments, digit sum modulo 5)"
            : $"check digit mismatch (Luhn) in {kind}",
        IdentifierError.VatKey => "VAT key does not match the SIREN",
        IdentifierError.CountryPrefix => kind == "VAT number"
            ? "a French VAT number starts with FR"
            : $"{kind}: not the VIES prefix of an EU member state other than France",
        _ => $"invalid {kind}",
    };
}
