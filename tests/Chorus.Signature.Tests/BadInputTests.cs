using System.Text;
using Chorus.Signature.Tests.Pki;
using Chorus.Signature.Trust;
using Chorus.Tests.Shared;

namespace Chorus.Signature.Tests;

/// <summary>Damaged and malicious inputs end in a verdict with a reason or a <see cref="SignatureFormatException"/>, never another exception.</summary>
public class BadInputTests
{
    private static readonly SignatureVerifier Verifier = new();

    private static byte[] Original() => File.ReadAllBytes(TestData.PathOf("signatures", "pades", "pdf-signed-original.pdf"));

    [Fact]
    public void Pades_GarbageContents_IsFormatFailure()
    {
        var pdf = Original();
        var text = Encoding.Latin1.GetString(pdf);
        var at = text.IndexOf("/Contents <", StringComparison.Ordinal) + 11;
        for (var i = 0; i < 64; i++)
        {
            pdf[at + i] = (byte)'Z';
        }

        var s = Assert.Single(Verifier.Verify(pdf).Signatures);
        Assert.Equal(Indication.TotalFailed, s.Indication);
        Assert.Equal(SubIndication.FormatFailure, s.SubIndication);
    }

    [Fact]
    public void Pades_ZeroedContents_IsFormatFailure()
    {
        var pdf = Original();
        var text = Encoding.Latin1.GetString(pdf);
        var at = text.IndexOf("/Contents <", StringComparison.Ordinal) + 11;
        for (var i = 0; i < 200; i++)
        {
            pdf[at + i] = (byte)'0';
        }

        Assert.Equal(SubIndication.FormatFailure, Assert.Single(Verifier.Verify(pdf).Signatures).SubIndication);
    }

    [Theory]
    [InlineData("[0 18801 37747 999999999]")]
    [InlineData("[5 18801 37747 113379]")]
    [InlineData("[0 37747 18801 113379]")]
    [InlineData("[0 -1 37747 113379]")]
    [InlineData("[0 18801 37747]")]
    [InlineData("[0 99999999999999999999 1 1]")]
    public void Pades_AbsurdByteRange_IsFormatFailure(string range)
    {
        var text = Encoding.Latin1.GetString(Original()).Replace("[0 18801 37747 113379]", range, StringComparison.Ordinal);
        var s = Assert.Single(Verifier.Verify(Encoding.Latin1.GetBytes(text)).Signatures);
        Assert.Equal(Indication.TotalFailed, s.Indication);
        Assert.False(s.Intact);
    }

    [Fact]
    public void Cades_TruncatedCms_IsUnreadable()
    {
        var cms = File.ReadAllBytes(TestData.PathOf("signatures", "cades", "cades-enveloping.pkcs7"));
        Assert.Throws<SignatureFormatException>(() => Verifier.Verify(cms.AsSpan(0, cms.Length / 2).ToArray()));
    }

    [Fact]
    public void Pdf_WithoutSignature_IsInvalidNoSignature()
    {
        var report = Verifier.Verify("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"u8.ToArray());
        Assert.Equal(Verdict.Invalid, report.Verdict);
        Assert.Empty(report.Signatures);
    }

    [Fact]
    public void Xml_WithDtd_IsRefused()
    {
        var xml = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><r>&e;</r>"u8.ToArray();
        var ex = Assert.Throws<SignatureFormatException>(() => Verifier.Verify(xml));
        Assert.DoesNotContain("root:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TrustedList_WithDtd_IsRefused() =>
        Assert.Throws<SignatureFormatException>(() => TrustStore.FromTrustedList("<!DOCTYPE x [<!ENTITY a \"b\">]><x>&a;</x>"u8.ToArray()));

    [Fact]
    public void NotASignedFile_IsUnreadable() =>
        Assert.Throws<SignatureFormatException>(() => Verifier.Verify([0xFF, 0xD8, 0xFF, 0xE0]));

    [Fact]
    public void CertificateLoop_EndsWithoutChain()
    {
        // Two CA certificates issuing each other's names do not make the path search loop: the PKI's qualified CA and
        // root are given as intermediates only, with an unrelated anchor.
        var pki = TestPki.Instance;
        var result = CertificateValidator.Validate(pki.QesSigner.Der, new DateTimeOffset(TestPki.Now), TrustStore.FromCertificates([pki.TlSigner.Der]),
            [pki.QualifiedCa.Der, pki.Root.Der, pki.QualifiedCa.Der, pki.Root.Der]);
        Assert.Equal(SubIndication.NoCertificateChainFound, result.SubIndication);
    }

    [Fact]
    public void RandomBitFlipsInEveryCorpusSignature_NeverThrowAnythingButFormatException()
    {
        // Seeded on purpose: reproducible mutations.
#pragma warning disable CA5394, RS0030 // a seeded Random: the same mutations on every run
        var random = new Random(1234);
        foreach (var file in System.IO.Directory.GetFiles(TestData.PathOf("signatures"), "*", SearchOption.AllDirectories).Where(f => f.EndsWith(".pdf", StringComparison.Ordinal) || f.EndsWith(".p7s", StringComparison.Ordinal) || f.EndsWith(".pkcs7", StringComparison.Ordinal) || f.Contains("xades-", StringComparison.Ordinal)))
        {
            var original = File.ReadAllBytes(file);
            for (var round = 0; round < 6; round++)
            {
                var data = (byte[])original.Clone();
                for (var k = 0; k < 1 + (round * 8); k++)
                {
                    data[random.Next(data.Length)] = (byte)random.Next(256);
                }

                try
                {
                    Verifier.Verify(data);
                }
                catch (SignatureFormatException)
                {
                    // unreadable: fine
                }
            }
        }
#pragma warning restore CA5394, RS0030
    }
}
