using Chorus.Signature.Cades;
using Chorus.Signature.Internal;

namespace Chorus.Signature.Pades;

/// <summary>PAdES: every /ByteRange signature and document timestamp of a PDF, incremental updates included.</summary>
internal static class PadesVerifier
{
    public static List<CryptoFindings> Verify(ReadOnlyMemory<byte> pdf)
    {
        var data = pdf.Span;
        var dictionaries = PdfSignatureScanner.Scan(data);
        // A DSS is added after signatures (LT/LTA): look for it only after the earliest signed revision, which for a
        // single signature covering the whole file is nothing (no extra pass over a large file).
        var fileLength = data.Length;
        var firstEnd = dictionaries.Select(d => d.ByteRange is { Length: 4 } br && br[2] + br[3] <= fileLength && br[2] + br[3] > 0 ? (int)(br[2] + br[3]) : 0).DefaultIfEmpty(0).Min();
        var dss = dictionaries.Count > 0 && firstEnd < data.Length ? PdfDssReader.Read(data, firstEnd) : null;
        List<long>? revisionEnds = null;
        var results = new List<CryptoFindings>(dictionaries.Count);
        foreach (var d in dictionaries)
        {
            var f = new CryptoFindings { Format = SignatureFormat.PAdES, IsDocumentTimestamp = d.IsDocumentTimestamp, SubFilter = d.SubFilter, ClaimedSignerName = d.Name };
            f.ClaimedSigningTime = PdfDate(d.M);
            results.Add(f);
            var br = d.ByteRange;
            if (!SaneByteRange(br, data.Length, out var why))
            {
                f.Intact = false;
                f.FormatFailures.Add((SubIndication.FormatFailure, why));
                f.Check("BYTE_RANGE", CheckStatus.Failed, why);
                continue;
            }

            int a = (int)br![1], b = (int)br[2], end = (int)(br[2] + br[3]);
            if (d.ContentsStart != a || d.ContentsEnd != b)
            {
                const string gap = "the /ByteRange gap is not exactly this signature's /Contents string";
                f.FormatFailures.Add((SubIndication.FormatFailure, gap));
                f.Check("BYTE_RANGE", CheckStatus.Failed, gap);
            }
            else
            {
                f.Check("BYTE_RANGE", CheckStatus.Passed, $"[0 {br[1]} {br[2]} {br[3]}]: starts at 0, the gap is the /Contents string, inside the file");
            }

            // Coverage: the whole file, or a revision followed only by later signatures / validation data.
            if (end == data.Length)
            {
                f.CoversWholeDocument = true;
                f.Check("COVERAGE", CheckStatus.Passed, "the signature covers the whole file");
            }
            else
            {
                f.CoversWholeDocument = false;
                revisionEnds ??= PdfSignatureScanner.RevisionEnds(data);
                if (!revisionEnds.Contains(end))
                {
                    var msg = $"non-standard coverage: the signed bytes end at {end}, not at the end of a revision (file length {data.Length})";
                    f.FormatFailures.Add((SubIndication.FormatFailure, msg));
                    f.Check("COVERAGE", CheckStatus.Failed, msg);
                }
                else
                {
                    var analysis = PdfUpdateAnalyzer.Analyze(data, end);
                    var appended = data.Length - end;
                    switch (analysis.Kind)
                    {
                        case UpdateKind.Other:
                            f.ModificationsAfter = "modified after signing: " + string.Join(", ", analysis.Details.Take(5));
                            f.FormatFailures.Add((SubIndication.FormatFailure, "the document was changed after signing (" + string.Join(", ", analysis.Details.Take(5)) + ")"));
                            f.Check("COVERAGE", CheckStatus.Failed, $"{appended} bytes appended after the signed revision change the document: " + string.Join(", ", analysis.Details.Take(5)));
                            break;
                        case UpdateKind.Annotations:
                            f.ModificationsAfter = "annotations or form fields: " + string.Join(", ", analysis.Details.Take(5));
                            f.Warnings.Add("annotations or form fields were added or changed after signing");
                            f.Check("COVERAGE", CheckStatus.Info, $"{appended} bytes appended after the signed revision: annotations or form fields only");
                            break;
                        default:
                            f.ModificationsAfter = "later signatures, timestamps or validation data only";
                            f.Check("COVERAGE", CheckStatus.Passed, $"{appended} bytes appended after the signed revision: later signatures, timestamps or validation data only");
                            break;
                    }
                }
            }

            if (d.ContentsStart < 0 || d.ContentsEnd <= d.ContentsStart + 1)
            {
                f.Intact = false;
                f.FormatFailures.Add((SubIndication.FormatFailure, "no /Contents hex string in the signature dictionary"));
                continue;
            }

            var hex = PdfSignatureScanner.DecodeHex(data.Slice(d.ContentsStart + 1, d.ContentsEnd - d.ContentsStart - 2));
            var length = hex is null ? -1 : CmsVerifier.FirstElementLength(hex);
            if (length <= 0)
            {
                f.Intact = false;
                f.FormatFailures.Add((SubIndication.FormatFailure, "/Contents is not a hex-encoded CMS structure"));
                f.Check("CMS", CheckStatus.Failed, "/Contents is not a hex-encoded CMS structure");
                continue;
            }

            var cms = hex!.AsSpan(0, length).ToArray();
            var covered = pdf;
            ContentSource ranges = sink =>
            {
                // Streamed over the original bytes: no copy of the file.
                sink(covered.Span.Slice(0, a));
                sink(covered.Span.Slice(b, end - b));
            };
            try
            {
                var v = CmsVerifier.Verify(cms, d.IsDocumentTimestamp ? null : ranges);
                var s = v.Signers[0];
                CadesVerifier.Absorb(f, v, s);
                AddDss(f, dss);
                if (d.IsDocumentTimestamp)
                {
                    DocumentTimestamp(f, s, ranges);
                }
                else
                {
                    f.SigningCertificateReferenceRequired = d.SubFilter is "ETSI.CAdES.detached";
                    if (v.Content is { } encapsulated)
                    {
                        // adbe.pkcs7.sha1: the CMS signs SHA-1(byte ranges), carried as encapsulated content.
                        using var sha1 = Hashing.Create("1.3.14.3.2.26")!;
                        ranges(chunk => sha1.Append(chunk));
                        var ok = sha1.Finish().AsSpan().SequenceEqual(encapsulated);
                        f.Intact = f.Intact == true && ok;
                        f.Check("ENCAPSULATED_DIGEST", ok ? CheckStatus.Passed : CheckStatus.Failed, ok ? "the encapsulated SHA-1 matches the signed bytes (adbe.pkcs7.sha1)" : "the encapsulated content is not the SHA-1 of the signed bytes");
                    }
                }
            }
            catch (SignatureFormatException ex)
            {
                f.Intact = false;
                f.FormatFailures.Add((SubIndication.FormatFailure, ex.Message));
                f.Check("CMS", CheckStatus.Failed, ex.Message);
            }
        }

        return results;
    }

    /// <summary>DSS certificates, CRLs and OCSP responses complete the chain and revocation data of every signature.</summary>
    private static void AddDss(CryptoFindings f, PdfDssReader.DssData? dss)
    {
        if (dss is null)
        {
            return;
        }

        foreach (var c in dss.Certificates)
        {
            f.Certificates.AddRange(CertificateLoader.ReadAll(c));
        }

        foreach (var c in dss.Crls)
        {
            if (Trust.RevocationData.ReadCrl(c) is { } crl)
            {
                f.Crls.Add(crl);
            }
        }

        foreach (var o in dss.Ocsps)
        {
            if (Trust.RevocationData.ReadOcsp(o) is { } ocsp)
            {
                f.Ocsps.Add(ocsp);
            }
        }
    }

    private static void DocumentTimestamp(CryptoFindings f, CmsSignerOutcome s, ContentSource ranges)
    {
        if (s.TstInfo is not { } tst)
        {
            f.Intact = false;
            f.FormatFailures.Add((SubIndication.FormatFailure, "document timestamp without TSTInfo"));
            return;
        }

        using var h = Hashing.Create(tst.MessageImprint.HashAlgorithm.Algorithm.Id);
        if (h is null)
        {
            f.Intact = false;
            f.Indeterminate.Add((SubIndication.CryptoConstraintsFailureNoPoe, "unsupported message imprint algorithm"));
            return;
        }

        ranges(chunk => h.Append(chunk));
        var digest = h.Finish();
        var imprintOk = digest.AsSpan().SequenceEqual(tst.MessageImprint.GetHashedMessage());
        f.Intact = imprintOk && s.DigestMatches == true;
        f.DigestAlgorithm = Hashing.Name(tst.MessageImprint.HashAlgorithm.Algorithm.Id);
        f.SignedDataDigest = digest;
        f.OwnTime = CmsVerifier.TimestampFrom(tst, imprintOk, s).GenTime;
        f.Check("MESSAGE_IMPRINT", imprintOk ? CheckStatus.Passed : CheckStatus.Failed, imprintOk ? "the timestamp's message imprint matches the signed bytes" : "the timestamp's message imprint does not match the signed bytes");
    }

    private static bool SaneByteRange(long[]? br, int fileLength, out string why)
    {
        why = "";
        if (br is null || br.Length != 4)
        {
            why = "the /ByteRange is not an array of 4 integers";
            return false;
        }

        if (br[0] != 0)
        {
            why = "the /ByteRange does not start at 0";
            return false;
        }

        if (br[1] <= 0 || br[2] < br[1] + 2 || br[3] < 0)
        {
            why = "the /ByteRange ranges are negative, empty or overlapping";
            return false;
        }

        if (br[2] + br[3] > fileLength || br[2] > fileLength)
        {
            why = $"the /ByteRange runs past the end of the file ({br[2] + br[3]} > {fileLength} bytes)";
            return false;
        }

        return true;
    }

    /// <summary>PDF date (D:YYYYMMDDHHmmSSOHH'mm'), or null.</summary>
    internal static DateTimeOffset? PdfDate(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var s = text.StartsWith("D:", StringComparison.Ordinal) ? text.Substring(2) : text;
        static int Part(string s, int i, int n, int dflt)
        {
            if (s.Length < i + n)
            {
                return dflt;
            }

            var v = 0;
            for (var k = i; k < i + n; k++)
            {
                if (s[k] < '0' || s[k] > '9')
                {
                    return dflt;
                }

                v = (v * 10) + (s[k] - '0');
            }

            return v;
        }

        try
        {
            var local = new DateTime(Part(s, 0, 4, 1), Part(s, 4, 2, 1), Part(s, 6, 2, 1), Part(s, 8, 2, 0), Part(s, 10, 2, 0), Part(s, 12, 2, 0), DateTimeKind.Unspecified);
            var offset = TimeSpan.Zero;
            if (s.Length > 14 && (s[14] == '+' || s[14] == '-'))
            {
                offset = new TimeSpan(Part(s, 15, 2, 0), Part(s, 18, 2, 0), 0);
                if (s[14] == '-')
                {
                    offset = -offset;
                }
            }

            return new DateTimeOffset(local, offset).ToUniversalTime();
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }
}
