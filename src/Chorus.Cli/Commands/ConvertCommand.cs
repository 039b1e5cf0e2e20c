using System.CommandLine;
using Chorus.Cli.Infrastructure;
using Chorus.Invoicing;
using Chorus.Invoicing.Conversion;
using Chorus.Invoicing.Model;

namespace Chorus.Cli.Commands;

/// <summary><c>chorus convert &lt;in&gt; --to ubl|cii -o &lt;out&gt; [--json]</c>: UBL ↔ CII through the EN 16931 model.</summary>
internal static class ConvertCommand
{
    /// <summary>The JSON result: what was read, what was written, and what the target could not carry.</summary>
    internal sealed record ConvertResult(string File, string Output, string From, string To, string DocumentType, string? Profile, ConvertWarning[] Warnings);

    /// <summary>One thing the target syntax could not carry (or carries differently).</summary>
    internal sealed record ConvertWarning(string BusinessTerm, string Message);

    public static Command Create(CliConsole console)
    {
        var input = new Argument<string>("in") { Description = "The invoice to convert: UBL 2.1 Invoice/CreditNote, CII D16B (Factur-X XML) or ZUGFeRD 1.0." };
        var to = new Option<string>("--to") { Description = "Target syntax: ubl or cii.", Required = true };
        to.AcceptOnlyFromAmong("ubl", "cii");
        var output = new Option<string>("--output", "-o") { Description = "Where to write the converted invoice.", Required = true };
        var json = CommonOptions.Json();
        var command = new Command("convert", "Convert an invoice between UBL 2.1 and CII D16B through the EN 16931 model, listing what the target cannot carry.")
        {
            input, to, output, json,
        };
        command.SetAction(parse =>
        {
            var file = parse.GetValue(input)!;
            var target = parse.GetValue(to) == "ubl" ? InvoiceSyntax.Ubl : InvoiceSyntax.Cii;
            var outPath = parse.GetValue(output)!;
            var asJson = parse.GetValue(json);
            byte[] bytes;
            ConversionResult result;
            try
            {
                if (!File.Exists(file))
                {
                    return Fail(console, asJson, $"convert: file not found: {file}");
                }

                using (var stream = File.OpenRead(file))
                {
                    using var buffer = new MemoryStream();
                    result = InvoiceConverter.Convert(stream, target, buffer);
                    bytes = buffer.ToArray();
                }
            }
            catch (InvoiceFormatException ex)
            {
                return Fail(console, asJson, $"convert: {file}: {ex.Message}");
            }

            File.WriteAllBytes(outPath, bytes);
            var invoice = result.Invoice;
            var report = new ConvertResult(
                file,
                outPath,
                SyntaxName(result.SourceSyntax!.Value),
                SyntaxName(target),
                invoice.DocumentType == InvoiceDocumentType.CreditNote ? "creditNote" : "invoice",
                InvoiceProfiles.DisplayName(InvoiceProfiles.Detect(invoice.SpecificationIdentifier)),
                result.Warnings.Select(w => new ConvertWarning(w.BusinessTerm, w.Message)).ToArray());
            if (asJson)
            {
                console.Json(report);
            }
            else
            {
                console.Out.WriteLine($"{file}: {report.From} → {report.To} {outPath} ({report.DocumentType}{(report.Profile is null ? "" : ", " + report.Profile)})");
                foreach (var w in report.Warnings)
                {
                    console.Out.WriteLine($"  warning {w.BusinessTerm}: {w.Message}");
                }

                console.Out.WriteLine(report.Warnings.Length == 0 ? "converted, nothing lost" : $"converted, {report.Warnings.Length} warning(s)");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static int Fail(CliConsole console, bool json, string message)
    {
        if (json)
        {
            console.JsonError(message);
        }

        console.Error(message);
        return ExitCodes.Unreadable;
    }

    private static string SyntaxName(InvoiceSyntax syntax) => syntax switch
    {
        InvoiceSyntax.Ubl => "ubl",
        InvoiceSyntax.Cii => "cii",
        _ => "zugferd1",
    };
}
