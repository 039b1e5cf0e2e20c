using System.Text;
using Chorus.Directory;
using Chorus.Directory.Annuaire;
using Chorus.Fuzzing.Engine;
using Chorus.Invoicing;
using Chorus.Invoicing.Attachments;
using Chorus.Invoicing.FacturX;
using Chorus.Invoicing.Pdf;
using Chorus.Invoicing.Validation;
using Chorus.Signature;

namespace Chorus.Fuzzing.Targets;

/// <summary>UBL/CII/ZUGFeRD 1.0 reader into the model: unreadable input is an <see cref="InvoiceFormatException"/>.</summary>
internal sealed class InvoiceReaderTarget : IFuzzTarget
{
    public string Name => "invoice-read";

    public InputKind Kind => InputKind.Xml;

    public IReadOnlyList<byte[]> Seeds() => [.. SeedFiles.From("ubl", ".xml"), .. SeedFiles.From("cii", ".xml")];

    public void Run(byte[] input) => _ = InvoiceXml.Read(input);

    public bool IsDocumented(Exception exception) => exception is InvoiceFormatException;
}

/// <summary>The validator: every input gives a result (unreadable ones say so); no exception is documented.</summary>
internal sealed class ValidatorTarget : IFuzzTarget
{
    public string Name => "validate";

    public InputKind Kind => InputKind.Xml;

    public IReadOnlyList<byte[]> Seeds() => [.. SeedFiles.From("ubl", ".xml"), .. SeedFiles.From("cii", ".xml")];

    public void Run(byte[] input) => _ = InvoiceValidator.Default.Validate(input, InvoiceRuleSets.Auto | InvoiceRuleSets.Chorus);

    public bool IsDocumented(Exception exception) => false;
}

/// <summary>Factur-X reading (trailer, catalog, embedded files, XMP): unreadable PDFs are a <see cref="PdfFormatException"/>.</summary>
internal sealed class FacturXReaderTarget : IFuzzTarget
{
    public string Name => "facturx-read";

    public InputKind Kind => InputKind.Pdf;

    public IReadOnlyList<byte[]> Seeds() => SeedFiles.From("facturx", ".pdf");

    public void Run(byte[] input)
    {
        var document = FacturXDocument.Read(input);
        _ = document.Metadata;
        _ = document.Profile;
        _ = document.Invoice?.ToArray();
    }

    public bool IsDocumented(Exception exception) => exception is PdfFormatException;
}

/// <summary>What Chorus Pro would see: format, pages read, keyword-announced fields.</summary>
internal sealed class PdfInspectTarget : IFuzzTarget
{
    public string Name => "pdf-inspect";

    public InputKind Kind => InputKind.Pdf;

    public IReadOnlyList<byte[]> Seeds() => SeedFiles.From("facturx", ".pdf");

    public void Run(byte[] input) => _ = PdfInspector.Inspect(input);

    public bool IsDocumented(Exception exception) => exception is PdfFormatException;
}

/// <summary>PAdES, CAdES and XAdES verification: a verdict with reasons, or a <see cref="SignatureFormatException"/>.</summary>
internal sealed class SignatureTarget(string name, InputKind kind, string folder, params string[] extensions) : IFuzzTarget
{
    private static readonly SignatureVerifier Verifier = new();

    public string Name => name;

    public InputKind Kind => kind;

    public IReadOnlyList<byte[]> Seeds() => SeedFiles.From(Path.Combine("signatures", folder), extensions);

    public void Run(byte[] input) => _ = Verifier.Verify(input, "fuzz");

    public bool IsDocumented(Exception exception) => exception is SignatureFormatException;
}

/// <summary>The annuaire loader: malformed rows are diagnostics, a broken file a <see cref="DirectoryFormatException"/>.</summary>
internal sealed class AnnuaireTarget : IFuzzTarget
{
    public string Name => "annuaire";

    public InputKind Kind => InputKind.Csv;

    public IReadOnlyList<byte[]> Seeds()
    {
        var files = SeedFiles.From("annuaire", ".csv");
        return files.Count > 0 ? files : [Encoding.UTF8.GetBytes(
            "identifiant;typeIdentifiant;raisonSociale;structureActive;codeServiceObligatoire;engagementObligatoire;miseEnPaiementRemontee;moaUniquement;codeService;libelleService;serviceActif\r\n" +
            "73282932000074;SIRET;\"Commune; \"\"annexe\"\"\";oui;non;1;0;false;FACT;Factures;true\r\n")];
    }

    public void Run(byte[] input)
    {
        using var stream = new MemoryStream(input, writable: false);
        _ = InMemoryPublicEntityDirectory.Load(stream);
    }

    public bool IsDocumented(Exception exception) => exception is DirectoryFormatException;
}

/// <summary>The attachment checker on content (sniffing) and names taken from the input.</summary>
internal sealed class AttachmentTarget : IFuzzTarget
{
    public string Name => "attachments";

    public InputKind Kind => InputKind.Binary;

    public IReadOnlyList<byte[]> Seeds() => [.. SeedFiles.From("facturx", ".pdf").Take(3), "devis signé.pdf"u8.ToArray(), "PK\u0003\u0004"u8.ToArray()];

    public void Run(byte[] input)
    {
        var name = Encoding.UTF8.GetString(input, 0, Math.Min(input.Length, 80)).Replace('\0', '_');
        using var stream = new MemoryStream(input, writable: false);
        _ = new AttachmentChecker().Check([AttachmentFile.FromStream(name + ".pdf", stream), new AttachmentFile(name, input.Length)], DepositMode.Portal);
    }

    public bool IsDocumented(Exception exception) => false;
}
