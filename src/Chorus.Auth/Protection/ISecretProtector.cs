namespace Chorus.Auth.Protection;

/// <summary>Encrypts secrets at rest (authenticated encryption bound to context data such as the account).</summary>
public interface ISecretProtector
{
    /// <summary>Encrypts <paramref name="plaintext"/>; <paramref name="context"/> is authenticated but not stored.</summary>
    byte[] Protect(ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> context);

    /// <summary>Decrypts what <see cref="Protect"/> produced with the same context.</summary>
    /// <exception cref="AuthDataException">The data was altered, belongs to another context, or the key is wrong.</exception>
    byte[] Unprotect(ReadOnlySpan<byte> protectedData, ReadOnlySpan<byte> context);
}
