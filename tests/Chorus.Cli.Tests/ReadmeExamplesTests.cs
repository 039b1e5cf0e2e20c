using Chorus.Directory.Identifiers;
using Chorus.Signature;
using Chorus.Signature.Certificates;
using Chorus.Signature.Trust;
using Chorus.Tests.Shared;

namespace Chorus.Cli.Tests;

/// <summary>The code examples of the repository README, kept compiling and asserted. Update both together.</summary>
public class ReadmeExamplesTests
{
    [Fact]
    public void Directory_Example()
    {
        var siret = Siret.Parse("732 829 320 00074");
        Assert.Equal("732829320", siret.Siren.ToString());
        Assert.Equal("FR44732829320", VatNumber.FromSiren(siret.Siren).ToString());
        var check = IdentifierClassifier.Check("73282932000075");
        Assert.Equal(IdentifierKind.Siret, check.Kind);
        Assert.False(check.IsValid);
        Assert.StartsWith("check digit mismatch", check.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Signature_Example()
    {
        var options = new VerificationOptions
        {
            Trust = TrustStore.FromPath(TestData.PathOf("signatures", "trust", "tsl-be-old.xml")),
            ValidationTime = new DateTimeOffset(2025, 8, 6, 0, 0, 0, TimeSpan.Zero),
        };
        var report = new SignatureVerifier(options).Verify(File.ReadAllBytes(TestData.PathOf("signatures", "pades", "pdf-signed-original.pdf")), "offre.pdf");
        Assert.Equal(Verdict.Indeterminate, report.Verdict);
        var s = Assert.Single(report.Signatures);
        Assert.Equal("good-user: None Indeterminate/NoCertificateChainFound intact=True", $"{s.Signer}: {s.Level} {s.Indication}/{s.SubIndication} intact={s.Intact}");

        var expiry = CertificateExpiryChecker.Check(File.ReadAllBytes(TestData.PathOf("signatures", "trust", "real-qcert.cer")), TimeProvider.System, warnDays: 30);
        Assert.Equal(expiry.DaysLeft <= 30 && !expiry.Expired, expiry.ExpiresSoon);
    }
}
