using System.Diagnostics.CodeAnalysis;

namespace Chorus.Directory.Identifiers;

/// <summary>
/// The identifier of a Chorus Pro structure: its <see cref="Type"/> (<c>typeIdentifiant</c>) and its normalised
/// <see cref="Value"/>. Each type has its own shape check:
/// <list type="bullet">
/// <item><see cref="StructureIdentifierType.Siret"/>: a valid <see cref="Identifiers.Siret"/> (14 digits).</item>
/// <item><see cref="StructureIdentifierType.EuOutsideFrance"/>: a VAT number of another EU member state — its two-letter
/// VIES prefix (EL for Greece, XI for Northern Ireland; not FR) and 2 to 12 letters or digits.</item>
/// <item><see cref="StructureIdentifierType.Ridet"/>: a RIDET — RID (6 or 7 digits) and establishment rank (3 digits).</item>
/// <item><see cref="StructureIdentifierType.Tahiti"/>: a numéro TAHITI — 6 letters or digits, optionally followed by the
/// 3-digit establishment number.</item>
/// <item><see cref="StructureIdentifierType.OutsideEu"/>, <see cref="StructureIdentifierType.PendingRegistration"/>,
/// <see cref="StructureIdentifierType.PrivateIndividual"/>: free text of 1 to 80 printable characters (Chorus Pro publishes
/// no format for them).</item>
/// </list>
/// Only the French SIRET carries a check digit; for the others the check is on the shape only.
/// </summary>
public readonly struct StructureIdentifier : IEquatable<StructureIdentifier>
{
    /// <summary>The longest free-text identifier accepted.</summary>
    public const int MaxFreeTextLength = 80;

    // VIES prefixes of the EU member states other than France (EL = Greece, XI = Northern Ireland).
    private static readonly string[] EuPrefixes =
        ["AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "EL", "ES", "FI", "HR", "HU", "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK", "XI"];

    private readonly string? _value;

    private StructureIdentifier(StructureIdentifierType type, string value)
    {
        Type = type;
        _value = value;
    }

    /// <summary>The identifier type (<c>typeIdentifiant</c>).</summary>
    public StructureIdentifierType Type { get; }

    /// <summary>The identifier, normalised (separators removed and upper-cased, except free text which is only trimmed).</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>The SIRET when <see cref="Type"/> is <see cref="StructureIdentifierType.Siret"/>, else <see langword="null"/>.</summary>
    public Siret? Siret => Type == StructureIdentifierType.Siret && _value is not null ? Identifiers.Siret.Parse(_value) : null;

    /// <summary>The identifier of a French establishment.</summary>
    public static StructureIdentifier FromSiret(Siret siret) => new(StructureIdentifierType.Siret, siret.ToString());

    /// <summary>Parses an identifier of the given type.</summary>
    /// <exception cref="FormatException">The value does not have the shape of its type; the message says why.</exception>
    public static StructureIdentifier Parse(StructureIdentifierType type, string value)
    {
        var error = TryParse(type, value, out var result);
        return error == IdentifierError.None
            ? result
            : throw new FormatException($"Invalid {type.ToCode()} identifier: {error.Describe(type.ToCode())}.");
    }

    /// <summary>Tries to parse an identifier of the given type; says why it was refused.</summary>
    /// <returns><see cref="IdentifierError.None"/> when <paramref name="result"/> holds the identifier.</returns>
    public static IdentifierError TryParse(StructureIdentifierType type, string? value, out StructureIdentifier result)
    {
        result = default;
        if (value is null)
        {
            return IdentifierError.Empty;
        }

        switch (type)
        {
            case StructureIdentifierType.Siret:
                {
                    var error = Identifiers.Siret.TryParse(value.AsSpan(), out var siret);
                    if (error == IdentifierError.None)
                    {
                        result = FromSiret(siret);
                    }

                    return error;
                }

            case StructureIdentifierType.EuOutsideFrance:
                return Compacted(type, value, out result, CheckEuVat);
            case StructureIdentifierType.Ridet:
                return Compacted(type, value, out result, s => CheckDigits(s, 9, 10));
            case StructureIdentifierType.Tahiti:
                return Compacted(type, value, out result, CheckTahiti);
            case StructureIdentifierType.OutsideEu:
            case StructureIdentifierType.PendingRegistration:
            case StructureIdentifierType.PrivateIndividual:
                return FreeText(type, value, out result);
            default:
                throw new ArgumentOutOfRangeException(nameof(type));
        }
    }

    /// <summary>True when <paramref name="prefix"/> (two upper-case letters) is the VIES prefix of an EU member state other than France.</summary>
    public static bool IsEuVatPrefix(ReadOnlySpan<char> prefix)
    {
        foreach (var p in EuPrefixes)
        {
            if (prefix.Length == 2 && prefix[0] == p[0] && prefix[1] == p[1])
            {
                return true;
            }
        }

        return false;
    }

    private static IdentifierError Compacted(StructureIdentifierType type, string value, out StructureIdentifier result, Func<string, IdentifierError> check)
    {
        result = default;
        Span<char> buffer = stackalloc char[IdentifierText.MaxInputLength];
        var length = IdentifierText.Compact(value.AsSpan(), buffer);
        if (length == 0)
        {
            return IdentifierError.Empty;
        }

        if (length < 0)
        {
            return IdentifierError.WrongLength;
        }

        var compact = buffer.Slice(0, length).ToString();
        var error = check(compact);
        if (error == IdentifierError.None)
        {
            result = new StructureIdentifier(type, compact);
        }

        return error;
    }

    internal static IdentifierError CheckEuVat(string s)
    {
        if (s.Length < 2 || !char.IsLetter(s[0]) || !char.IsLetter(s[1]))
        {
            return IdentifierError.CountryPrefix;
        }

        if (!IsEuVatPrefix(s.AsSpan(0, 2)))
        {
            return IdentifierError.CountryPrefix;
        }

        if (s.Length is < 4 or > 14)
        {
            return IdentifierError.WrongLength;
        }

        for (var i = 2; i < s.Length; i++)
        {
            if (s[i] is not (>= '0' and <= '9' or >= 'A' and <= 'Z'))
            {
                return IdentifierError.InvalidCharacter;
            }
        }

        return IdentifierError.None;
    }

    private static IdentifierError CheckDigits(string s, int minLength, int maxLength)
    {
        if (!IdentifierText.AllDigits(s.AsSpan()))
        {
            return IdentifierError.InvalidCharacter;
        }

        return s.Length >= minLength && s.Length <= maxLength ? IdentifierError.None : IdentifierError.WrongLength;
    }

    private static IdentifierError CheckTahiti(string s)
    {
        if (s.Length is not (6 or 9))
        {
            return IdentifierError.WrongLength;
        }

        for (var i = 0; i < s.Length; i++)
        {
            var ok = i < 6 ? s[i] is >= '0' and <= '9' or >= 'A' and <= 'Z' : s[i] is >= '0' and <= '9';
            if (!ok)
            {
                return IdentifierError.InvalidCharacter;
            }
        }

        return IdentifierError.None;
    }

    private static IdentifierError FreeText(StructureIdentifierType type, string value, out StructureIdentifier result)
    {
        result = default;
        var trimmed = value.Trim();
        if (trimmed.Length == 0)
        {
            return IdentifierError.Empty;
        }

        if (trimmed.Length > MaxFreeTextLength)
        {
            return IdentifierError.WrongLength;
        }

        foreach (var c in trimmed)
        {
            if (char.IsControl(c))
            {
                return IdentifierError.InvalidCharacter;
            }
        }

        result = new StructureIdentifier(type, trimmed);
        return IdentifierError.None;
    }

    /// <summary>The type code and the value, e.g. "SIRET 73282932000074".</summary>
    public override string ToString() => $"{Type.ToCode()} {Value}";

    /// <inheritdoc />
    public bool Equals(StructureIdentifier other) => Type == other.Type && string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is StructureIdentifier other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Type, StringComparer.Ordinal.GetHashCode(Value));

    /// <summary>Equality.</summary>
    public static bool operator ==(StructureIdentifier left, StructureIdentifier right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(StructureIdentifier left, StructureIdentifier right) => !left.Equals(right);
}
