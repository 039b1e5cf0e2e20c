using System.Security.Cryptography;

namespace Chorus.Auth.Protection;

/// <summary>
/// AES-256-GCM with a random 96-bit nonce per secret; the context (the account) is the associated data, so a ciphertext
/// copied to another account's row does not decrypt. Format: version byte 1 | nonce (12) | ciphertext | tag (16).
/// On net8.0 this is <c>System.Security.Cryptography.AesGcm</c>; on netstandard2.0 (no AES-GCM in the framework) it is
/// BouncyCastle's <c>GcmBlockCipher</c> over AES, which produces the same bytes.
/// </summary>
public sealed class AesGcmSecretProtector : ISecretProtector
{
    private const byte Version = 1;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly byte[] _key;
    private readonly RandomNumberGenerator _random;

    /// <summary>A protector with a key derived from the host's <paramref name="key"/>, drawing nonces from <paramref name="random"/>.</summary>
    public AesGcmSecretProtector(AuthKey key, RandomNumberGenerator random)
    {
        _key = key.Derive("totp-secret-encryption");
        _random = random;
    }

    /// <inheritdoc />
    public byte[] Protect(ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> context)
    {
        var output = new byte[1 + NonceSize + plaintext.Length + TagSize];
        output[0] = Version;
        var nonce = Internal.Randomness.Bytes(_random, NonceSize);
        nonce.CopyTo(output, 1);
#if NET8_0_OR_GREATER
        using var aes = new AesGcm(_key, TagSize);
        aes.Encrypt(nonce, plaintext, output.AsSpan(1 + NonceSize, plaintext.Length), output.AsSpan(1 + NonceSize + plaintext.Length, TagSize), context);
#else
        var cipher = Cipher(true, nonce, context);
        var input = plaintext.ToArray();
        var written = cipher.ProcessBytes(input, 0, input.Length, output, 1 + NonceSize);
        cipher.DoFinal(output, 1 + NonceSize + written);
#endif
        return output;
    }

    /// <inheritdoc />
    public byte[] Unprotect(ReadOnlySpan<byte> protectedData, ReadOnlySpan<byte> context)
    {
        if (protectedData.Length < 1 + NonceSize + TagSize || protectedData[0] != Version)
        {
            throw new AuthDataException("protected secret has an unknown format", "AES-GCM envelope");
        }

        var nonce = protectedData.Slice(1, NonceSize);
        var length = protectedData.Length - 1 - NonceSize - TagSize;
        var plaintext = new byte[length];
#if NET8_0_OR_GREATER
        try
        {
            using var aes = new AesGcm(_key, TagSize);
            aes.Decrypt(nonce, protectedData.Slice(1 + NonceSize, length), protectedData.Slice(1 + NonceSize + length, TagSize), plaintext, context);
        }
        catch (AuthenticationTagMismatchException ex)
        {
            throw new AuthDataException("protected secret fails its integrity check (altered, other account, or wrong key)", "AES-GCM envelope", ex);
        }
#else
        var cipher = Cipher(false, nonce.ToArray(), context);
        var input = protectedData.Slice(1 + NonceSize).ToArray();
        var buffer = new byte[cipher.GetOutputSize(input.Length)];
        try
        {
            var written = cipher.ProcessBytes(input, 0, input.Length, buffer, 0);
            cipher.DoFinal(buffer, written);
        }
        catch (Org.BouncyCastle.Crypto.InvalidCipherTextException ex)
        {
            throw new AuthDataException("protected secret fails its integrity check (altered, other account, or wrong key)", "AES-GCM envelope", ex);
        }

        Array.Copy(buffer, plaintext, length);
#endif
        return plaintext;
    }

#if !NET8_0_OR_GREATER
    private Org.BouncyCastle.Crypto.Modes.GcmBlockCipher Cipher(bool encrypt, byte[] nonce, ReadOnlySpan<byte> context)
    {
        var cipher = new Org.BouncyCastle.Crypto.Modes.GcmBlockCipher(new Org.BouncyCastle.Crypto.Engines.AesEngine());
        cipher.Init(encrypt, new Org.BouncyCastle.Crypto.Parameters.AeadParameters(
            new Org.BouncyCastle.Crypto.Parameters.KeyParameter(_key), TagSize * 8, nonce, context.ToArray()));
        return cipher;
    }
#endif
}
