using System.Text;

// A seeded Random on purpose: the generated directory must be the same on every run (a fixture, not a secret).
#pragma warning disable RS0030, CA5394

namespace Chorus.Directory.Tests.Annuaire;

/// <summary>Builds canonical directory CSV files in memory (generated fixtures, never committed).</summary>
internal static class AnnuaireFiles
{
    public const string Header = "identifiant;typeIdentifiant;raisonSociale;structureActive;codeServiceObligatoire;engagementObligatoire;miseEnPaiementRemontee;moaUniquement;codeService;libelleService;serviceActif";

    public static MemoryStream Stream(string text, bool bom = false)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return new MemoryStream(bom ? [0xEF, 0xBB, 0xBF, .. bytes] : bytes);
    }

    /// <summary>Appends the Luhn digit that makes <paramref name="prefix"/> valid.</summary>
    public static string LuhnComplete(string prefix)
    {
        for (var c = '0'; c <= '9'; c++)
        {
            var s = prefix + c;
            var sum = 0;
            for (var i = 0; i < s.Length; i++)
            {
                var d = s[s.Length - 1 - i] - '0';
                if (i % 2 == 1)
                {
                    d = d > 4 ? (d * 2) - 9 : d * 2;
                }

                sum += d;
            }

            if (sum % 10 == 0)
            {
                return s;
            }
        }

        throw new InvalidOperationException("unreachable");
    }

    /// <summary>A generated structure and what the file says about it.</summary>
    internal sealed record Generated(string Siret, bool Active, bool ServiceRequired, bool EngagementRequired, Dictionary<string, bool> Services);

    /// <summary>
    /// A national-size style file: <paramref name="structures"/> structures with 0 to 3 services each (about 1.6 rows each),
    /// quoted names holding ';' and '"', booleans spelt every allowed way. Seeded: same input, same file.
    /// </summary>
    public static (byte[] Bytes, List<Generated> Structures) Generate(int structures, int seed)
    {
        var random = new Random(seed); // seeded on purpose: a reproducible fixture
        string[] yes = ["true", "oui", "1", "TRUE", "Oui"];
        string[] no = ["false", "non", "0", "False", "NON"];
        string B(bool v) => v ? yes[random.Next(yes.Length)] : no[random.Next(no.Length)];
        var list = new List<Generated>(structures);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var sb = new StringBuilder(structures * 180);
        sb.Append(Header).Append('\n');
        for (var i = 0; list.Count < structures; i++)
        {
            var siren = LuhnComplete(random.Next(10_000_000, 100_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture));
            var siret = LuhnComplete(siren + random.Next(1000, 10000).ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (!seen.Add(siret))
            {
                continue;
            }

            var g = new Generated(siret, random.NextDouble() < .9, random.NextDouble() < .4, random.NextDouble() < .5, []);
            int[] counts = [0, 1, 1, 2, 3];
            for (var k = counts[random.Next(counts.Length)]; k > 0; k--)
            {
                g.Services[$"SERV{k:00}-{i % 997}"] = random.NextDouble() < .85;
            }

            list.Add(g);
            var head = $"{siret};SIRET;\"Commune n{i} de Saint-Étienne; \"\"annexe\"\"\";{B(g.Active)};{B(g.ServiceRequired)};{B(g.EngagementRequired)};{B(random.NextDouble() < .5)};{B(false)}";
            if (g.Services.Count == 0)
            {
                sb.Append(head).Append(";;;\n");
            }

            foreach (var (code, active) in g.Services)
            {
                sb.Append(head).Append(';').Append(code).Append(";Service ").Append(code).Append(';').Append(B(active)).Append('\n');
            }
        }

        return (Encoding.UTF8.GetBytes(sb.ToString()), list);
    }
}

/// <summary>A stream that returns at most <c>chunk</c> bytes per read: exercises every buffer boundary of the loader.</summary>
internal sealed class TrickleStream(byte[] data, int chunk) : Stream
{
    private int _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => _position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var n = Math.Min(Math.Min(count, chunk), data.Length - _position);
        Array.Copy(data, _position, buffer, offset, n);
        _position += n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
