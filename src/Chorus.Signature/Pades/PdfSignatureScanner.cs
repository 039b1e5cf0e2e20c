using System.Text;

namespace Chorus.Signature.Pades;

/// <summary>One signature dictionary found in the raw bytes of a PDF.</summary>
internal sealed record PdfSignatureDictionary
{
    public required int Position { get; init; }

    public long[]? ByteRange { get; init; }

    /// <summary>Offset of the '&lt;' of this dictionary's /Contents hex string, or -1.</summary>
    public int ContentsStart { get; init; } = -1;

    /// <summary>Offset just after the '&gt;' of the /Contents hex string, or -1.</summary>
    public int ContentsEnd { get; init; } = -1;

    public string? Type { get; init; }

    public string? SubFilter { get; init; }

    public string? Name { get; init; }

    public string? M { get; init; }

    public bool IsDocumentTimestamp => Type == "DocTimeStamp" || SubFilter == "ETSI.RFC3161";
}

/// <summary>
/// Minimal PDF scanning for signatures: finds every /ByteRange in the raw bytes (incremental updates included) and the
/// /Contents of the same dictionary, without parsing the document (the signed bytes are what matters, not the object
/// model a parser would rebuild).
/// </summary>
internal static class PdfSignatureScanner
{
    private static readonly byte[] ByteRangeKey = "/ByteRange"u8.ToArray();
    private static readonly byte[] ObjKeyword = "obj"u8.ToArray();
    private static readonly byte[] EndObjKeyword = "endobj"u8.ToArray();
    private static readonly byte[] EofMarker = "%%EOF"u8.ToArray();
    private const int MaxSignatures = 1000;

    public static bool LooksLikePdf(ReadOnlySpan<byte> data) =>
        data.Slice(0, Math.Min(data.Length, 1024)).IndexOf("%PDF-"u8) >= 0;

    public static List<PdfSignatureDictionary> Scan(ReadOnlySpan<byte> data)
    {
        var list = new List<PdfSignatureDictionary>();
        var from = 0;
        while (list.Count < MaxSignatures)
        {
            var i = data.Slice(from).IndexOf(ByteRangeKey);
            if (i < 0)
            {
                break;
            }

            var pos = from + i;
            from = pos + ByteRangeKey.Length;
            list.Add(Read(data, pos));
        }

        return list;
    }

    private static PdfSignatureDictionary Read(ReadOnlySpan<byte> data, int pos)
    {
        var byteRange = ParseArray(data, pos + ByteRangeKey.Length);

        // The dictionary's object: from the last "obj" before to the first "endobj" after (a hex string cannot hold either).
        var objStart = data.Slice(0, pos).LastIndexOf(ObjKeyword);
        objStart = objStart < 0 ? 0 : objStart;
        var endRel = data.Slice(pos).IndexOf(EndObjKeyword);
        var objEnd = endRel < 0 ? data.Length : pos + endRel;
        var window = data.Slice(objStart, objEnd - objStart);
        int cStart = -1, cEnd = -1;
        var key = window.IndexOf("/Contents"u8);
        while (key >= 0)
        {
            var p = key + 9;
            while (p < window.Length && IsWhite(window[p]))
            {
                p++;
            }

            if (p < window.Length && window[p] == (byte)'<')
            {
                var close = window.Slice(p).IndexOf((byte)'>');
                if (close > 0)
                {
                    cStart = objStart + p;
                    cEnd = objStart + p + close + 1;
                }

                break;
            }

            var next = window.Slice(key + 9).IndexOf("/Contents"u8);
            key = next < 0 ? -1 : key + 9 + next;
        }

        // Keys other than /Contents, read outside the hex string.
        var before = cStart >= 0 ? data.Slice(objStart, cStart - objStart) : window;
        var after = cEnd >= 0 && cEnd < objEnd ? data.Slice(cEnd, objEnd - cEnd) : default;
        return new PdfSignatureDictionary
        {
            Position = pos,
            ByteRange = byteRange,
            ContentsStart = cStart,
            ContentsEnd = cEnd,
            Type = NameValue(before, after, "/Type"u8),
            SubFilter = NameValue(before, after, "/SubFilter"u8),
            Name = StringValue(before, after, "/Name"u8),
            M = StringValue(before, after, "/M"u8),
        };
    }

    private static long[]? ParseArray(ReadOnlySpan<byte> data, int p)
    {
        while (p < data.Length && IsWhite(data[p]))
        {
            p++;
        }

        if (p >= data.Length || data[p] != (byte)'[')
        {
            return null;
        }

        p++;
        var values = new List<long>(4);
        while (p < data.Length && values.Count <= 8)
        {
            while (p < data.Length && IsWhite(data[p]))
            {
                p++;
            }

            if (p >= data.Length)
            {
                return null;
            }

            if (data[p] == (byte)']')
            {
                return [.. values];
            }

            var negative = false;
            if (data[p] == (byte)'-')
            {
                negative = true;
                p++;
            }

            long v = 0;
            var digits = 0;
            while (p < data.Length && data[p] >= (byte)'0' && data[p] <= (byte)'9' && digits < 15)
            {
                v = (v * 10) + (data[p] - '0');
                p++;
                digits++;
            }

            if (digits == 0)
            {
                return null;
            }

            values.Add(negative ? -v : v);
        }

        return null;
    }

    private static string? NameValue(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, ReadOnlySpan<byte> key) =>
        NameValue(a, key) ?? NameValue(b, key);

    private static string? NameValue(ReadOnlySpan<byte> s, ReadOnlySpan<byte> key)
    {
        var i = FindKey(s, key);
        if (i < 0)
        {
            return null;
        }

        var p = i + key.Length;
        while (p < s.Length && IsWhite(s[p]))
        {
            p++;
        }

        if (p >= s.Length || s[p] != (byte)'/')
        {
            return null;
        }

        var start = ++p;
        while (p < s.Length && !IsWhite(s[p]) && !IsDelimiter(s[p]))
        {
            p++;
        }

        return Encoding.ASCII.GetString(s.Slice(start, p - start).ToArray());
    }

    private static string? StringValue(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, ReadOnlySpan<byte> key) =>
        StringValue(a, key) ?? StringValue(b, key);

    private static string? StringValue(ReadOnlySpan<byte> s, ReadOnlySpan<byte> key)
    {
        var i = FindKey(s, key);
        if (i < 0)
        {
            return null;
        }

        var p = i + key.Length;
        while (p < s.Length && IsWhite(s[p]))
        {
            p++;
        }

        if (p >= s.Length || s[p] != (byte)'(')
        {
            return null;
        }

        var sb = new StringBuilder();
        var depth = 1;
        p++;
        while (p < s.Length && sb.Length < 1024)
        {
            var c = s[p++];
            if (c == (byte)'\\' && p < s.Length)
            {
                sb.Append((char)s[p++]);
                continue;
            }

            if (c == (byte)'(')
            {
                depth++;
            }
            else if (c == (byte)')' && --depth == 0)
            {
                break;
            }

            sb.Append((char)c);
        }

        return sb.ToString();
    }

    /// <summary>A key followed by a delimiter or whitespace (so /M does not match /MDP).</summary>
    private static int FindKey(ReadOnlySpan<byte> s, ReadOnlySpan<byte> key)
    {
        var from = 0;
        while (true)
        {
            var i = s.Slice(from).IndexOf(key);
            if (i < 0)
            {
                return -1;
            }

            var end = from + i + key.Length;
            if (end >= s.Length || IsWhite(s[end]) || IsDelimiter(s[end]))
            {
                return from + i;
            }

            from = end;
        }
    }

    /// <summary>Offsets where each revision ends: after each %%EOF and its end-of-line.</summary>
    public static List<long> RevisionEnds(ReadOnlySpan<byte> data)
    {
        var ends = new List<long>();
        var from = 0;
        while (ends.Count < 100_000)
        {
            var i = data.Slice(from).IndexOf(EofMarker);
            if (i < 0)
            {
                break;
            }

            var p = from + i + EofMarker.Length;
            if (p < data.Length && data[p] == (byte)'\r')
            {
                p++;
            }

            if (p < data.Length && data[p] == (byte)'\n')
            {
                p++;
            }

            ends.Add(p);
            from = p;
        }

        return ends;
    }

    internal static bool IsWhite(byte b) => b is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t' or (byte)'\f' or 0;

    internal static bool IsDelimiter(byte b) => b is (byte)'/' or (byte)'[' or (byte)']' or (byte)'<' or (byte)'>' or (byte)'(' or (byte)')' or (byte)'{' or (byte)'}' or (byte)'%';

    /// <summary>Decodes the hex string between '&lt;' and '&gt;'; null if a character is not hex or whitespace.</summary>
    public static byte[]? DecodeHex(ReadOnlySpan<byte> hex)
    {
        var result = new byte[(hex.Length / 2) + 1];
        int n = 0, high = -1;
        foreach (var c in hex)
        {
            if (IsWhite(c))
            {
                continue;
            }

            var v = c switch
            {
                >= (byte)'0' and <= (byte)'9' => c - '0',
                >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
                >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
                _ => -1,
            };
            if (v < 0)
            {
                return null;
            }

            if (high < 0)
            {
                high = v;
            }
            else
            {
                result[n++] = (byte)((high << 4) | v);
                high = -1;
            }
        }

        if (high >= 0)
        {
            result[n++] = (byte)(high << 4);
        }

        Array.Resize(ref result, n);
        return result;
    }
}
