namespace Chorus.Invoicing.Pdf.Internal;

/// <summary>Ordinal string helpers that compile the same on netstandard2.0 and net8.0.</summary>
internal static class Str
{
    public static bool Has(string s, string part, StringComparison comparison = StringComparison.Ordinal)
    {
#if NET8_0_OR_GREATER
        return s.Contains(part, comparison);
#else
        return s.IndexOf(part, comparison) >= 0;
#endif
    }

    public static void NotNull(object? value, string name)
    {
#if NET8_0_OR_GREATER
        ArgumentNullException.ThrowIfNull(value, name);
#else
        if (value is null)
        {
            throw new ArgumentNullException(name);
        }
#endif
    }

    public static string RemoveSpaces(string s)
    {
        var chars = new char[s.Length];
        var n = 0;
        foreach (var c in s)
        {
            if (c != ' ')
            {
                chars[n++] = c;
            }
        }

        return new string(chars, 0, n);
    }
}
