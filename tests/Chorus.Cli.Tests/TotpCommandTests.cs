using Chorus.Tests.Shared;

namespace Chorus.Cli.Tests;

/// <summary>`chorus totp new|code|verify` against RFC 6238 appendix B and the CLI contract.</summary>
public class TotpCommandTests
{
    // Base32 of the RFC 6238 seeds "12345678901234567890" repeated to 20, 32 and 64 bytes.
    private const string Sha1Seed = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
    private const string Sha256Seed = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZA";
    private const string Sha512Seed = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNA";

    [Theory]
    [InlineData("59", "SHA1", "94287082")]
    [InlineData("59", "SHA256", "46119246")]
    [InlineData("59", "SHA512", "90693936")]
    [InlineData("1111111109", "SHA1", "07081804")]
    [InlineData("1111111111", "SHA256", "67062674")]
    [InlineData("1234567890", "SHA512", "93441116")]
    [InlineData("2000000000", "SHA1", "69279037")]
    [InlineData("20000000000", "SHA512", "47863826")]
    [InlineData("2005-03-18T01:58:29Z", "SHA1", "07081804")]
    [InlineData("2033-05-18T03:33:20+00:00", "SHA256", "90698825")]
    public void Code_Rfc6238Vector_PrintsCodeAndStep(string at, string algorithm, string expected)
    {
        var secret = algorithm switch { "SHA256" => Sha256Seed, "SHA512" => Sha512Seed, _ => Sha1Seed };
        var r = CliRunner.Run("totp", "code", "--secret", secret, "--at", at, "--digits", "8", "--algorithm", algorithm, "--json");

        Assert.Equal(0, r.ExitCode);
        var json = r.Json();
        Assert.Equal(expected, json.GetProperty("code").GetString());
        var from = DateTimeOffset.Parse(json.GetProperty("validFrom").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var to = DateTimeOffset.Parse(json.GetProperty("validTo").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(30, (to - from).TotalSeconds);
        Assert.Equal(0, from.ToUnixTimeSeconds() % 30);
    }

    [Fact]
    public void Code_At59_StepBoundsAreIso8601()
    {
        var json = CliRunner.Run("totp", "code", "--secret", Sha1Seed, "--at", "59", "--json").Json();
        Assert.Equal("287082", json.GetProperty("code").GetString());
        Assert.Equal("1970-01-01T00:00:30Z", json.GetProperty("validFrom").GetString());
        Assert.Equal("1970-01-01T00:01:00Z", json.GetProperty("validTo").GetString());
    }

    [Theory]
    [InlineData("1234567920", 0, true)]
    [InlineData("1234567860", 0, true)]
    [InlineData("1234568010", 1, false)]
    [InlineData("1234567800", 1, false)]
    public void Verify_CodeFromT_ValidOnlyWithinOneStep(string at, int exit, bool valid)
    {
        var code = CliRunner.Run("totp", "code", "--secret", Sha1Seed, "--at", "1234567890", "--json").Json().GetProperty("code").GetString()!;
        var r = CliRunner.Run("totp", "verify", "--secret", Sha1Seed, "--code", code, "--at", at, "--json");

        Assert.Equal(exit, r.ExitCode);
        var json = r.Json();
        Assert.Equal(valid, json.GetProperty("valid").GetBoolean());
        if (valid)
        {
            Assert.Equal(41152263, json.GetProperty("timeStep").GetInt64());
        }
        else
        {
            Assert.Equal(System.Text.Json.JsonValueKind.Null, json.GetProperty("timeStep").ValueKind);
        }
    }

    [Fact]
    public void Verify_WrongCodeAtItsOwnTime_ExitOne()
    {
        var code = CliRunner.Run("totp", "code", "--secret", Sha1Seed, "--at", "1234567890", "--json").Json().GetProperty("code").GetString()!;
        var wrong = ((int.Parse(code, System.Globalization.CultureInfo.InvariantCulture) + 1) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        var r = CliRunner.Run("totp", "verify", "--secret", Sha1Seed, "--code", wrong, "--at", "1234567890");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("not valid", r.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("１２３４５６")]
    [InlineData("12345")]
    [InlineData("abcdef")]
    [InlineData("0000000000000000000000000000000000000000")]
    public void Verify_MalformedCode_IsANegativeVerdict(string code)
    {
        var r = CliRunner.Run("totp", "verify", "--secret", Sha1Seed, "--code", code, "--at", "1234567890", "--json");
        Assert.Equal(1, r.ExitCode);
        Assert.False(r.Json().GetProperty("valid").GetBoolean());
    }

    [Theory]
    [InlineData("SHA256", "60", "1234567890")]
    [InlineData("SHA512", "15", "59")]
    public void CodeThenVerify_OtherAlgorithmAndPeriod_RoundTrip(string algorithm, string period, string at)
    {
        var code = CliRunner.Run("totp", "code", "--secret", Sha1Seed, "--algorithm", algorithm, "--period", period, "--at", at, "--json").Json().GetProperty("code").GetString()!;
        Assert.Equal(0, CliRunner.Run("totp", "verify", "--secret", Sha1Seed, "--code", code, "--algorithm", algorithm, "--period", period, "--at", at).ExitCode);
    }

    [Fact]
    public void Verify_EightDigitCode_IsCheckedAsEightDigits()
    {
        var r = CliRunner.Run("totp", "verify", "--secret", Sha1Seed, "--code", "89005924", "--at", "1234567890", "--json");
        Assert.Equal(0, r.ExitCode);
        Assert.True(r.Json().GetProperty("valid").GetBoolean());
    }

    [Fact]
    public void New_JsonHasSecretAndUri_AndTheSecretGivesTheUrisCodes()
    {
        var r = CliRunner.Run("totp", "new", "--account", "jean.dupont@exemple.fr", "--issuer", "Chorus Pro", "--json");
        Assert.Equal(0, r.ExitCode);
        var json = r.Json();
        var secret = json.GetProperty("secret").GetString()!;
        Assert.Matches("^[A-Z2-7]{32}$", secret);
        Assert.Equal($"otpauth://totp/Chorus%20Pro:jean.dupont%40exemple.fr?secret={secret}&issuer=Chorus%20Pro&algorithm=SHA1&digits=6&period=30", json.GetProperty("uri").GetString());
        var code = CliRunner.Run("totp", "code", "--secret", secret, "--at", "1700000000", "--json").Json().GetProperty("code").GetString()!;
        Assert.Equal(0, CliRunner.Run("totp", "verify", "--secret", secret, "--code", code, "--at", "1700000000").ExitCode);
    }

    [Fact]
    public void New_TwoRuns_GiveDifferentSecrets() =>
        Assert.NotEqual(
            CliRunner.Run("totp", "new", "--account", "a@b.fr", "--json").Json().GetProperty("secret").GetString(),
            CliRunner.Run("totp", "new", "--account", "a@b.fr", "--json").Json().GetProperty("secret").GetString());

    [Theory]
    [InlineData("qr.png")]
    [InlineData("qr.svg")]
    public void New_Qr_WritesAnImageOfTheUri(string name)
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + "-" + name);
        try
        {
            var r = CliRunner.Run("totp", "new", "--account", "jean.dupont@exemple.fr", "--issuer", "Chorus Pro", "--qr", path, "--json");
            Assert.Equal(0, r.ExitCode);
            var uri = r.Json().GetProperty("uri").GetString()!;
            if (name.EndsWith(".svg", StringComparison.Ordinal))
            {
                Assert.StartsWith("<?xml", File.ReadAllText(path), StringComparison.Ordinal);
                return;
            }

            var zbarimg = ExternalTool.RequireOrSkip("zbarimg", "zbar-tools");
            var (exit, stdout, _) = ExternalTool.Run(zbarimg, ["-q", "--raw", path]);
            Assert.Equal(0, exit);
            Assert.Equal(uri, stdout.TrimEnd('\n'));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("totp", "code", "--secret", "not base32!")]
    [InlineData("totp", "code", "--secret", "GEZDGNBV")]
    [InlineData("totp", "code", "--secret", Sha1Seed, "--at", "yesterday")]
    [InlineData("totp", "code", "--secret", Sha1Seed, "--digits", "7")]
    [InlineData("totp", "code", "--secret", Sha1Seed, "--algorithm", "MD5")]
    [InlineData("totp", "code")]
    [InlineData("totp", "verify", "--secret", Sha1Seed)]
    [InlineData("totp", "new", "--account", "a@b.fr", "--qr", "out.gif")]
    [InlineData("totp", "new", "--account", "a:b")]
    [InlineData("totp")]
    [InlineData("totp", "code", "--secret", Sha1Seed, "--at", "99999999999999")]
    [InlineData("totp", "code", "--secret", Sha1Seed, "--period", "0")]
    [InlineData("totp", "code", "--secret", Sha1Seed, "--period", "abc")]
    [InlineData("totp", "verify", "--secret", Sha1Seed, "--code", "123456", "--digits", "9")]
    public void BadInput_ExitTwo_OneLineNoStackTrace(params string[] args)
    {
        var r = CliRunner.Run(args);
        Assert.Equal(2, r.ExitCode);
        Assert.Single(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain("   at ", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void BadSecret_Json_PrintsErrorDocument_WithoutTheSecret()
    {
        var r = CliRunner.Run("totp", "code", "--secret", "SECRETVALUE1!", "--json");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("Base32", r.Json().GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("SECRETVALUE1", r.Stdout + r.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("totp", "--help")]
    [InlineData("totp", "new", "--help")]
    [InlineData("totp", "code", "--help")]
    [InlineData("totp", "verify", "--help")]
    public void Help_ExitZero(params string[] args)
    {
        var r = CliRunner.Run(args);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("Usage", r.Stdout, StringComparison.Ordinal);
    }
}
