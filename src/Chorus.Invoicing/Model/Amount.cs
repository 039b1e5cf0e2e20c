using System.Globalization;

namespace Chorus.Invoicing.Model;

/// <summary>
/// A monetary amount as the document states it: the text kept verbatim (so that a bad decimal is reported, not thrown,
/// and the number of decimals is known), its value when the text is an <c>xs:decimal</c>, and the <c>currencyID</c>
/// attribute when the syntax carries one (every UBL amount; CII VAT totals).
/// </summary>
/// <remarks>Equality: same currency, and same value (<c>100.0</c> equals <c>100.00</c>) or, when unparsed, same text.</remarks>
public readonly struct Amount : IEquatable<Amount>
{
    /// <summary>An amount from a value (text in invariant culture, as given).</summary>
    public Amount(decimal value, string? currencyId = null)
    {
        Value = value;
        Text = value.ToString(CultureInfo.InvariantCulture);
        CurrencyId = currencyId;
        Location = default;
    }

    internal Amount(string text, decimal? value, string? currencyId, SourceLocation location)
    {
        Text = text;
        Value = value;
        CurrencyId = currencyId;
        Location = location;
    }

    /// <summary>An amount from document text; <see cref="Value"/> is null when the text is not an <c>xs:decimal</c>.</summary>
    public static Amount FromText(string text, string? currencyId = null) => new(text, DecimalText.Parse(text), currencyId, default);

    /// <summary>The text as read (or the invariant form of the value given).</summary>
    public string Text { get; }

    /// <summary>The value, or null when <see cref="Text"/> is not a decimal.</summary>
    public decimal? Value { get; }

    /// <summary>The currency attribute (<c>currencyID</c>), or null when absent.</summary>
    public string? CurrencyId { get; }

    /// <summary>Where the amount was read.</summary>
    public SourceLocation Location { get; }

    /// <summary>True when the text is a decimal.</summary>
    public bool IsValid => Value.HasValue;

    /// <summary>The number of digits after the decimal point in <see cref="Text"/> (BR-DEC rules).</summary>
    public int Decimals => DecimalText.Decimals(Text);

    /// <summary>The same amount with another currency attribute.</summary>
    public Amount WithCurrency(string? currencyId) => new(Text, Value, currencyId, Location);

    /// <inheritdoc />
    public bool Equals(Amount other) => CurrencyId == other.CurrencyId && DecimalText.Equal(Value, Text, other.Value, other.Text);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Amount other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(CurrencyId, DecimalText.Hash(Value, Text));

    /// <summary>Value equality.</summary>
    public static bool operator ==(Amount left, Amount right) => left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(Amount left, Amount right) => !left.Equals(right);

    /// <summary>The text, with the currency when known.</summary>
    public override string ToString() => CurrencyId is null ? Text ?? "" : $"{Text} {CurrencyId}";
}

/// <summary>A quantity as stated (text kept verbatim) with its unit of measure (UN/ECE Rec 20, <c>unitCode</c>).</summary>
public readonly struct Quantity : IEquatable<Quantity>
{
    /// <summary>A quantity from a value.</summary>
    public Quantity(decimal value, UnitCode? unitCode = null)
    {
        Value = value;
        Text = value.ToString(CultureInfo.InvariantCulture);
        UnitCode = unitCode;
        Location = default;
    }

    internal Quantity(string text, decimal? value, UnitCode? unitCode, SourceLocation location)
    {
        Text = text;
        Value = value;
        UnitCode = unitCode;
        Location = location;
    }

    /// <summary>A quantity from document text.</summary>
    public static Quantity FromText(string text, UnitCode? unitCode = null) => new(text, DecimalText.Parse(text), unitCode, default);

    /// <summary>The text as read.</summary>
    public string Text { get; }

    /// <summary>The value, or null when <see cref="Text"/> is not a decimal.</summary>
    public decimal? Value { get; }

    /// <summary>The unit of measure (BT-130, BT-150), or null.</summary>
    public UnitCode? UnitCode { get; }

    /// <summary>Where the quantity was read.</summary>
    public SourceLocation Location { get; }

    /// <summary>True when the text is a decimal.</summary>
    public bool IsValid => Value.HasValue;

    /// <inheritdoc />
    public bool Equals(Quantity other) => UnitCode == other.UnitCode && DecimalText.Equal(Value, Text, other.Value, other.Text);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Quantity other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(UnitCode, DecimalText.Hash(Value, Text));

    /// <summary>Value equality.</summary>
    public static bool operator ==(Quantity left, Quantity right) => left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(Quantity left, Quantity right) => !left.Equals(right);

    /// <summary>The text and unit.</summary>
    public override string ToString() => UnitCode is null ? Text ?? "" : $"{Text} {UnitCode}";
}

/// <summary>A percentage (VAT rate, allowance percentage) as stated, text kept verbatim: <c>20</c> means 20 %.</summary>
public readonly struct Percentage : IEquatable<Percentage>
{
    /// <summary>A percentage from a value.</summary>
    public Percentage(decimal value)
    {
        Value = value;
        Text = value.ToString(CultureInfo.InvariantCulture);
        Location = default;
    }

    internal Percentage(string text, decimal? value, SourceLocation location)
    {
        Text = text;
        Value = value;
        Location = location;
    }

    /// <summary>A percentage from document text.</summary>
    public static Percentage FromText(string text) => new(text, DecimalText.Parse(text), default);

    /// <summary>The text as read.</summary>
    public string Text { get; }

    /// <summary>The value, or null when <see cref="Text"/> is not a decimal.</summary>
    public decimal? Value { get; }

    /// <summary>Where the percentage was read.</summary>
    public SourceLocation Location { get; }

    /// <summary>True when the text is a decimal.</summary>
    public bool IsValid => Value.HasValue;

    /// <inheritdoc />
    public bool Equals(Percentage other) => DecimalText.Equal(Value, Text, other.Value, other.Text);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Percentage other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => DecimalText.Hash(Value, Text);

    /// <summary>Value equality.</summary>
    public static bool operator ==(Percentage left, Percentage right) => left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(Percentage left, Percentage right) => !left.Equals(right);

    /// <summary>The text.</summary>
    public override string ToString() => Text ?? "";
}

/// <summary>
/// A date as stated: the text kept verbatim, its CII format code (<c>102</c> = CCYYMMDD) when given, and the date when
/// the text parses (UBL <c>xs:date</c> <c>2017-11-13</c>, CII <c>20171113</c>).
/// </summary>
/// <remarks>Equality: same date or, when unparsed, same text (the format is a syntax detail).</remarks>
public readonly struct DateValue : IEquatable<DateValue>
{
    /// <summary>A date from a value (time of day ignored).</summary>
    public DateValue(DateTime date)
    {
        Value = date.Date;
        Text = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Format = null;
        Location = default;
    }

    internal DateValue(string text, string? format, DateTime? value, SourceLocation location)
    {
        Text = text;
        Format = format;
        Value = value;
        Location = location;
    }

    /// <summary>A date from document text, in <c>yyyy-MM-dd</c> or (format <c>102</c> or none) <c>yyyyMMdd</c>.</summary>
    public static DateValue FromText(string text, string? format = null) => new(text, format, DecimalText.ParseDate(text, format), default);

    /// <summary>The text as read.</summary>
    public string Text { get; }

    /// <summary>The CII <c>format</c> attribute (UNTDID 2379, <c>102</c>), or null.</summary>
    public string? Format { get; }

    /// <summary>The date (time of day 00:00, kind unspecified), or null when the text does not parse.</summary>
    public DateTime? Value { get; }

    /// <summary>Where the date was read.</summary>
    public SourceLocation Location { get; }

    /// <summary>True when the text parses as a date.</summary>
    public bool IsValid => Value.HasValue;

    /// <summary>The date in ISO 8601 (<c>2017-11-13</c>), or the text when it does not parse.</summary>
    public string ToIsoString() => Value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? Text;

    /// <inheritdoc />
    public bool Equals(DateValue other) => Value.HasValue || other.Value.HasValue ? Value == other.Value : Text == other.Text;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is DateValue other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Value?.GetHashCode() ?? StringComparer.Ordinal.GetHashCode(Text ?? "");

    /// <summary>Value equality.</summary>
    public static bool operator ==(DateValue left, DateValue right) => left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(DateValue left, DateValue right) => !left.Equals(right);

    /// <summary>The ISO 8601 date.</summary>
    public override string ToString() => ToIsoString() ?? "";
}

/// <summary>Parsing helpers shared by the value types.</summary>
internal static class DecimalText
{
    // xs:decimal: optional sign, digits, optional point; no exponent, no grouping.
    private const NumberStyles XsDecimal = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite;

    public static decimal? Parse(string? text) =>
        text is not null && decimal.TryParse(text, XsDecimal, CultureInfo.InvariantCulture, out var v) ? v : null;

    public static int Decimals(string? text)
    {
        if (text is null)
        {
            return 0;
        }

        var t = text.Trim();
        var dot = t.AsSpan().IndexOf('.');
        return dot < 0 ? 0 : t.Length - dot - 1;
    }

    public static DateTime? ParseDate(string? text, string? format)
    {
        if (text is null)
        {
            return null;
        }

        var t = text.Trim();
        var pattern = t.Length == 10 && format is null ? "yyyy-MM-dd" : "yyyyMMdd";
        return DateTime.TryParseExact(t, pattern, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
    }

    public static bool Equal(decimal? a, string? aText, decimal? b, string? bText) =>
        a.HasValue || b.HasValue ? a == b : string.Equals(aText, bText, StringComparison.Ordinal);

    public static int Hash(decimal? value, string? text) => value?.GetHashCode() ?? StringComparer.Ordinal.GetHashCode(text ?? "");
}
