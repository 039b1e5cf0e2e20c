using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using Chorus.Signature;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Cms;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;

namespace Chorus.Benchmarks.Signature;

/// <summary>
/// Verifying a single-signature PAdES file must cost little more than hashing it: the ranges are streamed over the
/// original bytes (no copy), the /ByteRange is found with a vectorized search. Target: ≥ 80% of a bare SHA-256's throughput.
/// </summary>
[MemoryDiagnoser]
public class PadesVerifyBenchmarks
{
    private byte[] pdf = [];
    private SignatureVerifier verifier = null!;

    [Params(1, 10)]
    public int SizeMegabytes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        pdf = SignedPdf(SizeMegabytes * 1024 * 1024);
        verifier = new SignatureVerifier(new VerificationOptions { ComputeDocumentDigest = false, ValidationTime = new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero) });
        var check = verifier.Verify(pdf).Signatures[0];
        if (!check.Intact || !check.SignatureValueValid || check.CoversWholeDocument != true)
        {
            throw new InvalidOperationException("the generated PDF does not verify");
        }
    }

    /// <summary>What a user would compare with: one SHA-256 over the same bytes (platform implementation).</summary>
    [Benchmark(Baseline = true)]
    public byte[] BareSha256() => SHA256.HashData(pdf);

    [Benchmark]
    public Verdict VerifyPades() => verifier.Verify(pdf).Verdict;

    /// <summary>A PDF of about <paramref name="size"/> bytes (one binary content stream), signed ETSI.CAdES.detached over the whole file.</summary>
    internal static byte[] SignedPdf(int size)
    {
        var random = new SecureRandom();
        var g = new ECKeyPairGenerator();
        g.Init(new ECKeyGenerationParameters(Org.BouncyCastle.Asn1.Sec.SecObjectIdentifiers.SecP256r1, random));
        var pair = g.GenerateKeyPair();
        var certGen = new X509V3CertificateGenerator();
        certGen.SetSerialNumber(BigInteger.One);
        certGen.SetSubjectDN(new X509Name("CN=Benchmark Signer"));
        certGen.SetIssuerDN(new X509Name("CN=Benchmark Signer"));
        certGen.SetNotBefore(new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        certGen.SetNotAfter(new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        certGen.SetPublicKey(pair.Public);
        var cert = certGen.Generate(new Asn1SignatureFactory("SHA256WITHECDSA", pair.Private, random));

        var filler = new byte[size];
        RandomNumberGenerator.Fill(filler);
        var head = Encoding.ASCII.GetBytes($"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>\nendobj\n4 0 obj\n<< /Length {size} >>\nstream\n");
        var sig = Encoding.ASCII.GetBytes("\nendstream\nendobj\n5 0 obj\n<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached /ByteRange [0 0000000000 0000000000 0000000000] /Contents <" + new string('0', 8192) + "> >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");
        var bytes = new byte[head.Length + filler.Length + sig.Length];
        head.CopyTo(bytes, 0);
        filler.CopyTo(bytes, head.Length);
        sig.CopyTo(bytes, head.Length + filler.Length);

        var text = Encoding.Latin1.GetString(bytes, head.Length + filler.Length, sig.Length);
        var contents = head.Length + filler.Length + text.IndexOf("/Contents <", StringComparison.Ordinal) + 10;
        var contentsEnd = contents + 8194;
        var br = head.Length + filler.Length + text.IndexOf("/ByteRange [", StringComparison.Ordinal) + 12;
        Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"0 {contents:D10} {contentsEnd:D10} {bytes.Length - contentsEnd:D10}")).CopyTo(bytes, br);
        var signed = new byte[contents + (bytes.Length - contentsEnd)];
        Array.Copy(bytes, 0, signed, 0, contents);
        Array.Copy(bytes, contentsEnd, signed, contents, bytes.Length - contentsEnd);

        var gen = new CmsSignedDataGenerator();
        gen.AddSigner(pair.Private, cert, CmsSignedGenerator.DigestSha256);
        gen.AddCertificate(cert);
        var cms = gen.Generate(new CmsProcessableByteArray(signed), false).GetEncoded();
        Encoding.ASCII.GetBytes(Convert.ToHexString(cms)).CopyTo(bytes, contents + 1);
        return bytes;
    }
}
