namespace Chorus.Signature;

/// <summary>The signature formats the verifier reads.</summary>
public enum SignatureFormat
{
    /// <summary>PDF signature (ETSI EN 319 142), including document timestamps.</summary>
    PAdES,

    /// <summary>CMS signature (ETSI EN 319 122), attached (.p7m) or detached (.p7s).</summary>
    CAdES,

    /// <summary>XML signature (ETSI EN 319 132): enveloped, enveloping or detached.</summary>
    XAdES,
}

/// <summary>Main status indication of ETSI EN 319 102-1 (clause 5.1.3).</summary>
public enum Indication
{
    /// <summary>TOTAL_PASSED: every check passed.</summary>
    TotalPassed,

    /// <summary>TOTAL_FAILED: the signature is proven wrong (altered data, broken signature value, revoked before signing…).</summary>
    TotalFailed,

    /// <summary>INDETERMINATE: the checks could not conclude (no chain to a trust anchor, expired without proof of existence…).</summary>
    Indeterminate,
}

/// <summary>Sub-indications of ETSI EN 319 102-1 (clause 5.1.3) used by this verifier.</summary>
public enum SubIndication
{
    /// <summary>No sub-indication (TOTAL_PASSED).</summary>
    None,

    /// <summary>FORMAT_FAILURE: the signature is not in a format the checks accept (broken /ByteRange, uncovered changes…).</summary>
    FormatFailure,

    /// <summary>HASH_FAILURE: the digest of the signed data does not match the one that was signed.</summary>
    HashFailure,

    /// <summary>SIG_CRYPTO_FAILURE: the signature value does not verify with the signer's public key.</summary>
    SigCryptoFailure,

    /// <summary>REVOKED: the signer's certificate was revoked before the signing time.</summary>
    Revoked,

    /// <summary>SIG_CONSTRAINTS_FAILURE: a signed attribute required by the format is missing or wrong (signing-certificate reference…).</summary>
    SigConstraintsFailure,

    /// <summary>NOT_YET_VALID: the signing time is before the certificate's validity.</summary>
    NotYetValid,

    /// <summary>SIGNED_DATA_NOT_FOUND: the signed data (detached content) was not available.</summary>
    SignedDataNotFound,

    /// <summary>NO_SIGNING_CERTIFICATE_FOUND: the signer's certificate is not in the signature nor given.</summary>
    NoSigningCertificateFound,

    /// <summary>NO_CERTIFICATE_CHAIN_FOUND: no path from the signer's certificate to a trust anchor.</summary>
    NoCertificateChainFound,

    /// <summary>OUT_OF_BOUNDS_NO_POE: the certificate had expired (or was revoked) at the validation time and no proof of existence dates the signature earlier.</summary>
    OutOfBoundsNoPoe,

    /// <summary>CHAIN_CONSTRAINTS_FAILURE: a certificate of the chain is not acceptable (not a CA, bad signature…).</summary>
    ChainConstraintsFailure,

    /// <summary>CRYPTO_CONSTRAINTS_FAILURE_NO_POE: an algorithm that is not supported or no longer acceptable.</summary>
    CryptoConstraintsFailureNoPoe,

    /// <summary>TRY_LATER: revocation information needed to conclude is not available.</summary>
    TryLater,

    /// <summary>GENERIC: any other reason (unsupported transform…), described in the reasons.</summary>
    Generic,
}

/// <summary>The qualification level of a signature (eIDAS), as French public procurement grades it.</summary>
public enum SignatureLevel
{
    /// <summary>No acceptable signature (broken, or its certificate is not trusted).</summary>
    None,

    /// <summary>Advanced electronic signature on a certificate that is not qualified.</summary>
    AdES,

    /// <summary>Advanced electronic signature on a qualified certificate (AdES-QC): the minimum the arrêté of 22 March 2019 accepts.</summary>
    AdESQc,

    /// <summary>Qualified electronic signature: qualified certificate with its key in a QSCD.</summary>
    Qes,
}

/// <summary>The verdict for French public procurement (arrêté of 22 March 2019).</summary>
public enum Verdict
{
    /// <summary>Every check of the arrêté passed.</summary>
    Valid,

    /// <summary>At least one check failed.</summary>
    Invalid,

    /// <summary>The checks could not conclude (missing trust anchor, expired without timestamp…).</summary>
    Indeterminate,
}

/// <summary>The result of one elementary check.</summary>
public enum CheckStatus
{
    /// <summary>The check passed.</summary>
    Passed,

    /// <summary>The check failed.</summary>
    Failed,

    /// <summary>The check could not conclude.</summary>
    Indeterminate,

    /// <summary>The check does not apply, or only informs.</summary>
    Info,
}

/// <summary>One elementary check of a signature, as listed in the reports.</summary>
/// <param name="Name">Stable name of the check (BYTE_RANGE, MESSAGE_DIGEST, SIGNATURE_VALUE, SIGNING_CERTIFICATE, CHAIN, REVOCATION, VALIDITY, QUALIFICATION, COVERAGE…).</param>
/// <param name="Status">Its result.</param>
/// <param name="Detail">What was found, readable.</param>
public sealed record SignatureCheck(string Name, CheckStatus Status, string Detail);

/// <summary>What a report says of a certificate.</summary>
/// <param name="Subject">Subject distinguished name.</param>
/// <param name="Issuer">Issuer distinguished name.</param>
/// <param name="SerialNumber">Serial number, hexadecimal.</param>
/// <param name="NotBefore">Start of validity.</param>
/// <param name="NotAfter">End of validity.</param>
/// <param name="Sha256">SHA-256 of the DER encoding, hexadecimal.</param>
/// <param name="Qualified">Qualified certificate, confirmed by a trusted list (not by the certificate's own claims).</param>
/// <param name="QcStatements">The QcStatements the certificate claims (ETSI EN 319 412-5).</param>
public sealed record CertificateSummary(
    string Subject,
    string Issuer,
    string SerialNumber,
    DateTimeOffset NotBefore,
    DateTimeOffset NotAfter,
    string Sha256,
    bool Qualified,
    Certificates.QcStatementInfo QcStatements);

/// <summary>The verification of one signature or document timestamp.</summary>
public sealed record SignatureResult
{
    /// <summary>Format of the signature.</summary>
    public required SignatureFormat Format { get; init; }

    /// <summary>True for a PAdES document timestamp (/DocTimeStamp, ETSI.RFC3161) rather than a signature.</summary>
    public bool IsDocumentTimestamp { get; init; }

    /// <summary>PDF /SubFilter, CMS content type or XML signature id: what the signature says it is.</summary>
    public string? SubFilter { get; init; }

    /// <summary>The digest over the signed data matches the one that was signed.</summary>
    public bool Intact { get; init; }

    /// <summary>The signature value verifies with the signer's public key.</summary>
    public bool SignatureValueValid { get; init; }

    /// <summary>PAdES: the signature covers the whole file; null for other formats.</summary>
    public bool? CoversWholeDocument { get; init; }

    /// <summary>PAdES: what was appended after the signed revision (null when nothing or not PAdES).</summary>
    public string? ModificationsAfter { get; init; }

    /// <summary>Signer's name: the certificate's common name (or the PDF /Name).</summary>
    public string? Signer { get; init; }

    /// <summary>Signing time claimed by the signer (signed attribute, PDF /M or XAdES SigningTime).</summary>
    public DateTimeOffset? SigningTime { get; init; }

    /// <summary>Time proven by a verified timestamp over the signature, if any.</summary>
    public DateTimeOffset? TimestampTime { get; init; }

    /// <summary>The signer's certificate.</summary>
    public CertificateSummary? Certificate { get; init; }

    /// <summary>A path to a trust anchor was found and every certificate in it was valid and unrevoked at the time used.</summary>
    public bool ChainTrusted { get; init; }

    /// <summary>Qualification level (QES, AdES-QC, AdES, none).</summary>
    public SignatureLevel Level { get; init; }

    /// <summary>ETSI EN 319 102-1 main indication.</summary>
    public Indication Indication { get; init; }

    /// <summary>ETSI EN 319 102-1 sub-indication.</summary>
    public SubIndication SubIndication { get; init; }

    /// <summary>Verdict for French public procurement.</summary>
    public Verdict Verdict { get; init; }

    /// <summary>Why the verdict is not valid, and warnings; sub-indications first, in ETSI vocabulary.</summary>
    public IReadOnlyList<string> Reasons { get; init; } = [];

    /// <summary>Each elementary check with its result.</summary>
    public IReadOnlyList<SignatureCheck> Checks { get; init; } = [];

    /// <summary>Digest algorithm of the signed data.</summary>
    public string? DigestAlgorithm { get; init; }

    /// <summary>Digest of the signed data, hexadecimal (what was signed).</summary>
    public string? SignedDataDigest { get; init; }
}

/// <summary>The verification of a whole file: every signature in it and the overall verdict.</summary>
public sealed record VerificationReport
{
    /// <summary>Name of the verified file, as given.</summary>
    public string? FileName { get; init; }

    /// <summary>Format of the file.</summary>
    public required SignatureFormat Format { get; init; }

    /// <summary>SHA-256 of the whole file, hexadecimal (null when <see cref="VerificationOptions.ComputeDocumentDigest"/> is off).</summary>
    public string? DocumentSha256 { get; init; }

    /// <summary>When the verification was made.</summary>
    public required DateTimeOffset ValidationTime { get; init; }

    /// <summary>Every signature and document timestamp, in file order.</summary>
    public required IReadOnlyList<SignatureResult> Signatures { get; init; }

    /// <summary>Overall verdict: valid when there is at least one signature and all are valid; invalid when one is invalid; otherwise indeterminate.</summary>
    public Verdict Verdict { get; init; }

    /// <summary>Reasons for the overall verdict (e.g. "no signature found").</summary>
    public IReadOnlyList<string> Reasons { get; init; } = [];
}
