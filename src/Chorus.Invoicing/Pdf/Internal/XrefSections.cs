namespace Chorus.Invoicing.Pdf.Internal;

/// <summary>Where an object lives: type 1 = byte offset in the file, type 2 = index in an object stream, 0 = free.</summary>
internal readonly record struct XrefEntry(byte Type, long Field2, int Field3);

/// <summary>One cross-reference section (a table, a stream, or the result of a repair scan), looked up lazily.</summary>
internal abstract class XrefSection
{
    /// <summary>True when the section speaks for <paramref name="number"/> (an in-use or a free entry).</summary>
    public abstract bool TryFind(int number, out XrefEntry entry);

    /// <summary>Every object number the section lists (for repairs and writers; not on the hot path).</summary>
    public abstract IEnumerable<int> Numbers();
}

/// <summary>
/// A classic "xref" table. Entries are fixed-width lines, so an object's entry is found by arithmetic, without parsing
/// the table: opening a 1,000-page file costs the same as a 1-page one.
/// </summary>
internal sealed class XrefTableSection(byte[] data, List<(int First, int Count, int Offset, int Stride)> subsections) : XrefSection
{
    public override bool TryFind(int number, out XrefEntry entry)
    {
        // later subsections win over earlier ones for the same number, as qpdf does
        for (var s = subsections.Count - 1; s >= 0; s--)
        {
            var (first, count, offset, stride) = subsections[s];
            if (number < first || number >= first + count)
            {
                continue;
            }

            var p = offset + ((number - first) * stride);
            if (p + 18 > data.Length)
            {
                break;
            }

            var line = data.AsSpan(p, 18);
            if (!PdfAscii.TryParseLongDigits(line.Slice(0, 10), out var field2) || !PdfAscii.TryParseLongDigits(line.Slice(11, 5), out var gen))
            {
                break;
            }

            var kind = line[17];
            entry = new XrefEntry(kind == 'n' ? (byte)1 : (byte)0, field2, (int)gen);
            return true;
        }

        entry = default;
        return false;
    }

    public override IEnumerable<int> Numbers()
    {
        foreach (var (first, count, _, _) in subsections)
        {
            for (var i = 0; i < count; i++)
            {
                yield return first + i;
            }
        }
    }
}

/// <summary>A cross-reference stream (§7.5.8): the decoded rows and their field widths.</summary>
internal sealed class XrefStreamSection(byte[] rows, int[] widths, List<(int First, int Count, int Row)> index) : XrefSection
{
    private readonly int _rowLength = widths[0] + widths[1] + widths[2];

    public override bool TryFind(int number, out XrefEntry entry)
    {
        foreach (var (first, count, row) in index)
        {
            if (number < first || number >= first + count)
            {
                continue;
            }

            var p = (long)(row + number - first) * _rowLength;
            if (p + _rowLength > rows.Length)
            {
                break;
            }

            var span = rows.AsSpan((int)p, _rowLength);
            var type = widths[0] == 0 ? 1 : Field(span.Slice(0, widths[0]));
            var f2 = Field(span.Slice(widths[0], widths[1]));
            var f3 = Field(span.Slice(widths[0] + widths[1], widths[2]));
            entry = new XrefEntry((byte)Math.Min(type, 255), f2, (int)f3);
            return true;
        }

        entry = default;
        return false;
    }

    public override IEnumerable<int> Numbers()
    {
        foreach (var (first, count, _) in index)
        {
            for (var i = 0; i < count; i++)
            {
                yield return first + i;
            }
        }
    }

    private static long Field(ReadOnlySpan<byte> bytes)
    {
        long v = 0;
        foreach (var b in bytes)
        {
            v = (v << 8) | b;
        }

        return v;
    }
}

/// <summary>Object offsets found by scanning the file for "n g obj" when the cross-reference data is broken.</summary>
internal sealed class XrefScanSection(Dictionary<int, XrefEntry> entries) : XrefSection
{
    public override bool TryFind(int number, out XrefEntry entry) => entries.TryGetValue(number, out entry);

    public override IEnumerable<int> Numbers() => entries.Keys;
}
