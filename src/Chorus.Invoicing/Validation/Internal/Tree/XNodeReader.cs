using System.Xml;

namespace Chorus.Invoicing.Validation.Internal.Tree;

/// <summary>
/// A forward-only <see cref="XmlReader"/> over a tree the validator already built, so that the EN 16931 model is read
/// from it instead of parsing the bytes a second time. It reports what a plain reader (comments, processing instructions
/// and insignificant whitespace ignored) reports on the same document, for the documents whose
/// <see cref="XNode.TextIsPlain"/> says so; a childless element is reported as an empty element. The line position is the
/// node's document order: unique per element, which is what <c>XmlCursor</c> uses it for (it is no column number).
/// </summary>
internal sealed class XNodeReader : XmlReader, IXmlLineInfo
{
    private readonly XNode _document;
    private readonly List<int> _positions = []; // index in its parent's children of the current node and each ancestor
    private XNode? _node;
    private XNode? _attribute;
    private XmlNodeType _type = XmlNodeType.None;
    private ReadState _state = ReadState.Initial;
    private int _depth;
    private int _chunkOffset;
    private XmlNameTable? _names;

    public XNodeReader(XNode document)
    {
        _document = document;
    }

    public override XmlNodeType NodeType => _attribute is not null ? XmlNodeType.Attribute : _type;

    public override string LocalName => Current?.LocalName ?? string.Empty;

    public override string NamespaceURI => Current?.NamespaceUri ?? string.Empty;

    public override string Prefix => Current?.Prefix ?? string.Empty;

    public override string Name => Current is { Kind: XNodeKind.Element or XNodeKind.Attribute } n ? n.QualifiedName : string.Empty;

    public override string Value => _attribute is not null ? _attribute.Value ?? string.Empty : _type == XmlNodeType.Text ? TextOf(_node!) : string.Empty;

    public override int Depth => _attribute is not null ? _depth + 1 : _depth;

    public override bool IsEmptyElement => _attribute is null && _type == XmlNodeType.Element && _node!.Children.Length == 0;

    public override int AttributeCount => _type == XmlNodeType.Element ? _node!.Attributes.Count : 0;

    public override string BaseURI => string.Empty;

    public override bool EOF => _state == ReadState.EndOfFile;

    public override ReadState ReadState => _state;

    public override XmlNameTable NameTable => _names ??= new NameTable();

    public override bool CanReadValueChunk => true;

    public int LineNumber => _node?.Line ?? 0;

    public int LinePosition => _node?.Order ?? 0;

    private XNode? Current => _attribute ?? (_type is XmlNodeType.Element or XmlNodeType.EndElement ? _node : null);

    public bool HasLineInfo() => true;

    public override bool Read()
    {
        _attribute = null;
        _chunkOffset = 0;
        switch (_state)
        {
            case ReadState.Initial:
                _state = ReadState.Interactive;
                return Enter(_document);
            case ReadState.Interactive:
                break;
            default:
                return false;
        }

        if (_type == XmlNodeType.Element && _node!.Children.Length > 0)
        {
            _depth++;
            return Enter(_node);
        }

        // After an empty element, a text or an end tag: the next sibling, else the parent's end tag.
        var parent = _node!.Parent!;
        var next = _positions[_positions.Count - 1] + 1;
        if (next < parent.Children.Length)
        {
            _positions[_positions.Count - 1] = next;
            return At(parent.Children[next]);
        }

        _positions.RemoveAt(_positions.Count - 1);
        if (parent.Kind == XNodeKind.Document)
        {
            _node = null;
            _type = XmlNodeType.None;
            _depth = 0;
            _state = ReadState.EndOfFile;
            return false;
        }

        _node = parent;
        _type = XmlNodeType.EndElement;
        _depth--;
        return true;
    }

    public override int ReadValueChunk(char[] buffer, int index, int count)
    {
        if (_attribute is not null || _type != XmlNodeType.Text)
        {
            return 0;
        }

        var text = TextOf(_node!);
        var n = Math.Min(count, text.Length - _chunkOffset);
        text.CopyTo(_chunkOffset, buffer, index, n);
        _chunkOffset += n;
        return n;
    }

    public override string? GetAttribute(string name)
    {
        if (ElementOfAttributes() is not { } element)
        {
            return null;
        }

        foreach (var a in element.Attributes)
        {
            if (a.QualifiedName == name)
            {
                return a.Value ?? string.Empty;
            }
        }

        return null;
    }

    public override string? GetAttribute(string name, string? namespaceURI)
    {
        if (ElementOfAttributes() is not { } element)
        {
            return null;
        }

        foreach (var a in element.Attributes)
        {
            if (a.LocalName == name && a.NamespaceUri == (namespaceURI ?? string.Empty))
            {
                return a.Value ?? string.Empty;
            }
        }

        return null;
    }

    public override string GetAttribute(int i) =>
        ElementOfAttributes() is { } element && i >= 0 && i < element.Attributes.Count
            ? element.Attributes[i].Value ?? string.Empty
            : throw new ArgumentOutOfRangeException(nameof(i));

    public override string? LookupNamespace(string prefix)
    {
        for (var n = _node; n is not null && n.Kind != XNodeKind.Document; n = n.Parent)
        {
            if (n.Kind == XNodeKind.Element && n.Prefix == prefix)
            {
                return n.NamespaceUri;
            }

            foreach (var a in n.Attributes)
            {
                if (a.Prefix == prefix && prefix.Length > 0)
                {
                    return a.NamespaceUri;
                }
            }
        }

        return null;
    }

    public override bool MoveToAttribute(string name)
    {
        if (ElementOfAttributes() is { } element)
        {
            foreach (var a in element.Attributes)
            {
                if (a.QualifiedName == name)
                {
                    _attribute = a;
                    return true;
                }
            }
        }

        return false;
    }

    public override bool MoveToAttribute(string name, string? ns)
    {
        if (ElementOfAttributes() is { } element)
        {
            foreach (var a in element.Attributes)
            {
                if (a.LocalName == name && a.NamespaceUri == (ns ?? string.Empty))
                {
                    _attribute = a;
                    return true;
                }
            }
        }

        return false;
    }

    public override bool MoveToElement()
    {
        var was = _attribute is not null;
        _attribute = null;
        return was;
    }

    public override bool MoveToFirstAttribute()
    {
        if (ElementOfAttributes() is { Attributes.Count: > 0 } element)
        {
            _attribute = element.Attributes[0];
            return true;
        }

        return false;
    }

    public override bool MoveToNextAttribute()
    {
        if (_attribute is null)
        {
            return MoveToFirstAttribute();
        }

        var attributes = _attribute.Parent!.Attributes;
        var i = attributes.IndexOf(_attribute);
        if (i + 1 < attributes.Count)
        {
            _attribute = attributes[i + 1];
            return true;
        }

        return false;
    }

    public override bool ReadAttributeValue() => false;

    public override void ResolveEntity() => throw new InvalidOperationException("no entity references in a tree");

    // A stand-in's text as the XML Schema pass read it (not the original the rules see lazily), else the node's text.
    /// <summary>
    /// On an element whose only child is a text (an invoice's leaf value): gives the text and moves past the element's end,
    /// as reading its text node and end tag would, in one call instead of nine virtual ones.
    /// </summary>
    internal bool TryReadLeafText(out string text)
    {
        if (_attribute is null && _type == XmlNodeType.Element && _node!.Children is { Length: 1 } children && children[0].Kind == XNodeKind.Text)
        {
            text = TextOf(children[0]);
            _type = XmlNodeType.EndElement;
            Read();
            return true;
        }

        text = string.Empty;
        return false;
    }

    private string TextOf(XNode text) => _document.StandInText(text) ?? text.Value ?? string.Empty;

    private XNode? ElementOfAttributes() => _type == XmlNodeType.Element ? _node : null;

    // Moves to the first child of a node (the document's is its root element).
    private bool Enter(XNode parent)
    {
        if (parent.Children.Length == 0)
        {
            _state = ReadState.EndOfFile;
            return false;
        }

        _positions.Add(0);
        return At(parent.Children[0]);
    }

    private bool At(XNode node)
    {
        _node = node;
        _type = node.Kind == XNodeKind.Element ? XmlNodeType.Element : XmlNodeType.Text;
        return true;
    }
}
