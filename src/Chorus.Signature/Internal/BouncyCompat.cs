#if !NET8_0_OR_GREATER
using Org.BouncyCastle.Crypto;

namespace Chorus.Signature.Internal;

/// <summary>Span overloads that BouncyCastle only offers on .NET Core builds.</summary>
internal static class BouncyCompat
{
    public static void BlockUpdate(this ISigner signer, ReadOnlySpan<byte> data)
    {
        var copy = data.ToArray();
        signer.BlockUpdate(copy, 0, copy.Length);
    }

    public static void BlockUpdate(this IDigest digest, ReadOnlySpan<byte> data)
    {
        var copy = data.ToArray();
        digest.BlockUpdate(copy, 0, copy.Length);
    }
}
#endif
