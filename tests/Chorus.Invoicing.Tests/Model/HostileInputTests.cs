using System.Text;
using Chorus.Invoicing.Model;
using Chorus.Tests.Shared;

namespace Chorus.Invoicing.Tests.Model;

public class HostileInputTests
{
    private const string UblRoot = "<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\" xmlns:cbc=\"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2\">";

    private static InvoiceFormatException Unreadable(string xml, InvoiceReadOptions? options = null) => Unreadable(Encoding.UTF8.GetBytes(xml), options);

    private static InvoiceFormatException Unreadable(byte[] bytes, InvoiceReadOptions? options = null) =>
        Assert.Throws<InvoiceFormatException>(() => InvoiceXml.Read(bytes, options));

    [Fact]
    public void Read_ExternalEntity_IsRefusedWithoutFetchingIt()
    {
        var ex = Unreadable("<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>" + UblRoot + "<cbc:ID>&e;</cbc:ID></Invoice>");
        Assert.DoesNotContain("root:", ex.Message, StringComparison.Ordinal);
        Assert.Contains("DTD", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_BillionLaughs_IsRefused()
    {
        var entities = new StringBuilder("<!ENTITY a \"aaaaaaaaaa\">");
        for (var i = 0; i < 9; i++)
        {
            entities.Append(System.Globalization.CultureInfo.InvariantCulture, $"<!ENTITY {(char)('b' + i)} \"{string.Concat(Enumerable.Repeat($"&{(char)('a' + i)};", 10))}\">");
        }

        Unreadable($"<?xml version=\"1.0\"?><!DOCTYPE l [{entities}]>{UblRoot}<cbc:Note>&j;</cbc:Note></Invoice>");
    }

    [Fact]
    public void Read_DeepNesting_IsRefusedAtTheDepthLimit()
    {
        var xml = UblRoot + string.Concat(Enumerable.Repeat("<a>", 200_000)) + string.Concat(Enumerable.Repeat("</a>", 200_000)) + "</Invoice>";
        var ex = Unreadable(xml);
        Assert.Contains("nesting deeper than 64", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_HugeTextNode_IsRefusedAtTheCharacterLimit()
    {
        var xml = UblRoot + "<cbc:Note>" + new string('x', 100_000) + "</cbc:Note></Invoice>";
        Unreadable(xml, new InvoiceReadOptions { MaxCharacters = 10_000 });
    }

    [Theory]
    [InlineData("")]
    [InlineData("not xml at all")]
    [InlineData("<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\"><cbc:ID")]
    [InlineData("<html><body>hello</body></html>")]
    [InlineData("<Invoice>no namespace</Invoice>")]
    public void Read_NotAnInvoice_IsUnreadable(string xml) => Unreadable(xml);

    [Fact]
    public void Read_WrongRoot_SaysWhatTheRootIs()
    {
        var ex = Unreadable("<Order xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Order-2\"/>");
        Assert.Contains("Order", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TruncatedCorpusFile_IsUnreadableWithAPosition()
    {
        var bytes = File.ReadAllBytes(TestData.PathOf("cii", "CII_example1.xml"));
        var ex = Unreadable(bytes[..(bytes.Length / 2)]);
        Assert.True(ex.Line > 1);
    }

    [Fact]
    public void Read_RandomBytes_IsUnreadable()
    {
        var bytes = System.Security.Cryptography.RandomNumberGenerator.GetBytes(5000);
        Unreadable(bytes);
    }

    [Fact]
    public void Sniff_CorpusFiles_DetectsSyntaxTypeAndProfile()
    {
        var cii = InvoiceSniffer.Sniff(File.ReadAllBytes(TestData.PathOf("cii", "factur-x-minimum.xml")));
        Assert.Equal(InvoiceSyntax.Cii, cii.Syntax);
        Assert.Equal(InvoiceDocumentType.Invoice, cii.DocumentType);
        Assert.Equal("MINIMUM", cii.ProfileName);

        var selfBilled = InvoiceSniffer.Sniff(File.ReadAllBytes(TestData.PathOf("cii", "EN16931_Gutschrift.xml")));
        Assert.Equal(InvoiceDocumentType.Invoice, selfBilled.DocumentType); // "Gutschrift" here is a self-billed invoice, type 389

        var credit = InvoiceSniffer.Sniff(File.ReadAllBytes(TestData.PathOf("ubl", "ubl-tc434-creditnote1.xml")));
        Assert.Equal(InvoiceDocumentType.CreditNote, credit.DocumentType);

        var ubl = InvoiceSniffer.Sniff(File.ReadAllBytes(TestData.PathOf("ubl", "ubl-21-extended-ctc-fr.xml")));
        Assert.Equal(InvoiceSyntax.Ubl, ubl.Syntax);
        Assert.Equal(InvoiceProfile.ExtendedCtcFr, ubl.Profile);

        var zf1 = InvoiceSniffer.Sniff(File.ReadAllBytes(TestData.PathOf("cii", "ZUGFeRD_1p0_COMFORT_Einfach.xml")));
        Assert.Equal(InvoiceSyntax.Zugferd1, zf1.Syntax);
        Assert.Equal("COMFORT", zf1.ProfileName);
    }

    [Fact]
    public void Sniff_NotAnInvoice_GivesAReasonInsteadOfThrowing()
    {
        var result = InvoiceSniffer.Sniff(Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e \"x\">]><x>&e;</x>"));
        Assert.False(result.IsInvoice);
        Assert.NotNull(result.Error);
    }
}

public class FormatExceptionMessageTests
{
    [Fact]
    public void Read_NotWellFormed_StatesThePositionOnce()
    {
        var ex = Assert.Throws<InvoiceFormatException>(() => InvoiceXml.Read(System.Text.Encoding.UTF8.GetBytes("junk")));
        Assert.Equal((1, 1), (ex.Line, ex.Position));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(ex.Message, "(?i)line 1, position 1"));
    }
}
