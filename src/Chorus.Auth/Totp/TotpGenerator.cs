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
    /// Checks a code against the steps from <c>current − Window</c> to <c>current + Window</c>. Every step in the window is
    /// computed and compared in constant time, whatever matches, so the duration does not tell which step (or how many digits) matched.
    /// A code of the wrong length or with non-digits is simply not valid.
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
        long matched = 0;
        var found = false;
        for (var step = current - settings.Window; step <= current + settings.Window; step++)
        {
            if (Internal.ConstantTime.Equals(hotp.ComputeHOTP(step).AsSpan(), code) && !found)
            {
                // The earliest matching step wins (a collision between neighbouring steps is then refused as a replay sooner).
                found = true;
                matched = step;
            }
        }

        return found ? new TotpMatch(true, matched) : TotpMatch.None;
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
