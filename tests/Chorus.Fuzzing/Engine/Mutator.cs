using System.Text;

namespace Chorus.Fuzzing.Engine;

/// <summary>
/// Produces damaged inputs from seeds: generic byte mutations (bit flips, insertions, deletions, truncation, chunk
/// duplication, splicing between seeds) and structure-aware ones per <see cref="InputKind"/>. Deterministic for a seed.
/// </summary>
public sealed class Mutator(Random random)
{
    private static readonly byte[][] XmlTokens =
    [
        "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"u8.ToArray(), "&e;"u8.ToArray(), "]]>"u8.ToArray(),
        "<![CDATA["u8.ToArray(), "xmlns:x=\"urn:x\""u8.ToArray(), "&#0;"u8.ToArray(), "99999999999999999999999.999"u8.ToArray(),
        "-0"u8.ToArray(), "NaN"u8.ToArray(), "2026-13-45"u8.ToArray(), "</a>"u8.ToArray(), "<a>"u8.ToArray(),
    ];

    private static readonly byte[][] PdfTokens =
    [
        "/Count 2000000000"u8.ToArray(), "/Length 999999999"u8.ToArray(), "/Length -1"u8.ToArray(), "1 0 R"u8.ToArray(),
        "/Prev 0"u8.ToArray(), "/Filter /FlateDecode"u8.ToArray(), "startxref\n0\n"u8.ToArray(), "<<"u8.ToArray(), ">>"u8.ToArray(),
        "["u8.ToArray(), "]"u8.ToArray(), "/Kids [1 0 R]"u8.ToArray(), "endstream"u8.ToArray(), "/ObjStm"u8.ToArray(),
        "/Encrypt 1 0 R"u8.ToArray(), "/ByteRange [0 -5 99999999999 4]"u8.ToArray(),
    ];

    private readonly Random _random = random;

    /// <summary>One mutant of <paramref name="seed"/>; <paramref name="other"/> is used for splicing.</summary>
    public byte[] Mutate(byte[] seed, byte[] other, InputKind kind)
    {
        var data = seed;
        var rounds = 1 + (_random.Next(4) == 0 ? _random.Next(4) : 0);
        for (var i = 0; i < rounds; i++)
        {
            data = kind != InputKind.Binary && _random.Next(2) == 0 ? Structured(data, kind) : Generic(data, other);
        }

        return data;
    }

    private byte[] Generic(byte[] data, byte[] other)
    {
        if (data.Length == 0)
        {
            return [(byte)_random.Next(256)];
        }

        switch (_random.Next(7))
        {
            case 0: // bit flips
            {
                var copy = (byte[])data.Clone();
                var n = 1 << _random.Next(7);
                for (var i = 0; i < n; i++)
                {
                    copy[_random.Next(copy.Length)] ^= (byte)(1 << _random.Next(8));
                }

                return copy;
            }

            case 1: // random bytes inserted
            {
                var insert = new byte[1 + _random.Next(64)];
                _random.NextBytes(insert);
                return Splice(data, _random.Next(data.Length + 1), 0, insert);
            }

            case 2: // a range deleted
            {
                var at = _random.Next(data.Length);
                return Splice(data, at, 1 + _random.Next(Math.Min(4096, data.Length - at)), []);
            }

            case 3: // truncated
                return data.AsSpan(0, _random.Next(data.Length)).ToArray();

            case 4: // a chunk duplicated
            {
                var at = _random.Next(data.Length);
                var length = 1 + _random.Next(Math.Min(8192, data.Length - at));
                return Splice(data, _random.Next(data.Length + 1), 0, data.AsSpan(at, length).ToArray());
            }

            case 5: // spliced with another seed
            {
                if (other.Length == 0)
                {
                    return data;
                }

                var cut = _random.Next(data.Length);
                var from = _random.Next(other.Length);
                return [.. data.AsSpan(0, cut), .. other.AsSpan(from)];
            }

            default: // interesting byte values
            {
                var copy = (byte[])data.Clone();
                ReadOnlySpan<byte> interesting = [0x00, 0xFF, 0x7F, 0x80, (byte)'<', (byte)'>', (byte)'"', (byte)'(', (byte)')', (byte)'\\', (byte)'%'];
                copy[_random.Next(copy.Length)] = interesting[_random.Next(interesting.Length)];
                return copy;
            }
        }
    }

    private byte[] Structured(byte[] data, InputKind kind) => kind switch
    {
        InputKind.Xml => XmlMutation(data),
        InputKind.Pdf => PdfMutation(data),
        InputKind.Asn1 => Asn1Mutation(data),
        InputKind.Csv => CsvMutation(data),
        _ => data,
    };

    private byte[] XmlMutation(byte[] data)
    {
        switch (_random.Next(4))
        {
            case 0: // remove an element
            case 1: // duplicate an element
            {
                if (!TryFindElement(data, out var start, out var end))
                {
                    return data;
                }

                var element = data.AsSpan(start, end - start).ToArray();
                return _random.Next(2) == 0 ? Splice(data, start, end - start, []) : Splice(data, end, 0, element);
            }

            case 2: // replace a text node with something hostile
            {
                var gt = IndexOfRandom(data, (byte)'>');
                if (gt < 0)
                {
                    return data;
                }

                var lt = Array.IndexOf(data, (byte)'<', gt + 1);
                if (lt < 0)
                {
                    return data;
                }

                return Splice(data, gt + 1, lt - gt - 1, XmlTokens[_random.Next(XmlTokens.Length)]);
            }

            default: // insert a token
                return Splice(data, _random.Next(data.Length + 1), 0, XmlTokens[_random.Next(XmlTokens.Length)]);
        }
    }

    private byte[] PdfMutation(byte[] data)
    {
        switch (_random.Next(4))
        {
            case 0: // corrupt a number after a keyword (stream lengths, xref offsets, object numbers)
            {
                var keywords = new[] { "/Length "u8.ToArray(), "startxref"u8.ToArray(), " obj"u8.ToArray(), "/Count "u8.ToArray(), "/Size "u8.ToArray(), "/Prev "u8.ToArray(), "/First "u8.ToArray(), "/N "u8.ToArray() };
                var keyword = keywords[_random.Next(keywords.Length)];
                var at = IndexOfRandom(data, keyword);
                if (at < 0)
                {
                    return data;
                }

                var digits = at + keyword.Length;
                while (digits < data.Length && data[digits] is (byte)' ' or (byte)'\n' or (byte)'\r')
                {
                    digits++;
                }

                var end = digits;
                while (end < data.Length && data[end] is >= (byte)'0' and <= (byte)'9')
                {
                    end++;
                }

                var replacement = Encoding.ASCII.GetBytes(_random.Next(3) switch { 0 => "0", 1 => "2147483647", _ => _random.Next(data.Length * 2).ToString(System.Globalization.CultureInfo.InvariantCulture) });
                return Splice(data, digits, end - digits, replacement);
            }

            case 1: // corrupt the xref table
            {
                var at = IndexOfRandom(data, "xref"u8.ToArray());
                if (at < 0)
                {
                    return data;
                }

                var copy = (byte[])data.Clone();
                for (var i = 0; i < 16 && at + 5 + i < copy.Length; i++)
                {
                    copy[at + 5 + _random.Next(Math.Min(200, copy.Length - at - 5))] = (byte)('0' + _random.Next(10));
                }

                return copy;
            }

            case 2: // garbage in a stream
            {
                var at = IndexOfRandom(data, "stream"u8.ToArray());
                if (at < 0)
                {
                    return data;
                }

                var garbage = new byte[1 + _random.Next(256)];
                _random.NextBytes(garbage);
                return Splice(data, Math.Min(data.Length, at + 8), Math.Min(garbage.Length, Math.Max(0, data.Length - at - 8)), garbage);
            }

            default:
                return Splice(data, _random.Next(data.Length + 1), 0, PdfTokens[_random.Next(PdfTokens.Length)]);
        }
    }

    private byte[] Asn1Mutation(byte[] data)
    {
        if (data.Length < 4)
        {
            return data;
        }

        var copy = (byte[])data.Clone();
        // Tamper with a length: long-form lengths (0x81..0x84 after a tag) become huge, short forms change.
        for (var tries = 0; tries < 32; tries++)
        {
            var i = 1 + _random.Next(copy.Length - 2);
            if (copy[i] is >= 0x81 and <= 0x84)
            {
                var count = copy[i] - 0x80;
                for (var k = 1; k <= count && i + k < copy.Length; k++)
                {
                    copy[i + k] = _random.Next(2) == 0 ? (byte)0xFF : (byte)_random.Next(256);
                }

                return copy;
            }

            if (copy[i - 1] is 0x30 or 0x31 or 0x04 or 0x02 or 0x06 or 0xA0 or 0x03)
            {
                copy[i] = _random.Next(3) switch { 0 => 0x84, 1 => 0x80, _ => (byte)_random.Next(256) };
                return copy;
            }
        }

        return copy;
    }

    private byte[] CsvMutation(byte[] data) => _random.Next(3) switch
    {
        0 => Splice(data, _random.Next(data.Length + 1), 0, "\""u8.ToArray()),
        1 => Splice(data, _random.Next(data.Length + 1), 0, ";;;;\"\"\"\r\n"u8.ToArray()),
        _ => Splice(data, _random.Next(data.Length + 1), 0, Encoding.UTF8.GetBytes(new string('x', _random.Next(100_000)))),
    };

    private bool TryFindElement(byte[] data, out int start, out int end)
    {
        start = end = 0;
        for (var tries = 0; tries < 16; tries++)
        {
            var lt = IndexOfRandom(data, (byte)'<');
            if (lt < 0 || lt + 1 >= data.Length || !IsNameStart(data[lt + 1]))
            {
                continue;
            }

            var nameEnd = lt + 1;
            while (nameEnd < data.Length && data[nameEnd] is not ((byte)' ' or (byte)'>' or (byte)'/' or (byte)'\n' or (byte)'\r' or (byte)'\t'))
            {
                nameEnd++;
            }

            var close = Encoding.ASCII.GetBytes("</" + Encoding.ASCII.GetString(data, lt + 1, nameEnd - lt - 1) + ">");
            var closeAt = data.AsSpan(nameEnd).IndexOf(close);
            if (closeAt < 0)
            {
                continue;
            }

            start = lt;
            end = nameEnd + closeAt + close.Length;
            return true;
        }

        return false;
    }

    private static bool IsNameStart(byte b) => b is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z';

    private int IndexOfRandom(byte[] data, byte value)
    {
        if (data.Length == 0)
        {
            return -1;
        }

        var from = _random.Next(data.Length);
        var at = Array.IndexOf(data, value, from);
        return at >= 0 ? at : Array.IndexOf(data, value);
    }

    private int IndexOfRandom(byte[] data, byte[] value)
    {
        if (data.Length == 0)
        {
            return -1;
        }

        var from = _random.Next(data.Length);
        var at = data.AsSpan(from).IndexOf(value);
        return at >= 0 ? from + at : data.AsSpan().IndexOf(value);
    }

    private static byte[] Splice(byte[] data, int at, int remove, byte[] insert) =>
        [.. data.AsSpan(0, at), .. insert, .. data.AsSpan(at + remove)];
}
