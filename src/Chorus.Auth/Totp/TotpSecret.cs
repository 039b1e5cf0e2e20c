using System.Security.Cryptography;
using Chorus.Auth.Internal;
using OtpNet;

namespace Chorus.Auth.Totp;

/// <summary>
/// The shared key of a TOTP credential. Its <see cref="ToString"/> never shows the key; use <see cref="ToBase32"/> only to
/// show it once to the user at enrolment.
/// </summary>
public sealed class TotpSecret
{
    /// <summary>The size of a generated secret: 20 bytes = 160 bits, the HMAC-SHA-1 output size recommended by RFC 4226 section 4.</summary>
    public const int DefaultLength = 20;

    private readonly byte[] _key;
    private CachedHotp? _hotp;

    private TotpSecret(byte[] key) => _key = key;

    /// <summary>Number of bytes of the key.</summary>
    public int Length => _key.Length;

    /// <summary>A new random secret from <paramref name="random"/>.</summary>
    public static TotpSecret Generate(RandomNumberGenerator random, int length = DefaultLength)
    {
        if (length is < 16 or > 128)
        {
            throw new ArgumentOutOfRangeException(nameof(length), length, "a TOTP secret has 16 to 128 bytes");
        }

        return new TotpSecret(Randomness.Bytes(random, length));
    }

    /// <summary>A secret from raw key bytes (copied). At least 10 bytes (RFC 4226 asks for 128 bits; 80 bits is the floor apps accept).</summary>
    public static TotpSecret FromBytes(ReadOnlySpan<byte> key)
    {
        if (key.Length is < 10 or > 128)
        {
            throw new ArgumentException("a TOTP secret has 10 to 128 bytes", nameof(key));
        }

        return new TotpSecret(key.ToArray());
    }

    /// <summary>Parses the Base32 text an authenticator app shows (case, spaces and padding ignored).</summary>
    /// <exception cref="FormatException">Not Base32, or too short; the message never repeats the text.</exception>
    public static TotpSecret ParseBase32(string text)
    {
        if (TryParseBase32(text, out var secret, out var error))
        {
            return secret;
        }

        throw new FormatException("TOTP secret: " + error);
    }

    /// <summary>Parses the Base32 text an authenticator app shows; on failure <paramref name="error"/> says why (without the text).</summary>
    public static bool TryParseBase32(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out TotpSecret? secret, out string? error)
    {
        secret = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "empty";
            return false;
        }

        if (text!.Length > 1024)
        {
            error = $"{text.Length} characters; a TOTP secret is at most 128 bytes";
            return false;
        }

        var bytes = Base32.TryDecode(text, out error);
        if (bytes is null)
        {
            return false;
        }

        if (bytes.Length is < 10 or > 128)
        {
            error = $"{bytes.Length} bytes; a TOTP secret has 10 to 128 bytes";
            return false;
        }

        secret = new TotpSecret(bytes);
        return true;
    }

    /// <summary>The key as Base32 (upper case, no padding), as authenticator apps expect it. Show it once; never log it.</summary>
    public string ToBase32() => Base32.Encode(_key);

    /// <summary>A copy of the key bytes (for encryption at rest).</summary>
    public byte[] ToArray() => (byte[])_key.Clone();

    /// <summary>Redacted: never the key.</summary>
    public override string ToString() => $"TotpSecret({_key.Length} bytes, redacted)";

    /// <summary>The Otp.NET HOTP calculator for this key, cached for the last settings used (Otp.NET keeps the key masked in memory).</summary>
    internal Hotp Hotp(TotpAlgorithm algorithm, int digits)
    {
        var cached = _hotp;
        if (cached is null || cached.Algorithm != algorithm || cached.Digits != digits)
        {
            var mode = algorithm switch
            {
                TotpAlgorithm.Sha256 => OtpHashMode.Sha256,
                TotpAlgorithm.Sha512 => OtpHashMode.Sha512,
                _ => OtpHashMode.Sha1,
            };
            // One immutable holder replaced as a whole, so that a concurrent reader never pairs settings with another calculator.
            cached = new CachedHotp(algorithm, digits, new Hotp(_key, mode, digits));
            _hotp = cached;
        }

        return cached.Calculator;
    }

    private sealed class CachedHotp(TotpAlgorithm algorithm, int digits, Hotp calculator)
    {
        public TotpAlgorithm Algorithm { get; } = algorithm;

        public int Digits { get; } = digits;

        public Hotp Calculator { get; } = calculator;
    }
}
