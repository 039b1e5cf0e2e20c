using Chorus.Auth.EmailCodes;
using Chorus.Auth.Protection;
using Chorus.Auth.Stores;
using Chorus.Auth.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Chorus.Auth.Tests.EmailCodes;

public class EmailCodeServiceTests
{
    private const string Account = "jean.dupont@exemple.fr";

    [Fact]
    public void Issue_SixDigits_ValidTenMinutes_StoredOnlyAsHash()
    {
        var f = new AuthFixture();
        var code = f.EmailCodes.Issue(Account);

        Assert.Matches("^[0-9]{6}$", code.Code);
        Assert.Equal(f.Time.GetUtcNow().AddMinutes(10), code.ExpiresAt);
        var record = f.Store.GetEmailCode(Account)!;
        Assert.Equal(32, record.CodeHash.Length);
        Assert.False(record.CodeHash.AsSpan().IndexOf(System.Text.Encoding.ASCII.GetBytes(code.Code)) >= 0);
        Assert.DoesNotContain(code.Code, code.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_RightCode_IsAcceptedOnce()
    {
        var f = new AuthFixture();
        var code = f.EmailCodes.Issue(Account);
        Assert.Equal(EmailCodeStatus.Valid, f.EmailCodes.Verify(Account, code.Code));
        Assert.Equal(EmailCodeStatus.NoPendingCode, f.EmailCodes.Verify(Account, code.Code));
    }

    [Theory]
    [InlineData(599, EmailCodeStatus.Valid)]
    [InlineData(600, EmailCodeStatus.Expired)]
    [InlineData(3600, EmailCodeStatus.Expired)]
    public void Verify_AfterTenMinutes_IsExpired(int seconds, EmailCodeStatus expected)
    {
        var f = new AuthFixture();
        var code = f.EmailCodes.Issue(Account);
        f.Time.Advance(TimeSpan.FromSeconds(seconds));
        Assert.Equal(expected, f.EmailCodes.Verify(Account, code.Code));
    }

    [Fact]
    public void Issue_NewAttempt_VoidsThePreviousCode()
    {
        var f = new AuthFixture();
        var first = f.EmailCodes.Issue(Account);
        var second = f.EmailCodes.Issue(Account);
        if (first.Code != second.Code)
        {
            Assert.Equal(EmailCodeStatus.Wrong, f.EmailCodes.Verify(Account, first.Code));
        }

        Assert.Equal(EmailCodeStatus.Valid, f.EmailCodes.Verify(Account, second.Code));
    }

    [Fact]
    public void Verify_FiveWrongAttempts_VoidTheCode()
    {
        var f = new AuthFixture();
        var code = f.EmailCodes.Issue(Account);
        var wrong = code.Code == "000000" ? "000001" : "000000";
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(EmailCodeStatus.Wrong, f.EmailCodes.Verify(Account, wrong));
        }

        Assert.Equal(EmailCodeStatus.TooManyAttempts, f.EmailCodes.Verify(Account, code.Code));
    }

    [Theory]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("1234567")]
    [InlineData("abcdef")]
    public void Verify_Malformed_IsWrongAndCounts(string typed)
    {
        var f = new AuthFixture();
        f.EmailCodes.Issue(Account);
        Assert.Equal(EmailCodeStatus.Wrong, f.EmailCodes.Verify(Account, typed));
        Assert.Equal(1, f.Store.GetEmailCode(Account)!.Attempts);
    }

    [Fact]
    public void Verify_UnknownAccount_HasNoPendingCode()
    {
        var f = new AuthFixture();
        Assert.Equal(EmailCodeStatus.NoPendingCode, f.EmailCodes.Verify("nobody@exemple.fr", "123456"));
    }

    [Fact]
    public void Verify_AccountCaseDiffers_SameCode()
    {
        var f = new AuthFixture();
        var code = f.EmailCodes.Issue(Account);
        Assert.Equal(EmailCodeStatus.Valid, f.EmailCodes.Verify(Account.ToUpperInvariant(), code.Code));
    }

    [Fact]
    public void Issue_DrawAboveTheLargestMultipleOfAMillion_IsRedrawn()
    {
        // 2^32 = 4294 * 10^6 + 967296: draws of 4_294_000_000 and above would favour codes below 967296, so they are redrawn.
        // Script: 0xFFFFFFFF (rejected), then 4_293_999_999 (the largest accepted draw) -> 999999.
        var rejected = BitConverter.GetBytes(uint.MaxValue);
        var accepted = BitConverter.GetBytes(4_293_999_999u);
        var codeId = new byte[16];
        var random = new ScriptedRandom([.. rejected, .. accepted, .. codeId]);
        var service = new EmailCodeService(new InMemoryAuthStore(), AuthKey.Generate(AuthFixture.Random), new FakeTimeProvider(), random);

        Assert.Equal("999999", service.Issue(Account).Code);
    }

    [Fact]
    public void Issue_LowDraw_IsZeroPadded()
    {
        var random = new ScriptedRandom([.. BitConverter.GetBytes(42u), .. new byte[16]]);
        var service = new EmailCodeService(new InMemoryAuthStore(), AuthKey.Generate(AuthFixture.Random), new FakeTimeProvider(), random);
        Assert.Equal("000042", service.Issue(Account).Code);
    }

    [Fact]
    public void Issue_ManyCodes_DigitsAreUniform()
    {
        // Chi-square over the first digit of 20 000 codes (9 degrees of freedom; 27.9 is the 0.1 % critical value).
        var f = new AuthFixture();
        var counts = new int[10];
        for (var i = 0; i < 20_000; i++)
        {
            counts[f.EmailCodes.Issue(Account).Code[0] - '0']++;
        }

        var chi = counts.Sum(c => Math.Pow(c - 2000, 2) / 2000);
        Assert.True(chi < 27.9, $"chi-square {chi:F1}");
    }

    [Fact]
    public void Options_OutOfRange_AreRefused()
    {
        var key = AuthKey.Generate(AuthFixture.Random);
        Assert.Throws<ArgumentOutOfRangeException>(() => new EmailCodeService(new InMemoryAuthStore(), key, new FakeTimeProvider(), AuthFixture.Random, new EmailCodeOptions { MaxAttempts = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new EmailCodeService(new InMemoryAuthStore(), key, new FakeTimeProvider(), AuthFixture.Random, new EmailCodeOptions { Lifetime = TimeSpan.Zero }));
    }
}

public class OptionsSnapshotTests
{
    [Fact]
    public void EmailCodeOptions_ChangedAfterConstruction_DoNotAffectTheService()
    {
        var options = new EmailCodeOptions { Lifetime = TimeSpan.FromMinutes(10) };
        var service = new EmailCodeService(new InMemoryAuthStore(), AuthKey.Generate(AuthFixture.Random), new FakeTimeProvider(), AuthFixture.Random, options);
        options.Lifetime = TimeSpan.FromDays(365);
        Assert.Equal(TimeSpan.FromMinutes(10), service.Options.Lifetime);
    }

    [Fact]
    public void LockoutPolicyDefault_IsAFreshInstance_SoNoCallerCanChangeEveryonesDefault()
    {
        var mine = Chorus.Auth.Login.LockoutPolicy.Default;
        mine.PermanentLockAfter = 3;
        Assert.Equal(100, Chorus.Auth.Login.LockoutPolicy.Default.PermanentLockAfter);
    }

    [Theory]
    [InlineData("", 587, "a@exemple.fr")]
    [InlineData("smtp.exemple.fr", 0, "a@exemple.fr")]
    [InlineData("smtp.exemple.fr", 587, "")]
    public void MailKitAuthMailer_WithoutHostPortOrFrom_IsRefused(string host, int port, string from) =>
        Assert.Throws<ArgumentException>(() => new Chorus.Auth.Mail.MailKitAuthMailer(new Chorus.Auth.Mail.SmtpOptions { Host = host, Port = port, FromAddress = from }));
}
