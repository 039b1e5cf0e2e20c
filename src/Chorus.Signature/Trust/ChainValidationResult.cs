namespace Chorus.Signature.Trust;

/// <summary>Revocation status of a certificate found in the revocation data given.</summary>
public enum RevocationStatus
{
    /// <summary>No CRL or OCSP response covers the certificate.</summary>
    Unknown,

    /// <summary>A CRL or OCSP response from its issuer says it is not revoked.</summary>
    Good,

    /// <summary>Revoked at <see cref="ChainValidationResult.RevocationTime"/>.</summary>
    Revoked,
}

/// <summary>The validation of a certificate path (RFC 5280, with ETSI EN 319 102-1 outcomes).</summary>
public sealed record ChainValidationResult
{
    /// <summary>A path to a trust anchor was found and holds at the validation time.</summary>
    public bool Trusted { get; init; }

    /// <summary>Main indication for this certificate's validation.</summary>
    public Indication Indication { get; init; }

    /// <summary>Sub-indication.</summary>
    public SubIndication SubIndication { get; init; }

    /// <summary>Subjects of the path, from the certificate to the anchor.</summary>
    public IReadOnlyList<string> Path { get; init; } = [];

    /// <summary>Revocation status of the end certificate.</summary>
    public RevocationStatus Revocation { get; init; }

    /// <summary>Revocation time when revoked (whenever, even after the validation time).</summary>
    public DateTimeOffset? RevocationTime { get; init; }

    /// <summary>The certificate is qualified according to the trusted list (CA/QC service granted when it was issued) and its QcStatements.</summary>
    public bool Qualified { get; init; }

    /// <summary>The private key is in a QSCD according to the certificate and the trusted list.</summary>
    public bool Qscd { get; init; }

    /// <summary>The trusted-list service the path ends at, if any.</summary>
    public TrustedService? Service { get; init; }

    /// <summary>What was found, in order: path, validity, revocation, qualification.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
