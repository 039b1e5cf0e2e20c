using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.X509;

namespace Chorus.Signature.Certificates;

/// <summary>The QcStatements a certificate claims (ETSI EN 319 412-5). Claims only: qualification needs a trusted list too.</summary>
/// <param name="QcCompliance">esi4-qcStatement-1: the issuer claims the certificate is qualified.</param>
/// <param name="QcSscd">esi4-qcStatement-4: the private key is claimed to be in a QSCD.</param>
/// <param name="QcTypes">QcType values: "esign", "eseal", "web", or an OID.</param>
/// <param name="HasPds">QcPDS: PKI disclosure statements are given.</param>
public sealed record QcStatementInfo(bool QcCompliance, bool QcSscd, IReadOnlyList<string> QcTypes, bool HasPds)
{
    internal const string QcStatementsOid = "1.3.6.1.5.5.7.1.3";

    /// <summary>No QcStatements.</summary>
    public static QcStatementInfo Empty { get; } = new(false, false, [], false);

    /// <summary>Reads the QcStatements extension of a DER certificate; <see cref="Empty"/> when absent or unreadable.</summary>
    public static QcStatementInfo FromCertificate(byte[] certificateDer)
    {
        Internal.Guard.NotNull(certificateDer, nameof(certificateDer));
        try
        {
            return From(new X509Certificate(certificateDer));
        }
        catch (Exception ex) when (ex is ArgumentException or IOException or Org.BouncyCastle.Security.Certificates.CertificateException or InvalidCastException)
        {
            return Empty;
        }
    }

    internal static QcStatementInfo From(X509Certificate certificate)
    {
        var ext = certificate.GetExtensionValue(new DerObjectIdentifier(QcStatementsOid));
        if (ext is null)
        {
            return Empty;
        }

        try
        {
            var seq = Asn1Sequence.GetInstance(Asn1Object.FromByteArray(ext.GetOctets()));
            bool compliance = false, sscd = false, pds = false;
            var types = new List<string>();
            foreach (var item in seq)
            {
                var statement = Asn1Sequence.GetInstance(item);
                var id = DerObjectIdentifier.GetInstance(statement[0]).Id;
                switch (id)
                {
                    case "0.4.0.1862.1.1": compliance = true; break;
                    case "0.4.0.1862.1.4": sscd = true; break;
                    case "0.4.0.1862.1.5": pds = true; break;
                    case "0.4.0.1862.1.6" when statement.Count > 1:
                        foreach (var t in Asn1Sequence.GetInstance(statement[1]))
                        {
                            var oid = DerObjectIdentifier.GetInstance(t).Id;
                            types.Add(oid switch
                            {
                                "0.4.0.1862.1.6.1" => "esign",
                                "0.4.0.1862.1.6.2" => "eseal",
                                "0.4.0.1862.1.6.3" => "web",
                                _ => oid,
                            });
                        }

                        break;
                }
            }

            return new QcStatementInfo(compliance, sscd, types, pds);
        }
        catch (Exception ex) when (ex is ArgumentException or IOException or InvalidCastException or InvalidOperationException)
        {
            return Empty;
        }
    }
}
