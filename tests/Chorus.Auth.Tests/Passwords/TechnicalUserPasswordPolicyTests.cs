using Chorus.Auth.Passwords;

namespace Chorus.Auth.Tests.Passwords;

public class TechnicalUserPasswordPolicyTests
{
    private static readonly DateTimeOffset Changed = new(2025, 1, 10, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Evaluate_ExpiresAfter424Days()
    {
        var policy = TechnicalUserPasswordPolicy.Default;
        Assert.Equal(new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.Zero), policy.Evaluate(Changed, Changed).ExpiresAt);
        Assert.Equal(PasswordExpiryState.ExpiresSoon, policy.Evaluate(Changed, Changed.AddDays(424).AddSeconds(-1)).State);
        Assert.Equal(PasswordExpiryState.Expired, policy.Evaluate(Changed, Changed.AddDays(424)).State);
    }

    [Theory]
    [InlineData(0, PasswordExpiryState.Valid, 424, null)]
    [InlineData(393, PasswordExpiryState.Valid, 31, null)]
    [InlineData(394, PasswordExpiryState.ExpiresSoon, 30, 30)]
    [InlineData(410, PasswordExpiryState.ExpiresSoon, 14, 15)]
    [InlineData(423, PasswordExpiryState.ExpiresSoon, 1, 1)]
    [InlineData(430, PasswordExpiryState.Expired, -6, null)]
    public void Evaluate_DaysAfterChange_StateAndDueWarning(int days, PasswordExpiryState state, int daysLeft, int? warning)
    {
        var e = TechnicalUserPasswordPolicy.Default.Evaluate(Changed, Changed.AddDays(days));
        Assert.Equal(state, e.State);
        Assert.Equal(daysLeft, e.DaysLeft);
        Assert.Equal(warning, e.DueWarning);
    }

    [Fact]
    public void Evaluate_WarningAlreadySent_IsNotDueAgainUntilTheNextThreshold()
    {
        var policy = TechnicalUserPasswordPolicy.Default;
        var sent = Changed.AddDays(394);
        Assert.Null(policy.Evaluate(Changed, Changed.AddDays(400), sent).DueWarning);
        Assert.Equal(15, policy.Evaluate(Changed, Changed.AddDays(409), sent).DueWarning);
    }

    [Fact]
    public void Evaluate_ConfiguredWarnings_AreUsed()
    {
        var policy = new TechnicalUserPasswordPolicy { WarningDays = [60] };
        Assert.Equal(60, policy.Evaluate(Changed, Changed.AddDays(424 - 60)).DueWarning);
        Assert.Equal(PasswordExpiryState.Valid, policy.Evaluate(Changed, Changed.AddDays(424 - 61)).State);
    }

    [Theory]
    [InlineData(StructureRole.MainManager, true)]
    [InlineData(StructureRole.SecondaryManager, false)]
    [InlineData(StructureRole.User, false)]
    public void Reset_OnlyByTheMainManager(StructureRole role, bool allowed)
    {
        Assert.Equal(allowed, TechnicalUserPasswordPolicy.MayReset(role));
        if (allowed)
        {
            TechnicalUserPasswordPolicy.EnsureMayReset(role);
        }
        else
        {
            Assert.Throws<UnauthorizedAccessException>(() => TechnicalUserPasswordPolicy.EnsureMayReset(role));
        }
    }
}
