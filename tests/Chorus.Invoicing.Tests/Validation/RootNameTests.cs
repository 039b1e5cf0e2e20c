using System.Text;
using System.Xml;
using Chorus.Invoicing.Validation;
using Chorus.Invoicing.Validation.Internal;
using Chorus.Tests.Shared;

namespace Chorus.Invoicing.Tests.Validation;

/// <summary>The validator's guess of the root element from the bytes agrees with XmlReader wherever it answers.</summary>
public sealed class RootNameTests
{
    [Fact]
    public void TryGuess_EveryTestDataFile_AgreesWithReaderWhenItAnswers()
    {
        var answered = 0;
        foreach (var file in System.IO.Directory.EnumerateFiles(TestData.Root, "*.xml", SearchOption.AllDirectories))
        {
            var bytes = File.ReadAllBytes(file);
            if (!RootName.TryGuess(bytes, out var ns, out var local))
            {
                continue;
            }

            answered++;
            using var reader = XmlReader.Create(new MemoryStream(bytes), InvoiceValidator.SafeSettings(null));
            Assert.Equal(XmlNodeType.Element, reader.MoveToContent());
            Assert.Equal((reader.NamespaceURI, reader.LocalName), (ns, local));
        }

        Assert.True(answered > 100, $"only {answered} files guessed");
    }

    [Theory]
    [InlineData("<?xml version='1.0'?>\n<!-- c --><?pi x?>\n<rsm:A xmlns:a='urn:a' xmlns:rsm = \"urn:r\" b='>'/>", "urn:r", "A")]
    [InlineData("\uFEFF<Invoice xmlns='urn:i'><x/></Invoice>", "urn:i", "Invoice")]
    [InlineData("<Invoice><x/></Invoice>", "", "Invoice")]
    public void TryGuess_UsualProlog_GivesRootName(string text, string ns, string local)
    {
        Assert.True(RootName.TryGuess(Encoding.UTF8.GetBytes(text), out var gotNs, out var gotLocal));
        Assert.Equal((ns, local), (gotNs, gotLocal));
    }

    [Theory]
    [InlineData("<!DOCTYPE a><a/>")]
    [InlineData("<p:a xmlns:q='urn:q'/>")]
    [InlineData("<a xmlns='urn:&amp;'/>")]
    [InlineData("text<a/>")]
    [InlineData("<a")]
    public void TryGuess_UnusualStart_GivesNoAnswer(string text) =>
        Assert.False(RootName.TryGuess(Encoding.UTF8.GetBytes(text), out _, out _));
}
