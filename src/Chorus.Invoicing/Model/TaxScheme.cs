namespace Chorus.Invoicing.Model;

/// <summary>
/// The tax scheme read next to a VAT category (UBL <c>cac:TaxCategory/cac:TaxScheme/cbc:ID</c>, CII
/// <c>ram:TypeCode</c> of the trade tax). Only the validation rules use it: the CEN stylesheets see a category only
/// when its scheme is VAT, while the model keeps every category whatever its scheme (the writers write VAT).
/// </summary>
/// <remarks>
/// Like <see cref="SourceLocation"/> it takes no part in equality, so that a model read from a document whose scheme
/// was missing still equals the model read back from what the writers produce. A category built in code has no scheme
/// read (<see cref="Read"/> false) and counts as VAT.
/// </remarks>
internal readonly struct TaxScheme : IEquatable<TaxScheme>
{
    internal TaxScheme(string? id, string? categoryText = null)
    {
        Read = true;
        Id = id;
        CategoryText = categoryText;
    }

    /// <summary>True when the category was read from a document (its scheme may still be absent).</summary>
    public bool Read { get; }

    /// <summary>The scheme text as written (first occurrence), null when absent.</summary>
    public string? Id { get; }

    /// <summary>
    /// CII: the category code (or, for <see cref="Party.VatIdScheme"/>, the VAT identifier) as written, untrimmed: the
    /// stylesheets compare <c>ram:CategoryCode = 'S'</c> and take <c>substring(ram:ID, 1, 2)</c> without
    /// normalize-space, while the model keeps the trimmed text; null in UBL.
    /// </summary>
    public string? CategoryText { get; }

    public bool Equals(TaxScheme other) => true;

    public override bool Equals(object? obj) => obj is TaxScheme;

    public override int GetHashCode() => 0;
}

/// <summary>
/// A code as written in the document, untrimmed, where the stylesheets compare it without normalize-space (the invoice
/// currency against <c>@currencyID</c>); for the rules only, and, like <see cref="SourceLocation"/>, no part of equality.
/// </summary>
internal readonly struct RawText : IEquatable<RawText>
{
    internal RawText(string text)
    {
        Text = text;
    }

    /// <summary>The text as written, null when not read from a document.</summary>
    public string? Text { get; }

    public bool Equals(RawText other) => true;

    public override bool Equals(object? obj) => obj is RawText;

    public override int GetHashCode() => 0;
}
