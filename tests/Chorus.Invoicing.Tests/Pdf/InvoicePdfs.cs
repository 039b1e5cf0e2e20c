using System.Globalization;
using System.Text;

namespace Chorus.Invoicing.Tests.Pdf;

/// <summary>
/// Generates text invoices of N pages (Helvetica, WinAnsi, one content stream per page), laid out as the acceptance
/// checks' generator lays them out: the fields on the first page and the totals on the last; decoys (a wrong SIRET, a
/// wrong engagement, a wrong total) on the pages Chorus Pro does not read. Shared with the benchmarks (linked source).
/// </summary>
internal static class InvoicePdfs
{
    // Latin-1 plus the Windows-1252 characters the invoices use (€, ’), without the code-pages provider
    public static readonly Encoding WinAnsi = new WinAnsiEncoding();

    public sealed record Expected(string SiretDestinataire, string SiretEmetteur, string CodeService, string NumeroEngagement, string InvoiceNumber, string InvoiceDate, decimal TotalExclVat, decimal TotalVat, decimal TotalInclVat);

    public static string RecipientSiret { get; } = LuhnComplete(LuhnComplete("11000201") + "0004");

    public static string SupplierSiret { get; } = LuhnComplete(LuhnComplete("73282932") + "0007");

    /// <summary>An n-page invoice. Variant 1 writes SIRETs with spaces; variant 2 puts the recipient SIRET on the second-to-last page only.</summary>
    public static (byte[] Pdf, Expected Expected) Invoice(int pages, int variant = 0)
    {
        string Sp(string s) => variant % 2 == 1 ? $"{s[..3]} {s[3..6]} {s[6..9]} {s[9..]}" : s;
        var want = new Expected(RecipientSiret, SupplierSiret, "SERV-ACHAT-01", $"EJ{1300000000 + pages}", $"F-2026-{pages:D5}", "2026-11-15", 1250m, 250m, 1500m);
        var first = new List<string>
        {
            "FACTURE", $"Facture N° {want.InvoiceNumber}", "Date de facture : 15/11/2026", "Fournisseur : Ateliers Dupont SARL",
            $"SIRET fournisseur : {Sp(SupplierSiret)}", "Client : Ministère de la Culture", $"SIRET client : {Sp(RecipientSiret)}",
            $"Code service : {want.CodeService}", $"N° engagement : {want.NumeroEngagement}", "",
        };
        var filler = Enumerable.Range(0, 40).Select(i => $"Ligne {i:D3}  Prestation de maintenance  1  10,00  10,00").ToList();
        string[] decoy = ["SIRET client : 000 000 000 00000", "N° engagement : EJ0000000000", "Total TTC : 9 999 999,99"];
        string[] last = ["Récapitulatif", "Total HT : 1 250,00 €", "TVA 20 % : 250,00 €", "Total TTC : 1 500,00 €", "Paiement à 30 jours par virement."];
        var recap = new List<string>();
        if (variant == 2 && pages >= 4)
        {
            recap = first.Where(l => l.StartsWith("SIRET client", StringComparison.Ordinal)).ToList();
            first = first.Where(l => !l.StartsWith("SIRET client", StringComparison.Ordinal)).ToList();
        }

        var content = new List<List<string>>();
        if (pages == 1)
        {
            content.Add([.. first, .. filler.Take(10), .. last]);
        }
        else
        {
            content.Add([.. first, .. filler.Take(20)]);
            for (var p = 2; p < pages; p++)
            {
                content.Add([.. p <= pages - 2 ? decoy : [], .. p == pages - 1 ? recap : [], .. filler]);
            }

            content.Add([.. filler.Take(10), .. last]);
        }

        return (Pdf(content), want);
    }

    /// <summary>A PDF 1.4 with a classic xref table, one content stream per page.</summary>
    public static byte[] Pdf(IReadOnlyList<IReadOnlyList<string>> pages)
    {
        var objects = new List<byte[]?>();
        int Add(byte[]? body)
        {
            objects.Add(body);
            return objects.Count;
        }

        var font = Add(Ascii("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"));
        var pagesId = Add(null);
        var kids = new List<int>();
        foreach (var lines in pages)
        {
            using var ms = new MemoryStream();
            ms.Write(Ascii("BT /F1 10 Tf 14 TL 50 800 Td"));
            foreach (var line in lines)
            {
                var bytes = WinAnsi.GetBytes(line);
                ms.Write(Ascii("\n("));
                foreach (var b in bytes)
                {
                    if (b is (byte)'(' or (byte)')' or (byte)'\\')
                    {
                        ms.WriteByte((byte)'\\');
                    }

                    ms.WriteByte(b);
                }

                ms.Write(Ascii(") Tj T*"));
            }

            ms.Write(Ascii("\nET"));
            var stream = ms.ToArray();
            var c = Add([.. Ascii($"<< /Length {stream.Length} >>\nstream\n"), .. stream, .. Ascii("\nendstream")]);
            kids.Add(Add(Ascii($"<< /Type /Page /Parent {pagesId} 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 {font} 0 R >> >> /Contents {c} 0 R >>")));
        }

        objects[pagesId - 1] = Ascii($"<< /Type /Pages /Kids [{string.Join(" ", kids.Select(k => $"{k} 0 R"))}] /Count {kids.Count} >>");
        var catalog = Add(Ascii($"<< /Type /Catalog /Pages {pagesId} 0 R >>"));
        using var output = new MemoryStream();
        output.Write([.. Ascii("%PDF-1.4\n%"), 0xE2, 0xE3, 0xCF, 0xD3, (byte)'\n']);
        var offsets = new List<long>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(output.Position);
            output.Write(Ascii($"{i + 1} 0 obj\n"));
            output.Write(objects[i]!);
            output.Write(Ascii("\nendobj\n"));
        }

        var xref = output.Position;
        var sb = new StringBuilder($"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var o in offsets)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{o:D10} 00000 n \n");
        }

        sb.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Count + 1} /Root {catalog} 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        output.Write(Ascii(sb.ToString()));
        return output.ToArray();
    }

    public static byte[] Ascii(string s) => Encoding.ASCII.GetBytes(s);

    private static string LuhnComplete(string prefix)
    {
        for (var c = '0'; c <= '9'; c++)
        {
            var s = prefix + c;
            var t = 0;
            for (var i = 0; i < s.Length; i++)
            {
                var d = s[s.Length - 1 - i] - '0';
                if (i % 2 == 1)
                {
                    d = d * 2 > 9 ? (d * 2) - 9 : d * 2;
                }

                t += d;
            }

            if (t % 10 == 0)
            {
                return s;
            }
        }

        throw new InvalidOperationException("unreachable");
    }

    private sealed class WinAnsiEncoding : Encoding
    {
        public override int GetByteCount(char[] chars, int index, int count) => count;

        public override int GetBytes(char[] chars, int charIndex, int charCount, byte[] bytes, int byteIndex)
        {
            for (var i = 0; i < charCount; i++)
            {
                var c = chars[charIndex + i];
                bytes[byteIndex + i] = c switch
                {
                    '€' => 0x80,
                    '’' => 0x92,
                    < (char)256 => (byte)c,
                    _ => (byte)'?',
                };
            }

            return charCount;
        }

        public override int GetCharCount(byte[] bytes, int index, int count) => count;

        public override int GetChars(byte[] bytes, int byteIndex, int byteCount, char[] chars, int charIndex)
        {
            for (var i = 0; i < byteCount; i++)
            {
                chars[charIndex + i] = bytes[byteIndex + i] switch { 0x80 => '€', 0x92 => '’', var b => (char)b };
            }

            return byteCount;
        }

        public override int GetMaxByteCount(int charCount) => charCount;

        public override int GetMaxCharCount(int byteCount) => byteCount;
    }
}
