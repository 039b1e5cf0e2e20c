using System.Security.Cryptography;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Security;

namespace Chorus.Signature.Internal;

/// <summary>
/// Digests by OID. SHA-1/2 go through the platform's <see cref="IncrementalHash"/> (hardware SHA extensions: the digest
/// of a large PDF dominates verification); anything else through BouncyCastle.
/// </summary>
internal sealed class Hashing : IDisposable
{
    private readonly IncrementalHash? platform;
    private readonly IDigest? managed;

    private Hashing(IncrementalHash? platform, IDigest? managed)
    {
        this.platform = platform;
        this.managed = managed;
    }

    /// <summary>The digest for an OID, or null when the algorithm is unknown.</summary>
    public static Hashing? Create(string oid)
    {
        var name = PlatformName(oid);
        if (name is { } n)
        {
            return new Hashing(IncrementalHash.CreateHash(n), null);
        }

        try
        {
            return new Hashing(null, DigestUtilities.GetDigest(oid));
        }
        catch (SecurityUtilityException)
        {
            return null;
        }
    }

    public static HashAlgorithmName? PlatformName(string oid) => oid switch
    {
        "1.3.14.3.2.26" => HashAlgorithmName.SHA1,
        "2.16.840.1.101.3.4.2.1" => HashAlgorithmName.SHA256,
        "2.16.840.1.101.3.4.2.2" => HashAlgorithmName.SHA384,
        "2.16.840.1.101.3.4.2.3" => HashAlgorithmName.SHA512,
        _ => null,
    };

    /// <summary>Readable name of a digest OID (SHA-256…), or the OID itself.</summary>
    public static string Name(string oid)
    {
        try
        {
            return DigestUtilities.GetAlgorithmName(new Org.BouncyCastle.Asn1.DerObjectIdentifier(oid)) ?? oid;
        }
        catch (FormatException)
        {
            return oid;
        }
        catch (ArgumentException)
        {
            return oid;
        }
    }

    public void Append(ReadOnlySpan<byte> data)
    {
        if (platform is not null)
        {
#if NET8_0_OR_GREATER
            platform.AppendData(data);
#else
            var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(Math.Min(data.Length, 1 << 16));
            try
            {
                while (data.Length > 0)
                {
                    var n = Math.Min(buffer.Length, data.Length);
                    data.Slice(0, n).CopyTo(buffer);
                    platform.AppendData(buffer, 0, n);
                    data = data.Slice(n);
                }
            }
            finally
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
            }
#endif
        }
        else
        {
            managed!.BlockUpdate(data);
        }
    }

    public byte[] Finish()
    {
        if (platform is not null)
        {
            return platform.GetHashAndReset();
        }

        var result = new byte[managed!.GetDigestSize()];
        managed.DoFinal(result, 0);
        return result;
    }

    /// <summary>One-shot digest; null if the algorithm is unknown.</summary>
    public static byte[]? Compute(string oid, ReadOnlySpan<byte> data)
    {
        using var h = Create(oid);
        if (h is null)
        {
            return null;
        }

        h.Append(data);
        return h.Finish();
    }

    public void Dispose() => platform?.Dispose();
}
