using System.CommandLine;
using Chorus.Auth.Totp;
using Chorus.Cli.Infrastructure;

namespace Chorus.Cli.Commands;

/// <summary><c>chorus totp verify --secret &lt;base32&gt; --code &lt;code&gt; [--at …] [--json]</c>: exit 0 valid, 1 not.</summary>
internal static class TotpVerifyCommand
{
    /// <summary>The contract's JSON: the verdict and the matched time step.</summary>
    internal sealed record TotpVerifyResult(bool Valid, long? TimeStep);

    public static Command Create(CliConsole console)
    {
        var secret = TotpCommand.SecretOption();
        var code = new Option<string>("--code") { Description = "The code to check.", Required = true };
        var at = TotpCommand.AtOption();
        var digits = TotpCommand.DigitsOption();
        digits.Description = "Code length: 6 or 8 (default: the length of --code when it is 8, else 6).";
        var algorithm = TotpCommand.AlgorithmOption();
        var period = TotpCommand.PeriodOption();
        var json = CommonOptions.Json();
        var command = new Command("verify", "Check a TOTP code at an instant (default now), accepting the steps just before and after (±1 step, as at login). No replay state: each run is independent.")
        {
            secret, code, at, digits, algorithm, period, json,
        };
        command.SetAction(parse => TotpCommand.Run(console, parse.GetValue(json), () =>
        {
            var typed = parse.GetValue(code)!.Trim();
            var settings = TotpCommand.Settings(parse.GetValue(digits) ?? (typed.Length == 8 ? 8 : 6), parse.GetValue(algorithm)!, parse.GetValue(period));
            var key = TotpCommand.ParseSecret(parse.GetValue(secret));
            var match = TotpGenerator.Verify(key, typed, TotpCommand.ParseAt(parse.GetValue(at)), settings);
            var result = new TotpVerifyResult(match.IsValid, match.TimeStep);
            if (parse.GetValue(json))
            {
                console.Json(result);
            }
            else
            {
                console.Out.WriteLine(match.IsValid ? $"valid (time step {match.TimeStep})" : "not valid");
            }

            return ExitCodes.Verdict(match.IsValid);
        }));
        return command;
    }
}
