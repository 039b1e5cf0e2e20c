using System.Security.Cryptography;
using Chorus.Invoicing.Validation;
using Chorus.Tests.Shared;

namespace Chorus.Invoicing.Tests.Validation.Rules.FacturX;

/// <summary>
/// The native Factur-X path (InvoiceValidator with NativeFacturX) against the OFFICIAL profile stylesheets run by
/// Saxon-HE: tests/data/facturx-oracle/expected.tsv records, per corpus invoice and mutant, the declared profile and the
/// failed fatal assertion ids (bracket id, else the FX-SCH-A id, else FX-SCH — as we report them), all and those of the
/// generated structure assertions (messages not starting with "[ID]"), with their count; see its README for
/// the command. The inputs are regenerated here (FacturXCorpus); the TSV's hash column catches a stale row.
/// </summary>
public class FacturXOracleTests(ITestOutputHelper output)
{
    /// <summary>
    /// Off while the Factur-X business rules (FacturXCoreRules / FacturXVatRules) are stubs: only the structure ids
    /// (FX-SCH*) are compared. The lead turns it on once the business-rule branches are merged: then the verdict and the
    /// full fatal id set must match the official stylesheets too.
    /// </summary>
    internal static bool BusinessRulesMerged => true;

    private static readonly InvoiceValidator Native = InvoiceValidator.Default;

    [Fact]
    public void NativeFacturXRules_CorpusAndMutants_AgreeWithOfficialProfileStylesheets()
    {
        var inputs = FacturXCorpus.WithMutants().ToDictionary(static i => i.Name, static i => i.Xml, StringComparer.Ordinal);
        int rows = 0, sameStructure = 0, sameFull = 0, sameVerdict = 0, oracleErrors = 0;
        var stale = new List<string>();
        var disagreements = new List<string>();
        foreach (var row in ReadExpected())
        {
            if (row.Verdict == "oracle-error")
            {
                oracleErrors++;
                continue;
            }

            if (!inputs.TryGetValue(row.File, out var xml) || Sha(xml) != row.Sha)
            {
                stale.Add(row.File);
                continue;
            }

            rows++;
            var result = Native.Validate(xml, InvoiceRuleSets.FacturX);
            // Every fatal finding of the Factur-X rule set but the CII schema's (the oracle is the schematron alone).
            var fatal = result.Problems.Where(static p => p.Severity == ValidationSeverity.Fatal && p.Rule != "XSD").ToList();
            var ours = fatal.Select(static p => p.Rule).ToHashSet(StringComparer.Ordinal);
            var structure = fatal.Where(p => TestTrees.IsFacturXStructure(p, row.Profile)).ToList();
            var oursStructure = structure.Select(static p => p.Rule).ToHashSet(StringComparer.Ordinal);

            var structureOk = oursStructure.SetEquals(row.StructureIds) && structure.Count == row.StructureFatalCount;
            sameStructure += structureOk ? 1 : 0;
            sameFull += ours.SetEquals(row.FatalIds) ? 1 : 0;
            sameVerdict += (ours.Count == 0) == (row.Verdict == "valid") ? 1 : 0;
            if (!structureOk || (BusinessRulesMerged && !ours.SetEquals(row.FatalIds)))
            {
                disagreements.Add($"{row.File} {row.Profile}: ours [{string.Join(",", ours.Order(StringComparer.Ordinal))}] (structure {structure.Count} [{string.Join(",", oursStructure.Order(StringComparer.Ordinal))}]) "
                    + $"official [{string.Join(",", row.FatalIds.Order(StringComparer.Ordinal))}] (structure {row.StructureFatalCount} [{string.Join(",", row.StructureIds.Order(StringComparer.Ordinal))}])");
            }
        }

        output.WriteLine($"{rows} files judged ({oracleErrors} where the official stylesheet aborted); structure ids and counts equal {sameStructure}/{rows}; "
            + $"full fatal id sets {sameFull}/{rows}, verdicts {sameVerdict}/{rows} (compared only when BusinessRulesMerged = {BusinessRulesMerged})");
        foreach (var d in disagreements.Take(40))
        {
            output.WriteLine("  " + d);
        }

        Assert.True(stale.Count == 0, $"expected.tsv is stale for {stale.Count} inputs (e.g. {string.Join(", ", stale.Take(3))}): regenerate it, see tests/data/facturx-oracle/README.md");
        Assert.True(rows >= 300, $"only {rows} files judged");
        Assert.Empty(disagreements);
    }

    /// <summary>Writes the oracle's inputs (one folder per declared profile) for tests/data/facturx-oracle/run-oracle.py.</summary>
    [Fact(Explicit = true)]
    public void DumpOracleInputs()
    {
        var target = Environment.GetEnvironmentVariable("CHORUS_FX_ORACLE_DUMP");
        Assert.False(string.IsNullOrEmpty(target), "set CHORUS_FX_ORACLE_DUMP to an empty folder");
        var n = 0;
        foreach (var (name, xml) in FacturXCorpus.WithMutants())
        {
            if (FacturXCorpus.FolderOf(xml) is { } folder)
            {
                var dir = Path.Combine(target!, folder);
                System.IO.Directory.CreateDirectory(dir);
                File.WriteAllBytes(Path.Combine(dir, name.Replace('/', '~')), xml);
                n++;
            }
        }

        output.WriteLine($"{n} inputs written to {target}");
    }

    private static HashSet<string> Ids(string column) => column.Length == 0 ? [] : column.Split(',').ToHashSet(StringComparer.Ordinal);

    private static string Sha(byte[] xml) => Convert.ToHexStringLower(SHA256.HashData(xml))[..16];

    private static IEnumerable<(string File, string Profile, string Sha, string Verdict, HashSet<string> FatalIds, HashSet<string> StructureIds, int StructureFatalCount)> ReadExpected()
    {
        foreach (var line in File.ReadLines(TestData.PathOf("facturx-oracle", "expected.tsv")))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var c = line.Split('\t');
            yield return (c[0], c[1], c[2], c[3], Ids(c[4]), Ids(c[5]), c[6].Length == 0 ? 0 : int.Parse(c[6], System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
