namespace Chorus.Invoicing.Validation.Internal;

/// <summary>
/// The root element's expanded name read straight from the bytes, for the usual invoice (UTF-8 or ASCII-compatible bytes,
/// an XML declaration, comments or processing instructions, then the root start tag with its namespace declarations),
/// so that the validator need not open a reader only to peek at it. A guess, not a parse: anything unusual (a DOCTYPE, a
/// non-ASCII name, an entity in a namespace URI, an undeclared prefix) gives no answer, and the validator checks the
/// answer against the root of the tree it then builds (<see cref="InvoiceValidator"/>).
/// </summary>
internal static class RootName
{
    // The root start tag of an invoice is near the top; past this the reader does the work.
    private const int MaxScan = 64 * 1024;

    public static bool TryGuess(ReadOnlySpan<byte> xml, out string ns, out string local)
    {
        ns = local = string.Empty;
        var data = xml.Length > MaxScan ? xml.Slice(0, MaxScan) : xml;
        var i = data.Length >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF ? 3 : 0;
        while (true)
        {
            i = SkipBlanks(data, i);
            if (i + 1 >= data.Length || data[i] != (byte)'<')
            {
                return false;
            }

            if (data[i + 1] == (byte)'?')
            {
                var end = data.Slice(i + 2).IndexOf("?>"u8);
                if (end < 0)
                {
                    return false;
                }

                i += 2 + end + 2;
            }
            else if (data.Slice(i).StartsWith("<!--"u8))
            {
                var end = data.Slice(i + 4).IndexOf("-->"u8);
                if (end < 0)
                {
                    return false;
                }

                i += 4 + end + 3;
            }
            else
            {
                break;
            }
        }

        // <qname (attribute)* (/>|>)
        var nameStart = ++i;
        i = SkipName(data, i);
        if (i == nameStart || i >= data.Length)
        {
            return false;
        }

        var qname = data.Slice(nameStart, i - nameStart);
        string? defaultNs = null;
        string? prefixNs = null;
        var colon = qname.IndexOf((byte)':');
        var prefix = colon < 0 ? default : qname.Slice(0, colon);
        while (true)
        {
            var before = i;
            i = SkipBlanks(data, i);
            if (i >= data.Length)
            {
                return false;
            }

            if (data[i] == (byte)'>' || data[i] == (byte)'/')
            {
                break;
            }

            if (i == before)
            {
                return false;
            }

            var attrStart = i;
            i = SkipName(data, i);
            if (i == attrStart)
            {
                return false;
            }

            var attr = data.Slice(attrStart, i - attrStart);
            i = SkipBlanks(data, i);
            if (i >= data.Length || data[i] != (byte)'=')
            {
                return false;
            }

            i = SkipBlanks(data, i + 1);
            if (i >= data.Length || data[i] is not ((byte)'"' or (byte)'\''))
            {
                return false;
            }

            var quote = data[i];
            var valueEnd = data.Slice(i + 1).IndexOf(quote);
            if (valueEnd < 0)
            {
                return false;
            }

            var value = data.Slice(i + 1, valueEnd);
            i += 1 + valueEnd + 1;
            if (attr.SequenceEqual("xmlns"u8))
            {
                defaultNs = Ascii(value);
                if (defaultNs is null)
                {
                    return false;
                }
            }
            else if (colon > 0 && attr.Length == 6 + colon && attr.StartsWith("xmlns:"u8) && attr.Slice(6).SequenceEqual(prefix))
            {
                prefixNs = Ascii(value);
                if (prefixNs is null)
                {
                    return false;
                }
            }
        }

        var resolved = colon < 0 ? defaultNs ?? string.Empty : prefixNs;
        if (resolved is null || (colon >= 0 && (colon == 0 || colon == qname.Length - 1)))
        {
            return false;
        }

        ns = resolved;
        local = Ascii(qname.Slice(colon + 1))!;
        return local.Length > 0;
    }

    private static int SkipBlanks(ReadOnlySpan<byte> data, int i)
    {
        while (i < data.Length && data[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            i++;
        }

        return i;
    }

    // ASCII name characters only (letters, digits, '_', '-', '.', ':'); a non-ASCII name stops the guess.
    private static int SkipName(ReadOnlySpan<byte> data, int i)
    {
        while (i < data.Length && data[i] is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'0' and <= (byte)'9') or (byte)'_' or (byte)'-' or (byte)'.' or (byte)':')
        {
            i++;
        }

        return i;
    }

    // A namespace URI of printable ASCII without references or markup, else null (no guess).
    private static string? Ascii(ReadOnlySpan<byte> value)
    {
        var chars = new char[value.Length];
        for (var k = 0; k < value.Length; k++)
        {
            var b = value[k];
            if (b < 0x20 || b > 0x7E || b is (byte)'&' or (byte)'<')
            {
                return null;
            }

            chars[k] = (char)b;
        }

        return new string(chars);
    }
}
