using Chorus.Invoicing.Validation;
using Chorus.Tests.Shared;

namespace Chorus.Invoicing.Tests.Validation;

/// <summary>
/// Which rules an EXTENDED-CTC-FR invoice meets: its profile's (the official EXTENDED-CTC-FR stylesheets: valid for the
/// official sample, as the shared corpus's Saxon verdict says) under <c>auto</c> and <c>facturx</c>; EN 16931's when
/// asked by name.
/// </summary>
public class ExtendedCtcFrDispatchTests
{
    private static byte[] Sample => File.ReadAllBytes(TestData.PathOf("ubl", "ubl-21-extended-ctc-fr.xml"));

    [Theory]
    [InlineData(InvoiceRuleSets.Auto)]
    [InlineData(InvoiceRuleSets.FacturX)]
    public void OfficialSample_AutoOrFacturX_RunsTheProfileRulesAndIsValid(InvoiceRuleSets sets)
    {
        var result = InvoiceValidator.Default.Validate(Sample, sets);

        Assert.Equal("EXTENDED-CTC-FR", result.Profile);
        Assert.Equal(["facturx"], result.RuleSets);
        Assert.True(result.IsValid, string.Join("; ", result.Problems.Select(static p => p.Rule + " " + p.Message)));
    }

    [Fact]
    public void OfficialSample_En16931ByName_RunsEn16931()
    {
        var result = InvoiceValidator.Default.Validate(Sample, InvoiceRuleSets.En16931);

        Assert.Equal(["en16931"], result.RuleSets);
    }

    [Fact]
    public void En16931AndFacturX_TheKeptEn16931RulesAreNotReportedTwice()
    {
        var mutated = System.Text.Encoding.UTF8.GetString(Sample).Replace("<cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>", "<cbc:DocumentCurrencyCode>ZZZ</cbc:DocumentCurrencyCode>", StringComparison.Ordinal);
        var result = InvoiceValidator.Default.Validate(System.Text.Encoding.UTF8.GetBytes(mutated), InvoiceRuleSets.En16931 | InvoiceRuleSets.FacturX);

        Assert.Single(result.Problems, static p => p.Rule == "BR-CL-04");
    }
}
