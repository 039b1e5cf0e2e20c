using BenchmarkDotNet.Attributes;
using Chorus.Directory.Annuaire;
using Sylvan.Data.Csv;

namespace Chorus.Benchmarks.Directory;

/// <summary>
/// Loading the directory (canonical CSV) into a lookup structure. Baseline: Sylvan.Data.Csv (a fast, popular reader)
/// into dictionaries of strings, which is what an integrator would write. Throughput = file size / mean.
/// </summary>
[MemoryDiagnoser]
public class AnnuaireLoadBenchmarks
{
    private byte[] _file = [];

    [Params(15_000, 150_000)]
    public int Structures { get; set; }

    [GlobalSetup]
    public void Setup() => _file = AnnuaireGenerator.Generate(Structures).Bytes;

    [Benchmark(Baseline = true)]
    public int SylvanIntoDictionaries()
    {
        using var reader = new StreamReader(new MemoryStream(_file));
        using var csv = CsvDataReader.Create(reader, new CsvDataReaderOptions { Delimiter = ';' });
        int id = csv.GetOrdinal("identifiant"), name = csv.GetOrdinal("raisonSociale"), active = csv.GetOrdinal("structureActive"),
            svcReq = csv.GetOrdinal("codeServiceObligatoire"), ejReq = csv.GetOrdinal("engagementObligatoire"),
            code = csv.GetOrdinal("codeService"), label = csv.GetOrdinal("libelleService"), svcActive = csv.GetOrdinal("serviceActif");
        var structures = new Dictionary<string, BaselineStructure>(StringComparer.Ordinal);
        while (csv.Read())
        {
            var siret = csv.GetString(id);
            if (!structures.TryGetValue(siret, out var s))
            {
                s = new BaselineStructure(csv.GetString(name), Bool(csv.GetString(active)), Bool(csv.GetString(svcReq)), Bool(csv.GetString(ejReq)), []);
                structures.Add(siret, s);
            }

            var c = csv.GetString(code);
            if (c.Length > 0)
            {
                s.Services[c] = (csv.GetString(label), Bool(csv.GetString(svcActive)));
            }
        }

        return structures.Count;
    }

    [Benchmark]
    public int ChorusInMemoryDirectory() => InMemoryPublicEntityDirectory.Load(new MemoryStream(_file)).Count;

    private static bool Bool(string s) =>
        s.Equals("true", StringComparison.OrdinalIgnoreCase) || s.Equals("oui", StringComparison.OrdinalIgnoreCase) || s == "1";

    internal sealed record BaselineStructure(string Name, bool Active, bool ServiceRequired, bool EngagementRequired, Dictionary<string, (string Name, bool Active)> Services);
}
