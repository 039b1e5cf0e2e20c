using System.Buffers;
using System.Text;
using System.Xml;
using Chorus.Invoicing.Model;

namespace Chorus.Invoicing.Xml;

/// <summary>
/// A forward-only walk over an <see cref="XmlReader"/> for the recursive-descent readers: child iteration, text and
/// base64 content, a depth limit, and source locations (line, column and an XPath built lazily from a path stack).
/// </summary>
internal sealed class XmlCursor
{
    private readonly XmlReader _reader;
    private readonly IXmlLineInfo? _lines;
    private readonly int _maxDepth;
    private Frame[] _frames = new Frame[16];
    private List<ChildCount>?[] _counts = new List<ChildCount>?[16];
    private readonly List<RepeatedElement> _repeated = [];
    private int _lastChildLine = -1;
    private int _lastChildColumn = -1;

    public XmlCursor(XmlReader reader, int maxDepth)
    {
        _reader = reader;
        _lines = reader as IXmlLineInfo;
        _maxDepth = maxDepth;
    }

    public XmlReader Reader => _reader;

    public string LocalName => _reader.LocalName;

    public string NamespaceUri => _reader.NamespaceURI;

    public List<RepeatedElement> Repeated => _repeated;

    public int Line => _lines?.LineNumber ?? 0;

    public int Column => _lines?.LinePosition ?? 0;

    /// <summary>Moves to the root element and starts the path stack.</summary>
    public bool MoveToRoot()
    {
        if (_reader.MoveToContent() != XmlNodeType.Element)
        {
            return false;
        }

        _frames[0] = new Frame(_reader.Prefix, _reader.LocalName, 1);
        return true;
    }

    /// <summary>On a start tag: steps inside. False (and past the element) when it is empty.</summary>
    public bool BeginChildren()
    {
        if (_reader.IsEmptyElement)
        {
            _reader.Read();
            return false;
        }

        _reader.Read();
        return true;
    }

    /// <summary>
    /// Inside an element (after <see cref="BeginChildren"/>): moves to the next child start tag and returns true, or
    /// consumes the parent's end tag and returns false. Text and other nodes between children are skipped.
    /// </summary>
    public bool NextChild()
    {
        while (true)
        {
            switch (_reader.NodeType)
            {
                case XmlNodeType.Element:
                    if (_lines is not null && _lines.LineNumber == _lastChildLine && _lines.LinePosition == _lastChildColumn)
                    {
                        // The caller left the child we returned last unread (e.g. a second occurrence of an element
                        // the model holds once, which its handler ignores): skip it here, so that no handler can make
                        // the read loop spin on one element (found by the fuzzing harness: a duplicated
                        // SpecifiedTradeProduct hung the CII reader).
                        _lastChildLine = _lastChildColumn = -1;
                        Skip();
                        continue;
                    }

                    Push();
                    if (_lines is not null)
                    {
                        (_lastChildLine, _lastChildColumn) = (_lines.LineNumber, _lines.LinePosition);
                    }

                    return true;
                case XmlNodeType.EndElement:
                    _reader.Read();
                    return false;
                case XmlNodeType.None:
                    throw new XmlException("Unexpected end of file.");
                default:
                    if (!_reader.Read())
                    {
                        throw new XmlException("Unexpected end of file.");
                    }

                    break;
            }
        }
    }

    /// <summary>Skips the current element and its content (with the depth limit).</summary>
    public void Skip()
    {
        if (_reader.IsEmptyElement)
        {
            _reader.Read();
            return;
        }

        var depth = _reader.Depth;
        while (_reader.Read())
        {
            if (_reader.NodeType == XmlNodeType.Element && _reader.Depth > _maxDepth)
            {
                throw DepthExceeded();
            }

            if (_reader.NodeType == XmlNodeType.EndElement && _reader.Depth == depth)
            {
                _reader.Read();
                return;
            }
        }

        throw new XmlException("Unexpected end of file.");
    }

    /// <summary>The text content of the current element (child elements skipped); consumes the element.</summary>
    public string ReadText()
    {
        // The validator's tree (read + validate) hands over a leaf's text directly.
        if (_reader is Chorus.Invoicing.Validation.Internal.Tree.XNodeReader tree && tree.TryReadLeafText(out var leaf))
        {
            return leaf;
        }

        if (_reader.IsEmptyElement)
        {
            _reader.Read();
            return string.Empty;
        }

        var depth = _reader.Depth;
        _reader.Read();
        string? first = null;
        StringBuilder? more = null;
        while (true)
        {
            switch (_reader.NodeType)
            {
                case XmlNodeType.Text:
                case XmlNodeType.CDATA:
                case XmlNodeType.SignificantWhitespace:
                case XmlNodeType.Whitespace:
                    if (first is null)
                    {
                        first = _reader.Value;
                    }
                    else
                    {
                        (more ??= new StringBuilder(first)).Append(_reader.Value);
                    }

                    _reader.Read();
                    break;
                case XmlNodeType.Element:
                    Skip();
                    break;
                case XmlNodeType.EndElement when _reader.Depth == depth:
                    _reader.Read();
                    return more?.ToString() ?? first ?? string.Empty;
                case XmlNodeType.None:
                    throw new XmlException("Unexpected end of file.");
                default:
                    _reader.Read();
                    break;
            }
        }
    }

    /// <summary>An attribute of the current element (no namespace), or null.</summary>
    public string? Attribute(string name) => _reader.HasAttributes ? _reader.GetAttribute(name) : null;

    /// <summary>Decodes base64 content straight into one exact-size array (pooled scratch while it grows); consumes the element.</summary>
    public byte[] ReadBase64()
    {
        if (_reader.IsEmptyElement)
        {
            _reader.Read();
            return [];
        }

#if NET8_0_OR_GREATER
        if (_reader.CanReadValueChunk)
        {
            return ReadBase64Chunked();
        }
#endif

        var pool = ArrayPool<byte>.Shared;
        var buffer = pool.Rent(64 * 1024);
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    var bigger = pool.Rent(buffer.Length * 2);
                    Buffer.BlockCopy(buffer, 0, bigger, 0, length);
                    pool.Return(buffer);
                    buffer = bigger;
                }

                var n = _reader.ReadElementContentAsBase64(buffer, length, buffer.Length - length);
                if (n == 0)
                {
                    break;
                }

                length += n;
            }

            var result = new byte[length];
            Buffer.BlockCopy(buffer, 0, result, 0, length);
            return result;
        }
        finally
        {
            pool.Return(buffer);
        }
    }

#if NET8_0_OR_GREATER
    // Text chunks narrowed to ASCII and decoded by the vectorized Base64.DecodeFromUtf8 (XmlReader's own base64 decoder
    // is scalar): whitespace is squeezed out, whole 4-character groups decoded, the remainder carried to the next chunk.
    private byte[] ReadBase64Chunked()
    {
        var depth = _reader.Depth;
        var chars = ArrayPool<char>.Shared.Rent(64 * 1024);
        var ascii = ArrayPool<byte>.Shared.Rent(64 * 1024 + 4);
        var output = ArrayPool<byte>.Shared.Rent(96 * 1024);
        int pending = 0, length = 0;
        try
        {
            _reader.Read();
            while (true)
            {
                switch (_reader.NodeType)
                {
                    case XmlNodeType.Text:
                    case XmlNodeType.CDATA:
                    case XmlNodeType.Whitespace:
                    case XmlNodeType.SignificantWhitespace:
                        int n;
                        while ((n = _reader.ReadValueChunk(chars, 0, chars.Length)) > 0)
                        {
                            var kept = pending + Squeeze(chars.AsSpan(0, n), ascii.AsSpan(pending));
                            var usable = kept - (kept % 4);
                            var need = length + (usable / 4 * 3);
                            if (need > output.Length)
                            {
                                var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(need, output.Length * 2));
                                Buffer.BlockCopy(output, 0, bigger, 0, length);
                                ArrayPool<byte>.Shared.Return(output);
                                output = bigger;
                            }

                            var status = System.Buffers.Text.Base64.DecodeFromUtf8(ascii.AsSpan(0, usable), output.AsSpan(length), out _, out var written);
                            if (status != OperationStatus.Done)
                            {
                                throw new FormatException("invalid base64 content");
                            }

                            length += written;
                            ascii.AsSpan(usable, kept - usable).CopyTo(ascii);
                            pending = kept - usable;
                        }

                        _reader.Read();
                        break;
                    case XmlNodeType.Element:
                        Skip();
                        break;
                    case XmlNodeType.EndElement when _reader.Depth == depth:
                        _reader.Read();
                        if (pending != 0)
                        {
                            throw new FormatException("invalid base64 content: truncated group");
                        }

                        return output.AsSpan(0, length).ToArray();
                    case XmlNodeType.None:
                        throw new XmlException("Unexpected end of file.");
                    default:
                        _reader.Read();
                        break;
                }
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
            ArrayPool<byte>.Shared.Return(ascii);
            ArrayPool<byte>.Shared.Return(output);
        }
    }

    // Copies the non-whitespace characters as ASCII bytes (a non-ASCII character becomes 0xFF, invalid base64).
    private static int Squeeze(ReadOnlySpan<char> source, Span<byte> target)
    {
        var write = 0;
        foreach (var c in source)
        {
            if (c > ' ')
            {
                target[write++] = c < 128 ? (byte)c : (byte)0xFF;
            }
        }

        return write;
    }
#endif

    /// <summary>The location of the current element (materialises the path nodes once, shared by descendants).</summary>
    public SourceLocation Here()
    {
        var depth = _reader.Depth;
        return new SourceLocation(Node(depth), Line, Column);
    }

    /// <summary>Records that the current element repeats one the model holds once.</summary>
    public void NoteRepeated() => _repeated.Add(new RepeatedElement(_reader.Name, Here()));

    public InvoiceFormatException DepthExceeded() =>
        new($"nesting deeper than {_maxDepth} elements", Line, Column);

    private void Push()
    {
        var depth = _reader.Depth;
        if (depth > _maxDepth)
        {
            throw DepthExceeded();
        }

        if (depth >= _frames.Length)
        {
            Array.Resize(ref _frames, _frames.Length * 2);
            Array.Resize(ref _counts, _frames.Length);
        }

        // Prefix and LocalName are atomized by the reader; Name would concatenate a new string per element.
        var prefix = _reader.Prefix;
        var local = _reader.LocalName;
        var position = depth == 0 ? 1 : CountChild(depth - 1, prefix, local);
        _frames[depth] = new Frame(prefix, local, position);
        _counts[depth]?.Clear();
    }

    private LocationNode? Node(int depth)
    {
        if (depth < 0)
        {
            return null;
        }

        ref var frame = ref _frames[depth];
        if (frame.Node is null)
        {
            frame.Node = new LocationNode(Node(depth - 1), frame.Prefix, frame.LocalName, frame.Position);
        }

        return frame.Node;
    }

    private int CountChild(int depth, string prefix, string local)
    {
        var children = _counts[depth] ??= [];
        for (var i = 0; i < children.Count; i++)
        {
            var c = children[i];
            if (ReferenceEquals(c.LocalName, local) && ReferenceEquals(c.Prefix, prefix))
            {
                c.Count++;
                children[i] = c;
                return c.Count;
            }
        }

        children.Add(new ChildCount { Prefix = prefix, LocalName = local, Count = 1 });
        return 1;
    }

    private struct ChildCount
    {
        public string Prefix;
        public string LocalName;
        public int Count;
    }

    private struct Frame(string prefix, string localName, int position)
    {
        public string Prefix { get; } = prefix;

        public string LocalName { get; } = localName;

        public int Position { get; } = position;

        public LocationNode? Node { get; set; }
    }
}
