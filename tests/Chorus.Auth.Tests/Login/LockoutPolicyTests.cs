using Chorus.Auth.Login;
using Chorus.Auth.Stores;

namespace Chorus.Auth.Tests.Login;

public class LockoutPolicyTests
{
    private static readonly DateTimeOffset T = new(2026, 11, 26, 8, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(0, null)]
    [InlineData(4, null)]
    [InlineData(5, 1)]
    [InlineData(6, 2)]
    [InlineData(7, 4)]
    [InlineData(10, 32)]
    [InlineData(11, 60)]
    [InlineData(99, 60)]
    public void Evaluate_ConsecutiveFailures_LockForDoublingMinutesCappedAtAnHour(int failures, int? minutes)
    {
        var state = LockoutPolicy.Default.Evaluate(new FailureState(failures, T), T);
        Assert.Equal(minutes is not null, state.IsLocked);
        Assert.Equal(minutes is null ? null : T.AddMinutes(minutes.Value), state.LockedUntil);
        Assert.False(LockoutPolicy.Default.Evaluate(new FailureState(failures, T), T.AddMinutes(60)).IsLocked);
    }

    [Theory]
    [InlineData(100)]
    [InlineData(150)]
    public void Evaluate_HundredConsecutiveFailures_LockedUntilUnlocked(int failures)
    {
        var state = LockoutPolicy.Default.Evaluate(new FailureState(failures, T), T.AddYears(1));
        Assert.True(state.IsLocked);
        Assert.Null(state.LockedUntil);
    }

    [Fact]
    public void PermanentLockAfter_MoreThanHundred_IsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new LockoutPolicy { PermanentLockAfter = 101 }.Evaluate(default, T));
}
