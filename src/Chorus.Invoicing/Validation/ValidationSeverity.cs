namespace Chorus.Invoicing.Validation;

/// <summary>How serious a validation problem is, with the schematron flags' meaning.</summary>
public enum ValidationSeverity
{
    /// <summary>The invoice is not valid (schematron flag <c>fatal</c>/<c>error</c>, or an XML Schema violation).</summary>
    Fatal,

    /// <summary>Worth fixing, but the invoice stays valid (schematron flag <c>warning</c>, per-profile Factur-X XSD findings).</summary>
    Warning,
}
