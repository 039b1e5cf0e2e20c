using Chorus.Invoicing.Validation.Internal.XPath;

namespace Chorus.Invoicing.Validation.Internal;

/// <summary>The Factur-X 1.09 profile checks: the per-profile XSD (warnings, see the CLI contract).</summary>
internal static class FacturXRules
{
    public static void Check(XNode doc, string syntax, string? profile, ArraySegment<byte> bytes, List<ValidationProblem> problems)
    {
        _ = doc;
        if (syntax != "cii" || DocumentKind.FacturXProfileFolder(profile) is not { } folder || SchemaCatalog.FacturX(folder) is not { } schema)
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
        using var reader = System.Xml.XmlReader.Create(new MemoryStream(bytes.Array!, bytes.Offset, bytes.Count, false), settings);
        while (reader.Read())
        {
        }
    }
}
