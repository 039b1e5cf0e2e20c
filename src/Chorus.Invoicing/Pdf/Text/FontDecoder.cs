using System.Text;
using Chorus.Invoicing.Pdf.Internal;

namespace Chorus.Invoicing.Pdf.Text;

/// <summary>
/// Turns the bytes of a shown string into Unicode text and glyph advances for one font: a ToUnicode CMap when the font
/// has one, else its encoding (WinAnsi/Standard/MacRoman base with /Differences). Composite (Type0) fonts without a
/// ToUnicode CMap cannot be decoded honestly: they yield no text.
/// </summary>
internal sealed class FontDecoder
{
    private readonly char[]? _encoding;
    private readonly Dictionary<int, string>? _toUnicode;
    private readonly int _codeBytes;
    private readonly double[]? _widths;
    private readonly int _firstChar;
    private readonly Dictionary<int, double>? _cidWidths;
    private readonly double _defaultWidth;

    private FontDecoder(char[]? encoding, Dictionary<int, string>? toUnicode, int codeBytes, double[]? widths, int firstChar, Dictionary<int, double>? cidWidths, double defaultWidth)
    {
        _encoding = encoding;
        _toUnicode = toUnicode;
        _codeBytes = codeBytes;
        _widths = widths;
        _firstChar = firstChar;
        _cidWidths = cidWidths;
        _defaultWidth = defaultWidth;
    }

    /// <summary>Used when a page names a font that its resources do not have.</summary>
    public static FontDecoder Fallback { get; } = new(Glyphs.WinAnsi, null, 1, null, 0, null, 500);

    public static FontDecoder Create(PdfFile file, PdfDictionary font)
    {
        var subtype = font.NameOf("Subtype");
        var composite = subtype == "Type0";
        Dictionary<int, string>? toUnicode = null;
        var codeBytes = composite ? 2 : 1;
        if (file.Resolve(font["ToUnicode"]) is PdfStream cmapStream)
        {
            try
            {
                (toUnicode, var bytes) = CMapParser.Parse(file.DecodeStream(cmapStream, "ToUnicode CMap", 4 * 1024 * 1024));
                if (composite && bytes > 0)
                {
                    codeBytes = bytes;
                }
            }
            catch (PdfFormatException)
            {
                toUnicode = null; // a broken CMap: fall back to the encoding
            }
        }

        if (composite)
        {
            var descendant = file.Resolve(font["DescendantFonts"]) is PdfArray da && da.Count > 0 ? file.ResolveDictionary(da[0]) : null;
            var dw = descendant is not null && file.Resolve(descendant["DW"]) is PdfNumber d ? d.Value : 1000;
            return new FontDecoder(null, toUnicode, codeBytes, null, 0, CidWidths(file, descendant), dw);
        }

        var (widths, first) = SimpleWidths(file, font);
        return new FontDecoder(Encoding(file, font), toUnicode, 1, widths, first, null, 500);
    }

    /// <summary>Decodes the string; adds the glyph advances (in thousandths of an em) and the count of space characters.</summary>
    public string Decode(byte[] bytes, out double advance, out int spaces)
    {
        advance = 0;
        spaces = 0;
        if (_toUnicode is null && _codeBytes == 1 && _encoding is not null)
        {
            // the common simple-font case: one code, one character, no StringBuilder
            var chars = new char[bytes.Length];
            var n = 0;
            foreach (var code in bytes)
            {
                advance += Width(code);
                spaces += code == 32 ? 1 : 0;
                if (_encoding[code] != '\0')
                {
                    chars[n++] = _encoding[code];
                }
            }

            return new string(chars, 0, n);
        }

        var sb = new StringBuilder(bytes.Length);
        for (var i = 0; i + _codeBytes <= bytes.Length; i += _codeBytes)
        {
            var code = _codeBytes == 1 ? bytes[i] : (bytes[i] << 8) | bytes[i + 1];
            advance += Width(code);
            if (_toUnicode is not null && _toUnicode.TryGetValue(code, out var s))
            {
                sb.Append(s);
            }
            else if (_encoding is not null && code < 256 && _encoding[code] != '\0')
            {
                sb.Append(_encoding[code]);
            }

            if (_codeBytes == 1 && code == 32)
            {
                spaces++; // word spacing applies to the single-byte code 32 only (§9.3.3)
            }
        }

        return sb.ToString();
    }

    private double Width(int code)
    {
        if (_cidWidths is not null)
        {
            return _cidWidths.TryGetValue(code, out var w) ? w : _defaultWidth;
        }

        var i = code - _firstChar;
        return _widths is not null && i >= 0 && i < _widths.Length && _widths[i] > 0 ? _widths[i] : _defaultWidth;
    }

    private static (double[]? Widths, int First) SimpleWidths(PdfFile file, PdfDictionary font)
    {
        if (file.Resolve(font["Widths"]) is not PdfArray w)
        {
            return (null, 0);
        }

        var first = file.Resolve(font["FirstChar"]) is PdfNumber f ? (int)f.Value : 0;
        var widths = new double[Math.Min(w.Count, 65536)];
        for (var i = 0; i < widths.Length; i++)
        {
            widths[i] = file.Resolve(w[i]) is PdfNumber n ? n.Value : 0;
        }

        return (widths, first);
    }

    private static Dictionary<int, double>? CidWidths(PdfFile file, PdfDictionary? descendant)
    {
        if (descendant is null || file.Resolve(descendant["W"]) is not PdfArray w)
        {
            return null;
        }

        var result = new Dictionary<int, double>();
        for (var i = 0; i < w.Count && result.Count < 65536;)
        {
            if (file.Resolve(w[i]) is not PdfNumber start)
            {
                break;
            }

            if (i + 1 < w.Count && file.Resolve(w[i + 1]) is PdfArray list)
            {
                for (var k = 0; k < list.Count; k++)
                {
                    result[(int)start.Value + k] = file.Resolve(list[k]) is PdfNumber n ? n.Value : 0;
                }

                i += 2;
            }
            else if (i + 2 < w.Count && file.Resolve(w[i + 1]) is PdfNumber end && file.Resolve(w[i + 2]) is PdfNumber width)
            {
                for (var c = (int)start.Value; c <= (int)end.Value && c - (int)start.Value < 65536; c++)
                {
                    result[c] = width.Value;
                }

                i += 3;
            }
            else
            {
                break;
            }
        }

        return result;
    }

    private static char[] Encoding(PdfFile file, PdfDictionary font)
    {
        var enc = file.Resolve(font["Encoding"]);
        var baseName = enc is PdfName n ? n.Value : enc is PdfDictionary d ? d.NameOf("BaseEncoding") : null;
        var table = (char[])(baseName switch
        {
            "WinAnsiEncoding" => Glyphs.WinAnsi,
            "MacRomanEncoding" => Glyphs.WinAnsi, // close enough for ASCII; accented codes differ
            "StandardEncoding" => Glyphs.Standard,
            _ => font.NameOf("Subtype") == "TrueType" ? Glyphs.WinAnsi : Glyphs.Standard,
        }).Clone();
        if (enc is PdfDictionary dict && file.Resolve(dict["Differences"]) is PdfArray diffs)
        {
            var code = 0;
            foreach (var item in diffs.Items)
            {
                if (item is PdfNumber num)
                {
                    code = (int)num.Value;
                }
                else if (item is PdfName name && code is >= 0 and < 256)
                {
                    table[code++] = Glyphs.FromName(name.Value);
                }
            }
        }

        return table;
    }
}

/// <summary>Parses the bfchar/bfrange sections of a ToUnicode CMap (§9.10.3), bounded.</summary>
internal static class CMapParser
{
    public static (Dictionary<int, string> Map, int CodeBytes) Parse(byte[] data)
    {
        var map = new Dictionary<int, string>();
        var codeBytes = 0;
        var parser = new PdfParser(data, 8);
        var operands = new List<PdfObject>();
        while (parser.Position < parser.End && map.Count < 70000)
        {
            parser.SkipWhiteAndComments();
            if (parser.Position >= parser.End)
            {
                break;
            }

            var b = data[parser.Position];
            if (PdfParser.IsRegular(b) && !(b is >= (byte)'0' and <= (byte)'9') && b != '-' && b != '.')
            {
                var op = PdfAscii.ToStringLatin1(parser.ReadToken());
                switch (op)
                {
                    case "endcodespacerange":
                        if (operands.Count > 0 && operands[0] is PdfString lo)
                        {
                            codeBytes = lo.Bytes.Length;
                        }

                        break;
                    case "endbfchar":
                        for (var i = 0; i + 1 < operands.Count; i += 2)
                        {
                            if (operands[i] is PdfString src && operands[i + 1] is PdfString dst)
                            {
                                map[Code(src.Bytes)] = Utf16(dst.Bytes);
                            }
                        }

                        break;
                    case "endbfrange":
                        for (var i = 0; i + 2 < operands.Count; i += 3)
                        {
                            if (operands[i] is not PdfString lo2 || operands[i + 1] is not PdfString hi)
                            {
                                continue;
                            }

                            var start = Code(lo2.Bytes);
                            var end = Math.Min(Code(hi.Bytes), start + 65535);
                            if (operands[i + 2] is PdfString dst)
                            {
                                var baseText = Utf16(dst.Bytes);
                                for (var c = start; c <= end && baseText.Length > 0; c++)
                                {
                                    map[c] = baseText.Substring(0, baseText.Length - 1) + (char)(baseText[baseText.Length - 1] + (c - start));
                                }
                            }
                            else if (operands[i + 2] is PdfArray list)
                            {
                                for (var k = 0; k < list.Count && start + k <= end; k++)
                                {
                                    if (list[k] is PdfString s)
                                    {
                                        map[start + k] = Utf16(s.Bytes);
                                    }
                                }
                            }
                        }

                        break;
                    default:
                        break;
                }

                operands.Clear();
                continue;
            }

            try
            {
                operands.Add(parser.ReadObject(allowStream: false));
            }
            catch (PdfFormatException)
            {
                parser.Position++;
            }

            if (operands.Count > 30000)
            {
                operands.Clear();
            }
        }

        return (map, codeBytes);
    }

    private static int Code(byte[] b)
    {
        var v = 0;
        for (var i = 0; i < b.Length && i < 4; i++)
        {
            v = (v << 8) | b[i];
        }

        return v;
    }

    private static string Utf16(byte[] b) => b.Length % 2 == 0 ? System.Text.Encoding.BigEndianUnicode.GetString(b) : PdfAscii.ToStringLatin1(b);
}
