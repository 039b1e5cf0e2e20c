namespace Chorus.Cli.Tests;

/// <summary><c>chorus id --type</c>: the other Chorus Pro structure identifier types, checked on request.</summary>
public class DirectoryIdTypeTests
{
    [Theory]
    [InlineData("UE_HORS_FRANCE", "DE 123456789", "euVat", true)]
    [InlineData("UE_HORS_FRANCE", "US123456789", "euVat", false)]
    [InlineData("RIDET", "1234567.001", "ridet", true)]
    [InlineData("TAHITI", "A12345", "tahiti", true)]
    [InlineData("TAHITI", "A1234", "tahiti", false)]
    [InlineData("HORS_UE", "CHE-123.456.789", "outsideEu", true)]
    [InlineData("AUTRE", "Dossier 42", "pendingRegistration", true)]
    [InlineData("particulier", "Jean Dupont", "privateIndividual", true)]
    [InlineData("SIRET", "73282932000075", "siret", false)]
    [InlineData("SIRET", "732829320", "siret", false)]
    public void Id_WithType_ChecksThatType(string type, string value, string kind, bool valid)
    {
        var r = CliRunner.Run("id", "--type", type, value, "--json");
        Assert.Equal(valid ? 0 : 1, r.ExitCode);
        var item = Assert.Single(r.Json().EnumerateArray());
        Assert.Equal(kind, item.GetProperty("kind").GetString());
        Assert.Equal(valid, item.GetProperty("valid").GetBoolean());
        Assert.Equal(valid, item.GetProperty("reason").ValueKind == System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public void Id_WithUnknownType_UsageError_ExitTwo()
    {
        var r = CliRunner.Run("id", "--type", "SIREN", "732829320");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("unknown --type", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Id_WithoutType_ShapeRulesUnchanged_EuVatIsUnknown()
    {
        var r = CliRunner.Run("id", "DE123456789", "--json");
        Assert.Equal("unknown", r.Json()[0].GetProperty("kind").GetString());
    }
}
