using Chorus.Auth.Totp;

namespace Chorus.Auth.Tests.Totp;

public class TotpVerifyTests
{
    private static readonly TotpSecret Secret = TotpSecret.FromBytes(Rfc.Seed(20));
    private static readonly DateTimeOffset At = DateTimeOffset.FromUnixTimeSeconds(1234567890);

    [Theory]
    [InlineData(-30, true)]
    [InlineData(0, true)]
    [InlineData(30, true)]
    [InlineData(59, true)]
    [InlineData(-60, false)]
    [InlineData(90, false)]
    [InlineData(120, false)]
    public void Verify_CodeUsedLaterOrEarlier_AcceptedOnlyWithinOneStep(int offsetSeconds, bool expected)
    {
        // Step 41152263 spans 1234567890 - 0 .. +29 (1234567890 = 41152263 * 30 + 0).
        var code = TotpGenerator.Generate(Secret, At).Code;
        var match = TotpGenerator.Verify(Secret, code, At.AddSeconds(offsetSeconds));
        Assert.Equal(expected, match.IsValid);
        Assert.Equal(expected ? 41152263 : null, match.TimeStep);
    }

    [Fact]
    public void Verify_WindowZero_AcceptsOnlyCurrentStep()
    {
        var settings = new TotpSettings(window: 0);
        var code = TotpGenerator.Generate(Secret, At, settings).Code;
        Assert.True(TotpGenerator.Verify(Secret, code, At.AddSeconds(29), settings).IsValid);
        Assert.False(TotpGenerator.Verify(Secret, code, At.AddSeconds(30), settings).IsValid);
    }

    [Theory]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("1234567")]
    [InlineData("12a456")]
    [InlineData(" 12345")]
    [InlineData("１２３４５６")]
    public void Verify_MalformedCode_IsRejectedWithoutException(string code) =>
        Assert.False(TotpGenerator.Verify(Secret, code, At).IsValid);

    [Fact]
    public void Verify_EveryOtherCodeOfTheStep_IsRejected()
    {
        // Exhaustive over a neighbourhood of the right code: only the right one (and codes of the adjacent steps) pass.
        var right = int.Parse(TotpGenerator.Generate(Secret, At).Code, System.Globalization.CultureInfo.InvariantCulture);
        var window = new[] { -1, 0, 1 }.Select(d => TotpGenerator.ComputeStep(Secret, 41152263 + d)).ToHashSet();
        for (var candidate = Math.Max(0, right - 500); candidate < Math.Min(1_000_000, right + 500); candidate++)
        {
            var text = candidate.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(window.Contains(text), TotpGenerator.Verify(Secret, text, At).IsValid);
        }
    }

    [Fact]
    public void Generate_ConcurrentCallsWithDifferentSettingsOnOneSecret_AreAllCorrect()
    {
        // The secret caches its Otp.NET calculator per settings: alternating settings from many threads must never mix them.
        var secret = TotpSecret.FromBytes(Rfc.Seed(20));
        var sha1 = new TotpSettings(TotpAlgorithm.Sha1, 8);
        var sha256 = new TotpSettings(TotpAlgorithm.Sha256, 8);
        var at = DateTimeOffset.FromUnixTimeSeconds(1234567890);
        var expected256 = TotpGenerator.Generate(TotpSecret.FromBytes(Rfc.Seed(20)), at, sha256).Code;
        Assert.NotEqual("89005924", expected256);
        Parallel.For(0, 4000, i =>
        {
            if (i % 2 == 0)
            {
                Assert.Equal("89005924", TotpGenerator.Generate(secret, at, sha1).Code);
            }
            else
            {
                Assert.Equal(expected256, TotpGenerator.Generate(secret, at, sha256).Code);
            }
        });
    }

    [Fact]
    public void Settings_OutOfRange_AreRefusedWhenBuilt()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TotpSettings(digits: 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TotpSettings(digits: 9));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TotpSettings(period: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TotpSettings(window: 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TotpSettings((TotpAlgorithm)7));
    }
}
