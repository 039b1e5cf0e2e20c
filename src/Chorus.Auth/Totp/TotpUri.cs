using System.Text;

namespace Chorus.Auth.Totp;

/// <summary>
/// The <c>otpauth://totp/…</c> URI that authenticator apps read from a QR code (Google Authenticator "Key Uri Format"):
/// issuer in the label and as a parameter, and the algorithm, digits and period spelled out.
/// </summary>
public static class TotpUri
{
    /// <summary>Builds <c>otpauth://totp/Issuer:account?secret=…&amp;issuer=…&amp;algorithm=SHA1&amp;digits=6&amp;period=30</c>.</summary>
    /// <exception cref="ArgumentException">Empty issuer or account, or one containing a colon (the label separator).</exception>
    public static string Build(TotpSecret secret, string issuer, string account, TotpSettings? settings = null)
    {
        settings ??= TotpSettings.Default;
        Check(issuer, nameof(issuer));
        Check(account, nameof(account));
        var algorithm = settings.Algorithm switch
        {
            TotpAlgorithm.Sha256 => "SHA256",
            TotpAlgorithm.Sha512 => "SHA512",
            _ => "SHA1",
        };
        var uri = new StringBuilder("otpauth://totp/")
            .Append(Uri.EscapeDataString(issuer)).Append(':').Append(Uri.EscapeDataString(account))
            .Append("?secret=").Append(secret.ToBase32())
            .Append("&issuer=").Append(Uri.EscapeDataString(issuer))
            .Append("&algorithm=").Append(algorithm)
            .Append("&digits=").Append(settings.Digits.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Append("&period=").Append(settings.Period.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return uri.ToString();
    }

    private static void Check(string value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException("must not be empty", name);
        }

        if (value.AsSpan().IndexOf(':') >= 0)
        {
            throw new ArgumentException("must not contain ':' (the otpauth label separator)", name);
        }
    }
}
