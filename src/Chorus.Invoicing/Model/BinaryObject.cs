namespace Chorus.Invoicing.Model;

/// <summary>
/// BT-125 An attached document: its bytes (decoded from base64 straight into one buffer while reading), MIME code
/// BT-125-1 and file name BT-125-2. Compares by content.
/// </summary>
public sealed class BinaryObject : IEquatable<BinaryObject>
{
    private readonly byte[] _content;

    /// <summary>An attachment holding a copy of <paramref name="content"/>.</summary>
    public BinaryObject(ReadOnlySpan<byte> content, string? mimeCode, string? fileName)
        : this(content.ToArray(), mimeCode, fileName, owned: true)
    {
    }

    internal BinaryObject(byte[] content, string? mimeCode, string? fileName, bool owned)
    {
        _ = owned;
        _content = content;
        MimeCode = mimeCode;
        FileName = fileName;
    }

    /// <summary>The decoded bytes (no copy).</summary>
    public ReadOnlyMemory<byte> Content => _content;

    /// <summary>The number of decoded bytes.</summary>
    public int Length => _content.Length;

    /// <summary>BT-125-1 MIME code (e.g. <c>application/pdf</c>).</summary>
    public string? MimeCode { get; }

    /// <summary>BT-125-2 File name.</summary>
    public string? FileName { get; }

    /// <inheritdoc />
    public bool Equals(BinaryObject? other) =>
        other is not null && MimeCode == other.MimeCode && FileName == other.FileName && _content.AsSpan().SequenceEqual(other._content);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as BinaryObject);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(MimeCode, FileName, _content.Length);

    /// <summary>File name, MIME code and size.</summary>
    public override string ToString() => $"{FileName} ({MimeCode}, {_content.Length} bytes)";
}
