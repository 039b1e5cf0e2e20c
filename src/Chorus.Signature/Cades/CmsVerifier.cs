using Chorus.Signature.Internal;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Cms;
using Org.BouncyCastle.Asn1.Ess;
using Org.BouncyCastle.Asn1.Ocsp;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.Tsp;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Ocsp;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;
using AttributeTable = Org.BouncyCastle.Asn1.Cms.AttributeTable;
using SignerInfo = Org.BouncyCastle.Asn1.Cms.SignerInfo;
using CmsAttribute = Org.BouncyCastle.Asn1.Cms.Attribute;
using CmsContentInfo = Org.BouncyCastle.Asn1.Cms.ContentInfo;
using CmsSignedData = Org.BouncyCastle.Asn1.Cms.SignedData;

namespace Chorus.Signature.Cades;

/// <summary>Receives one chunk of signed content.</summary>
internal delegate void ByteSink(ReadOnlySpan<byte> chunk);

/// <summary>Feeds the signed content, chunk by chunk, to a sink; may be called more than once.</summary>
internal delegate void ContentSource(ByteSink sink);

/// <summary>How the ESS signing-certificate attribute relates to the signer's certificate.</summary>
internal enum SigningCertificateReference
{
    Missing,
    Matches,
    DigestMismatch,
    IssuerSerialMismatch,
}

/// <summary>The verified timestamp token over a signature or a document.</summary>
internal sealed record TimestampOutcome(DateTimeOffset GenTime, bool ImprintMatches, bool TokenValid, X509Certificate? TsaCertificate, CmsSignerOutcome Token);

/// <summary>What the cryptographic checks of one SignerInfo found.</summary>
internal sealed class CmsSignerOutcome
{
    public X509Certificate? SignerCertificate { get; set; }

    public string DigestOid { get; set; } = "";

    public byte[]? ContentDigest { get; set; }

    public bool? DigestMatches { get; set; }

    public bool SignatureValid { get; set; }

    public string? Problem { get; set; }

    public DateTimeOffset? ClaimedSigningTime { get; set; }

    public SigningCertificateReference SigningCertificateReference { get; set; }

    public byte[] SignatureValue { get; set; } = [];

    public List<TimestampOutcome> SignatureTimestamps { get; } = [];

    public TstInfo? TstInfo { get; set; }

    public bool HasSignedAttributes { get; set; }
}

/// <summary>A parsed CMS SignedData with every SignerInfo verified.</summary>
internal sealed class CmsVerification
{
    public List<X509Certificate> Certificates { get; } = [];

    public List<X509Crl> Crls { get; } = [];

    public List<BasicOcspResp> OcspResponses { get; } = [];

    public List<CmsSignerOutcome> Signers { get; } = [];

    public string ContentType { get; set; } = "";

    public bool HasEncapsulatedContent { get; set; }

    /// <summary>The encapsulated content (attached signatures), or null.</summary>
    public byte[]? Content { get; set; }
}

/// <summary>
/// CMS (RFC 5652) SignedData verification: message digest over the content (streamed), signature value over the
/// ORIGINAL encoding of the signed attributes, ESS signing-certificate v1/v2, RFC 3161 signature timestamps.
/// </summary>
internal static class CmsVerifier
{
    private const string MessageDigestOid = "1.2.840.113549.1.9.4";
    private const string SigningTimeOid = "1.2.840.113549.1.9.5";
    private const string SigningCertificateV1Oid = "1.2.840.113549.1.9.16.2.12";
    private const string SigningCertificateV2Oid = "1.2.840.113549.1.9.16.2.47";
    private const string SignatureTimestampOid = "1.2.840.113549.1.9.16.2.14";
    private const string AdobeRevocationOid = "1.2.840.113583.1.1.8";
    private const string TstInfoOid = "1.2.840.113549.1.9.16.1.4";
    private const int MaxTimestampDepth = 2;

    /// <summary>The length of the first BER/DER element in <paramref name="data"/> (PDF /Contents is zero-padded).</summary>
    public static int FirstElementLength(ReadOnlySpan<byte> data) =>
        Der.TryRead(data, 0, data.Length, out var tlv) ? tlv.Length : -1;

    /// <summary>Parses and verifies; <paramref name="detached"/> supplies the content when it is not encapsulated.</summary>
    /// <exception cref="SignatureFormatException">Not a CMS SignedData.</exception>
    public static CmsVerification Verify(byte[] cms, ContentSource? detached, IReadOnlyList<X509Certificate>? extraCertificates = null) =>
        Verify(cms, detached, extraCertificates, 0);

    private static CmsVerification Verify(byte[] cms, ContentSource? detached, IReadOnlyList<X509Certificate>? extraCertificates, int depth)
    {
        if (!Der.TryRead(cms, 0, cms.Length, out var root) || root.Tag != 0x30)
        {
            throw new SignatureFormatException("not a DER/BER CMS structure", "byte 0");
        }

        var rawSigners = RawSignerInfos(cms, root);
        CmsSignedData signedData;
        try
        {
            var element = cms.Length == root.Length ? cms : cms.AsSpan(0, root.Length).ToArray();
            var contentInfo = CmsContentInfo.GetInstance(Asn1Object.FromByteArray(element));
            if (contentInfo.ContentType.Id != "1.2.840.113549.1.7.2")
            {
                throw new SignatureFormatException($"CMS content type {contentInfo.ContentType.Id} is not signedData");
            }

            signedData = CmsSignedData.GetInstance(contentInfo.Content);
        }
        catch (Exception ex) when (IsAsn1Failure(ex))
        {
            throw new SignatureFormatException("CMS SignedData cannot be parsed: " + ex.Message, ex);
        }

        var result = new CmsVerification { ContentType = signedData.EncapContentInfo.ContentType.Id };
        ReadCertificatesAndRevocation(signedData, result);
        var pool = new List<X509Certificate>(result.Certificates);
        if (extraCertificates is not null)
        {
            pool.AddRange(extraCertificates);
        }

        byte[]? content = null;
        if (signedData.EncapContentInfo.Content is { } econtent)
        {
            try
            {
                content = Asn1OctetString.GetInstance(econtent).GetOctets();
            }
            catch (Exception ex) when (IsAsn1Failure(ex))
            {
                throw new SignatureFormatException("encapsulated content is not an OCTET STRING", ex);
            }

            result.HasEncapsulatedContent = true;
            result.Content = content;
        }

        ContentSource? source = content is not null ? sink => sink(content) : detached;
        var index = 0;
        foreach (var item in signedData.SignerInfos)
        {
            SignerInfo info;
            try
            {
                info = SignerInfo.GetInstance(item);
            }
            catch (Exception ex) when (IsAsn1Failure(ex))
            {
                result.Signers.Add(new CmsSignerOutcome { Problem = "SignerInfo cannot be parsed: " + ex.Message });
                index++;
                continue;
            }

            var raw = index < rawSigners.Count ? rawSigners[index] : default;
            try
            {
                result.Signers.Add(VerifySigner(cms, info, raw, source, pool, result, content, depth));
            }
            catch (Exception ex) when (IsAsn1Failure(ex))
            {
                // One place for every malformed structure inside a signer (attributes, ESS certificate ids, names…):
                // the signer fails with the reason instead of the exception escaping (found by the fuzzing harness).
                result.Signers.Add(new CmsSignerOutcome { Problem = "SignerInfo content cannot be parsed: " + ex.Message });
            }

            index++;
        }

        if (result.Signers.Count == 0)
        {
            throw new SignatureFormatException("CMS SignedData has no SignerInfo");
        }

        return result;
    }

    internal static bool IsAsn1Failure(Exception ex) =>
        ex is ArgumentException or IOException or InvalidCastException or InvalidOperationException or FormatException
            or IndexOutOfRangeException or OverflowException or Org.BouncyCastle.Security.SecurityUtilityException
            or Org.BouncyCastle.Security.Certificates.CertificateException or Org.BouncyCastle.Security.Certificates.CrlException
            or OcspException or CryptoException or NotSupportedException;

    private readonly record struct RawSigner(int SignedAttrsStart, int SignedAttrsEnd, int UnsignedStart, int UnsignedEnd);

    /// <summary>Byte spans of each SignerInfo's signed ([0]) and unsigned ([1]) attributes, as encoded.</summary>
    private static List<RawSigner> RawSignerInfos(byte[] cms, Der.Tlv root)
    {
        var list = new List<RawSigner>();
        var children = new List<Der.Tlv>();
        if (!Der.TryChildren(cms, root, children) || children.Count < 2 || children[1].Tag != 0xA0)
        {
            return list;
        }

        if (!Der.TryChildren(cms, children[1], children) || children.Count < 1)
        {
            return list;
        }

        if (!Der.TryChildren(cms, children[0], children) || children.Count < 4)
        {
            return list;
        }

        var signerInfos = children[^1];
        var signers = new List<Der.Tlv>();
        if (signerInfos.Tag != 0x31 || !Der.TryChildren(cms, signerInfos, signers))
        {
            return list;
        }

        var fields = new List<Der.Tlv>();
        foreach (var s in signers)
        {
            int a = -1, b = -1, c = -1, d = -1;
            if (Der.TryChildren(cms, s, fields))
            {
                foreach (var f in fields)
                {
                    if (f.Tag == 0xA0)
                    {
                        (a, b) = (f.Start, f.End);
                    }
                    else if (f.Tag == 0xA1)
                    {
                        (c, d) = (f.Start, f.End);
                    }
                }
            }

            list.Add(new RawSigner(a, b, c, d));
        }

        return list;
    }

    private static void ReadCertificatesAndRevocation(CmsSignedData signedData, CmsVerification result)
    {
        if (signedData.Certificates is { } certs)
        {
            foreach (var c in certs)
            {
                if (c is Asn1Sequence)
                {
                    try
                    {
                        result.Certificates.Add(new X509Certificate(X509CertificateStructure.GetInstance(c)));
                    }
                    catch (Exception ex) when (IsAsn1Failure(ex))
                    {
                        // An unreadable extra certificate is ignored: the signer's certificate is looked up by identifier.
                    }
                }
            }
        }

        if (signedData.CRLs is { } crls)
        {
            foreach (var c in crls)
            {
                try
                {
                    if (c is Asn1Sequence)
                    {
                        result.Crls.Add(new X509Crl(CertificateList.GetInstance(c)));
                    }
                    else if (c is Asn1TaggedObject tagged && tagged.TagNo == 1)
                    {
                        var other = OtherRevocationInfoFormat.GetInstance(tagged, false);
                        if (other.InfoFormat.Id == "1.3.6.1.5.5.7.16.2")
                        {
                            AddOcsp(OcspResponse.GetInstance(other.Info), result);
                        }
                    }
                }
                catch (Exception ex) when (IsAsn1Failure(ex))
                {
                    // Unreadable revocation data is skipped; the revocation check then says what is missing.
                }
            }
        }
    }

    internal static void AddOcsp(OcspResponse response, CmsVerification result)
    {
        var resp = new OcspResp(response);
        if (resp.Status == 0 && resp.GetResponseObject() is BasicOcspResp basic)
        {
            result.OcspResponses.Add(basic);
        }
    }

    private static CmsSignerOutcome VerifySigner(byte[] cms, SignerInfo info, RawSigner raw, ContentSource? source, List<X509Certificate> pool, CmsVerification result, byte[]? content, int depth)
    {
        var outcome = new CmsSignerOutcome
        {
            DigestOid = info.DigestAlgorithm.Algorithm.Id,
            SignatureValue = info.Signature.GetOctets(),
            HasSignedAttributes = info.SignedAttrs is not null,
        };
        outcome.SignerCertificate = FindSigner(info.SignerID, pool);
        var attributes = info.SignedAttrs is { } set ? new AttributeTable(set) : null;

        // Message digest over the content, streamed.
        byte[]? digest = null;
        if (source is not null)
        {
            using var h = Hashing.Create(outcome.DigestOid);
            if (h is null)
            {
                outcome.Problem = "unsupported digest algorithm " + outcome.DigestOid;
                return outcome;
            }

            source(chunk => h.Append(chunk));
            digest = h.Finish();
            outcome.ContentDigest = digest;
        }

        if (attributes is not null)
        {
            ReadSignedAttributes(attributes, outcome, digest, result);
        }
        else
        {
            outcome.DigestMatches = digest is null ? null : true;
        }

        if (outcome.SignerCertificate is { } cert)
        {
            outcome.SignatureValid = VerifyValue(cms, info, raw, cert, source, outcome);
            if (attributes is not null)
            {
                outcome.SigningCertificateReference = CheckSigningCertificate(attributes, cert);
            }
        }

        if (result.ContentType == TstInfoOid && content is not null)
        {
            try
            {
                outcome.TstInfo = TstInfo.GetInstance(Asn1Object.FromByteArray(content));
            }
            catch (Exception ex) when (IsAsn1Failure(ex))
            {
                outcome.Problem = "TSTInfo cannot be parsed";
            }
        }

        if (raw.UnsignedStart >= 0 && depth < MaxTimestampDepth)
        {
            ReadSignatureTimestamps(cms, raw, outcome, pool, depth);
        }

        return outcome;
    }

    private static void ReadSignedAttributes(AttributeTable attributes, CmsSignerOutcome outcome, byte[]? digest, CmsVerification result)
    {
        if (attributes[new DerObjectIdentifier(MessageDigestOid)] is CmsAttribute md && md.AttrValues.Count == 1)
        {
            var expected = Asn1OctetString.GetInstance(md.AttrValues[0]).GetOctets();
            outcome.DigestMatches = digest is null ? null : expected.AsSpan().SequenceEqual(digest);
        }
        else
        {
            outcome.DigestMatches = false;
            outcome.Problem = "signed attributes without a message-digest";
        }

        if (attributes[new DerObjectIdentifier(SigningTimeOid)] is CmsAttribute st && st.AttrValues.Count > 0)
        {
            try
            {
                outcome.ClaimedSigningTime = new DateTimeOffset(DateTime.SpecifyKind(Org.BouncyCastle.Asn1.Cms.Time.GetInstance(st.AttrValues[0]).ToDateTime(), DateTimeKind.Utc));
            }
            catch (Exception ex) when (IsAsn1Failure(ex))
            {
                // A malformed signing time is only a claim: left unknown.
            }
        }

        if (attributes[new DerObjectIdentifier(AdobeRevocationOid)] is CmsAttribute adobe && adobe.AttrValues.Count > 0)
        {
            try
            {
                foreach (var part in Asn1Sequence.GetInstance(adobe.AttrValues[0]))
                {
                    var tagged = Asn1TaggedObject.GetInstance(part);
                    var items = Asn1Sequence.GetInstance(tagged, true);
                    foreach (var item in items)
                    {
                        if (tagged.TagNo == 0)
                        {
                            result.Crls.Add(new X509Crl(CertificateList.GetInstance(item)));
                        }
                        else if (tagged.TagNo == 1)
                        {
                            AddOcsp(OcspResponse.GetInstance(item), result);
                        }
                    }
                }
            }
            catch (Exception ex) when (IsAsn1Failure(ex))
            {
                // Adobe's archival attribute is optional; unreadable parts are skipped.
            }
        }
    }

    private static X509Certificate? FindSigner(SignerIdentifier sid, List<X509Certificate> pool)
    {
        try
        {
            if (sid.IsTagged)
            {
                var ski = Asn1OctetString.GetInstance(Asn1TaggedObject.GetInstance(sid.ID), false).GetOctets();
                foreach (var c in pool)
                {
                    var ext = c.GetExtensionValue(X509Extensions.SubjectKeyIdentifier);
                    if (ext is not null && Asn1OctetString.GetInstance(ext.GetOctets()).GetOctets().AsSpan().SequenceEqual(ski))
                    {
                        return c;
                    }
                }

                return null;
            }

            var ias = Org.BouncyCastle.Asn1.Cms.IssuerAndSerialNumber.GetInstance(sid.ID);
            foreach (var c in pool)
            {
                if (c.SerialNumber.Equals(ias.SerialNumber.Value) && c.IssuerDN.Equivalent(ias.Issuer))
                {
                    return c;
                }
            }
        }
        catch (Exception ex) when (IsAsn1Failure(ex))
        {
            return null;
        }

        return null;
    }

    private static bool VerifyValue(byte[] cms, SignerInfo info, RawSigner raw, X509Certificate cert, ContentSource? source, CmsSignerOutcome outcome)
    {
        try
        {
            var signer = CreateSigner(info.SignatureAlgorithm, outcome.DigestOid);
            if (signer is null)
            {
                outcome.Problem ??= "unsupported signature algorithm " + info.SignatureAlgorithm.Algorithm.Id;
                return false;
            }

            signer.Init(false, cert.GetPublicKey());
            if (info.SignedAttrs is not null)
            {
                if (raw.SignedAttrsStart < 0)
                {
                    return false;
                }

                // RFC 5652 5.4: the signature covers the DER SET OF attributes: the [0] IMPLICIT tag replaced by SET (0x31),
                // every other byte exactly as the signer encoded it.
                signer.Update(0x31);
                signer.BlockUpdate(cms, raw.SignedAttrsStart + 1, raw.SignedAttrsEnd - raw.SignedAttrsStart - 1);
            }
            else if (source is not null)
            {
                source(chunk => signer.BlockUpdate(chunk));
            }
            else
            {
                return false;
            }

            return signer.VerifySignature(outcome.SignatureValue);
        }
        catch (Exception ex) when (IsAsn1Failure(ex))
        {
            outcome.Problem ??= "signature value cannot be checked: " + ex.Message;
            return false;
        }
    }

    /// <summary>A BouncyCastle verifier for a CMS signature algorithm (bare key algorithms are combined with the digest).</summary>
    internal static ISigner? CreateSigner(AlgorithmIdentifier signatureAlgorithm, string digestOid)
    {
        var oid = signatureAlgorithm.Algorithm.Id;
        var digestName = DigestUtilities.GetAlgorithmName(new DerObjectIdentifier(digestOid)) is { } dn ? Guard.WithoutDashes(dn) : null;
        switch (oid)
        {
            case "1.2.840.113549.1.1.10":
                var pss = RsassaPssParameters.GetInstance(signatureAlgorithm.Parameters);
                var hash = DigestUtilities.GetDigest(pss.HashAlgorithm.Algorithm);
                var mgfHash = DigestUtilities.GetDigest(AlgorithmIdentifier.GetInstance(pss.MaskGenAlgorithm.Parameters).Algorithm);
                return new PssSigner(new RsaBlindedEngine(), hash, mgfHash, pss.SaltLength.IntValueExact, (byte)0xBC);
            case "1.2.840.113549.1.1.1":
                return digestName is null ? null : SignerUtilities.GetSigner(digestName + "withRSA");
            case "1.2.840.10045.2.1":
                return digestName is null ? null : SignerUtilities.GetSigner(digestName + "withECDSA");
            case "1.2.840.10040.4.1":
                return digestName is null ? null : SignerUtilities.GetSigner(digestName + "withDSA");
            default:
                return SignerUtilities.GetSigner(oid);
        }
    }

    private static SigningCertificateReference CheckSigningCertificate(AttributeTable attributes, X509Certificate cert)
    {
        byte[] der = cert.GetEncoded();
        if (attributes[new DerObjectIdentifier(SigningCertificateV2Oid)] is CmsAttribute v2 && v2.AttrValues.Count > 0)
        {
            var id = SigningCertificateV2.GetInstance(v2.AttrValues[0]).GetCerts()[0];
            var computed = Hashing.Compute(id.HashAlgorithm.Algorithm.Id, der);
            if (computed is null || !computed.AsSpan().SequenceEqual(id.GetCertHash()))
            {
                return SigningCertificateReference.DigestMismatch;
            }

            return IssuerSerialMatches(id.IssuerSerial, cert) ? SigningCertificateReference.Matches : SigningCertificateReference.IssuerSerialMismatch;
        }

        if (attributes[new DerObjectIdentifier(SigningCertificateV1Oid)] is CmsAttribute v1 && v1.AttrValues.Count > 0)
        {
            var id = SigningCertificate.GetInstance(v1.AttrValues[0]).GetCerts()[0];
            var computed = Hashing.Compute("1.3.14.3.2.26", der)!;
            if (!computed.AsSpan().SequenceEqual(id.GetCertHash()))
            {
                return SigningCertificateReference.DigestMismatch;
            }

            return IssuerSerialMatches(id.IssuerSerial, cert) ? SigningCertificateReference.Matches : SigningCertificateReference.IssuerSerialMismatch;
        }

        return SigningCertificateReference.Missing;
    }

    private static bool IssuerSerialMatches(IssuerSerial? issuerSerial, X509Certificate cert)
    {
        if (issuerSerial is null)
        {
            return true;
        }

        if (!issuerSerial.Serial.Value.Equals(cert.SerialNumber))
        {
            return false;
        }

        foreach (var name in issuerSerial.Issuer.GetNames())
        {
            if (name.TagNo == GeneralName.DirectoryName && X509Name.GetInstance(name.Name).Equivalent(cert.IssuerDN))
            {
                return true;
            }
        }

        return false;
    }

    private static void ReadSignatureTimestamps(byte[] cms, RawSigner raw, CmsSignerOutcome outcome, List<X509Certificate> pool, int depth)
    {
        if (!Der.TryRead(cms, raw.UnsignedStart, raw.UnsignedEnd, out var unsigned))
        {
            return;
        }

        var attrs = new List<Der.Tlv>();
        var parts = new List<Der.Tlv>();
        var values = new List<Der.Tlv>();
        if (!Der.TryChildren(cms, unsigned, attrs))
        {
            return;
        }

        foreach (var attr in attrs)
        {
            if (!Der.TryChildren(cms, attr, parts) || parts.Count != 2 || parts[0].Tag != 0x06)
            {
                continue;
            }

            var oid = DerObjectIdentifier.GetInstance(Asn1Object.FromByteArray(cms.AsSpan(parts[0].Start, parts[0].Length).ToArray())).Id;
            if (oid != SignatureTimestampOid || !Der.TryChildren(cms, parts[1], values))
            {
                continue;
            }

            foreach (var v in values)
            {
                var token = cms.AsSpan(v.Start, v.Length).ToArray();
                if (VerifyTimestamp(token, outcome.SignatureValue, pool, depth + 1) is { } ts)
                {
                    outcome.SignatureTimestamps.Add(ts);
                }
            }
        }
    }

    /// <summary>Verifies an RFC 3161 token whose message imprint must be the digest of <paramref name="imprinted"/>; null when unreadable.</summary>
    internal static TimestampOutcome? VerifyTimestamp(byte[] token, ReadOnlySpan<byte> imprinted, List<X509Certificate> pool, int depth = 1)
    {
        CmsVerification v;
        try
        {
            v = Verify(token, null, pool, depth);
        }
        catch (SignatureFormatException)
        {
            return null;
        }

        var signer = v.Signers[0];
        if (signer.TstInfo is not { } tst)
        {
            return null;
        }

        var expected = tst.MessageImprint.GetHashedMessage();
        var actual = Hashing.Compute(tst.MessageImprint.HashAlgorithm.Algorithm.Id, imprinted);
        var imprintOk = actual is not null && actual.AsSpan().SequenceEqual(expected);
        return TimestampFrom(tst, imprintOk, signer);
    }

    internal static TimestampOutcome TimestampFrom(TstInfo tst, bool imprintOk, CmsSignerOutcome signer)
    {
        DateTimeOffset genTime;
        try
        {
            genTime = new DateTimeOffset(DateTime.SpecifyKind(tst.GenTime.ToDateTime(), DateTimeKind.Utc));
        }
        catch (Exception ex) when (IsAsn1Failure(ex))
        {
            genTime = DateTimeOffset.MinValue;
        }

        var valid = signer.SignatureValid && signer.DigestMatches == true;
        return new TimestampOutcome(genTime, imprintOk, valid, signer.SignerCertificate, signer);
    }

    /// <summary>Hexadecimal serial number as reports show it.</summary>
    internal static string Hex(BigInteger serial) => serial.ToString(16).ToUpperInvariant();
}
