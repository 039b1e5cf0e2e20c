using System.IO.Compression;
using System.Text;
using Chorus.Invoicing.FacturX;
using Chorus.Invoicing.Pdf;

namespace Chorus.Invoicing.Tests.Pdf;

/// <summary>Damaged and malicious PDFs: a typed error or a result with the problem, in bounded time and memory.</summary>
public class HostilePdfTests
{
    [Fact]
    public void Inspect_DecompressionBombContent_StopsAtTheCapAndReportsThePage()
    {
        var bomb = Zlib(new byte[100 * 1024 * 1024]);
        var pdf = Build(
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
            Stream($"<< /Length {bomb.Length} /Filter /FlateDecode >>", bomb));
        var r = PdfInspector.Inspect(pdf, new PdfReadOptions { MaxDecodedStreamBytes = 8 * 1024 * 1024 });
        Assert.Contains(r.Problems, p => p.Contains("cap", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_DecompressionBombAsEmbeddedInvoice_ThrowsPdfFormatException()
    {
        var bomb = Zlib(new byte[100 * 1024 * 1024]);
        var pdf = Build(
            "<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles << /Names [(factur-x.xml) 4 0 R] >> >> >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
            "<< /Type /Filespec /F (factur-x.xml) /UF (factur-x.xml) /EF << /F 5 0 R >> >>",
            Stream($"<< /Type /EmbeddedFile /Length {bomb.Length} /Filter /FlateDecode >>", bomb));
        var ex = Assert.Throws<PdfFormatException>(() => FacturXDocument.Read(pdf, new PdfReadOptions { MaxDecodedStreamBytes = 4 * 1024 * 1024 }));
        Assert.Contains("cap", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_PageTreeLoop_ReportsThePageAsNotFound()
    {
        var pdf = Build("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [2 0 R] /Count 1 >>");
        var r = PdfInspector.Inspect(pdf);
        Assert.Empty(r.PagesRead);
        Assert.Contains(r.Problems, p => p.Contains("not found", StringComparison.Ordinal));
    }

    [Fact]
    public void Inspect_HugeCount_DoesNotAllocateByTheClaim()
    {
        var pdf = Build("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [] /Count 2000000000 >>");
        var r = PdfInspector.Inspect(pdf);
        Assert.Equal(2_000_000_000, r.Pages);
        Assert.Empty(r.PagesRead);
    }

    [Fact]
    public void Open_DeepArrayNesting_ThrowsOrRepairsWithoutStackOverflow()
    {
        var pdf = Build("<< /Type /Catalog /Pages 2 0 R /X " + new string('[', 100000) + new string(']', 100000) + " >>", "<< /Type /Pages /Kids [] /Count 0 >>");
        var ex = Record.Exception(() => PdfInspector.Inspect(pdf));
        Assert.True(ex is null or PdfFormatException, ex?.ToString());
    }

    [Fact]
    public void Open_NameTreeLoop_Terminates()
    {
        var pdf = Build(
            "<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles 3 0 R >> >>",
            "<< /Type /Pages /Kids [] /Count 0 >>",
            "<< /Kids [3 0 R 4 0 R] >>",
            "<< /Kids [3 0 R] >>");
        Assert.Null(FacturXDocument.Read(pdf).Invoice);
    }

    [Fact]
    public void Open_XrefOffsetWrong_FallsBackToTheScan()
    {
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\nstartxref\n999999999\n%%EOF\n");
        Assert.Equal(0, PdfInspector.Inspect(pdf).Pages);
    }

    [Fact]
    public void Open_PrevLoop_Terminates()
    {
        var (pdf, _) = InvoicePdfs.Invoice(1);
        var text = Encoding.Latin1.GetString(pdf);
        var xref = text.LastIndexOf("xref", StringComparison.Ordinal);
        var looped = Encoding.Latin1.GetBytes(text.Replace("/Root", $"/Prev {xref} /Root", StringComparison.Ordinal));
        Assert.Equal(1, PdfInspector.Inspect(looped).Pages);
    }

    [Theory]
    [InlineData("")]
    [InlineData("hello")]
    [InlineData("\u00ff\u00d8\u00ff\u00e0JFIF")]
    [InlineData("%PDF-1.4\n%\u00aa\u00ab\n")]
    public void Open_NotAPdfOrTruncated_ThrowsPdfFormatException(string content)
    {
        var ex = Assert.Throws<PdfFormatException>(() => PdfInspector.Inspect(Encoding.Latin1.GetBytes(content)));
        Assert.False(string.IsNullOrWhiteSpace(ex.Message));
    }

    [Fact]
    public void Open_EveryTruncationOfARealFile_ThrowsPdfFormatExceptionOrReads()
    {
        var (pdf, _) = InvoicePdfs.Invoice(3);
        for (var n = 0; n < pdf.Length; n += 97)
        {
            var ex = Record.Exception(() => PdfInspector.Inspect(pdf.AsSpan(0, n).ToArray()));
            Assert.True(ex is null or PdfFormatException, $"at {n}: {ex}");
        }
    }

    internal static byte[] Build(params object[] objects)
    {
        using var ms = new MemoryStream();
        void W(string s) => ms.Write(Encoding.Latin1.GetBytes(s));
        W("%PDF-1.7\n");
        var offsets = new List<long>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(ms.Position);
            W($"{i + 1} 0 obj\n");
            if (objects[i] is byte[] b)
            {
                ms.Write(b);
            }
            else
            {
                W((string)objects[i]);
            }

            W("\nendobj\n");
        }

        var x = ms.Position;
        W($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var o in offsets)
        {
            W($"{o:D10} 00000 n \n");
        }

        W($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{x}\n%%EOF\n");
        return ms.ToArray();
    }

    private static byte[] Stream(string dict, byte[] data) => [.. Encoding.Latin1.GetBytes(dict + "\nstream\n"), .. data, .. Encoding.Latin1.GetBytes("\nendstream")];

    private static byte[] Zlib(byte[] data)
    {
        using var ms = new MemoryStream();
        using (var z = new ZLibStream(ms, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            z.Write(data);
        }

        return ms.ToArray();
    }
}
