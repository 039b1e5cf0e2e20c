namespace Chorus.Auth.Totp;

/// <summary>The HMAC hash of a TOTP credential (RFC 6238 section 1.2). Authenticator apps all support <see cref="Sha1"/>.</summary>
public enum TotpAlgorithm
{
    /// <summary>HMAC-SHA-1: the default, and the only one every authenticator app supports.</summary>
    Sha1,

    /// <summary>HMAC-SHA-256.</summary>
    Sha256,

    /// <summary>HMAC-SHA-512.</summary>
    Sha512,
}
