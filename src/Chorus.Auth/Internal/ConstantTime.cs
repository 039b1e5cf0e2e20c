namespace Chorus.Auth.Internal;

/// <summary>Comparisons whose duration does not depend on where the inputs differ (codes, hashes, tags).</summary>
internal static class ConstantTime
{
    /// <summary>True when both spans are equal; the length is not secret, the content is.</summary>
    public static bool Equals(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length != b.Length)
        {
            return false;
        }

        var diff = 0;
        for (var i = 0; i < a.Length; i++)
        {
            diff |= a[i] ^ b[i];
        }

        return diff == 0;
    }

    /// <summary>True when both spans are equal; the length is not secret, the content is.</summary>
    public static bool Equals(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
#if NET8_0_OR_GREATER
        return System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(a, b);
#else
        if (a.Length != b.Length)
        {
            return false;
        }

        var diff = 0;
        for (var i = 0; i < a.Length; i++)
        {
            diff |= a[i] ^ b[i];
        }

        return diff == 0;
#endif
    }
}
