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

    /// <summary>
    /// Validates the files on one thread per processor (the library is thread-safe; its schemas and rule tables are
    /// shared), each worker taking the next file from the front (or the back) of the list and reading it into its own
    /// reused buffer, so that at most one input per worker is in memory; results land in input order.
    /// </summary>
    private static FileResult[] ValidateAll(List<string> files, InvoiceRuleSets ruleSets)
    {
        var results = new FileResult[files.Count];
        var workers = Math.Min(Environment.ProcessorCount, files.Count);
        if (workers <= 1)
        {
            var buffer = new FileBuffer();
            for (var i = 0; i < files.Count; i++)
            {
                results[i] = ValidateOne(files[i], ruleSets, buffer);
            }

            return results;
        }

        // Odd workers take files from the end: with a UBL folder then a CII folder (the usual batch), the second worker
        // compiles the CII schema and warms the CII paths while the first compiles the UBL one, instead of waiting on it.
        int front = 0, back = files.Count - 1;
        var gate = new object();
        var failures = new System.Collections.Concurrent.ConcurrentQueue<Exception>();
        void Work(bool fromBack)
        {
            var buffer = new FileBuffer();
            while (failures.IsEmpty)
            {
                int i;
                lock (gate)
                {
                    if (front > back)
                    {
                        return;
                    }

                    i = fromBack ? back-- : front++;
                }

                try
                {
                    results[i] = ValidateOne(files[i], ruleSets, buffer);
                }
                catch (Exception ex)
                {
                    // Not swallowed: rethrown on the calling thread below, as Parallel.For would.
                    failures.Enqueue(ex);
                }
            }
        }

        var threads = new Thread[workers - 1];
        for (var t = 0; t < threads.Length; t++)
        {
            var fromBack = t % 2 == 0;
            threads[t] = new Thread(() => Work(fromBack)) { IsBackground = true, Name = "chorus validate " + (t + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) };
            threads[t].Start();
        }

        Work(fromBack: false);
        foreach (var thread in threads)
        {
            thread.Join();
        }

        if (!failures.IsEmpty)
        {
            throw new AggregateException(failures);
        }

        return results;
    }

    private static FileResult ValidateOne(string file, InvoiceRuleSets ruleSets, FileBuffer buffer)
    {
        ReadOnlyMemory<byte> bytes;
        try
        {
            bytes = buffer.Read(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Unreadable(file, File.Exists(file) ? "cannot read the file: " + ex.Message : "file not found");
        }

        var head = bytes.Span;
        var isPdf = head.Length >= 5 && head[0] == '%' && head[1] == 'P' && head[2] == 'D' && head[3] == 'F' && head[4] == '-';

        // The validator keeps nothing of its input once it returns, so the buffer is reused for the next file; a PDF is
        // handed over as its own array (the Factur-X reader reads from a byte[]).
        var result = isPdf || file.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase)
            ? InvoiceValidator.Default.ValidatePdf(bytes.ToArray(), ruleSets)
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

/// <summary>One worker's read buffer: a file is read whole into it, grown to the largest file seen, reused for the next.</summary>
internal sealed class FileBuffer
{
    private byte[] _bytes = [];

    /// <summary>The file's bytes, valid until the next call.</summary>
    public ReadOnlyMemory<byte> Read(string file)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        var length = stream.Length;
        if (length > InvoiceValidator.MaxInputBytes)
        {
            // Larger than the validator accepts: read as before (same bytes or same error), not kept in the buffer.
            stream.Dispose();
            return File.ReadAllBytes(file);
        }

        if (_bytes.Length < length + 1)
        {
            _bytes = new byte[Math.Max(length + 1, Math.Min(2L * _bytes.Length, InvoiceValidator.MaxInputBytes + 1))];
        }

        // Read to the end, not just Length bytes (a file may grow while read); more than the limit is kept as the
        // validator's "larger than" verdict needs, no more.
        var total = 0;
        int n;
        while ((n = stream.Read(_bytes, total, _bytes.Length - total)) > 0)
        {
            total += n;
            if (total == _bytes.Length)
            {
                if (total > InvoiceValidator.MaxInputBytes)
                {
                    break;
                }

                Array.Resize(ref _bytes, (int)Math.Min(2L * total, InvoiceValidator.MaxInputBytes + 1));
            }
        }

        return new ReadOnlyMemory<byte>(_bytes, 0, total);
    }
}
