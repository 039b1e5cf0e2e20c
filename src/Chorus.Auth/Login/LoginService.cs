using Chorus.Auth.EmailCodes;
using Chorus.Auth.Mail;
using Chorus.Auth.Stores;
using Chorus.Auth.Totp;

namespace Chorus.Auth.Login;

/// <summary>The second factor a user chooses at login.</summary>
public enum SecondFactor
{
    /// <summary>A 6-digit code e-mailed to the login address.</summary>
    EmailCode,

    /// <summary>A code from the enrolled TOTP app.</summary>
    App,
}

/// <summary>The host's password check.</summary>
public interface IPasswordVerifier
{
    /// <summary>
    /// True when <paramref name="password"/> is the account's password. For an unknown account, return false after the
    /// same work as for a known one (e.g. verify against a dummy hash), so that timing does not reveal which accounts exist.
    /// </summary>
    bool Verify(string account, string password);
}

/// <summary>A login attempt: who, the password, the chosen second factor, and where and how to send an e-mailed code.</summary>
/// <param name="Account">The host's stable account identifier (the login identifier of the portal).</param>
/// <param name="Password">The password typed.</param>
/// <param name="Factor">The second factor chosen.</param>
/// <param name="EmailAddress">The login address, where the e-mailed code goes.</param>
/// <param name="Language">The language of the e-mail.</param>
public sealed record LoginAttempt(string Account, string Password, SecondFactor Factor, string EmailAddress, AuthLanguage Language = AuthLanguage.French)
{
    /// <summary>Without the password.</summary>
    public override string ToString() => $"LoginAttempt({Account}, {Factor}, password redacted)";
}

/// <summary>What the first login step answers.</summary>
public enum LoginStartOutcome
{
    /// <summary>Password right; a code was e-mailed.</summary>
    CodeSent,

    /// <summary>Password right; a code from the app is expected.</summary>
    AppCodeRequired,

    /// <summary>Wrong account or password (the same answer for both).</summary>
    InvalidCredentials,

    /// <summary>Too many failures: try again later (<see cref="LoginStart.LockedUntil"/>) or ask for an unlock.</summary>
    Locked,
}

/// <summary>The answer to the first login step.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="Factor">The second factor now expected (an app is asked for only when one is enrolled; otherwise the code is e-mailed).</param>
/// <param name="LockedUntil">For <see cref="LoginStartOutcome.Locked"/>: the end of the lock-out, or null until unlocked.</param>
public sealed record LoginStart(LoginStartOutcome Outcome, SecondFactor? Factor, DateTimeOffset? LockedUntil);

/// <summary>What the second login step answers.</summary>
public enum LoginOutcome
{
    /// <summary>Logged in.</summary>
    Success,

    /// <summary>Wrong (or replayed) code; the failure counts towards the lock-out.</summary>
    WrongCode,

    /// <summary>The e-mailed code expired, was replaced, or had too many attempts: start the login again.</summary>
    ExpiredCode,

    /// <summary>Too many failures.</summary>
    Locked,

    /// <summary>No login in progress (the password step was not passed, or lapsed).</summary>
    NoLoginInProgress,
}

/// <summary>The answer to the second login step.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="LockedUntil">When locked: end of the lock-out, or null until unlocked.</param>
public sealed record LoginResult(LoginOutcome Outcome, DateTimeOffset? LockedUntil = null);

/// <summary>Options of <see cref="LoginService"/>.</summary>
public sealed class LoginOptions
{
    /// <summary>The brute-force policy. Default <see cref="LockoutPolicy.Default"/>.</summary>
    public LockoutPolicy Lockout { get; set; } = LockoutPolicy.Default;

    /// <summary>How long the second step may wait after the password. Default 10 minutes (the e-mailed code's lifetime).</summary>
    public TimeSpan PendingLoginLifetime { get; set; } = TimeSpan.FromMinutes(10);
}

/// <summary>
/// The Chorus Pro login: password (the host's check), then a second factor (e-mailed code or app), with the brute-force
/// policy of <see cref="LockoutPolicy"/> across both steps.
/// </summary>
public sealed class LoginService
{
    private readonly IPasswordVerifier _passwords;
    private readonly IAuthStore _store;
    private readonly EmailCodeService _emailCodes;
    private readonly TotpAuthenticator _apps;
    private readonly IAuthMailer _mailer;
    private readonly TimeProvider _time;
    private readonly LoginOptions _options;

    /// <summary>Creates the service.</summary>
    public LoginService(IPasswordVerifier passwords, IAuthStore store, EmailCodeService emailCodes, TotpAuthenticator apps, IAuthMailer mailer, TimeProvider time, LoginOptions? options = null)
    {
        _passwords = passwords;
        _store = store;
        _emailCodes = emailCodes;
        _apps = apps;
        _mailer = mailer;
        _time = time;
        options ??= new LoginOptions();
        _options = new LoginOptions { Lockout = options.Lockout.Snapshot(), PendingLoginLifetime = options.PendingLoginLifetime };
        _options.Lockout.Validate();
    }

    /// <summary>
    /// First step: checks the lock-out, then the password; on success issues the second-factor challenge (a new e-mailed
    /// code, voiding any previous one, or an app code when an app is enrolled and chosen).
    /// </summary>
    public async Task<LoginStart> StartAsync(LoginAttempt attempt, CancellationToken cancellationToken = default)
    {
        var now = _time.GetUtcNow();
        if (!TryClaimAttempt(attempt.Account, now, out var before, out var claimed, out var lockout))
        {
            return new LoginStart(LoginStartOutcome.Locked, null, lockout.LockedUntil);
        }

        if (!_passwords.Verify(attempt.Account, attempt.Password))
        {
            // The failure was counted when the attempt was claimed.
            return new LoginStart(LoginStartOutcome.InvalidCredentials, null, null);
        }

        // Right password: withdraw the failure counted in advance (if another attempt came in meanwhile, it stays counted).
        _store.TryRestoreFailures(attempt.Account, claimed, before);
        var expires = now + _options.PendingLoginLifetime;
        if (attempt.Factor == SecondFactor.App && _apps.IsEnrolled(attempt.Account))
        {
            _store.SavePendingLogin(attempt.Account, new PendingLogin(SecondFactor.App, expires));
            return new LoginStart(LoginStartOutcome.AppCodeRequired, SecondFactor.App, null);
        }

        var code = _emailCodes.Issue(attempt.Account);
        _store.SavePendingLogin(attempt.Account, new PendingLogin(SecondFactor.EmailCode, expires));
        var message = AuthMessages.LoginCode(attempt.EmailAddress, code.Code, _emailCodes.Options.Lifetime, attempt.Language);
        await _mailer.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return new LoginStart(LoginStartOutcome.CodeSent, SecondFactor.EmailCode, null);
    }

    /// <summary>Second step: checks the code of the login in progress. A wrong or replayed code counts as a failure.</summary>
    public LoginResult Complete(string account, string code)
    {
        var now = _time.GetUtcNow();
        var lockout = _options.Lockout.Evaluate(_store.GetFailures(account), now);
        if (lockout.IsLocked)
        {
            return new LoginResult(LoginOutcome.Locked, lockout.LockedUntil);
        }

        var pending = _store.GetPendingLogin(account);
        if (pending is null || now >= pending.ExpiresAt)
        {
            return new LoginResult(LoginOutcome.NoLoginInProgress);
        }

        if (!TryClaimAttempt(account, now, out var before, out var claimed, out lockout))
        {
            return new LoginResult(LoginOutcome.Locked, lockout.LockedUntil);
        }

        var outcome = pending.Factor == SecondFactor.App ? FromApp(_apps.Verify(account, code.AsSpan())) : FromEmail(_emailCodes.Verify(account, code.AsSpan()));
        switch (outcome)
        {
            case LoginOutcome.Success:
                _store.ResetFailures(account);
                _store.ClearPendingLogin(account);
                return new LoginResult(LoginOutcome.Success);
            case LoginOutcome.WrongCode:
                // Counted when claimed; say "locked" at once if this failure starts a lock-out.
                var after = _options.Lockout.Evaluate(claimed, now);
                return after.IsLocked ? new LoginResult(LoginOutcome.Locked, after.LockedUntil) : new LoginResult(LoginOutcome.WrongCode);
            default:
                // Not a guess (the code had expired or the login lapsed): withdraw the failure counted in advance.
                _store.TryRestoreFailures(account, claimed, before);
                return new LoginResult(outcome);
        }
    }

    /// <summary>The account's lock-out state now.</summary>
    public LockoutState GetLockout(string account) => _options.Lockout.Evaluate(_store.GetFailures(account), _time.GetUtcNow());

    /// <summary>Clears the failures of an account (administrator unlock, or after a password reset).</summary>
    public void Unlock(string account) => _store.ResetFailures(account);

    /// <summary>
    /// Counts the attempt as a failure <b>before</b> checking anything, so that simultaneous attempts cannot all pass one
    /// lock check: the store's atomic increment numbers them, and an attempt goes on only if the policy allows one more
    /// failure after those numbered before it (the ones counted by concurrent requests are taken as happening now).
    /// </summary>
    private bool TryClaimAttempt(string account, DateTimeOffset now, out FailureState before, out FailureState claimed, out LockoutState lockout)
    {
        before = _store.GetFailures(account);
        lockout = _options.Lockout.Evaluate(before, now);
        claimed = default;
        if (lockout.IsLocked)
        {
            return false;
        }

        claimed = _store.RecordFailure(account, now);
        if (claimed.ConsecutiveFailures != before.ConsecutiveFailures + 1)
        {
            // Other attempts were counted between our check and our increment: re-check as if they had just failed.
            lockout = _options.Lockout.Evaluate(new FailureState(claimed.ConsecutiveFailures - 1, now), now);
            if (lockout.IsLocked)
            {
                return false;
            }
        }

        return true;
    }

    private static LoginOutcome FromApp(TotpResult result) => result switch
    {
        TotpResult.Valid => LoginOutcome.Success,
        TotpResult.Invalid or TotpResult.Replayed => LoginOutcome.WrongCode,
        _ => LoginOutcome.NoLoginInProgress,
    };

    private static LoginOutcome FromEmail(EmailCodeStatus status) => status switch
    {
        EmailCodeStatus.Valid => LoginOutcome.Success,
        EmailCodeStatus.Wrong => LoginOutcome.WrongCode,
        _ => LoginOutcome.ExpiredCode,
    };
}
