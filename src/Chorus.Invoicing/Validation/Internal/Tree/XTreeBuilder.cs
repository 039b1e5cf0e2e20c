using System.Xml;
using System.Xml.Schema;

namespace Chorus.Invoicing.Validation.Internal.Tree;

/// <summary>Thrown when the input cannot be read as XML within the limits; carries the line where it failed.</summary>
internal sealed class XTreeException(string message, int line, Exception? inner = null) : Exception(message, inner)
{
    public int Line { get; } = line;
}

/// <summary>Builds an <see cref="XNode"/> tree in one pass over a (possibly validating) <see cref="XmlReader"/>.</summary>
internal static class XTreeBuilder
{
    /// <summary>Deeper than this is not an invoice: the reader stops instead of recursing (bounded memory and time).</summary>
    public const int MaxDepth = 128;

    /// <summary>More nodes than this (elements, attributes, texts) is not an invoice either: a 10,000-line invoice has about 500,000.</summary>
    public const int MaxNodes = 1_000_000;

    public static XNode Build(XmlReader reader) => Build(reader, null);

    /// <summary>
    /// Builds the tree; a text node whose value is the next of <paramref name="standIns"/> (in document order, inside an
    /// attachment element) gets the stand-in's original text as a lazy value and the stand-in is marked matched.
    /// </summary>
    public static XNode Build(XmlReader reader, IReadOnlyList<TextStandIn>? standIns) => Build(reader, standIns, null);

    /// <summary>
    /// As above, and, with a <paramref name="validator"/>, validates the document against its schema set in the same
    /// pass: the builder feeds the validator each node of the (non-validating) reader as .NET's validating reader would
    /// (xsi attributes first, then the element, its attributes, end of attributes; text; end element; end of document),
    /// so the schema problems are the same, at the same line and column, and the reader's names, values and whitespace
    /// are the same too. Driving the validator directly skips the validating reader's per-node bookkeeping (typed
    /// values, attribute PSVI, default attributes the tree drops anyway): a quarter of the XSD pass's time.
    /// </summary>
    public static XNode Build(XmlReader reader, IReadOnlyList<TextStandIn>? standIns, XmlSchemaValidator? validator)
    {
        var doc = new XNode(XNodeKind.Document, string.Empty, string.Empty, string.Empty, null);
        var nextStandIn = 0;
        var order = 0;
        var current = doc;
        var lineInfo = reader as IXmlLineInfo;
        System.Text.StringBuilder? pending = null;
        string? pendingText = null;
        var depth = 0;
        var plain = true;

        // Elements by name as the reader gives it (atomized: one instance per name), for the name index.
        // Sized for an invoice's 40-60 distinct element names, so that the table is not rehashed five times per document.
        var byInstance = new Dictionary<(string Ns, string Local), List<XNode>>(64, InstanceNameComparer.Instance);

        // The children read so far of the open node at each depth (0: the document), one reused list per depth: a node
        // gets its children as one exact array at its end tag (no list per element, no growing arrays left behind).
        var open = new List<List<XNode>>(16);
        List<XNode> ChildrenAt(int level)
        {
            while (open.Count <= level)
            {
                open.Add(new List<XNode>(16));
            }

            return open[level];
        }

        void FlushText()
        {
            var text = pending is not null ? pending.ToString() : pendingText;
            if (text is not null && current.Kind == XNodeKind.Element)
            {
                plain &= pending is null && !IsXmlWhitespace(text);
                var node = new XNode(XNodeKind.Text, string.Empty, string.Empty, string.Empty, current) { Value = text, Order = ++order };
                if (standIns is not null && nextStandIn < standIns.Count && standIns[nextStandIn] is var standIn && standIn.Matches(text, current))
                {
                    node.SetLazyValue(standIn.Original);
                    doc.AddStandInText(node, text);
                    standIn.Matched = true;
                    nextStandIn++;
                }

                ChildrenAt(depth).Add(node);
            }

            pending = null;
            pendingText = null;
        }

        try
        {
            while (reader.Read())
            {
                switch (reader.NodeType)
                {
                    case XmlNodeType.Element:
                        {
                            FlushText();
                            if (++depth > MaxDepth)
                            {
                                throw new XTreeException($"elements nested deeper than {MaxDepth}", lineInfo?.LineNumber ?? 0);
                            }

                            if (order > MaxNodes)
                            {
                                throw new XTreeException($"more than {MaxNodes} nodes", lineInfo?.LineNumber ?? 0);
                            }

                            validator?.ValidateElement(reader);
                            var el = new XNode(XNodeKind.Element, reader.LocalName, reader.NamespaceURI, reader.Prefix, current)
                            {
                                Order = ++order,
                                Line = lineInfo?.LineNumber ?? 0,
                            };
                            ChildrenAt(depth - 1).Add(el);
                            if (!byInstance.TryGetValue((el.NamespaceUri, el.LocalName), out var named))
                            {
                                byInstance[(el.NamespaceUri, el.LocalName)] = named = [];
                            }

                            named.Add(el);
                            if (reader.MoveToFirstAttribute())
                            {
                                do
                                {
                                    // Namespace declarations are no attributes; nor are the defaults and fixed values the XSD
                                    // validation adds (CII's CategoryCode/@listID…): the official schematron sees the document as written.
                                    if (reader.NamespaceURI == "http://www.w3.org/2000/xmlns/" || reader.IsDefault)
                                    {
                                        continue;
                                    }

                                    var value = reader.Value;
                                    validator?.ValidateAttribute(reader.LocalName, reader.NamespaceURI, value, null);
                                    var attribute = new XNode(XNodeKind.Attribute, reader.LocalName, reader.NamespaceURI, reader.Prefix, el) { Value = value, Order = ++order };
                                    el.AddAttribute(attribute);
                                }
                                while (reader.MoveToNextAttribute());
                                reader.MoveToElement();
                            }

                            validator?.ValidateEndOfAttributes(null);
                            if (reader.IsEmptyElement)
                            {
                                validator?.ValidateEndElement(null);
                                depth--;
                            }
                            else
                            {
                                current = el;
                            }

                            break;
                        }

                    case XmlNodeType.EndElement:
                        validator?.ValidateEndElement(null);
                        FlushText();
                        var children = ChildrenAt(depth);
                        current.SetChildren([.. children]);
                        children.Clear();
                        depth--;
                        current = current.Parent ?? doc;
                        break;
                    case XmlNodeType.Text:
                    case XmlNodeType.CDATA:
                    case XmlNodeType.Whitespace:
                    case XmlNodeType.SignificantWhitespace:
                        var text = reader.Value;
                        validator?.ValidateText(reader.NodeType, text);
                        if (current.Kind != XNodeKind.Element)
                        {
                            break;
                        }

                        plain &= reader.NodeType == XmlNodeType.Text;
                        if (pendingText is null && pending is null)
                        {
                            pendingText = text;
                        }
                        else
                        {
                            pending ??= new System.Text.StringBuilder(pendingText);
                            pending.Append(text);
                        }

                        break;
                }
            }

            validator?.EndValidation();
        }
        catch (XmlException ex)
        {
            throw new XTreeException(ex.Message, ex.LineNumber, ex);
        }

        doc.SetChildren([.. ChildrenAt(0)]);
        doc.MaxOrder = order;
        doc.SetElementsByInstance(byInstance);
        doc.TextIsPlain = plain;
        return doc;
    }

    // The element's xsi attributes go to the validator with the element (they can change its type); the others are
    // validated one by one as the tree takes them.
    private static void ValidateElement(this XmlSchemaValidator validator, XmlReader reader)
    {
        string? xsiType = null, xsiNil = null, schemaLocation = null, noNamespaceSchemaLocation = null;
        if (reader.MoveToFirstAttribute())
        {
            do
            {
                if (reader.NamespaceURI == XmlSchema.InstanceNamespace)
                {
                    switch (reader.LocalName)
                    {
                        case "type":
                            xsiType = reader.Value;
                            break;
                        case "nil":
                            xsiNil = reader.Value;
                            break;
                        case "schemaLocation":
                            schemaLocation = reader.Value;
                            break;
                        case "noNamespaceSchemaLocation":
                            noNamespaceSchemaLocation = reader.Value;
                            break;
                    }
                }
            }
            while (reader.MoveToNextAttribute());
            reader.MoveToElement();
        }

        validator.ValidateElement(reader.LocalName, reader.NamespaceURI, null, xsiType, xsiNil, schemaLocation, noNamespaceSchemaLocation);
    }

    private static void ValidateText(this XmlSchemaValidator validator, XmlNodeType type, string text)
    {
        if (type is XmlNodeType.Text or XmlNodeType.CDATA)
        {
            validator.ValidateText(text);
        }
        else
        {
            validator.ValidateWhitespace(text);
        }
    }

    // XML's whitespace (S): a text of only these is what a plain reader reports as whitespace, not text.
    private static bool IsXmlWhitespace(string text)
    {
        foreach (var c in text)
        {
            if (c is not (' ' or '\t' or '\r' or '\n'))
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>
/// A text the validator put in place of a large attachment's text before the XML Schema pass (see
/// <see cref="LargeBinaryContent"/>): what the reader will report, and the original text, decoded only if a rule reads it.
/// </summary>
internal sealed class TextStandIn(string text, Func<string> original)
{
    public string Text { get; } = text;

    public Func<string> Original { get; } = original;

    public bool Matched { get; set; }

    /// <summary>The reader's text is the stand-in, directly inside a UBL or CII attachment element.</summary>
    public bool Matches(string text, XNode element) =>
        text.Length == Text.Length && string.Equals(text, Text, StringComparison.Ordinal) &&
        ((element.LocalName == "EmbeddedDocumentBinaryObject" && element.NamespaceUri == LargeBinaryContent.CbcNs) ||
         (element.LocalName == "AttachmentBinaryObject" && element.NamespaceUri == LargeBinaryContent.RamNs));
}

/// <summary>The document-wide indexes of a tree that only the interpreted rule tables use, built on their first request.</summary>
internal static class XTreeIndexes
{
    /// <summary>Every element by expanded name, in document order.</summary>
    public static Dictionary<(string Ns, string Local), List<XNode>> Elements(XNode document)
    {
        var elements = new Dictionary<(string, string), List<XNode>>(ExpandedNameComparer.Instance);
        var stack = new Stack<XNode>();
        Push(stack, document);
        while (stack.Count > 0)
        {
            var el = stack.Pop();
            var key = (el.NamespaceUri, el.LocalName);
            if (!elements.TryGetValue(key, out var list))
            {
                elements[key] = list = [];
            }

            list.Add(el);
            Push(stack, el);
        }

        return elements;
    }

    /// <summary>
    /// The index by expanded name from lists keyed by string instances: the same name as two instances (a reader that
    /// does not atomize) is one entry, its lists merged in document order.
    /// </summary>
    public static Dictionary<(string Ns, string Local), List<XNode>> ByValue(Dictionary<(string Ns, string Local), List<XNode>> byInstance)
    {
        var elements = new Dictionary<(string, string), List<XNode>>(byInstance.Count, ExpandedNameComparer.Instance);
        foreach (var entry in byInstance)
        {
            if (elements.TryGetValue(entry.Key, out var list))
            {
                list.AddRange(entry.Value);
                list.Sort(static (a, b) => a.Order.CompareTo(b.Order));
            }
            else
            {
                elements[entry.Key] = entry.Value;
            }
        }

        return elements;
    }

    /// <summary>Every attribute by expanded name, in document order.</summary>
    public static Dictionary<(string Ns, string Local), List<XNode>> Attributes(XNode document)
    {
        var attributes = new Dictionary<(string, string), List<XNode>>(ExpandedNameComparer.Instance);
        foreach (var elements in Elements(document).Values)
        {
            foreach (var el in elements)
            {
                foreach (var a in el.Attributes)
                {
                    var key = (a.NamespaceUri, a.LocalName);
                    if (!attributes.TryGetValue(key, out var list))
                    {
                        attributes[key] = list = [];
                    }

                    list.Add(a);
                }
            }
        }

        foreach (var list in attributes.Values)
        {
            list.Sort(static (a, b) => a.Order.CompareTo(b.Order));
        }

        return attributes;
    }

    // Element children in reverse, so that popping visits them in document order.
    private static void Push(Stack<XNode> stack, XNode node)
    {
        for (var i = node.Children.Length - 1; i >= 0; i--)
        {
            if (node.Children[i].Kind == XNodeKind.Element)
            {
                stack.Push(node.Children[i]);
            }
        }
    }
}

/// <summary>
/// Compares expanded names ordinally but hashes the local name only: the namespace URIs are long and shared by almost
/// every element, so hashing them on each of a document's thousands of elements was most of the index's cost.
/// </summary>
internal sealed class ExpandedNameComparer : IEqualityComparer<(string Ns, string Local)>
{
    public static readonly ExpandedNameComparer Instance = new();

    public bool Equals((string Ns, string Local) x, (string Ns, string Local) y) =>
        string.Equals(x.Local, y.Local, StringComparison.Ordinal) && string.Equals(x.Ns, y.Ns, StringComparison.Ordinal);

    public int GetHashCode((string Ns, string Local) obj) => StringComparer.Ordinal.GetHashCode(obj.Local);
}

/// <summary>Expanded names compared by string instance: for names from one reader's name table, where equal names are one
/// instance, and hashing is the cost of reading an object header instead of hashing characters.</summary>
internal sealed class InstanceNameComparer : IEqualityComparer<(string Ns, string Local)>
{
    public static readonly InstanceNameComparer Instance = new();

    public bool Equals((string Ns, string Local) x, (string Ns, string Local) y) =>
        ReferenceEquals(x.Local, y.Local) && ReferenceEquals(x.Ns, y.Ns);

    public int GetHashCode((string Ns, string Local) obj) =>
        (System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj.Local) * 31) + System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj.Ns);
}
