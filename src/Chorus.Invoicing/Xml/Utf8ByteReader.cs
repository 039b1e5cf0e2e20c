#if NET8_0_OR_GREATER
using System.Text.Unicode;
#endif

namespace Chorus.Invoicing.Xml;

/// <summary>
/// UTF-8 bytes in memory as a <see cref="TextReader"/> for <see cref="System.Xml.XmlReader"/>. Given a stream, the
/// XmlReader allocates its own 4 KB byte buffer and decoder on top of its character buffer (18 KB before the first
/// element, most of the allocations of reading a 20 KB invoice); given this reader it decodes straight from the caller's
/// array. Only for input the XmlReader would itself read as UTF-8 (valid UTF-8, no UTF-16/32 or EBCDIC signature, no
/// encoding declared other than UTF-8), so that every character, line and column, and every error, is the same.
/// </summary>
internal sealed class Utf8ByteReader : TextReader
{
#if NET8_0_OR_GREATER
    private readonly byte[] _bytes;
    private readonly int _end;
    private int _position;
    private char _pendingLowSurrogate;

    private Utf8ByteReader(byte[] bytes, int start, int end)
    {
        _bytes = bytes;
        _position = start;
        _end = end;
    }
#endif

    /// <summary>A reader over the bytes when they are plain UTF-8, else null (read them as a stream).</summary>
    public static TextReader? TryCreate(byte[] bytes, int offset, int count)
    {
#if NET8_0_OR_GREATER
        var data = bytes.AsSpan(offset, count);
        var start = data.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        var text = data.Slice(start);

        // UTF-16/32 without a byte order mark starts with a zero byte among its first four; EBCDIC "<?xm" is 4C 6F A7 94
        // (invalid UTF-8, caught below).
        if (text.Length < 4 || text.Slice(0, 4).IndexOf((byte)0) >= 0 || !DeclaresUtf8OrNothing(text) || !Utf8.IsValid(text))
        {
            return null;
        }

        return new Utf8ByteReader(bytes, offset + start, offset + count);
#else
        _ = bytes;
        _ = offset;
        _ = count;
        return null;
#endif
    }

#if NET8_0_OR_GREATER
    public override int Peek()
    {
        if (_pendingLowSurrogate != '\0')
        {
            return _pendingLowSurrogate;
        }

        if (_position >= _end)
        {
            return -1;
        }

        Span<char> two = stackalloc char[2];
        _ = Utf8.ToUtf16(_bytes.AsSpan(_position, _end - _position), two, out _, out var written, replaceInvalidSequences: false);
        return written > 0 ? two[0] : -1;
    }

    public override int Read()
    {
        Span<char> one = stackalloc char[1];
        return Read(one) == 1 ? one[0] : -1;
    }

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        var written = 0;
        if (_pendingLowSurrogate != '\0')
        {
            buffer[0] = _pendingLowSurrogate;
            _pendingLowSurrogate = '\0';
            written = 1;
        }

        if (_position < _end && written < buffer.Length)
        {
            _ = Utf8.ToUtf16(_bytes.AsSpan(_position, _end - _position), buffer.Slice(written), out var read, out var decoded, replaceInvalidSequences: false);
            _position += read;
            written += decoded;
            if (written == 0)
            {
                // One char of room and a supplementary character next: hand out its high surrogate now, the low one next.
                Span<char> pair = stackalloc char[2];
                _ = Utf8.ToUtf16(_bytes.AsSpan(_position, _end - _position), pair, out read, out decoded, replaceInvalidSequences: false);
                _position += read;
                buffer[0] = pair[0];
                _pendingLowSurrogate = decoded == 2 ? pair[1] : '\0';
                written = decoded > 0 ? 1 : 0;
            }
        }

        return written;
    }

    public override int ReadBlock(char[] buffer, int index, int count) => Read(buffer, index, count);

    // <?xml … encoding="…" … ?>: absent, or UTF-8 in any case.
    private static bool DeclaresUtf8OrNothing(ReadOnlySpan<byte> text)
    {
        if (!text.StartsWith("<?xml"u8))
        {
            return true;
        }

        var end = text.Slice(0, Math.Min(text.Length, 512)).IndexOf("?>"u8);
        if (end < 0)
        {
            return false;
        }

        var declaration = text.Slice(0, end);
        var at = declaration.IndexOf("encoding"u8);
        if (at < 0)
        {
            return true;
        }

        var rest = declaration.Slice(at + 8).TrimStart(" \t\r\n"u8);
        if (rest.IsEmpty || rest[0] != (byte)'=')
        {
            return false;
        }

        rest = rest.Slice(1).TrimStart(" \t\r\n"u8);
        if (rest.IsEmpty || rest[0] is not ((byte)'"' or (byte)'\''))
        {
            return false;
        }

        var close = rest.Slice(1).IndexOf(rest[0]);
        if (close < 0)
        {
            return false;
        }

        var name = rest.Slice(1, close);
        return name.Length == 5 && (name[0] | 0x20) == 'u' && (name[1] | 0x20) == 't' && (name[2] | 0x20) == 'f' && name[3] == '-' && name[4] == '8';
    }
#endif
}
