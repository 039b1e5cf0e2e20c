using System.CommandLine;
using Chorus.Cli.Infrastructure;
using Chorus.Signature;
using Chorus.Signature.Certificates;

namespace Chorus.Cli.Commands;

/// <summary><c>chorus certificate check &lt;file&gt; [--at] [--warn-days 30] [--json]</c>: days left before a certificate expires.</summary>
internal static class CertificateCommand
{
    /// <summary>The contract's JSON (extra fields after the contract's).</summary>
    internal sealed record CheckResult(string Subject, DateTimeOffset NotAfter, int DaysLeft, bool Expired, bool ExpiresSoon, string Issuer, string SerialNumber, DateTimeOffset NotBefore, bool NotYetValid);

    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("file") { Description = "Certificate: PEM, DER (.cer/.crt) or PKCS#12 (.p12/.pfx)." };
        var at = new Option<string?>("--at") { Description = "Check time, ISO 8601 (default: now)." };
        var warnDays = new Option<int>("--warn-days") { Description = "Warn when at most this many days are left.", DefaultValueFactory = _ => 30 };
        var password = new Option<string?>("--password") { Description = "PKCS#12 password (default: empty)." };
        var json = CommonOptions.Json();
        var check = new Command("check", "Days left before a certificate expires; exit 1 when expired or expiring soon.") { file, at, warnDays, password, json };
        check.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            var asJson = parse.GetValue(json);
            try
            {
                if (!File.Exists(path))
                {
                    throw new CliUsageException("certificate check: file not found: " + path);
                }

                var when = parse.GetValue(at) is { } a ? SignatureCommand.ParseTime(a) : (DateTimeOffset?)null;
                var r = CertificateExpiryChecker.Check(File.ReadAllBytes(path), TimeProvider.System, when, parse.GetValue(warnDays), parse.GetValue(password));
                var doc = new CheckResult(r.Subject, r.NotAfter, r.DaysLeft, r.Expired, r.ExpiresSoon, r.Issuer, r.SerialNumber, r.NotBefore, r.NotYetValid);
                if (asJson)
                {
                    console.Json(doc);
                }
                else
                {
                    var state = r.Expired ? "EXPIRED" : r.ExpiresSoon ? "expires soon" : "valid";
                    console.Out.WriteLine($"{r.Subject}: {state}, not after {r.NotAfter:O} ({r.DaysLeft} days left)");
                }

                return ExitCodes.Verdict(!r.Expired && !r.ExpiresSoon);
            }
            catch (Exception ex) when (ex is SignatureFormatException or CliUsageException or IOException or UnauthorizedAccessException)
            {
                var message = ex is CliUsageException ? ex.Message : $"certificate check: {path}: {ex.Message}";
                if (asJson)
                {
                    console.JsonError(message);
                }

                console.Error(message);
                return ExitCodes.Unreadable;
            }
        });
        return new Command("certificate", "Certificates (expiry of signing and API connection certificates).") { check };
    }
}
