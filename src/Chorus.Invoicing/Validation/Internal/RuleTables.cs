using Chorus.Invoicing.Validation.Internal.Schematron;

namespace Chorus.Invoicing.Validation.Internal;

/// <summary>The rule tables, compiled once per process on first use.</summary>
internal static class RuleTables
{
    private static readonly Lazy<SchematronRules> Ubl = new(() => Load("schematron/EN16931-UBL-validation-preprocessed.sch"));
    private static readonly Lazy<SchematronRules> Cii = new(() => Load("schematron/EN16931-CII-validation-preprocessed.sch"));

    /// <summary>The EN 16931 v1.3.16 rules bound to a syntax (null for ZUGFeRD 1.0, which predates EN 16931).</summary>
    public static SchematronRules? En16931(string syntax) => syntax switch
    {
        "ubl" => Ubl.Value,
        "cii" => Cii.Value,
        _ => null,
    };

    private static SchematronRules Load(string path)
    {
        using var s = EmbeddedResources.Open(path);
        return SchematronRules.Load(s);
    }
}
