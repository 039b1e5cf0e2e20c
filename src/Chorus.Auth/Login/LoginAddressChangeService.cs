using System.Security.Cryptography;
using Chorus.Auth.Internal;
using Chorus.Auth.Mail;
using Chorus.Auth.Stores;

namespace Chorus.Auth.Login;

/// <summary>
/// Changing the login address, as Chorus Pro does it: a confirmation link goes to the <b>new</b> address, valid 24 hours and
/// usable once; the change applies only when the link is opened; then a notice confirms it to the new and the old address.
/// The token is 256 random bits, stored only as its SHA-256 hash.
/// </summary>
public sealed class LoginAddressChangeService
{
    private const int TokenSize = 32;
    private readonly IAuthStore _store;
    private readonly IAuthMailer _mailer;
    private readonly TimeProvider _time;
    private readonly RandomNumberGenerator _random;

    /// <summary>Creates the service.</summary>
    public LoginAddressChangeService(IAuthStore store, IAuthMailer mailer, TimeProvider time, RandomNumberGenerator random)
    {
        _store = store;
        _mailer = mailer;
        _time = time;
        _random = random;
    }

    /// <summary>How long a confirmation link works: 24 hours.</summary>
    public static TimeSpan TokenLifetime { get; } = TimeSpan.FromHours(24);

    /// <summary>
    /// Requests the change: replaces any earlier request of the account and sends the link built by
    /// <paramref name="confirmationLink"/> (from the token) to <paramref name="newAddress"/>. Returns when the link lapses.
    /// </summary>
    public async Task<DateTimeOffset> RequestAsync(string account, string currentAddress, string newAddress, Func<string, Uri> confirmationLink, AuthLanguage language = AuthLanguage.French, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(newAddress) || newAddress.AsSpan().IndexOf('@') <= 0)
        {
            throw new ArgumentException("not an e-mail address", nameof(newAddress));
        }

        var tokenBytes = Randomness.Bytes(_random, TokenSize);
        var token = Base64Url(tokenBytes);
        var expires = _time.GetUtcNow() + TokenLifetime;
        _store.SaveAddressChange(new AddressChangeRecord(account, currentAddress, newAddress, Hash(token), expires));
        await _mailer.SendAsync(AuthMessages.AddressChangeConfirmation(newAddress, confirmationLink(token), TokenLifetime, language), cancellationToken).ConfigureAwait(false);
        return expires;
    }

    /// <summary>
    /// Confirms with the token from the link. The token is consumed whatever the outcome; on
    /// <see cref="AddressChangeStatus.Confirmed"/> the host applies the change and both addresses receive a notice.
    /// </summary>
    public async Task<AddressChangeResult> ConfirmAsync(string token, AuthLanguage language = AuthLanguage.French, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return new AddressChangeResult(AddressChangeStatus.Invalid, null, null);
        }

        var record = _store.TakeAddressChange(Hash(token));
        if (record is null)
        {
            return new AddressChangeResult(AddressChangeStatus.Invalid, null, null);
        }

        if (_time.GetUtcNow() >= record.ExpiresAt)
        {
            return new AddressChangeResult(AddressChangeStatus.Expired, record.Account, null);
        }

        await _mailer.SendAsync(AuthMessages.AddressChanged(record.NewAddress, record.NewAddress, language), cancellationToken).ConfigureAwait(false);
        if (!string.Equals(record.CurrentAddress, record.NewAddress, StringComparison.OrdinalIgnoreCase))
        {
            await _mailer.SendAsync(AuthMessages.AddressChanged(record.CurrentAddress, record.NewAddress, language), cancellationToken).ConfigureAwait(false);
        }

        return new AddressChangeResult(AddressChangeStatus.Confirmed, record.Account, record.NewAddress);
    }

    private static byte[] Hash(string token)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(token);
#if NET8_0_OR_GREATER
        return SHA256.HashData(bytes);
#else
        using var sha = SHA256.Create();
        return sha.ComputeHash(bytes);
#endif
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>The outcome of a login-address confirmation.</summary>
public enum AddressChangeStatus
{
    /// <summary>Confirmed: apply the new address.</summary>
    Confirmed,

    /// <summary>The 24 hours are over.</summary>
    Expired,

    /// <summary>Unknown, already used, or replaced by a newer request.</summary>
    Invalid,
}

/// <summary>The result of <see cref="LoginAddressChangeService.ConfirmAsync"/>.</summary>
/// <param name="Status">The outcome.</param>
/// <param name="Account">The account, when the token was known.</param>
/// <param name="NewAddress">The new login address, when confirmed.</param>
public sealed record AddressChangeResult(AddressChangeStatus Status, string? Account, string? NewAddress);
