using System.Runtime.CompilerServices;
using System.Text;

namespace Chorus.Directory.Annuaire.Internal;

/// <summary>Small UTF-8 helpers for the loader and the routing check: trimming, booleans, comparing with a string without decoding.</summary>
internal static class Utf8Text
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> s)
    {
        var start = 0;
        var end = s.Length;
        while (start < end && (s[start] == (byte)' ' || s[start] == (byte)'\t'))
        {
            start++;
        }

        while (end > start && (s[end - 1] == (byte)' ' || s[end - 1] == (byte)'\t'))
        {
            end--;
        }

        return s.Slice(start, end - start);
    }

    /// <summary>The booleans of the canonical CSV: true/false, oui/non, 1/0, case-insensitive.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryParseBoolean(ReadOnlySpan<byte> s, out bool value)
    {
        s = Trim(s);
        value = false;
        switch (s.Length)
        {
            case 1:
                value = s[0] == (byte)'1';
                return s[0] is (byte)'1' or (byte)'0';
            case 3:
                if (Lower(s[0]) == 'o' && Lower(s[1]) == 'u' && Lower(s[2]) == 'i')
                {
                    value = true;
                    return true;
                }

                return Lower(s[0]) == 'n' && Lower(s[1]) == 'o' && Lower(s[2]) == 'n';
            case 4:
                value = true;
                return Lower(s[0]) == 't' && Lower(s[1]) == 'r' && Lower(s[2]) == 'u' && Lower(s[3]) == 'e';
            case 5:
                return Lower(s[0]) == 'f' && Lower(s[1]) == 'a' && Lower(s[2]) == 'l' && Lower(s[3]) == 's' && Lower(s[4]) == 'e';
            default:
                return false;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Lower(byte b) => b | 0x20;

    /// <summary>True when <paramref name="ascii"/> equals <paramref name="text"/> ignoring ASCII case.</summary>
    public static bool EqualsIgnoreCase(ReadOnlySpan<byte> ascii, string text)
    {
        if (ascii.Length != text.Length)
        {
            return false;
        }

        for (var i = 0; i < ascii.Length; i++)
        {
            var a = ascii[i];
            var b = text[i];
            if (a != b && !(a is >= (byte)'A' and <= (byte)'Z' or >= (byte)'a' and <= (byte)'z' && (a | 0x20) == (b | 0x20)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Ordinal equality of UTF-8 bytes and UTF-16 text, encoding <paramref name="text"/> on the fly (no allocation).</summary>
    public static bool EqualsOrdinal(ReadOnlySpan<byte> utf8, ReadOnlySpan<char> text)
    {
        var j = 0;
        Span<byte> encoded = stackalloc byte[4];
        for (var i = 0; i < text.Length; i++)
        {
            int c = text[i];
            if (c < 0x80)
            {
                if (j >= utf8.Length || utf8[j++] != c)
                {
                    return false;
                }

                continue;
            }

            if (char.IsHighSurrogate((char)c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                c = char.ConvertToUtf32((char)c, text[++i]);
            }

            var n = Encode(c, encoded);
            if (j + n > utf8.Length || !utf8.Slice(j, n).SequenceEqual(encoded.Slice(0, n)))
            {
                return false;
            }

            j += n;
        }

        return j == utf8.Length;
    }

    private static int Encode(int c, Span<byte> destination)
    {
        if (c < 0x800)
        {
            destination[0] = (byte)(0xC0 | (c >> 6));
            destination[1] = (byte)(0x80 | (c & 0x3F));
            return 2;
        }

        if (c < 0x10000)
        {
            destination[0] = (byte)(0xE0 | (c >> 12));
            destination[1] = (byte)(0x80 | ((c >> 6) & 0x3F));
            destination[2] = (byte)(0x80 | (c & 0x3F));
            return 3;
        }

        destination[0] = (byte)(0xF0 | (c >> 18));
        destination[1] = (byte)(0x80 | ((c >> 12) & 0x3F));
        destination[2] = (byte)(0x80 | ((c >> 6) & 0x3F));
        destination[3] = (byte)(0x80 | (c & 0x3F));
        return 4;
    }

    public static string Decode(ReadOnlySpan<byte> utf8) =>
        utf8.IsEmpty ? string.Empty : Encoding.UTF8.GetString(utf8.ToArray());

    public static string Decode(byte[] bytes, int offset, int length) =>
        length == 0 ? string.Empty : Encoding.UTF8.GetString(bytes, offset, length);
}
