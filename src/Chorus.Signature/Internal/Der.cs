namespace Chorus.Signature.Internal;

/// <summary>
/// A minimal BER/DER TLV walker over raw bytes. It exists to keep the ORIGINAL encoding of what was signed: a CMS
/// signature covers the signed attributes exactly as the signer encoded them, and re-encoding them (BouncyCastle sorts
/// a DER SET) breaks signatures whose attributes were not DER-sorted.
/// </summary>
internal static class Der
{
    private const int MaxDepth = 64;

    /// <summary>One element: tag byte(s) at <see cref="Start"/>, content at [<see cref="ContentStart"/>, <see cref="ContentEnd"/>).</summary>
    internal readonly record struct Tlv(int Start, int Tag, int ContentStart, int ContentEnd, int End, bool Indefinite)
    {
        public int Length => End - Start;

        public bool Constructed => (Tag & 0x20) != 0;
    }

    /// <summary>Reads the element at <paramref name="offset"/>; false when the bytes are not a well-formed element inside <paramref name="limit"/>.</summary>
    public static bool TryRead(ReadOnlySpan<byte> data, int offset, int limit, out Tlv tlv) => TryRead(data, offset, limit, 0, out tlv);

    private static bool TryRead(ReadOnlySpan<byte> data, int offset, int limit, int depth, out Tlv tlv)
    {
        tlv = default;
        if (depth > MaxDepth || offset < 0 || offset + 2 > limit || limit > data.Length)
        {
            return false;
        }

        var p = offset;
        int tag = data[p++];
        if ((tag & 0x1F) == 0x1F)
        {
            // High tag numbers: keep reading base-128 bytes (tag value kept only for the low form).
            var n = 0;
            while (p < limit && (data[p] & 0x80) != 0)
            {
                if (++n > 4)
                {
                    return false;
                }

                p++;
            }

            p++;
            if (p >= limit)
            {
                return false;
            }
        }

        int first = data[p++];
        if (first == 0x80)
        {
            if ((tag & 0x20) == 0)
            {
                return false;
            }

            // Indefinite length: children until the end-of-contents octets 00 00.
            var contentStart = p;
            while (true)
            {
                if (p + 2 > limit)
                {
                    return false;
                }

                if (data[p] == 0 && data[p + 1] == 0)
                {
                    tlv = new Tlv(offset, tag, contentStart, p, p + 2, true);
                    return true;
                }

                if (!TryRead(data, p, limit, depth + 1, out var child))
                {
                    return false;
                }

                p = child.End;
            }
        }

        long length;
        if (first < 0x80)
        {
            length = first;
        }
        else
        {
            var count = first & 0x7F;
            if (count > 4 || p + count > limit)
            {
                return false;
            }

            length = 0;
            for (var i = 0; i < count; i++)
            {
                length = (length << 8) | data[p++];
            }
        }

        if (length > limit - p)
        {
            return false;
        }

        tlv = new Tlv(offset, tag, p, p + (int)length, p + (int)length, false);
        return true;
    }

    /// <summary>The children of a constructed element, in order; false if any child is malformed.</summary>
    public static bool TryChildren(ReadOnlySpan<byte> data, Tlv parent, List<Tlv> children)
    {
        children.Clear();
        var p = parent.ContentStart;
        while (p < parent.ContentEnd)
        {
            if (!TryRead(data, p, parent.ContentEnd, out var child))
            {
                return false;
            }

            children.Add(child);
            p = child.End;
        }

        return true;
    }
}
