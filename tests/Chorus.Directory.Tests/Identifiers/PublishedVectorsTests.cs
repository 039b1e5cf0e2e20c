using Chorus.Directory.Identifiers;

namespace Chorus.Directory.Tests.Identifiers;

/// <summary>
/// External truth: the numbers python-stdnum publishes in its tests (tests/test_fr_siren.doctest, test_fr_siret.doctest,
/// test_fr_tva.doctest and the stdnum/fr/tva.py docstring), "found online and should all be valid". Only the numbers are
/// copied (facts, with their original spacing), not the code.
/// </summary>
public class PublishedVectorsTests
{
    public static TheoryData<string> StdnumSirens => new()
    {
        "217601 145", "3 1 0 1 8 8 4 2 0", "350792008", "480318245", "500 674 056", "529290488", "738 205 269",
        "752136200", "752490334", "775 699 309", "775672272", "776 944 944", "820043784",
    };

    public static TheoryData<string> StdnumSirets => new()
    {
        "0 5 7 8 1 3 1 3 1 0 0 0 2 6", "1 800 700 39 00 110", "2 00 03 00 13 000 11", "2 101 005 33 000 12",
        "2 777 000 43 000 15", "3 1 0 1 8 8 4 2 0 00 0 8 0", "3 12 494 529 000 34", "3 24 34 54 20 000 40",
        "30206838200050", "314 901 323 00043", "31719324100013", "32228438100017", "32650798500058", "32738082000032",
        "329.338.88300153", "32929695800039", "33770320100034", "34530016400018", "380 321 430 00023", "38446899700034",
        "38536958200023", "389 011 529 00036", "38981890700203", "39039475700020", "39102766100050",
        "4 0 0 9 0 8 5 0 5 0 0 0 11", "4 0 3 3 1 4 6 6 9 0 0 0 4 1", "4 0 9 0 8 5 2 1 4 0 0 0 2 4",
        "4 2 0 3 0 9 6 2 7 0 0 0 3 2", "4 4 3 4 8 9 2 7 3 0 0 0 1 3", "4 4 3 5 4 9 8 7 8 0 0 0 4 1",
        "4 8 2 7 8 1 9 11 0 0 0 11", "40300300700032", "44126652500019", "44142526100019", "44796433900017",
        "479 461 675 00049", "5 12 326 653 000 15", "5 17 758 173 000 10", "50397442000021", "513 133 637 000 35",
        "52524288900042", "542 097 324 0006 6", "652 059 213 00023", "7 7821 0526 00019", "775.563.232.00104",
        "778 239 798 000 11", "79068156300017", "8 1 0 2 4 7 3 8 7 0 0 0 1 4", "8 1002665800015", "8 21 114 55000014",
        // La Poste: establishments by digit sum modulo 5, head office by Luhn.
        "356 000 000 09075", "35600000000048", "35600000049837",
    };

    [Theory]
    [MemberData(nameof(StdnumSirens))]
    public void Siren_PythonStdnumPublishedNumber_IsValid(string input)
    {
        Assert.Equal(IdentifierError.None, Siren.TryParse(input.AsSpan(), out var siren));
        Assert.Equal(new string(input.Where(char.IsDigit).ToArray()), siren.ToString());
    }

    [Theory]
    [MemberData(nameof(StdnumSirets))]
    public void Siret_PythonStdnumPublishedNumber_IsValid(string input)
    {
        Assert.Equal(IdentifierError.None, Siret.TryParse(input.AsSpan(), out var siret));
        Assert.Equal(new string(input.Where(char.IsDigit).ToArray()), siret.ToString());
        Assert.Equal(IdentifierKind.Siret, IdentifierClassifier.Check(input).Kind);
    }

    [Fact]
    public void Siret_PythonStdnumLaPosteWrongDigitSum_IsCheckDigitError() =>
        Assert.Equal(IdentifierError.CheckDigit, Siret.TryParse("35600000049838".AsSpan(), out _));

    // stdnum accepts the number without "FR"; the Chorus Pro form (and ours) carries the prefix, so it is added where missing.
    [Theory]
    [InlineData("Fr 40 303 265 045", "303265045")]
    [InlineData("FR 23 334 175 221", "334175221")]
    [InlineData("FR23334175221", "334175221")]
    [InlineData("FRK7399859412", "399859412")] // new-style alphanumeric key
    [InlineData("FR4Z123456782", "123456782")] // new-style key starting with a digit
    public void VatNumber_PythonStdnumPublishedNumber_IsValid_WithItsSiren(string input, string siren)
    {
        Assert.Equal(IdentifierError.None, VatNumber.TryParse(input.AsSpan(), out var vat));
        Assert.Equal(siren, vat.Siren!.Value.ToString());
    }

    [Fact]
    public void VatNumber_PythonStdnumMonaco_ValidWithoutSiren()
    {
        var vat = VatNumber.Parse("FR 53 0000 04605");
        Assert.True(vat.IsMonaco);
        Assert.Null(vat.Siren);
    }

    [Theory]
    [InlineData("FR84323140391", IdentifierError.CheckDigit)]      // stdnum: InvalidChecksum (the SIREN 323140391 fails Luhn)
    [InlineData("FRIO334175221", IdentifierError.InvalidCharacter)] // stdnum: the letters cannot be I or O
    public void VatNumber_PythonStdnumInvalidNumber_IsRefused(string input, IdentifierError expected) =>
        Assert.Equal(expected, VatNumber.TryParse(input.AsSpan(), out _));
}
