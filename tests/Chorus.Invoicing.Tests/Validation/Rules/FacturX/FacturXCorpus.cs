using System.Text;
using System.Xml;
using Chorus.Invoicing.FacturX;
using Chorus.Invoicing.Validation;
using Chorus.Invoicing.Validation.Internal;
using Chorus.Invoicing.Validation.Internal.Tree;
using Chorus.Invoicing.Validation.Rules.FacturX;
using Chorus.Tests.Shared;

namespace Chorus.Invoicing.Tests.Validation.Rules.FacturX;

/// <summary>
/// The CII invoices the Factur-X rules are compared on: every CII file of tests/data/cii and tests/data/facturx, the
/// invoice XML embedded in the Factur-X PDFs of tests/data/facturx, and deterministic mutants of each (Mutations.cs CII
/// kinds and FacturXMutations). Names: <c>cii/X.xml</c>, <c>facturx/X.pdf.xml</c>, mutants <c>…/X__kind.xml</c>.
/// </summary>
internal static class FacturXCorpus
{
    public static readonly string[] Folders = ["MINIMUM", "BASICWL", "BASIC", "EN16931", "EXTENDED"];

    public static List<(string Name, byte[] Xml)> Originals()
    {
        var list = new List<(string, byte[])>();
        foreach (var folder in new[] { "cii", "facturx" })
        {
            foreach (var file in System.IO.Directory.GetFiles(TestData.PathOf(folder)).Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(file);
                if (name.EndsWith(".xml", StringComparison.Ordinal) && SchematronDifferentialTests.SyntaxOf(file) == "cii")
                {
                    list.Add(($"{folder}/{name}", File.ReadAllBytes(file)));
                }
                else if (name.EndsWith(".pdf", StringComparison.Ordinal) && Embedded(file) is { } xml)
                {
                    list.Add(($"{folder}/{name}.xml", xml));
                }
            }
        }

        return list;
    }

    /// <summary>Originals and their mutants, in a stable order.</summary>
    public static List<(string Name, byte[] Xml)> WithMutants()
    {
        var list = new List<(string, byte[])>();
        foreach (var (name, xml) in Originals())
        {
            list.Add((name, xml));
            var text = Encoding.UTF8.GetString(xml);
            var stem = name.Substring(0, name.Length - ".xml".Length);
            foreach (var (kind, mutated) in Mutations.Of(text, "cii").Concat(FacturXMutations.Of(text)))
            {
                list.Add(($"{stem}__{kind}.xml", Encoding.UTF8.GetBytes(mutated)));
            }
        }

        return list;
    }

    /// <summary>The declared profile's rule folder (MINIMUM…EXTENDED, EN16931 for EN 16931), or null (XRechnung, ZUGFeRD 1.0, unreadable).</summary>
    public static string? FolderOf(byte[] xml)
    {
        var result = InvoiceValidator.Default.Validate(xml, InvoiceRuleSets.None);
        return result.Syntax is { } syntax ? FacturXProfileRules.FolderOf(syntax, result.Profile) : null;
    }

    /// <summary>The tree the validator builds (schema-validating reader: whitespace-only text ignored), or null when not well-formed.</summary>
    public static XNode? Tree(byte[] xml)
    {
        var settings = InvoiceValidator.SafeSettings(SchemaCatalog.Cii);
        settings.ValidationEventHandler += static (_, _) => { };
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(xml), settings);
            return XTreeBuilder.Build(reader);
        }
        catch (XmlException)
        {
            return null;
        }
        catch (XTreeException)
        {
            return null;
        }
    }

    private static byte[]? Embedded(string pdf)
    {
        try
        {
            var doc = FacturXDocument.Read(File.ReadAllBytes(pdf));
            return doc.Invoice is { } invoice && invoice.Syntax == EmbeddedInvoiceSyntax.Cii ? invoice.ToArray() : null;
        }
        catch (Chorus.Invoicing.Pdf.PdfFormatException)
        {
            return null;
        }
    }
}
