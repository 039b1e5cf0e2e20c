using Chorus.Signature.Trust;
using Chorus.Tests.Shared;

namespace Chorus.Signature.Tests.Trust;

/// <summary>EU trusted lists from the corpus (DSS and pyHanko tests) and NIST PKITS paths.</summary>
public class TrustedListTests
{
    private static byte[] Read(params string[] parts) => File.ReadAllBytes(TestData.PathOf(["signatures", .. parts]));

    [Fact]
    public void Lotl_SignatureVerifies_AndIsListOfLists()
    {
        var store = TrustStore.FromTrustedList(Read("trust", "eu-lotl.xml"));
        var info = Assert.Single(store.TrustedLists);
        Assert.True(info.IsListOfLists);
        Assert.True(info.SignatureValid, string.Join("; ", info.Problems));
        Assert.Equal(248, info.SequenceNumber);
        Assert.Contains("Patrick Kremer", info.SignerSubject, StringComparison.Ordinal);
    }

    [Fact]
    public void FrenchList_SignatureVerifies_24Providers_DocuSignHas9Services()
    {
        var store = TrustStore.FromTrustedList(Read("trust", "fr.xml"));
        var info = Assert.Single(store.TrustedLists);
        Assert.True(info.SignatureValid, string.Join("; ", info.Problems));
        Assert.Equal("FR", info.Territory);
        Assert.Equal(56, info.SequenceNumber);
        Assert.Equal(24, info.ProviderCount);
        Assert.Equal(9, info.Services.Count(s => s.ProviderName.Contains("DocuSign", StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public void FrenchList_WithLotl_SignerIsConfirmedByTheLotl()
    {
        var store = TrustStore.FromTrustedLists([Read("trust", "eu-lotl.xml"), Read("trust", "fr.xml")]);
        var fr = store.TrustedLists.Single(l => l.Territory == "FR" && !l.IsListOfLists);
        Assert.True(fr.SignerConfirmed);
        Assert.True(store.AnchorCount > 0);
    }

    [Fact]
    public void BelgianList_Tampered_SignatureFails_AndGivesNoAnchor()
    {
        var xml = Read("trust", "tsl-be-old.xml");
        var text = System.Text.Encoding.UTF8.GetString(xml);
        var i = text.IndexOf("<Name xml:lang=\"en\">", StringComparison.Ordinal);

        Assert.True(i > 0);
        var tampered = System.Text.Encoding.UTF8.GetBytes(text.Insert(text.IndexOf('>', i) + 1, "X"));
        var store = TrustStore.FromTrustedList(tampered);
        Assert.False(store.TrustedLists[0].SignatureValid);
        Assert.Equal(0, store.AnchorCount);
    }

    [Fact]
    public void BelgianList_17Qtsa_20Ca_RealQcertIsQualifiedWithQscdOn20250806()
    {
        var store = TrustStore.FromTrustedList(Read("trust", "tsl-be-old.xml"));
        var info = Assert.Single(store.TrustedLists);
        Assert.True(info.SignatureValid, string.Join("; ", info.Problems));
        // pyHanko counts 17 QTSAs (granted) and 20 CAs (it merges CA services sharing an identity); the list has 28 granted CA/QC services.
        bool Granted(TrustedService s) => s.History[0].Status.EndsWith("/granted", StringComparison.Ordinal);
        Assert.Equal(17, info.Services.Count(s => Granted(s) && s.History[0].ServiceType.EndsWith("/TSA/QTST", StringComparison.Ordinal)));
        Assert.True(info.Services.Count(s => Granted(s) && s.History[0].ServiceType == TrustedService.CaQc) >= 20);

        var result = CertificateValidator.Validate(Read("trust", "real-qcert.cer"), new DateTimeOffset(2025, 8, 6, 0, 0, 0, TimeSpan.Zero), store);
        Assert.True(result.Trusted, string.Join("; ", result.Notes));
        Assert.True(result.Qualified, string.Join("; ", result.Notes));
        Assert.True(result.Qscd);
    }

    [Fact]
    public void RealQcert_TrustedOnlyAsPlainAnchor_IsNotQualifiedWhateverItClaims()
    {
        var be = TrustStore.FromTrustedList(Read("trust", "tsl-be-old.xml"));
        var issuer = be.TrustedLists[0];
        Assert.NotNull(issuer);
        var cert = Read("trust", "real-qcert.cer");
        var result = CertificateValidator.Validate(cert, new DateTimeOffset(2025, 8, 6, 0, 0, 0, TimeSpan.Zero), TrustStore.FromCertificates([cert]));
        Assert.True(result.Trusted);
        Assert.False(result.Qualified);
        Assert.True(Chorus.Signature.Certificates.QcStatementInfo.FromCertificate(cert).QcCompliance);
    }

    [Fact]
    public void Pkits_ValidPath_IsTrustedAndNotRevoked()
    {
        var result = Pkits("ValidCertificatePathTest1EE.crt");
        Assert.True(result.Trusted, string.Join("; ", result.Notes));
        Assert.Equal(3, result.Path.Count);
        Assert.Equal(RevocationStatus.Good, result.Revocation);
    }

    [Fact]
    public void Pkits_RevokedEndEntity_IsRevokedKeyCompromiseOn20100101()
    {
        var result = Pkits("InvalidRevokedEETest3EE.crt");
        Assert.False(result.Trusted);
        Assert.Equal(Indication.TotalFailed, result.Indication);
        Assert.Equal(SubIndication.Revoked, result.SubIndication);
        Assert.Equal(new DateTimeOffset(2010, 1, 1, 8, 30, 1, TimeSpan.Zero), result.RevocationTime);
    }

    [Fact]
    public void Pkits_WithoutAnchor_NoCertificateChainFound()
    {
        var result = CertificateValidator.Validate(Read("pki", "ValidCertificatePathTest1EE.crt"), new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero), TrustStore.Empty, [Read("pki", "GoodCACert.crt")]);
        Assert.Equal(SubIndication.NoCertificateChainFound, result.SubIndication);
    }

    private static ChainValidationResult Pkits(string ee) => CertificateValidator.Validate(
        Read("pki", ee),
        new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero),
        TrustStore.FromCertificates([Read("pki", "TrustAnchorRootCertificate.crt")]),
        [Read("pki", "GoodCACert.crt")],
        [Read("pki", "TrustAnchorRootCRL.crl"), Read("pki", "GoodCACRL.crl")]);
}
