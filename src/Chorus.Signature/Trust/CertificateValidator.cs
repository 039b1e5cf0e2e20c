using Chorus.Signature.Certificates;
using Chorus.Signature.Internal;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Ocsp;
using Org.BouncyCastle.X509;

namespace Chorus.Signature.Trust;

/// <summary>
/// Certificate path building and validation: a path to a trust anchor (bounded depth, no loops), each certificate
/// valid at the validation time, CA certificates only above the end certificate, revocation from the CRLs and OCSP
/// responses given (no network), and qualification from the trusted list the anchor comes from.
/// </summary>
public static class CertificateValidator
{
    private const int MaxDepth = 12;
    private const int MaxCandidates = 5000;

    /// <summary>Validates a DER/PEM certificate against trust sources at a time, with revocation data (DER CRLs, DER OCSP responses).</summary>
    public static ChainValidationResult Validate(byte[] certificate, DateTimeOffset at, TrustStore trust, IEnumerable<byte[]>? intermediates = null, IEnumerable<byte[]>? crls = null, IEnumerable<byte[]>? ocspResponses = null)
    {
        Guard.NotNull(certificate, nameof(certificate));
        Guard.NotNull(trust, nameof(trust));
        var cert = CertificateLoader.ReadAll(certificate).FirstOrDefault() ?? throw new SignatureFormatException("not a certificate");
        var pool = (intermediates ?? []).SelectMany(CertificateLoader.ReadAll).ToList();
        var crlList = new List<X509Crl>();
        foreach (var c in crls ?? [])
        {
            if (RevocationData.ReadCrl(c) is { } crl)
            {
                crlList.Add(crl);
            }
        }

        var ocsps = new List<BasicOcspResp>();
        foreach (var o in ocspResponses ?? [])
        {
            if (RevocationData.ReadOcsp(o) is { } r)
            {
                ocsps.Add(r);
            }
        }

        return Validate(cert, at, trust, pool, crlList, ocsps);
    }

    internal static ChainValidationResult Validate(X509Certificate leaf, DateTimeOffset at, TrustStore trust, List<X509Certificate> pool, List<X509Crl> crls, List<BasicOcspResp> ocsps)
    {
        var notes = new List<string>();
        var path = BuildPath(leaf, trust, pool, out var anchor);
        var (qualified, qscd) = (false, false);
        if (path is null)
        {
            notes.Add("no path from " + leaf.SubjectDN + " to a trust anchor");
            return new ChainValidationResult { Indication = Indication.Indeterminate, SubIndication = SubIndication.NoCertificateChainFound, Path = [leaf.SubjectDN.ToString()], Notes = notes };
        }

        notes.Add("path: " + string.Join(" <- ", path.Select(c => Cn(c))));
        var indication = Indication.TotalPassed;
        var sub = SubIndication.None;

        // RFC 5280 6.1.4 (k): every certificate above the end certificate must be a CA.
        for (var i = 1; i < path.Count; i++)
        {
            if (path[i].GetBasicConstraints() < 0 && !(anchor!.Service is not null && i == path.Count - 1 && path[i].Version < 3))
            {
                notes.Add(Cn(path[i]) + " issued a certificate but is not a CA (basicConstraints)");
                indication = Indication.TotalFailed;
                sub = SubIndication.ChainConstraintsFailure;
            }
        }

        // Validity at the validation time (anchors from a trusted list are trusted by the list, not by their dates).
        var checkUpTo = anchor!.Service is null ? path.Count : path.Count - 1;
        for (var i = 0; i < checkUpTo && indication == Indication.TotalPassed; i++)
        {
            var c = path[i];
            if (at.UtcDateTime > c.NotAfter.ToUniversalTime())
            {
                notes.Add($"{Cn(c)} expired on {c.NotAfter:yyyy-MM-dd} (validation time {at:yyyy-MM-dd})");
                indication = Indication.Indeterminate;
                sub = SubIndication.OutOfBoundsNoPoe;
            }
            else if (at.UtcDateTime < c.NotBefore.ToUniversalTime())
            {
                notes.Add($"{Cn(c)} not valid before {c.NotBefore:yyyy-MM-dd}");
                indication = Indication.Indeterminate;
                sub = SubIndication.NotYetValid;
            }
        }

        // Revocation of every non-anchor certificate.
        var leafStatus = RevocationStatus.Unknown;
        DateTimeOffset? leafRevocation = null;
        for (var i = 0; i < path.Count - 1; i++)
        {
            var (status, when, source) = RevocationData.Check(path[i], path[i + 1], crls, ocsps, pool, responder => BuildPath(responder, trust, pool, out _) is not null);
            if (i == 0)
            {
                (leafStatus, leafRevocation) = (status, when);
            }

            switch (status)
            {
                case RevocationStatus.Revoked when when <= at:
                    notes.Add($"{Cn(path[i])} revoked on {when:yyyy-MM-ddTHH:mm:ssZ} ({source}), before the validation time");
                    if (indication != Indication.TotalFailed)
                    {
                        indication = Indication.TotalFailed;
                        sub = SubIndication.Revoked;
                    }

                    break;
                case RevocationStatus.Revoked:
                    notes.Add($"{Cn(path[i])} revoked on {when:yyyy-MM-ddTHH:mm:ssZ} ({source}), after the validation time");
                    break;
                case RevocationStatus.Good:
                    notes.Add($"{Cn(path[i])} not revoked ({source})");
                    break;
                default:
                    notes.Add($"{Cn(path[i])}: no revocation data");
                    break;
            }
        }

        if (anchor.Service is { } service)
        {
            (qualified, qscd) = Qualification(leaf, service, notes);
        }

        return new ChainValidationResult
        {
            Trusted = indication == Indication.TotalPassed,
            Indication = indication,
            SubIndication = sub,
            Path = path.Select(c => c.SubjectDN.ToString()).ToList(),
            Revocation = leafStatus,
            RevocationTime = leafRevocation,
            Qualified = qualified && indication == Indication.TotalPassed,
            Qscd = qscd && qualified && indication == Indication.TotalPassed,
            Service = anchor.Service,
            Notes = notes,
        };
    }

    /// <summary>
    /// Qualified = issued under a CA/QC service whose status was positive at the certificate's issuance (TS 119 615),
    /// and QcCompliance in the certificate or a QCStatement qualifier in the list; NotQualified in the list wins.
    /// QSCD = QcSSCD in the certificate or QCWithQSCD/QCWithSSCD in the list, unless the list says QCNoQSCD/QCNoSSCD.
    /// </summary>
    private static (bool Qualified, bool Qscd) Qualification(X509Certificate leaf, TrustedService service, List<string> notes)
    {
        var issued = new DateTimeOffset(leaf.NotBefore.ToUniversalTime(), TimeSpan.Zero);
        var period = service.At(issued);
        if (period is null || period.ServiceType != TrustedService.CaQc || !TrustedService.IsPositiveStatus(period.Status))
        {
            notes.Add($"not qualified: service '{service.ServiceName}' was not a granted CA/QC when the certificate was issued");
            return (false, false);
        }

        var qc = QcStatementInfo.From(leaf);
        // Only the qualifiers whose criteria match this certificate apply (TS 119 612 5.5.9.2, TS 119 615 4.3).
        var applicable = period.Qualifications.Where(q => q.Criteria.Matches(leaf)).SelectMany(q => q.Qualifiers).ToList();
        bool Has(string suffix) => applicable.Exists(q => q.EndsWith("/" + suffix, StringComparison.OrdinalIgnoreCase));
        var qualified = (qc.QcCompliance || Has("QCStatement")) && !Has("NotQualified");
        var qscd = qualified && (Has("QCWithQSCD") || Has("QCWithSSCD") || Has("QCQSCDManagedOnBehalf") || (qc.QcSscd && !Has("QCNoQSCD") && !Has("QCNoSSCD")));
        notes.Add(qualified
            ? $"qualified (trusted list {service.Territory}, service '{service.ServiceName}', status {Last(period.Status)}){(qscd ? ", key in a QSCD" : ", no QSCD")}"
            : "not qualified: no QcCompliance statement");
        return (qualified, qscd);
    }

    private static string Last(string uri) => uri.Substring(uri.LastIndexOf('/') + 1);

    internal static string Cn(X509Certificate c)
    {
        var cns = c.SubjectDN.GetValueList(X509Name.CN);
        return cns.Count > 0 ? cns[0] : c.SubjectDN.ToString();
    }

    /// <summary>Depth-first search from the leaf to an anchor; bounded depth, each certificate used once (no loops).</summary>
    private static List<X509Certificate>? BuildPath(X509Certificate leaf, TrustStore trust, List<X509Certificate> pool, out TrustAnchor? anchor)
    {
        anchor = null;
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var path = new List<X509Certificate> { leaf };
        var budget = MaxCandidates;
        return Extend(path, trust, pool, visited, ref budget, ref anchor) ? path : null;
    }

    private static bool Extend(List<X509Certificate> path, TrustStore trust, List<X509Certificate> pool, HashSet<string> visited, ref int budget, ref TrustAnchor? anchor)
    {
        var current = path[^1];
        if (!visited.Add(Key(current)) || path.Count > MaxDepth || --budget < 0)
        {
            return false;
        }

        // The certificate itself is an anchor (same certificate, or same subject and key: a re-issued anchor).
        foreach (var a in trust.Anchors)
        {
            if (a.Certificate.Equals(current) || (a.Certificate.SubjectDN.Equivalent(current.SubjectDN) && a.Certificate.GetPublicKey().Equals(current.GetPublicKey())))
            {
                anchor = a;
                return true;
            }
        }

        // Issued by an anchor's key.
        foreach (var a in trust.Anchors)
        {
            if (a.Certificate.SubjectDN.Equivalent(current.IssuerDN) && SignedBy(current, a.Certificate))
            {
                path.Add(a.Certificate);
                anchor = a;
                return true;
            }
        }

        if (current.SubjectDN.Equivalent(current.IssuerDN))
        {
            return false;
        }

        foreach (var candidate in pool)
        {
            if (candidate.SubjectDN.Equivalent(current.IssuerDN) && !visited.Contains(Key(candidate)) && SignedBy(current, candidate))
            {
                path.Add(candidate);
                if (Extend(path, trust, pool, visited, ref budget, ref anchor))
                {
                    return true;
                }

                path.RemoveAt(path.Count - 1);
            }
        }

        return false;
    }

    private static string Key(X509Certificate c) => Convert.ToBase64String(Hashing.Compute("2.16.840.1.101.3.4.2.1", c.GetEncoded())!);

    internal static bool SignedBy(X509Certificate cert, X509Certificate issuer)
    {
        try
        {
            cert.Verify(issuer.GetPublicKey());
            return true;
        }
        catch (Exception ex) when (Cades.CmsVerifier.IsAsn1Failure(ex) || ex is Org.BouncyCastle.Security.InvalidKeyException or Org.BouncyCastle.Security.SignatureException)
        {
            return false;
        }
    }
}

/// <summary>CRL and OCSP lookups.</summary>
internal static class RevocationData
{
    public static X509Crl? ReadCrl(byte[] der)
    {
        try
        {
            return new X509CrlParser().ReadCrl(der);
        }
        catch (Exception ex) when (Cades.CmsVerifier.IsAsn1Failure(ex))
        {
            return null;
        }
    }

    public static BasicOcspResp? ReadOcsp(byte[] der)
    {
        try
        {
            var resp = new OcspResp(der);
            return resp.Status == 0 ? resp.GetResponseObject() as BasicOcspResp : null;
        }
        catch (Exception ex) when (Cades.CmsVerifier.IsAsn1Failure(ex))
        {
            try
            {
                // A bare BasicOCSPResponse (as in XAdES RevocationValues or a PDF DSS) is accepted too.
                return new BasicOcspResp(Org.BouncyCastle.Asn1.Ocsp.BasicOcspResponse.GetInstance(Asn1Object.FromByteArray(der)));
            }
            catch (Exception ex2) when (Cades.CmsVerifier.IsAsn1Failure(ex2))
            {
                return null;
            }
        }
    }

    /// <summary>The status of <paramref name="cert"/> from OCSP responses (first) and CRLs signed by its issuer.</summary>
    public static (RevocationStatus Status, DateTimeOffset? When, string Source) Check(X509Certificate cert, X509Certificate issuer, List<X509Crl> crls, List<BasicOcspResp> ocsps, List<X509Certificate>? pool = null, Func<X509Certificate, bool>? trustedResponder = null)
    {
        foreach (var basic in ocsps)
        {
            try
            {
                foreach (var single in basic.Responses)
                {
                    var id = single.GetCertID();
                    if (!id.SerialNumber.Equals(cert.SerialNumber) || !id.MatchesIssuer(issuer))
                    {
                        continue;
                    }

                    if (!OcspSignedByIssuer(basic, issuer, pool, trustedResponder))
                    {
                        continue;
                    }

                    var status = single.GetCertStatus();
                    if (status is RevokedStatus revoked)
                    {
                        return (RevocationStatus.Revoked, Utc(revoked.RevocationTime), "OCSP");
                    }

                    if (status is null)
                    {
                        return (RevocationStatus.Good, null, "OCSP at " + Utc(basic.ProducedAt).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture));
                    }
                }
            }
            catch (Exception ex) when (Cades.CmsVerifier.IsAsn1Failure(ex))
            {
                // A malformed response is skipped.
            }
        }

        foreach (var crl in crls)
        {
            try
            {
                if (!crl.IssuerDN.Equivalent(cert.IssuerDN))
                {
                    continue;
                }

                crl.Verify(issuer.GetPublicKey());
                var entry = crl.GetRevokedCertificate(cert.SerialNumber);
                if (entry is not null)
                {
                    return (RevocationStatus.Revoked, Utc(entry.RevocationDate), "CRL");
                }

                return (RevocationStatus.Good, null, "CRL of " + Utc(crl.ThisUpdate).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            }
            catch (Exception ex) when (Cades.CmsVerifier.IsAsn1Failure(ex) || ex is Org.BouncyCastle.Security.InvalidKeyException or Org.BouncyCastle.Security.SignatureException)
            {
                // A CRL that does not verify with the issuer's key says nothing.
            }
        }

        return (RevocationStatus.Unknown, null, "");
    }

    private static bool OcspSignedByIssuer(BasicOcspResp basic, X509Certificate issuer, List<X509Certificate>? pool, Func<X509Certificate, bool>? trustedResponder)
    {
        if (basic.Verify(issuer.GetPublicKey()))
        {
            return true;
        }

        // Delegated responder: a certificate in the response, issued by the issuer, with id-kp-OCSPSigning.
        foreach (var responder in (basic.GetCerts() ?? []).Concat(pool ?? []))
        {
            // RFC 6960 4.2.2.2: issued by the CA itself; or (as DSS accepts) an OCSP-signing responder whose own certificate chains to a trust anchor.
            var ocspSigning = responder.GetExtendedKeyUsage()?.Any(o => o.Id == "1.3.6.1.5.5.7.3.9") ?? false;
            if (ocspSigning && (CertificateValidator.SignedBy(responder, issuer) || (trustedResponder?.Invoke(responder) ?? false)) && basic.Verify(responder.GetPublicKey()))
            {
                return true;
            }
        }

        return false;
    }

    internal static DateTimeOffset Utc(DateTime t) => new(DateTime.SpecifyKind(t.ToUniversalTime(), DateTimeKind.Utc));
}
