using Chorus.Auth.Login;
using Chorus.Auth.Totp;

namespace Chorus.Auth.Stores;

/// <summary>Which TOTP credential of an account: the active one, or one being enrolled (not usable until confirmed).</summary>
public enum TotpSlot
{
    /// <summary>The confirmed app used at login.</summary>
    Active,

    /// <summary>An app being enrolled: it replaces the active one only once confirmed with a first code.</summary>
    Pending,
}

/// <summary>A stored TOTP credential. The secret is encrypted (<see cref="Protection.ISecretProtector"/>); <see cref="ToString"/> omits it.</summary>
/// <param name="ProtectedSecret">The encrypted secret.</param>
/// <param name="Algorithm">HMAC hash.</param>
/// <param name="Digits">Code length.</param>
/// <param name="Period">Time step in seconds.</param>
/// <param name="CreatedAt">When the enrolment began.</param>
/// <param name="LastAcceptedStep">The last time step accepted (replay protection), or null.</param>
public sealed record TotpCredential(byte[] ProtectedSecret, TotpAlgorithm Algorithm, int Digits, int Period, DateTimeOffset CreatedAt, long? LastAcceptedStep)
{
    /// <summary>Without the secret.</summary>
    public override string ToString() => $"TotpCredential({Algorithm}, {Digits} digits, {Period}s, created {CreatedAt:O}, last step {LastAcceptedStep})";
}

/// <summary>A pending e-mailed code: only its keyed hash is stored. <see cref="ToString"/> omits the hash.</summary>
/// <param name="CodeId">Random identifier of this code (also salts its hash).</param>
/// <param name="CodeHash">HMAC-SHA-256 of the code under a key derived from the host's key.</param>
/// <param name="IssuedAt">When it was issued.</param>
/// <param name="ExpiresAt">When it stops being accepted.</param>
/// <param name="Attempts">Verification attempts made against it.</param>
/// <param name="Used">True once accepted (single use).</param>
public sealed record EmailCodeRecord(byte[] CodeId, byte[] CodeHash, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt, int Attempts, bool Used)
{
    /// <summary>Without the hash.</summary>
    public override string ToString() => $"EmailCodeRecord(issued {IssuedAt:O}, expires {ExpiresAt:O}, attempts {Attempts}, used {Used})";
}

/// <summary>Consecutive authentication failures of an account (reset by a success).</summary>
/// <param name="ConsecutiveFailures">Failures since the last success.</param>
/// <param name="LastFailureAt">When the last one happened, or null.</param>
public readonly record struct FailureState(int ConsecutiveFailures, DateTimeOffset? LastFailureAt);

/// <summary>A login in progress: the password was right, the second factor is awaited.</summary>
/// <param name="Factor">The second factor asked for.</param>
/// <param name="ExpiresAt">When the login attempt lapses.</param>
public sealed record PendingLogin(SecondFactor Factor, DateTimeOffset ExpiresAt);

/// <summary>A requested change of login address, awaiting confirmation from the new mailbox. Only the token's hash is stored.</summary>
/// <param name="Account">The account.</param>
/// <param name="CurrentAddress">Its login address before the change (it gets a notice).</param>
/// <param name="NewAddress">The address to switch to once confirmed.</param>
/// <param name="TokenHash">SHA-256 of the confirmation token.</param>
/// <param name="ExpiresAt">When the token lapses (24 hours after the request).</param>
public sealed record AddressChangeRecord(string Account, string CurrentAddress, string NewAddress, byte[] TokenHash, DateTimeOffset ExpiresAt)
{
    /// <summary>Without the token hash.</summary>
    public override string ToString() => $"AddressChangeRecord({Account} -> {NewAddress}, expires {ExpiresAt:O})";
}
