using System.Security.Cryptography;
using System.Text;

namespace Chorus.Auth.Protection;

/// <summary>
/// The host's 256-bit master key. Chorus.Auth derives from it (HMAC-SHA-256 with a purpose label) one key to encrypt TOTP
/// secrets at rest and one to hash e-mailed codes, so that a copy of the database alone reveals neither. Keep it outside
/// the database (key vault, environment, file readable by the service only). <see cref="ToString"/> redacts it.
/// </summary>
public sealed class AuthKey
{
    /// <summary>The key size in bytes.</summary>
    public const int Length = 32;

    private readonly byte[] _key;

    private AuthKey(byte[] key) => _key = key;

    /// <summary>A new random key (store it with <see cref="ToBase64"/>, once).</summary>
    public static AuthKey Generate(RandomNumberGenerator random) => new(Internal.Randomness.Bytes(random, Length));

    /// <summary>A key from its 32 bytes (copied).</summary>
    public static AuthKey FromBytes(ReadOnlySpan<byte> key)
    {
        if (key.Length != Length)
        {
            throw new ArgumentException($"an AuthKey has {Length} bytes", nameof(key));
        }

        return new AuthKey(key.ToArray());
    }

    /// <summary>A key from its Base64 text.</summary>
    /// <exception cref="FormatException">Not Base64 or not 32 bytes (the message never repeats the text).</exception>
    public static AuthKey FromBase64(string text)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            throw new FormatException("AuthKey: not Base64");
        }

        return bytes.Length == Length ? new AuthKey(bytes) : throw new FormatException($"AuthKey: {bytes.Length} bytes, expected {Length}");
    }

    /// <summary>The key as Base64, to store it once in the host's secret store. Never log it.</summary>
    public string ToBase64() => Convert.ToBase64String(_key);

    /// <summary>Redacted.</summary>
    public override string ToString() => "AuthKey(redacted)";

    /// <summary>A subkey for one purpose: HMAC-SHA-256(master, "chorus-auth/" + purpose) (a one-block HKDF-Expand without salt).</summary>
    internal byte[] Derive(string purpose)
    {
        using var hmac = new HMACSHA256(_key);
        return hmac.ComputeHash(Encoding.UTF8.GetBytes("chorus-auth/" + purpose));
    }
}
