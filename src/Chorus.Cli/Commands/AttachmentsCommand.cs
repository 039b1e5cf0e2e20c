using System.CommandLine;
using Chorus.Cli.Infrastructure;
using Chorus.Invoicing.Attachments;

namespace Chorus.Cli.Commands;

/// <summary><c>chorus attachments check &lt;file&gt;... [--mode portal|api|xml-batch|edi] [--json]</c>: the Chorus Pro attachment rules.</summary>
internal static class AttachmentsCommand
{
    /// <summary>One file's verdict, as the contract's JSON (<c>warnings</c> is ours: content that does not match the extension).</summary>
    internal sealed record FileResult(string Name, long Bytes, bool Valid, string[] Errors, string[] Warnings);

    /// <summary>The whole set's verdict, as the contract's JSON (<c>errors</c> is ours: violations of the set, i.e. the total).</summary>
    internal sealed record CheckResult(string Mode, bool Valid, long TotalBytes, long LimitBytes, FileResult[] Files, string[] Errors);

    private static readonly (string Name, DepositMode Mode)[] Modes =
        [("portal", DepositMode.Portal), ("api", DepositMode.Api), ("xml-batch", DepositMode.XmlBatch), ("edi", DepositMode.Edi)];

    public static Command Create(CliConsole console)
    {
        var files = new Argument<string[]>("file") { Description = "The files of the billing file (invoice and attachments).", Arity = ArgumentArity.OneOrMore };
        var mode = new Option<string>("--mode")
        {
            Description = "Deposit mode, for the total limit: portal (entry or PDF upload, 120 MB), api (120 MB), xml-batch (30 MB), edi (1 GB). Default portal.",
            DefaultValueFactory = _ => "portal",
        };
        mode.AcceptOnlyFromAmong([.. Modes.Select(m => m.Name)]);
        var json = CommonOptions.Json();
        var check = new Command("check", "Check names, extensions, per-file and total sizes against the Chorus Pro rules; every violation of every file is reported. Exit 0 valid, 1 not.") { files, mode, json };
        check.SetAction(parse =>
        {
            var modeName = parse.GetValue(mode) ?? "portal";
            var depositMode = Modes.First(m => m.Name == modeName).Mode;
            var paths = parse.GetValue(files) ?? [];
            var asJson = parse.GetValue(json);
            // An unreadable file is a CliUsageException/IOException: ChorusApp prints the line and, under --json, {error}.
            AttachmentFile[] read = [.. paths.Select(Read)];

            var report = new AttachmentChecker().Check(read, depositMode);
            var result = new CheckResult(
                modeName,
                report.IsValid,
                report.TotalBytes,
                report.LimitBytes,
                [.. report.Files.Select((f, i) => new FileResult(paths[i], f.Bytes, f.IsValid, [.. f.Errors.Select(e => e.Message)], [.. f.Warnings.Select(w => w.Message)]))],
                [.. report.Errors.Select(e => e.Message)]);
            if (asJson)
            {
                console.Json(result);
            }
            else
            {
                Print(console, result);
            }

            return ExitCodes.Verdict(result.Valid);
        });
        return new Command("attachments", "Chorus Pro attachment rules.") { check };
    }

    private static AttachmentFile Read(string path)
    {
        if (System.IO.Directory.Exists(path))
        {
            throw new CliUsageException($"attachments: '{path}' is a folder, not a file");
        }

        if (!File.Exists(path))
        {
            throw new CliUsageException($"attachments: file not found: {path}");
        }

        using var stream = File.OpenRead(path);
        return AttachmentFile.FromStream(Path.GetFileName(path), stream);
    }

    private static void Print(CliConsole console, CheckResult result)
    {
        foreach (var f in result.Files)
        {
            console.Out.WriteLine($"{f.Name}: {(f.Valid ? "ok" : "invalid")} ({f.Bytes:N0} bytes)");
            foreach (var e in f.Errors)
            {
                console.Out.WriteLine($"  error: {e}");
            }

            foreach (var w in f.Warnings)
            {
                console.Out.WriteLine($"  warning: {w}");
            }
        }

        foreach (var e in result.Errors)
        {
            console.Out.WriteLine($"error: {e}");
        }

        console.Out.WriteLine($"{(result.Valid ? "valid" : "invalid")} for a {result.Mode} deposit: {result.TotalBytes:N0} of {result.LimitBytes:N0} bytes");
    }
}
