namespace Chorus.Auth.Totp;

/// <summary>
/// The parameters of a TOTP credential and of its verification: hash, number of digits, period, and how many steps
/// before and after the current one a code is still accepted. Immutable; validated when built.
/// </summary>
public sealed class TotpSettings : IEquatable<TotpSettings>
{
    /// <summary>SHA-1, 6 digits, 30 seconds, ±1 step: what every authenticator app supports (and what the otpauth URI defaults to).</summary>
    public static TotpSettings Default { get; } = new();

    /// <summary>Builds validated settings.</summary>
    /// <param name="algorithm">The HMAC hash.</param>
    /// <param name="digits">6, 7 or 8 digits (RFC 4226 section 5.3 asks for at least 6).</param>
    /// <param name="period">The time step in seconds (RFC 6238 recommends 30), 1 to 300.</param>
    /// <param name="window">
    /// Steps accepted on each side of the current one, 0 to 2. The default 1 (RFC 6238 section 5.2 recommends at most one
    /// step of transmission delay) accepts a code up to one period late or early, absorbing clock drift of the phone and the
    /// time the user takes to type; each extra step triples nothing but widens the guessing window by two codes.
    /// </param>
    public TotpSettings(TotpAlgorithm algorithm = TotpAlgorithm.Sha1, int digits = 6, int period = 30, int window = 1)
    {
        if (algorithm is not (TotpAlgorithm.Sha1 or TotpAlgorithm.Sha256 or TotpAlgorithm.Sha512))
        {
            throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "unknown TOTP algorithm");
        }

        if (digits is < 6 or > 8)
        {
            throw new ArgumentOutOfRangeException(nameof(digits), digits, "a TOTP code has 6 to 8 digits");
        }

        if (period is < 1 or > 300)
        {
            throw new ArgumentOutOfRangeException(nameof(period), period, "the TOTP period is 1 to 300 seconds");
        }

        if (window is < 0 or > 2)
        {
            throw new ArgumentOutOfRangeException(nameof(window), window, "the verification window is 0 to 2 steps");
        }

        Algorithm = algorithm;
        Digits = digits;
        Period = period;
        Window = window;
    }

    /// <summary>The HMAC hash.</summary>
    public TotpAlgorithm Algorithm { get; }

    /// <summary>Number of digits of a code.</summary>
    public int Digits { get; }

    /// <summary>Time step in seconds.</summary>
    public int Period { get; }

    /// <summary>Steps accepted before and after the current one.</summary>
    public int Window { get; }

    /// <summary>The time step that contains <paramref name="at"/>: floor(unix seconds / period) (RFC 6238 section 4.2, T0 = 0).</summary>
    public long TimeStep(DateTimeOffset at)
    {
        var seconds = at.ToUnixTimeSeconds();
        var step = seconds / Period;
        return seconds < 0 && seconds % Period != 0 ? step - 1 : step;
    }

    /// <summary>The first instant of a time step.</summary>
    public DateTimeOffset StepStart(long step) => DateTimeOffset.FromUnixTimeSeconds(step * Period);

    /// <inheritdoc />
    public bool Equals(TotpSettings? other) =>
        other is not null && Algorithm == other.Algorithm && Digits == other.Digits && Period == other.Period && Window == other.Window;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as TotpSettings);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Algorithm, Digits, Period, Window);

    /// <inheritdoc />
    public override string ToString() => $"{Algorithm} {Digits} digits {Period}s ±{Window}";
}
