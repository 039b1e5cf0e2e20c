using System.Globalization;
using System.Text;

namespace Chorus.Invoicing.Pdf.Internal;

/// <summary>A PDF object (ISO 32000-1 §7.3). Small immutable classes; dictionaries and arrays are filled by the parser.</summary>
internal abstract class PdfObject
{
}

internal sealed class PdfNull : PdfObject
{
    public static readonly PdfNull Instance = new();

    private PdfNull()
    {
    }
}

internal sealed class PdfBool(bool value) : PdfObject
{
    public static readonly PdfBool True = new(true);
    public static readonly PdfBool False = new(false);

    public bool Value { get; } = value;
}

internal sealed class PdfNumber(double value, bool isInteger) : PdfObject
{
    public double Value { get; } = value;

    public bool IsInteger { get; } = isInteger;

    public long AsLong => (long)Value;

    public override string ToString() => IsInteger ? AsLong.ToString(CultureInfo.InvariantCulture) : Value.ToString("0.######", CultureInfo.InvariantCulture);
}

internal sealed class PdfName(string value) : PdfObject
{
    public string Value { get; } = value;

    public override string ToString() => "/" + Value;
}

/// <summary>A string object: the raw bytes after escape processing (literal or hexadecimal).</summary>
internal sealed class PdfString(byte[] bytes, bool hex = false) : PdfObject
{
    public byte[] Bytes { get; } = bytes;

    public bool IsHex { get; } = hex;

    /// <summary>Text string (§7.9.2.2): UTF-16BE with BOM, UTF-8 with BOM (PDF 2.0), else PDFDocEncoding (≈ Latin-1 here).</summary>
    public string AsText()
    {
        var b = Bytes;
        if (b.Length >= 2 && b[0] == 0xFE && b[1] == 0xFF)
        {
            return Encoding.BigEndianUnicode.GetString(b, 2, b.Length - 2);
        }

        if (b.Length >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF)
        {
            return Encoding.UTF8.GetString(b, 3, b.Length - 3);
        }

        var chars = new char[b.Length];
        for (var i = 0; i < b.Length; i++)
        {
            chars[i] = (char)b[i];
        }

        return new string(chars);
    }
}

internal sealed class PdfRef(int number, int generation) : PdfObject
{
    public int Number { get; } = number;

    public int Generation { get; } = generation;

    public override string ToString() => $"{Number} {Generation} R";
}

internal sealed class PdfArray : PdfObject
{
    public PdfArray(List<PdfObject> items) => Items = items;

    public List<PdfObject> Items { get; }

    public int Count => Items.Count;

    public PdfObject this[int index] => Items[index];
}

internal sealed class PdfDictionary : PdfObject
{
    public PdfDictionary(Dictionary<string, PdfObject> entries) => Entries = entries;

    public Dictionary<string, PdfObject> Entries { get; }

    public PdfObject? this[string key] => Entries.TryGetValue(key, out var v) ? v : null;

    public bool Contains(string key) => Entries.ContainsKey(key);

    public string? NameOf(string key) => this[key] is PdfName n ? n.Value : null;
}

/// <summary>A stream: its dictionary and where its raw (still encoded) bytes are in the file or an owned buffer.</summary>
internal sealed class PdfStream(PdfDictionary dictionary, byte[] source, int start, int length) : PdfObject
{
    public PdfDictionary Dictionary { get; } = dictionary;

    public byte[] Source { get; } = source;

    public int Start { get; } = start;

    public int Length { get; } = length;

    public ReadOnlySpan<byte> RawSpan => Source.AsSpan(Start, Length);
}
