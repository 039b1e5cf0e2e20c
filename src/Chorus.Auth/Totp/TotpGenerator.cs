namespace Chorus.Auth.Totp;

/// <summary>
/// RFC 6238 TOTP codes and their verification, over Otp.NET's HOTP arithmetic (RFC 4226 dynamic truncation). Stateless:
/// replay protection (a code accepted once is refused afterwards) needs the per-account state of <c>TotpAuthenticator</c>.
/// </summary>
public static class TotpGenerator
{
    /// <summary>The code of the step that contains <paramref name="at"/>.</summary>
    public static TotpCode Generate(TotpSecret secret, DateTimeOffset at, TotpSettings? settings = null)
    {
        settings ??= TotpSettings.Default;
        var step = settings.TimeStep(at);
        return new TotpCode(ComputeStep(secret, step, settings), step, settings.StepStart(step), settings.StepStart(step + 1));
    }

    /// <summary>The code of a given time step (the HOTP value with counter = step).</summary>
    public static string ComputeStep(TotpSecret secret, long step, TotpSettings? settings = null)
    {
        settings ??= TotpSettings.Default;
        return secret.Hotp(settings.Algorithm, settings.Digits).ComputeHOTP(step);
    }

    /// <summary>
    /// Checks a code against the current step, then the previous and the next ones (±<see cref="TotpSettings.Window"/>),
    /// the order Otp.NET uses. Each candidate is compared in constant time, so the duration does not tell how many digits
    /// of a wrong code were right; a wrong code always costs all the candidates. A code of the wrong length or with
    /// non-digits is simply not valid.
    /// </summary>
    public static TotpMatch Verify(TotpSecret secret, ReadOnlySpan<char> code, DateTimeOffset at, TotpSettings? settings = null)
    {
        settings ??= TotpSettings.Default;
        if (!IsWellFormed(code, settings.Digits))
        {
            return TotpMatch.None;
        }

        var current = settings.TimeStep(at);
        var hotp = secret.Hotp(settings.Algorithm, settings.Digits);
        if (Internal.ConstantTime.Equals(hotp.ComputeHOTP(current).AsSpan(), code))
        {
            return new TotpMatch(true, current);
        }

        for (var distance = 1; distance <= settings.Window; distance++)
        {
            // Stopping at a match only reveals which step a right code belongs to, which its holder knows anyway.
            if (Internal.ConstantTime.Equals(hotp.ComputeHOTP(current - distance).AsSpan(), code))
            {
                return new TotpMatch(true, current - distance);
            }

            if (Internal.ConstantTime.Equals(hotp.ComputeHOTP(current + distance).AsSpan(), code))
            {
                return new TotpMatch(true, current + distance);
            }
        }

        return TotpMatch.None;
    }

    internal static bool IsWellFormed(ReadOnlySpan<char> code, int digits)
    {
        if (code.Length != digits)
        {
            return false;
        }

        foreach (var c in code)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }
}
