using BenchmarkDotNet.Attributes;
using Chorus.Directory.Annuaire;
using Chorus.Directory.Identifiers;

namespace Chorus.Benchmarks.Directory;

/// <summary>
/// One routing check (SIRET, code service, engagement) on a loaded national-size directory: must take ≤ 200 ns and
/// allocate nothing. Baseline: the same rules over dictionaries of strings keyed by the SIRET text.
/// </summary>
[MemoryDiagnoser]
public class RoutingCheckBenchmarks
{
    private InMemoryPublicEntityDirectory _directory = null!;
    private Dictionary<string, PublicStructure> _byText = null!;
    private Siret[] _sirets = [];
    private string[] _siretTexts = [];
    private string?[] _codes = [];
    private int _next;

    [Params(150_000)]
    public int Structures { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var (bytes, sirets, codes) = AnnuaireGenerator.Generate(Structures);
        _directory = InMemoryPublicEntityDirectory.Load(new MemoryStream(bytes));
        _byText = _directory.Structures.ToDictionary(s => s.Identifier.Value, StringComparer.Ordinal);
#pragma warning disable RS0030 // seeded on purpose: the same probe order every run
        var order = new Random(7);
#pragma warning restore RS0030
        _siretTexts = sirets.OrderBy(_ => order.Next()).Take(4096).ToArray();
        _sirets = _siretTexts.Select(Siret.Parse).ToArray();
        _codes = _siretTexts.Select(t => codes[Array.IndexOf(sirets, t)]).ToArray();
    }

    [Benchmark(Baseline = true)]
    public bool DictionaryOfStrings()
    {
        var i = _next++ & 4095;
        if (!_byText.TryGetValue(_siretTexts[i], out var s))
        {
            return false;
        }

        var code = _codes[i];
        var service = code is null ? null : s.Services.FirstOrDefault(x => x.Code == code);
        return s.IsActive && (code is null ? !s.ServiceCodeRequired : service is { IsActive: true });
    }

    [Benchmark]
    public bool ChorusCheckRouting()
    {
        var i = _next++ & 4095;
        return _directory.CheckRouting(_sirets[i], _codes[i], "EJ2026000123").IsRoutable;
    }
}
