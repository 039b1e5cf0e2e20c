using System.Text;
using Chorus.Invoicing.Validation;
using Chorus.Tests.Shared;

namespace Chorus.Invoicing.Tests.Validation;

/// <summary>Unreadable and hostile input gives an UNREADABLE result with where it failed, never an exception or a hang.</summary>
public class ValidatorInputTests
{
    [Theory]
    [InlineData("not xml at all")]
    [InlineData("<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\"><cbc:ID")]
    [InlineData("<root/>")]
    [InlineData("<!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]><x>&b;</x>")]
    [InlineData("")]
    public void Validate_UnreadableInput_IsUnreadableWithALocation(string text)
    {
        var result = InvoiceValidator.Default.Validate(Encoding.UTF8.GetBytes(text));

        Assert.Null(result.Syntax);
        Assert.False(result.IsValid);
        var problem = Assert.Single(result.Problems);
        Assert.Equal("UNREADABLE", problem.Rule);
        Assert.NotEmpty(problem.Location);
    }

    [Fact]
    public void Validate_DeeplyNestedInvoice_IsUnreadableNotAStackOverflow()
    {
        var sb = new StringBuilder("<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\">");
        for (var i = 0; i < 100_000; i++)
        {
            sb.Append("<a>");
        }

        var result = InvoiceValidator.Default.Validate(Encoding.UTF8.GetBytes(sb.ToString()));

        Assert.Equal("UNREADABLE", Assert.Single(result.Problems).Rule);
    }

    [Fact]
    public void Validate_MillionsOfUndeclaredElements_GivesABoundedAnswer()
    {
        var sb = new StringBuilder("<rsm:CrossIndustryInvoice xmlns:rsm=\"urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100\">");
        sb.Insert(sb.Length, "<x a=\"1\"/>", 2_000_000).Append("</rsm:CrossIndustryInvoice>");

        var result = InvoiceValidator.Default.Validate(Encoding.UTF8.GetBytes(sb.ToString()), InvoiceRuleSets.En16931);

        // The node limit (or the schema-error limit) stops the reading: one short answer, not millions of problems.
        Assert.False(result.IsValid);
        Assert.InRange(result.Problems.Count, 1, 202);
        Assert.Contains(result.Problems, static p => p.Message.Contains("more than", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_SchemaViolation_IsFatalXsdWithLine()
    {
        // periods.ubl.xml: PaymentMeans out of order, the corpus README records the schema failure at line 108.
        var result = InvoiceValidator.Default.Validate(File.ReadAllBytes(TestData.PathOf("ubl", "periods.ubl.xml")));

        Assert.Contains(result.Problems, static p => p.Rule == "XSD" && p.Severity == ValidationSeverity.Fatal && p.Location.StartsWith("line 108", StringComparison.Ordinal));
        Assert.False(result.IsValid);
    }

    [Fact]
    public void Validate_CreditNote_ReportsDocumentTypeAndProfile()
    {
        var result = InvoiceValidator.Default.Validate(File.ReadAllBytes(TestData.PathOf("ubl", "ubl-tc434-creditnote1.xml")));

        Assert.Equal("ubl", result.Syntax);
        Assert.Equal("creditNote", result.DocumentType);
        Assert.Equal("EN 16931", result.Profile);
        Assert.True(result.IsValid);
    }

    [Fact]
    public void ValidatePdf_PdfWithoutInvoice_IsUnreadable()
    {
        var result = InvoiceValidator.Default.ValidatePdf(File.ReadAllBytes(TestData.PathOf("facturx", "PDFWithPassword.pdf")));

        Assert.Equal("UNREADABLE", Assert.Single(result.Problems).Rule);
    }

    [Fact]
    public void Validate_EveryProblemListed_NotOnlyTheFirst()
    {
        var result = InvoiceValidator.Default.Validate(File.ReadAllBytes(TestData.PathOf("ubl", "UBL-Invoice-2.1-Example.xml")), InvoiceRuleSets.En16931);

        Assert.True(SchematronDifferentialTests.FatalRuleIds(result).Count >= 16);
    }
}
