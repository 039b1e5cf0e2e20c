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
        var w = _length;
        for (var i = 0; i < text.Length; i++)
        {
            _bytes[w++] = text[i];
            if (text[i] == (byte)'"' && i + 1 < text.Length && text[i + 1] == (byte)'"')
            {
                i++;
            }
        }

        _length = w;
        return (offset, w - offset);
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
