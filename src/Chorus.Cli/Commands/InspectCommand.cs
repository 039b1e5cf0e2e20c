using System.CommandLine;
using System.Globalization;
using Chorus.Cli.Infrastructure;
using Chorus.Invoicing.FacturX;
using Chorus.Invoicing.Pdf;

namespace Chorus.Cli.Commands;

/// <summary><c>chorus inspect &lt;file.pdf&gt; [--json]</c>: what Chorus Pro would see when the PDF is uploaded.</summary>
internal static class InspectCommand
{
    /// <summary>The contract's JSON document, plus <c>encrypted</c>, <c>provenance</c> and <c>problems</c>.</summary>
    internal sealed record InspectResult(
        string File,
        int Pages,
        string Format,
        FacturXInfo? Facturx,
        bool Signed,
        bool TextLayer,
        IReadOnlyList<int> PagesRead,
        FieldsDocument Fields,
        bool Encrypted,
        IReadOnlyDictionary<string, Provenance> Provenance,
        IReadOnlyList<string> Problems);

    /// <summary>The embedded invoice as the contract describes it (plus the relationship and the XMP claims).</summary>
    internal sealed record FacturXInfo(string? Profile, string? Version, string EmbeddedFile, string? Syntax, string? Relationship, string? XmpConformanceLevel, string? XmlProfile, int? PdfAPart);

    /// <summary>The deposit-form fields: SIRETs as 14 digits, the date as ISO 8601, amounts as numbers; null when not found.</summary>
    internal sealed record FieldsDocument(
        string? SiretDestinataire,
        string? SiretEmetteur,
        string? CodeService,
        string? NumeroEngagement,
        string? InvoiceNumber,
        string? InvoiceDate,
        decimal? TotalExclVat,
        decimal? TotalVat,
        decimal? TotalInclVat);

    /// <summary>Where a field was read: page, line of text, announcing label.</summary>
    internal sealed record Provenance(int Page, string Text, string Label);

    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("file.pdf") { Description = "The PDF to inspect." };
        var json = CommonOptions.Json();
        var command = new Command("inspect", "What Chorus Pro would see when the PDF is uploaded: format (PDF, PDF/A, Factur-X), embedded invoice, signature, text layer, and the fields it reads from the first, second-to-last and last pages.")
        {
            file, json,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            var asJson = parse.GetValue(json);
            PdfInspection inspection;
            try
            {
                inspection = PdfInspector.Inspect(PdfCli.ReadFile("inspect", path));
            }
            catch (PdfFormatException ex)
            {
                return PdfCli.Unreadable(console, asJson, $"inspect: {path}: not a readable PDF: {ex.Message}");
            }
            catch (CliUsageException ex)
            {
                return PdfCli.Unreadable(console, asJson, ex.Message);
            }

            var result = ToResult(path, inspection);
            if (asJson)
            {
                console.Json(result);
            }
            else
            {
                WriteText(console, result);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    internal static InspectResult ToResult(string path, PdfInspection r)
    {
        var f = r.Fields;
        var fields = new FieldsDocument(
            f.RecipientSiret?.Value.ToString(),
            f.SupplierSiret?.Value.ToString(),
            f.ServiceCode?.Value,
            f.EngagementNumber?.Value,
            f.InvoiceNumber?.Value,
            f.InvoiceDate?.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            f.TotalExclVat?.Value,
            f.TotalVat?.Value,
            f.TotalInclVat?.Value);
        var provenance = new Dictionary<string, Provenance>(StringComparer.Ordinal);
        void Add<T>(string name, PdfField<T>? field)
        {
            if (field is not null)
            {
                provenance[name] = new Provenance(field.Page, field.Text, field.Label);
            }
        }

        Add("siretDestinataire", f.RecipientSiret);
        Add("siretEmetteur", f.SupplierSiret);
        Add("codeService", f.ServiceCode);
        Add("numeroEngagement", f.EngagementNumber);
        Add("invoiceNumber", f.InvoiceNumber);
        Add("invoiceDate", f.InvoiceDate);
        Add("totalExclVat", f.TotalExclVat);
        Add("totalVat", f.TotalVat);
        Add("totalInclVat", f.TotalInclVat);
        var fx = r.FacturX;
        var facturx = fx?.Invoice is { } inv
            ? new FacturXInfo(fx.Profile, fx.Metadata.Version, inv.FileName, SyntaxName(inv.Syntax), inv.File.Relationship?.ToString(), fx.Metadata.ConformanceLevel, inv.Profile, fx.Metadata.PdfAPart)
            : null;
        return new InspectResult(path, r.Pages, FormatName(r.Format), facturx, r.Signed, r.TextLayer, r.PagesRead, fields, r.Encrypted, provenance, r.Problems);
    }

    internal static string FormatName(PdfFormat format) => format switch
    {
        PdfFormat.PdfA1 => "pdfa1",
        PdfFormat.PdfA2 => "pdfa2",
        PdfFormat.PdfA3 => "pdfa3",
        PdfFormat.PdfA4 => "pdfa4",
        PdfFormat.FacturX => "facturx",
        _ => "pdf",
    };

    internal static string? SyntaxName(EmbeddedInvoiceSyntax syntax) => syntax switch
    {
        EmbeddedInvoiceSyntax.Cii => "cii",
        EmbeddedInvoiceSyntax.Ubl => "ubl",
        EmbeddedInvoiceSyntax.Zugferd1 => "zugferd1",
        _ => null,
    };

    private static void WriteText(CliConsole console, InspectResult r)
    {
        var o = console.Out;
        o.WriteLine($"{r.File}: {r.Format}, {r.Pages} page(s){(r.Signed ? ", signed" : "")}{(r.Encrypted ? ", encrypted" : "")}{(r.TextLayer ? "" : ", no text layer")}");
        if (r.Facturx is { } fx)
        {
            o.WriteLine($"  embedded invoice: {fx.EmbeddedFile} ({fx.Syntax ?? "unknown syntax"}), profile {fx.Profile ?? "unknown"}, version {fx.Version ?? "-"}, relationship {fx.Relationship ?? "-"}");
        }

        o.WriteLine($"  pages read: {string.Join(", ", r.PagesRead)}");
        void Line(string name, object? value)
        {
            var where = r.Provenance.TryGetValue(name, out var p) ? $"   (page {p.Page}, \"{p.Label}\")" : "";
            o.WriteLine($"  {name,-18} {(value is null ? "not found" : Convert.ToString(value, CultureInfo.InvariantCulture))}{where}");
        }

        var f = r.Fields;
        Line("siretDestinataire", f.SiretDestinataire);
        Line("siretEmetteur", f.SiretEmetteur);
        Line("codeService", f.CodeService);
        Line("numeroEngagement", f.NumeroEngagement);
        Line("invoiceNumber", f.InvoiceNumber);
        Line("invoiceDate", f.InvoiceDate);
        Line("totalExclVat", f.TotalExclVat);
        Line("totalVat", f.TotalVat);
        Line("totalInclVat", f.TotalInclVat);
        foreach (var p in r.Problems)
        {
            o.WriteLine($"  note: {p}");
        }
    }
}

/// <summary>What the PDF commands share: reading the file, and the exit-2 answer for unreadable input.</summary>
internal static class PdfCli
{
    public static byte[] ReadFile(string command, string path)
    {
        if (!File.Exists(path))
        {
            throw new CliUsageException($"{command}: file not found: {path}");
        }

        return File.ReadAllBytes(path);
    }

    /// <summary>One line on stderr; with --json, also the contract's <c>{ "error": … }</c> on stdout. Exit 2.</summary>
    public static int Unreadable(CliConsole console, bool json, string message)
    {
        if (json)
        {
            console.JsonError(message);
        }

        console.Error(message);
        return ExitCodes.Unreadable;
    }
}
