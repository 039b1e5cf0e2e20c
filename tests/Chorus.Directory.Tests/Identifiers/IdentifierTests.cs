using Chorus.Directory.Identifiers;

namespace Chorus.Directory.Tests.Identifiers;

public class IdentifierTests
{
    // Published examples: Michelin (SIREN 732 829 320, VAT FR44732829320, head office SIRET 732 829 320 00074),
    // as printed on their public documents; La Poste's head office and establishments (INSEE rule).
    [Theory]
    [InlineData("732829320")]
    [InlineData("732 829 320")]
    [InlineData("732.829.320")]
    [InlineData("552 100 554")]
    public void Siren_PublishedNumber_IsValid(string input) => Assert.True(Siren.TryParse(input, out _));

    [Theory]
    [InlineData("732829321", IdentifierError.CheckDigit)]
    [InlineData("73282932", IdentifierError.WrongLength)]
    [InlineData("73282932A", IdentifierError.InvalidCharacter)]
    [InlineData("   ", IdentifierError.Empty)]
    public void Siren_Invalid_SaysWhy(string input, IdentifierError expected) =>
        Assert.Equal(expected, Siren.TryParse(input.AsSpan(), out _));

    [Theory]
    [InlineData("73282932000074")]
    [InlineData("732 829 320 00074")]
    [InlineData("35600000000048")] // La Poste head office: Luhn
    [InlineData("35600000049837")] // La Poste establishment: digit sum 45, multiple of 5
    public void Siret_Valid(string input) => Assert.True(Siret.TryParse(input, out _));

    [Theory]
    [InlineData("73282932000075")]
    [InlineData("35600000049838")] // La Poste establishment: digit sum 46
    public void Siret_BadCheck_IsCheckDigitError(string input) =>
        Assert.Equal(IdentifierError.CheckDigit, Siret.TryParse(input.AsSpan(), out _));

    [Fact]
    public void Siret_ExposesSirenAndNic()
    {
        var siret = Siret.Parse("732 829 320 00074");
        Assert.Equal(Siren.Parse("732829320"), siret.Siren);
        Assert.Equal(74, siret.Nic);
        Assert.Equal("732 829 320 00074", siret.ToString("S", null));
    }

    [Fact]
    public void VatNumber_KeyComputedFromSiren() =>
        Assert.Equal("FR44732829320", VatNumber.FromSiren(Siren.Parse("732829320")).ToString());

    [Theory]
    [InlineData("FR44732829320")]
    [InlineData("fr 44 732 829 320")]
    [InlineData("FR 40 303 265 045")]
    [InlineData("FR53000004605")] // Monaco: no SIREN inside
    public void VatNumber_Valid(string input) => Assert.True(VatNumber.TryParse(input, out _));

    [Theory]
    [InlineData("FR45732829320", IdentifierError.VatKey)]
    [InlineData("FR4473282932", IdentifierError.WrongLength)]
    [InlineData("DE44732829320", IdentifierError.CountryPrefix)]
    public void VatNumber_Invalid_SaysWhy(string input, IdentifierError expected) =>
        Assert.Equal(expected, VatNumber.TryParse(input.AsSpan(), out _));

    [Fact]
    public void VatNumber_Monaco_HasNoSiren() => Assert.Null(VatNumber.Parse("FR53000004605").Siren);

    [Theory]
    [InlineData("73282932000074", IdentifierKind.Siret, true)]
    [InlineData("73282932000075", IdentifierKind.Siret, false)]
    [InlineData("732829320", IdentifierKind.Siren, true)]
    [InlineData("FR45732829320", IdentifierKind.Vat, false)]
    [InlineData("hello", IdentifierKind.Unknown, false)]
    public void Classifier_KindFollowsShape(string input, IdentifierKind kind, bool valid)
    {
        var check = IdentifierClassifier.Check(input);
        Assert.Equal(kind, check.Kind);
        Assert.Equal(valid, check.IsValid);
        Assert.Equal(valid, check.Reason is null);
    }

    [Fact]
    public void Parse_Invalid_ThrowsFormatExceptionWithReason()
    {
        var ex = Assert.Throws<FormatException>(() => Siret.Parse("73282932000075"));
        Assert.Contains("check digit", ex.Message, StringComparison.Ordinal);
    }
}
