using System.Globalization;
using System.Security.Cryptography;
using Chorus.Invoicing.FacturX.Internal;
using Chorus.Invoicing.Pdf;
using Chorus.Invoicing.Pdf.Internal;

namespace Chorus.Invoicing.FacturX;

/// <summary>
/// Makes a Factur-X PDF from an existing PDF and a CII invoice by appending an <b>incremental update</b> (ISO 32000-1
/// §7.5.6): the original bytes stay as they were (a signed PDF stays verifiable) and the update adds the embedded file
/// stream (<c>/Subtype /text#2Fxml</c>, <c>/Params</c> size and dates), its file specification with
/// <c>/AFRelationship</c>, the catalog's <c>/AF</c> and <c>EmbeddedFiles</c> entries, new XMP metadata (Factur-X
/// extension schema, <c>pdfaid</c> PDF/A-3B claim), an sRGB OutputIntent where none is present, and a cross-reference
/// section in the original's style (table or stream) pointing back with <c>/Prev</c>.
/// </summary>
/// <remarks>
/// What cannot honestly be claimed is reported in <see cref="FacturXCreateResult.Warnings"/> (e.g. fonts not embedded,
/// which PDF/A forbids): the update does not rewrite page content, so it cannot fix them. Encrypted PDFs and PDFs whose
/// cross-reference data is damaged are refused (an update on a broken base would hide the damage).
/// </remarks>
public static class FacturXCreator
{
    private const int MaxPagesChecked = 5000;

    /// <summary>Embeds <paramref name="invoiceXml"/> into <paramref name="pdf"/> as Factur-X.</summary>
    /// <exception cref="PdfFormatException">The PDF is unreadable, encrypted, or its cross-reference data is damaged.</exception>
    /// <exception cref="ArgumentException">The XML is not an invoice (CII, UBL or ZUGFeRD 1.0 root).</exception>
    public static FacturXCreateResult Create(byte[] pdf, byte[] invoiceXml, FacturXCreateOptions? options = null)
    {
        Str.NotNull(pdf, nameof(pdf));
        Str.NotNull(invoiceXml, nameof(invoiceXml));
        options ??= FacturXCreateOptions.Default;
        var warnings = new List<string>();
        var (syntax, guideline) = InvoiceXmlPeek.Peek(invoiceXml);
        if (syntax == EmbeddedInvoiceSyntax.Unknown)
        {
            throw new ArgumentException("the XML is not an invoice (expected a CII CrossIndustryInvoice root)", nameof(invoiceXml));
        }

        if (syntax != EmbeddedInvoiceSyntax.Cii)
        {
            warnings.Add($"Factur-X embeds a CII invoice; this XML is {syntax}: Factur-X readers may not accept it");
        }

        var profile = options.Profile is null ? FacturXProfiles.FromGuideline(guideline) : FacturXProfiles.Normalize(options.Profile) ?? options.Profile;
        if (profile is null)
        {
            profile = FacturXProfiles.En16931;
            warnings.Add($"BT-24 ({guideline ?? "absent"}) declares no Factur-X profile: the XMP declares EN 16931");
        }

        var fileName = options.FileName ?? (profile == FacturXProfiles.XRechnung ? "xrechnung.xml" : "factur-x.xml");
        var relationship = options.Relationship ?? FacturXProfiles.RelationshipFor(profile);

        var file = PdfFile.Open(pdf);
        if (file.IsEncrypted)
        {
            throw new PdfFormatException("the PDF is encrypted: a Factur-X cannot be made from it (PDF/A forbids encryption)", -1, "trailer");
        }

        if (file.Repaired)
        {
            throw new PdfFormatException("the PDF's cross-reference data is damaged: repair it first (e.g. qpdf in.pdf out.pdf), an update on it would hide the damage", -1, "xref");
        }

        CheckPdfA(file, warnings);
        var now = options.TimeProvider.GetUtcNow();
        var bytes = Append(file, invoiceXml, fileName, profile, relationship, options, now);
        return new FacturXCreateResult(bytes, fileName, profile, relationship, warnings);
    }

    private static byte[] Append(PdfFile file, byte[] xml, string fileName, string profile, AFRelationship relationship, FacturXCreateOptions options, DateTimeOffset now)
    {
        var catalogRef = (PdfRef)file.Trailer["Root"]!;
        var catalog = file.Catalog;
        var next = Math.Max(file.Size, file.AllObjectNumbers().DefaultIfEmpty(0).Max() + 1);
        int New() => next++;
        var efNum = New();
        var fsNum = New();
        var metaNum = New();
        var infoNum = New();
        using var w = new PdfWriter();
        var offsets = new SortedDictionary<int, (long Offset, int Generation)>();
        var baseLength = file.Data.Length;
        var needsNewline = baseLength > 0 && file.Data[baseLength - 1] is not (byte)'\n' and not (byte)'\r';
        if (needsNewline)
        {
            w.Raw("\n");
        }

        long Mark(int num, int gen = 0)
        {
            var at = baseLength + w.Position;
            offsets[num] = (at, gen);
            return at;
        }

        var pdfDate = PdfDate(now);

        // the embedded file stream (§7.11.4) and its file specification with /AFRelationship (PDF/A-3, ISO 19005-3 Annex E)
        Mark(efNum);
        w.Stream(efNum, PdfBuild.Dict(
            ("Type", PdfBuild.Name("EmbeddedFile")),
            ("Subtype", PdfBuild.Name("text/xml")),
            ("Params", PdfBuild.Dict(("Size", PdfBuild.Int(xml.Length)), ("CreationDate", PdfWriter.Text(pdfDate)), ("ModDate", PdfWriter.Text(pdfDate))))), xml);
        var efRef = PdfBuild.Ref(efNum);
        Mark(fsNum);
        w.Indirect(fsNum, 0, PdfBuild.Dict(
            ("Type", PdfBuild.Name("Filespec")),
            ("F", PdfWriter.Text(fileName)),
            ("UF", PdfWriter.Text(fileName)),
            ("Desc", PdfWriter.Text("Factur-X invoice")),
            ("AFRelationship", PdfBuild.Name(relationship.ToString())),
            ("EF", PdfBuild.Dict(("F", efRef), ("UF", efRef)))));
        var fsRef = PdfBuild.Ref(fsNum);

        // Info dictionary and XMP, which PDF/A requires to agree
        var oldInfo = file.ResolveDictionary(file.Trailer["Info"]);
        string? InfoText(string key) => oldInfo is not null && file.Resolve(oldInfo[key]) is PdfString s ? s.AsText() : null;
        var created = ParsePdfDate(InfoText("CreationDate"));
        var info = new XmpWriter.Info(InfoText("Title"), InfoText("Author"), InfoText("Subject"), InfoText("Keywords"), InfoText("Creator"), options.Producer, created, now);
        var infoDict = PdfBuild.Dict(("Producer", PdfWriter.Text(options.Producer)), ("ModDate", PdfWriter.Text(pdfDate)));
        foreach (var key in new[] { "Title", "Author", "Subject", "Keywords", "Creator" })
        {
            if (InfoText(key) is { } v)
            {
                infoDict.Entries[key] = PdfWriter.Text(v);
            }
        }

        if (created is { } c)
        {
            infoDict.Entries["CreationDate"] = PdfWriter.Text(PdfDate(c));
        }

        Mark(infoNum);
        w.Indirect(infoNum, 0, infoDict);
        Mark(metaNum);
        w.Stream(metaNum, PdfBuild.Dict(("Type", PdfBuild.Name("Metadata")), ("Subtype", PdfBuild.Name("XML"))), XmpWriter.Write(info, fileName, options.Version, profile));

        // the new catalog: same object number, the original entries plus /AF, /Names/EmbeddedFiles, /Metadata, /OutputIntents
        var newCatalog = new Dictionary<string, PdfObject>(catalog.Entries, StringComparer.Ordinal);
        newCatalog["Metadata"] = PdfBuild.Ref(metaNum);
        var af = new List<PdfObject>();
        if (file.Resolve(catalog["AF"]) is PdfArray oldAf)
        {
            af.AddRange(oldAf.Items.Where(item => !SameName(file, item, fileName)));
        }

        af.Add(fsRef);
        newCatalog["AF"] = new PdfArray(af);
        var names = file.ResolveDictionary(catalog["Names"]) is { } oldNames
            ? new Dictionary<string, PdfObject>(oldNames.Entries, StringComparer.Ordinal)
            : new Dictionary<string, PdfObject>(StringComparer.Ordinal);
        var entries = NameTree.Entries(file, names.TryGetValue("EmbeddedFiles", out var ef) ? ef : null)
            .Where(e => !string.Equals(e.Key, fileName, StringComparison.OrdinalIgnoreCase))
            .ToList();
        entries.Add((fileName, fsRef));
        entries.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key)); // name trees are sorted by key (§7.9.6)
        var leaf = new List<PdfObject>();
        foreach (var (key, value) in entries)
        {
            leaf.Add(PdfWriter.Text(key));
            leaf.Add(value);
        }

        names["EmbeddedFiles"] = PdfBuild.Dict(("Names", new PdfArray(leaf)));
        newCatalog["Names"] = new PdfDictionary(names);
        if (!HasPdfAOutputIntent(file, catalog))
        {
            var iccNum = New();
            Mark(iccNum);
            w.Stream(iccNum, PdfBuild.Dict(("N", PdfBuild.Int(3))), SrgbProfile.Bytes);
            var oi = PdfBuild.Dict(
                ("Type", PdfBuild.Name("OutputIntent")),
                ("S", PdfBuild.Name("GTS_PDFA1")),
                ("OutputConditionIdentifier", PdfWriter.Text(SrgbProfile.Identifier)),
                ("Info", PdfWriter.Text(SrgbProfile.Identifier)),
                ("DestOutputProfile", PdfBuild.Ref(iccNum)));
            var intents = file.Resolve(catalog["OutputIntents"]) is PdfArray old ? new List<PdfObject>(old.Items) : [];
            intents.Insert(0, oi);
            newCatalog["OutputIntents"] = new PdfArray(intents);
        }

        if (string.CompareOrdinal(file.HeaderVersion, "1.7") < 0 && !newCatalog.ContainsKey("Version"))
        {
            newCatalog["Version"] = PdfBuild.Name("1.7"); // §7.7.2: an update raises the version through the catalog
        }

        Mark(catalogRef.Number, catalogRef.Generation);
        w.Indirect(catalogRef.Number, catalogRef.Generation, new PdfDictionary(newCatalog));

        // the cross-reference section, in the original's style, pointing back with /Prev
        var id = file.Resolve(file.Trailer["ID"]) is PdfArray oldId && oldId.Count == 2
            ? PdfBuild.Array(oldId[0], new PdfString(NewId(file.Data, xml)))
            : PdfBuild.Array(new PdfString(NewId(file.Data, [])), new PdfString(NewId(file.Data, xml)));
        var trailer = PdfBuild.Dict(("Size", PdfBuild.Int(next)), ("Root", catalogRef), ("Info", PdfBuild.Ref(infoNum)), ("ID", id), ("Prev", PdfBuild.Int(file.StartXref)));
        if (file.LastXrefIsStream)
        {
            WriteXrefStream(w, offsets, trailer, New(), baseLength, ref next);
        }
        else
        {
            WriteXrefTable(w, offsets, trailer, baseLength);
        }

        var result = new byte[baseLength + w.Position];
        Buffer.BlockCopy(file.Data, 0, result, 0, baseLength);
        w.ToArray().CopyTo(result, baseLength);
        return result;
    }

    private static void WriteXrefTable(PdfWriter w, SortedDictionary<int, (long Offset, int Generation)> offsets, PdfDictionary trailer, int baseLength)
    {
        var start = baseLength + w.Position;
        w.Raw("xref\n");
        foreach (var run in Runs(offsets.Keys))
        {
            w.Raw(FormattableString.Invariant($"{run.First} {run.Count}\n"));
            for (var n = run.First; n < run.First + run.Count; n++)
            {
                var (offset, gen) = offsets[n];
                w.Raw(FormattableString.Invariant($"{offset:D10} {gen:D5} n \n"));
            }
        }

        w.Raw("trailer\n");
        w.Object(trailer);
        w.Raw(FormattableString.Invariant($"\nstartxref\n{start}\n%%EOF\n"));
    }

    private static void WriteXrefStream(PdfWriter w, SortedDictionary<int, (long Offset, int Generation)> offsets, PdfDictionary trailer, int xrefNum, int baseLength, ref int next)
    {
        var start = baseLength + w.Position;
        offsets[xrefNum] = (start, 0);
        trailer.Entries["Size"] = PdfBuild.Int(Math.Max(next, xrefNum + 1));
        var index = new List<PdfObject>();
        var rows = new MemoryStream();
        foreach (var run in Runs(offsets.Keys))
        {
            index.Add(PdfBuild.Int(run.First));
            index.Add(PdfBuild.Int(run.Count));
            for (var n = run.First; n < run.First + run.Count; n++)
            {
                var (offset, gen) = offsets[n];
                rows.WriteByte(1);
                rows.WriteByte((byte)(offset >> 24));
                rows.WriteByte((byte)(offset >> 16));
                rows.WriteByte((byte)(offset >> 8));
                rows.WriteByte((byte)offset);
                rows.WriteByte((byte)(gen >> 8));
                rows.WriteByte((byte)gen);
            }
        }

        var dict = new Dictionary<string, PdfObject>(trailer.Entries, StringComparer.Ordinal)
        {
            ["Type"] = PdfBuild.Name("XRef"),
            ["W"] = PdfBuild.Array(PdfBuild.Int(1), PdfBuild.Int(4), PdfBuild.Int(2)),
            ["Index"] = new PdfArray(index),
        };
        w.Stream(xrefNum, new PdfDictionary(dict), rows.ToArray());
        w.Raw(FormattableString.Invariant($"startxref\n{start}\n%%EOF\n"));
    }

    private static IEnumerable<(int First, int Count)> Runs(IEnumerable<int> sorted)
    {
        var first = -1;
        var count = 0;
        foreach (var n in sorted)
        {
            if (first >= 0 && n == first + count)
            {
                count++;
                continue;
            }

            if (first >= 0)
            {
                yield return (first, count);
            }

            first = n;
            count = 1;
        }

        if (first >= 0)
        {
            yield return (first, count);
        }
    }

    private static bool SameName(PdfFile file, PdfObject item, string fileName)
    {
        var spec = file.ResolveDictionary(item);
        if (spec is null)
        {
            return false;
        }

        var name = file.Resolve(spec["UF"]) as PdfString ?? file.Resolve(spec["F"]) as PdfString;
        return name is not null && string.Equals(name.AsText(), fileName, StringComparison.OrdinalIgnoreCase);
    }

    private static bool HasPdfAOutputIntent(PdfFile file, PdfDictionary catalog)
    {
        if (file.Resolve(catalog["OutputIntents"]) is not PdfArray intents)
        {
            return false;
        }

        return intents.Items.Any(i => file.ResolveDictionary(i) is { } d && d.NameOf("S") == "GTS_PDFA1" && d.Contains("DestOutputProfile"));
    }

    /// <summary>What a PDF/A-3 validator would object to that an update cannot fix: reported, not hidden.</summary>
    private static void CheckPdfA(PdfFile file, List<string> warnings)
    {
        var count = PageTree.Count(file);
        var unembedded = new SortedSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<PdfDictionary>();
        for (var p = 1; p <= Math.Min(count, MaxPagesChecked); p++)
        {
            var page = PageTree.Find(file, p);
            var fonts = file.ResolveDictionary(page?.Resources?["Font"]);
            if (fonts is null || !seen.Add(fonts))
            {
                continue;
            }

            foreach (var kv in fonts.Entries)
            {
                if (file.ResolveDictionary(kv.Value) is { } font && !IsEmbedded(file, font))
                {
                    unembedded.Add(file.Resolve(font["BaseFont"]) is PdfName bf ? bf.Value : kv.Key);
                }
            }
        }

        if (unembedded.Count > 0)
        {
            warnings.Add($"fonts not embedded ({string.Join(", ", unembedded)}): PDF/A-3 requires embedded fonts, so the PDF/A-3 claim written for Factur-X is not true of this file; produce the PDF with embedded fonts");
        }

        if (count > MaxPagesChecked)
        {
            warnings.Add($"only the first {MaxPagesChecked} pages were checked for PDF/A problems");
        }

        if (file.ResolveDictionary(file.Catalog["AcroForm"]) is { } form && file.Resolve(form["SigFlags"]) is PdfNumber flags && ((int)flags.Value & 1) == 1)
        {
            warnings.Add("the PDF is signed: the incremental update keeps the signature verifiable, but it no longer covers the whole document, and a certification signature may forbid adding attachments");
        }
    }

    private static bool IsEmbedded(PdfFile file, PdfDictionary font)
    {
        var subtype = font.NameOf("Subtype");
        if (subtype == "Type3")
        {
            return true;
        }

        if (subtype == "Type0")
        {
            return file.Resolve(font["DescendantFonts"]) is PdfArray d && d.Count > 0 && file.ResolveDictionary(d[0]) is { } cid && IsEmbedded(file, cid);
        }

        var descriptor = file.ResolveDictionary(font["FontDescriptor"]);
        return descriptor is not null && (descriptor.Contains("FontFile") || descriptor.Contains("FontFile2") || descriptor.Contains("FontFile3"));
    }

    private static string PdfDate(DateTimeOffset t)
    {
        var u = t.ToUniversalTime();
        return "D:" + u.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "+00'00'";
    }

    /// <summary>A PDF date (§7.9.4) "D:YYYYMMDDHHmmSSOHH'mm", or null when it is not one.</summary>
    internal static DateTimeOffset? ParsePdfDate(string? s)
    {
        if (s is null)
        {
            return null;
        }

        s = s.Trim();
        if (s.StartsWith("D:", StringComparison.Ordinal))
        {
            s = s.Substring(2);
        }

        if (s.Length < 4 || !s.Take(4).All(char.IsDigit))
        {
            return null;
        }

        int Part(int at, int len, int fallback)
        {
            if (s.Length < at + len)
            {
                return fallback;
            }

            var v = 0;
            for (var i = at; i < at + len; i++)
            {
                if (!char.IsDigit(s[i]))
                {
                    return fallback;
                }

                v = (v * 10) + (s[i] - '0');
            }

            return v;
        }
        var offset = TimeSpan.Zero;
        if (s.Length > 14 && s[14] is '+' or '-')
        {
            var sign = s[14] == '-' ? -1 : 1;
            offset = TimeSpan.FromMinutes(sign * ((Part(15, 2, 0) * 60) + Part(18, 2, 0)));
        }

        try
        {
            return new DateTimeOffset(Part(0, 4, 1), Part(4, 2, 1), Part(6, 2, 1), Part(8, 2, 0), Part(10, 2, 0), Part(12, 2, 0), offset);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private static byte[] NewId(byte[] pdf, byte[] xml)
    {
        // a file identifier derived from the content (§14.4): deterministic, so the same inputs give the same file
        using var sha = SHA256.Create();
        sha.TransformBlock(pdf, 0, pdf.Length, null, 0);
        sha.TransformFinalBlock(xml, 0, xml.Length);
        return sha.Hash!.Take(16).ToArray();
    }
}
