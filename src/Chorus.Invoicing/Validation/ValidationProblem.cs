namespace Chorus.Invoicing.Validation;

/// <summary>One problem found in an invoice.</summary>
/// <param name="Rule">The official rule id (<c>BR-CO-10</c>, <c>UBL-SR-12</c>, <c>BR-CL-14</c>…), <c>XSD</c> for a schema violation,
/// <c>UNREADABLE</c> when the input could not be read, or one of our own prefixed ids (<c>CHORUS-…</c>).</param>
/// <param name="Severity">Fatal (makes the invoice invalid) or warning.</param>
/// <param name="Message">The rule's text, as the official artefact states it.</param>
/// <param name="Location">Where: an XPath of the offending element (<c>/ubl:Invoice/cac:InvoiceLine[2]</c>), or a line and column.</param>
public sealed record ValidationProblem(string Rule, ValidationSeverity Severity, string Message, string Location);
