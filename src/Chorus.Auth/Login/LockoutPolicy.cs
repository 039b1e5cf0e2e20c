using Chorus.Auth.Stores;

namespace Chorus.Auth.Login;

/// <summary>
/// The brute-force policy, per account, counting consecutive failures of the password and of the second factor together
/// (a success resets the count):
/// <list type="bullet">
/// <item>the first <see cref="FreeFailures"/> (default 5) failures cost nothing;</item>
/// <item>from then on each failure locks the account for <see cref="BaseDelay"/> × 2^(failures − FreeFailures) after it
/// (default 1, 2, 4, … minutes), at most <see cref="MaxDelay"/> (default 1 hour);</item>
/// <item>at <see cref="PermanentLockAfter"/> consecutive failures (default and maximum 100, the NIST SP 800-63B
/// section 5.2.2 limit) the account stays locked until the host unlocks it (<see cref="LoginService.Unlock"/>, e.g. after a
/// password reset); so no more than 100 consecutive failed attempts are ever accepted;</item>
/// <item>while locked, attempts are refused without checking the password or the code, and are not counted;</item>
/// <item>simultaneous attempts are numbered by the store's atomic counter before anything is checked, so a burst of
/// parallel requests gets no more checks than the same requests one after the other.</item>
/// </list>
/// Unknown accounts are counted and locked exactly like known ones, so the answers do not reveal whether an account exists.
/// </summary>
public sealed class LockoutPolicy
{
    /// <summary>A new policy with the defaults (5 free failures, 1 minute doubling to 1 hour, permanent lock at 100).</summary>
    public static LockoutPolicy Default => new();

    /// <summary>Failures allowed before any lock-out. Default 5.</summary>
    public int FreeFailures { get; set; } = 5;

    /// <summary>The first lock-out. Default 1 minute.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The longest timed lock-out. Default 1 hour.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Consecutive failures after which the account is locked until unlocked. Default 100, at most 100 (NIST SP 800-63B).</summary>
    public int PermanentLockAfter { get; set; } = 100;

    /// <summary>Whether the account is locked at <paramref name="now"/>, and until when.</summary>
    public LockoutState Evaluate(FailureState failures, DateTimeOffset now)
    {
        Validate();
        var n = failures.ConsecutiveFailures;
        if (n >= PermanentLockAfter)
        {
            return new LockoutState(true, null);
        }

        if (n < FreeFailures || failures.LastFailureAt is not { } last)
        {
            return LockoutState.Unlocked;
        }

        var exponent = Math.Min(n - FreeFailures, 30);
        var ticks = Math.Min((double)BaseDelay.Ticks * Math.Pow(2, exponent), MaxDelay.Ticks);
        var until = last + TimeSpan.FromTicks((long)ticks);
        return now < until ? new LockoutState(true, until) : LockoutState.Unlocked;
    }

    internal LockoutPolicy Snapshot() => (LockoutPolicy)MemberwiseClone();

    internal void Validate()
    {
        if (PermanentLockAfter is < 1 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(PermanentLockAfter), PermanentLockAfter, "NIST SP 800-63B: at most 100 consecutive failures");
        }

        if (FreeFailures < 0 || FreeFailures > PermanentLockAfter || BaseDelay <= TimeSpan.Zero || MaxDelay < BaseDelay)
        {
            throw new ArgumentOutOfRangeException(nameof(FreeFailures), "inconsistent lock-out policy");
        }
    }
}

/// <summary>Whether an account is locked.</summary>
/// <param name="IsLocked">True while attempts are refused.</param>
/// <param name="LockedUntil">End of a timed lock-out; null when unlocked or when locked until the host unlocks it.</param>
public readonly record struct LockoutState(bool IsLocked, DateTimeOffset? LockedUntil)
{
    /// <summary>Not locked.</summary>
    public static LockoutState Unlocked => default;
}
