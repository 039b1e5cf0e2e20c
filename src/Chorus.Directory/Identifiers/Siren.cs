using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Chorus.Directory.Identifiers;

/// <summary>
/// A SIREN: the 9-digit number of the SIRENE register that identifies a company for life, last digit a Luhn check.
/// Only <see cref="Parse(string)"/> and <see cref="TryParse(string?, out Siren)"/> create one, so an instance is always valid.
/// </summary>
/// <remarks>Input may contain spaces, dots and dashes ("732 829 320"); <see cref="ToString()"/> gives the 9 digits.</remarks>
public readonly struct Siren : IEquatable<Siren>, IComparable<Siren>, IFormattable
#if NET8_0_OR_GREATER
    , ISpanParsable<Siren>
#endif
{
    /// <summary>The SIREN of La Poste, whose establishments do not follow the Luhn rule (see <see cref="Siret"/>).</summary>
    public static readonly Siren LaPoste = new(356000000);

    private readonly int _value;

    private Siren(int value) => _value = value;

    /// <summary>The SIREN as a number (leading zeros are not significant: 005 420 120 is 5420120).</summary>
    public int Value => _value;

    /// <summary>Parses a SIREN, ignoring spaces, dots and dashes.</summary>
    /// <exception cref="FormatException">The input is not a valid SIREN; the message says why.</exception>
    public static Siren Parse(string s) => Parse(s.AsSpan());

    /// <summary>Parses a SIREN, ignoring spaces, dots and dashes.</summary>
    /// <exception cref="FormatException">The input is not a valid SIREN; the message says why.</exception>
    public static Siren Parse(ReadOnlySpan<char> s)
    {
        var error = TryParse(s, out var result);
        return error == IdentifierError.None
            ? result
            : throw new FormatException($"Invalid SIREN: {error.Describe("SIREN")}.");
    }

    /// <summary>Tries to parse a SIREN; allocates nothing.</summary>
    public static bool TryParse([NotNullWhen(true)] string? s, out Siren result)
    {
        result = default;
        return s is not null && TryParse(s.AsSpan(), out result) == IdentifierError.None;
    }

    /// <summary>Tries to parse a SIREN; allocates nothing, and says why the input was refused.</summary>
    /// <returns><see cref="IdentifierError.None"/> when <paramref name="result"/> holds the SIREN.</returns>
    public static IdentifierError TryParse(ReadOnlySpan<char> s, out Siren result)
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
            result = new Siren((int)IdentifierText.ToInt64(digits));
        }

        return error;
    }

    /// <summary>Checks 9 compacted characters as a SIREN.</summary>
    internal static IdentifierError CheckDigits(ReadOnlySpan<char> digits)
    {
        if (!IdentifierText.AllDigits(digits))
        {
            return IdentifierError.InvalidCharacter;
        }

        if (digits.Length != 9)
        {
            return IdentifierError.WrongLength;
        }

        return IdentifierText.Luhn(digits) ? IdentifierError.None : IdentifierError.CheckDigit;
    }

    internal static Siren FromTrustedValue(int value) => new(value);

    /// <summary>The 9 digits, with leading zeros.</summary>
    public override string ToString() => _value.ToString("D9", CultureInfo.InvariantCulture);

    /// <summary>Formats the SIREN: "G" or null for the 9 digits, "S" for the grouped form "732 829 320".</summary>
    /// <exception cref="FormatException">Unknown format.</exception>
    public string ToString(string? format, IFormatProvider? formatProvider) => format switch
    {
        null or "" or "G" => ToString(),
        "S" => ToString().Insert(6, " ").Insert(3, " "),
        _ => throw new FormatException($"Unknown SIREN format '{format}': use G or S."),
    };

    /// <inheritdoc />
    public bool Equals(Siren other) => _value == other._value;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Siren other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _value;

    /// <inheritdoc />
    public int CompareTo(Siren other) => _value.CompareTo(other._value);

    /// <summary>Equality.</summary>
    public static bool operator ==(Siren left, Siren right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(Siren left, Siren right) => !left.Equals(right);

    /// <summary>Numeric order.</summary>
    public static bool operator <(Siren left, Siren right) => left._value < right._value;

    /// <summary>Numeric order.</summary>
    public static bool operator <=(Siren left, Siren right) => left._value <= right._value;

    /// <summary>Numeric order.</summary>
    public static bool operator >(Siren left, Siren right) => left._value > right._value;

    /// <summary>Numeric order.</summary>
    public static bool operator >=(Siren left, Siren right) => left._value >= right._value;

#if NET8_0_OR_GREATER
    static Siren IParsable<Siren>.Parse(string s, IFormatProvider? provider) => Parse(s);

    static bool IParsable<Siren>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out Siren result) => TryParse(s, out result);

    static Siren ISpanParsable<Siren>.Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => Parse(s);

    static bool ISpanParsable<Siren>.TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out Siren result) =>
        TryParse(s, out result) == IdentifierError.None;
#endif
}
