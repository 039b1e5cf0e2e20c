using Chorus.Invoicing.Validation;
using Chorus.Tests.Shared;

namespace Chorus.Invoicing.Tests.Validation;

/// <summary>
/// Factur-X 1.09 profile verdicts against the official profile schematrons (FNFE/FeRD), as precomputed with Saxon-HE for
/// the shared corpus (corpus/invoices-expected.tsv, column fx_verdict): MINIMUM and BASIC WL invoices are valid for their
/// profile although EN 16931 rejects them, and `auto` picks the profile rules from BT-24.
/// </summary>
public class FacturXProfileTests
{
    [Theory]
    [InlineData("cii", "CII_example1.xml", "EN 16931", true)]
    [InlineData("cii", "CII_example3.xml", "EN 16931", true)]
    [InlineData("cii", "huf_example_cii.xml", "EN 16931", true)]
    [InlineData("cii", "MINIMUM_Rechnung.xml", "MINIMUM", true)]
    [InlineData("cii", "BASIC-WL_Einfach.xml", "BASIC WL", true)]
    [InlineData("cii", "BASIC_Einfach.xml", "BASIC", true)]
    [InlineData("cii", "EN16931_Gutschrift.xml", "EN 16931", true)]
    [InlineData("cii", "EXTENDED_Warenrechnung.xml", "EXTENDED", true)]
    [InlineData("cii", "factur-x-en16931.xml", "EN 16931", true)]
    [InlineData("cii", "factur-x-minimum.xml", "MINIMUM", true)]
    [InlineData("cii", "facturFrMinimum.xml", "MINIMUM", true)]
    [InlineData("cii", "invalidV2.xml", "EXTENDED", false)]
    [InlineData("cii", "invalidArithmetics.xml", "EN 16931", true)]
    [InlineData("cii", "not_validating_full_invoice_based_onTest_EeISI_300_CENfullmodel.cii.xml", "EN 16931", false)]
    [InlineData("facturx", "MINIMUM_Rechnung_fx.pdf", "MINIMUM", true)]
    [InlineData("facturx", "BASIC-WL_Einfach_fx.pdf", "BASIC WL", true)]
    [InlineData("facturx", "EXTENDED_Fremdwaehrung_wdis_fx-pdfa4.pdf", "EXTENDED", true)]
    [InlineData("facturx", "Facture_F20220025-LE_FOURNISSEUR-POUR-LE_CLIENT_MINIMUM.pdf", "MINIMUM", true)]
    [InlineData("facturx", "invoice_EN16931.pdf", "EN 16931", true)]
    [InlineData("facturx", "facturx_without_xmp.pdf", "MINIMUM", true)]
    public void FacturXRules_CorpusInvoice_VerdictOfTheOfficialProfileSchematron(string folder, string file, string profile, bool valid)
    {
        var bytes = File.ReadAllBytes(TestData.PathOf(folder, file));
        var result = file.EndsWith(".pdf", StringComparison.Ordinal)
            ? InvoiceValidator.Default.ValidatePdf(bytes, InvoiceRuleSets.FacturX)
            : InvoiceValidator.Default.Validate(bytes, InvoiceRuleSets.FacturX);

        Assert.Equal(profile, result.Profile);
        Assert.True(valid == result.IsValid, string.Join("; ", result.Problems.Where(static p => p.Severity == ValidationSeverity.Fatal).Select(static p => $"{p.Rule} {p.Location}: {p.Message}")));
    }

    [Fact]
    public void Auto_MinimumProfile_UsesFacturXRulesAndIsValid()
    {
        var result = InvoiceValidator.Default.Validate(File.ReadAllBytes(TestData.PathOf("cii", "MINIMUM_Rechnung.xml")));

        Assert.Equal(["facturx"], result.RuleSets);
        Assert.True(result.IsValid);
    }

    [Fact]
    public void En16931_MinimumProfile_IsInvalidAsTheOfficialSchematronSays()
    {
        var result = InvoiceValidator.Default.Validate(File.ReadAllBytes(TestData.PathOf("cii", "MINIMUM_Rechnung.xml")), InvoiceRuleSets.En16931);

        Assert.False(result.IsValid);
        Assert.Equal(["BR-10", "BR-11", "BR-12", "BR-16", "BR-CO-10", "BR-CO-13", "BR-CO-14"], SchematronDifferentialTests.FatalRuleIds(result).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Auto_En16931Profile_UsesEn16931Rules()
    {
        var result = InvoiceValidator.Default.Validate(File.ReadAllBytes(TestData.PathOf("cii", "CII_example1.xml")));

        Assert.Equal(["en16931"], result.RuleSets);
        Assert.True(result.IsValid);
    }
}
