using Chorus.Signature.Certificates;
using Chorus.Signature.Tests.Pki;
using Microsoft.Extensions.Time.Testing;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.Security;

namespace Chorus.Signature.Tests.Certificates;

public class CertificateExpiryTests
{
    private static readonly TestIdentity Signer = TestPki.Instance.QesSigner; // valid 2024-01-01 to 2027-01-01

    private static FakeTimeProvider At(int year, int month, int day) => new(new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Der_LongBeforeExpiry_IsFineWithDaysLeft()
    {
        var r = CertificateExpiryChecker.Check(Signer.Der, At(2026, 1, 1));
        Assert.Equal(365, r.DaysLeft);
        Assert.False(r.Expired);
        Assert.False(r.ExpiresSoon);
    }

    [Fact]
    public void Pem_TwentyDaysBeforeExpiry_ExpiresSoonWithDefaultHorizon()
    {
        var pem = "-----BEGIN CERTIFICATE-----\n" + Convert.ToBase64String(Signer.Der, Base64FormattingOptions.InsertLineBreaks) + "\n-----END CERTIFICATE-----\n";
        var r = CertificateExpiryChecker.Check(System.Text.Encoding.ASCII.GetBytes(pem), At(2026, 12, 12));
        Assert.Equal(20, r.DaysLeft);
        Assert.True(r.ExpiresSoon);
        Assert.False(r.Expired);
        Assert.False(CertificateExpiryChecker.Check(Signer.Der, At(2026, 12, 12), warnDays: 10).ExpiresSoon);
    }

    [Fact]
    public void AfterNotAfter_IsExpired_NegativeDays()
    {
        var r = CertificateExpiryChecker.Check(Signer.Der, At(2027, 1, 11));
        Assert.True(r.Expired);
        Assert.False(r.ExpiresSoon);
        Assert.Equal(-10, r.DaysLeft);
    }

    [Fact]
    public void ExplicitTime_WinsOverTheClock()
    {
        var r = CertificateExpiryChecker.Check(Signer.Der, At(2030, 1, 1), at: new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        Assert.False(r.Expired);
    }

    [Fact]
    public void Pkcs12_WithPassword_ReadsTheKeyCertificate()
    {
        var store = new Pkcs12StoreBuilder().Build();
        store.SetKeyEntry("alice", new AsymmetricKeyEntry(Signer.PrivateKey), [new X509CertificateEntry(Signer.Certificate), new X509CertificateEntry(TestPki.Instance.QualifiedCa.Certificate)]);
        using var ms = new MemoryStream();
        store.Save(ms, "secret".ToCharArray(), new SecureRandom());
        var r = CertificateExpiryChecker.Check(ms.ToArray(), At(2026, 1, 1), password: "secret");
        Assert.Contains("Alice", r.Subject, StringComparison.Ordinal);
        Assert.Throws<SignatureFormatException>(() => CertificateExpiryChecker.Check(ms.ToArray(), At(2026, 1, 1), password: "wrong"));
    }

    [Fact]
    public void NotACertificate_Throws()
    {
        Assert.Throws<SignatureFormatException>(() => CertificateExpiryChecker.Check("hello"u8.ToArray(), At(2026, 1, 1)));
    }
}
