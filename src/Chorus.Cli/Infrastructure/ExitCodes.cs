namespace Chorus.Cli.Infrastructure;

/// <summary>The exit codes of the contract.</summary>
internal static class ExitCodes
{
    /// <summary>The operation succeeded and the verdict is positive (valid, routable, verified…).</summary>
    public const int Success = 0;

    /// <summary>The input was read and checked, and the verdict is negative (invalid, not routable…).</summary>
    public const int Negative = 1;

    /// <summary>Usage error, missing file, or input that cannot be read at all.</summary>
    public const int Unreadable = 2;

    /// <summary>0 when <paramref name="positive"/>, else 1.</summary>
    public static int Verdict(bool positive) => positive ? Success : Negative;
}
