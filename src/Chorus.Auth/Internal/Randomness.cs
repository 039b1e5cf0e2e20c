using System.Security.Cryptography;

namespace Chorus.Auth.Internal;

/// <summary>Uniform draws from an injected <see cref="RandomNumberGenerator"/> (no modulo bias).</summary>
internal static class Randomness
{
    /// <summary>A uniform integer in [0, <paramref name="exclusiveMax"/>), by rejection sampling over 32-bit draws.</summary>
    public static int NextInt32(RandomNumberGenerator rng, int exclusiveMax)
    {
        System.Diagnostics.Debug.Assert(exclusiveMax > 0, "internal callers pass a positive bound");
        // Values at or above the largest multiple of exclusiveMax below 2^32 would make the low residues more likely:
        // they are drawn again (for 10^6 the rejection probability is about 0.02 %).
        var range = (uint)exclusiveMax;
        var limit = uint.MaxValue - (((uint.MaxValue % range) + 1) % range);
#if NET8_0_OR_GREATER
        Span<byte> buffer = stackalloc byte[4];
#else
        var buffer = new byte[4];
#endif
        while (true)
        {
            rng.GetBytes(buffer);
            var value = (uint)(buffer[0] | (buffer[1] << 8) | (buffer[2] << 16) | (buffer[3] << 24));
            if (value <= limit)
            {
                return (int)(value % range);
            }
        }
    }

    /// <summary>A fresh array of random bytes.</summary>
    public static byte[] Bytes(RandomNumberGenerator rng, int count)
    {
        var bytes = new byte[count];
        rng.GetBytes(bytes);
        return bytes;
    }
}
