using System.IO.Compression;

namespace Chorus.Invoicing.Pdf.Internal;

/// <summary>
/// Decodes stream data (§7.4): FlateDecode with PNG/TIFF predictors, ASCIIHexDecode, ASCII85Decode, with a cap on the
/// decoded size so that a decompression bomb stops at the cap instead of filling memory.
/// </summary>
internal static class StreamDecoder
{
    public static byte[] Decode(PdfStream stream, Func<PdfObject?, PdfObject?> resolve, int maxBytes, string where)
    {
        var filters = resolve(stream.Dictionary["Filter"]);
        var parms = resolve(stream.Dictionary["DecodeParms"]);
        byte[] data = stream.RawSpan.ToArray();
        if (filters is null or PdfNull)
        {
            return data;
        }

        var list = filters is PdfArray a ? a.Items : [filters];
        for (var i = 0; i < list.Count; i++)
        {
            var name = resolve(list[i]) is PdfName n ? n.Value : throw new PdfFormatException("filter is not a name", -1, where);
            var p = parms is PdfArray pa ? (i < pa.Count ? resolve(pa[i]) : null) : parms;
            data = name switch
            {
                "FlateDecode" or "Fl" => Predict(Inflate(data, maxBytes, where), p as PdfDictionary, resolve, where),
                "ASCIIHexDecode" or "AHx" => AsciiHex(data),
                "ASCII85Decode" or "A85" => Ascii85(data, where),
                _ => throw new PdfFormatException($"unsupported filter /{name}", -1, where),
            };
            if (data.Length > maxBytes)
            {
                throw new PdfFormatException($"decoded stream larger than the {maxBytes:N0}-byte cap", -1, where);
            }
        }

        return data;
    }

    /// <summary>zlib (RFC 1950) inflate with a cap. Truncated or corrupt data yields what was decoded so far, as readers do.</summary>
    public static byte[] Inflate(byte[] data, int maxBytes, string where)
    {
        // skip the 2-byte zlib header (DeflateStream reads raw RFC 1951 data on every target)
        var offset = data.Length >= 2 && (data[0] & 0x0F) == 8 && ((data[0] << 8) | data[1]) % 31 == 0 ? 2 : 0;
        using var input = new MemoryStream(data, offset, data.Length - offset, writable: false);
        using var inflater = new DeflateStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream(Math.Min(maxBytes, Math.Max(256, data.Length * 4)));
        var buffer = new byte[16384];
        try
        {
            int read;
            while ((read = inflater.Read(buffer, 0, buffer.Length)) > 0)
            {
                if (output.Length + read > maxBytes)
                {
                    throw new PdfFormatException($"decoded stream larger than the {maxBytes:N0}-byte cap (decompression bomb?)", -1, where);
                }

                output.Write(buffer, 0, read);
            }
        }
        catch (InvalidDataException)
        {
            if (output.Length == 0)
            {
                throw new PdfFormatException("corrupt FlateDecode data", -1, where);
            }
        }

        return output.ToArray();
    }

    private static byte[] Predict(byte[] data, PdfDictionary? parms, Func<PdfObject?, PdfObject?> resolve, string where)
    {
        var predictor = parms is null ? 1 : Int(resolve(parms["Predictor"]), 1);
        if (predictor < 10)
        {
            return predictor == 1 ? data : throw new PdfFormatException($"unsupported predictor {predictor}", -1, where);
        }

        var colors = Int(resolve(parms!["Colors"]), 1);
        var bpc = Int(resolve(parms["BitsPerComponent"]), 8);
        var columns = Int(resolve(parms["Columns"]), 1);
        if (colors is < 1 or > 32 || bpc is < 1 or > 16 || columns is < 1 or > 1 << 20)
        {
            throw new PdfFormatException("bad predictor parameters", -1, where);
        }

        var bpp = Math.Max(1, colors * bpc / 8);
        var rowLength = ((colors * bpc * columns) + 7) / 8;
        var rows = data.Length / (rowLength + 1);
        var output = new byte[rows * rowLength];
        var prev = new byte[rowLength];
        for (var r = 0; r < rows; r++)
        {
            var src = r * (rowLength + 1);
            var type = data[src];
            var row = output.AsSpan(r * rowLength, rowLength);
            data.AsSpan(src + 1, rowLength).CopyTo(row);
            for (var i = 0; i < rowLength; i++)
            {
                int left = i >= bpp ? row[i - bpp] : 0;
                int up = prev[i];
                int upLeft = i >= bpp ? prev[i - bpp] : 0;
                row[i] = type switch
                {
                    1 => (byte)(row[i] + left),
                    2 => (byte)(row[i] + up),
                    3 => (byte)(row[i] + ((left + up) / 2)),
                    4 => (byte)(row[i] + Paeth(left, up, upLeft)),
                    _ => row[i],
                };
            }

            row.CopyTo(prev);
        }

        return output;
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        var pa = Math.Abs(p - a);
        var pb = Math.Abs(p - b);
        var pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static byte[] AsciiHex(byte[] data)
    {
        var output = new List<byte>(data.Length / 2);
        var high = -1;
        foreach (var c in data)
        {
            if (c == '>')
            {
                break;
            }

            var v = PdfAscii.HexValue(c);
            if (v < 0)
            {
                continue;
            }

            if (high < 0)
            {
                high = v;
            }
            else
            {
                output.Add((byte)((high << 4) | v));
                high = -1;
            }
        }

        if (high >= 0)
        {
            output.Add((byte)(high << 4));
        }

        return output.ToArray();
    }

    private static byte[] Ascii85(byte[] data, string where)
    {
        var output = new List<byte>(data.Length);
        var group = 0u;
        var count = 0;
        for (var i = 0; i < data.Length; i++)
        {
            var c = data[i];
            if (c == '~')
            {
                break;
            }

            if (PdfParser.IsWhite(c))
            {
                continue;
            }

            if (c == 'z' && count == 0)
            {
                output.AddRange([0, 0, 0, 0]);
                continue;
            }

            if (c is < (byte)'!' or > (byte)'u')
            {
                throw new PdfFormatException("bad ASCII85 data", -1, where);
            }

            group = (group * 85) + (uint)(c - '!');
            if (++count == 5)
            {
                output.AddRange([(byte)(group >> 24), (byte)(group >> 16), (byte)(group >> 8), (byte)group]);
                group = 0;
                count = 0;
            }
        }

        if (count > 1)
        {
            for (var k = count; k < 5; k++)
            {
                group = (group * 85) + 84;
            }

            for (var k = 0; k < count - 1; k++)
            {
                output.Add((byte)(group >> (24 - (8 * k))));
            }
        }

        return output.ToArray();
    }

    private static int Int(PdfObject? o, int fallback) => o is PdfNumber n ? (int)n.Value : fallback;
}
