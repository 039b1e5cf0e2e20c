namespace Chorus.Auth.Totp;

/// <summary>A TOTP code and the time step it belongs to. <see cref="ToString"/> redacts the code.</summary>
/// <param name="Code">The digits, zero-padded.</param>
/// <param name="TimeStep">The RFC 6238 time step counter T.</param>
/// <param name="ValidFrom">First instant of the step.</param>
/// <param name="ValidTo">First instant after the step (exclusive end): the code stops being the current one here, and is still accepted within the verification window after it.</param>
public sealed record TotpCode(string Code, long TimeStep, DateTimeOffset ValidFrom, DateTimeOffset ValidTo)
{
    /// <summary>Redacted: never the code.</summary>
    public override string ToString() => $"TotpCode(step {TimeStep}, {ValidFrom:O} to {ValidTo:O}, redacted)";
}

/// <summary>The verdict of a TOTP check: valid or not, and the matched time step (for replay protection).</summary>
/// <param name="IsValid">True when the code matched a step within the window.</param>
/// <param name="TimeStep">The matched time step, or null.</param>
public readonly record struct TotpMatch(bool IsValid, long? TimeStep)
{
    /// <summary>No match.</summary>
    public static TotpMatch None => default;
}
