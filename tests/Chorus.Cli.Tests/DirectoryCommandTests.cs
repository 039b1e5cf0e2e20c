using System.Text;
using System.Text.Json;
using Chorus.Tests.Shared;

namespace Chorus.Cli.Tests;

public class DirectoryCommandTests
{
    private static readonly string Sample = TestData.PathOf("annuaire", "canonical-sample.csv");

    [Fact]
    public void Lookup_RoutableWithService_Json_MatchesContract_ExitZero()
    {
        var r = CliRunner.Run("directory", "lookup", "--annuaire", Sample, "732 829 320 00074", "--service", "FACTURES", "--json");

        Assert.Equal(0, r.ExitCode);
        var o = r.Json();
        Assert.Equal("73282932000074", o.GetProperty("siret").GetString());
        Assert.True(o.GetProperty("found").GetBoolean());
        Assert.True(o.GetProperty("active").GetBoolean());
        Assert.Equal("Commune de Saint-Étienne; \"annexe\"", o.GetProperty("name").GetString());
        Assert.True(o.GetProperty("serviceCodeRequired").GetBoolean());
        Assert.False(o.GetProperty("engagementRequired").GetBoolean());
        Assert.True(o.GetProperty("paymentStatusReported").GetBoolean());
        var services = o.GetProperty("services").EnumerateArray().ToArray();
        Assert.Equal(2, services.Length);
        Assert.Equal("FACTURES", services[0].GetProperty("code").GetString());
        Assert.Equal("Service facturier", services[0].GetProperty("name").GetString());
        Assert.True(services[0].GetProperty("active").GetBoolean());
        Assert.False(services[1].GetProperty("active").GetBoolean());
        Assert.True(o.GetProperty("routable").GetBoolean());
        Assert.Equal(0, o.GetProperty("problems").GetArrayLength());
    }

    [Fact]
    public void Lookup_ServiceMissingWhereMandatory_ExitOne_WithProblem()
    {
        var r = CliRunner.Run("directory", "lookup", "--annuaire", Sample, "73282932000074", "--json");
        Assert.Equal(1, r.ExitCode);
        var o = r.Json();
        Assert.False(o.GetProperty("routable").GetBoolean());
        Assert.Contains("Code service missing", Assert.Single(o.GetProperty("problems").EnumerateArray()).GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Lookup_InactiveService_NotRoutable()
    {
        var r = CliRunner.Run("directory", "lookup", "--annuaire", Sample, "73282932000074", "--service", "COMPTA", "--json");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("inactive", r.Json().GetProperty("problems")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Lookup_SeveralSirets_ArrayInArgumentOrder_OptionsApplyToEach()
    {
        var r = CliRunner.Run("directory", "lookup", "--annuaire", Sample, "55210055400013", "73282932000074", "35600000000048", "--engagement", "EJ42", "--json");

        Assert.Equal(1, r.ExitCode);
        var items = r.Json().EnumerateArray().ToArray();
        Assert.Equal(["55210055400013", "73282932000074", "35600000000048"], items.Select(i => i.GetProperty("siret").GetString()));
        Assert.Equal([true, false, false], items.Select(i => i.GetProperty("routable").GetBoolean()));
        Assert.Equal([true, true, false], items.Select(i => i.GetProperty("found").GetBoolean()));
        var unknown = items[2];
        Assert.Equal(JsonValueKind.Null, unknown.GetProperty("active").ValueKind);
        Assert.Equal(JsonValueKind.Null, unknown.GetProperty("name").ValueKind);
        Assert.Contains("Wrong recipient", unknown.GetProperty("problems")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Lookup_AllRoutable_ExitZero()
    {
        var r = CliRunner.Run("directory", "lookup", "--annuaire", Sample, "55210055400013", "--engagement", "EJ42");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("55210055400013 (Hôpital sans services): routable", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Lookup_InvalidSiretArgument_NotFound_ExitOne()
    {
        var r = CliRunner.Run("directory", "lookup", "--annuaire", Sample, "73282932000075", "--json");
        Assert.Equal(1, r.ExitCode);
        Assert.False(r.Json().GetProperty("found").GetBoolean());
        Assert.Contains("not a valid SIRET", r.Json().GetProperty("problems")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Lookup_TextOutput_ListsProblems()
    {
        var r = CliRunner.Run("directory", "lookup", "--annuaire", Sample, "35600000049837", "--service", "SERV1");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("not routable", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("  - Wrong recipient: the structure 35600000049837 is inactive", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Lookup_MissingFile_ExitTwo_JsonError()
    {
        var r = CliRunner.Run("directory", "lookup", "--annuaire", "/nonexistent/annuaire.csv", "73282932000074", "--json");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("not found", r.Json().GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Single(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Theory]
    [InlineData("%PDF-1.7\n1 0 obj\n", "not a directory file")]
    [InlineData("identifiant;structureActive;codeServiceObligatoire;engagementObligatoire\n73282932000074;1;\"0;0\n", "never closed")]
    [InlineData("identifiant;structureActive;codeServiceObligatoire;engagementObligatoire\n73282932000074;1;0;0\n55210055400013;1", "truncated")]
    public void Lookup_UnreadableFile_ExitTwo_OneLineSayingWhere(string content, string expected)
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, content, new UTF8Encoding(false));
            var r = CliRunner.Run("directory", "lookup", "--annuaire", path, "73282932000074");
            Assert.Equal(2, r.ExitCode);
            var line = Assert.Single(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.Contains(expected, line, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", line, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Lookup_WithoutAnnuaire_UsageError_ExitTwo()
    {
        var r = CliRunner.Run("directory", "lookup", "73282932000074");
        Assert.Equal(2, r.ExitCode);
    }

    [Fact]
    public void Lookup_Help_ExitZero()
    {
        var r = CliRunner.Run("directory", "lookup", "--help");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("--annuaire", r.Stdout, StringComparison.Ordinal);
    }
}

public class DirectoryCommandHostileTests
{
    [Fact]
    public void Lookup_SiretOfZeros_OnDirectoryWithoutIt_NotFound()
    {
        var r = CliRunner.Run("directory", "lookup", "--annuaire", TestData.PathOf("annuaire", "canonical-sample.csv"), "00000000000000", "--json");
        Assert.Equal(1, r.ExitCode);
        Assert.False(r.Json().GetProperty("found").GetBoolean());
    }

    [Fact]
    public void Lookup_UnterminatedQuoteThenRandomBytes_ExitTwo_NoTrace()
    {
        var path = Path.GetTempFileName();
        try
        {
            var noise = new byte[3000];
            System.Security.Cryptography.RandomNumberGenerator.Fill(noise);
            File.WriteAllBytes(path, [.. "identifiant;typeIdentifiant\n\"unterminated;\n"u8, .. noise]);
            var r = CliRunner.Run("directory", "lookup", "00000000000000", "--json", "--annuaire", path);
            Assert.Equal(2, r.ExitCode);
            Assert.True(r.Json().TryGetProperty("error", out _));
            Assert.DoesNotContain("   at ", r.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}

public class DirectoryCommandExtraFieldTests
{
    [Fact]
    public void Lookup_Json_AlsoGivesMoaOnly()
    {
        var r = CliRunner.Run("directory", "lookup", "--annuaire", TestData.PathOf("annuaire", "canonical-sample.csv"), "55210055400013", "--json");
        Assert.False(r.Json().GetProperty("moaOnly").GetBoolean());
    }
}

public class DirectoryCommandFolderTests
{
    [Fact]
    public void Lookup_AnnuaireIsAFolder_ExitTwo_JsonError()
    {
        var r = CliRunner.Run("directory", "lookup", "--annuaire", Path.GetTempPath(), "73282932000074", "--json");
        Assert.Equal(2, r.ExitCode);
        Assert.True(r.Json().TryGetProperty("error", out _));
    }
}
