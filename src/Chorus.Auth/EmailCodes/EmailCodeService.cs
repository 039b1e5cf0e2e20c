using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using Chorus.Auth.Internal;
using Chorus.Auth.Protection;
using Chorus.Auth.Stores;

namespace Chorus.Auth.EmailCodes;

/// <summary>
/// The e-mailed login codes of Chorus Pro: 6 digits drawn uniformly from a <see cref="RandomNumberGenerator"/> (not
/// TOTP), valid 10 minutes, stored only as a keyed hash, single-use, with an attempt limit per code. Issuing a new code
/// voids the previous one (a new login attempt generates a new code).
/// </summary>
public sealed class EmailCodeService
{
    private const int CodeIdSize = 16;
    private const int HashSize = 32;
    private readonly IAuthStore _store;
    private readonly TimeProvider _time;
    private readonly RandomNumberGenerator _random;
    private readonly EmailCodeOptions _options;
    private readonly byte[] _hashKey;
    private readonly int _modulus;

    /// <summary>Creates the service; codes are hashed with a key derived from <paramref name="key"/>.</summary>
    public EmailCodeService(IAuthStore store, AuthKey key, TimeProvider time, RandomNumberGenerator random, EmailCodeOptions? options = null)
    {
        _store = store;
        _time = time;
        _random = random;
        _options = (EmailCodeOptions?)options?.Snapshot() ?? new EmailCodeOptions();
        _options.Validate();
        _hashKey = key.Derive("email-code-hash");
        _modulus = (int)Math.Pow(10, _options.Digits);
    }

    /// <summary>The options in force (a copy taken at construction).</summary>
    public EmailCodeOptions Options => _options;

    /// <summary>Issues a new code for the account (voiding the previous one) and returns it for the e-mail; only its hash is kept.</summary>
    public EmailCode Issue(string account)
    {
        var value = Randomness.NextInt32(_random, _modulus);
        var code = value.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(_options.Digits, '0');
        var codeId = Randomness.Bytes(_random, CodeIdSize);
        var hash = new byte[HashSize];
        Hash(account, codeId, code.AsSpan(), hash);
        var now = _time.GetUtcNow();
        var expires = now + _options.Lifetime;
        _store.SaveEmailCode(account, new EmailCodeRecord(codeId, hash, now, expires, 0, false));
        return new EmailCode(code, expires);
    }

    /// <summary>
    /// Checks a code typed by the user. Each check counts as an attempt on the current code; after
    /// <see cref="EmailCodeOptions.MaxAttempts"/> the code is dead and a new login attempt is needed. A valid code is
    /// consumed atomically: of several simultaneous checks of the right code, exactly one gets <see cref="EmailCodeStatus.Valid"/>.
    /// </summary>
    public EmailCodeStatus Verify(string account, ReadOnlySpan<char> code)
    {
        var record = _store.GetEmailCode(account);
        if (record is null || record.Used)
        {
            return EmailCodeStatus.NoPendingCode;
        }

        if (_time.GetUtcNow() >= record.ExpiresAt)
        {
            return EmailCodeStatus.Expired;
        }

        if (!_store.TryCountEmailCodeAttempt(account, record.CodeId, _options.MaxAttempts))
        {
            // Lost a race with a consumer, or the attempts are exhausted.
            var now = _store.GetEmailCode(account);
            return now is null || now.Used || !now.CodeId.AsSpan().SequenceEqual(record.CodeId) ? EmailCodeStatus.NoPendingCode : EmailCodeStatus.TooManyAttempts;
        }

        if (!Totp.TotpGenerator.IsWellFormed(code, _options.Digits))
        {
            return EmailCodeStatus.Wrong;
        }

        Span<byte> hash = stackalloc byte[HashSize];
        Hash(account, record.CodeId, code, hash);
        if (!ConstantTime.Equals(hash, record.CodeHash))
        {
            return EmailCodeStatus.Wrong;
        }

        return _store.TryConsumeEmailCode(account, record.CodeId) ? EmailCodeStatus.Valid : EmailCodeStatus.NoPendingCode;
    }

    /// <summary>HMAC-SHA-256(key, codeId | upper(account) | 0 | code), without heap allocation on net8.0 for usual account lengths.</summary>
    private void Hash(string account, ReadOnlySpan<byte> codeId, ReadOnlySpan<char> code, Span<byte> destination)
    {
        var length = CodeIdSize + Encoding.UTF8.GetMaxByteCount(account.Length) + 1 + code.Length;
        byte[]? rented = null;
        var buffer = length <= 512 ? stackalloc byte[512] : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            codeId.CopyTo(buffer);
            var n = CodeIdSize;
            foreach (var c in account)
            {
                // Upper-case ASCII letters so that the account key matches the store's case-insensitive lookup.
                var u = c is >= 'a' and <= 'z' ? (char)(c - 32) : c;
                if (u < 0x80)
                {
                    buffer[n++] = (byte)u;
                }
                else
                {
                    n += Utf8(u, buffer.Slice(n));
                }
            }

            buffer[n++] = 0;
            foreach (var c in code)
            {
                buffer[n++] = (byte)c;
            }

            Mac(buffer.Slice(0, n), destination);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static int Utf8(char c, Span<byte> destination)
    {
        // A char outside ASCII: 2 or 3 UTF-8 bytes (surrogates are encoded one unit at a time, which is stable and enough for a hash input).
        if (c < 0x800)
        {
            destination[0] = (byte)(0xC0 | (c >> 6));
            destination[1] = (byte)(0x80 | (c & 0x3F));
            return 2;
        }

        destination[0] = (byte)(0xE0 | (c >> 12));
        destination[1] = (byte)(0x80 | ((c >> 6) & 0x3F));
        destination[2] = (byte)(0x80 | (c & 0x3F));
        return 3;
    }

    private void Mac(ReadOnlySpan<byte> data, Span<byte> destination)
    {
#if NET8_0_OR_GREATER
        HMACSHA256.HashData(_hashKey, data, destination);
#else
        using var hmac = new HMACSHA256(_hashKey);
        hmac.ComputeHash(data.ToArray()).CopyTo(destination);
#endif
    }
}

/// <summary>Options of <see cref="EmailCodeService"/>.</summary>
public sealed class EmailCodeOptions
{
    /// <summary>How long a code is accepted. Chorus Pro: 10 minutes.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Digits of a code. Chorus Pro: 6.</summary>
    public int Digits { get; set; } = 6;

    /// <summary>Checks allowed against one code before it is voided. Default 5.</summary>
    public int MaxAttempts { get; set; } = 5;

    internal EmailCodeOptions Snapshot() => (EmailCodeOptions)MemberwiseClone();

    internal void Validate()
    {
        if (Lifetime <= TimeSpan.Zero || Lifetime > TimeSpan.FromHours(1))
        {
            throw new ArgumentOutOfRangeException(nameof(Lifetime), Lifetime, "an e-mailed code lives more than 0 and at most 1 hour");
        }

        if (Digits is < 6 or > 9)
        {
            throw new ArgumentOutOfRangeException(nameof(Digits), Digits, "an e-mailed code has 6 to 9 digits");
        }

        if (MaxAttempts is < 1 or > 10)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxAttempts), MaxAttempts, "1 to 10 attempts per code");
        }
    }
}

/// <summary>An issued code, to be sent by e-mail. <see cref="ToString"/> redacts the code.</summary>
/// <param name="Code">The digits.</param>
/// <param name="ExpiresAt">When it stops being accepted.</param>
public sealed record EmailCode(string Code, DateTimeOffset ExpiresAt)
{
    /// <summary>Redacted.</summary>
    public override string ToString() => $"EmailCode(expires {ExpiresAt:O}, redacted)";
}

/// <summary>The verdict of an e-mailed code check.</summary>
public enum EmailCodeStatus
{
    /// <summary>Accepted (and now used).</summary>
    Valid,

    /// <summary>Not the code (one attempt counted).</summary>
    Wrong,

    /// <summary>The code's 10 minutes are over.</summary>
    Expired,

    /// <summary>Too many wrong attempts on this code: it is void.</summary>
    TooManyAttempts,

    /// <summary>No code pending: never issued, already used, or replaced by a newer one.</summary>
    NoPendingCode,
}
