using System.CommandLine;
using Chorus.Cli.Infrastructure;
using Chorus.Invoicing.FacturX;
using Chorus.Invoicing.Pdf;

namespace Chorus.Cli.Commands;

/// <summary><c>chorus facturx extract|create</c>: read the invoice XML out of a Factur-X PDF, or make one.</summary>
internal static class FacturXCommand
{
    /// <summary>The JSON of <c>facturx extract --json</c> (beyond the contract, which asks none).</summary>
    internal sealed record ExtractResult(string File, string Output, string EmbeddedFile, int Bytes, string? Profile, string? Relationship, IReadOnlyList<string> Problems);

    /// <summary>The JSON of <c>facturx create --json</c>.</summary>
    internal sealed record CreateResult(string File, string Xml, string Output, string EmbeddedFile, string Profile, string Relationship, int Bytes, IReadOnlyList<string> Warnings);

    public static Command Create(CliConsole console) => new("facturx", "Factur-X / ZUGFeRD PDFs: extract the embedded invoice XML, or embed one.")
    {
        Extract(console),
        CreateCommand(console),
    };

    private static Command Extract(CliConsole console)
    {
        var pdf = new Argument<string>("pdf") { Description = "The Factur-X / ZUGFeRD / XRechnung PDF." };
        var output = new Option<string>("--output", "-o") { Description = "Where to write the embedded invoice XML.", Required = true };
        var json = CommonOptions.Json();
        var command = new Command("extract", "Write the embedded invoice XML (factur-x.xml, zugferd-invoice.xml, ZUGFeRD-invoice.xml, xrechnung.xml). Exit 1 if the PDF carries none.")
        {
            pdf, output, json,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(pdf)!;
            var outPath = parse.GetValue(output)!;
            var asJson = parse.GetValue(json);
            FacturXDocument doc;
            try
            {
                doc = FacturXDocument.Read(PdfCli.ReadFile("facturx extract", path));
            }
            catch (PdfFormatException ex)
            {
                return PdfCli.Unreadable(console, asJson, $"facturx extract: {path}: not a readable PDF: {ex.Message}");
            }
            catch (CliUsageException ex)
            {
                return PdfCli.Unreadable(console, asJson, ex.Message);
            }

            if (doc.Invoice is not { } invoice)
            {
                var why = doc.IsEncrypted ? "the PDF is encrypted" : "no embedded invoice XML";
                if (asJson)
                {
                    console.JsonError($"{path}: {why}");
                }

                console.Error($"facturx extract: {path}: {why}");
                return ExitCodes.Negative;
            }

            File.WriteAllBytes(outPath, invoice.ToArray());
            if (asJson)
            {
                console.Json(new ExtractResult(path, outPath, invoice.FileName, invoice.Content.Length, doc.Profile, invoice.File.Relationship?.ToString(), doc.Problems));
            }
            else
            {
                console.Out.WriteLine($"{path}: {invoice.FileName} ({invoice.Content.Length} bytes, profile {doc.Profile ?? "unknown"}) written to {outPath}");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command CreateCommand(CliConsole console)
    {
        var pdf = new Argument<string>("pdf") { Description = "The PDF to turn into a Factur-X (its bytes are kept; an incremental update is appended)." };
        var xml = new Argument<string>("xml") { Description = "The CII invoice XML to embed (its BT-24 gives the profile)." };
        var output = new Option<string>("--output", "-o") { Description = "Where to write the Factur-X PDF.", Required = true };
        var relationship = new Option<string?>("--relationship") { Description = "AFRelationship: Data, Alternative or Source (default: Data for MINIMUM and BASIC WL, Alternative otherwise)." };
        var json = CommonOptions.Json();
        var command = new Command("create", "Embed a CII invoice in a PDF as Factur-X (PDF/A-3 claim, XMP with the profile, associated file relationship).")
        {
            pdf, xml, output, relationship, json,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(pdf)!;
            var xmlPath = parse.GetValue(xml)!;
            var outPath = parse.GetValue(output)!;
            var asJson = parse.GetValue(json);
            AFRelationship? rel = null;
            if (parse.GetValue(relationship) is { } r)
            {
                if (!Enum.TryParse<AFRelationship>(r, ignoreCase: true, out var parsed) || parsed is not (AFRelationship.Data or AFRelationship.Alternative or AFRelationship.Source))
                {
                    return PdfCli.Unreadable(console, asJson, $"facturx create: --relationship must be Data, Alternative or Source, not '{r}'");
                }

                rel = parsed;
            }

            FacturXCreateResult result;
            try
            {
                var pdfBytes = PdfCli.ReadFile("facturx create", path);
                var xmlBytes = PdfCli.ReadFile("facturx create", xmlPath);
                result = FacturXCreator.Create(pdfBytes, xmlBytes, new FacturXCreateOptions { Relationship = rel });
            }
            catch (PdfFormatException ex)
            {
                return PdfCli.Unreadable(console, asJson, $"facturx create: {path}: {ex.Message}");
            }
            catch (ArgumentException ex)
            {
                return PdfCli.Unreadable(console, asJson, $"facturx create: {xmlPath}: {ex.Message}");
            }
            catch (CliUsageException ex)
            {
                return PdfCli.Unreadable(console, asJson, ex.Message);
            }

            File.WriteAllBytes(outPath, result.Pdf);
            if (asJson)
            {
                console.Json(new CreateResult(path, xmlPath, outPath, result.FileName, result.Profile, result.Relationship.ToString(), result.Pdf.Length, result.Warnings));
            }
            else
            {
                console.Out.WriteLine($"{outPath}: Factur-X {result.Profile}, {result.FileName} ({result.Relationship}), {result.Pdf.Length} bytes");
                foreach (var w in result.Warnings)
                {
                    console.Out.WriteLine($"  warning: {w}");
                }
            }

            // warnings also go to stderr so that a script sees them even with --json
            foreach (var w in result.Warnings)
            {
                console.Error($"facturx create: warning: {w}");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
