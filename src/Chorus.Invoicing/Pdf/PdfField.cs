namespace Chorus.Invoicing.Pdf;

/// <summary>
/// A value read from a PDF's text, with its provenance, so that a user can see why it was read: the page, the line of
/// text it was found in, and the label (keyword) that announced it.
/// </summary>
/// <typeparam name="T">The normalised value type (a SIRET, a date, an amount, a code).</typeparam>
/// <param name="Value">The normalised value.</param>
/// <param name="Page">The 1-based page number.</param>
/// <param name="Text">The line of text, as extracted.</param>
/// <param name="Label">The keyword that announced the value, as found in the line (e.g. "SIRET client").</param>
public sealed record PdfField<T>(T Value, int Page, string Text, string Label);
