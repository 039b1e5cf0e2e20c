using System.Security.Cryptography;
using System.Text;
using System.Xml;
using Chorus.Signature.Tests.Pki;
using Chorus.Signature.Trust;
using Chorus.Signature.Xades;
using Chorus.Tests.Shared;

namespace Chorus.Signature.Tests.Xades;

public class XadesTests
{
    private const string Ds = "http://www.w3.org/2000/09/xmldsig#";

    [Fact]
    public void LtaValid_WithRootCaAsAnchor_IsTrustedViaTimestampAndEmbeddedOcsp()
    {
        // DSS XAdESLTAWithValidOCSPCertValidityTest: root-ca (in CertificateValues) is the trust anchor → TOTAL_PASSED.
        var bytes = File.ReadAllBytes(TestData.PathOf("signatures", "xades", "xades-lta-valid.xml"));
        var root = EmbeddedCertificates(bytes).Single(c => c.SubjectDN.ToString().Contains("CN=root-ca", StringComparison.Ordinal));
        var options = new VerificationOptions { Trust = TrustStore.FromCertificates([root.GetEncoded()]), RequireQualifiedCertificate = false };
        var s = Assert.Single(new SignatureVerifier(options).Verify(bytes).Signatures);
        Assert.True(s.ChainTrusted, string.Join("; ", s.Checks.Select(c => c.Name + " " + c.Detail)));
        Assert.Equal(Indication.TotalPassed, s.Indication);
        Assert.Equal(SignatureLevel.AdES, s.Level);
        Assert.True(s.Checks.Any(c => c.Name == "CHAIN" && c.Detail.Contains("not revoked (OCSP", StringComparison.Ordinal)), s.Checks.First(c => c.Name == "CHAIN").Detail);
        Assert.NotNull(s.TimestampTime);
    }

    [Fact]
    public void XPathFilter2Subtract_GivesTheSameDigestAsTheEnvelopedTransform()
    {
        // .NET's SignedXml computes the reference with the enveloped-signature transform; the same reference expressed
        // as XPath Filter 2.0 "subtract here()/ancestor::ds:Signature[1]" must select the same nodes.
        var pki = TestPki.Instance;
        var xml = TestPki.SignXml("<Offre xmlns=\"urn:test\"><Lot>1</Lot><Montant>1200.00</Montant></Offre>", pki.TlSigner);
        var doc = new XmlDocument { PreserveWhitespace = true };
        using (var reader = XmlReader.Create(new MemoryStream(xml), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null }))
        {
            doc.Load(reader);
        }

        var ns = new XmlNamespaceManager(doc.NameTable);
        ns.AddNamespace("ds", Ds);
        var transforms = (XmlElement)doc.SelectSingleNode("//ds:Reference/ds:Transforms", ns)!;
        var enveloped = (XmlElement)transforms.FirstChild!;
        var filter = doc.CreateElement("ds", "Transform", Ds);
        filter.SetAttribute("Algorithm", "http://www.w3.org/2002/06/xmldsig-filter2");
        var xpath = doc.CreateElement("dsig-xpath", "XPath", "http://www.w3.org/2002/06/xmldsig-filter2");
        xpath.SetAttribute("Filter", "subtract");
        xpath.SetAttribute("xmlns:ds", Ds);
        xpath.InnerText = "here()/ancestor::ds:Signature[1]";
        filter.AppendChild(xpath);
        transforms.ReplaceChild(filter, enveloped);

        // Re-sign the changed SignedInfo.
        var signedInfo = (XmlElement)doc.SelectSingleNode("//ds:SignedInfo", ns)!;
        var canonical = XmlCanonicalizer.Element(signedInfo, XmlCanonicalizer.ExcC14N);
        var signer = Org.BouncyCastle.Security.SignerUtilities.GetSigner("SHA256withRSA");
        signer.Init(true, pki.TlSigner.PrivateKey);
        signer.BlockUpdate(canonical, 0, canonical.Length);
        doc.SelectSingleNode("//ds:SignatureValue", ns)!.InnerText = Convert.ToBase64String(signer.GenerateSignature());

        var s = Assert.Single(new SignatureVerifier().Verify(Encoding.UTF8.GetBytes(doc.OuterXml)).Signatures);
        Assert.True(s.SignatureValueValid);
        Assert.True(s.Intact, string.Join("; ", s.Checks.Select(c => c.Detail)));

        // And the filter really filters: change the signed content, the digest no longer matches.
        var tampered = Encoding.UTF8.GetBytes(doc.OuterXml.Replace("1200.00", "1300.00", StringComparison.Ordinal));
        Assert.False(Assert.Single(new SignatureVerifier().Verify(tampered).Signatures).Intact);
    }

    private static List<Org.BouncyCastle.X509.X509Certificate> EmbeddedCertificates(byte[] xml)
    {
        var text = Encoding.UTF8.GetString(xml);
        var list = new List<Org.BouncyCastle.X509.X509Certificate>();
        foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(text, "EncapsulatedX509Certificate[^>]*>([^<]+)<"))
        {
            list.Add(new Org.BouncyCastle.X509.X509Certificate(Convert.FromBase64String(m.Groups[1].Value)));
        }

        return list;
    }

    [Fact]
    public void Sha256OfDetachedSample_MatchesTheReferenceDigestOfTheDetachedSignature()
    {
        // External truth for the detached case: SHA-256 of sample.xml equals the DigestValue DSS's file carries.
        var sample = File.ReadAllBytes(TestData.PathOf("signatures", "xades", "sample.xml"));
        var signature = File.ReadAllText(TestData.PathOf("signatures", "xades", "xades-detached.xml"));
        Assert.Contains(Convert.ToBase64String(SHA256.HashData(sample)), signature, StringComparison.Ordinal);
    }
}
