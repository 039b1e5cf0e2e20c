using System.CommandLine;
using System.Globalization;
using Chorus.Auth.Totp;
using Chorus.Cli.Infrastructure;

namespace Chorus.Cli.Commands;

/// <summary><c>chorus totp new|code|verify</c>: TOTP apps from the command line (RFC 6238), over Chorus.Auth.</summary>
internal static class TotpCommand
{
    public static Command Create(CliConsole console) =>
        new("totp", "TOTP authenticator codes (RFC 6238): enrol a secret with its QR code, compute and verify codes.")
        {
            TotpNewCommand.Create(console),
            TotpCodeCommand.Create(console),
            TotpVerifyCommand.Create(console),
        };

    /// <summary><c>--secret</c>: the Base32 secret.</summary>
    internal static Option<string> SecretOption() => new("--secret") { Description = "The shared secret in Base32 (as authenticator apps show it; case, spaces and padding ignored).", Required = true };

    /// <summary><c>--at</c>: the instant, ISO 8601 or unix seconds; default now.</summary>
    internal static Option<string?> AtOption() => new("--at") { Description = "The instant: ISO 8601 (e.g. 2026-09-01T08:00:00Z; UTC when no offset) or unix seconds. Default: now." };

    internal static Option<int?> DigitsOption() => new("--digits") { Description = "Code length: 6 (default) or 8." };

    internal static Option<string> AlgorithmOption() => new("--algorithm") { Description = "HMAC hash: SHA1 (default), SHA256 or SHA512.", DefaultValueFactory = _ => "SHA1" };

    internal static Option<int> PeriodOption() => new("--period") { Description = "Time step in seconds (default 30).", DefaultValueFactory = _ => 30 };

    internal static TotpSecret ParseSecret(string? text) =>
        TotpSecret.TryParseBase32(text, out var secret, out var error) ? secret : throw new CliUsageException($"totp: --secret is not a usable Base32 secret: {error}");

    internal static DateTimeOffset ParseAt(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return TimeProvider.System.GetUtcNow();
        }

        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var unix))
        {
            if (unix is < -62135596800 or > 253402300799)
            {
                throw new CliUsageException($"totp: --at {text}: unix seconds out of range");
            }

            return DateTimeOffset.FromUnixTimeSeconds(unix);
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
        {
            return at;
        }

        throw new CliUsageException($"totp: --at '{text}' is neither ISO 8601 nor unix seconds");
    }

    internal static TotpSettings Settings(int? digits, string algorithm, int period)
    {
        var alg = algorithm.ToUpperInvariant().Replace("-", string.Empty, StringComparison.Ordinal) switch
        {
            "SHA1" => TotpAlgorithm.Sha1,
            "SHA256" => TotpAlgorithm.Sha256,
            "SHA512" => TotpAlgorithm.Sha512,
            _ => throw new CliUsageException($"totp: --algorithm {algorithm}: use SHA1, SHA256 or SHA512"),
        };
        if (digits is not null and not (6 or 8))
        {
            throw new CliUsageException($"totp: --digits {digits}: use 6 or 8");
        }

        if (period is < 1 or > 300)
        {
            throw new CliUsageException($"totp: --period {period}: use 1 to 300 seconds");
        }

        return new TotpSettings(alg, digits ?? 6, period);
    }

    /// <summary>
    /// Runs a subcommand's body; with --json, a usage or input error also prints the contract's <c>{ "error": "…" }</c>
    /// document before the one-line message and exit code 2.
    /// </summary>
    internal static int Run(CliConsole console, bool json, Func<int> body)
    {
        try
        {
            return body();
        }
        catch (CliUsageException ex) when (json)
        {
            console.JsonError(ex.Message);
            console.Error(ex.Message);
            return ExitCodes.Unreadable;
        }
    }

    /// <summary>ISO 8601 in UTC, to the second.</summary>
    internal static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
