using System.Diagnostics;
using Chorus.Invoicing.Validation;
using Chorus.Invoicing.Validation.Internal;
using Chorus.Invoicing.Validation.Rules.FacturX;

namespace Chorus.Invoicing.Tests.Validation.Rules.FacturX;

/// <summary>
/// The native Factur-X 1.09 structure tables (Rules/FacturX/FacturXStructure.*) against the schematron interpreter
/// running the rule tables extracted from the official profile stylesheets (the interpreter agrees with Saxon on our
/// corpus): on every corpus CII invoice in ALL FIVE profiles (not only the declared one, so that each table meets
/// invoices richer than its profile) and every mutant in its declared profile, exactly the same structure problems —
/// id, severity, message, location — in the same order. Business-rule findings ("[BR-..]" messages) are not compared here.
/// </summary>
public class FacturXStructureDifferentialTests(ITestOutputHelper output)
{
    [Fact]
    public void StructureTables_CorpusAndMutantsInEveryProfile_SameProblemsAsTheInterpreter()
    {
        var inputs = FacturXCorpus.WithMutants();
        int documents = 0, runs = 0, problems = 0;
        var fired = new HashSet<string>(StringComparer.Ordinal);
        var disagreements = new List<string>();
        var interpreted = new Stopwatch();
        var native = new Stopwatch();
        foreach (var (name, xml) in inputs)
        {
            if (FacturXCorpus.Tree(xml) is not { } doc)
            {
                continue;
            }

            documents++;

            // Originals in all five profiles; mutants in their declared profile (the synthetic test covers every rule of
            // every profile; this keeps the interpreter's share of the run time reasonable).
            var folders = !name.Contains("__", StringComparison.Ordinal) ? FacturXCorpus.Folders : FacturXCorpus.FolderOf(xml) is { } declared ? [declared] : [];
            foreach (var folder in folders)
            {
                runs++;
                var expected = new List<ValidationProblem>();
                interpreted.Start();
                FacturXRules.RunTable(doc, folder, expected);
                interpreted.Stop();
                expected.RemoveAll(p => !IsStructure(p, folder));

                var got = new List<ValidationProblem>();
                native.Start();
                ProfileStructure.Run(doc, folder, got);
                native.Stop();

                problems += expected.Count;
                foreach (var p in expected)
                {
                    fired.Add($"{folder} {p.Rule} {p.Message}");
                }

                if (!expected.SequenceEqual(got))
                {
                    var missing = expected.Except(got).Take(3).Select(static p => $"- {p.Rule} {p.Location} {p.Message}");
                    var extra = got.Except(expected).Take(3).Select(static p => $"+ {p.Rule} {p.Location} {p.Message}");
                    disagreements.Add($"{name} {folder}: interpreter {expected.Count}, native {got.Count}; {string.Join("; ", missing.Concat(extra))}");
                }
            }
        }

        output.WriteLine($"{documents} documents ({inputs.Count} inputs), {runs} runs (originals x 5 profiles, mutants x declared profile); {problems} structure problems, {fired.Count} distinct (profile, id, message); "
            + $"interpreter {interpreted.ElapsedMilliseconds} ms, native {native.ElapsedMilliseconds} ms; {disagreements.Count} disagreements");
        foreach (var d in disagreements.Take(40))
        {
            output.WriteLine("  " + d);
        }

        Assert.True(documents >= 300, $"only {documents} documents compared");
        Assert.Empty(disagreements);
    }

    [Fact]
    public void NativeRunner_CorpusInvoices_SameResultAsTheInterpreterPathButBusinessRules()
    {
        var native = new InvoiceValidator { NativeFacturX = true };
        var compared = 0;
        foreach (var (name, xml) in FacturXCorpus.Originals())
        {
            // The whole validation through each path: schema, structure, profile XSD; the business rules are stubs here.
            var expected = InvoiceValidator.Default.Validate(xml, InvoiceRuleSets.FacturX);
            var got = native.Validate(xml, InvoiceRuleSets.FacturX);
            Assert.Equal(expected.Profile, got.Profile);
            var folder = FacturXProfileRules.FolderOf(expected.Syntax ?? "", expected.Profile) ?? "";
            Assert.True(expected.Problems.Where(p => !IsBusiness(p, folder)).SequenceEqual(got.Problems), name);
            compared++;
        }

        Assert.True(compared >= 30, $"only {compared} invoices compared");
    }

    /// <summary>A business rule's problem: its message starts with "[ID]" after the profile prefix.</summary>
    internal static bool IsBusiness(ValidationProblem p, string folder)
    {
        var prefix = $"Factur-X 1.09 {folder}: ";
        return p.Message.StartsWith(prefix, StringComparison.Ordinal) && p.Message.AsSpan(prefix.Length).TrimStart().StartsWith("[", StringComparison.Ordinal);
    }

    /// <summary>A generated structure assertion's problem (not a business rule "[ID]…", not the profile XSD).</summary>
    internal static bool IsStructure(ValidationProblem p, string folder)
    {
        var prefix = $"Factur-X 1.09 {folder}: ";
        return p.Message.StartsWith(prefix, StringComparison.Ordinal) && !p.Message.AsSpan(prefix.Length).TrimStart().StartsWith("[", StringComparison.Ordinal);
    }
}
