namespace Chorus.Auth.Passwords;

/// <summary>A user's role on a structure, as the host knows it (Chorus Pro: gestionnaire principal, gestionnaire secondaire, utilisateur).</summary>
public enum StructureRole
{
    /// <summary>A simple user attached to the structure.</summary>
    User,

    /// <summary>"Gestionnaire secondaire": a secondary manager.</summary>
    SecondaryManager,

    /// <summary>"Gestionnaire principal" (GP): the structure's main manager.</summary>
    MainManager,
}

/// <summary>Where a password stands against its expiry.</summary>
public enum PasswordExpiryState
{
    /// <summary>Valid, no warning due.</summary>
    Valid,

    /// <summary>Valid, but within the warning period.</summary>
    ExpiresSoon,

    /// <summary>Expired: the API refuses it until it is changed.</summary>
    Expired,
}

/// <summary>The expiry of a technical user's password.</summary>
/// <param name="ExpiresAt">The instant it expires (last change + 424 days).</param>
/// <param name="DaysLeft">Whole days left (0 on the last day, negative once expired).</param>
/// <param name="State">Valid, expiring soon, or expired.</param>
/// <param name="DueWarning">The warning threshold (days before expiry) reached and not yet sent, or null.</param>
public sealed record PasswordExpiry(DateTimeOffset ExpiresAt, int DaysLeft, PasswordExpiryState State, int? DueWarning);

/// <summary>
/// Technical users (information systems connected through the API): their password must be changed every 424 days
/// (14 months) from the last change; warnings go out before (by default 30, 15, 7 and 1 days before); only the
/// structure's main manager may reset it.
/// </summary>
public sealed class TechnicalUserPasswordPolicy
{
    /// <summary>A new policy with the Chorus Pro values: 424 days, warnings at 30, 15, 7 and 1 days.</summary>
    public static TechnicalUserPasswordPolicy Default => new();

    /// <summary>Password lifetime from the last change. Chorus Pro: 424 days (14 months).</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromDays(424);

    /// <summary>Days before expiry at which a warning is due, any order. Default 30, 15, 7, 1. The largest one starts <see cref="PasswordExpiryState.ExpiresSoon"/>.</summary>
    public IReadOnlyList<int> WarningDays { get; set; } = [30, 15, 7, 1];

    /// <summary>
    /// Evaluates a password changed at <paramref name="lastChangedAt"/>. <paramref name="lastWarningSentAt"/> (null if none since the
    /// change) lets a daily job send each warning once: <see cref="PasswordExpiry.DueWarning"/> is the smallest threshold
    /// reached since then.
    /// </summary>
    public PasswordExpiry Evaluate(DateTimeOffset lastChangedAt, DateTimeOffset now, DateTimeOffset? lastWarningSentAt = null)
    {
        var expiresAt = lastChangedAt + Lifetime;
        var left = expiresAt - now;
        var daysLeft = (int)Math.Floor(left.TotalDays);
        if (left <= TimeSpan.Zero)
        {
            return new PasswordExpiry(expiresAt, daysLeft, PasswordExpiryState.Expired, null);
        }

        int? due = null;
        var soon = false;
        foreach (var days in WarningDays)
        {
            var threshold = expiresAt - TimeSpan.FromDays(days);
            if (now < threshold)
            {
                continue;
            }

            soon = true;
            if ((lastWarningSentAt is null || lastWarningSentAt < threshold) && (due is null || days < due))
            {
                due = days;
            }
        }

        return new PasswordExpiry(expiresAt, daysLeft, soon ? PasswordExpiryState.ExpiresSoon : PasswordExpiryState.Valid, due);
    }

    /// <summary>Whether a user with <paramref name="requesterRole"/> on the technical user's structure may reset its password: only the main manager.</summary>
    public static bool MayReset(StructureRole requesterRole) => requesterRole == StructureRole.MainManager;

    /// <summary>Throws unless <paramref name="requesterRole"/> is the main manager's.</summary>
    /// <exception cref="UnauthorizedAccessException">Any other role.</exception>
    public static void EnsureMayReset(StructureRole requesterRole)
    {
        if (!MayReset(requesterRole))
        {
            throw new UnauthorizedAccessException("only the structure's main manager (gestionnaire principal) may reset a technical user's password");
        }
    }
}
