using System.CommandLine;
using Chorus.Cli.Infrastructure;
using Chorus.Invoicing.Validation;

namespace Chorus.Cli.Commands;

/// <summary><c>chorus validate &lt;file or folder&gt;... [--rules auto|en16931|facturx|chorus|fr-ctc[,...]] [--json]</c>.</summary>
internal static class ValidateCommand
{
    /// <summary>One problem, as the contract's JSON.</summary>
    internal sealed record ErrorEntry(string Rule, string Severity, string Message, string Location);

    /// <summary>One file's verdict, as the contract's JSON.</summary>
    internal sealed record FileResult(string File, string? Syntax, string? DocumentType, string? Profile, string[] Rules, bool Valid, ErrorEntry[] Errors);

    public static Command Create(CliConsole console)
    {
        var paths = new Argument<string[]>("file or folder")
        {
            Description = "UBL 2.1, CII D16B or ZUGFeRD 1.0 XML files, Factur-X/ZUGFeRD PDFs, or folders (every .xml and .pdf under them).",
            Arity = ArgumentArity.OneOrMore,
        };
        var rules = new Option<string>("--rules")
        {
            Description = "Rule sets, comma-separated: auto (default: facturx for a Factur-X profile other than EN 16931, else en16931), en16931, facturx, chorus, fr-ctc.",
            DefaultValueFactory = _ => "auto",
        };
        var json = CommonOptions.Json();
        var command = new Command("validate", "Validate invoices: XML Schema, EN 16931 rules, Factur-X profile rules, Chorus Pro and reform rules.") { paths, rules, json };
        command.SetAction(parse =>
        {
            var ruleSets = ParseRules(parse.GetValue(rules) ?? "auto");
            var args = parse.GetValue(paths) ?? [];
            var files = Expand(args, out var single);
            var results = ValidateAll(files, ruleSets);
            if (parse.GetValue(json))
            {
                if (single)
                {
                    console.Json(results[0]);
                }
                else
                {
                    console.Json(results);
                }
            }
            else
            {
                WriteText(console, results);
            }

            if (results.Any(static r => r.Syntax is null))
            {
                return ExitCodes.Unreadable;
            }

            return ExitCodes.Verdict(results.All(static r => r.Valid));
        });
        return command;
    }

    internal static InvoiceRuleSets ParseRules(string text)
    {
        var sets = InvoiceRuleSets.None;
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            sets |= part.ToLowerInvariant() switch
            {
                "auto" => InvoiceRuleSets.Auto,
                "en16931" => InvoiceRuleSets.En16931,
                "facturx" => InvoiceRuleSets.FacturX,
                "chorus" => InvoiceRuleSets.Chorus,
                "fr-ctc" => InvoiceRuleSets.FrCtc,
                _ => throw new CliUsageException($"validate: unknown rule set '{part}' (auto, en16931, facturx, chorus, fr-ctc)"),
            };
        }

        return sets == InvoiceRuleSets.None ? InvoiceRuleSets.Auto : sets;
    }

    /// <summary>Files in argument order; a folder contributes every .xml and .pdf under it, sorted by ordinal path.</summary>
    private static List<string> Expand(string[] args, out bool single)
    {
        var files = new List<string>();
        foreach (var a in args)
        {
            if (System.IO.Directory.Exists(a))
            {
                files.AddRange(System.IO.Directory.EnumerateFiles(a, "*", SearchOption.AllDirectories)
                    .Where(static f => f.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal));
            }
            else
            {
                files.Add(a);
            }
        }

        single = args.Length == 1 && !System.IO.Directory.Exists(args[0]);
        return files;
    }

    private static FileResult[] ValidateAll(List<string> files, InvoiceRuleSets ruleSets)
    {
        var results = new FileResult[files.Count];
        if (files.Count < 8)
        {
            for (var i = 0; i < files.Count; i++)
            {
                results[i] = ValidateOne(files[i], ruleSets);
            }
        }
        else
        {
            // Many files: the library is thread-safe and its rule tables and schemas are shared.
            Parallel.For(0, files.Count, i => results[i] = ValidateOne(files[i], ruleSets));
        }

        return results;
    }

    private static FileResult ValidateOne(string file, InvoiceRuleSets ruleSets)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Unreadable(file, File.Exists(file) ? "cannot read the file: " + ex.Message : "file not found");
        }

        var isPdf = bytes.Length >= 5 && bytes[0] == '%' && bytes[1] == 'P' && bytes[2] == 'D' && bytes[3] == 'F' && bytes[4] == '-';
        var result = isPdf || file.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase)
            ? InvoiceValidator.Default.ValidatePdf(bytes, ruleSets)
            : InvoiceValidator.Default.Validate(bytes, ruleSets);
        return new FileResult(
            file,
            result.Syntax,
            result.DocumentType,
            result.Profile,
            [.. result.RuleSets],
            result.IsValid,
            [.. result.Problems.Select(static p => new ErrorEntry(p.Rule, p.Severity == ValidationSeverity.Fatal ? "fatal" : "warning", p.Message, p.Location))]);
    }

    private static FileResult Unreadable(string file, string message) =>
        new(file, null, null, null, [], false, [new ErrorEntry("UNREADABLE", "fatal", message, file)]);

    private static void WriteText(CliConsole console, FileResult[] results)
    {
        foreach (var r in results)
        {
            var verdict = r.Syntax is null ? "UNREADABLE" : r.Valid ? "valid" : "INVALID";
            var what = r.Syntax is null ? string.Empty : $" ({r.Syntax} {r.DocumentType}{(r.Profile is null ? string.Empty : ", " + r.Profile)}; rules {string.Join(",", r.Rules)})";
            console.Out.WriteLine($"{r.File}: {verdict}{what}");
            foreach (var e in r.Errors)
            {
                console.Out.WriteLine($"  {e.Rule} [{e.Severity}] at {e.Location}: {e.Message}");
            }
        }

        var valid = results.Count(static r => r.Valid);
        var unreadable = results.Count(static r => r.Syntax is null);
        var fatal = results.Sum(static r => r.Errors.Count(static e => e.Severity == "fatal"));
        var warnings = results.Sum(static r => r.Errors.Count(static e => e.Severity == "warning"));
        console.Out.WriteLine($"{results.Length} file(s): {valid} valid, {results.Length - valid - unreadable} invalid, {unreadable} unreadable; {fatal} fatal error(s), {warnings} warning(s)");
    }
}
