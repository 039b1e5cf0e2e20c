using Chorus.Auth.Totp;

namespace Chorus.Auth.Tests.Totp;

/// <summary>External truth: RFC 6238 appendix B and RFC 4226 appendix D.</summary>
public class TotpVectorTests
{
    [Theory]
    [InlineData(59L, TotpAlgorithm.Sha1, "94287082")]
    [InlineData(59L, TotpAlgorithm.Sha256, "46119246")]
    [InlineData(59L, TotpAlgorithm.Sha512, "90693936")]
    [InlineData(1111111109L, TotpAlgorithm.Sha1, "07081804")]
    [InlineData(1111111109L, TotpAlgorithm.Sha256, "68084774")]
    [InlineData(1111111109L, TotpAlgorithm.Sha512, "25091201")]
    [InlineData(1111111111L, TotpAlgorithm.Sha1, "14050471")]
    [InlineData(1111111111L, TotpAlgorithm.Sha256, "67062674")]
    [InlineData(1111111111L, TotpAlgorithm.Sha512, "99943326")]
    [InlineData(1234567890L, TotpAlgorithm.Sha1, "89005924")]
    [InlineData(1234567890L, TotpAlgorithm.Sha256, "91819424")]
    [InlineData(1234567890L, TotpAlgorithm.Sha512, "93441116")]
    [InlineData(2000000000L, TotpAlgorithm.Sha1, "69279037")]
    [InlineData(2000000000L, TotpAlgorithm.Sha256, "90698825")]
    [InlineData(2000000000L, TotpAlgorithm.Sha512, "38618901")]
    [InlineData(20000000000L, TotpAlgorithm.Sha1, "65353130")]
    [InlineData(20000000000L, TotpAlgorithm.Sha256, "77737706")]
    [InlineData(20000000000L, TotpAlgorithm.Sha512, "47863826")]
    public void Generate_Rfc6238AppendixB_MatchesVector(long unixSeconds, TotpAlgorithm algorithm, string expected)
    {
        var seedLength = algorithm switch { TotpAlgorithm.Sha256 => 32, TotpAlgorithm.Sha512 => 64, _ => 20 };
        var secret = TotpSecret.FromBytes(Rfc.Seed(seedLength));
        var settings = new TotpSettings(algorithm, digits: 8);
        var at = DateTimeOffset.FromUnixTimeSeconds(unixSeconds);

        var code = TotpGenerator.Generate(secret, at, settings);

        Assert.Equal(expected, code.Code);
        Assert.Equal(unixSeconds / 30, code.TimeStep);
        Assert.True(code.ValidFrom <= at && at < code.ValidTo);
        Assert.Equal(TimeSpan.FromSeconds(30), code.ValidTo - code.ValidFrom);
        Assert.Equal(new TotpMatch(true, unixSeconds / 30), TotpGenerator.Verify(secret, expected, at, settings));
    }

    [Theory]
    [InlineData(0, "755224")]
    [InlineData(1, "287082")]
    [InlineData(2, "359152")]
    [InlineData(3, "969429")]
    [InlineData(4, "338314")]
    [InlineData(5, "254676")]
    [InlineData(6, "287922")]
    [InlineData(7, "162583")]
    [InlineData(8, "399871")]
    [InlineData(9, "520489")]
    public void ComputeStep_Rfc4226AppendixD_MatchesHotpVector(long counter, string expected)
    {
        var secret = TotpSecret.FromBytes(Rfc.Seed(20));
        Assert.Equal(expected, TotpGenerator.ComputeStep(secret, counter));
    }

    [Fact]
    public void TimeStep_BeforeEpoch_RoundsDown()
    {
        Assert.Equal(-1, TotpSettings.Default.TimeStep(DateTimeOffset.FromUnixTimeSeconds(-1)));
        Assert.Equal(-1, TotpSettings.Default.TimeStep(DateTimeOffset.FromUnixTimeSeconds(-30)));
        Assert.Equal(-2, TotpSettings.Default.TimeStep(DateTimeOffset.FromUnixTimeSeconds(-31)));
    }
}
