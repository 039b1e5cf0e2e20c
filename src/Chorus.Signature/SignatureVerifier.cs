using System.Text;
using Chorus.Signature.Cades;
using Chorus.Signature.Internal;
using Chorus.Signature.Pades;
using Chorus.Signature.Trust;
using Chorus.Signature.Xades;

namespace Chorus.Signature;

/// <summary>
/// Verifies the signatures of a file (PAdES, CAdES or XAdES, detected from its bytes) as French public procurement
/// requires: integrity, signature value, signing certificate, chain to a trust anchor, revocation, validity at the
/// signing time (or its proof of existence), qualification level. Thread-safe; holds only its options.
/// </summary>
public sealed class SignatureVerifier
{
    private readonly VerificationOptions options;

    /// <summary>Creates a verifier with options (default: no trust anchor, current time).</summary>
    public SignatureVerifier(VerificationOptions? options = null) => this.options = options ?? new VerificationOptions();

    /// <summary>The format of a signed file from its first bytes, or null when it is none of PDF, CMS or XML.</summary>
    public static SignatureFormat? DetectFormat(ReadOnlySpan<byte> data)
    {
        if (PdfSignatureScanner.LooksLikePdf(data))
        {
            return SignatureFormat.PAdES;
        }

        var p = 0;
        if (data.Length >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF)
        {
            p = 3;
        }

        while (p < data.Length && PdfSignatureScanner.IsWhite(data[p]))
        {
            p++;
        }

        if (p < data.Length && data[p] == (byte)'<')
        {
            return SignatureFormat.XAdES;
        }

        if (data.Length > 0 && data[0] == 0x30)
        {
            return SignatureFormat.CAdES;
        }

        if (p < data.Length && data.Slice(p).StartsWith("-----BEGIN"u8))
        {
            return SignatureFormat.CAdES;
        }

        // Bare base64 of a CMS (some .p7m files): "MI" is the base64 of a DER SEQUENCE with a long length.
        return data.Length - p > 16 && data[p] == (byte)'M' && data[p + 1] == (byte)'I' && IsBase64(data.Slice(p, Math.Min(256, data.Length - p))) ? SignatureFormat.CAdES : null;
    }

    private static bool IsBase64(ReadOnlySpan<byte> s)
    {
        foreach (var b in s)
        {
            if (!(b is >= (byte)'A' and <= (byte)'Z' or >= (byte)'a' and <= (byte)'z' or >= (byte)'0' and <= (byte)'9' or (byte)'+' or (byte)'/' or (byte)'=' or (byte)'\r' or (byte)'\n'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Verifies a file read by the caller.</summary>
    /// <param name="document">The whole file.</param>
    /// <param name="fileName">Its name, for the report.</param>
    /// <exception cref="SignatureFormatException">The bytes are not a PDF, a CMS signature or an XML signature at all.</exception>
    public VerificationReport Verify(byte[] document, string? fileName = null)
    {
        Guard.NotNull(document, nameof(document));
        if (document.LongLength > options.MaxInputBytes)
        {
            throw new SignatureFormatException($"input of {document.LongLength} bytes is larger than the limit of {options.MaxInputBytes}");
        }

        var now = options.TimeProvider.GetUtcNow();
        var format = DetectFormat(document) ?? throw new SignatureFormatException("not a PDF, a CMS (.p7s/.p7m) or an XML signature", "byte 0");
        var findings = format switch
        {
            SignatureFormat.PAdES => PadesVerifier.Verify(document),
            SignatureFormat.CAdES => CadesVerifier.Verify(CmsBytes(document), Detached()),
            _ => XadesVerifier.Verify(document, options.Detached),
        };

        foreach (var f in findings)
        {
            foreach (var crl in options.Crls)
            {
                if (RevocationData.ReadCrl(crl) is { } c)
                {
                    f.Crls.Add(c);
                }
            }

            foreach (var o in options.OcspResponses)
            {
                if (RevocationData.ReadOcsp(o) is { } r)
                {
                    f.Ocsps.Add(r);
                }
            }
        }

        var results = findings.Select(f => SignatureAssessor.Assess(f, options, now)).ToList();
        var reasons = new List<string>();
        Verdict verdict;
        if (results.Count == 0)
        {
            verdict = Verdict.Invalid;
            reasons.Add("FORMAT_FAILURE: no signature found in the file");
        }
        else if (results.Exists(r => r.Verdict == Verdict.Invalid))
        {
            verdict = Verdict.Invalid;
        }
        else
        {
            verdict = results.Exists(r => r.Verdict == Verdict.Indeterminate) ? Verdict.Indeterminate : Verdict.Valid;
        }

        if (results.Count > 0 && results.TrueForAll(r => r.IsDocumentTimestamp))
        {
            verdict = verdict == Verdict.Valid ? Verdict.Invalid : verdict;
            reasons.Add("FORMAT_FAILURE: the file holds document timestamps but no signature");
        }

        return new VerificationReport
        {
            FileName = fileName,
            Format = format,
            DocumentSha256 = options.ComputeDocumentDigest ? SignatureAssessor.Hex(Hashing.Compute("2.16.840.1.101.3.4.2.1", document)!) : null,
            ValidationTime = options.ValidationTime ?? now,
            Signatures = results,
            Verdict = verdict,
            Reasons = reasons,
        };
    }

    /// <summary>Verifies a file from a stream (read whole, up to <see cref="VerificationOptions.MaxInputBytes"/>).</summary>
    /// <exception cref="SignatureFormatException">Not a signed file, or too large.</exception>
    public VerificationReport Verify(Stream document, string? fileName = null)
    {
        Guard.NotNull(document, nameof(document));
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int n;
        while ((n = document.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + n > options.MaxInputBytes)
            {
                throw new SignatureFormatException($"input larger than the limit of {options.MaxInputBytes} bytes");
            }

            buffer.Write(chunk, 0, n);
        }

        return Verify(buffer.ToArray(), fileName);
    }

    private byte[]? Detached() => options.Detached.Count > 0 ? options.Detached[0].Content : null;

    /// <summary>DER as is; PEM (-----BEGIN PKCS7----- / CMS) decoded.</summary>
    private static byte[] CmsBytes(byte[] document)
    {
        if (document[0] == 0x30)
        {
            return document;
        }

        var text = Encoding.ASCII.GetString(document);
        if (text.IndexOf("-----BEGIN", StringComparison.Ordinal) < 0)
        {
            try
            {
                return Convert.FromBase64String(text.Trim());
            }
            catch (FormatException ex)
            {
                throw new SignatureFormatException("base64 CMS cannot be decoded", ex);
            }
        }

        var start = text.IndexOf('\n', text.IndexOf("-----BEGIN", StringComparison.Ordinal));
        var end = text.IndexOf("-----END", StringComparison.Ordinal);
        if (start < 0 || end < start)
        {
            throw new SignatureFormatException("PEM without an END line");
        }

        try
        {
            return Convert.FromBase64String(text.Substring(start, end - start));
        }
        catch (FormatException ex)
        {
            throw new SignatureFormatException("PEM body is not base64", ex);
        }
    }
}
