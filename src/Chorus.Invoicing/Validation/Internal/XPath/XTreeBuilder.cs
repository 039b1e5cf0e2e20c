using System.Xml;

namespace Chorus.Invoicing.Validation.Internal.XPath;

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

    public static XNode Build(XmlReader reader)
    {
        var doc = new XNode(XNodeKind.Document, string.Empty, string.Empty, string.Empty, null);
        var index = new Dictionary<(string, string), List<object>>();
        var attributeIndex = new Dictionary<(string, string), List<XNode>>();
        doc.ElementIndex = index;
        doc.AttributeIndex = attributeIndex;
        var order = 0;
        var current = doc;
        var lineInfo = reader as IXmlLineInfo;
        System.Text.StringBuilder? pending = null;
        string? pendingText = null;
        var depth = 0;

        void FlushText()
        {
            var text = pending is not null ? pending.ToString() : pendingText;
            if (text is not null && current.Kind == XNodeKind.Element)
            {
                current.AddChild(new XNode(XNodeKind.Text, string.Empty, string.Empty, string.Empty, current) { Value = text, Order = ++order });
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

                            var el = new XNode(XNodeKind.Element, reader.LocalName, reader.NamespaceURI, reader.Prefix, current)
                            {
                                Order = ++order,
                                Line = lineInfo?.LineNumber ?? 0,
                            };
                            current.AddChild(el);
                            var key = (el.NamespaceUri, el.LocalName);
                            if (!index.TryGetValue(key, out var list))
                            {
                                index[key] = list = [];
                            }

                            list.Add(el);
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

                                    var attribute = new XNode(XNodeKind.Attribute, reader.LocalName, reader.NamespaceURI, reader.Prefix, el) { Value = reader.Value, Order = ++order };
                                    el.AddAttribute(attribute);
                                    var akey = (attribute.NamespaceUri, attribute.LocalName);
                                    if (!attributeIndex.TryGetValue(akey, out var alist))
                                    {
                                        attributeIndex[akey] = alist = [];
                                    }

                                    alist.Add(attribute);
                                }
                                while (reader.MoveToNextAttribute());
                                reader.MoveToElement();
                            }

                            if (reader.IsEmptyElement)
                            {
                                depth--;
                            }
                            else
                            {
                                current = el;
                            }

                            break;
                        }

                    case XmlNodeType.EndElement:
                        FlushText();
                        depth--;
                        current = current.Parent ?? doc;
                        break;
                    case XmlNodeType.Text:
                    case XmlNodeType.CDATA:
                    case XmlNodeType.Whitespace:
                    case XmlNodeType.SignificantWhitespace:
                        if (current.Kind != XNodeKind.Element)
                        {
                            break;
                        }

                        if (pendingText is null && pending is null)
                        {
                            pendingText = reader.Value;
                        }
                        else
                        {
                            pending ??= new System.Text.StringBuilder(pendingText);
                            pending.Append(reader.Value);
                        }

                        break;
                }
            }
        }
        catch (XmlException ex)
        {
            throw new XTreeException(ex.Message, ex.LineNumber, ex);
        }

        var present = new bool[XNames.Count];
        foreach (var list in index.Values)
        {
            var id = ((XNode)list[0]).NameId;
            if (id >= 0 && id < present.Length)
            {
                present[id] = true;
            }
        }

        foreach (var list in attributeIndex.Values)
        {
            if (list[0].NameId >= 0 && list[0].NameId < present.Length)
            {
                present[list[0].NameId] = true;
            }
        }

        doc.NamesPresent = present;
        return doc;
    }
}
