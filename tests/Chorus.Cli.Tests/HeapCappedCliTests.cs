using System.IO.Compression;
using System.Text;
using Chorus.Tests.Shared;

namespace Chorus.Cli.Tests;

/// <summary>
/// The CLI as a separate process with the managed heap capped at 512 MB (DOTNET_GCHeapHardLimit): hostile inputs end
/// with exit 0, 1 or 2, one line, no stack trace, within the deadline.
/// </summary>
public class HeapCappedCliTests
{
    private static readonly string Cli = Path.Combine(AppContext.BaseDirectory, "chorus.dll");

    private static (int ExitCode, string Stdout, string Stderr) RunCapped(params string[] args)
    {
        Assert.True(File.Exists(Cli), $"the CLI is not beside the tests: {Cli}");
        var dotnet = ExternalTool.Find("dotnet") ?? Path.Combine(Path.GetDirectoryName(Environment.ProcessPath)!, "dotnet");
        Environment.SetEnvironmentVariable("DOTNET_GCHeapHardLimit", "0x20000000");
        try
        {
            return ExternalTool.Run(dotnet, [Cli, .. args], TimeSpan.FromSeconds(60));
        }
        finally
        {
            Environment.SetEnvironmentVariable("DOTNET_GCHeapHardLimit", null);
        }
    }

    private static string Bomb()
    {
        // A page whose content stream inflates to 400 MB of zeros, a few hundred KB on disk.
        using var packed = new MemoryStream();
        using (var z = new ZLibStream(packed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var zeros = new byte[1 << 20];
            for (var i = 0; i < 400; i++)
            {
                z.Write(zeros);
            }
        }

        var stream = packed.ToArray();
        byte[] contents = [.. Encoding.ASCII.GetBytes($"<< /Length {stream.Length} /Filter /FlateDecode >>\nstream\n"), .. stream, .. "\nendstream"u8.ToArray()];
        var objects = new List<byte[]>
        {
            "<< /Type /Catalog /Pages 2 0 R >>"u8.ToArray(),
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>"u8.ToArray(),
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>"u8.ToArray(),
            contents,
        };
        using var pdf = new MemoryStream();
        pdf.Write("%PDF-1.7\n"u8);
        var offsets = new List<long>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(pdf.Position);
            pdf.Write(Encoding.ASCII.GetBytes($"{i + 1} 0 obj\n"));
            pdf.Write(objects[i]);
            pdf.Write("\nendobj\n"u8);
        }

        var xref = pdf.Position;
        pdf.Write(Encoding.ASCII.GetBytes($"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n"));
        foreach (var o in offsets)
        {
            pdf.Write(Encoding.ASCII.GetBytes($"{o:D10} 00000 n \n"));
        }

        pdf.Write(Encoding.ASCII.GetBytes($"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"));
        var path = Path.Combine(Path.GetTempPath(), $"chorus-bomb-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf.ToArray());
        return path;
    }

    [Fact]
    public void Inspect_DecompressionBomb_UnderCappedHeap_EndsCleanly()
    {
        var path = Bomb();
        try
        {
            var r = RunCapped("inspect", path, "--json");
            Assert.InRange(r.ExitCode, 0, 2);
            Assert.StartsWith("{", r.Stdout.TrimStart(), StringComparison.Ordinal); // a result or the {error} document
            Assert.DoesNotContain("   at ", r.Stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("OutOfMemory", r.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Validate_DeepNesting_UnderCappedHeap_ExitsTwoWithOneLine()
    {
        var path = Path.Combine(Path.GetTempPath(), $"chorus-deep-{Guid.NewGuid():N}.xml");
        File.WriteAllText(path, "<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\">" + string.Concat(Enumerable.Repeat("<a>", 100_000)) + string.Concat(Enumerable.Repeat("</a>", 100_000)) + "</Invoice>");
        try
        {
            var r = RunCapped("validate", path, "--json");
            Assert.InRange(r.ExitCode, 1, 2);
            Assert.Contains("\"valid\": false", r.Stdout, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", r.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
