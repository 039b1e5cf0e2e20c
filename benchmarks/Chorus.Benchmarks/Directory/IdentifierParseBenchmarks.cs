using BenchmarkDotNet.Attributes;
using Chorus.Directory.Identifiers;

namespace Chorus.Benchmarks.Directory;

/// <summary>Identifier parsing must allocate nothing on the success path.</summary>
[MemoryDiagnoser]
public class IdentifierParseBenchmarks
{
    private const string SiretText = "732 829 320 00074";
    private const string VatText = "FR44732829320";

    /// <summary>What a user would write without the library: strip spaces, then a Luhn loop over the string.</summary>
    [Benchmark(Baseline = true)]
    public bool NaiveLuhnOnString()
    {
        var digits = SiretText.Replace(" ", "", StringComparison.Ordinal);
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1)
            {
                d = d * 2 > 9 ? (d * 2) - 9 : d * 2;
            }

            sum += d;
        }

        return sum % 10 == 0;
    }

    [Benchmark]
    public bool SiretTryParse() => Siret.TryParse(SiretText, out _);

    [Benchmark]
    public bool SirenTryParse() => Siren.TryParse("732 829 320", out _);

    [Benchmark]
    public bool VatNumberTryParse() => VatNumber.TryParse(VatText, out _);
}
