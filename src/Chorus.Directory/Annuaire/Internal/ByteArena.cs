using System.Runtime.CompilerServices;

namespace Chorus.Directory.Annuaire.Internal;

/// <summary>One growing byte array holding the UTF-8 text of a directory (names, codes): no string per field at load time.</summary>
internal sealed class ByteArena
{
    private byte[] _bytes;
    private int _length;

    public ByteArena(int capacity) => _bytes = new byte[Math.Max(capacity, 256)];

    public byte[] Bytes => _bytes;

    public int Length => _length;

    /// <summary>Appends <paramref name="text"/>; returns its offset.</summary>
    [MethodImpl(HotPath.Options)]
    public int Append(ReadOnlySpan<byte> text)
    {
        Reserve(text.Length);
        var offset = _length;
        text.CopyTo(_bytes.AsSpan(_length));
        _length += text.Length;
        return offset;
    }

    /// <summary>Appends a quoted field's content with its doubled quotes collapsed; returns its offset and length.</summary>
    [MethodImpl(HotPath.Options)]
    public (int Offset, int Length) AppendUnescaped(ReadOnlySpan<byte> text)
    {
        Reserve(text.Length);
        var offset = _length;
        while (true)
        {
            // Copy up to and including the next quote, then skip its double.
            var quote = text.IndexOf((byte)'"');
            var chunk = quote < 0 ? text : text.Slice(0, quote + 1);
            chunk.CopyTo(_bytes.AsSpan(_length));
            _length += chunk.Length;
            if (quote < 0)
            {
                break;
            }

            text = text.Slice(quote + 1);
            if (!text.IsEmpty && text[0] == (byte)'"')
            {
                text = text.Slice(1);
            }
        }

        return (offset, _length - offset);
    }

    public ReadOnlySpan<byte> Slice(int offset, int length) => new(_bytes, offset, length);

    private void Reserve(int count)
    {
        if (_length + count > _bytes.Length)
        {
            Array.Resize(ref _bytes, (int)Math.Min(Math.Max((long)_bytes.Length * 2, (long)_length + count), int.MaxValue - 64));
        }
    }
}
