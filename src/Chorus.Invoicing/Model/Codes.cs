namespace Chorus.Invoicing.Model;

/// <summary>Invoice type code BT-3 (UNTDID 1001), kept as stated; the constants name the codes EN 16931 users meet.</summary>
/// <param name="Value">The code as stated, e.g. <c>380</c>.</param>
public readonly record struct DocumentTypeCode(string Value)
{
    /// <summary>380 Commercial invoice.</summary>
    public static DocumentTypeCode CommercialInvoice { get; } = new("380");

    /// <summary>381 Credit note.</summary>
    public static DocumentTypeCode CreditNote { get; } = new("381");

    /// <summary>383 Debit note.</summary>
    public static DocumentTypeCode DebitNote { get; } = new("383");

    /// <summary>384 Corrected invoice.</summary>
    public static DocumentTypeCode CorrectedInvoice { get; } = new("384");

    /// <summary>386 Prepayment invoice.</summary>
    public static DocumentTypeCode PrepaymentInvoice { get; } = new("386");

    /// <summary>389 Self-billed invoice.</summary>
    public static DocumentTypeCode SelfBilledInvoice { get; } = new("389");

    /// <summary>393 Factored invoice.</summary>
    public static DocumentTypeCode FactoredInvoice { get; } = new("393");

    /// <summary>261 Self-billed credit note.</summary>
    public static DocumentTypeCode SelfBilledCreditNote { get; } = new("261");

    /// <summary>
    /// True for the credit-note codes of UNTDID 1001 that EN 16931 uses (81, 83, 261, 262, 296, 308, 381, 396, 420,
    /// 458, 532): a UBL writer puts these in a <c>CreditNote</c> document.
    /// </summary>
    public bool IsCreditNote => Value?.Trim() is "81" or "83" or "261" or "262" or "296" or "308" or "381" or "396" or "420" or "458" or "532";

    /// <summary>The code.</summary>
    public override string ToString() => Value ?? "";
}

/// <summary>VAT category code BT-95, BT-102, BT-118, BT-151 (UNCL5305 subset of EN 16931), kept as stated.</summary>
/// <param name="Value">The code as stated, e.g. <c>S</c>.</param>
public readonly record struct VatCategoryCode(string Value)
{
    /// <summary>S Standard rate.</summary>
    public static VatCategoryCode Standard { get; } = new("S");

    /// <summary>Z Zero rated goods.</summary>
    public static VatCategoryCode ZeroRated { get; } = new("Z");

    /// <summary>E Exempt from tax.</summary>
    public static VatCategoryCode Exempt { get; } = new("E");

    /// <summary>AE VAT reverse charge.</summary>
    public static VatCategoryCode ReverseCharge { get; } = new("AE");

    /// <summary>K Intra-community supply (VAT exempt for EEA intra-community supply).</summary>
    public static VatCategoryCode IntraCommunity { get; } = new("K");

    /// <summary>G Free export item, tax not charged.</summary>
    public static VatCategoryCode Export { get; } = new("G");

    /// <summary>O Services outside scope of tax.</summary>
    public static VatCategoryCode OutsideScope { get; } = new("O");

    /// <summary>L Canary Islands general indirect tax (IGIC).</summary>
    public static VatCategoryCode CanaryIslands { get; } = new("L");

    /// <summary>M Tax for production, services and importation in Ceuta and Melilla (IPSI).</summary>
    public static VatCategoryCode CeutaMelilla { get; } = new("M");

    /// <summary>True for the nine codes EN 16931 allows (BR-CL-17, BR-CL-18).</summary>
    public bool IsKnown => Value is "S" or "Z" or "E" or "AE" or "K" or "G" or "O" or "L" or "M";

    /// <summary>The code.</summary>
    public override string ToString() => Value ?? "";
}

/// <summary>Currency code BT-5, BT-6 (ISO 4217 alpha-3), kept as stated.</summary>
/// <param name="Value">The code as stated, e.g. <c>EUR</c>.</param>
public readonly record struct CurrencyCode(string Value)
{
    /// <summary>EUR.</summary>
    public static CurrencyCode Euro { get; } = new("EUR");

    /// <summary>True when the code has the ISO 4217 shape (three upper-case letters); the code list itself is a validation rule (BR-CL-04).</summary>
    public bool IsWellFormed => Value is { Length: 3 } v && v.All(c => c is >= 'A' and <= 'Z');

    /// <summary>The code.</summary>
    public override string ToString() => Value ?? "";
}

/// <summary>Unit of measure BT-130, BT-150 (UN/ECE Recommendation 20, with Rec 21), kept as stated.</summary>
/// <param name="Value">The code as stated, e.g. <c>C62</c>.</param>
public readonly record struct UnitCode(string Value)
{
    /// <summary>C62 one (unit).</summary>
    public static UnitCode One { get; } = new("C62");

    /// <summary>H87 piece.</summary>
    public static UnitCode Piece { get; } = new("H87");

    /// <summary>EA each.</summary>
    public static UnitCode Each { get; } = new("EA");

    /// <summary>HUR hour.</summary>
    public static UnitCode Hour { get; } = new("HUR");

    /// <summary>DAY day.</summary>
    public static UnitCode Day { get; } = new("DAY");

    /// <summary>KGM kilogram.</summary>
    public static UnitCode Kilogram { get; } = new("KGM");

    /// <summary>LTR litre.</summary>
    public static UnitCode Litre { get; } = new("LTR");

    /// <summary>MTR metre.</summary>
    public static UnitCode Metre { get; } = new("MTR");

    /// <summary>The code.</summary>
    public override string ToString() => Value ?? "";
}

/// <summary>
/// An identification scheme: ISO 6523 ICD for party and legal identifiers (<c>0002</c> SIREN, <c>0009</c> SIRET,
/// <c>0088</c> GLN…), the EAS list for electronic addresses (BT-34, BT-49, which reuse the ICD numbers), or another
/// scheme code as stated. Kept as stated.
/// </summary>
/// <param name="Value">The code as stated, e.g. <c>0009</c>.</param>
public readonly record struct IdentifierScheme(string Value)
{
    /// <summary>0002 SIRENE (SIREN, French company register number).</summary>
    public static IdentifierScheme Siren { get; } = new("0002");

    /// <summary>0009 SIRET-CODE (French establishment number).</summary>
    public static IdentifierScheme Siret { get; } = new("0009");

    /// <summary>0060 DUNS.</summary>
    public static IdentifierScheme Duns { get; } = new("0060");

    /// <summary>0088 GS1 GLN.</summary>
    public static IdentifierScheme Gln { get; } = new("0088");

    /// <summary>0225 FRCTC ELECTRONIC ADDRESS (French reform routing address).</summary>
    public static IdentifierScheme FrenchElectronicAddress { get; } = new("0225");

    /// <summary>0238 PPF (French public invoicing portal addressing, Chorus Pro routing identifier).</summary>
    public static IdentifierScheme FrenchPublicPortal { get; } = new("0238");

    /// <summary>EM electronic mail (EAS).</summary>
    public static IdentifierScheme Email { get; } = new("EM");

    /// <summary>The code.</summary>
    public override string ToString() => Value ?? "";
}

/// <summary>An identifier with its optional scheme (<c>schemeID</c>) and scheme version (BT-18-1, BT-29-1, BT-157-1…).</summary>
/// <param name="Value">The identifier as stated.</param>
/// <param name="Scheme">The scheme, or null when none is stated.</param>
public sealed record Identifier(string Value, IdentifierScheme? Scheme = null)
{
    /// <summary>The scheme version (<c>schemeVersionID</c>, used by item classifications BT-158-2), or null.</summary>
    public string? SchemeVersion { get; init; }

    /// <summary>Where the identifier was read.</summary>
    public SourceLocation Location { get; init; }

    /// <summary>The value, with the scheme when stated.</summary>
    public override string ToString() => Scheme is null ? Value : $"{Value} ({Scheme})";
}
