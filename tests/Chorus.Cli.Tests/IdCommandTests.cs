using System.Text.Json;

namespace Chorus.Cli.Tests;

public class IdCommandTests
{
    [Fact]
    public void Id_ValidSiret_Json_MatchesContract()
    {
        var r = CliRunner.Run("id", "73282932000074", "--json");

        Assert.Equal(0, r.ExitCode);
        var item = Assert.Single(r.Json().EnumerateArray());
        Assert.Equal("73282932000074", item.GetProperty("input").GetString());
        Assert.Equal("siret", item.GetProperty("kind").GetString());
        Assert.True(item.GetProperty("valid").GetBoolean());
        Assert.Equal("732829320", item.GetProperty("siren").GetString());
        Assert.Equal(JsonValueKind.Null, item.GetProperty("reason").ValueKind);
    }

    [Fact]
    public void Id_SeveralValues_InArgumentOrder_ExitOneWhenAnyInvalid()
    {
        var r = CliRunner.Run("id", "732829320", "FR45732829320", "xyz", "--json");

        Assert.Equal(1, r.ExitCode);
        var kinds = r.Json().EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToArray();
        Assert.Equal(["siren", "vat", "unknown"], kinds);
        var vat = r.Json()[1];
        Assert.False(vat.GetProperty("valid").GetBoolean());
        Assert.Equal("732829320", vat.GetProperty("siren").GetString());
        Assert.False(string.IsNullOrEmpty(vat.GetProperty("reason").GetString()));
    }

    [Fact]
    public void Id_SpacesDotsDashes_Ignored()
    {
        var r = CliRunner.Run("id", "732 829 320 00074", "732.829.320", "FR-44-732829320", "--json");
        Assert.Equal(0, r.ExitCode);
        Assert.All(r.Json().EnumerateArray(), e => Assert.True(e.GetProperty("valid").GetBoolean()));
    }

    [Fact]
    public void Id_LaPosteEstablishment_ValidByDigitSum()
    {
        var r = CliRunner.Run("id", "35600000049837", "--json");
        Assert.Equal(0, r.ExitCode);
    }

    [Fact]
    public void Id_TextOutput_OneLinePerValue()
    {
        var r = CliRunner.Run("id", "73282932000074", "73282932000075");
        Assert.Equal(1, r.ExitCode);
        Assert.Equal(2, r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("invalid", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Id_FromFile_ReadsOneValuePerLine()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(path, ["# comment", "732 829 320 00074", "", "FR44732829320"]);
            var r = CliRunner.Run("id", "--file", path, "--json");
            Assert.Equal(0, r.ExitCode);
            Assert.Equal(2, r.Json().GetArrayLength());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Id_MissingFile_ExitTwo_OneLine()
    {
        var r = CliRunner.Run("id", "--file", "/nonexistent/ids.txt");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("not found", r.Stderr, StringComparison.Ordinal);
    }
}
