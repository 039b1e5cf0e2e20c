using Chorus.Invoicing.FacturX.Internal;
using Chorus.Invoicing.Pdf;
using Chorus.Invoicing.Pdf.Internal;

namespace Chorus.Invoicing.FacturX;

/// <summary>
/// The Factur-X / ZUGFeRD / XRechnung view of a PDF: its embedded invoice XML, its attachments and its XMP claims, read
/// <b>without parsing any page</b> (trailer → catalog → <c>EmbeddedFiles</c> name tree and <c>/AF</c> → file
/// specification → embedded file stream; catalog <c>/Metadata</c> → XMP), so the cost does not grow with the page count.
/// Works on incremental updates, cross-reference streams and object streams.
/// </summary>
/// <remarks>Immutable once read; safe to share between threads. Each <c>Read</c> call parses its own copy of the structure.</remarks>
public sealed class FacturXDocument
{
    /// <summary>The file names that carry the invoice, in order of preference when a PDF has several.</summary>
    public static IReadOnlyList<string> InvoiceFileNames { get; } = ["factur-x.xml", "zugferd-invoice.xml", "ZUGFeRD-invoice.xml", "xrechnung.xml"];

    private readonly Lazy<FacturXMetadata> _metadata;
    private readonly Lazy<IReadOnlyList<string>> _problems;

    private FacturXDocument(EmbeddedInvoice? invoice, IReadOnlyList<EmbeddedFile> files, Func<FacturXMetadata> metadata, bool encrypted, List<string> structuralProblems)
    {
        Invoice = invoice;
        EmbeddedFiles = files;
        IsEncrypted = encrypted;
        // XMP and the XML's BT-24 are parsed on first use (thread-safe Lazy): extracting the invoice bytes parses no XML
        _metadata = new Lazy<FacturXMetadata>(metadata);
        _problems = new Lazy<IReadOnlyList<string>>(() => Diagnose(Invoice, Metadata, structuralProblems));
    }

    /// <summary>The embedded invoice XML, or null when the PDF carries none (or is encrypted).</summary>
    public EmbeddedInvoice? Invoice { get; }

    /// <summary>Every embedded file (name tree and <c>/AF</c>), the invoice included, in name-tree order.</summary>
    public IReadOnlyList<EmbeddedFile> EmbeddedFiles { get; }

    /// <summary>The XMP claims (PDF/A part, Factur-X conformance level, version…).</summary>
    public FacturXMetadata Metadata => _metadata.Value;

    /// <summary>True when the PDF is encrypted: its attachments cannot be read without the password.</summary>
    public bool IsEncrypted { get; }

    /// <summary>
    /// The profile: the XMP conformance level when it is a known one, else the one the XML's BT-24 declares, else null.
    /// </summary>
    public string? Profile => Metadata.Profile ?? Invoice?.Profile;

    /// <summary>
    /// Findings a reader of the file should know about: XMP and BT-24 disagree on the profile, an unknown XMP level,
    /// not well-formed XMP, the invoice missing from <c>/AF</c>, a relationship the profile does not allow, encryption.
    /// Empty when nothing is wrong.
    /// </summary>
    public IReadOnlyList<string> Problems => _problems.Value;

    /// <summary>Reads a PDF from a stream (read to the end, at most <see cref="PdfReadOptions.MaxFileBytes"/>).</summary>
    /// <exception cref="PdfFormatException">The bytes are not a readable PDF.</exception>
    public static FacturXDocument Read(Stream pdf, PdfReadOptions? options = null) =>
        Read(PdfBytes.ReadAll(pdf, options ?? PdfReadOptions.Default), options);

    /// <summary>Reads a PDF held in memory (the array is not copied: do not change it while reading).</summary>
    /// <remarks>A file with a PDF header and no object at all (truncated right after it) gives a document without invoice.</remarks>
    /// <exception cref="PdfFormatException">The bytes are not a readable PDF.</exception>
    public static FacturXDocument Read(byte[] pdf, PdfReadOptions? options = null)
    {
        Str.NotNull(pdf, nameof(pdf));

        PdfFile file;
        try
        {
            file = PdfFile.Open(pdf, options);
        }
        catch (PdfFormatException) when (PdfFile.IsHeaderOnly(pdf))
        {
            // a PDF header and nothing else: it verifiably carries no invoice (not "unreadable": there is nothing to read)
            return new FacturXDocument(null, [], () => FacturXMetadata.None, false, ["the PDF has a header but no objects (truncated after the header): it carries no invoice"]);
        }

        return Read(file);
    }

    internal static FacturXDocument Read(PdfFile file)
    {
        var problems = new List<string>();
        var catalog = file.Catalog;
        if (file.IsEncrypted)
        {
            problems.Add("the PDF is encrypted: attachments and metadata cannot be read without the password");
            return new FacturXDocument(null, [], () => FacturXMetadata.None, true, problems);
        }

        var xmp = ReadMetadataBytes(file, catalog, out var xmpProblem);
        var (files, specs) = ListFiles(file, catalog);
        EmbeddedInvoice? invoice = null;
        foreach (var wanted in InvoiceFileNames)
        {
            // the name tree is where readers look (qpdf, viewers, Chorus Pro); a file only in /AF is reported, not used
            var index = files.FindIndex(f => f.InEmbeddedFiles && string.Equals(f.Name, wanted, StringComparison.Ordinal));
            if (index < 0)
            {
                index = files.FindIndex(f => f.InEmbeddedFiles && string.Equals(f.Name, wanted, StringComparison.OrdinalIgnoreCase));
            }

            if (index >= 0 && EmbeddedStream(file, specs[index]) is PdfStream stream)
            {
                invoice = new EmbeddedInvoice(files[index], file.DecodeStream(stream, $"embedded file {files[index].Name}"));
                break;
            }
        }

        foreach (var f in files)
        {
            if (!f.InEmbeddedFiles && InvoiceFileNames.Contains(f.Name, StringComparer.OrdinalIgnoreCase))
            {
                problems.Add($"{f.Name} is listed in the catalog's /AF but not in its EmbeddedFiles name tree: readers do not see it");
            }
        }

        Func<FacturXMetadata> metadata = xmp is null
            ? () => xmpProblem is null ? FacturXMetadata.None : FacturXMetadata.None with { Problem = xmpProblem }
            : () => XmpReader.Read(xmp);
        return new FacturXDocument(invoice, files, metadata, false, problems);
    }

    private static List<string> Diagnose(EmbeddedInvoice? invoice, FacturXMetadata metadata, List<string> structural)
    {
        var problems = new List<string>(structural);
        if (metadata.Problem is not null)
        {
            problems.Add(metadata.Problem);
        }

        if (invoice is not null)
        {
            Check(invoice, metadata, problems);
        }
        else if (metadata.ConformanceLevel is not null)
        {
            problems.Add("the XMP declares a Factur-X/ZUGFeRD conformance level but no invoice XML is embedded");
        }

        return problems;
    }

    private static void Check(EmbeddedInvoice invoice, FacturXMetadata metadata, List<string> problems)
    {
        if (metadata.ConformanceLevel is null)
        {
            problems.Add("no Factur-X/ZUGFeRD XMP metadata (ConformanceLevel): the profile comes from the XML's BT-24 only");
        }
        else if (metadata.Profile is null)
        {
            problems.Add($"XMP ConformanceLevel '{metadata.ConformanceLevel}' is not a Factur-X/ZUGFeRD level");
        }
        else if (invoice.Profile is not null && invoice.Profile != metadata.Profile)
        {
            problems.Add($"profile mismatch: the XMP says {metadata.Profile}, the XML's BT-24 ({invoice.GuidelineId}) says {invoice.Profile}");
        }

        if (!invoice.File.InAssociatedFiles)
        {
            problems.Add($"{invoice.FileName} is not listed in the catalog's /AF array (PDF/A-3 associated files)");
        }

        if (invoice.File.Relationship is null)
        {
            problems.Add($"{invoice.FileName} has no /AFRelationship");
        }

        if (metadata.PdfAPart is null)
        {
            problems.Add("no PDF/A identification (pdfaid:part) in the XMP: Factur-X requires PDF/A-3");
        }
    }

    private static byte[]? ReadMetadataBytes(PdfFile file, PdfDictionary catalog, out string? problem)
    {
        problem = null;
        if (file.Resolve(catalog["Metadata"]) is not PdfStream xmp)
        {
            return null;
        }

        try
        {
            return file.DecodeStream(xmp, "XMP metadata", Math.Min(file.Options.MaxDecodedStreamBytes, 16 * 1024 * 1024));
        }
        catch (PdfFormatException ex)
        {
            problem = "XMP metadata unreadable: " + ex.Message;
            return null;
        }
    }

    /// <summary>The embedded files of the name tree, then those only in /AF; with their file specification dictionaries.</summary>
    internal static (List<EmbeddedFile> Files, List<PdfDictionary> Specs) ListFiles(PdfFile file, PdfDictionary catalog)
    {
        var af = new HashSet<PdfDictionary>();
        var afOrder = new List<PdfDictionary>();
        if (file.Resolve(catalog["AF"]) is PdfArray afArray)
        {
            foreach (var item in afArray.Items)
            {
                if (file.ResolveDictionary(item) is { } spec && af.Add(spec))
                {
                    afOrder.Add(spec);
                }
            }
        }

        var files = new List<EmbeddedFile>();
        var specs = new List<PdfDictionary>();
        var seen = new HashSet<PdfDictionary>();
        var names = file.ResolveDictionary(catalog["Names"]);
        var tree = names is null ? [] : NameTree.Entries(file, names["EmbeddedFiles"]);
        foreach (var (key, value) in tree)
        {
            if (file.ResolveDictionary(value) is { } spec && seen.Add(spec))
            {
                files.Add(Describe(file, spec, key, af.Contains(spec), true));
                specs.Add(spec);
            }
        }

        foreach (var spec in afOrder)
        {
            if (seen.Add(spec))
            {
                files.Add(Describe(file, spec, "", true, false));
                specs.Add(spec);
            }
        }

        return (files, specs);
    }

    private static EmbeddedFile Describe(PdfFile file, PdfDictionary spec, string key, bool inAf, bool inTree)
    {
        var name = Text(file, spec["UF"]) ?? Text(file, spec["F"]) ?? key;
        if (name.Length == 0)
        {
            name = key;
        }

        AFRelationship? relationship = file.Resolve(spec["AFRelationship"]) is PdfName rel
            ? (Enum.TryParse<AFRelationship>(rel.Value, ignoreCase: false, out var r) ? r : AFRelationship.Unspecified)
            : null;
        var mime = EmbeddedStream(file, spec) is { } s && file.Resolve(s.Dictionary["Subtype"]) is PdfName sub ? sub.Value : null;
        return new EmbeddedFile(name, relationship, mime, inAf, inTree);
    }

    internal static PdfStream? EmbeddedStream(PdfFile file, PdfDictionary spec)
    {
        var ef = file.ResolveDictionary(spec["EF"]);
        return ef is null ? null : (file.Resolve(ef["F"]) as PdfStream ?? file.Resolve(ef["UF"]) as PdfStream);
    }

    private static string? Text(PdfFile file, PdfObject? o) => file.Resolve(o) is PdfString s ? s.AsText() : null;
}
