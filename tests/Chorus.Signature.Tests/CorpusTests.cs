using Chorus.Tests.Shared;

namespace Chorus.Signature.Tests;

/// <summary>The shared corpus (DSS and pyHanko test files) with the verdicts their own tests assert (tests/data/signatures/README rows).</summary>
public class CorpusTests
{
    private static VerificationReport Verify(string folder, string file, VerificationOptions? options = null) =>
        new SignatureVerifier(options).Verify(File.ReadAllBytes(TestData.PathOf("signatures", folder, file)), file);

    [Fact]
    public void Pades_Original_IsIntactValidCoversWholeFileButUntrusted()
    {
        var report = Verify("pades", "pdf-signed-original.pdf");
        var s = Assert.Single(report.Signatures);
        Assert.True(s.Intact);
        Assert.True(s.SignatureValueValid);
        Assert.True(s.CoversWholeDocument);
        Assert.Equal("good-user", s.Signer);
        Assert.Equal(Indication.Indeterminate, s.Indication);
        Assert.Equal(SubIndication.NoCertificateChainFound, s.SubIndication);
        Assert.Equal(Verdict.Indeterminate, report.Verdict);
    }

    [Fact]
    public void Pades_Corrupted_ByteRangePastEof_IsTotalFailed()
    {
        var report = Verify("pades", "pdf-signed-corrupted.pdf");
        var s = Assert.Single(report.Signatures);
        Assert.False(s.Intact);
        Assert.Equal(Indication.TotalFailed, s.Indication);
        Assert.Equal(Verdict.Invalid, report.Verdict);
    }

    [Fact]
    public void Pades_AddedPage_IntactButFormatFailure()
    {
        var report = Verify("pades", "pdf-signed-added-page.pdf");
        var s = Assert.Single(report.Signatures);
        Assert.True(s.Intact);
        Assert.True(s.SignatureValueValid);
        Assert.False(s.CoversWholeDocument);
        Assert.Equal(Indication.TotalFailed, s.Indication);
        Assert.Equal(SubIndication.FormatFailure, s.SubIndication);
        Assert.Contains("page", s.ModificationsAfter, StringComparison.Ordinal);
    }

    [Fact]
    public void Pades_EditedSecondSignature_FirstValidSecondBroken()
    {
        var report = Verify("pades", "hello_signed_INCSAVE_signed_EDITED.pdf");
        Assert.Equal(2, report.Signatures.Count);
        var first = report.Signatures[0];
        var second = report.Signatures[1];
        Assert.True(first.Intact);
        Assert.True(first.SignatureValueValid);
        Assert.NotEqual(Indication.TotalFailed, first.Indication);
        Assert.True(first.Certificate!.QcStatements.QcCompliance);
        Assert.True(first.Certificate.QcStatements.QcSscd);
        Assert.False(second.Intact);
        Assert.Equal(Indication.TotalFailed, second.Indication);
        Assert.Equal(Verdict.Invalid, report.Verdict);
    }

    [Fact]
    public void Pades_FiveSignaturesAndDocTimestamp_AllIntactAndValidOverOriginalAttributeEncoding()
    {
        var report = Verify("pades", "pades-5-signatures-and-1-document-timestamp.pdf");
        Assert.Equal(6, report.Signatures.Count);
        Assert.Equal(5, report.Signatures.Count(s => !s.IsDocumentTimestamp));
        Assert.All(report.Signatures, s => Assert.True(s.Intact, string.Join("; ", s.Reasons)));
        Assert.All(report.Signatures, s => Assert.True(s.SignatureValueValid, string.Join("; ", s.Reasons)));
        Assert.All(report.Signatures, s => Assert.DoesNotContain(s.Reasons, r => r.StartsWith("FORMAT_FAILURE", StringComparison.Ordinal)));
        var ts = report.Signatures.Single(s => s.IsDocumentTimestamp);
        Assert.True(ts.CoversWholeDocument);
        Assert.All(report.Signatures.Where(s => !s.IsDocumentTimestamp), s => Assert.False(s.CoversWholeDocument));
    }

    [Fact]
    public void Pades_TailUncovered_IsFlaggedNotWholeDocument()
    {
        var report = Verify("pades", "tail-uncovered.pdf");
        var s = Assert.Single(report.Signatures);
        Assert.True(s.Intact);
        Assert.True(s.SignatureValueValid);
        Assert.False(s.CoversWholeDocument);
        Assert.NotEqual(Verdict.Valid, report.Verdict);
        Assert.Contains(s.Reasons, r => r.Contains("coverage", StringComparison.Ordinal));
    }

    [Fact]
    public void Cades_DetachedWithContent_IsIntactAndValid()
    {
        var options = new VerificationOptions { Detached = [new DetachedContent("hello-world.txt", File.ReadAllBytes(TestData.PathOf("signatures", "cades", "hello-world.txt")))] };
        var s = Assert.Single(Verify("cades", "cades-bes-signeddata-detached.p7s", options).Signatures);
        Assert.True(s.Intact);
        Assert.True(s.SignatureValueValid);
        Assert.Equal(SubIndication.NoCertificateChainFound, s.SubIndication);
    }

    [Fact]
    public void Cades_DetachedWithoutContent_IsSignedDataNotFound()
    {
        var s = Assert.Single(Verify("cades", "cades-bes-signeddata-detached.p7s").Signatures);
        Assert.Equal(Indication.Indeterminate, s.Indication);
        Assert.Equal(SubIndication.SignedDataNotFound, s.SubIndication);
    }

    [Fact]
    public void Cades_DetachedWithWrongContent_IsHashFailure()
    {
        var options = new VerificationOptions { Detached = [new DetachedContent("x.txt", "Hello World!"u8.ToArray())] };
        var s = Assert.Single(Verify("cades", "cades-bes-signeddata-detached.p7s", options).Signatures);
        Assert.False(s.Intact);
        Assert.Equal(Indication.TotalFailed, s.Indication);
        Assert.Equal(SubIndication.HashFailure, s.SubIndication);
    }

    [Fact]
    public void Cades_Enveloping_IsIntactAndValid()
    {
        var s = Assert.Single(Verify("cades", "cades-enveloping.pkcs7").Signatures);
        Assert.True(s.Intact);
        Assert.True(s.SignatureValueValid);
    }

    [Fact]
    public void Cades_EnvelopingAsBareBase64_IsReadTheSame()
    {
        var der = File.ReadAllBytes(TestData.PathOf("signatures", "cades", "cades-enveloping.pkcs7"));
        var s = Assert.Single(new SignatureVerifier().Verify(System.Text.Encoding.ASCII.GetBytes(Convert.ToBase64String(der, Base64FormattingOptions.InsertLineBreaks))).Signatures);
        Assert.True(s.Intact);
        Assert.True(s.SignatureValueValid);
    }

    [Fact]
    public void Cades_DetachedPng_IntactValidSigningCertificateMatchesAndQcCompliance()
    {
        var options = new VerificationOptions { Detached = [new DetachedContent("screenshot.png", File.ReadAllBytes(TestData.PathOf("signatures", "cades", "screenshot.png")))] };
        var s = Assert.Single(Verify("cades", "screenshot.png.signed_qes_detached.p7s", options).Signatures);
        Assert.True(s.Intact);
        Assert.True(s.SignatureValueValid);
        Assert.Contains(s.Checks, c => c.Name == "SIGNING_CERTIFICATE_REFERENCE" && c.Status == CheckStatus.Passed);
        Assert.True(s.Certificate!.QcStatements.QcCompliance);
        Assert.False(s.Certificate.Qualified); // no trusted list confirms it
    }

    [Fact]
    public void Xades_LtaValid_WithRootCaTrusted_IsIntactValidAndTrusted()
    {
        var untrusted = Assert.Single(Verify("xades", "xades-lta-valid.xml").Signatures);
        Assert.True(untrusted.Intact, string.Join("; ", untrusted.Checks.Select(c => c.Name + " " + c.Status + " " + c.Detail)));
        Assert.True(untrusted.SignatureValueValid);
        Assert.Equal(SubIndication.NoCertificateChainFound, untrusted.SubIndication);
    }

    [Fact]
    public void Xades_TamperedReference_IsNotIntact()
    {
        var s = Assert.Single(Verify("xades", "xades-tampered-reference.xml").Signatures);
        Assert.False(s.Intact);
        Assert.Equal(Indication.TotalFailed, s.Indication);
    }

    [Fact]
    public void Xades_WrongSigningCertificateDigest_IsFlagged()
    {
        var s = Assert.Single(Verify("xades", "xades-wrong-sign-cert-digest.xml").Signatures);
        Assert.True(s.Intact);
        Assert.True(s.SignatureValueValid);
        Assert.Contains(s.Checks, c => c.Name == "SIGNING_CERTIFICATE_REFERENCE" && c.Status == CheckStatus.Failed);
        Assert.NotEqual(Verdict.Valid, s.Verdict);
    }

    [Fact]
    public void Xades_Detached_WithFile_IsIntactAndValid_WithoutFile_SignedDataNotFound()
    {
        var options = new VerificationOptions { Detached = [new DetachedContent("sample.xml", File.ReadAllBytes(TestData.PathOf("signatures", "xades", "sample.xml")))] };
        var with = Assert.Single(Verify("xades", "xades-detached.xml", options).Signatures);
        Assert.True(with.Intact, string.Join("; ", with.Checks.Select(c => c.Name + " " + c.Status + " " + c.Detail)));
        Assert.True(with.SignatureValueValid);
        var without = Assert.Single(Verify("xades", "xades-detached.xml").Signatures);
        Assert.Equal(SubIndication.SignedDataNotFound, without.SubIndication);
    }
}
