using System.Security.Cryptography.Xml;
using System.Xml;

namespace Chorus.Signature.Xades;

/// <summary>Canonicalization of elements and node sets in their document context (inherited namespace declarations kept).</summary>
internal static class XmlCanonicalizer
{
    public const string C14N = "http://www.w3.org/TR/2001/REC-xml-c14n-20010315";
    public const string C14NWithComments = "http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments";
    public const string C14N11 = "http://www.w3.org/2006/12/xml-c14n11";
    public const string C14N11WithComments = "http://www.w3.org/2006/12/xml-c14n11#WithComments";
    public const string ExcC14N = "http://www.w3.org/2001/10/xml-exc-c14n#";
    public const string ExcC14NWithComments = "http://www.w3.org/2001/10/xml-exc-c14n#WithComments";
    private const string XmlnsNs = "http://www.w3.org/2000/xmlns/";

    public static bool IsCanonicalization(string algorithm) =>
        algorithm is C14N or C14NWithComments or C14N11 or C14N11WithComments or ExcC14N or ExcC14NWithComments;

    /// <summary>
    /// The transform for a canonicalization URI. C14N 1.1 is not in .NET: it is run as C14N 1.0, whose output is
    /// the same unless xml:id/xml:base attributes are inherited (rare in signed documents; noted by the caller).
    /// </summary>
    public static Transform Create(string algorithm, XmlElement? methodElement)
    {
        Transform t = algorithm switch
        {
            C14N or C14N11 => new XmlDsigC14NTransform(false),
            C14NWithComments or C14N11WithComments => new XmlDsigC14NTransform(true),
            ExcC14N => new XmlDsigExcC14NTransform(false),
            ExcC14NWithComments => new XmlDsigExcC14NTransform(true),
            _ => throw new NotSupportedException("unsupported canonicalization " + algorithm),
        };
        if (t is XmlDsigExcC14NTransform exc && methodElement is not null)
        {
            foreach (XmlNode child in methodElement.ChildNodes)
            {
                if (child is XmlElement { LocalName: "InclusiveNamespaces" } inc)
                {
                    exc.InclusiveNamespacesPrefixList = inc.GetAttribute("PrefixList");
                }
            }
        }

        return t;
    }

    /// <summary>Canonical bytes of an element as it stands in its document.</summary>
    public static byte[] Element(XmlElement element, string algorithm, XmlElement? methodElement = null)
    {
        var doc = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
        var clone = (XmlElement)doc.ImportNode(element, true);
        doc.AppendChild(clone);
        for (var a = element.ParentNode as XmlElement; a is not null; a = a.ParentNode as XmlElement)
        {
            foreach (XmlAttribute attr in a.Attributes)
            {
                if (attr.NamespaceURI == XmlnsNs && clone.Attributes[attr.Name] is null)
                {
                    var copy = doc.CreateAttribute(attr.Prefix, attr.LocalName, XmlnsNs);
                    copy.Value = attr.Value;
                    clone.Attributes.Append(copy);
                }
            }
        }

        return Run(Create(algorithm, methodElement), doc);
    }

    public static byte[] Document(XmlDocument doc, string algorithm) => Run(Create(algorithm, null), doc);

    public static byte[] NodeSet(XmlNodeList nodes, string algorithm, XmlElement? methodElement) => Run(Create(algorithm, methodElement), nodes);

    private static byte[] Run(Transform t, object input)
    {
        t.LoadInput(input);
        using var output = (Stream)t.GetOutput(typeof(Stream));
        using var ms = new MemoryStream();
        output.CopyTo(ms);
        return ms.ToArray();
    }
}

/// <summary>An XmlNodeList over a fixed list (node-set input of a canonicalization).</summary>
internal sealed class FixedNodeList(List<XmlNode> nodes) : XmlNodeList
{
    public override int Count => nodes.Count;

    public override XmlNode? Item(int index) => index >= 0 && index < nodes.Count ? nodes[index] : null;

    public override System.Collections.IEnumerator GetEnumerator() => nodes.GetEnumerator();
}
