namespace Chorus.Invoicing.Model;

/// <summary>An invoice line BG-25 (UBL <c>InvoiceLine</c>/<c>CreditNoteLine</c>, CII <c>IncludedSupplyChainTradeLineItem</c>).</summary>
public sealed record InvoiceLine
{
    /// <summary>BT-126 Invoice line identifier.</summary>
    public string? Id { get; init; }

    /// <summary>BT-127 Invoice line note.</summary>
    public string? Note { get; init; }

    /// <summary>BT-128 Invoice line object identifier with its scheme BT-128-1.</summary>
    public Identifier? ObjectIdentifier { get; init; }

    /// <summary>BT-129 Invoiced quantity with its unit BT-130.</summary>
    public Quantity? Quantity { get; init; }

    /// <summary>BT-131 Invoice line net amount.</summary>
    public Amount? NetAmount { get; init; }

    /// <summary>BT-132 Referenced purchase order line reference.</summary>
    public string? OrderLineReference { get; init; }

    /// <summary>BT-133 Invoice line Buyer accounting reference.</summary>
    public string? BuyerAccountingReference { get; init; }

    /// <summary>BG-26 Invoice line period (BT-134, BT-135).</summary>
    public Period? Period { get; init; }

    /// <summary>BG-27 line allowances and BG-28 line charges, in document order (<see cref="AllowanceCharge.IsCharge"/>).</summary>
    public EquatableArray<AllowanceCharge> AllowancesCharges { get; init; }

    /// <summary>BG-29 Price details.</summary>
    public Price? Price { get; init; }

    /// <summary>BT-151 Invoiced item VAT category code.</summary>
    public VatCategoryCode? VatCategory { get; init; }

    /// <summary>BT-152 Invoiced item VAT rate.</summary>
    public Percentage? VatRate { get; init; }

    /// <summary>The tax scheme of the line's VAT category, for the rules only (see <see cref="TaxScheme"/>).</summary>
    internal TaxScheme VatScheme { get; init; }

    /// <summary>BG-31 Item information.</summary>
    public Item? Item { get; init; }

    /// <summary>Where the line element was read.</summary>
    public SourceLocation Location { get; init; }
}

/// <summary>BG-29 Price details.</summary>
public sealed record Price
{
    /// <summary>BT-146 Item net price.</summary>
    public Amount? NetPrice { get; init; }

    /// <summary>BT-147 Item price discount.</summary>
    public Amount? Discount { get; init; }

    /// <summary>BT-148 Item gross price.</summary>
    public Amount? GrossPrice { get; init; }

    /// <summary>BT-149 Item price base quantity with its unit BT-150.</summary>
    public Quantity? BaseQuantity { get; init; }

    /// <summary>Where the price element was read.</summary>
    public SourceLocation Location { get; init; }
}

/// <summary>BG-31 Item information (with BG-32 attributes).</summary>
public sealed record Item
{
    /// <summary>BT-153 Item name.</summary>
    public string? Name { get; init; }

    /// <summary>BT-154 Item description.</summary>
    public string? Description { get; init; }

    /// <summary>BT-155 Item Seller's identifier.</summary>
    public string? SellerId { get; init; }

    /// <summary>BT-156 Item Buyer's identifier.</summary>
    public string? BuyerId { get; init; }

    /// <summary>BT-157 Item standard identifier with its scheme BT-157-1 (e.g. GTIN 0160).</summary>
    public Identifier? StandardId { get; init; }

    /// <summary>BT-158 Item classification identifiers with list id BT-158-1 (<see cref="Identifier.Scheme"/>) and version BT-158-2.</summary>
    public EquatableArray<Identifier> Classifications { get; init; }

    /// <summary>BT-159 Item country of origin (ISO 3166-1 alpha-2).</summary>
    public string? OriginCountry { get; init; }

    /// <summary>BG-32 Item attributes (BT-160 name, BT-161 value).</summary>
    public EquatableArray<ItemAttribute> Attributes { get; init; }
}

/// <summary>BG-32 Item attribute.</summary>
/// <param name="Name">BT-160 Item attribute name.</param>
/// <param name="Value">BT-161 Item attribute value.</param>
public sealed record ItemAttribute(string? Name, string? Value);

/// <summary>A period: BG-14 Invoicing period (BT-73, BT-74) or BG-26 Invoice line period (BT-134, BT-135).</summary>
public sealed record Period
{
    /// <summary>BT-73 / BT-134 Start date.</summary>
    public DateValue? Start { get; init; }

    /// <summary>BT-74 / BT-135 End date.</summary>
    public DateValue? End { get; init; }

    /// <summary>
    /// CII: where <c>ram:StartDateTime</c> / <c>ram:EndDateTime</c> were read, even without a date inside (BR-29/30 and
    /// BR-CO-19/20 test the containers), for the rules only; locations take no part in equality.
    /// </summary>
    internal SourceLocation StartElement { get; init; }

    /// <inheritdoc cref="StartElement"/>
    internal SourceLocation EndElement { get; init; }

    /// <summary>Where the period element was read.</summary>
    public SourceLocation Location { get; init; }
}

/// <summary>
/// An allowance or a charge: document level BG-20 / BG-21 (with VAT category) or line level BG-27 / BG-28.
/// Business terms are given as document allowance / document charge / line allowance / line charge.
/// </summary>
public sealed record AllowanceCharge
{
    /// <summary>False for an allowance (BG-20, BG-27), true for a charge (BG-21, BG-28) (<c>ChargeIndicator</c>).</summary>
    public bool IsCharge { get; init; }

    /// <summary>BT-92 / BT-99 / BT-136 / BT-141 Amount.</summary>
    public Amount? Amount { get; init; }

    /// <summary>BT-93 / BT-100 / BT-137 / BT-142 Base amount.</summary>
    public Amount? BaseAmount { get; init; }

    /// <summary>BT-94 / BT-101 / BT-138 / BT-143 Percentage.</summary>
    public Percentage? Percentage { get; init; }

    /// <summary>BT-95 / BT-102 VAT category code (document level only).</summary>
    public VatCategoryCode? VatCategory { get; init; }

    /// <summary>BT-96 / BT-103 VAT rate (document level only).</summary>
    public Percentage? VatRate { get; init; }

    /// <summary>The tax scheme of the VAT category, for the rules only (see <see cref="TaxScheme"/>).</summary>
    internal TaxScheme VatScheme { get; init; }

    /// <summary>
    /// Where the charge indicator was read, for the rules only: an element without one is neither an allowance nor a
    /// charge for the stylesheets (…[ChargeIndicator = false()] / […= true()]); locations take no part in equality.
    /// </summary>
    internal SourceLocation IndicatorElement { get; init; }

    /// <summary>BT-97 / BT-104 / BT-139 / BT-144 Reason.</summary>
    public string? Reason { get; init; }

    /// <summary>BT-98 / BT-105 / BT-140 / BT-145 Reason code (UNTDID 5189 for allowances, 7161 for charges).</summary>
    public string? ReasonCode { get; init; }

    /// <summary>Where the allowance/charge element was read.</summary>
    public SourceLocation Location { get; init; }
}

/// <summary>BG-23 VAT breakdown.</summary>
public sealed record VatBreakdown
{
    /// <summary>BT-116 VAT category taxable amount.</summary>
    public Amount? TaxableAmount { get; init; }

    /// <summary>BT-117 VAT category tax amount.</summary>
    public Amount? TaxAmount { get; init; }

    /// <summary>BT-118 VAT category code.</summary>
    public VatCategoryCode? Category { get; init; }

    /// <summary>BT-119 VAT category rate.</summary>
    public Percentage? Rate { get; init; }

    /// <summary>The tax scheme of the category, for the rules only (see <see cref="TaxScheme"/>).</summary>
    internal TaxScheme Scheme { get; init; }

    /// <summary>BT-120 VAT exemption reason text.</summary>
    public string? ExemptionReason { get; init; }

    /// <summary>BT-121 VAT exemption reason code (VATEX).</summary>
    public string? ExemptionReasonCode { get; init; }

    /// <summary>Where the breakdown element was read.</summary>
    public SourceLocation Location { get; init; }
}
