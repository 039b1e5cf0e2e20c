namespace Chorus.Directory.Identifiers;

/// <summary>Input normalisation shared by the identifier parsers.</summary>
internal static class IdentifierText
{
    /// <summary>The longest identifier we normalise; anything longer is rejected before it is copied.</summary>
    internal const int MaxInputLength = 64;

    /// <summary>
    /// Copies <paramref name="input"/> into <paramref name="destination"/> without the separators people type
    /// (spaces, no-break spaces, dots, dashes), upper-casing ASCII letters. Returns the number of characters written,
    /// or -1 when the result does not fit.
    /// </summary>
    internal static int Compact(ReadOnlySpan<char> input, Span<char> destination)
    {
        var written = 0;
        foreach (var c in input)
        {
            if (IsSeparator(c))
            {
                continue;
            }

            if (written == destination.Length)
            {
                return -1;
            }

            destination[written++] = c is >= 'a' and <= 'z' ? (char)(c - 32) : c;
        }

        return written;
    }

    internal static bool IsSeparator(char c) =>
        c is ' ' or '.' or '-' or '\t' or '\u00A0' or '\u202F' or '\u2009';

    internal static bool AllDigits(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return s.Length > 0;
    }

    /// <summary>Luhn (ISO/IEC 7812-1) check over decimal digits: the check used by SIREN and SIRET.</summary>
    internal static bool Luhn(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        var doubleIt = false;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var d = digits[i] - '0';
            if (doubleIt)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
            doubleIt = !doubleIt;
        }

        return sum % 10 == 0;
    }

    internal static long ToInt64(ReadOnlySpan<char> digits)
    {
        long value = 0;
        foreach (var c in digits)
        {
            value = (value * 10) + (c - '0');
        }

        return value;
    }
}
