namespace Chorus.Cli.Tests;

public class SkeletonTests
{
    [Fact]
    public void NoArguments_IsUsageError_ExitTwo_OneLine()
    {
        var r = CliRunner.Run();
        Assert.Equal(2, r.ExitCode);
        Assert.Single(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void UnknownCommand_ExitTwo_NoStackTrace()
    {
        var r = CliRunner.Run("frobnicate");
        Assert.Equal(2, r.ExitCode);
        Assert.DoesNotContain("   at ", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Id_WithoutValues_ExitTwo()
    {
        var r = CliRunner.Run("id", "--json");
        Assert.Equal(2, r.ExitCode);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("id", "--help")]
    public void Help_ExitZero(params string[] args)
    {
        var r = CliRunner.Run(args);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("Usage", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Version_ExitZero_PrintsVersion()
    {
        var r = CliRunner.Run("--version");
        Assert.Equal(0, r.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", r.Stdout);
    }

    [Fact]
    public void UsageError_WithJson_PrintsErrorDocument()
    {
        var r = CliRunner.Run("id", "--json");
        Assert.Equal(2, r.ExitCode);
        Assert.False(string.IsNullOrEmpty(r.Json().GetProperty("error").GetString()));
    }

    [Fact]
    public void ParseError_WithJson_PrintsErrorDocument()
    {
        var r = CliRunner.Run("id", "--json", "--file");
        Assert.Equal(2, r.ExitCode);
        Assert.False(string.IsNullOrEmpty(r.Json().GetProperty("error").GetString()));
    }
}
