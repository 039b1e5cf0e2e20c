using System.Text.RegularExpressions;
using System.Xml;
using Chorus.Invoicing.Validation;
using Chorus.Invoicing.Validation.Internal;
using Chorus.Invoicing.Validation.Internal.Schematron;
using Chorus.Invoicing.Validation.Internal.XPath;
using Chorus.Invoicing.Validation.Rules.FrCtc;
using Chorus.Tests.Shared;

namespace Chorus.Invoicing.Tests.Validation.Rules;

/// <summary>
/// TEMPORARY, delete together with the rule-table engine (Internal/Schematron, Internal/XPath): the native BR-FR-BD/CO/
/// DEC/MV rules against the engine running the embedded Flux 2 tables, on every UBL/CII file of tests/data, the EN 16931
/// mutants and the reform mutants: the same problems (id, severity, message, location), counted per occurrence.
/// The extracted tables lost the official stylesheets' document-wide variables ($invoiceID, $sellerID, $invID,
/// $nbSubinvoiceSeller: top-level xsl:variable), so the engine reads them as unbound; the oracle here puts their
/// official definitions back in place by text substitution before loading the table.
/// </summary>
public class FrCtcRulesBDifferentialTests(ITestOutputHelper output)
{
    private static readonly string[] Mine = ["BR-FR-BD-", "BR-FR-CO-", "BR-FR-DEC-", "BR-FR-MV-"];

    private static readonly (string Name, string Value)[] UblGlobals =
    [
        ("nbSubinvoiceSeller", "count((/ubl:Invoice/cac:InvoiceLine|/cn:CreditNote/cac:CreditNoteLine)[normalize-space(cac:Item/cac:ManufacturerParty/cac:PartyLegalEntity/cbc:CompanyID) = $sellerID and cac:BillingReference[cac:InvoiceDocumentReference/cbc:DocumentStatusCode = 'GROUP' and not(cac:BillingReferenceLine/cbc:ID)]/cac:InvoiceDocumentReference/cbc:ID = $invoiceID][cac:DocumentReference[cbc:DocumentTypeCode = '130']/cbc:ID[@schemeID = 'AFL'] = $invoiceID])"),
        ("sellerID", "((/ubl:Invoice | /cn:CreditNote)/cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity/cbc:CompanyID)"),
        ("invoiceID", "((/ubl:Invoice|/cn:CreditNote)/cbc:ID)"),
    ];

    private static readonly (string Name, string Value)[] CiiGlobals =
    [
        ("nbSubinvoiceSeller", "count(//ram:IncludedSupplyChainTradeLineItem[ram:SpecifiedLineTradeAgreement/ram:ItemSellerTradeParty/ram:SpecifiedLegalOrganization/ram:ID = $sellerID and ram:AssociatedDocumentLineDocument/ram:LineStatusReasonCode = 'GROUP' and not(ram:AssociatedDocumentLineDocument/ram:ParentLineID)]/ram:SpecifiedLineTradeSettlement/ram:AdditionalReferencedDocument[(ram:ReferenceTypeCode = 'AFL') and (ram:TypeCode = '130') and (ram:IssuerAssignedID = $invID)])"),
        ("sellerID", "(/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/ram:SellerTradeParty/ram:SpecifiedLegalOrganization/ram:ID)"),
        ("invID", "(/rsm:CrossIndustryInvoice/rsm:ExchangedDocument/ram:ID)"),
    ];

    [Theory]
    [InlineData("ubl")]
    [InlineData("cii")]
    public void NativeRules_CorpusAndMutants_SameProblemsAsTheRuleTableWithItsGlobals(string syntax)
    {
        var oracle = Oracle(syntax, withGlobals: true);
        var bare = Oracle(syntax, withGlobals: false);
        var files = 0;
        var documents = 0;
        var compared = 0;
        var bareDifferences = 0;
        var oracleTime = TimeSpan.Zero;
        var nativeTime = TimeSpan.Zero;
        var differences = new List<string>();
        var fired = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var file in Files(syntax))
        {
            files++;
            var text = File.ReadAllText(file);
            var variants = new List<(string, string)> { ("original", text) };
            variants.AddRange(Mutations.Of(text, syntax));
            variants.AddRange(FrCtcMutations.Of(text, syntax));
            foreach (var (name, variant) in variants)
            {
                var doc = Parse(variant);
                if (doc is null)
                {
                    continue;
                }

                documents++;
                var clock = System.Diagnostics.Stopwatch.StartNew();
                var expected = Problems(oracle, doc);
                oracleTime += clock.Elapsed;
                clock.Restart();
                var actual = new List<ValidationProblem>();
                FrCtcRulesB.Run(doc, syntax, actual);
                nativeTime += clock.Elapsed;
                compared += expected.Count;
                foreach (var p in expected)
                {
                    fired[p.Rule] = fired.TryGetValue(p.Rule, out var c) ? c + 1 : 1;
                }

                if (Environment.GetEnvironmentVariable("CHORUS_FRCTC_DUMP") is { Length: > 0 } dump)
                {
                    // Every document and our ids, for a run of the official stylesheet by Saxon outside the test.
                    var folder = Path.Combine(dump, syntax);
                    System.IO.Directory.CreateDirectory(folder);
                    var dumpName = documents.ToString("D5", System.Globalization.CultureInfo.InvariantCulture) + ".xml";
                    File.WriteAllText(Path.Combine(folder, dumpName), variant);
                    File.AppendAllText(Path.Combine(dump, syntax + ".manifest"), $"{dumpName}\t{Path.GetFileName(file)}\t{name}\n");
                    File.AppendAllLines(Path.Combine(dump, syntax + ".tsv"), actual.GroupBy(static p => p.Rule).Select(g => $"{dumpName}\t{g.Key}\t{g.Count()}\t{Path.GetFileName(file)} [{name}]"));
                }

                foreach (var d in Diff(expected, actual))
                {
                    differences.Add($"{Path.GetFileName(file)} [{name}] {d}");
                }

                bareDifferences += Diff(Problems(bare, doc), actual).Count;
            }
        }

        output.WriteLine($"{syntax}: {files} files, {documents} documents, {compared} expected problems, {differences.Count} differences; {bareDifferences} differences with the table as extracted (no globals)");
        output.WriteLine("fired: " + string.Join(", ", fired.Select(static kv => kv.Key + "×" + kv.Value)));
        if (Environment.GetEnvironmentVariable("CHORUS_FRCTC_STATS") is { Length: > 0 } stats)
        {
            // The figures for a report, outside the test runner's output.
            File.AppendAllText(stats, $"{syntax}: {files} files, {documents} documents, {compared} problems, {differences.Count} differences, {bareDifferences} vs bare table, native {nativeTime.TotalMilliseconds:F0} ms, table {oracleTime.TotalMilliseconds:F0} ms\nfired: {string.Join(", ", fired.Select(static kv => kv.Key + "×" + kv.Value))}\n{string.Join("\n", differences.Take(60))}\n");
        }

        Assert.True(differences.Count == 0, string.Join("\n", differences.Take(40)));
        Assert.True(documents > 100, $"only {documents} documents");
    }

    private static List<string> Diff(List<ValidationProblem> expected, List<ValidationProblem> actual)
    {
        static string Key(ValidationProblem p) => $"{p.Rule} | {p.Severity} | {p.Location} | {p.Message}";

        var left = expected.Select(Key).ToList();
        var right = actual.Select(Key).ToList();
        var result = new List<string>();
        foreach (var k in left.ToList())
        {
            if (right.Remove(k))
            {
                left.Remove(k);
            }
        }

        result.AddRange(left.Select(static k => "missing: " + k));
        result.AddRange(right.Select(static k => "extra:   " + k));
        return result;
    }

    private static List<ValidationProblem> Problems(SchematronRules rules, XNode doc)
    {
        var all = new List<ValidationProblem>();
        RuleTableLoader.AddProblems(rules.Run(doc), "BR-FR", all);
        return all.Where(static p => Mine.Any(m => p.Rule.StartsWith(m, StringComparison.Ordinal))).ToList();
    }

    private static SchematronRules Oracle(string syntax, bool withGlobals)
    {
        using var s = EmbeddedResources.Open($"frctc/BR-FR-Flux2-Schematron-{syntax.ToUpperInvariant()}.sch");
        var text = new StreamReader(s).ReadToEnd();
        if (withGlobals)
        {
            foreach (var (name, value) in syntax == "ubl" ? UblGlobals : CiiGlobals)
            {
                text = Regex.Replace(text, @"\$" + name + @"\b", value.Replace("$", "$$", StringComparison.Ordinal));
            }
        }

        return SchematronRules.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)));
    }

    private static XNode? Parse(string text)
    {
        try
        {
            using var reader = XmlReader.Create(new StringReader(text), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            return XTreeBuilder.Build(reader);
        }
        catch (XmlException)
        {
            return null;
        }
        catch (XTreeException)
        {
            return null;
        }
    }

    private static IEnumerable<string> Files(string syntax)
    {
        var folders = new List<string> { TestData.PathOf(syntax), TestData.PathOf(syntax, "rules") };
        if (Environment.GetEnvironmentVariable("CHORUS_FRCTC_EXTRA") is { Length: > 0 } extra)
        {
            folders.AddRange(extra.Split(Path.PathSeparator));
        }

        foreach (var folder in folders.Where(System.IO.Directory.Exists))
        {
            foreach (var file in System.IO.Directory.GetFiles(folder).Order(StringComparer.Ordinal))
            {
                if (!file.EndsWith(".xml", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var head = File.ReadAllText(file);
                var isCii = head.Contains("CrossIndustryInvoice:100", StringComparison.Ordinal);
                var isUbl = head.Contains("urn:oasis:names:specification:ubl:schema:xsd:Invoice-2", StringComparison.Ordinal) || head.Contains("urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2", StringComparison.Ordinal);
                if ((syntax == "cii" && isCii) || (syntax == "ubl" && isUbl && !isCii))
                {
                    yield return file;
                }
            }
        }
    }
}
