using Chorus.Signature.Internal;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.X509;

namespace Chorus.Signature.Certificates;

/// <summary>How long a certificate remains valid (signing certificates, and those of technical users connecting to the API by certificate).</summary>
/// <param name="Subject">Subject distinguished name.</param>
/// <param name="Issuer">Issuer distinguished name.</param>
/// <param name="SerialNumber">Serial number, hexadecimal.</param>
/// <param name="NotBefore">Start of validity.</param>
/// <param name="NotAfter">End of validity.</param>
/// <param name="DaysLeft">Whole days from the check time to <paramref name="NotAfter"/> (negative once expired).</param>
/// <param name="Expired">The check time is after <paramref name="NotAfter"/>.</param>
/// <param name="ExpiresSoon">Not expired, but at most the warning horizon's days left.</param>
/// <param name="NotYetValid">The check time is before <paramref name="NotBefore"/>.</param>
public sealed record CertificateExpiry(string Subject, string Issuer, string SerialNumber, DateTimeOffset NotBefore, DateTimeOffset NotAfter, int DaysLeft, bool Expired, bool ExpiresSoon, bool NotYetValid);

/// <summary>Reads a certificate file (PEM, DER, PKCS#12) and says how long it remains valid.</summary>
public static class CertificateExpiryChecker
{
    /// <summary>Checks the first certificate of a PEM/DER file, or the key certificate of a PKCS#12 file.</summary>
    /// <param name="file">The file's bytes.</param>
    /// <param name="timeProvider">The clock (now), unless <paramref name="at"/> is given.</param>
    /// <param name="at">Check time; default the clock's now.</param>
    /// <param name="warnDays">Warning horizon in days (default 30).</param>
    /// <param name="password">PKCS#12 password (default: empty).</param>
    /// <exception cref="SignatureFormatException">No certificate can be read.</exception>
    public static CertificateExpiry Check(byte[] file, TimeProvider timeProvider, DateTimeOffset? at = null, int warnDays = 30, string? password = null)
    {
        Guard.NotNull(file, nameof(file));
        Guard.NotNull(timeProvider, nameof(timeProvider));
        var cert = Read(file, password) ?? throw new SignatureFormatException("no certificate found (PEM, DER or PKCS#12 expected)");
        var now = at ?? timeProvider.GetUtcNow();
        var notAfter = RevocationDataUtc(cert.NotAfter);
        var notBefore = RevocationDataUtc(cert.NotBefore);
        var days = (int)Math.Floor((notAfter - now).TotalDays);
        var expired = now > notAfter;
        return new CertificateExpiry(
            cert.SubjectDN.ToString(),
            cert.IssuerDN.ToString(),
            Cades.CmsVerifier.Hex(cert.SerialNumber),
            notBefore,
            notAfter,
            days,
            expired,
            !expired && days <= warnDays,
            now < notBefore);
    }

    private static DateTimeOffset RevocationDataUtc(DateTime t) => Trust.RevocationData.Utc(t);

    private static X509Certificate? Read(byte[] file, string? password)
    {
        if (CertificateLoader.ReadAll(file).FirstOrDefault() is { } cert)
        {
            return cert;
        }

        try
        {
            var store = new Pkcs12StoreBuilder().Build();
            using var ms = new MemoryStream(file, writable: false);
            store.Load(ms, (password ?? "").ToCharArray());
            string? firstCert = null;
            foreach (var alias in store.Aliases)
            {
                if (store.IsKeyEntry(alias) && store.GetCertificate(alias) is { } keyCert)
                {
                    return keyCert.Certificate;
                }

                firstCert ??= store.IsCertificateEntry(alias) ? alias : null;
            }

            return firstCert is null ? null : store.GetCertificate(firstCert).Certificate;
        }
        catch (Exception ex) when (Cades.CmsVerifier.IsAsn1Failure(ex) || ex is Org.BouncyCastle.Crypto.InvalidCipherTextException or Org.BouncyCastle.Crypto.DataLengthException)
        {
            return null;
        }
    }
}
