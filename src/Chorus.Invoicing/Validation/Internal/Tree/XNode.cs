using System.Text;
using System.Xml;

namespace Chorus.Invoicing.Validation.Internal.Tree;

/// <summary>The kinds of node the rule engine walks.</summary>
internal enum XNodeKind : byte
{
    Document,
    Element,
    Attribute,
    Text,
}

/// <summary>
/// A compact, immutable-after-build XML node: just what the rules read (names, parent, children, attributes,
/// string values, document order). Built in one forward pass over an <see cref="XmlReader"/>.
/// </summary>
internal sealed class XNode
{
    private static readonly List<XNode> NoNodes = [];
    private string? _value;

    // What only a document node holds (or a node a large text is computed for) lives apart, so that the tens of thousands
    // of nodes of a batch do not each carry empty fields for it.
    private Extra? _extra;

    public XNode(XNodeKind kind, string localName, string namespaceUri, string prefix, XNode? parent)
    {
        Kind = kind;
        LocalName = localName;
        NamespaceUri = namespaceUri;
        Prefix = prefix;
        Parent = parent;
    }

    public XNodeKind Kind { get; }

    /// <summary>The document node of this node's tree.</summary>
    public XNode Document => Root;

    public string LocalName { get; }

    public string NamespaceUri { get; }

    public string Prefix { get; }

    public XNode? Parent { get; }

    /// <summary>Position in document order (attributes follow their element).</summary>
    public int Order { get; set; }

    /// <summary>Element and text children, in document order.</summary>
    public XNode[] Children { get; private set; } = [];

    public List<XNode> Attributes { get; private set; } = NoNodes;

    /// <summary>Value of a text or attribute node.</summary>
    public string? Value
    {
        get
        {
            if (_extra?.LazyValue is { } lazy)
            {
                _value = lazy();
                _extra.LazyValue = null;
            }

            return _value;
        }

        set
        {
            _value = value;
            if (_extra is not null)
            {
                _extra.LazyValue = null;
            }
        }
    }

    /// <summary>For the document node built by <see cref="XTreeBuilder"/>: the highest <see cref="Order"/> in the tree
    /// (0 when unknown), so that rules can keep per-node marks in an array instead of a hash set.</summary>
    public int MaxOrder
    {
        get => _extra?.MaxOrder ?? 0;
        set => ExtraData.MaxOrder = value;
    }

    /// <summary>For the document node built by <see cref="XTreeBuilder"/>: every text was read as one plain text node
    /// (no CDATA section, no whitespace-only text, no text in pieces), so a plain reader of the same bytes reports the same
    /// texts as the tree holds (see <see cref="XNodeReader"/>).</summary>
    public bool TextIsPlain
    {
        get => _extra?.TextIsPlain ?? false;
        set => ExtraData.TextIsPlain = value;
    }

    /// <summary>For the document node built by <see cref="XTreeBuilder"/>: every element by the string instances of its
    /// expanded name (the reader's atomized names), in document order; <see cref="ElementIndex"/> is made from it.</summary>
    internal void SetElementsByInstance(Dictionary<(string Ns, string Local), List<XNode>> elements) => ExtraData.ElementsByInstance = elements;

    /// <summary>For the document node: the text a stand-in node was read with (its value is the original, computed lazily).</summary>
    public string? StandInText(XNode text) => _extra?.StandInTexts is { } texts && texts.TryGetValue(text, out var read) ? read : null;

    internal void AddStandInText(XNode text, string read) => (ExtraData.StandInTexts ??= [])[text] = read;

    /// <summary>1-based line of the node in its document (0 when unknown).</summary>
    public int Line { get; set; }

    /// <summary>The document node this node belongs to.</summary>
    public XNode Root
    {
        get
        {
            var n = this;
            while (n.Parent is not null)
            {
                n = n.Parent;
            }

            return n;
        }
    }

    /// <summary>For the document node: every element by expanded name, in document order (serves <c>//name</c>).
    /// Built on first use (only the interpreted rule tables ask); null on other nodes unless set.</summary>
    public Dictionary<(string Ns, string Local), List<XNode>>? ElementIndex
    {
        get
        {
            if (Kind == XNodeKind.Document && ExtraData is { ElementIndex: null } extra)
            {
                extra.ElementIndex = extra.ElementsByInstance is { } byInstance ? XTreeIndexes.ByValue(byInstance) : XTreeIndexes.Elements(this);
                extra.ElementsByInstance = null;
            }

            return _extra?.ElementIndex;
        }

        set => ExtraData.ElementIndex = value;
    }

    // Not kept per node (a tree has thousands, the name is read for a problem's location and a few attribute lookups).
    public string QualifiedName => Prefix.Length == 0 ? LocalName : Prefix + ":" + LocalName;

    /// <summary>For the document node: every attribute by expanded name, in document order (serves <c>//@name</c>).
    /// Built on first use, apart from <see cref="ElementIndex"/> (no rule of the tables asks for it today).</summary>
    public Dictionary<(string Ns, string Local), List<XNode>>? AttributeIndex
    {
        get
        {
            if (Kind == XNodeKind.Document && ExtraData is { AttributeIndex: null } extra)
            {
                extra.AttributeIndex = XTreeIndexes.Attributes(this);
            }

            return _extra?.AttributeIndex;
        }

        set => ExtraData.AttributeIndex = value;
    }

    /// <summary>Sets the value of a text node to be computed on first read (a large attachment's text that the XML
    /// Schema pass did not need to see; see <see cref="LargeBinaryContent"/>).</summary>
    internal void SetLazyValue(Func<string> value)
    {
        _value = null;
        ExtraData.LazyValue = value;
    }

    private Extra ExtraData => _extra ??= new Extra();

    /// <summary>Sets the children, once, when the builder reaches the node's end.</summary>
    internal void SetChildren(XNode[] children) => Children = children;

    public void AddAttribute(XNode attribute)
    {
        if (ReferenceEquals(Attributes, NoNodes))
        {
            // An invoice element carries one attribute (currencyID, schemeID, unitCode…) far more often than several.
            Attributes = new List<XNode>(1);
        }

        Attributes.Add(attribute);
    }

    /// <summary>The XPath string value: the text of a text/attribute node, the concatenated descendant text of an element.</summary>
    public string StringValue
    {
        get
        {
            // Kept only where it is computed (an element with element children): a text's, an attribute's or a leaf's
            // is a string the tree already holds, and most nodes never need one.
            if (Kind is XNodeKind.Text or XNodeKind.Attribute)
            {
                return Value ?? string.Empty;
            }

            if (Children.Length == 1 && Children[0].Kind == XNodeKind.Text)
            {
                return Children[0].Value ?? string.Empty;
            }

            if (Children.Length == 0)
            {
                return string.Empty;
            }

            if (_extra?.StringValue is { } known)
            {
                return known;
            }

            var sb = new StringBuilder();
            AppendText(this, sb);
            return ExtraData.StringValue = sb.ToString();
        }
    }

    private static void AppendText(XNode node, StringBuilder sb)
    {
        foreach (var c in node.Children)
        {
            if (c.Kind == XNodeKind.Text)
            {
                sb.Append(c.Value);
            }
            else
            {
                AppendText(c, sb);
            }
        }
    }

    /// <summary>A readable XPath of this node: <c>/ubl:Invoice/cac:InvoiceLine[2]/cbc:ID</c> (position only when needed).</summary>
    public string Path()
    {
        if (Kind == XNodeKind.Document)
        {
            return "/";
        }

        var parts = new List<string>();
        for (var n = this; n is not null && n.Kind != XNodeKind.Document; n = n.Parent)
        {
            if (n.Kind == XNodeKind.Attribute)
            {
                parts.Add("@" + n.QualifiedName);
                continue;
            }

            var name = n.QualifiedName;
            if (n.Parent is { } p)
            {
                int index = 0, count = 0;
                foreach (var s in p.Children)
                {
                    if (s.Kind == XNodeKind.Element && s.LocalName == n.LocalName && s.NamespaceUri == n.NamespaceUri)
                    {
                        count++;
                        if (ReferenceEquals(s, n))
                        {
                            index = count;
                        }
                    }
                }

                if (count > 1)
                {
                    name += "[" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]";
                }
            }

            parts.Add(name);
        }

        parts.Reverse();
        return "/" + string.Join("/", parts);
    }

    private sealed class Extra
    {
        public Func<string>? LazyValue { get; set; }

        public string? StringValue { get; set; }

        public int MaxOrder { get; set; }

        public bool TextIsPlain { get; set; }

        public Dictionary<XNode, string>? StandInTexts { get; set; }

        public Dictionary<(string Ns, string Local), List<XNode>>? ElementIndex { get; set; }

        public Dictionary<(string Ns, string Local), List<XNode>>? ElementsByInstance { get; set; }

        public Dictionary<(string Ns, string Local), List<XNode>>? AttributeIndex { get; set; }
    }
}
