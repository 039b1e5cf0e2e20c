using System.Text;
using Chorus.Signature.Trust;

namespace Chorus.Signature.Tests.Pki;

/// <summary>Our own PAdES/CAdES/XAdES files from the generated PKI, one per case the arrêté cares about.</summary>
public class GeneratedPkiTests
{
    private static readonly DateTime Signed = new(2025, 2, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly byte[] Content = Encoding.UTF8.GetBytes("Offre pour le marché 2025-042");

    private static TestPki Pki => TestPki.Instance;

    private static VerificationOptions Options(DateTime? at = null, bool withCrl = false, IReadOnlyList<byte[]>? ocsp = null, bool detached = true) => new()
    {
        Trust = Pki.TrustSources(),
        ValidationTime = new DateTimeOffset(at ?? TestPki.Now),
        Crls = withCrl ? [Pki.CaCrl] : [],
        OcspResponses = ocsp ?? [],
        Detached = detached ? [new DetachedContent("offre.txt", Content)] : [],
    };

    private static SignatureResult One(byte[] file, VerificationOptions options) =>
        Assert.Single(new SignatureVerifier(options).Verify(file).Signatures);

    [Fact]
    public void GeneratedTrustedList_SignatureVerifies_AndListsTheQualifiedCa()
    {
        var store = TrustStore.FromTrustedList(Pki.TrustedList);
        Assert.True(store.TrustedLists[0].SignatureValid, string.Join("; ", store.TrustedLists[0].Problems));
        Assert.Equal(1, store.AnchorCount);
    }

    [Fact]
    public void Pades_QualifiedSignerWithQscd_IsQesAndValid()
    {
        var s = One(TestSigners.Pades(Pki.QesSigner, Signed), Options());
        Assert.True(s.Intact);
        Assert.True(s.CoversWholeDocument);
        Assert.True(s.ChainTrusted, string.Join("; ", s.Reasons));
        Assert.Equal(SignatureLevel.Qes, s.Level);
        Assert.Equal(Verdict.Valid, s.Verdict);
        Assert.True(s.Certificate!.Qualified);
    }

    [Fact]
    public void Pades_QualifiedWithoutQscd_IsAdesQcAndValid()
    {
        var s = One(TestSigners.Pades(Pki.QcNoSscdSigner, Signed), Options());
        Assert.Equal(SignatureLevel.AdESQc, s.Level);
        Assert.Equal(Verdict.Valid, s.Verdict);
    }

    [Fact]
    public void Pades_CertificateWithoutQcStatements_IsAdesAndInvalidForProcurement_ButEtsiPassed()
    {
        var s = One(TestSigners.Pades(Pki.PlainSigner, Signed), Options());
        Assert.Equal(SignatureLevel.AdES, s.Level);
        Assert.Equal(Indication.TotalPassed, s.Indication);
        Assert.Equal(Verdict.Invalid, s.Verdict);
        Assert.Contains(s.Reasons, r => r.StartsWith("CERTIFICATE_CATEGORY", StringComparison.Ordinal));
        var etsi = One(TestSigners.Pades(Pki.PlainSigner, Signed), Options() with { RequireQualifiedCertificate = false });
        Assert.Equal(Verdict.Valid, etsi.Verdict);
    }

    [Fact]
    public void Pades_QcClaimsFromACertificateIssuedByANonCa_AreNotQualifiedAndChainFails()
    {
        var options = Options() with { Certificates = [Pki.NotACa.Der] };
        var s = One(TestSigners.Pades(Pki.IssuedByNonCa, Signed), options);
        Assert.False(s.ChainTrusted);
        Assert.False(s.Certificate!.Qualified);
        Assert.Equal(SignatureLevel.None, s.Level);
        Assert.Equal(SubIndication.ChainConstraintsFailure, s.SubIndication);
    }

    [Fact]
    public void Pades_OneTamperedByteInsideTheSignedRange_IsHashFailure()
    {
        var pdf = TestSigners.Pades(Pki.QesSigner, Signed);
        var i = Encoding.Latin1.GetString(pdf).IndexOf("Marche public", StringComparison.Ordinal);
        pdf[i] = (byte)'X';
        var s = One(pdf, Options());
        Assert.False(s.Intact);
        Assert.Equal(Indication.TotalFailed, s.Indication);
        Assert.Equal(SubIndication.HashFailure, s.SubIndication);
        Assert.Equal(Verdict.Invalid, s.Verdict);
    }

    [Fact]
    public void Pades_AdbePkcs7Sha1_IsValid_AndATamperedByteIsCaughtThroughTheEncapsulatedDigest()
    {
        var pdf = TestSigners.Pades(Pki.QesSigner, Signed, adbeSha1: true);
        var s = One(pdf, Options());
        Assert.Equal("adbe.pkcs7.sha1", s.SubFilter);
        Assert.True(s.Intact);
        Assert.Equal(Verdict.Valid, s.Verdict);
        var i = Encoding.Latin1.GetString(pdf).IndexOf("Marche public", StringComparison.Ordinal);
        pdf[i] = (byte)'X';
        var t = One(pdf, Options());
        Assert.False(t.Intact);
        Assert.Equal(SubIndication.HashFailure, t.SubIndication);
    }

    [Fact]
    public void Pades_AppendedPage_IsFormatFailure()
    {
        var s = One(TestSigners.AppendPage(TestSigners.Pades(Pki.QesSigner, Signed)), Options());
        Assert.True(s.Intact);
        Assert.False(s.CoversWholeDocument);
        Assert.Equal(SubIndication.FormatFailure, s.SubIndication);
        Assert.Equal(Verdict.Invalid, s.Verdict);
    }

    [Fact]
    public void Pades_AppendedDssOnly_StaysValid()
    {
        var s = One(TestSigners.AppendDss(TestSigners.Pades(Pki.QesSigner, Signed), Pki.QualifiedCa.Der), Options());
        Assert.False(s.CoversWholeDocument);
        Assert.Equal(Verdict.Valid, s.Verdict);
        Assert.Contains("validation data", s.ModificationsAfter, StringComparison.Ordinal);
    }

    [Fact]
    public void Pades_WrongSigningCertificateDigest_IsIndeterminateNoSigningCertificate()
    {
        var s = One(TestSigners.Pades(Pki.QesSigner, Signed, wrongCertDigest: true), Options());
        Assert.True(s.Intact);
        Assert.True(s.SignatureValueValid);
        Assert.Equal(SubIndication.NoSigningCertificateFound, s.SubIndication);
        Assert.NotEqual(Verdict.Valid, s.Verdict);
    }

    [Fact]
    public void Pades_ExpiredCertificateWithoutTimestamp_IsOutOfBoundsNoPoe()
    {
        var s = One(TestSigners.Pades(Pki.ExpiredSigner, new DateTime(2021, 6, 1, 0, 0, 0, DateTimeKind.Utc)), Options());
        Assert.Equal(Indication.Indeterminate, s.Indication);
        Assert.Equal(SubIndication.OutOfBoundsNoPoe, s.SubIndication);
    }

    [Fact]
    public void Pades_ExpiredCertificateWithTimestampWhileValid_IsValid()
    {
        var signedAt = new DateTime(2021, 6, 1, 0, 0, 0, DateTimeKind.Utc);
        var s = One(TestSigners.Pades(Pki.ExpiredSigner, signedAt, timestampAt: signedAt), Options());
        Assert.True(new DateTimeOffset(signedAt) == s.TimestampTime, string.Join("; ", s.Checks.Select(c => c.Name + " " + c.Status + " " + c.Detail)));
        Assert.Equal(Verdict.Valid, s.Verdict);
    }

    [Fact]
    public void Cades_RevokedBeforeValidation_WithCrl_IsRevoked()
    {
        var s = One(TestSigners.Cades(Content, Pki.RevokedSigner, Signed), Options(withCrl: true));
        Assert.Equal(Indication.TotalFailed, s.Indication);
        Assert.Equal(SubIndication.Revoked, s.SubIndication);
    }

    [Fact]
    public void Cades_RevokedAfterATimestampedSignature_IsValid()
    {
        var s = One(TestSigners.Cades(Content, Pki.RevokedSigner, Signed, timestampAt: Signed), Options(withCrl: true));
        Assert.Equal(Verdict.Valid, s.Verdict);
        Assert.Contains(s.Checks, c => c.Name == "CHAIN" && c.Detail.Contains("after the validation time", StringComparison.Ordinal));
    }

    [Fact]
    public void Cades_TimestampedButSignedAfterRevocation_IsRevoked()
    {
        var late = new DateTime(2025, 4, 1, 0, 0, 0, DateTimeKind.Utc);
        var s = One(TestSigners.Cades(Content, Pki.RevokedSigner, late, timestampAt: late), Options(withCrl: true));
        Assert.Equal(SubIndication.Revoked, s.SubIndication);
    }

    [Fact]
    public void Cades_OcspRevoked_IsRevoked_OcspGood_IsValid()
    {
        var revoked = One(TestSigners.Cades(Content, Pki.RevokedSigner, Signed), Options(ocsp: [Pki.Ocsp(Pki.RevokedSigner, true, new DateTime(2025, 5, 1))]));
        Assert.Equal(SubIndication.Revoked, revoked.SubIndication);
        var good = One(TestSigners.Cades(Content, Pki.QesSigner, Signed), Options(ocsp: [Pki.Ocsp(Pki.QesSigner, false, new DateTime(2025, 5, 1))]));
        Assert.Equal(Verdict.Valid, good.Verdict);
        Assert.Contains(good.Checks, c => c.Name == "CHAIN" && c.Detail.Contains("not revoked (OCSP", StringComparison.Ordinal));
    }

    [Fact]
    public void Cades_Attached_IsValid_DetachedWithoutData_IsSignedDataNotFound()
    {
        var attached = One(TestSigners.Cades(Content, Pki.QesSigner, Signed, attached: true), Options(detached: false));
        Assert.Equal(Verdict.Valid, attached.Verdict);
        var missing = One(TestSigners.Cades(Content, Pki.QesSigner, Signed), Options(detached: false));
        Assert.Equal(SubIndication.SignedDataNotFound, missing.SubIndication);
    }

    [Fact]
    public void Xades_EnvelopedByGeneratedTlSigner_IsIntactAndValidValue()
    {
        var xml = TestPki.SignXml("<Offre xmlns=\"urn:test\"><Montant>1200.00</Montant></Offre>", Pki.TlSigner);
        var s = One(xml, Options(detached: false));
        Assert.True(s.Intact, string.Join("; ", s.Checks.Select(c => c.Detail)));
        Assert.True(s.SignatureValueValid);
        var tampered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(xml).Replace("1200.00", "9200.00", StringComparison.Ordinal));
        var t = One(tampered, Options(detached: false));
        Assert.False(t.Intact);
        Assert.Equal(SubIndication.HashFailure, t.SubIndication);
    }

    [Fact]
    public void Xades_UnsupportedTransform_IsIndeterminateNotAnException()
    {
        // A second reference with the XPath 1.0 transform, which the verifier does not run.
        var xml = TestPki.SignXml("<Offre xmlns=\"urn:test\"><Montant>1</Montant></Offre>", Pki.TlSigner, signed =>
        {
            var holder = new System.Xml.XmlDocument();
            var xpath = holder.CreateElement("XPath", "http://www.w3.org/2000/09/xmldsig#");
            xpath.SetAttribute("xmlns:ds", "http://www.w3.org/2000/09/xmldsig#");
            xpath.InnerText = "not(ancestor-or-self::ds:Signature)";
            holder.AppendChild(xpath);
            var transform = new System.Security.Cryptography.Xml.XmlDsigXPathTransform();
            transform.LoadInnerXml(holder.ChildNodes);
            var reference = new System.Security.Cryptography.Xml.Reference("") { DigestMethod = System.Security.Cryptography.Xml.SignedXml.XmlDsigSHA256Url };
            reference.AddTransform(transform);
            signed.AddReference(reference);
        });
        var s = One(xml, Options(detached: false));
        Assert.True(s.SignatureValueValid);
        Assert.Equal(Indication.Indeterminate, s.Indication);
        Assert.Contains(s.Reasons, r => r.Contains("unsupported transform", StringComparison.Ordinal));
    }
}
