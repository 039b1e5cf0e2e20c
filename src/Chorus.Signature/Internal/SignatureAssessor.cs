using Chorus.Signature.Cades;
using Chorus.Signature.Certificates;
using Chorus.Signature.Trust;
using Org.BouncyCastle.Ocsp;
using Org.BouncyCastle.X509;

namespace Chorus.Signature.Internal;

/// <summary>What the format-specific verifier found, before trust and the verdict.</summary>
internal sealed class CryptoFindings
{
    public required SignatureFormat Format { get; init; }

    public bool IsDocumentTimestamp { get; init; }

    public string? SubFilter { get; init; }

    /// <summary>Null: the signed data was not available.</summary>
    public bool? Intact { get; set; }

    public bool SignatureValueValid { get; set; }

    /// <summary>Integrity could not be decided (unsupported transform): not a hash failure.</summary>
    public bool IntegrityUndetermined { get; set; }

    public X509Certificate? SignerCertificate { get; set; }

    public DateTimeOffset? ClaimedSigningTime { get; set; }

    public string? ClaimedSignerName { get; set; }

    public SigningCertificateReference SigningCertificateReference { get; set; } = SigningCertificateReference.Missing;

    public bool SigningCertificateReferenceRequired { get; set; }

    public List<TimestampOutcome> Timestamps { get; } = [];

    public bool? CoversWholeDocument { get; set; }

    public string? ModificationsAfter { get; set; }

    public List<(SubIndication Sub, string Reason)> FormatFailures { get; } = [];

    public List<(SubIndication Sub, string Reason)> Indeterminate { get; } = [];

    public List<SignatureCheck> Checks { get; } = [];

    public List<string> Warnings { get; } = [];

    public List<X509Certificate> Certificates { get; } = [];

    public List<X509Crl> Crls { get; } = [];

    public List<BasicOcspResp> Ocsps { get; } = [];

    public string? DigestAlgorithm { get; set; }

    public byte[]? SignedDataDigest { get; set; }

    /// <summary>For a document timestamp: its own time.</summary>
    public DateTimeOffset? OwnTime { get; set; }

    public void Check(string name, CheckStatus status, string detail) => Checks.Add(new SignatureCheck(name, status, detail));
}

/// <summary>Turns cryptographic findings into an ETSI indication, a qualification level and the procurement verdict.</summary>
internal static class SignatureAssessor
{
    public static SignatureResult Assess(CryptoFindings f, VerificationOptions options, DateTimeOffset now)
    {
        var reasons = new List<string>();
        var indication = Indication.TotalPassed;
        var sub = SubIndication.None;

        void Fail(Indication i, SubIndication s, string reason)
        {
            reasons.Add(Etsi(s) + ": " + reason);
            if (indication == Indication.TotalPassed || (indication == Indication.Indeterminate && i == Indication.TotalFailed))
            {
                (indication, sub) = (i, s);
            }
        }

        foreach (var (s, r) in f.FormatFailures)
        {
            Fail(Indication.TotalFailed, s, r);
        }

        foreach (var (s, r) in f.Indeterminate)
        {
            Fail(Indication.Indeterminate, s, r);
        }

        if (f.Intact is null)
        {
            Fail(Indication.Indeterminate, SubIndication.SignedDataNotFound, "the signed data was not found (give the detached file)");
        }
        else if (f.Intact == false && f.FormatFailures.Count == 0 && !f.IntegrityUndetermined)
        {
            Fail(Indication.TotalFailed, SubIndication.HashFailure, "the digest of the signed data does not match the signed digest");
        }

        if (f.SignerCertificate is null)
        {
            f.Check("SIGNING_CERTIFICATE", CheckStatus.Failed, "the signer's certificate is not in the signature");
            Fail(Indication.Indeterminate, SubIndication.NoSigningCertificateFound, "the signer's certificate is not in the signature");
        }
        else if (!f.SignatureValueValid && f.Intact != false)
        {
            Fail(Indication.TotalFailed, SubIndication.SigCryptoFailure, "the signature value does not verify with the signer's public key");
        }

        switch (f.SigningCertificateReference)
        {
            case SigningCertificateReference.DigestMismatch:
                f.Check("SIGNING_CERTIFICATE_REFERENCE", CheckStatus.Failed, "the signed reference to the signing certificate has a digest that does not match the certificate");
                Fail(Indication.Indeterminate, SubIndication.NoSigningCertificateFound, "the signing-certificate reference (digest) does not match the signer's certificate");
                break;
            case SigningCertificateReference.IssuerSerialMismatch:
                f.Check("SIGNING_CERTIFICATE_REFERENCE", CheckStatus.Failed, "issuer and serial number of the signed reference do not match the certificate");
                Fail(Indication.Indeterminate, SubIndication.NoSigningCertificateFound, "the signing-certificate reference (issuer/serial) does not match the signer's certificate");
                break;
            case SigningCertificateReference.Matches:
                f.Check("SIGNING_CERTIFICATE_REFERENCE", CheckStatus.Passed, "the signed reference matches the signer's certificate");
                break;
            default:
                if (f.SignerCertificate is not null && !f.IsDocumentTimestamp)
                {
                    f.Check("SIGNING_CERTIFICATE_REFERENCE", f.SigningCertificateReferenceRequired ? CheckStatus.Failed : CheckStatus.Info, "no signed reference to the signing certificate (ESS signing-certificate / XAdES SigningCertificate)");
                    if (f.SigningCertificateReferenceRequired)
                    {
                        Fail(Indication.Indeterminate, SubIndication.SigConstraintsFailure, "the signed attributes do not reference the signing certificate, as the format requires");
                    }
                }

                break;
        }

        // Best proof of existence: the earliest verified timestamp over the signature whose TSA chain is trusted.
        DateTimeOffset? poe = null;
        foreach (var ts in f.Timestamps)
        {
            var ok = ts.ImprintMatches && ts.TokenValid && ts.TsaCertificate is not null;
            ChainValidationResult? tsaChain = null;
            if (ok)
            {
                tsaChain = CertificateValidator.Validate(ts.TsaCertificate!, ts.GenTime, options.Trust, Pool(f, options), f.Crls, f.Ocsps);
            }

            var trusted = tsaChain?.Trusted == true;
            f.Check("SIGNATURE_TIMESTAMP", ok && trusted ? CheckStatus.Passed : CheckStatus.Indeterminate,
                $"timestamp of {ts.GenTime:yyyy-MM-ddTHH:mm:ssZ}: " + (!ts.ImprintMatches ? "message imprint does not match the signature value" : !ts.TokenValid ? "token signature does not verify" : trusted ? "valid, TSA trusted" : "valid, but the TSA is not trusted (not used as proof of existence)"));
            if (ok && trusted && (poe is null || ts.GenTime < poe))
            {
                poe = ts.GenTime;
            }
        }

        var at = poe ?? options.ValidationTime ?? now;
        ChainValidationResult? chain = null;
        if (f.SignerCertificate is { } cert)
        {
            chain = CertificateValidator.Validate(cert, at, options.Trust, Pool(f, options), f.Crls, f.Ocsps);
            f.Check("CHAIN", chain.Trusted ? CheckStatus.Passed : chain.Indication == Indication.TotalFailed ? CheckStatus.Failed : CheckStatus.Indeterminate,
                string.Join("; ", chain.Notes) + $" (at {at:yyyy-MM-ddTHH:mm:ssZ}{(poe is null ? "" : ", proof of existence")})");
            if (chain.Indication != Indication.TotalPassed)
            {
                Fail(chain.Indication, chain.SubIndication, chain.Notes.LastOrDefault(n => n.Length > 0) ?? "certificate chain");
            }

            if (f.ClaimedSigningTime is { } claimed && claimed.UtcDateTime < cert.NotBefore.ToUniversalTime())
            {
                f.Warnings.Add($"claimed signing time {claimed:yyyy-MM-dd} is before the certificate's validity");
            }
        }

        var level = SignatureLevel.None;
        if (indication == Indication.TotalPassed && chain is not null)
        {
            level = chain.Qualified ? (chain.Qscd ? SignatureLevel.Qes : SignatureLevel.AdESQc) : SignatureLevel.AdES;
        }

        if (!f.IsDocumentTimestamp && f.SignerCertificate is not null)
        {
            f.Check("QUALIFICATION", level >= SignatureLevel.AdESQc ? CheckStatus.Passed : indication == Indication.TotalPassed ? CheckStatus.Failed : CheckStatus.Indeterminate,
                $"level {LevelText(level)}" + (chain?.Service is null ? " (no trusted list confirms a qualified certificate)" : ""));
        }

        var verdict = indication switch
        {
            Indication.TotalPassed => Verdict.Valid,
            Indication.TotalFailed => Verdict.Invalid,
            _ => Verdict.Indeterminate,
        };
        if (verdict == Verdict.Valid && options.RequireQualifiedCertificate && !f.IsDocumentTimestamp && level < SignatureLevel.AdESQc)
        {
            verdict = Verdict.Invalid;
            reasons.Add("CERTIFICATE_CATEGORY: the certificate is not qualified (the arrêté of 22 March 2019 requires AdES-QC or QES)");
        }

        reasons.AddRange(f.Warnings.Select(w => "WARNING: " + w));
        return new SignatureResult
        {
            Format = f.Format,
            IsDocumentTimestamp = f.IsDocumentTimestamp,
            SubFilter = f.SubFilter,
            Intact = f.Intact == true,
            SignatureValueValid = f.SignatureValueValid,
            CoversWholeDocument = f.CoversWholeDocument,
            ModificationsAfter = f.ModificationsAfter,
            Signer = f.SignerCertificate is { } c ? CertificateValidator.Cn(c) : f.ClaimedSignerName,
            SigningTime = f.ClaimedSigningTime ?? f.OwnTime,
            TimestampTime = poe ?? f.OwnTime,
            Certificate = f.SignerCertificate is { } sc ? Summary(sc, chain?.Qualified == true) : null,
            ChainTrusted = chain?.Trusted == true,
            Level = level,
            Indication = indication,
            SubIndication = sub,
            Verdict = verdict,
            Reasons = reasons,
            Checks = f.Checks,
            DigestAlgorithm = f.DigestAlgorithm,
            SignedDataDigest = f.SignedDataDigest is { } d ? Hex(d) : null,
        };
    }

    private static List<X509Certificate> Pool(CryptoFindings f, VerificationOptions options)
    {
        var pool = new List<X509Certificate>(f.Certificates);
        foreach (var c in options.Certificates)
        {
            pool.AddRange(CertificateLoader.ReadAll(c));
        }

        return pool;
    }

    internal static CertificateSummary Summary(X509Certificate c, bool qualified) => new(
        c.SubjectDN.ToString(),
        c.IssuerDN.ToString(),
        CmsVerifier.Hex(c.SerialNumber),
        RevocationData.Utc(c.NotBefore),
        RevocationData.Utc(c.NotAfter),
        Hex(Hashing.Compute("2.16.840.1.101.3.4.2.1", c.GetEncoded())!),
        qualified,
        QcStatementInfo.From(c));

    internal static string Hex(byte[] bytes)
    {
        var sb = new System.Text.StringBuilder(bytes.Length * 2);
        foreach (var b in bytes)
        {
            sb.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }

    /// <summary>ETSI EN 319 102-1 spelling of a sub-indication.</summary>
    public static string Etsi(SubIndication s) => s switch
    {
        SubIndication.FormatFailure => "FORMAT_FAILURE",
        SubIndication.HashFailure => "HASH_FAILURE",
        SubIndication.SigCryptoFailure => "SIG_CRYPTO_FAILURE",
        SubIndication.Revoked => "REVOKED",
        SubIndication.SigConstraintsFailure => "SIG_CONSTRAINTS_FAILURE",
        SubIndication.NotYetValid => "NOT_YET_VALID",
        SubIndication.SignedDataNotFound => "SIGNED_DATA_NOT_FOUND",
        SubIndication.NoSigningCertificateFound => "NO_SIGNING_CERTIFICATE_FOUND",
        SubIndication.NoCertificateChainFound => "NO_CERTIFICATE_CHAIN_FOUND",
        SubIndication.OutOfBoundsNoPoe => "OUT_OF_BOUNDS_NO_POE",
        SubIndication.ChainConstraintsFailure => "CHAIN_CONSTRAINTS_FAILURE",
        SubIndication.CryptoConstraintsFailureNoPoe => "CRYPTO_CONSTRAINTS_FAILURE_NO_POE",
        SubIndication.TryLater => "TRY_LATER",
        SubIndication.Generic => "GENERIC",
        _ => "NONE",
    };

    /// <summary>ETSI spelling of an indication.</summary>
    public static string Etsi(Indication i) => i switch
    {
        Indication.TotalPassed => "TOTAL_PASSED",
        Indication.TotalFailed => "TOTAL_FAILED",
        _ => "INDETERMINATE",
    };

    public static string LevelText(SignatureLevel l) => l switch
    {
        SignatureLevel.Qes => "QES",
        SignatureLevel.AdESQc => "AdES-QC",
        SignatureLevel.AdES => "AdES",
        _ => "none",
    };
}
