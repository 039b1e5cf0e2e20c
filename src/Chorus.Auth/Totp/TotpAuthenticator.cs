using System.Security.Cryptography;
using System.Text;
using Chorus.Auth.Protection;
using Chorus.Auth.Stores;

namespace Chorus.Auth.Totp;

/// <summary>
/// TOTP apps per account, as Chorus Pro runs them: enrol (secret, otpauth URI, QR code), confirm with a first code, then
/// verify at login with replay protection. One app per account: a new enrolment replaces the active app only once its
/// first code is confirmed. Secrets are encrypted at rest with <see cref="ISecretProtector"/>, bound to the account.
/// </summary>
public sealed class TotpAuthenticator
{
    private readonly IAuthStore _store;
    private readonly ISecretProtector _protector;
    private readonly TimeProvider _time;
    private readonly RandomNumberGenerator _random;
    private readonly TotpAuthenticatorOptions _options;

    /// <summary>Creates the authenticator.</summary>
    public TotpAuthenticator(IAuthStore store, ISecretProtector protector, TimeProvider time, RandomNumberGenerator random, TotpAuthenticatorOptions? options = null)
    {
        _store = store;
        _protector = protector;
        _time = time;
        _random = random;
        _options = options is null ? new TotpAuthenticatorOptions() : (TotpAuthenticatorOptions)options.Snapshot();
    }

    /// <summary>
    /// Starts enrolling an app: a new 160-bit secret, stored (encrypted) as pending; the URI and QR code to show the user.
    /// The account's active app, if any, keeps working until <see cref="ConfirmEnrolment"/> succeeds.
    /// </summary>
    public TotpEnrolment BeginEnrolment(string account)
    {
        var secret = TotpSecret.Generate(_random);
        var settings = _options.Settings;
        var credential = new TotpCredential(Protect(secret, account), settings.Algorithm, settings.Digits, settings.Period, _time.GetUtcNow(), null);
        _store.SavePendingTotp(account, credential);
        return new TotpEnrolment(account, secret, TotpUri.Build(secret, _options.Issuer, account, settings));
    }

    /// <summary>
    /// Confirms the pending app with the first code it shows; on success it becomes the account's only app (replacing the
    /// previous one) and the code's time step counts as used.
    /// </summary>
    public TotpResult ConfirmEnrolment(string account, ReadOnlySpan<char> code)
    {
        var pending = _store.GetTotp(account, TotpSlot.Pending);
        if (pending is null)
        {
            return TotpResult.NotEnrolled;
        }

        var now = _time.GetUtcNow();
        if (now - pending.CreatedAt > _options.EnrolmentLifetime)
        {
            return TotpResult.Expired;
        }

        var match = TotpGenerator.Verify(Unprotect(pending, account), code, now, SettingsOf(pending));
        if (!match.IsValid)
        {
            return TotpResult.Invalid;
        }

        return _store.ActivatePendingTotp(account, match.TimeStep!.Value) ? TotpResult.Valid : TotpResult.NotEnrolled;
    }

    /// <summary>Whether the account has a confirmed app.</summary>
    public bool IsEnrolled(string account) => _store.GetTotp(account, TotpSlot.Active) is not null;

    /// <summary>
    /// Verifies a login code from the account's app: valid within ±<see cref="TotpSettings.Window"/> steps, and only if its
    /// time step is later than the last accepted one (a code, once accepted, is refused for the rest of its window; so is
    /// any code of an earlier step). The step is recorded atomically: of two simultaneous requests with the same code, one wins.
    /// </summary>
    public TotpResult Verify(string account, ReadOnlySpan<char> code)
    {
        var active = _store.GetTotp(account, TotpSlot.Active);
        if (active is null)
        {
            return TotpResult.NotEnrolled;
        }

        var match = TotpGenerator.Verify(Unprotect(active, account), code, _time.GetUtcNow(), SettingsOf(active));
        if (!match.IsValid)
        {
            return TotpResult.Invalid;
        }

        return _store.TryAcceptTotpStep(account, match.TimeStep!.Value) ? TotpResult.Valid : TotpResult.Replayed;
    }

    /// <summary>Removes the account's app (e.g. lost phone, after an identity check by the host).</summary>
    public void Remove(string account) => _store.RemoveTotp(account);

    private TotpSettings SettingsOf(TotpCredential c) => new(c.Algorithm, c.Digits, c.Period, _options.Settings.Window);

    private byte[] Protect(TotpSecret secret, string account)
    {
        var bytes = secret.ToArray();
        try
        {
            return _protector.Protect(bytes, Context(account));
        }
        finally
        {
            Array.Clear(bytes, 0, bytes.Length);
        }
    }

    private TotpSecret Unprotect(TotpCredential credential, string account)
    {
        var bytes = _protector.Unprotect(credential.ProtectedSecret, Context(account));
        try
        {
            return TotpSecret.FromBytes(bytes);
        }
        finally
        {
            Array.Clear(bytes, 0, bytes.Length);
        }
    }

    private static byte[] Context(string account) => Encoding.UTF8.GetBytes("totp:" + account.ToUpperInvariant());
}

/// <summary>Options of <see cref="TotpAuthenticator"/>.</summary>
public sealed class TotpAuthenticatorOptions
{
    /// <summary>The issuer shown by the app (label and <c>issuer</c> parameter). Default "Chorus Pro".</summary>
    public string Issuer { get; set; } = "Chorus Pro";

    /// <summary>Parameters of new enrolments and the verification window. Default <see cref="TotpSettings.Default"/> (SHA-1, 6 digits, 30 s, ±1 step).</summary>
    public TotpSettings Settings { get; set; } = TotpSettings.Default;

    /// <summary>How long an enrolment may wait for its confirming code. Default 15 minutes.</summary>
    public TimeSpan EnrolmentLifetime { get; set; } = TimeSpan.FromMinutes(15);

    internal object Snapshot() => MemberwiseClone();
}

/// <summary>An app being enrolled: show <see cref="Uri"/> as a QR code (<see cref="QrPng"/>, <see cref="QrSvg"/>) or the secret as text, once. <see cref="ToString"/> redacts.</summary>
public sealed class TotpEnrolment
{
    internal TotpEnrolment(string account, TotpSecret secret, string uri)
    {
        Account = account;
        Secret = secret;
        Uri = uri;
    }

    /// <summary>The account enrolled.</summary>
    public string Account { get; }

    /// <summary>The new secret (show <see cref="TotpSecret.ToBase32"/> to users who cannot scan).</summary>
    public TotpSecret Secret { get; }

    /// <summary>The otpauth URI (it contains the secret: never log it).</summary>
    public string Uri { get; }

    /// <summary>The QR code as PNG.</summary>
    public byte[] QrPng(int pixelsPerModule = 8) => TotpQrCode.Png(Uri, pixelsPerModule);

    /// <summary>The QR code as SVG.</summary>
    public string QrSvg(int pixelsPerModule = 8) => TotpQrCode.Svg(Uri, pixelsPerModule);

    /// <summary>Redacted.</summary>
    public override string ToString() => $"TotpEnrolment({Account}, redacted)";
}

/// <summary>The verdict of a TOTP check for an account.</summary>
public enum TotpResult
{
    /// <summary>Accepted.</summary>
    Valid,

    /// <summary>Not the code of any step within the window.</summary>
    Invalid,

    /// <summary>Right code, but its time step (or a later one) was already accepted.</summary>
    Replayed,

    /// <summary>No app (or, for a confirmation, no pending enrolment).</summary>
    NotEnrolled,

    /// <summary>The pending enrolment waited too long for its confirmation.</summary>
    Expired,
}
