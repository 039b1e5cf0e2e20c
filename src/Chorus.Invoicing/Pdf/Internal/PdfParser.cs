using System.Text;

namespace Chorus.Invoicing.Pdf.Internal;

/// <summary>
/// Lexer and object parser over the file bytes (ISO 32000-1 §7.2–7.3). Bounded nesting; never reads past the buffer.
/// Not thread-safe: one parser per document.
/// </summary>
internal sealed class PdfParser
{
    private readonly byte[] _data;
    private readonly int _end;
    private readonly int _maxDepth;
    private readonly Func<PdfObject?, int?>? _resolveLength;

    public PdfParser(byte[] data, int maxDepth, Func<PdfObject?, int?>? resolveLength = null, int end = -1)
    {
        _data = data;
        _end = end < 0 ? data.Length : end;
        _maxDepth = maxDepth;
        _resolveLength = resolveLength;
    }

    public int Position { get; set; }

    public byte[] Data => _data;

    public int End => _end;

    public static bool IsWhite(byte b) => b is 0 or 9 or 10 or 12 or 13 or 32;

    public static bool IsDelimiter(byte b) => b is (byte)'(' or (byte)')' or (byte)'<' or (byte)'>' or (byte)'[' or (byte)']' or (byte)'{' or (byte)'}' or (byte)'/' or (byte)'%';

    public static bool IsRegular(byte b) => !IsWhite(b) && !IsDelimiter(b);

    public void SkipWhiteAndComments()
    {
        var p = Position;
        while (p < _end)
        {
            var b = _data[p];
            if (IsWhite(b))
            {
                p++;
            }
            else if (b == '%')
            {
                while (p < _end && _data[p] != '\n' && _data[p] != '\r')
                {
                    p++;
                }
            }
            else
            {
                break;
            }
        }

        Position = p;
    }

    /// <summary>Reads a bare keyword or number token (regular characters); empty at a delimiter or the end.</summary>
    public ReadOnlySpan<byte> ReadToken()
    {
        SkipWhiteAndComments();
        var start = Position;
        while (Position < _end && IsRegular(_data[Position]))
        {
            Position++;
        }

        return _data.AsSpan(start, Position - start);
    }

    public bool TryReadKeyword(string keyword)
    {
        var save = Position;
        var token = ReadToken();
        if (token.Length == keyword.Length && PdfAscii.Equals(token, keyword))
        {
            return true;
        }

        Position = save;
        return false;
    }

    /// <summary>Parses "n g obj" at the current position; returns the object number or -1.</summary>
    public int TryReadObjectHeader(out int generation)
    {
        generation = 0;
        var save = Position;
        if (TryReadInt(out var num) && TryReadInt(out var gen) && TryReadKeyword("obj"))
        {
            generation = gen;
            return num;
        }

        Position = save;
        return -1;
    }

    public bool TryReadInt(out int value)
    {
        var save = Position;
        var token = ReadToken();
        if (PdfAscii.TryParseInt(token, out value))
        {
            return true;
        }

        Position = save;
        return false;
    }

    /// <summary>Parses the object at the current position (an indirect object body, a stream included).</summary>
    public PdfObject ReadObject(bool allowStream = true) => ReadObject(0, allowStream);

    private PdfObject ReadObject(int depth, bool allowStream)
    {
        if (depth > _maxDepth)
        {
            throw new PdfFormatException($"nesting deeper than {_maxDepth}", Position, "object");
        }

        SkipWhiteAndComments();
        if (Position >= _end)
        {
            throw new PdfFormatException("unexpected end of file", Position, "object");
        }

        var b = _data[Position];
        switch (b)
        {
            case (byte)'/':
                return ReadName();
            case (byte)'(':
                return ReadLiteralString();
            case (byte)'[':
                return ReadArray(depth);
            case (byte)'<':
                if (Position + 1 < _end && _data[Position + 1] == '<')
                {
                    var dict = ReadDictionary(depth);
                    return allowStream ? MaybeStream(dict) : dict;
                }

                return ReadHexString();
            default:
                return ReadScalar();
        }
    }

    private PdfObject ReadScalar()
    {
        var start = Position;
        var token = ReadToken();
        if (token.Length == 0)
        {
            throw new PdfFormatException($"unexpected character 0x{_data[Position]:X2}", Position, "object");
        }

        if (PdfAscii.TryParseInt(token, out var n))
        {
            // "n g R": an indirect reference
            var save = Position;
            if (n >= 0 && TryReadInt(out var g) && g >= 0 && TryReadKeyword("R"))
            {
                return new PdfRef(n, g);
            }

            Position = save;
            return new PdfNumber(n, true);
        }

        if (PdfAscii.Equals(token, "true"))
        {
            return PdfBool.True;
        }

        if (PdfAscii.Equals(token, "false"))
        {
            return PdfBool.False;
        }

        if (PdfAscii.Equals(token, "null"))
        {
            return PdfNull.Instance;
        }

        if (PdfAscii.TryParseReal(token, out var real))
        {
            return new PdfNumber(real, false);
        }

        throw new PdfFormatException($"unexpected token '{PdfAscii.Preview(token)}'", start, "object");
    }

    public PdfName ReadName()
    {
        Position++; // '/'
        var start = Position;
        var hasEscape = false;
        while (Position < _end && IsRegular(_data[Position]))
        {
            hasEscape |= _data[Position] == '#';
            Position++;
        }

        var raw = _data.AsSpan(start, Position - start);
        if (!hasEscape)
        {
            return new PdfName(NameCache.Get(raw));
        }

        var bytes = new List<byte>(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] == '#' && i + 2 < raw.Length && PdfAscii.HexValue(raw[i + 1]) >= 0 && PdfAscii.HexValue(raw[i + 2]) >= 0)
            {
                bytes.Add((byte)((PdfAscii.HexValue(raw[i + 1]) << 4) | PdfAscii.HexValue(raw[i + 2])));
                i += 2;
            }
            else
            {
                bytes.Add(raw[i]);
            }
        }

        return new PdfName(Encoding.UTF8.GetString(bytes.ToArray()));
    }

    private PdfString ReadLiteralString()
    {
        var start = Position;
        Position++; // '('
        // fast path: no escape and no nested parenthesis, the bytes are the string
        var plainEnd = Position;
        while (plainEnd < _end && _data[plainEnd] is not ((byte)')' or (byte)'\\' or (byte)'('))
        {
            plainEnd++;
        }

        if (plainEnd < _end && _data[plainEnd] == ')')
        {
            var bytes = _data.AsSpan(Position, plainEnd - Position).ToArray();
            Position = plainEnd + 1;
            return new PdfString(bytes);
        }

        var depth = 1;
        var output = new List<byte>();
        while (Position < _end)
        {
            var c = _data[Position++];
            if (c == '\\')
            {
                if (Position >= _end)
                {
                    break;
                }

                var e = _data[Position++];
                switch (e)
                {
                    case (byte)'n': output.Add(10); break;
                    case (byte)'r': output.Add(13); break;
                    case (byte)'t': output.Add(9); break;
                    case (byte)'b': output.Add(8); break;
                    case (byte)'f': output.Add(12); break;
                    case (byte)'\r':
                        if (Position < _end && _data[Position] == '\n')
                        {
                            Position++;
                        }

                        break;
                    case (byte)'\n': break;
                    default:
                        if (e is >= (byte)'0' and <= (byte)'7')
                        {
                            var v = e - '0';
                            for (var k = 0; k < 2 && Position < _end && _data[Position] is >= (byte)'0' and <= (byte)'7'; k++)
                            {
                                v = (v * 8) + (_data[Position++] - '0');
                            }

                            output.Add((byte)v);
                        }
                        else
                        {
                            output.Add(e);
                        }

                        break;
                }
            }
            else if (c == '(')
            {
                depth++;
                output.Add(c);
            }
            else if (c == ')')
            {
                if (--depth == 0)
                {
                    return new PdfString(output.ToArray());
                }

                output.Add(c);
            }
            else
            {
                output.Add(c);
            }
        }

        throw new PdfFormatException("unterminated string", start, "string");
    }

    private PdfString ReadHexString()
    {
        var start = Position;
        Position++; // '<'
        var output = new List<byte>();
        var high = -1;
        while (Position < _end)
        {
            var c = _data[Position++];
            if (c == '>')
            {
                if (high >= 0)
                {
                    output.Add((byte)(high << 4));
                }

                return new PdfString(output.ToArray(), hex: true);
            }

            var v = PdfAscii.HexValue(c);
            if (v < 0)
            {
                if (IsWhite(c))
                {
                    continue;
                }

                throw new PdfFormatException("bad hexadecimal string", Position - 1, "string");
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

        throw new PdfFormatException("unterminated hexadecimal string", start, "string");
    }

    private PdfArray ReadArray(int depth)
    {
        var start = Position;
        Position++; // '['
        var items = new List<PdfObject>();
        while (true)
        {
            SkipWhiteAndComments();
            if (Position >= _end)
            {
                throw new PdfFormatException("unterminated array", start, "array");
            }

            if (_data[Position] == ']')
            {
                Position++;
                return new PdfArray(items);
            }

            items.Add(ReadObject(depth + 1, false));
        }
    }

    private PdfDictionary ReadDictionary(int depth)
    {
        var start = Position;
        Position += 2; // '<<'
        var entries = new Dictionary<string, PdfObject>(StringComparer.Ordinal);
        while (true)
        {
            SkipWhiteAndComments();
            if (Position >= _end)
            {
                throw new PdfFormatException("unterminated dictionary", start, "dictionary");
            }

            var c = _data[Position];
            if (c == '>' && Position + 1 < _end && _data[Position + 1] == '>')
            {
                Position += 2;
                return new PdfDictionary(entries);
            }

            if (c != '/')
            {
                throw new PdfFormatException("dictionary key is not a name", Position, "dictionary");
            }

            var key = ReadName().Value;
            SkipWhiteAndComments();
            if (Position < _end && _data[Position] == '>' && Position + 1 < _end && _data[Position + 1] == '>')
            {
                entries[key] = PdfNull.Instance; // a key without value: tolerate, as readers do
                continue;
            }

            entries[key] = ReadObject(depth + 1, false);
        }
    }

    private PdfObject MaybeStream(PdfDictionary dict)
    {
        var save = Position;
        SkipWhiteAndComments();
        if (!TryReadKeyword("stream"))
        {
            Position = save;
            return dict;
        }

        // §7.3.8.1: "stream" is followed by CRLF or LF (a lone CR is tolerated)
        if (Position < _end && _data[Position] == '\r')
        {
            Position++;
        }

        if (Position < _end && _data[Position] == '\n')
        {
            Position++;
        }

        var dataStart = Position;
        var length = _resolveLength?.Invoke(dict["Length"]);
        if (length is int len && len >= 0 && (long)dataStart + len <= _end && EndstreamFollows(dataStart + len))
        {
            Position = dataStart + len;
        }
        else
        {
            // A wrong /Length: find "endstream" (bounded by the buffer) as readers do
            var idx = PdfAscii.IndexOf(_data.AsSpan(dataStart, _end - dataStart), "endstream");
            if (idx < 0)
            {
                throw new PdfFormatException("stream without endstream", dataStart, "stream");
            }

            len = idx;
            // the EOL before endstream is not part of the data
            if (len > 0 && _data[dataStart + len - 1] == '\n')
            {
                len--;
            }

            if (len > 0 && _data[dataStart + len - 1] == '\r')
            {
                len--;
            }

            Position = dataStart + idx;
        }

        var stream = new PdfStream(dict, _data, dataStart, len);
        SkipWhiteAndComments();
        TryReadKeyword("endstream");
        return stream;
    }

    private bool EndstreamFollows(int p)
    {
        while (p < _end && IsWhite(_data[p]))
        {
            p++;
        }

        return p + 9 <= _end && PdfAscii.Equals(_data.AsSpan(p, 9), "endstream");
    }
}

/// <summary>ASCII helpers over bytes, without allocating.</summary>
internal static class PdfAscii
{
    public static bool Equals(ReadOnlySpan<byte> bytes, string text)
    {
        if (bytes.Length != text.Length)
        {
            return false;
        }

        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] != text[i])
            {
                return false;
            }
        }

        return true;
    }

    public static int IndexOf(ReadOnlySpan<byte> bytes, string text)
    {
        Span<byte> needle = stackalloc byte[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            needle[i] = (byte)text[i];
        }

        return bytes.IndexOf(needle);
    }

    public static int LastIndexOf(ReadOnlySpan<byte> bytes, string text)
    {
        Span<byte> needle = stackalloc byte[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            needle[i] = (byte)text[i];
        }

        return bytes.LastIndexOf(needle);
    }

    public static int HexValue(byte c) => c switch
    {
        >= (byte)'0' and <= (byte)'9' => c - '0',
        >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
        _ => -1,
    };

    public static bool TryParseInt(ReadOnlySpan<byte> token, out int value)
    {
        value = 0;
        if (token.Length == 0 || token.Length > 10)
        {
            return false;
        }

        var i = 0;
        var negative = false;
        if (token[0] is (byte)'+' or (byte)'-')
        {
            negative = token[0] == '-';
            i = 1;
            if (token.Length == 1)
            {
                return false;
            }
        }

        long v = 0;
        for (; i < token.Length; i++)
        {
            var c = token[i];
            if (c is < (byte)'0' or > (byte)'9')
            {
                return false;
            }

            v = (v * 10) + (c - '0');
        }

        v = negative ? -v : v;
        if (v is > int.MaxValue or < int.MinValue)
        {
            return false;
        }

        value = (int)v;
        return true;
    }

    public static bool TryParseReal(ReadOnlySpan<byte> token, out double value)
    {
        value = 0;
        if (token.Length == 0 || token.Length > 40)
        {
            return false;
        }

        var i = 0;
        var negative = false;
        if (token[0] is (byte)'+' or (byte)'-')
        {
            negative = token[0] == '-';
            i = 1;
        }

        double v = 0;
        var digits = 0;
        var scale = 0;
        var dot = false;
        for (; i < token.Length; i++)
        {
            var c = token[i];
            if (c == '.' && !dot)
            {
                dot = true;
            }
            else if (c is >= (byte)'0' and <= (byte)'9')
            {
                v = (v * 10) + (c - '0');
                digits++;
                if (dot)
                {
                    scale++;
                }
            }
            else if (c == '-' && digits == 0)
            {
                // "--5" style garbage some producers write: tolerated as readers do
                negative = true;
            }
            else
            {
                return false;
            }
        }

        if (digits == 0)
        {
            return false;
        }

        value = (negative ? -v : v) / Math.Pow(10, scale);
        return true;
    }

    public static bool TryParseLongDigits(ReadOnlySpan<byte> digits, out long value)
    {
        value = 0;
        foreach (var c in digits)
        {
            if (c is < (byte)'0' or > (byte)'9')
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return digits.Length > 0;
    }

    public static string Preview(ReadOnlySpan<byte> bytes)
    {
        var n = Math.Min(bytes.Length, 20);
        var chars = new char[n];
        for (var i = 0; i < n; i++)
        {
            chars[i] = bytes[i] is >= 32 and < 127 ? (char)bytes[i] : '?';
        }

        return new string(chars);
    }

    public static string ToStringLatin1(ReadOnlySpan<byte> bytes)
    {
        var chars = new char[bytes.Length];
        for (var i = 0; i < bytes.Length; i++)
        {
            chars[i] = (char)bytes[i];
        }

        return new string(chars);
    }
}

/// <summary>Interns the names every file repeats (Type, Length, Filter…), so parsing them does not allocate.</summary>
internal static class NameCache
{
    private static readonly string[] Common =
    [
        "Type", "Subtype", "Length", "Filter", "DecodeParms", "FlateDecode", "Predictor", "Columns", "Root", "Size", "Prev",
        "Info", "ID", "Encrypt", "XRefStm", "XRef", "Index", "W", "ObjStm", "N", "First", "Pages", "Page", "Kids", "Count",
        "Parent", "MediaBox", "Resources", "Contents", "Font", "Catalog", "Names", "EmbeddedFiles", "AF", "Filespec", "F", "UF",
        "EF", "AFRelationship", "Metadata", "XML", "EmbeddedFile", "Params", "Limits", "Desc", "BaseFont", "Encoding",
        "WinAnsiEncoding", "ToUnicode", "FontDescriptor", "Type1", "TrueType", "Type0", "DescendantFonts", "Differences",
        "ProcSet", "XObject", "ExtGState", "OutputIntents", "AcroForm", "Fields", "FT", "Sig", "V", "ByteRange", "Annots",
        "Widths", "FirstChar", "LastChar", "ColorSpace", "Image", "Form", "Width", "Height", "BitsPerComponent",
    ];

    private static readonly Dictionary<int, string[]> ByLength = Build();

    public static string Get(ReadOnlySpan<byte> raw)
    {
        if (ByLength.TryGetValue(raw.Length, out var candidates))
        {
            foreach (var c in candidates)
            {
                if (PdfAscii.Equals(raw, c))
                {
                    return c;
                }
            }
        }

        return Encoding.UTF8.GetString(raw.ToArray());
    }

    private static Dictionary<int, string[]> Build()
    {
        var d = new Dictionary<int, string[]>();
        foreach (var g in Common.GroupBy(s => s.Length))
        {
            d[g.Key] = g.ToArray();
        }

        return d;
    }
}
