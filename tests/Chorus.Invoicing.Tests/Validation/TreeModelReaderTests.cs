using System.Xml;
using Chorus.Invoicing.Model;
using Chorus.Tests.Shared;
using Chorus.Invoicing.Validation;
using Chorus.Invoicing.Validation.Internal.Tree;
using Chorus.Invoicing.Validation.Rules;

namespace Chorus.Invoicing.Tests.Validation;

/// <summary>
/// The validator reads the EN 16931 model from its tree (<see cref="XNodeReader"/>) instead of parsing the bytes again:
/// on every UBL and CII example the model, and the problems the model rules find with their locations, must be those of
/// the reader on the bytes.
/// </summary>
public sealed class TreeModelReaderTests
{
    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (var folder in new[] { "ubl", "cii" })
        {
            foreach (var file in System.IO.Directory.EnumerateFiles(TestData.PathOf(folder), "*", SearchOption.TopDirectoryOnly).Order(StringComparer.Ordinal))
            {
                if (file.EndsWith(".xml", StringComparison.OrdinalIgnoreCase))
                {
                    data.Add(folder + "/" + Path.GetFileName(file));
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void ReadFromTree_Example_SameModelAndModelProblemsAsFromBytes(string example)
    {
        var parts = example.Split('/');
        var bytes = File.ReadAllBytes(TestData.PathOf(parts[0], parts[1]));
        var fromBytes = InvoiceXml.Read(bytes);

        // The tree as the schema pass builds it: whitespace-only text ignored.
        var settings = InvoiceValidator.SafeSettings(null);
        settings.IgnoreWhitespace = true;
        XNode document;
        using (var reader = XmlReader.Create(new MemoryStream(bytes), settings))
        {
            document = XTreeBuilder.Build(reader);
        }

        Assert.True(document.TextIsPlain, "the examples have no CDATA and no whitespace-only text");
        using var tree = new XNodeReader(document);
        var fromTree = InvoiceXml.Read(tree);

        Assert.Equal(fromBytes.Invoice, fromTree.Invoice);
        Assert.Equal(fromBytes.Syntax, fromTree.Syntax);
        var syntax = fromBytes.Syntax == InvoiceSyntax.Ubl ? "ubl" : "cii";
        Assert.Equal(ModelProblems(fromBytes.Invoice, syntax), ModelProblems(fromTree.Invoice, syntax));
    }

    [Fact]
    public void Build_TextWithCdataOrWhitespaceOnly_IsNotPlain()
    {
        Assert.True(Tree("<a><b>x</b><c y='1'/></a>").TextIsPlain);
        Assert.False(Tree("<a><b><![CDATA[x]]></b></a>").TextIsPlain);
        Assert.False(Tree("<a><b>x<![CDATA[y]]></b></a>").TextIsPlain);
        Assert.False(Tree("<a><b xml:space='preserve'> </b></a>").TextIsPlain);
    }

    private static XNode Tree(string text)
    {
        var settings = InvoiceValidator.SafeSettings(null);
        settings.IgnoreWhitespace = true;
        using var reader = XmlReader.Create(new StringReader(text), settings);
        return XTreeBuilder.Build(reader);
    }

    private static List<string> ModelProblems(Invoice invoice, string syntax)
    {
        var problems = new List<ValidationProblem>();
        NativeEn16931.Check(invoice, syntax, problems);
        return problems.ConvertAll(static p => $"{p.Rule} {p.Severity} {p.Location} {p.Message}");
    }
}
