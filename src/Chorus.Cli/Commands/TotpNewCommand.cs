using System.CommandLine;
using System.Security.Cryptography;
using Chorus.Auth.Totp;
using Chorus.Cli.Infrastructure;

namespace Chorus.Cli.Commands;

/// <summary><c>chorus totp new --account &lt;email&gt; [--issuer &lt;name&gt;] [--qr &lt;out.svg|out.png&gt;] [--json]</c>.</summary>
internal static class TotpNewCommand
{
    /// <summary>The contract's JSON: the Base32 secret and the otpauth URI.</summary>
    internal sealed record TotpNewResult(string Secret, string Uri);

    public static Command Create(CliConsole console)
    {
        var account = new Option<string>("--account") { Description = "The account (login address) the app will show.", Required = true };
        var issuer = new Option<string>("--issuer") { Description = "The issuer the app will show (default \"Chorus Pro\").", DefaultValueFactory = _ => "Chorus Pro" };
        var qr = new Option<FileInfo?>("--qr") { Description = "Also write the QR code of the URI to this file: .png or .svg." };
        var json = CommonOptions.Json();
        var command = new Command("new", "Generate a new 160-bit TOTP secret and its otpauth:// URI (SHA1, 6 digits, 30 s), optionally as a QR code.") { account, issuer, qr, json };
        command.SetAction(parse => TotpCommand.Run(console, parse.GetValue(json), () =>
        {
            var accountName = parse.GetValue(account)!;
            var issuerName = parse.GetValue(issuer)!;
            var qrFile = parse.GetValue(qr);
            var format = qrFile is null ? null : Path.GetExtension(qrFile.Name).ToUpperInvariant() switch
            {
                ".PNG" => "png",
                ".SVG" => "svg",
                _ => throw new CliUsageException($"totp new: --qr {qrFile.Name}: the file must end in .png or .svg"),
            };

            TotpSecret secret;
            using (var random = RandomNumberGenerator.Create())
            {
                secret = TotpSecret.Generate(random);
            }

            string uri;
            try
            {
                uri = TotpUri.Build(secret, issuerName, accountName);
            }
            catch (ArgumentException ex)
            {
                throw new CliUsageException($"totp new: --{ex.ParamName}: {ex.Message.Split(" (Parameter", 2)[0]}");
            }

            if (qrFile is not null)
            {
                if (format == "png")
                {
                    File.WriteAllBytes(qrFile.FullName, TotpQrCode.Png(uri));
                }
                else
                {
                    File.WriteAllText(qrFile.FullName, TotpQrCode.Svg(uri));
                }
            }

            var result = new TotpNewResult(secret.ToBase32(), uri);
            if (parse.GetValue(json))
            {
                console.Json(result);
            }
            else
            {
                console.Out.WriteLine($"secret: {result.Secret}");
                console.Out.WriteLine($"uri:    {result.Uri}");
                if (qrFile is not null)
                {
                    console.Out.WriteLine($"qr:     {qrFile}");
                }
            }

            return ExitCodes.Success;
        }));
        return command;
    }
}
