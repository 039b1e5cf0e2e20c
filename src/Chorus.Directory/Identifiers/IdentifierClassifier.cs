namespace Chorus.Directory.Identifiers;

/// <summary>The verdict on one identifier: its kind by shape, whether it is valid, and why not.</summary>
/// <param name="Input">The input as given.</param>
/// <param name="Kind">The kind the shape indicates, whether or not the check digits hold.</param>
/// <param name="Error">Why it is invalid, <see cref="IdentifierError.None"/> when valid.</param>
/// <param name="Siren">The SIREN embedded in the identifier when there is one (even when the SIRET's own check fails but the SIREN's holds).</param>
public sealed record IdentifierCheck(string Input, IdentifierKind Kind, IdentifierError Error, Siren? Siren)
{
    /// <summary>True when the identifier is valid for its kind.</summary>
    public bool IsValid => Error == IdentifierError.None;

    /// <summary>A one-line English reason when invalid, else <see langword="null"/>.</summary>
    public string? Reason => Kind switch
    {
        IdentifierKind.Unknown => "not a SIREN (9 digits), SIRET (14 digits) or French VAT number (FR + 11 characters)",
        IdentifierKind.Siren => Error.Describe("SIREN"),
        IdentifierKind.Siret => Error.Describe("SIRET"),
        IdentifierKind.Vat => Error.Describe("VAT number"),
        IdentifierKind.EuVat => Error.Describe(StructureIdentifierType.EuOutsideFrance.ToCode()),
        IdentifierKind.OutsideEu => Error.Describe(StructureIdentifierType.OutsideEu.ToCode()),
        IdentifierKind.Ridet => Error.Describe(StructureIdentifierType.Ridet.ToCode()),
        IdentifierKind.Tahiti => Error.Describe(StructureIdentifierType.Tahiti.ToCode()),
        IdentifierKind.PendingRegistration => Error.Describe(StructureIdentifierType.PendingRegistration.ToCode()),
        IdentifierKind.PrivateIndividual => Error.Describe(StructureIdentifierType.PrivateIndividual.ToCode()),
        _ => null,
    };
}

/// <summary>Recognises an identifier by its shape and checks it: what <c>chorus id</c> does.</summary>
public static class IdentifierClassifier
{
    /// <summary>Classifies and checks <paramref name="input"/>. Spaces, dots and dashes are ignored.</summary>
    public static IdentifierCheck Check(string input)
    {
        Span<char> buffer = stackalloc char[IdentifierText.MaxInputLength];
        var length = IdentifierText.Compact(input.AsSpan(), buffer);
        if (length <= 0)
        {
            return new IdentifierCheck(input, IdentifierKind.Unknown, length == 0 ? IdentifierError.Empty : IdentifierError.WrongLength, null);
        }

        var s = buffer.Slice(0, length);
        if (IdentifierText.AllDigits(s) && s.Length == 9)
        {
            var error = Siren.TryParse(s, out var siren);
            return new IdentifierCheck(input, IdentifierKind.Siren, error, error == IdentifierError.None ? siren : null);
        }

        if (IdentifierText.AllDigits(s) && s.Length == 14)
        {
            var error = Siret.TryParse(s, out var siret);
            Siren? embedded = error == IdentifierError.None ? siret.Siren
                : Siren.TryParse(s.Slice(0, 9), out var head) == IdentifierError.None ? head : null;
            return new IdentifierCheck(input, IdentifierKind.Siret, error, embedded);
        }

        if (s.Length == 13 && s[0] == 'F' && s[1] == 'R')
        {
            var error = VatNumber.Check(s, out var vat);
            Siren? embedded = error == IdentifierError.None ? vat.Siren
                : Siren.TryParse(s.Slice(4), out var tail) == IdentifierError.None ? tail : null;
            return new IdentifierCheck(input, IdentifierKind.Vat, error, embedded);
        }

        return new IdentifierCheck(input, IdentifierKind.Unknown, IdentifierError.InvalidCharacter, null);
    }

    /// <summary>
    /// Checks <paramref name="input"/> as an identifier of the given Chorus Pro structure type (<c>typeIdentifiant</c>):
    /// a SIRET as <see cref="Check(string)"/> would, the other types on their shape (see <see cref="StructureIdentifier"/>).
    /// </summary>
    public static IdentifierCheck Check(StructureIdentifierType type, string input)
    {
        if (type == StructureIdentifierType.Siret)
        {
            var check = Check(input);
            return check.Kind == IdentifierKind.Siret
                ? check
                : new IdentifierCheck(input, IdentifierKind.Siret, Siret.TryParse(input.AsSpan(), out _), null);
        }

        var error = StructureIdentifier.TryParse(type, input, out _);
        var kind = type switch
        {
            StructureIdentifierType.EuOutsideFrance => IdentifierKind.EuVat,
            StructureIdentifierType.OutsideEu => IdentifierKind.OutsideEu,
            StructureIdentifierType.Ridet => IdentifierKind.Ridet,
            StructureIdentifierType.Tahiti => IdentifierKind.Tahiti,
            StructureIdentifierType.PendingRegistration => IdentifierKind.PendingRegistration,
            _ => IdentifierKind.PrivateIndividual,
        };
        return new IdentifierCheck(input, kind, error, null);
    }
}
