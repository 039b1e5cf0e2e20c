using System.Xml;

namespace Chorus.Signature.Internal;

/// <summary>XML loading for untrusted input: no DTD, no resolver, bounded size.</summary>
internal static class SafeXml
{
    public const long MaxCharacters = 64L * 1024 * 1024;

    public static XmlReaderSettings Settings() => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = MaxCharacters,
        MaxCharactersFromEntities = 1024,
        IgnoreWhitespace = false,
    };

    /// <summary>Loads a document preserving whitespace (signatures depend on it).</summary>
    /// <exception cref="SignatureFormatException">Not well-formed XML, or a DTD.</exception>
    public static XmlDocument Load(byte[] xml)
    {
        var doc = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
        try
        {
            using var stream = new MemoryStream(xml, writable: false);
            using var reader = XmlReader.Create(stream, Settings());
            doc.Load(reader);
        }
        catch (XmlException ex)
        {
            throw new SignatureFormatException("not well-formed XML: " + ex.Message, $"line {ex.LineNumber}, column {ex.LinePosition}");
        }
        catch (ArgumentException ex)
        {
            // XmlDocument's loader reports a bad XML declaration (e.g. version="2.0") as an ArgumentException, not an
            // XmlException (found by the fuzzing harness).
            throw new SignatureFormatException("not well-formed XML: " + ex.Message, "XML declaration");
        }

        return doc;
    }
}
