using System.Security.Cryptography;
using Chorus.Auth.Totp;

namespace Chorus.Auth.Tests.Totp;

public class TotpSecretTests
{
    [Theory]
    [InlineData("", "")]
    [InlineData("f", "MY")]
    [InlineData("fo", "MZXQ")]
    [InlineData("foo", "MZXW6")]
    [InlineData("foob", "MZXW6YQ")]
    [InlineData("fooba", "MZXW6YTB")]
    [InlineData("foobar", "MZXW6YTBOI")]
    public void Base32_Rfc4648Section10Vectors_EncodeWithoutPaddingAndDecodeBack(string ascii, string expected)
    {
        var bytes = System.Text.Encoding.ASCII.GetBytes(ascii);
        Assert.Equal(expected, Internal.Base32.Encode(bytes));
        Assert.Equal(bytes, Internal.Base32.TryDecode(expected, out _));
    }

    [Fact]
    public void ToBase32_Rfc6238Seed_IsTheSecretAppsShow() =>
        Assert.Equal("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", TotpSecret.FromBytes(Rfc.Seed(20)).ToBase32());

    [Theory]
    [InlineData("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ")]
    [InlineData("gezdgnbvgy3tqojqgezdgnbvgy3tqojq")]
    [InlineData("GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ")]
    [InlineData("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ====")]
    public void ParseBase32_CaseSpacesPadding_AreIgnored(string text) =>
        Assert.Equal(Rfc.Seed(20), TotpSecret.ParseBase32(text).ToArray());

    [Theory]
    [InlineData("")]
    [InlineData("GEZDGNBV1")]
    [InlineData("GEZDGNBVGY3TQOJQ!")]
    [InlineData("GEZDGNBV")]
    [InlineData("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ")]
    public void TryParseBase32_BadText_FailsWithReasonThatDoesNotEchoTheText(string text)
    {
        Assert.False(TotpSecret.TryParseBase32(text, out _, out var error));
        Assert.NotNull(error);
        if (text.Length > 0)
        {
            Assert.DoesNotContain(text, error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Generate_Uses160BitsFromTheInjectedGenerator()
    {
        var secret = TotpSecret.Generate(new ScriptedRandom(Enumerable.Range(1, 20).Select(i => (byte)i).ToArray()));
        Assert.Equal(20, secret.Length);
        Assert.Equal(Enumerable.Range(1, 20).Select(i => (byte)i).ToArray(), secret.ToArray());
    }

    [Fact]
    public void ToString_NeverShowsTheKey()
    {
        using var rng = RandomNumberGenerator.Create();
        var secret = TotpSecret.Generate(rng);
        Assert.DoesNotContain(secret.ToBase32(), secret.ToString(), StringComparison.Ordinal);
        Assert.Contains("redacted", secret.ToString(), StringComparison.Ordinal);
        var code = TotpGenerator.Generate(secret, DateTimeOffset.FromUnixTimeSeconds(0));
        Assert.DoesNotContain(code.Code, code.ToString(), StringComparison.Ordinal);
    }
}
