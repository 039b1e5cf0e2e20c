using System.IO.Compression;
using System.Text;
using Chorus.Signature.Internal;

namespace Chorus.Signature.Pades;

/// <summary>
/// Validation data of the PDF Document Security Store (ETSI EN 319 142-1 5.4.2, /DSS with /Certs, /CRLs, /OCSPs):
/// the streams are read from the raw bytes (latest definition of each object), inflated when /FlateDecode, bounded.
/// </summary>
internal static class PdfDssReader
{
    private const int MaxItems = 500;
    private const int MaxStream = 8 * 1024 * 1024;

    internal sealed record DssData(List<byte[]> Certificates, List<byte[]> Crls, List<byte[]> Ocsps);

    public static DssData Read(ReadOnlySpan<byte> pdf) => Read(pdf, 0);

    /// <summary>Reads the DSS whose catalog reference appears at or after <paramref name="from"/>.</summary>
    public static DssData Read(ReadOnlySpan<byte> pdf, int from)
    {
        var result = new DssData([], [], []);
        // The catalog's /DSS reference (the dictionary itself need not say /Type /DSS).
        var (start, end) = (-1, -1);
        var tailKey = pdf.Slice(from).LastIndexOf("/DSS"u8);
        var dssKey = tailKey < 0 ? -1 : from + tailKey;
        if (dssKey >= 0 && ReferenceAfter(pdf, dssKey + 4) is { } number && ObjectBody(pdf, number) is { } body)
        {
            (start, end) = body;
        }
        else
        {
            var tailAt = pdf.Slice(from).LastIndexOf("/Type /DSS"u8);
            var at = tailAt < 0 ? -1 : from + tailAt;
            var endRel = at < 0 ? -1 : pdf.Slice(at).IndexOf("endobj"u8);
            if (at < 0 || endRel < 0)
            {
                return result;
            }

            (start, end) = (Math.Max(0, pdf.Slice(0, at).LastIndexOf("obj"u8)), at + endRel);
        }

        if (start < 0 || end <= start)
        {
            return result;
        }

        var dict = Encoding.ASCII.GetString(pdf.Slice(start, Math.Min(end - start, 1 << 20)).ToArray());
        Collect(pdf, dict, "/Certs", result.Certificates);
        Collect(pdf, dict, "/CRLs", result.Crls);
        Collect(pdf, dict, "/OCSPs", result.Ocsps);
        return result;
    }

    private static void Collect(ReadOnlySpan<byte> pdf, string dict, string key, List<byte[]> into)
    {
        var k = dict.IndexOf(key, StringComparison.Ordinal);
        if (k < 0)
        {
            return;
        }

        var open = dict.IndexOf('[', k);
        var close = open < 0 ? -1 : dict.IndexOf(']', open);
        if (open < 0 || close < 0)
        {
            return;
        }

        var tokens = dict.Substring(open + 1, close - open - 1).Split([' ', '\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i + 2 < tokens.Length && into.Count < MaxItems; i += 3)
        {
            if (tokens[i + 2] == "R" && int.TryParse(tokens[i], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) && StreamOf(pdf, number) is { } bytes)
            {
                into.Add(bytes);
            }
        }
    }

    /// <summary>"N G R" after an offset (whitespace allowed), or null.</summary>
    private static int? ReferenceAfter(ReadOnlySpan<byte> pdf, int p)
    {
        var text = Encoding.ASCII.GetString(pdf.Slice(p, Math.Min(32, pdf.Length - p)).ToArray()).TrimStart();
        var parts = text.Split([' ', '\r', '\n', '\t', '/', '>'], StringSplitOptions.RemoveEmptyEntries);
        return parts.Length >= 3 && parts[2][0] == 'R' && int.TryParse(parts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
    }

    /// <summary>Start and end of the latest "N 0 obj … endobj" body.</summary>
    private static (int Start, int End)? ObjectBody(ReadOnlySpan<byte> pdf, int number)
    {
        var header = Encoding.ASCII.GetBytes(number.ToString(System.Globalization.CultureInfo.InvariantCulture) + " 0 obj");
        var from = pdf.Length;
        while (from > 0)
        {
            var at = pdf.Slice(0, from).LastIndexOf(header);
            if (at < 0)
            {
                return null;
            }

            from = at;
            if (at > 0 && !PdfSignatureScanner.IsWhite(pdf[at - 1]))
            {
                continue;
            }

            var endRel = pdf.Slice(at).IndexOf("endobj"u8);
            return endRel < 0 ? null : (at + header.Length, at + endRel);
        }

        return null;
    }

    private static byte[]? StreamOf(ReadOnlySpan<byte> pdf, int number)
    {
        var header = Encoding.ASCII.GetBytes(number.ToString(System.Globalization.CultureInfo.InvariantCulture) + " 0 obj");
        var from = pdf.Length;
        while (from > 0)
        {
            var at = pdf.Slice(0, from).LastIndexOf(header);
            if (at < 0)
            {
                return null;
            }

            from = at;
            if (at > 0 && !PdfSignatureScanner.IsWhite(pdf[at - 1]))
            {
                continue; // "12 0 obj" matched inside "112 0 obj"
            }

            var body = pdf.Slice(at + header.Length);
            var streamAt = body.IndexOf("stream"u8);
            var endObj = body.IndexOf("endobj"u8);
            if (streamAt < 0 || (endObj >= 0 && endObj < streamAt))
            {
                return null;
            }

            var dict = Encoding.ASCII.GetString(body.Slice(0, streamAt).ToArray());
            var p = streamAt + 6;
            if (p < body.Length && body[p] == (byte)'\r')
            {
                p++;
            }

            if (p < body.Length && body[p] == (byte)'\n')
            {
                p++;
            }

            var length = LengthOf(dict);
            if (length is null || length < 0 || length > MaxStream || p + length > body.Length)
            {
                return null;
            }

            var raw = body.Slice(p, length.Value).ToArray();
            return Guard.ContainsOrdinal(dict, "/FlateDecode") ? Inflate(raw) : raw;
        }

        return null;
    }

    private static int? LengthOf(string dict)
    {
        var k = dict.IndexOf("/Length", StringComparison.Ordinal);
        if (k < 0)
        {
            return null;
        }

        var p = k + 7;
        while (p < dict.Length && dict[p] == ' ')
        {
            p++;
        }

        var s = p;
        while (p < dict.Length && char.IsDigit(dict[p]))
        {
            p++;
        }

        // An indirect length ("12 0 R") is not resolved: that stream is skipped.
        var rest = dict.Substring(p).TrimStart();
        if (p == s || rest.Length > 2 && char.IsDigit(rest[0]) && Guard.ContainsOrdinal(rest.Substring(0, Math.Min(rest.Length, 12)), " R"))
        {
            return null;
        }

        long n = 0;
        for (var i = s; i < p && n <= int.MaxValue; i++)
        {
            n = (n * 10) + (dict[i] - '0');
        }

        return n <= int.MaxValue ? (int)n : null;
    }

    private static byte[]? Inflate(byte[] raw)
    {
        if (raw.Length < 3)
        {
            return null;
        }

        try
        {
            // zlib: 2-byte header, then raw deflate.
            using var input = new MemoryStream(raw, 2, raw.Length - 2);
            using var deflate = new DeflateStream(input, CompressionMode.Decompress);
            using var output = new MemoryStream();
            var buffer = new byte[16384];
            int n;
            while ((n = deflate.Read(buffer, 0, buffer.Length)) > 0)
            {
                if (output.Length + n > MaxStream)
                {
                    return null; // decompression bomb
                }

                output.Write(buffer, 0, n);
            }

            return output.ToArray();
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }
}
