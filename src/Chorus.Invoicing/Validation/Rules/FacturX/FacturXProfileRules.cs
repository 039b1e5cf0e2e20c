using System.Xml;
using Chorus.Invoicing.Validation.Internal;
using Chorus.Invoicing.Validation.Internal.Tree;

namespace Chorus.Invoicing.Validation.Rules.FacturX;

/// <summary>
/// The Factur-X 1.09 profile checks, native: the profile's structure tables (cardinalities, attributes, code lists,
/// unused elements), its business and VAT rules, then the profile XSD (warnings: those XSDs lag behind their
/// schematrons).
/// </summary>
internal static class FacturXProfileRules
{
    public static void Check(XNode doc, string syntax, string? profile, ArraySegment<byte> bytes, List<ValidationProblem> problems)
    {
        if (FolderOf(syntax, profile) is not { } folder)
        {
            return;
        }

        ProfileStructure.Run(doc, folder, problems);
        FacturXCoreRules.Run(doc, folder, problems);
        FacturXVatRules.Run(doc, folder, problems);
        CheckSchema(folder, bytes, problems);
    }

    /// <summary>The profile's rule folder (MINIMUM, BASICWL, BASIC, EN16931, EXTENDED) for a CII invoice, or null.</summary>
    public static string? FolderOf(string syntax, string? profile) =>
        syntax != "cii" ? null : DocumentKind.FacturXProfileFolder(profile) ?? (profile == "EN 16931" ? "EN16931" : null);

    /// <summary>The profile XSD's findings, as warnings (at most 50).</summary>
    private static void CheckSchema(string folder, ArraySegment<byte> bytes, List<ValidationProblem> problems)
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
}
