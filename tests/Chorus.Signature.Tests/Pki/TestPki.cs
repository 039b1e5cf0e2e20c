using System.Security.Cryptography.Xml;
using System.Text;
using System.Xml;
using Chorus.Signature.Trust;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Ocsp;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;
using X509Extension = Org.BouncyCastle.Asn1.X509.X509Extensions;

namespace Chorus.Signature.Tests.Pki;

/// <summary>A certificate with its private key.</summary>
internal sealed record TestIdentity(X509Certificate Certificate, AsymmetricKeyParameter PrivateKey)
{
    public byte[] Der => Certificate.GetEncoded();
}

/// <summary>
/// A test PKI generated with BouncyCastle: a root, a qualified CA listed in a generated (signed) trusted list, signers
/// with and without QcStatements, an expired one, a revoked one (CRL), a certificate wrongly issued by a non-CA, a TSA,
/// and an OCSP response. Fixed dates: "now" for the tests is 2025-06-01.
/// </summary>
internal sealed class TestPki
{
    public static readonly DateTime Now = new(2025, 6, 1, 0, 0, 0, DateTimeKind.Utc);
    public static readonly DateTime RevokedAt = new(2025, 3, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly Lazy<TestPki> Lazy = new(() => new TestPki());
    private readonly SecureRandom random = new(new Org.BouncyCastle.Crypto.Prng.DigestRandomGenerator(new Org.BouncyCastle.Crypto.Digests.Sha256Digest()));
    private long serial = 100;

    public static TestPki Instance => Lazy.Value;

    public TestIdentity Root { get; }

    public TestIdentity QualifiedCa { get; }

    public TestIdentity QesSigner { get; }

    public TestIdentity QcNoSscdSigner { get; }

    public TestIdentity PlainSigner { get; }

    public TestIdentity ExpiredSigner { get; }

    public TestIdentity RevokedSigner { get; }

    public TestIdentity NotACa { get; }

    public TestIdentity IssuedByNonCa { get; }

    public TestIdentity Tsa { get; }

    public TestIdentity TlSigner { get; }

    public byte[] CaCrl { get; }

    public byte[] TrustedList { get; }

    private TestPki()
    {
        random.SetSeed(42);
        Root = Issue("CN=Test Root CA,O=Chorus Tests,C=FR", null, ca: true, new DateTime(2020, 1, 1), new DateTime(2040, 1, 1));
        QualifiedCa = Issue("CN=Test Qualified CA,O=Chorus Tests,C=FR", Root, ca: true, new DateTime(2020, 1, 1), new DateTime(2035, 1, 1));
        QesSigner = Issue("CN=Alice Qualified,O=Chorus Tests,C=FR", QualifiedCa, ca: false, new DateTime(2024, 1, 1), new DateTime(2027, 1, 1), qc: true, sscd: true);
        QcNoSscdSigner = Issue("CN=Bob QC,O=Chorus Tests,C=FR", QualifiedCa, ca: false, new DateTime(2024, 1, 1), new DateTime(2027, 1, 1), qc: true);
        PlainSigner = Issue("CN=Carol Plain,O=Chorus Tests,C=FR", QualifiedCa, ca: false, new DateTime(2024, 1, 1), new DateTime(2027, 1, 1));
        ExpiredSigner = Issue("CN=Dave Expired,O=Chorus Tests,C=FR", QualifiedCa, ca: false, new DateTime(2021, 1, 1), new DateTime(2022, 1, 1), qc: true, sscd: true);
        RevokedSigner = Issue("CN=Eve Revoked,O=Chorus Tests,C=FR", QualifiedCa, ca: false, new DateTime(2024, 1, 1), new DateTime(2027, 1, 1), qc: true, sscd: true);
        NotACa = Issue("CN=Mallory Not A CA,O=Chorus Tests,C=FR", QualifiedCa, ca: false, new DateTime(2024, 1, 1), new DateTime(2027, 1, 1), qc: true, sscd: true);
        IssuedByNonCa = Issue("CN=Trent Fake Qualified,O=Chorus Tests,C=FR", NotACa, ca: false, new DateTime(2024, 1, 1), new DateTime(2027, 1, 1), qc: true, sscd: true);
        Tsa = Issue("CN=Test TSA,O=Chorus Tests,C=FR", Root, ca: false, new DateTime(2020, 1, 1), new DateTime(2035, 1, 1), tsa: true);
        TlSigner = Issue("CN=Test TL Signer,O=Chorus Tests,C=FR", null, ca: false, new DateTime(2020, 1, 1), new DateTime(2035, 1, 1), rsa: true);
        CaCrl = Crl(QualifiedCa, RevokedSigner.Certificate.SerialNumber, RevokedAt, new DateTime(2025, 5, 1));
        TrustedList = SignedTrustedList();
    }

    /// <summary>Trust sources as a caller gives them: the generated TL (qualified CA) and the root certificate.</summary>
    public TrustStore TrustSources() => TrustStore.FromTrustedList(TrustedList).With(TrustStore.FromCertificates([Root.Der]));

    private TestIdentity Issue(string subject, TestIdentity? issuer, bool ca, DateTime from, DateTime to, bool qc = false, bool sscd = false, bool tsa = false, bool rsa = false)
    {
        AsymmetricCipherKeyPair pair;
        if (rsa)
        {
            var g = new RsaKeyPairGenerator();
            g.Init(new RsaKeyGenerationParameters(BigInteger.ValueOf(65537), random, 2048, 80));
            pair = g.GenerateKeyPair();
        }
        else
        {
            var g = new ECKeyPairGenerator();
            g.Init(new ECKeyGenerationParameters(Org.BouncyCastle.Asn1.Sec.SecObjectIdentifiers.SecP256r1, random));
            pair = g.GenerateKeyPair();
        }

        var gen = new X509V3CertificateGenerator();
        gen.SetSerialNumber(BigInteger.ValueOf(Interlocked.Increment(ref serial)));
        gen.SetSubjectDN(new X509Name(subject));
        gen.SetIssuerDN(issuer is null ? new X509Name(subject) : issuer.Certificate.SubjectDN);
        gen.SetNotBefore(from);
        gen.SetNotAfter(to);
        gen.SetPublicKey(pair.Public);
        if (ca)
        {
            gen.AddExtension(X509Extension.BasicConstraints, true, new BasicConstraints(true));
            gen.AddExtension(X509Extension.KeyUsage, true, new KeyUsage(KeyUsage.KeyCertSign | KeyUsage.CrlSign));
        }
        else
        {
            gen.AddExtension(X509Extension.KeyUsage, true, new KeyUsage(tsa ? KeyUsage.DigitalSignature : KeyUsage.NonRepudiation | KeyUsage.DigitalSignature));
        }

        if (tsa)
        {
            gen.AddExtension(X509Extension.ExtendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeID.id_kp_timeStamping));
        }

        if (qc)
        {
            var statements = new List<Asn1Encodable> { new DerSequence(new DerObjectIdentifier("0.4.0.1862.1.1")) };
            if (sscd)
            {
                statements.Add(new DerSequence(new DerObjectIdentifier("0.4.0.1862.1.4")));
            }

            statements.Add(new DerSequence(new DerObjectIdentifier("0.4.0.1862.1.6"), new DerSequence(new DerObjectIdentifier("0.4.0.1862.1.6.1"))));
            gen.AddExtension(new DerObjectIdentifier("1.3.6.1.5.5.7.1.3"), false, new DerSequence(statements.ToArray()));
        }

        var signingKey = issuer?.PrivateKey ?? pair.Private;
        var cert = gen.Generate(new Asn1SignatureFactory(signingKey is RsaKeyParameters ? "SHA256WITHRSA" : "SHA256WITHECDSA", signingKey, random));
        return new TestIdentity(cert, pair.Private);
    }

    private byte[] Crl(TestIdentity ca, BigInteger revokedSerial, DateTime revokedAt, DateTime thisUpdate)
    {
        var gen = new X509V2CrlGenerator();
        gen.SetIssuerDN(ca.Certificate.SubjectDN);
        gen.SetThisUpdate(thisUpdate);
        gen.SetNextUpdate(thisUpdate.AddYears(2));
        gen.AddCrlEntry(revokedSerial, revokedAt, CrlReason.KeyCompromise);
        return gen.Generate(new Asn1SignatureFactory("SHA256WITHECDSA", ca.PrivateKey, random)).GetEncoded();
    }

    /// <summary>An OCSP response (DER OCSPResponse) from the qualified CA about a certificate.</summary>
    public byte[] Ocsp(TestIdentity subject, bool revoked, DateTime producedAt)
    {
        var gen = new BasicOcspRespGenerator(new RespID(QualifiedCa.Certificate.SubjectDN));
        var id = new CertificateID(CertificateID.DigestSha1, QualifiedCa.Certificate, subject.Certificate.SerialNumber);
        gen.AddResponse(id, revoked ? new RevokedStatus(RevokedAt, CrlReason.KeyCompromise) : CertificateStatus.Good);
        var basic = gen.Generate(new Asn1SignatureFactory("SHA256WITHECDSA", QualifiedCa.PrivateKey, random), [QualifiedCa.Certificate], producedAt);
        return new OCSPRespGenerator().Generate(OCSPRespGenerator.Successful, basic).GetEncoded();
    }

    /// <summary>A trusted list (TS 119 612) for territory FR with one CA/QC service, granted since 2016, signed by the TL signer.</summary>
    private byte[] SignedTrustedList()
    {
        var ca = Convert.ToBase64String(QualifiedCa.Der);
        var xml = $"""
            <TrustServiceStatusList xmlns="http://uri.etsi.org/02231/v2#" Id="tsl" TSLTag="http://uri.etsi.org/19612/TSLTag">
              <SchemeInformation>
                <TSLVersionIdentifier>5</TSLVersionIdentifier>
                <TSLSequenceNumber>7</TSLSequenceNumber>
                <TSLType>http://uri.etsi.org/TrstSvc/TrustedList/TSLType/EUgeneric</TSLType>
                <SchemeTerritory>FR</SchemeTerritory>
                <ListIssueDateTime>2025-01-01T00:00:00Z</ListIssueDateTime>
                <NextUpdate><dateTime>2025-07-01T00:00:00Z</dateTime></NextUpdate>
              </SchemeInformation>
              <TrustServiceProviderList>
                <TrustServiceProvider>
                  <TSPInformation><TSPName><Name xml:lang="en">Chorus Test TSP</Name></TSPName></TSPInformation>
                  <TSPServices>
                    <TSPService>
                      <ServiceInformation>
                        <ServiceTypeIdentifier>http://uri.etsi.org/TrstSvc/Svctype/CA/QC</ServiceTypeIdentifier>
                        <ServiceName><Name xml:lang="en">Test Qualified CA</Name></ServiceName>
                        <ServiceDigitalIdentity><DigitalId><X509Certificate>{ca}</X509Certificate></DigitalId></ServiceDigitalIdentity>
                        <ServiceStatus>http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/granted</ServiceStatus>
                        <StatusStartingTime>2016-07-01T00:00:00Z</StatusStartingTime>
                      </ServiceInformation>
                    </TSPService>
                  </TSPServices>
                </TrustServiceProvider>
              </TrustServiceProviderList>
            </TrustServiceStatusList>
            """;
        return SignXml(xml, TlSigner);
    }

    private static System.Security.Cryptography.RSA ToRsa(RsaPrivateCrtKeyParameters k)
    {
        var n = k.Modulus.ToByteArrayUnsigned();
        var half = (n.Length + 1) / 2;
        static byte[] Pad(BigInteger v, int len)
        {
            var b = v.ToByteArrayUnsigned();
            return b.Length >= len ? b : [.. new byte[len - b.Length], .. b];
        }

        var rsa = System.Security.Cryptography.RSA.Create();
        rsa.ImportParameters(new System.Security.Cryptography.RSAParameters
        {
            Modulus = n,
            Exponent = k.PublicExponent.ToByteArrayUnsigned(),
            D = Pad(k.Exponent, n.Length),
            P = Pad(k.P, half),
            Q = Pad(k.Q, half),
            DP = Pad(k.DP, half),
            DQ = Pad(k.DQ, half),
            InverseQ = Pad(k.QInv, half),
        });
        return rsa;
    }

    /// <summary>Enveloped XML-DSig (RSA-SHA256, exclusive C14N) with the certificate in KeyInfo.</summary>
    public static byte[] SignXml(string xml, TestIdentity signer, Action<SignedXml>? customize = null)
    {
        var doc = new XmlDocument { PreserveWhitespace = true };
        using (var reader = XmlReader.Create(new StringReader(xml), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null }))
        {
            doc.Load(reader);
        }

        using var rsa = ToRsa((RsaPrivateCrtKeyParameters)signer.PrivateKey);
        var signed = new SignedXml(doc) { SigningKey = rsa };
        signed.SignedInfo!.SignatureMethod = SignedXml.XmlDsigRSASHA256Url;
        signed.SignedInfo.CanonicalizationMethod = SignedXml.XmlDsigExcC14NTransformUrl;
        var reference = new Reference("") { DigestMethod = SignedXml.XmlDsigSHA256Url };
        reference.AddTransform(new XmlDsigEnvelopedSignatureTransform());
        reference.AddTransform(new XmlDsigExcC14NTransform());
        signed.AddReference(reference);
        var keyInfo = new KeyInfo();
#pragma warning disable SYSLIB0057
        keyInfo.AddClause(new KeyInfoX509Data(new System.Security.Cryptography.X509Certificates.X509Certificate2(signer.Der)));
#pragma warning restore SYSLIB0057
        signed.KeyInfo = keyInfo;
        customize?.Invoke(signed);
        signed.ComputeSignature();
        doc.DocumentElement!.AppendChild(doc.ImportNode(signed.GetXml(), true));
        return Encoding.UTF8.GetBytes(doc.OuterXml);
    }
}
