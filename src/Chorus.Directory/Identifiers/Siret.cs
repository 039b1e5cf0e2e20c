using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Chorus.Directory.Identifiers;

/// <summary>
/// A SIRET: the 14-digit number of an establishment, its <see cref="Siren"/> (9 digits) followed by its NIC (5 digits).
/// Valid by the Luhn rule over the 14 digits, except the establishments of La Poste (SIREN 356 000 000), whose SIRET is valid
/// when the sum of its digits is a multiple of 5; La Poste's head office, 356 000 000 00048, follows Luhn.
/// </summary>
/// <remarks>Chorus Pro routes every invoice to a public structure by its SIRET.</remarks>
public readonly struct Siret : IEquatable<Siret>, IComparable<Siret>, IFormattable
#if NET8_0_OR_GREATER
    , ISpanParsable<Siret>
#endif
{
    private const long LaPosteHeadOffice = 35600000000048;

    private readonly long _value;

    private Siret(long value) => _value = value;

    /// <summary>The SIRET as a number.</summary>
    public long Value => _value;

    /// <summary>The company this establishment belongs to.</summary>
    public Siren Siren => Siren.FromTrustedValue((int)(_value / 100_000));

    /// <summary>The NIC (numéro interne de classement): the 5 digits that identify the establishment within its company.</summary>
    public int Nic => (int)(_value % 100_000);

    /// <summary>Parses a SIRET, ignoring spaces, dots and dashes.</summary>
    /// <exception cref="FormatException">The input is not a valid SIRET; the message says why.</exception>
    public static Siret Parse(string s) => Parse(s.AsSpan());

    /// <summary>Parses a SIRET, ignoring spaces, dots and dashes.</summary>
    /// <exception cref="FormatException">The input is not a valid SIRET; the message says why.</exception>
    public static Siret Parse(ReadOnlySpan<char> s)
    {
        var error = TryParse(s, out var result);
        return error == IdentifierError.None
            ? result
            : throw new FormatException($"Invalid SIRET: {error.Describe("SIRET")}.");
    }

    /// <summary>Tries to parse a SIRET; allocates nothing.</summary>
    public static bool TryParse([NotNullWhen(true)] string? s, out Siret result)
    {
        result = default;
        return s is not null && TryParse(s.AsSpan(), out result) == IdentifierError.None;
    }

    /// <summary>Tries to parse a SIRET; allocates nothing, and says why the input was refused.</summary>
    /// <returns><see cref="IdentifierError.None"/> when <paramref name="result"/> holds the SIRET.</returns>
    public static IdentifierError TryParse(ReadOnlySpan<char> s, out Siret result)
    {
        result = default;
        Span<char> buffer = stackalloc char[IdentifierText.MaxInputLength];
        var length = IdentifierText.Compact(s, buffer);
        if (length == 0)
        {
            return IdentifierError.Empty;
        }

        if (length < 0)
        {
            return IdentifierError.WrongLength;
        }

        var digits = buffer.Slice(0, length);
        var error = CheckDigits(digits);
        if (error == IdentifierError.None)
        {
            result = new Siret(IdentifierText.ToInt64(digits));
        }

        return error;
    }

    /// <summary>Checks 14 compacted characters as a SIRET.</summary>
    internal static IdentifierError CheckDigits(ReadOnlySpan<char> digits)
    {
        if (!IdentifierText.AllDigits(digits))
        {
            return IdentifierError.InvalidCharacter;
        }

        if (digits.Length != 14)
        {
            return IdentifierError.WrongLength;
        }

        var value = IdentifierText.ToInt64(digits);
        if (value / 100_000 == Siren.LaPoste.Value && value != LaPosteHeadOffice)
        {
            // La Poste numbers its establishments so that the digit sum is a multiple of 5 (INSEE rule).
            var sum = 0;
            foreach (var c in digits)
            {
                sum += c - '0';
            }

            return sum % 5 == 0 ? IdentifierError.None : IdentifierError.CheckDigit;
        }

        return IdentifierText.Luhn(digits) ? IdentifierError.None : IdentifierError.CheckDigit;
    }

    /// <summary>The 14 digits, with leading zeros.</summary>
    public override string ToString() => _value.ToString("D14", CultureInfo.InvariantCulture);

    /// <summary>Formats the SIRET: "G" or null for the 14 digits, "S" for the grouped form "732 829 320 00074".</summary>
    /// <exception cref="FormatException">Unknown format.</exception>
    public string ToString(string? format, IFormatProvider? formatProvider) => format switch
    {
        null or "" or "G" => ToString(),
        "S" => ToString().Insert(9, " ").Insert(6, " ").Insert(3, " "),
        _ => throw new FormatException($"Unknown SIRET format '{format}': use G or S."),
    };

    /// <inheritdoc />
    public bool Equals(Siret other) => _value == other._value;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Siret other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _value.GetHashCode();

    /// <inheritdoc />
    public int CompareTo(Siret other) => _value.CompareTo(other._value);

    /// <summary>Equality.</summary>
    public static bool operator ==(Siret left, Siret right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(Siret left, Siret right) => !left.Equals(right);

    /// <summary>Numeric order.</summary>
    public static bool operator <(Siret left, Siret right) => left._value < right._value;

    /// <summary>Numeric order.</summary>
    public static bool operator <=(Siret left, Siret right) => left._value <= right._value;

    /// <summary>Numeric order.</summary>
    public static bool operator >(Siret left, Siret right) => left._value > right._value;

    /// <summary>Numeric order.</summary>
    public static bool operator >=(Siret left, Siret right) => left._value >= right._value;

#if NET8_0_OR_GREATER
    static Siret IParsable<Siret>.Parse(string s, IFormatProvider? provider) => Parse(s);

    static bool IParsable<Siret>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out Siret result) => TryParse(s, out result);

    static Siret ISpanParsable<Siret>.Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => Parse(s);

    static bool ISpanParsable<Siret>.TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out Siret result) =>
        TryParse(s, out result) == IdentifierError.None;
#endif
}
