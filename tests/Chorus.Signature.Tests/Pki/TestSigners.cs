using System.Globalization;
using System.Text;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Cms;
using Org.BouncyCastle.Asn1.Ess;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Cms;
using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.Tsp;
using CmsAttribute = Org.BouncyCastle.Asn1.Cms.Attribute;
using CmsAttributeTable = Org.BouncyCastle.Asn1.Cms.AttributeTable;

namespace Chorus.Signature.Tests.Pki;

/// <summary>Test-only signers producing CAdES and PAdES files from the test PKI.</summary>
internal static class TestSigners
{
    /// <summary>A CMS signature (detached unless <paramref name="attached"/>), with ESS signing-certificate v2 and an optional signature timestamp.</summary>
    public static byte[] Cades(byte[] content, TestIdentity signer, DateTime signingTime, bool attached = false, DateTime? timestampAt = null, bool wrongCertDigest = false)
    {
        var pki = TestPki.Instance;
        var certHash = DigestUtilities.CalculateDigest("SHA-256", signer.Der);
        if (wrongCertDigest)
        {
            certHash[0] ^= 0xFF;
        }

        var issuerSerial = new IssuerSerial(new GeneralNames(new GeneralName(signer.Certificate.IssuerDN)), new DerInteger(signer.Certificate.SerialNumber));
        var attrs = new Asn1EncodableVector
        {
            new CmsAttribute(PkcsObjectIdentifiers.IdAASigningCertificateV2, new DerSet(new SigningCertificateV2([new EssCertIDv2(certHash, issuerSerial)]))),
            new CmsAttribute(CmsAttributes.SigningTime, new DerSet(new Org.BouncyCastle.Asn1.Cms.Time(signingTime))),
        };
        var gen = new CmsSignedDataGenerator();
        var builder = new SignerInfoGeneratorBuilder().WithSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(new CmsAttributeTable(attrs)));
        gen.AddSignerInfoGenerator(builder.Build(new Asn1SignatureFactory("SHA256WITHECDSA", signer.PrivateKey), signer.Certificate));
        gen.AddCertificate(signer.Certificate);
        gen.AddCertificate(pki.QualifiedCa.Certificate);
        var cms = gen.Generate(new CmsProcessableByteArray(content), attached);
        if (timestampAt is { } at)
        {
            var si = cms.GetSignerInfos().GetSigners().First();
            var token = Timestamp(si.GetSignature(), at);
            var unsigned = new CmsAttributeTable(new Asn1EncodableVector { new CmsAttribute(PkcsObjectIdentifiers.IdAASignatureTimeStampToken, new DerSet(Asn1Object.FromByteArray(token))) });
            var replaced = SignerInformation.ReplaceUnsignedAttributes(si, unsigned);
            cms = CmsSignedData.ReplaceSigners(cms, new SignerInformationStore(replaced));
        }

        return cms.GetEncoded();
    }

    /// <summary>An RFC 3161 token from the test TSA over SHA-256(<paramref name="imprinted"/>).</summary>
    public static byte[] Timestamp(byte[] imprinted, DateTime at)
    {
        var pki = TestPki.Instance;
        var gen = new TimeStampTokenGenerator(pki.Tsa.PrivateKey, pki.Tsa.Certificate, TspAlgorithms.Sha256, "1.2.3.4.1");
        gen.SetCertificates(Org.BouncyCastle.Utilities.Collections.CollectionUtilities.CreateStore(new[] { pki.Tsa.Certificate }));
        var reqGen = new TimeStampRequestGenerator();
        reqGen.SetCertReq(true);
        var req = reqGen.Generate(TspAlgorithms.Sha256, DigestUtilities.CalculateDigest("SHA-256", imprinted));
        return gen.Generate(req, BigInteger.One, at).GetEncoded();
    }

    /// <summary>A one-page PDF signed with a PAdES signature (ETSI.CAdES.detached) covering the whole file.</summary>
    public static byte[] Pades(TestIdentity signer, DateTime signingTime, DateTime? timestampAt = null, byte[]? body = null, bool wrongCertDigest = false, bool adbeSha1 = false)
    {
        var prefix = new StringBuilder();
        prefix.Append("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");
        var offsets = new List<int>();
        var parts = new List<byte[]>();
        var content = body ?? Encoding.ASCII.GetBytes("BT /F1 24 Tf 72 720 Td (Marche public - offre) Tj ET");
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [5 0 R] /SigFlags 3 >> >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Annots [5 0 R] >>",
            $"<< /Length {content.Length} >>\nstream\n{Encoding.Latin1.GetString(content)}\nendstream",
            "<< /FT /Sig /Type /Annot /Subtype /Widget /Rect [0 0 0 0] /T (Signature1) /V 6 0 R /P 3 0 R >>",
            "<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /" + (adbeSha1 ? "adbe.pkcs7.sha1" : "ETSI.CAdES.detached") + " /M (D:20250201000000Z) /ByteRange [0 0000000000 0000000000 0000000000] /Contents <" + new string('0', 16384) + "> >>",
        ];
        var pdf = new StringBuilder("%PDF-1.7\n");
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(Encoding.Latin1.GetByteCount(pdf.ToString()));
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = Encoding.Latin1.GetByteCount(pdf.ToString());
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var o in offsets)
        {
            pdf.Append(CultureInfo.InvariantCulture, $"{o:D10} 00000 n \n");
        }

        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        var bytes = Encoding.Latin1.GetBytes(pdf.ToString());
        return SignPrepared(bytes, signer, signingTime, timestampAt, wrongCertDigest, adbeSha1);
    }

    /// <summary>Fills the last /ByteRange placeholder and /Contents of a prepared PDF.</summary>
    private static byte[] SignPrepared(byte[] bytes, TestIdentity signer, DateTime signingTime, DateTime? timestampAt, bool wrongCertDigest, bool adbeSha1)
    {
        var text = Encoding.Latin1.GetString(bytes);
        var contents = text.LastIndexOf("/Contents <", StringComparison.Ordinal) + 10;
        var contentsEnd = text.IndexOf('>', contents) + 1;
        var br = text.LastIndexOf("/ByteRange [", StringComparison.Ordinal) + 12;
        var range = $"0 {contents:D10} {contentsEnd:D10} {bytes.Length - contentsEnd:D10}";
        Encoding.ASCII.GetBytes(range).CopyTo(bytes, br);
        var signed = bytes.AsSpan(0, contents).ToArray().Concat(bytes.AsSpan(contentsEnd).ToArray()).ToArray();
        var cms = adbeSha1
            ? Cades(DigestUtilities.CalculateDigest("SHA-1", signed), signer, signingTime, attached: true)
            : Cades(signed, signer, signingTime, timestampAt: timestampAt, wrongCertDigest: wrongCertDigest);
        var hex = Convert.ToHexString(cms);
        Encoding.ASCII.GetBytes(hex).CopyTo(bytes, contents + 1);
        return bytes;
    }

    /// <summary>Appends an incremental update adding a second page (what DSS calls a signed-pages mismatch).</summary>
    public static byte[] AppendPage(byte[] pdf)
    {
        var update = "\n7 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R 7 0 R] /Count 2 >>\nendobj\ntrailer\n<< /Size 8 /Root 1 0 R >>\n%%EOF\n";
        return [.. pdf, .. Encoding.ASCII.GetBytes(update)];
    }

    /// <summary>Appends an incremental update that only adds DSS validation data (allowed after a signature).</summary>
    public static byte[] AppendDss(byte[] pdf, byte[] certificate)
    {
        var update = $"\n8 0 obj\n<< /Length {certificate.Length} >>\nstream\n{Encoding.Latin1.GetString(certificate)}\nendstream\nendobj\n9 0 obj\n<< /Type /DSS /Certs [8 0 R] >>\nendobj\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R /DSS 9 0 R /AcroForm << /Fields [5 0 R] /SigFlags 3 >> >>\nendobj\ntrailer\n<< /Size 10 /Root 1 0 R >>\n%%EOF\n";
        return [.. pdf, .. Encoding.Latin1.GetBytes(update)];
    }
}
