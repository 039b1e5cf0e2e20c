using System.CommandLine;
using Chorus.Auth.Totp;
using Chorus.Cli.Infrastructure;

namespace Chorus.Cli.Commands;

/// <summary><c>chorus totp code --secret &lt;base32&gt; [--at …] [--digits 6|8] [--algorithm SHA1|SHA256|SHA512] [--period 30] [--json]</c>.</summary>
internal static class TotpCodeCommand
{
    /// <summary>The contract's JSON: the code and the step it belongs to (validTo is the first second after the step).</summary>
    internal sealed record TotpCodeResult(string Code, string ValidFrom, string ValidTo);

    public static Command Create(CliConsole console)
    {
        var secret = TotpCommand.SecretOption();
        var at = TotpCommand.AtOption();
        var digits = TotpCommand.DigitsOption();
        var algorithm = TotpCommand.AlgorithmOption();
        var period = TotpCommand.PeriodOption();
        var json = CommonOptions.Json();
        var command = new Command("code", "Compute the TOTP code at an instant (default now).") { secret, at, digits, algorithm, period, json };
        command.SetAction(parse => TotpCommand.Run(console, parse.GetValue(json), () =>
        {
            var settings = TotpCommand.Settings(parse.GetValue(digits), parse.GetValue(algorithm)!, parse.GetValue(period));
            var key = TotpCommand.ParseSecret(parse.GetValue(secret));
            var code = TotpGenerator.Generate(key, TotpCommand.ParseAt(parse.GetValue(at)), settings);
            var result = new TotpCodeResult(code.Code, TotpCommand.Iso(code.ValidFrom), TotpCommand.Iso(code.ValidTo));
            if (parse.GetValue(json))
            {
                console.Json(result);
            }
            else
            {
                console.Out.WriteLine($"{result.Code} (from {result.ValidFrom} to {result.ValidTo})");
            }

            return ExitCodes.Success;
        }));
        return command;
    }
}
