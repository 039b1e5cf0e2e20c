namespace Chorus.Invoicing.Model;

/// <summary>
/// A party: Seller BG-4, Buyer BG-7, Payee BG-10 or Seller tax representative BG-11. The business terms in each
/// property's summary are given in the order Seller / Buyer / Payee / Tax representative where they apply.
/// </summary>
public sealed record Party
{
    /// <summary>BT-27 / BT-44 / BT-59 / BT-62 Name (UBL <c>PartyLegalEntity/RegistrationName</c>, CII <c>Name</c>).</summary>
    public string? Name { get; init; }

    /// <summary>BT-28 / BT-45 Trading name (UBL <c>PartyName/Name</c>, CII <c>SpecifiedLegalOrganization/TradingBusinessName</c>).</summary>
    public string? TradingName { get; init; }

    /// <summary>BT-29 / BT-46 / BT-60 identifiers with their scheme BT-29-1 (UBL <c>PartyIdentification</c>, CII <c>ID</c> and <c>GlobalID</c>).</summary>
    public EquatableArray<Identifier> Identifiers { get; init; }

    /// <summary>BT-30 / BT-47 / BT-61 Legal registration identifier (e.g. SIREN, scheme 0002).</summary>
    public Identifier? LegalRegistrationId { get; init; }

    /// <summary>BT-31 / BT-48 / BT-63 VAT identifier (e.g. <c>FR44732829320</c>).</summary>
    public string? VatId { get; init; }

    /// <summary>
    /// CII: the <c>schemeID</c> of the identifier read as <see cref="VatId"/> (any but <c>FC</c>), for the rules only:
    /// the stylesheets see a VAT identifier only in <c>ram:ID[@schemeID='VA']</c>.
    /// </summary>
    internal TaxScheme VatIdScheme { get; init; }

    /// <summary>
    /// CII: where the first <c>ram:URIUniversalCommunication</c> was read, even without a <c>ram:URIID</c> (BR-62/63 test
    /// the container), for the rules only; locations take no part in equality.
    /// </summary>
    internal SourceLocation ElectronicAddressElement { get; init; }

    /// <summary>BT-32 Seller tax registration identifier (local tax id, CII scheme <c>FC</c>).</summary>
    public string? TaxRegistrationId { get; init; }

    /// <summary>BT-33 Seller additional legal information.</summary>
    public string? AdditionalLegalInformation { get; init; }

    /// <summary>BT-34 / BT-49 Electronic address with its scheme (EAS).</summary>
    public Identifier? ElectronicAddress { get; init; }

    /// <summary>BG-5 / BG-8 / BG-12 Postal address.</summary>
    public Address? Address { get; init; }

    /// <summary>BG-6 / BG-9 Contact.</summary>
    public Contact? Contact { get; init; }

    /// <summary>Where the party element was read.</summary>
    public SourceLocation Location { get; init; }
}

/// <summary>A postal address BG-5, BG-8, BG-12, BG-15 (seller, buyer, tax representative, deliver to).</summary>
public sealed record Address
{
    /// <summary>BT-35 / BT-50 / BT-64 / BT-75 Address line 1.</summary>
    public string? Line1 { get; init; }

    /// <summary>BT-36 / BT-51 / BT-65 / BT-76 Address line 2.</summary>
    public string? Line2 { get; init; }

    /// <summary>BT-162 / BT-163 / BT-164 / BT-165 Address line 3.</summary>
    public string? Line3 { get; init; }

    /// <summary>BT-37 / BT-52 / BT-66 / BT-77 City.</summary>
    public string? City { get; init; }

    /// <summary>BT-38 / BT-53 / BT-67 / BT-78 Post code.</summary>
    public string? PostCode { get; init; }

    /// <summary>BT-39 / BT-54 / BT-68 / BT-79 Country subdivision.</summary>
    public string? CountrySubdivision { get; init; }

    /// <summary>BT-40 / BT-55 / BT-69 / BT-80 Country code (ISO 3166-1 alpha-2).</summary>
    public string? CountryCode { get; init; }

    /// <summary>Where the address element was read.</summary>
    public SourceLocation Location { get; init; }
}

/// <summary>A contact BG-6 (seller) or BG-9 (buyer).</summary>
public sealed record Contact
{
    /// <summary>BT-41 / BT-56 Contact point.</summary>
    public string? Name { get; init; }

    /// <summary>BT-42 / BT-57 Telephone number.</summary>
    public string? Telephone { get; init; }

    /// <summary>BT-43 / BT-58 E-mail address.</summary>
    public string? Email { get; init; }

    /// <summary>Where the contact element was read.</summary>
    public SourceLocation Location { get; init; }
}
