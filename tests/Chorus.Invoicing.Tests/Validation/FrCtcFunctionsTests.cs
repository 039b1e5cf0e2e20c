using Chorus.Invoicing.Validation.Rules.FrCtc;

namespace Chorus.Invoicing.Tests.Validation;

/// <summary>
/// The Flux 2 value functions against the meaning of their XPath definitions in the official stylesheets
/// (custom:is-valid-… and custom:check-siret-siren-coherence), case by case.
/// </summary>
public class FrCtcFunctionsTests
{
    [Theory]
    [InlineData("F2026-0001", true)]
    [InlineData("AF/2026_1+2", true)]
    [InlineData("\nF2026\n", true)] // normalize-space(…) matches and the raw value has no ' ' (the stylesheet tests ' ' only)
    [InlineData("F 2026", false)]
    [InlineData(" F2026", false)]
    [InlineData("F2026.1", false)]
    [InlineData("FÉ2026", false)]
    [InlineData("", false)]
    public void IsValidIdFormat_FollowsTheStylesheet(string id, bool valid) => Assert.Equal(valid, FrCtcFunctions.IsValidIdFormat(id));

    [Theory]
    [InlineData("20240229", true)]
    [InlineData("20000229", true)]
    [InlineData("20230229", false)]
    [InlineData("21000101", false)]
    [InlineData("19991231", false)]
    [InlineData("20240431", false)]
    [InlineData("20241301", false)]
    [InlineData("20240100", false)]
    [InlineData("2024013112", true)] // only the first 8 characters are read (CCYYMMDD then anything)
    [InlineData("2024-01-31", false)]
    [InlineData("2024", false)]
    public void IsValidCiiDate_FollowsTheStylesheet(string date, bool valid) => Assert.Equal(valid, FrCtcFunctions.IsValidCiiDate(date));

    [Theory]
    [InlineData("2024-02-29", true)]
    [InlineData("2023-02-29", false)]
    [InlineData("2024-1-01", false)]
    [InlineData("20240131", false)]
    [InlineData("2024-01-31\n", false)] // XPath '$' is the end of the string
    [InlineData("2099-12-31", true)]
    public void IsValidUblDate_FollowsTheStylesheet(string date, bool valid) => Assert.Equal(valid, FrCtcFunctions.IsValidUblDate(date));

    [Theory]
    [InlineData("12345678200077", "123456782", true)]
    [InlineData("12345678200077", "987654321", false)]
    [InlineData("1234567820007", "123456782", false)]
    [InlineData("12345678200077\n", "123456782", false)]
    public void CheckSiretSirenCoherence_FollowsTheStylesheet(string siret, string siren, bool valid) =>
        Assert.Equal(valid, FrCtcFunctions.CheckSiretSirenCoherence(siret, [siren]));

    [Fact]
    public void CheckSiretSirenCoherence_NoSiren_IsFalse() => Assert.False(FrCtcFunctions.CheckSiretSirenCoherence("12345678200077", []));

    [Theory]
    [InlineData("20", true)]
    [InlineData("20.00", true)]
    [InlineData("5.5", true)]
    [InlineData("20.000", false)]
    [InlineData(" 20", false)]
    [InlineData("19", false)]
    public void IsValidVatRate_ExactSpelling(string rate, bool valid) => Assert.Equal(valid, FrCtcFunctions.IsValidVatRate(rate));

    [Theory]
    [InlineData("123456782_042", true)]
    [InlineData("a.b-c+d", true)]
    [InlineData("a@b", false)]
    [InlineData("a b", false)]
    [InlineData("", false)]
    public void IsValidSchemeIdFormat_FollowsTheStylesheet(string value, bool valid) => Assert.Equal(valid, FrCtcFunctions.IsValidSchemeIdFormat(value));

    [Fact]
    public void CodeLists_AsTheStylesheetsDeclareThem()
    {
        Assert.True(FrCtcFunctions.IsValidDocumentTypeCode("389"));
        Assert.False(FrCtcFunctions.IsValidDocumentTypeCode("326"));
        Assert.True(FrCtcFunctions.IsValidBillingMode("M9"));
        Assert.False(FrCtcFunctions.IsValidBillingMode("M3"));
        Assert.True(FrCtcFunctions.IsValidBarTreatment("B2CINT"));
        Assert.False(FrCtcFunctions.IsValidBarTreatment("b2b"));
        Assert.True(FrCtcFunctions.IsValidEasCode("0225"));
        Assert.False(FrCtcFunctions.IsValidEasCode("0226"));
        Assert.True(FrCtcFunctions.IsValidVatCategoryCode("AE"));
        Assert.False(FrCtcFunctions.IsValidVatCategoryCode("L"));
        Assert.True(FrCtcFunctions.IsValidAttachmentCode("RECAPITULATIF_COTRAITANCE"));
        Assert.False(FrCtcFunctions.IsValidAttachmentCode("rib"));
    }

    [Theory]
    [InlineData("abc", 3)]
    [InlineData("a\U0001F600b", 3)]
    public void CodePointLength_CountsCodePoints(string value, int length) => Assert.Equal(length, FrCtcFunctions.CodePointLength(value));
}
