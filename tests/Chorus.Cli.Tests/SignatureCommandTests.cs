using System.Xml;
using System.Xml.Schema;
using Chorus.Tests.Shared;

namespace Chorus.Cli.Tests;

/// <summary><c>chorus signature verify</c> and <c>chorus certificate check</c> against the contract.</summary>
public class SignatureCommandTests
{
    private static string Sig(params string[] parts) => TestData.PathOf(["signatures", .. parts]);

    [Fact]
    public void Verify_UntrustedIntactPades_JsonFollowsTheContract_Exit1()
    {
        var r = CliRunner.Run("signature", "verify", Sig("pades", "pdf-signed-original.pdf"), "--json");
        Assert.Equal(1, r.ExitCode);
        var json = r.Json();
        Assert.Equal("indeterminate", json.GetProperty("verdict").GetString());
        Assert.EndsWith("pdf-signed-original.pdf", json.GetProperty("file").GetString(), StringComparison.Ordinal);
        var s = json.GetProperty("signatures")[0];
        Assert.Equal("PAdES", s.GetProperty("format").GetString());
        Assert.Equal("none", s.GetProperty("level").GetString());
        Assert.True(s.GetProperty("intact").GetBoolean());
        Assert.True(s.GetProperty("coversWholeDocument").GetBoolean());
        Assert.Equal("good-user", s.GetProperty("signer").GetString());
        Assert.False(s.GetProperty("chainTrusted").GetBoolean());
        Assert.Equal("indeterminate", s.GetProperty("verdict").GetString());
        var cert = s.GetProperty("certificate");
        foreach (var field in new[] { "subject", "issuer", "serialNumber", "notBefore", "notAfter", "qualified" })
        {
            Assert.True(cert.TryGetProperty(field, out _), field);
        }

        Assert.Contains(s.GetProperty("reasons").EnumerateArray(), e => e.GetString()!.StartsWith("NO_CERTIFICATE_CHAIN_FOUND", StringComparison.Ordinal));
    }

    [Fact]
    public void Verify_DetachedCades_WithAndWithoutTheData()
    {
        var with = CliRunner.Run("signature", "verify", Sig("cades", "cades-bes-signeddata-detached.p7s"), "--detached", Sig("cades", "hello-world.txt"), "--json");
        Assert.True(with.Json().GetProperty("signatures")[0].GetProperty("intact").GetBoolean());
        var without = CliRunner.Run("signature", "verify", Sig("cades", "cades-bes-signeddata-detached.p7s"), "--json");
        Assert.Equal("SIGNED_DATA_NOT_FOUND", without.Json().GetProperty("signatures")[0].GetProperty("subIndication").GetString());
    }

    [Fact]
    public void Verify_TamperedXades_IsInvalid_Exit1()
    {
        var r = CliRunner.Run("signature", "verify", Sig("xades", "xades-tampered-reference.xml"), "--json");
        Assert.Equal(1, r.ExitCode);
        Assert.Equal("invalid", r.Json().GetProperty("verdict").GetString());
    }

    [Fact]
    public void Verify_NotASignedFile_Exit2_WithJsonError()
    {
        var path = Path.Combine(Path.GetTempPath(), "chorus-not-signed-" + Guid.NewGuid() + ".bin");
        File.WriteAllBytes(path, [0xFF, 0x00, 0x12]);
        try
        {
            var r = CliRunner.Run("signature", "verify", path, "--json");
            Assert.Equal(2, r.ExitCode);
            Assert.True(r.Json().TryGetProperty("error", out _));
            Assert.DoesNotContain("   at ", r.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Verify_MissingFile_Exit2()
    {
        var r = CliRunner.Run("signature", "verify", "no-such-file.pdf");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("not found", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_WithXmlAndPdfReports_XmlValidatesAgainstThePublishedXsd_PdfHasTheSigner()
    {
        var dir = Path.Combine(Path.GetTempPath(), "chorus-reports-" + Guid.NewGuid());
        System.IO.Directory.CreateDirectory(dir);
        try
        {
            var xml = Path.Combine(dir, "report.xml");
            var pdf = Path.Combine(dir, "report.pdf");
            var r = CliRunner.Run("signature", "verify", Sig("pades", "pades-5-signatures-and-1-document-timestamp.pdf"), "--xml", xml, "--report", pdf);
            Assert.Equal(1, r.ExitCode);

            var schemas = new XmlSchemaSet();
            using (var xsd = Chorus.Signature.Reports.SignatureReportWriter.Schema())
            using (var reader = XmlReader.Create(xsd, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null }))
            {
                schemas.Add(null, reader);
            }

            var errors = new List<string>();
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, ValidationType = ValidationType.Schema, Schemas = schemas };
            settings.ValidationEventHandler += (_, e) => errors.Add(e.Message);
            using (var stream = File.OpenRead(xml))
            using (var reader = XmlReader.Create(stream, settings))
            {
                while (reader.Read())
                {
                }
            }

            Assert.Empty(errors);
            Assert.Equal(6, System.Text.RegularExpressions.Regex.Count(File.ReadAllText(xml), "<Signature "));

            var pdftotext = ExternalTool.RequireOrSkip("pdftotext", "poppler-utils");
            var (code, text, _) = ExternalTool.Run(pdftotext, [pdf, "-"]);
            Assert.Equal(0, code);
            Assert.Contains("Signature verification report", text, StringComparison.Ordinal);
            Assert.Contains("Document timestamp 6", text, StringComparison.Ordinal);
            Assert.Contains("Document SHA-256", text, StringComparison.Ordinal);
            Assert.Contains("5. integrity: PASSED", text, StringComparison.Ordinal);
        }
        finally
        {
            System.IO.Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void Verify_QualifiedCertOnBelgianList_TrustOptionReadsTheList()
    {
        // The corpus has no file signed by real-qcert; the trust option must at least load the TL and keep the verdict.
        var r = CliRunner.Run("signature", "verify", Sig("pades", "pdf-signed-original.pdf"), "--trust", Sig("trust", "tsl-be-old.xml"), "--json");
        Assert.Equal(1, r.ExitCode);
        Assert.Equal("NO_CERTIFICATE_CHAIN_FOUND", r.Json().GetProperty("signatures")[0].GetProperty("subIndication").GetString());
    }

    [Fact]
    public void Verify_TrustedListWithBrokenSignature_IsReportedAndGivesNoAnchor()
    {
        var dir = Path.Combine(Path.GetTempPath(), "chorus-tl-" + Guid.NewGuid());
        System.IO.Directory.CreateDirectory(dir);
        try
        {
            var text = File.ReadAllText(Sig("trust", "fr.xml")).Replace("<TSLSequenceNumber>56</TSLSequenceNumber>", "<TSLSequenceNumber>57</TSLSequenceNumber>", StringComparison.Ordinal);
            File.WriteAllText(Path.Combine(dir, "fr.xml"), text);
            var r = CliRunner.Run("signature", "verify", Sig("pades", "pdf-signed-original.pdf"), "--trust", dir, "--json");
            Assert.Equal(1, r.ExitCode);
            Assert.Contains(r.Json().GetProperty("reasons").EnumerateArray(), e => e.GetString()!.StartsWith("TRUST: trusted list FR", StringComparison.Ordinal));
        }
        finally
        {
            System.IO.Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void Verify_TrustFolderMissing_Exit2()
    {
        var r = CliRunner.Run("signature", "verify", Sig("pades", "pdf-signed-original.pdf"), "--trust", "no-such-folder");
        Assert.Equal(2, r.ExitCode);
    }

    [Fact]
    public void CertificateCheck_RealQcert_At20250806_HasDaysLeftAndIsFine()
    {
        var r = CliRunner.Run("certificate", "check", Sig("trust", "real-qcert.cer"), "--at", "2025-08-06", "--json");
        Assert.Equal(0, r.ExitCode);
        var json = r.Json();
        Assert.False(json.GetProperty("expired").GetBoolean());
        Assert.False(json.GetProperty("expiresSoon").GetBoolean());
        Assert.Contains("Valvekens", json.GetProperty("subject").GetString(), StringComparison.Ordinal);
        Assert.True(json.GetProperty("daysLeft").GetInt32() > 1000);
        Assert.Equal(2028, json.GetProperty("notAfter").GetDateTimeOffset().Year);
    }

    [Fact]
    public void CertificateCheck_ExpiredPkitsCert_Exit1()
    {
        var r = CliRunner.Run("certificate", "check", Sig("pki", "GoodCACert.crt"), "--at", "2031-01-01T00:00:00Z", "--json");
        Assert.Equal(1, r.ExitCode);
        Assert.True(r.Json().GetProperty("expired").GetBoolean());
    }

    [Fact]
    public void CertificateCheck_WithinWarnDays_IsExpiringSoon_Exit1()
    {
        var r = CliRunner.Run("certificate", "check", Sig("pki", "GoodCACert.crt"), "--at", "2030-12-15", "--warn-days", "30", "--json");
        Assert.Equal(1, r.ExitCode);
        var json = r.Json();
        Assert.False(json.GetProperty("expired").GetBoolean());
        Assert.True(json.GetProperty("expiresSoon").GetBoolean());
    }

    [Fact]
    public void CertificateCheck_NotACertificate_Exit2()
    {
        var r = CliRunner.Run("certificate", "check", Sig("cades", "hello-world.txt"), "--json");
        Assert.Equal(2, r.ExitCode);
        Assert.True(r.Json().TryGetProperty("error", out _));
    }
}
