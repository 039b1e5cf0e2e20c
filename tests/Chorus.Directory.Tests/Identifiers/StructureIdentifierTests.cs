using Chorus.Directory.Identifiers;

namespace Chorus.Directory.Tests.Identifiers;

public class StructureIdentifierTests
{
    [Theory]
    [InlineData("SIRET", StructureIdentifierType.Siret)]
    [InlineData("UE_HORS_FRANCE", StructureIdentifierType.EuOutsideFrance)]
    [InlineData("HORS_UE", StructureIdentifierType.OutsideEu)]
    [InlineData("RIDET", StructureIdentifierType.Ridet)]
    [InlineData("TAHITI", StructureIdentifierType.Tahiti)]
    [InlineData("AUTRE", StructureIdentifierType.PendingRegistration)]
    [InlineData(" particulier ", StructureIdentifierType.PrivateIndividual)]
    public void TypeCode_ChorusProCodes_RoundTrip(string code, StructureIdentifierType type)
    {
        Assert.True(StructureIdentifierTypes.TryParse(code, out var parsed));
        Assert.Equal(type, parsed);
        Assert.Equal(code.Trim().ToUpperInvariant(), type.ToCode());
    }

    [Fact]
    public void TypeCode_Unknown_Refused() => Assert.False(StructureIdentifierTypes.TryParse("SIREN", out _));

    [Theory]
    [InlineData(StructureIdentifierType.Siret, "732 829 320 00074", "73282932000074")]
    [InlineData(StructureIdentifierType.EuOutsideFrance, "DE 123 456 789", "DE123456789")]
    [InlineData(StructureIdentifierType.EuOutsideFrance, "be0123.456.789", "BE0123456789")]
    [InlineData(StructureIdentifierType.EuOutsideFrance, "EL094259216", "EL094259216")]
    [InlineData(StructureIdentifierType.Ridet, "1234567.001", "1234567001")]
    [InlineData(StructureIdentifierType.Ridet, "123456 001", "123456001")]
    [InlineData(StructureIdentifierType.Tahiti, "a12345", "A12345")]
    [InlineData(StructureIdentifierType.Tahiti, "A12345 001", "A12345001")]
    [InlineData(StructureIdentifierType.OutsideEu, "  CHE-123.456.789  ", "CHE-123.456.789")]
    [InlineData(StructureIdentifierType.PendingRegistration, "Dossier 2026-0042", "Dossier 2026-0042")]
    [InlineData(StructureIdentifierType.PrivateIndividual, "Jean Dupont", "Jean Dupont")]
    public void Parse_EachType_NormalisesItsValue(StructureIdentifierType type, string input, string expected)
    {
        var id = StructureIdentifier.Parse(type, input);
        Assert.Equal(type, id.Type);
        Assert.Equal(expected, id.Value);
        Assert.Equal(StructureIdentifier.Parse(type, expected), id);
    }

    [Theory]
    [InlineData(StructureIdentifierType.Siret, "73282932000075", IdentifierError.CheckDigit)]
    [InlineData(StructureIdentifierType.EuOutsideFrance, "FR44732829320", IdentifierError.CountryPrefix)]
    [InlineData(StructureIdentifierType.EuOutsideFrance, "US123456789", IdentifierError.CountryPrefix)]
    [InlineData(StructureIdentifierType.EuOutsideFrance, "DE1", IdentifierError.WrongLength)]
    [InlineData(StructureIdentifierType.EuOutsideFrance, "DE12345678_", IdentifierError.InvalidCharacter)]
    [InlineData(StructureIdentifierType.Ridet, "12345", IdentifierError.WrongLength)]
    [InlineData(StructureIdentifierType.Ridet, "12345A7001", IdentifierError.InvalidCharacter)]
    [InlineData(StructureIdentifierType.Tahiti, "A1234", IdentifierError.WrongLength)]
    [InlineData(StructureIdentifierType.Tahiti, "A12345X01", IdentifierError.InvalidCharacter)]
    [InlineData(StructureIdentifierType.OutsideEu, "   ", IdentifierError.Empty)]
    [InlineData(StructureIdentifierType.PrivateIndividual, "a\u0001b", IdentifierError.InvalidCharacter)]
    public void TryParse_WrongShape_SaysWhy(StructureIdentifierType type, string input, IdentifierError expected) =>
        Assert.Equal(expected, StructureIdentifier.TryParse(type, input, out _));

    [Fact]
    public void FreeText_LongerThanLimit_WrongLength() =>
        Assert.Equal(IdentifierError.WrongLength, StructureIdentifier.TryParse(StructureIdentifierType.OutsideEu, new string('x', 81), out _));

    [Fact]
    public void Siret_Type_ExposesTheSiret()
    {
        var id = StructureIdentifier.Parse(StructureIdentifierType.Siret, "73282932000074");
        Assert.Equal(Siret.Parse("73282932000074"), id.Siret);
        Assert.Null(StructureIdentifier.Parse(StructureIdentifierType.Ridet, "1234567001").Siret);
        Assert.Equal("SIRET 73282932000074", id.ToString());
    }

    [Fact]
    public void Parse_Invalid_ThrowsFormatExceptionNamingTheType()
    {
        var ex = Assert.Throws<FormatException>(() => StructureIdentifier.Parse(StructureIdentifierType.EuOutsideFrance, "US1"));
        Assert.Contains("UE_HORS_FRANCE", ex.Message, StringComparison.Ordinal);
    }
}

public class StructureIdentifierClassifierTests
{
    [Theory]
    [InlineData(StructureIdentifierType.EuOutsideFrance, "DE123456789", IdentifierKind.EuVat, true)]
    [InlineData(StructureIdentifierType.EuOutsideFrance, "FR44732829320", IdentifierKind.EuVat, false)]
    [InlineData(StructureIdentifierType.Ridet, "1234567001", IdentifierKind.Ridet, true)]
    [InlineData(StructureIdentifierType.Siret, "73282932000074", IdentifierKind.Siret, true)]
    [InlineData(StructureIdentifierType.Siret, "FR44732829320", IdentifierKind.Siret, false)]
    public void Check_WithType_KindIsTheType(StructureIdentifierType type, string input, IdentifierKind kind, bool valid)
    {
        var check = IdentifierClassifier.Check(type, input);
        Assert.Equal(kind, check.Kind);
        Assert.Equal(valid, check.IsValid);
        Assert.Equal(valid, check.Reason is null);
    }
}
