using System.Globalization;
using System.Text;

namespace Chorus.Benchmarks.Directory;

/// <summary>
/// A national-size directory in the canonical CSV, generated (never committed): about 1.6 rows per structure, quoted names
/// holding ';' and '"', booleans spelt every allowed way, columns not in the contract's order. Seeded: same file every run.
/// </summary>
internal static class AnnuaireGenerator
{
    public static (byte[] Bytes, string[] Sirets, string?[] ServiceCodes) Generate(int structures)
    {
#pragma warning disable RS0030 // a seeded Random on purpose: the same fixture every run
        var random = new Random(20261123);
#pragma warning restore RS0030
        string[] yes = ["true", "oui", "1", "TRUE", "Oui"];
        string[] no = ["false", "non", "0", "False", "NON"];
        string B(bool v) => v ? yes[random.Next(yes.Length)] : no[random.Next(no.Length)];
        var sirets = new List<string>(structures);
        var codes = new List<string?>(structures);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var sb = new StringBuilder(structures * 180);
        sb.Append("codeService;libelleService;serviceActif;structureActive;codeServiceObligatoire;engagementObligatoire;miseEnPaiementRemontee;moaUniquement;identifiant;typeIdentifiant;raisonSociale\n");
        for (var i = 0; sirets.Count < structures; i++)
        {
            var siren = Luhn(random.Next(10_000_000, 100_000_000).ToString(CultureInfo.InvariantCulture));
            var siret = Luhn(siren + random.Next(1000, 10000).ToString(CultureInfo.InvariantCulture));
            if (!seen.Add(siret))
            {
                continue;
            }

            sirets.Add(siret);
            var tail = $"{B(random.NextDouble() < .9)};{B(random.NextDouble() < .4)};{B(random.NextDouble() < .5)};{B(random.NextDouble() < .5)};{B(false)};{siret};SIRET;\"Commune n{i} de Saint-Étienne; \"\"annexe\"\"\"";
            int[] counts = [0, 1, 1, 2, 3];
            var n = counts[random.Next(counts.Length)];
            codes.Add(n == 0 ? null : $"SERV01-{i % 997}");
            if (n == 0)
            {
                sb.Append(";;;").Append(tail).Append('\n');
            }

            for (var k = 1; k <= n; k++)
            {
                var code = $"SERV{k:00}-{i % 997}";
                sb.Append(code).Append(";Service ").Append(code).Append(';').Append(B(random.NextDouble() < .85)).Append(';').Append(tail).Append('\n');
            }
        }

        return (Encoding.UTF8.GetBytes(sb.ToString()), sirets.ToArray(), codes.ToArray());
    }

    private static string Luhn(string prefix)
    {
        for (var c = '0'; c <= '9'; c++)
        {
            var s = prefix + c;
            var sum = 0;
            for (var i = 0; i < s.Length; i++)
            {
                var d = s[s.Length - 1 - i] - '0';
                sum += i % 2 == 1 ? (d > 4 ? (d * 2) - 9 : d * 2) : d;
            }

            if (sum % 10 == 0)
            {
                return s;
            }
        }

        throw new InvalidOperationException("unreachable");
    }
}
