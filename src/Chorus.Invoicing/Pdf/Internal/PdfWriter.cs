using System.Globalization;
using System.Text;

namespace Chorus.Invoicing.Pdf.Internal;

/// <summary>Serialises PDF objects (§7.3) into a byte buffer; used to append incremental updates.</summary>
internal sealed class PdfWriter : IDisposable
{
    private readonly MemoryStream _out = new();

    public long Position => _out.Position;

    public byte[] ToArray() => _out.ToArray();

    public void Dispose() => _out.Dispose();

    public void Raw(byte[] bytes) => _out.Write(bytes, 0, bytes.Length);

    public void Raw(string ascii)
    {
        foreach (var c in ascii)
        {
            _out.WriteByte((byte)c);
        }
    }

    public void Object(PdfObject o)
    {
        switch (o)
        {
            case PdfNull:
                Raw("null");
                break;
            case PdfBool b:
                Raw(b.Value ? "true" : "false");
                break;
            case PdfNumber n:
                Raw(n.ToString());
                break;
            case PdfName name:
                Name(name.Value);
                break;
            case PdfString s:
                String(s.Bytes);
                break;
            case PdfRef r:
                Raw(r.ToString());
                break;
            case PdfArray a:
                Raw("[");
                for (var i = 0; i < a.Count; i++)
                {
                    if (i > 0)
                    {
                        Raw(" ");
                    }

                    Object(a[i]);
                }

                Raw("]");
                break;
            case PdfDictionary d:
                Raw("<<");
                foreach (var kv in d.Entries)
                {
                    Raw(" ");
                    Name(kv.Key);
                    Raw(" ");
                    Object(kv.Value);
                }

                Raw(" >>");
                break;
            default:
                throw new InvalidOperationException("streams are written with Stream()");
        }
    }

    public void Name(string name)
    {
        Raw("/");
        foreach (var b in Encoding.UTF8.GetBytes(name))
        {
            // §7.3.5: delimiters, white space, '#' and bytes outside 33..126 are written as #xx
            if (b is < 33 or > 126 || b == '#' || PdfParser.IsDelimiter(b))
            {
                Raw("#" + b.ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                _out.WriteByte(b);
            }
        }
    }

    public void String(byte[] bytes)
    {
        _out.WriteByte((byte)'(');
        foreach (var b in bytes)
        {
            switch (b)
            {
                case (byte)'(' or (byte)')' or (byte)'\\':
                    _out.WriteByte((byte)'\\');
                    _out.WriteByte(b);
                    break;
                case (byte)'\r':
                    Raw("\\r");
                    break;
                case (byte)'\n':
                    Raw("\\n");
                    break;
                default:
                    _out.WriteByte(b);
                    break;
            }
        }

        _out.WriteByte((byte)')');
    }

    /// <summary>A text string (§7.9.2.2): PDFDocEncoding when ASCII, else UTF-16BE with a BOM.</summary>
    public static PdfString Text(string text)
    {
        if (text.All(c => c is >= ' ' and < (char)127))
        {
            return new PdfString(Encoding.ASCII.GetBytes(text));
        }

        return new PdfString([0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(text)]);
    }

    /// <summary>Writes "n g obj … endobj" for a non-stream object.</summary>
    public void Indirect(int number, int generation, PdfObject body)
    {
        Raw(FormattableString.Invariant($"{number} {generation} obj\n"));
        Object(body);
        Raw("\nendobj\n");
    }

    /// <summary>Writes "n g obj dict stream … endstream endobj"; /Length is set from the data.</summary>
    public void Stream(int number, PdfDictionary dict, byte[] data)
    {
        dict.Entries["Length"] = new PdfNumber(data.Length, true);
        Raw(FormattableString.Invariant($"{number} 0 obj\n"));
        Object(dict);
        Raw("\nstream\n");
        Raw(data);
        Raw("\nendstream\nendobj\n");
    }
}

/// <summary>Shorthands to build dictionaries and arrays in code.</summary>
internal static class PdfBuild
{
    public static PdfDictionary Dict(params (string Key, PdfObject Value)[] entries)
    {
        var d = new Dictionary<string, PdfObject>(StringComparer.Ordinal);
        foreach (var (k, v) in entries)
        {
            d[k] = v;
        }

        return new PdfDictionary(d);
    }

    public static PdfArray Array(params PdfObject[] items) => new([.. items]);

    public static PdfName Name(string n) => new(n);

    public static PdfNumber Int(long n) => new(n, true);

    public static PdfRef Ref(int n) => new(n, 0);
}
