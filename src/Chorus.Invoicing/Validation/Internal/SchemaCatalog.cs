using System.Xml;
using System.Xml.Schema;

namespace Chorus.Invoicing.Validation.Internal;

/// <summary>
/// The official XML Schemas, compiled once from embedded resources. Includes and imports are resolved from the
/// resources only (no file system, no network): a schemaLocation outside them fails.
/// </summary>
internal static class SchemaCatalog
{
    private static readonly Uri BaseUri = new("http://schemas.chorus.invalid/");

    private static readonly Lazy<XmlSchemaSet> UblSet = new(() => Compile(
        "schemas/ubl-2.1/common/UBL-xmldsig-core-schema-2.1.xsd",
        "schemas/ubl-2.1/maindoc/UBL-Invoice-2.1.xsd",
        "schemas/ubl-2.1/maindoc/UBL-CreditNote-2.1.xsd"));

    private static readonly Lazy<XmlSchemaSet> CiiSet = new(() => Compile("schemas/cii-d16b/CII/uncefact/data/standard/CrossIndustryInvoice_100pD16B.xsd"));

    private static readonly Lazy<XmlSchemaSet> Zugferd1Set = new(() => Compile("schemas/zugferd-1.0/ZUGFeRD1p0.xsd"));

    private static readonly Dictionary<string, Lazy<XmlSchemaSet>> FacturXSets = new[] { "MINIMUM", "BASICWL", "BASIC", "EN16931", "EXTENDED" }
        .ToDictionary(static p => p, static p => new Lazy<XmlSchemaSet>(() => Compile($"schemas/facturx-1.09/{p}/Factur-X_{p}.xsd")), StringComparer.Ordinal);

    public static XmlSchemaSet Ubl => UblSet.Value;

    public static XmlSchemaSet Cii => CiiSet.Value;

    public static XmlSchemaSet Zugferd1 => Zugferd1Set.Value;

    /// <summary>The Factur-X 1.09 per-profile schema (MINIMUM, BASICWL, BASIC, EN16931, EXTENDED).</summary>
    public static XmlSchemaSet? FacturX(string profileFolder) => FacturXSets.TryGetValue(profileFolder, out var s) ? s.Value : null;

    private static XmlSchemaSet Compile(params string[] paths)
    {
        var resolver = new ResourceResolver();
        var set = new XmlSchemaSet(new InterningNameTable()) { XmlResolver = resolver };
        foreach (var path in paths)
        {
            // The UBL xmldsig module declares entities in an internal DTD: parse it (internal subset only, no resolver).
            var settings = new XmlReaderSettings
            {
                DtdProcessing = path.EndsWith("xmldsig-core-schema-2.1.xsd", StringComparison.Ordinal) ? DtdProcessing.Parse : DtdProcessing.Prohibit,
                XmlResolver = null,
            };
            using var stream = EmbeddedResources.Open(path);
            using var reader = XmlReader.Create(stream, settings, new Uri(BaseUri, path).AbsoluteUri);
            set.Add(null, reader);
        }

        set.Compile();
        return set;
    }

    // The schema's names are the CLR's interned instances, so that the names a validating reader gives the tree (through
    // SchemaNameTable) are the very instances of the rules' string literals and interned paths: their equality tests end at
    // the reference check instead of comparing characters (namespace URIs are 40-80 characters long). Equality itself
    // never depends on it. Only written while a set compiles (once per process, under its Lazy).
    private sealed class InterningNameTable : NameTable
    {
        public override string Add(string key) => base.Get(key) ?? base.Add(string.Intern(key));

        public override string Add(char[] key, int start, int len) =>
            base.Get(key, start, len) ?? (len == 0 ? base.Add(string.Empty) : base.Add(string.Intern(new string(key, start, len))));
    }

    private sealed class ResourceResolver : XmlResolver
    {
        public override object? GetEntity(Uri absoluteUri, string? role, Type? ofObjectToReturn)
        {
            if (absoluteUri.Host != BaseUri.Host)
            {
                throw new XmlException("schema location outside the embedded schemas: " + absoluteUri);
            }

            return EmbeddedResources.Open(Uri.UnescapeDataString(absoluteUri.AbsolutePath.TrimStart('/')));
        }

        public override Uri ResolveUri(Uri? baseUri, string? relativeUri) => new(baseUri ?? BaseUri, relativeUri ?? string.Empty);
    }
}
