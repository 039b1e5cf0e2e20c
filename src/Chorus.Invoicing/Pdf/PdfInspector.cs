using Chorus.Invoicing.FacturX;
using Chorus.Invoicing.Pdf.Internal;
using Chorus.Invoicing.Pdf.Text;

namespace Chorus.Invoicing.Pdf;

/// <summary>
/// Tells what Chorus Pro would see when a PDF is uploaded: the format (plain, PDF/A-1/2/3, Factur-X), the embedded
/// invoice, a signature, a text layer, and the deposit-form fields read as Chorus Pro reads them — from the first, the
/// second-to-last and the last pages only, so the cost does not grow with the page count.
/// </summary>
/// <remarks>
/// Stateless and thread-safe: each call parses its own copy of the structure (nothing is shared between calls), so
/// concurrent calls on different threads need no locking. Unreadable input throws <see cref="PdfFormatException"/>.
/// </remarks>
public static class PdfInspector
{
    /// <summary>Inspects a PDF read from a stream (to its end, at most <see cref="PdfReadOptions.MaxFileBytes"/>).</summary>
    /// <exception cref="PdfFormatException">The bytes are not a readable PDF.</exception>
    public static PdfInspection Inspect(Stream pdf, PdfReadOptions? options = null) =>
        Inspect(PdfBytes.ReadAll(pdf, options ?? PdfReadOptions.Default), options);

    /// <summary>Inspects a PDF held in memory (the array is not copied: do not change it while inspecting).</summary>
    /// <exception cref="PdfFormatException">The bytes are not a readable PDF.</exception>
    public static PdfInspection Inspect(byte[] pdf, PdfReadOptions? options = null)
    {
        Str.NotNull(pdf, nameof(pdf));
        var file = PdfFile.Open(pdf, options);
        var problems = new List<string>();
        var pages = PageTree.Count(file);
        var pagesRead = PagesChorusProReads(pages);
        if (file.IsEncrypted)
        {
            problems.Add("the PDF is encrypted: Chorus Pro cannot read its text or attachments");
            return new PdfInspection { Pages = pages, Format = PdfFormat.Pdf, Encrypted = true, Signed = IsSigned(file), Problems = problems };
        }

        var facturX = FacturXDocument.Read(file);
        problems.AddRange(facturX.Problems.Where(p => facturX.Invoice is not null || !p.StartsWith("no ", StringComparison.Ordinal)));
        var (fields, textLayer, read) = ReadFields(file, pagesRead, problems);
        return new PdfInspection
        {
            Pages = pages,
            Format = FormatOf(facturX),
            FacturX = facturX.Invoice is null ? null : facturX,
            Signed = IsSigned(file),
            TextLayer = textLayer,
            PagesRead = read,
            Fields = fields,
            Problems = problems,
        };
    }

    /// <summary>
    /// Reads only the deposit-form fields (no Factur-X, no signature check): the hot path of a bulk pre-check.
    /// </summary>
    /// <exception cref="PdfFormatException">The bytes are not a readable PDF.</exception>
    public static InvoiceFields ReadFields(byte[] pdf, PdfReadOptions? options = null)
    {
        Str.NotNull(pdf, nameof(pdf));
        var file = PdfFile.Open(pdf, options);
        if (file.IsEncrypted)
        {
            return InvoiceFields.Empty;
        }

        return ReadFields(file, PagesChorusProReads(PageTree.Count(file)), []).Fields;
    }

    /// <summary>The pages Chorus Pro reads, in its order of preference: the first, the second-to-last, the last (distinct).</summary>
    public static IReadOnlyList<int> PagesChorusProReads(int pageCount)
    {
        var pages = new List<int>(3);
        foreach (var p in new[] { 1, pageCount - 1, pageCount })
        {
            if (p >= 1 && p <= pageCount && !pages.Contains(p))
            {
                pages.Add(p);
            }
        }

        return pages;
    }

    private static (InvoiceFields Fields, bool TextLayer, IReadOnlyList<int> Read) ReadFields(PdfFile file, IReadOnlyList<int> pages, List<string> problems)
    {
        var texts = new List<(int, IReadOnlyList<string>)>(pages.Count);
        var read = new List<int>(pages.Count);
        foreach (var number in pages)
        {
            var page = PageTree.Find(file, number);
            if (page is null)
            {
                problems.Add($"page {number}: not found in the page tree");
                continue;
            }

            try
            {
                texts.Add((number, PageText.Lines(file, page)));
                read.Add(number);
            }
            catch (PdfFormatException ex)
            {
                problems.Add($"page {number}: {ex.Message}");
            }
        }

        read.Sort();
        var textLayer = texts.Any(t => t.Item2.Count > 0);
        if (!textLayer && read.Count > 0)
        {
            problems.Add("no text layer on the pages read (a scanned PDF?): Chorus Pro cannot pre-fill the form from it");
            return (InvoiceFields.Empty, false, read);
        }

        return (FieldMatcher.Match(texts), textLayer, read);
    }

    private static PdfFormat FormatOf(FacturXDocument facturX)
    {
        if (facturX.Invoice is not null)
        {
            return PdfFormat.FacturX;
        }

        return facturX.Metadata.PdfAPart switch
        {
            1 => PdfFormat.PdfA1,
            2 => PdfFormat.PdfA2,
            3 => PdfFormat.PdfA3,
            4 => PdfFormat.PdfA4,
            _ => PdfFormat.Pdf,
        };
    }

    /// <summary>A signature field with a value (§12.7.4.5), or a DocMDP/UR signature in /Perms (§12.8.4).</summary>
    private static bool IsSigned(PdfFile file)
    {
        try
        {
            var catalog = file.Catalog;
            if (file.ResolveDictionary(catalog["Perms"]) is { } perms && perms.Entries.Count > 0)
            {
                return true;
            }

            var form = file.ResolveDictionary(catalog["AcroForm"]);
            if (form is null || file.Resolve(form["Fields"]) is not PdfArray fields)
            {
                return false;
            }

            var queue = new Queue<(PdfObject, int)>(fields.Items.Select(f => (f, 0)));
            var visited = 0;
            while (queue.Count > 0 && visited++ < 10_000)
            {
                var (item, depth) = queue.Dequeue();
                if (file.ResolveDictionary(item) is not { } field)
                {
                    continue;
                }

                if (field.NameOf("FT") == "Sig" && file.ResolveDictionary(field["V"]) is { } v && v.Contains("ByteRange"))
                {
                    return true;
                }

                if (depth < 16 && file.Resolve(field["Kids"]) is PdfArray kids)
                {
                    foreach (var kid in kids.Items)
                    {
                        queue.Enqueue((kid, depth + 1));
                    }
                }
            }

            return false;
        }
        catch (PdfFormatException)
        {
            return false;
        }
    }
}
