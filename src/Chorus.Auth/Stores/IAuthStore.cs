namespace Chorus.Auth.Stores;

/// <summary>
/// Persistence of the second-factor state, keyed by account (the login address). Every method that decides between
/// concurrent requests is <b>atomic</b>: a code is consumed once, a time step is accepted once, a failure is counted once,
/// even when several servers verify at the same moment. Implementations: <see cref="InMemoryAuthStore"/> (tests, single
/// process) and <c>SqliteAuthStore</c> in the Chorus.Auth.Sqlite package.
/// </summary>
public interface IAuthStore
{
    /// <summary>The account's TOTP credential in the given slot, or null.</summary>
    TotpCredential? GetTotp(string account, TotpSlot slot);

    /// <summary>Stores an app being enrolled, replacing any earlier pending one; the active app is untouched.</summary>
    void SavePendingTotp(string account, TotpCredential credential);

    /// <summary>Atomically makes the pending app the active one (replacing the old app) with <paramref name="acceptedStep"/> as its last accepted step. False when nothing is pending.</summary>
    bool ActivatePendingTotp(string account, long acceptedStep);

    /// <summary>Atomically records <paramref name="step"/> as accepted for the active app if it is later than the last accepted step; false otherwise (a replay) or when no app is active.</summary>
    bool TryAcceptTotpStep(string account, long step);

    /// <summary>Removes the account's apps (active and pending).</summary>
    void RemoveTotp(string account);

    /// <summary>Stores a new e-mailed code, voiding any previous one of the account.</summary>
    void SaveEmailCode(string account, EmailCodeRecord record);

    /// <summary>The account's current e-mailed code, or null.</summary>
    EmailCodeRecord? GetEmailCode(string account);

    /// <summary>Atomically counts one verification attempt against the code <paramref name="codeId"/>, if it is still the current code, unused, and has had fewer than <paramref name="maxAttempts"/> attempts.</summary>
    bool TryCountEmailCodeAttempt(string account, ReadOnlySpan<byte> codeId, int maxAttempts);

    /// <summary>Atomically marks the code <paramref name="codeId"/> used; true for exactly one caller.</summary>
    bool TryConsumeEmailCode(string account, ReadOnlySpan<byte> codeId);

    /// <summary>The account's consecutive failures.</summary>
    FailureState GetFailures(string account);

    /// <summary>Atomically adds one failure at <paramref name="at"/> and returns the new state.</summary>
    FailureState RecordFailure(string account, DateTimeOffset at);

    /// <summary>
    /// Atomically sets the failures back to <paramref name="restore"/> if they are still exactly <paramref name="expected"/>
    /// (a compare-and-set); false when another attempt changed them meanwhile. Used to withdraw an attempt counted in
    /// advance once it turns out not to be a failure.
    /// </summary>
    bool TryRestoreFailures(string account, FailureState expected, FailureState restore);

    /// <summary>Clears the failures (after a success, or an administrator's unlock).</summary>
    void ResetFailures(string account);

    /// <summary>Records a login whose password step succeeded, replacing any earlier one.</summary>
    void SavePendingLogin(string account, PendingLogin login);

    /// <summary>The account's login in progress, or null.</summary>
    PendingLogin? GetPendingLogin(string account);

    /// <summary>Ends the login in progress.</summary>
    void ClearPendingLogin(string account);

    /// <summary>Stores a login-address change request, replacing any earlier one of the same account.</summary>
    void SaveAddressChange(AddressChangeRecord record);

    /// <summary>Atomically removes and returns the request whose token hash is <paramref name="tokenHash"/>; null when there is none (so a token works once).</summary>
    AddressChangeRecord? TakeAddressChange(ReadOnlySpan<byte> tokenHash);
}
