using Chorus.Tests.Shared;

namespace Chorus.Invoicing.Tests.FacturX;

/// <summary>One row of tests/data/facturx/expected.tsv (copied from the shared corpus verdicts).</summary>
internal sealed record CorpusRow(string File, string Syntax, string Profile, string EmbeddedXml, string XmpConformance)
{
    private static readonly Lazy<Dictionary<string, CorpusRow>> Rows = new(Load);

    public static CorpusRow Get(string file) => Rows.Value[file];

    public static TheoryData<string> Files(Func<CorpusRow, bool> filter)
    {
        var data = new TheoryData<string>();
        foreach (var row in Rows.Value.Values.Where(filter))
        {
            data.Add(row.File);
        }

        return data;
    }

    public string Path => TestData.PathOf("facturx", File);

    private static Dictionary<string, CorpusRow> Load()
    {
        var rows = new Dictionary<string, CorpusRow>(StringComparer.Ordinal);
        foreach (var line in System.IO.File.ReadLines(TestData.PathOf("facturx", "expected.tsv")).Skip(1))
        {
            var f = line.Split('\t');
            rows[f[0]] = new CorpusRow(f[0], f[1], f[2], f[3], f[4]);
        }

        return rows;
    }
}
