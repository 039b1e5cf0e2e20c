using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Chorus.Directory.Identifiers;

/// <summary>
/// A French intra-community VAT number (numéro de TVA intracommunautaire): <c>FR</c>, a 2-character key, and the 9 digits of
/// the company's SIREN. A numeric key is (12 + 3 × (SIREN mod 97)) mod 97. Older alphanumeric keys (letters except I and O)
/// follow the DGFiP's modulo-11 rule. Monaco's numbers (FR + key + 000…) share the format but carry no SIREN.
/// </summary>
public readonly struct VatNumber : IEquatable<VatNumber>, IFormattable
#if NET8_0_OR_GREATER
    , ISpanParsable<VatNumber>
#endif
{
    // Alphabet of the alphanumeric keys: digits, then letters without I and O.
    private const string KeyAlphabet = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    private readonly char _key0;
    private readonly char _key1;
    private readonly int _number;

    private VatNumber(char key0, char key1, int number)
    {
        _key0 = key0;
        _key1 = key1;
        _number = number;
    }

    /// <summary>The two key characters ("44" in FR44732829320).</summary>
    public string Key => new(new[] { _key0, _key1 });

    /// <summary>The embedded SIREN, or <see langword="null"/> for a Monaco number (whose 9 digits start with 000 and are no SIREN).</summary>
    public Siren? Siren => IsMonaco ? null : Identifiers.Siren.FromTrustedValue(_number);

    /// <summary>True for a number issued by Monaco, which uses the French format without a SIREN.</summary>
    public bool IsMonaco => _number < 1_000_000;

    /// <summary>The VAT number of a company, with the numeric key computed from its SIREN.</summary>
    public static VatNumber FromSiren(Siren siren)
    {
        var key = NumericKey(siren.Value);
        return new VatNumber((char)('0' + (key / 10)), (char)('0' + (key % 10)), siren.Value);
    }

    /// <summary>Parses a French VAT number, ignoring spaces, dots and dashes; the <c>FR</c> prefix is case-insensitive.</summary>
    /// <exception cref="FormatException">The input is not a valid French VAT number; the message says why.</exception>
    public static VatNumber Parse(string s) => Parse(s.AsSpan());

    /// <summary>Parses a French VAT number, ignoring spaces, dots and dashes.</summary>
    /// <exception cref="FormatException">The input is not a valid French VAT number; the message says why.</exception>
    public static VatNumber Parse(ReadOnlySpan<char> s)
    {
        var error = TryParse(s, out var result);
        return error == IdentifierError.None
            ? result
            : throw new FormatException($"Invalid VAT number: {error.Describe("VAT number")}.");
    }

    /// <summary>Tries to parse a French VAT number; allocates nothing.</summary>
    public static bool TryParse([NotNullWhen(true)] string? s, out VatNumber result)
    {
        result = default;
        return s is not null && TryParse(s.AsSpan(), out result) == IdentifierError.None;
    }

    /// <summary>Tries to parse a French VAT number; allocates nothing, and says why the input was refused.</summary>
    public static IdentifierError TryParse(ReadOnlySpan<char> s, out VatNumber result)
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

        return Check(buffer.Slice(0, length), out result);
    }

    /// <summary>Checks compacted, upper-cased characters as a French VAT number.</summary>
    internal static IdentifierError Check(ReadOnlySpan<char> s, out VatNumber result)
    {
        result = default;
        if (s.Length < 2 || s[0] != 'F' || s[1] != 'R')
        {
            return IdentifierError.CountryPrefix;
        }

        if (s.Length != 13)
        {
            return IdentifierError.WrongLength;
        }

        char k0 = s[2], k1 = s[3];
        var digits = s.Slice(4);
        if (KeyAlphabet.AsSpan().IndexOf(k0) < 0 || KeyAlphabet.AsSpan().IndexOf(k1) < 0 || !IdentifierText.AllDigits(digits))
        {
            return IdentifierError.InvalidCharacter;
        }

        var number = (int)IdentifierText.ToInt64(digits);
        var monaco = digits[0] == '0' && digits[1] == '0' && digits[2] == '0';
        if (!monaco && !IdentifierText.Luhn(digits))
        {
            return IdentifierError.CheckDigit;
        }

        if (!KeyMatches(k0, k1, number))
        {
            return IdentifierError.VatKey;
        }

        result = new VatNumber(k0, k1, number);
        return IdentifierError.None;
    }

    private static int NumericKey(int number) => (int)((12 + (3 * (number % 97L))) % 97);

    private static bool KeyMatches(char k0, char k1, int number)
    {
        if (k0 is >= '0' and <= '9' && k1 is >= '0' and <= '9')
        {
            return ((k0 - '0') * 10) + (k1 - '0') == NumericKey(number);
        }

        // Alphanumeric keys (DGFiP): the "check" value is spread over the two characters; the new-style key starts with a digit.
        var i0 = KeyAlphabet.AsSpan().IndexOf(k0);
        var i1 = KeyAlphabet.AsSpan().IndexOf(k1);
        var check = k0 is >= '0' and <= '9' ? (i0 * 24) + i1 - 10 : (i0 * 34) + i1 - 100;
        return (number + 1L + (check / 11)) % 11 == check % 11;
    }

    /// <summary>The compact form, e.g. "FR44732829320".</summary>
    public override string ToString() =>
        string.Concat("FR", Key, _number.ToString("D9", CultureInfo.InvariantCulture));

    /// <summary>Formats the number: "G" or null for the compact form, "S" for "FR 44 732829320".</summary>
    /// <exception cref="FormatException">Unknown format.</exception>
    public string ToString(string? format, IFormatProvider? formatProvider) => format switch
    {
        null or "" or "G" => ToString(),
        "S" => string.Concat("FR ", Key, " ", _number.ToString("D9", CultureInfo.InvariantCulture)),
        _ => throw new FormatException($"Unknown VAT number format '{format}': use G or S."),
    };

    /// <inheritdoc />
    public bool Equals(VatNumber other) => _key0 == other._key0 && _key1 == other._key1 && _number == other._number;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is VatNumber other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_key0, _key1, _number);

    /// <summary>Equality.</summary>
    public static bool operator ==(VatNumber left, VatNumber right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(VatNumber left, VatNumber right) => !left.Equals(right);

#if NET8_0_OR_GREATER
    static VatNumber IParsable<VatNumber>.Parse(string s, IFormatProvider? provider) => Parse(s);

    static bool IParsable<VatNumber>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out VatNumber result) => TryParse(s, out result);

    static VatNumber ISpanParsable<VatNumber>.Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => Parse(s);

    static bool ISpanParsable<VatNumber>.TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out VatNumber result) =>
        TryParse(s, out result) == IdentifierError.None;
#endif
}
