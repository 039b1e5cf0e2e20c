using System.Text;
using System.Xml;
using Chorus.Invoicing.Validation;
using Chorus.Invoicing.Validation.Internal.Tree;

namespace Chorus.Invoicing.Tests.Validation;

/// <summary>Helpers shared by the rule tests: the validator's tree of a text, and how Factur-X problems are told apart.</summary>
internal static class TestTrees
{
    /// <summary>The validator's tree of an XML text (no schema), or null when it is not well-formed.</summary>
    public static XNode? Parse(string text)
    {
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(Encoding.UTF8.GetBytes(text)), InvoiceValidator.SafeSettings(null));
            return XTreeBuilder.Build(reader);
        }
        catch (XmlException)
        {
            return null;
        }
    }

    /// <summary>A Factur-X business rule's problem: its message starts with "[ID]" after the profile prefix.</summary>
    public static bool IsFacturXBusiness(ValidationProblem p, string folder)
    {
        var prefix = $"Factur-X 1.09 {folder}: ";
        return p.Message.StartsWith(prefix, StringComparison.Ordinal) && p.Message.AsSpan(prefix.Length).TrimStart().StartsWith("[", StringComparison.Ordinal);
    }

    /// <summary>A generated Factur-X structure assertion's problem (not a business rule "[ID]…", not the profile XSD).</summary>
    public static bool IsFacturXStructure(ValidationProblem p, string folder)
    {
        var prefix = $"Factur-X 1.09 {folder}: ";
        return p.Message.StartsWith(prefix, StringComparison.Ordinal) && !p.Message.AsSpan(prefix.Length).TrimStart().StartsWith("[", StringComparison.Ordinal);
    }
}
