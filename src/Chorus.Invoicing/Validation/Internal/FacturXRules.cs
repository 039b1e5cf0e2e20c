using System.Text.RegularExpressions;
using System.Xml;
using Chorus.Invoicing.Validation.Internal.Schematron;
using Chorus.Invoicing.Validation.Internal.XPath;

namespace Chorus.Invoicing.Validation.Internal;

/// <summary>
/// The Factur-X 1.09 profile checks (FNFE/FeRD): the profile's rule table (extracted from the official profile
/// stylesheets by eng/xslt-schematron-to-sch.py, with their code lists) and the per-profile XSD, whose findings are
/// warnings (the CLI contract: those XSDs lag behind their schematrons).
/// </summary>
internal static class FacturXRules
{
    private static readonly Regex BracketId = new(@"^\s*\[([A-Z]+(?:-[A-Z0-9]+)+)\]", RegexOptions.CultureInvariant);

    private static readonly Dictionary<string, Lazy<SchematronRules>> Tables = new[] { "MINIMUM", "BASICWL", "BASIC", "EN16931", "EXTENDED" }
        .ToDictionary(static p => p, static p => new Lazy<SchematronRules>(() => Load($"facturx/Factur-X_1.09_{p}.sch")), StringComparer.Ordinal);

    private static readonly Dictionary<string, Lazy<XNode>> CodeDbs = new[] { "MINIMUM", "BASIC-WL", "BASIC", "EN16931", "EXTENDED" }
        .ToDictionary(static p => $"FACTUR-X_{p}_codedb.xml", static p => new Lazy<XNode>(() => LoadTree($"facturx/FACTUR-X_{p}_codedb.xml")), StringComparer.Ordinal);

    public static void Check(XNode doc, string syntax, string? profile, ArraySegment<byte> bytes, List<ValidationProblem> problems)
    {
        var folder = DocumentKind.FacturXProfileFolder(profile) ?? (profile == "EN 16931" ? "EN16931" : null);
        if (syntax != "cii" || folder is null)
        {
            return;
        }

        RunTable(doc, folder, problems);
        CheckSchema(folder, bytes, problems);
    }

    /// <summary>The profile's schematron table through the interpreter (the differential oracle of Rules/FacturX).</summary>
    public static void RunTable(XNode doc, string folder, List<ValidationProblem> problems)
    {
        var host = new XPathHost { Documents = static name => CodeDbs.TryGetValue(name, out var db) ? db.Value : null };
        foreach (var f in Tables[folder].Value.Run(doc, host))
        {
            var id = BracketId.Match(f.Assertion.Message) is { Success: true } m ? m.Groups[1].Value : f.Assertion.Id is { Length: > 0 } fx ? fx : "FX-SCH";

            // Errors are failed assertions without a flag; successful reports ("marked as not used") only inform, as in the
            // official verdicts (invalid iff a failed-assert is flagged fatal/error or not flagged).
            var severity = f.Assertion.IsReport || f.Assertion.Flag is "warning" or "information" ? ValidationSeverity.Warning : ValidationSeverity.Fatal;
            var message = f.Error is null ? f.Assertion.Message : f.Assertion.Message + " (the test could not be evaluated: " + f.Error + ")";
            problems.Add(new ValidationProblem(id, severity, $"Factur-X 1.09 {folder}: {message}", f.Node.Path()));
        }
    }

    /// <summary>The profile XSD's findings, as warnings (at most 50); shared with the native runner (Rules/FacturX/FacturXProfileRules).</summary>
    public static void CheckSchema(string folder, ArraySegment<byte> bytes, List<ValidationProblem> problems)
    {
        if (SchemaCatalog.FacturX(folder) is not { } schema)
        {
            return;
        }

        var settings = InvoiceValidator.SafeSettings(schema);
        var count = 0;
        settings.ValidationEventHandler += (_, e) =>
        {
            if (++count <= 50)
            {
                problems.Add(new ValidationProblem("FX-XSD", ValidationSeverity.Warning, $"Factur-X 1.09 {folder} schema: {e.Message}", $"line {e.Exception?.LineNumber ?? 0}"));
            }
        };
        using var reader = XmlReader.Create(new MemoryStream(bytes.Array!, bytes.Offset, bytes.Count, false), settings);
        while (reader.Read())
        {
        }
    }

    private static SchematronRules Load(string path)
    {
        using var s = EmbeddedResources.Open(path);
        return SchematronRules.Load(s);
    }

    private static XNode LoadTree(string path)
    {
        using var s = EmbeddedResources.Open(path);
        using var reader = XmlReader.Create(s, InvoiceValidator.SafeSettings(null));
        return XTreeBuilder.Build(reader);
    }
}
