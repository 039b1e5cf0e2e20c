using Chorus.Signature.Trust;

namespace Chorus.Signature;

/// <summary>Detached signed data given by the caller (CAdES detached content, XAdES detached reference target).</summary>
/// <param name="Name">File name, matched against XAdES reference URIs (by file name).</param>
/// <param name="Content">The bytes.</param>
public sealed record DetachedContent(string Name, byte[] Content);

/// <summary>How signatures are verified. Immutable; the defaults verify with no trust anchor at the current time.</summary>
public sealed record VerificationOptions
{
    /// <summary>Trust anchors and trusted lists. Default: none (chains end INDETERMINATE/NO_CERTIFICATE_CHAIN_FOUND).</summary>
    public TrustStore Trust { get; init; } = TrustStore.Empty;

    /// <summary>The "current time" of the validation; default <see cref="TimeProvider"/>'s now. A verified timestamp over a signature takes precedence as its proof of existence.</summary>
    public DateTimeOffset? ValidationTime { get; init; }

    /// <summary>The clock. Default <see cref="System.TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Detached signed data (CAdES detached, XAdES detached references).</summary>
    public IReadOnlyList<DetachedContent> Detached { get; init; } = [];

    /// <summary>Extra CRLs (DER) besides those embedded in the signature.</summary>
    public IReadOnlyList<byte[]> Crls { get; init; } = [];

    /// <summary>Extra OCSP responses (DER OCSPResponse or BasicOCSPResponse).</summary>
    public IReadOnlyList<byte[]> OcspResponses { get; init; } = [];

    /// <summary>Extra intermediate certificates (DER or PEM).</summary>
    public IReadOnlyList<byte[]> Certificates { get; init; } = [];

    /// <summary>
    /// The arrêté of 22 March 2019 requires an advanced signature on a qualified certificate (AdES-QC) or a qualified
    /// signature (QES): when true (default), a cryptographically valid, trusted signature on a non-qualified certificate
    /// gets the verdict invalid. Set false to get the plain ETSI verdict.
    /// </summary>
    public bool RequireQualifiedCertificate { get; init; } = true;

    /// <summary>Compute the SHA-256 of the whole file for the report (a second pass over the bytes). Default true.</summary>
    public bool ComputeDocumentDigest { get; init; } = true;

    /// <summary>Largest input accepted, in bytes. Default 1 GiB.</summary>
    public long MaxInputBytes { get; init; } = 1L << 30;
}
