using Chorus.Signature.Internal;

namespace Chorus.Signature.Cades;

/// <summary>CAdES: attached (.p7m) or detached (.p7s) CMS signatures, one result per SignerInfo.</summary>
internal static class CadesVerifier
{
    public static List<CryptoFindings> Verify(byte[] cms, byte[]? detached)
    {
        ContentSource? source = detached is null ? null : sink => sink(detached);
        var v = CmsVerifier.Verify(cms, source);
        var list = new List<CryptoFindings>();
        foreach (var s in v.Signers)
        {
            var f = new CryptoFindings { Format = SignatureFormat.CAdES, SubFilter = v.HasEncapsulatedContent ? "attached" : "detached" };
            Absorb(f, v, s);
            if (!v.HasEncapsulatedContent && detached is null)
            {
                f.Intact = null;
                f.Check("MESSAGE_DIGEST", CheckStatus.Indeterminate, "detached signature: the signed file was not given");
            }

            f.SigningCertificateReferenceRequired = true;
            list.Add(f);
        }

        return list;
    }

    /// <summary>Copies what the CMS verification found into the findings.</summary>
    internal static void Absorb(CryptoFindings f, CmsVerification v, CmsSignerOutcome s)
    {
        f.Certificates.AddRange(v.Certificates);
        f.Crls.AddRange(v.Crls);
        f.Ocsps.AddRange(v.OcspResponses);
        f.SignerCertificate = s.SignerCertificate;
        f.SignatureValueValid = s.SignatureValid;
        f.Intact = s.DigestMatches;
        f.ClaimedSigningTime = s.ClaimedSigningTime ?? f.ClaimedSigningTime;
        f.SigningCertificateReference = s.SigningCertificateReference;
        f.Timestamps.AddRange(s.SignatureTimestamps);
        f.DigestAlgorithm = Hashing.Name(s.DigestOid);
        f.SignedDataDigest = s.ContentDigest;
        if (s.Problem is { } p)
        {
            f.Warnings.Add(p);
        }

        if (s.DigestMatches is { } ok)
        {
            f.Check("MESSAGE_DIGEST", ok ? CheckStatus.Passed : CheckStatus.Failed, ok ? $"the {f.DigestAlgorithm} digest of the signed data matches the message-digest attribute" : "the digest of the signed data does not match the message-digest attribute");
        }

        if (s.SignerCertificate is not null)
        {
            f.Check("SIGNATURE_VALUE", s.SignatureValid ? CheckStatus.Passed : CheckStatus.Failed, s.SignatureValid ? "the signature value verifies with the signer's public key" : "the signature value does not verify with the signer's public key");
        }
    }
}
