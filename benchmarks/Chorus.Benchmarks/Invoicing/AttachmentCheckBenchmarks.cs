using BenchmarkDotNet.Attributes;
using Chorus.Invoicing.Attachments;

namespace Chorus.Benchmarks.Invoicing;

/// <summary>
/// Checking a billing file's attachments: the full checker (NFC + grapheme count, extension set, sizes, content
/// sniffing, every violation as a message) against the naive check a user would write (string length, extension in a
/// list, sizes, first violation only). Every name is valid, so both look at every file.
/// </summary>
[MemoryDiagnoser]
public class AttachmentCheckBenchmarks
{
    private static readonly string[] Names = ["facture.pdf", "Bordereau de livraison signé.PDF", "annexe.xlsx", "photo chantier.jpeg", "Procès-verbal de réception.odt", "archive.zip"];
    private static readonly List<string> NaiveExtensions = [.. AttachmentPolicy.ChorusProExtensions];
    private readonly AttachmentChecker _checker = new();
    private AttachmentFile[] _files = [];

    [Params(10, 1000)]
    public int Files { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        byte[] pdf = [.. "%PDF-1.7\n"u8], zip = [0x50, 0x4B, 0x03, 0x04], jpeg = [0xFF, 0xD8, 0xFF, 0xE0];
        _files = [.. Enumerable.Range(0, Files).Select(i =>
        {
            var name = Names[i % Names.Length];
            var head = name.EndsWith(".jpeg", StringComparison.Ordinal) ? jpeg : name.EndsWith(".PDF", StringComparison.OrdinalIgnoreCase) ? pdf : zip;
            return new AttachmentFile(name, 100_000 + i, head);
        })];
    }

    [Benchmark(Baseline = true)]
    public bool NaiveFirstViolation()
    {
        long total = 0;
        foreach (var f in _files)
        {
            var ext = Path.GetExtension(f.Name).TrimStart('.').ToLowerInvariant();
            if (f.Name.Length > 50 || !NaiveExtensions.Contains(ext) || f.Length > 10_000_000)
            {
                return false;
            }

            total += f.Length;
        }

        return total <= 120_000_000;
    }

    [Benchmark]
    public bool CheckerEveryViolation() => _checker.Check(_files, DepositMode.Portal).IsValid;
}
