namespace Chorus.Invoicing.Model;

/// <summary>
/// An invoice or credit note in the EN 16931 semantic model (business terms BT-1…BT-165, groups BG-1…BG-32),
/// independent of syntax. Immutable with value equality: two invoices with the same content are equal, wherever they
/// were read from. Build one with <see cref="InvoiceBuilder"/>, read one with <c>InvoiceXml.Read</c>, change one with
/// <c>with { … }</c>. Every term is optional here: a read model keeps what the document says, including what a rule
/// will reject; validation says what is missing.
/// </summary>
public sealed record Invoice
{
    /// <summary>Invoice or credit note: the UBL root element; for CII, from the type code BT-3 (<see cref="DocumentTypeCode.IsCreditNote"/>).</summary>
    public InvoiceDocumentType DocumentType { get; init; }

    /// <summary>BT-1 Invoice number.</summary>
    public string? Number { get; init; }

    /// <summary>BT-2 Invoice issue date.</summary>
    public DateValue? IssueDate { get; init; }

    /// <summary>BT-3 Invoice type code.</summary>
    public DocumentTypeCode? TypeCode { get; init; }

    /// <summary>BT-5 Invoice currency code.</summary>
    public CurrencyCode? CurrencyCode { get; init; }

    /// <summary>BT-5 as written (untrimmed), for the rules only: compared with <c>@currencyID</c> without normalize-space.</summary>
    internal RawText CurrencyCodeText { get; init; }

    /// <summary>BT-6 VAT accounting currency code.</summary>
    public CurrencyCode? VatAccountingCurrencyCode { get; init; }

    /// <summary>BT-7 Value added tax point date.</summary>
    public DateValue? VatPointDate { get; init; }

    /// <summary>BT-8 Value added tax point date code (UNTDID 2005 in UBL, 2475 in CII: 3/35/432 vs 5/29/72).</summary>
    public string? VatPointDateCode { get; init; }

    /// <summary>BT-9 Payment due date.</summary>
    public DateValue? DueDate { get; init; }

    /// <summary>BT-10 Buyer reference (Chorus Pro: the code service).</summary>
    public string? BuyerReference { get; init; }

    /// <summary>BT-11 Project reference.</summary>
    public string? ProjectReference { get; init; }

    /// <summary>BT-12 Contract reference.</summary>
    public string? ContractReference { get; init; }

    /// <summary>BT-13 Purchase order reference (Chorus Pro: the engagement number).</summary>
    public string? PurchaseOrderReference { get; init; }

    /// <summary>BT-14 Sales order reference.</summary>
    public string? SalesOrderReference { get; init; }

    /// <summary>BT-15 Receiving advice reference.</summary>
    public string? ReceivingAdviceReference { get; init; }

    /// <summary>BT-16 Despatch advice reference.</summary>
    public string? DespatchAdviceReference { get; init; }

    /// <summary>BT-17 Tender or lot reference.</summary>
    public string? TenderOrLotReference { get; init; }

    /// <summary>BT-18 Invoiced object identifier with its scheme BT-18-1.</summary>
    public Identifier? InvoicedObjectIdentifier { get; init; }

    /// <summary>BT-19 Buyer accounting reference.</summary>
    public string? BuyerAccountingReference { get; init; }

    /// <summary>BT-20 Payment terms.</summary>
    public string? PaymentTerms { get; init; }

    /// <summary>BG-1 Invoice notes.</summary>
    public EquatableArray<Note> Notes { get; init; }

    /// <summary>BT-23 Business process type (BG-2).</summary>
    public string? BusinessProcessType { get; init; }

    /// <summary>BT-24 Specification identifier (BG-2): the profile, e.g. <c>urn:cen.eu:en16931:2017</c>.</summary>
    public string? SpecificationIdentifier { get; init; }

    /// <summary>BG-3 Preceding invoice references.</summary>
    public EquatableArray<PrecedingInvoiceReference> PrecedingInvoices { get; init; }

    /// <summary>BG-4 Seller.</summary>
    public Party? Seller { get; init; }

    /// <summary>
    /// UBL: where <c>cac:AccountingSupplierParty</c> was read, even without a <c>cac:Party</c> (the context of BR-CO-26),
    /// for the rules only; locations take no part in equality.
    /// </summary>
    internal SourceLocation SupplierPartyLocation { get; init; }

    /// <summary>BG-7 Buyer.</summary>
    public Party? Buyer { get; init; }

    /// <summary>BG-10 Payee.</summary>
    public Party? Payee { get; init; }

    /// <summary>BG-11 Seller tax representative party.</summary>
    public Party? SellerTaxRepresentative { get; init; }

    /// <summary>BG-13 Delivery information.</summary>
    public Delivery? Delivery { get; init; }

    /// <summary>BG-14 Invoicing period.</summary>
    public Period? InvoicingPeriod { get; init; }

    /// <summary>BG-16 Payment instructions.</summary>
    public PaymentInstructions? PaymentInstructions { get; init; }

    /// <summary>BG-20 document allowances and BG-21 document charges, in document order (<see cref="AllowanceCharge.IsCharge"/>).</summary>
    public EquatableArray<AllowanceCharge> AllowancesCharges { get; init; }

    /// <summary>BG-22 Document totals.</summary>
    public DocumentTotals? Totals { get; init; }

    /// <summary>BG-23 VAT breakdown.</summary>
    public EquatableArray<VatBreakdown> VatBreakdowns { get; init; }

    /// <summary>BG-24 Additional supporting documents.</summary>
    public EquatableArray<SupportingDocument> SupportingDocuments { get; init; }

    /// <summary>BG-25 Invoice lines.</summary>
    public EquatableArray<InvoiceLine> Lines { get; init; }

    /// <summary>Where the root element was read.</summary>
    public SourceLocation Location { get; init; }

    /// <summary>BG-20 Document level allowances (a view of <see cref="AllowancesCharges"/>).</summary>
    public IEnumerable<AllowanceCharge> Allowances => AllowancesCharges.Where(a => !a.IsCharge);

    /// <summary>BG-21 Document level charges (a view of <see cref="AllowancesCharges"/>).</summary>
    public IEnumerable<AllowanceCharge> Charges => AllowancesCharges.Where(a => a.IsCharge);
}

/// <summary>Invoice or credit note (the UBL root element; for CII the type code).</summary>
public enum InvoiceDocumentType
{
    /// <summary>An invoice (UBL <c>Invoice</c>).</summary>
    Invoice,

    /// <summary>A credit note (UBL <c>CreditNote</c>).</summary>
    CreditNote,
}

/// <summary>The XML syntax an invoice is written in.</summary>
public enum InvoiceSyntax
{
    /// <summary>OASIS UBL 2.1 (<c>Invoice</c> or <c>CreditNote</c>).</summary>
    Ubl,

    /// <summary>UN/CEFACT Cross Industry Invoice D16B (<c>rsm:CrossIndustryInvoice</c>), Factur-X and ZUGFeRD 2.</summary>
    Cii,

    /// <summary>ZUGFeRD 1.0 (<c>rsm:CrossIndustryDocument</c>), read only.</summary>
    Zugferd1,
}

/// <summary>BG-1 Invoice note.</summary>
/// <param name="SubjectCode">BT-21 Invoice note subject code (UNTDID 4451), or null.</param>
/// <param name="Text">BT-22 Invoice note.</param>
public sealed record Note(string? SubjectCode, string? Text);

/// <summary>BG-3 Preceding invoice reference.</summary>
/// <param name="Number">BT-25 Preceding invoice reference.</param>
/// <param name="IssueDate">BT-26 Preceding invoice issue date.</param>
public sealed record PrecedingInvoiceReference(string? Number, DateValue? IssueDate);

/// <summary>BG-13 Delivery information.</summary>
public sealed record Delivery
{
    /// <summary>BT-70 Deliver to party name.</summary>
    public string? PartyName { get; init; }

    /// <summary>BT-71 Deliver to location identifier with its scheme BT-71-1.</summary>
    public Identifier? LocationId { get; init; }

    /// <summary>BT-72 Actual delivery date.</summary>
    public DateValue? ActualDeliveryDate { get; init; }

    /// <summary>BG-15 Deliver to address.</summary>
    public Address? Address { get; init; }

    /// <summary>Where the delivery element was read.</summary>
    public SourceLocation Location { get; init; }
}

/// <summary>BG-16 Payment instructions.</summary>
public sealed record PaymentInstructions
{
    /// <summary>BT-81 Payment means type code (UNTDID 4461, e.g. 30 credit transfer, 58 SEPA credit transfer).</summary>
    public string? MeansCode { get; init; }

    /// <summary>BT-82 Payment means text.</summary>
    public string? MeansText { get; init; }

    /// <summary>BT-83 Remittance information.</summary>
    public string? RemittanceInformation { get; init; }

    /// <summary>BG-17 Credit transfers.</summary>
    public EquatableArray<CreditTransfer> CreditTransfers { get; init; }

    /// <summary>BG-18 Payment card information.</summary>
    public PaymentCard? Card { get; init; }

    /// <summary>BG-19 Direct debit.</summary>
    public DirectDebit? DirectDebit { get; init; }

    /// <summary>Where the payment means element was read.</summary>
    public SourceLocation Location { get; init; }
}

/// <summary>BG-17 Credit transfer.</summary>
/// <param name="AccountId">BT-84 Payment account identifier (IBAN).</param>
/// <param name="AccountName">BT-85 Payment account name.</param>
/// <param name="ServiceProviderId">BT-86 Payment service provider identifier (BIC).</param>
public sealed record CreditTransfer(string? AccountId, string? AccountName, string? ServiceProviderId);

/// <summary>BG-18 Payment card information.</summary>
/// <param name="PrimaryAccountNumber">BT-87 Payment card primary account number (at most the last 4-6 digits).</param>
/// <param name="HolderName">BT-88 Payment card holder name.</param>
public sealed record PaymentCard(string? PrimaryAccountNumber, string? HolderName);

/// <summary>BG-19 Direct debit.</summary>
/// <param name="MandateReference">BT-89 Mandate reference identifier.</param>
/// <param name="CreditorId">BT-90 Bank assigned creditor identifier.</param>
/// <param name="DebitedAccountId">BT-91 Debited account identifier.</param>
public sealed record DirectDebit(string? MandateReference, string? CreditorId, string? DebitedAccountId);

/// <summary>BG-22 Document totals.</summary>
public sealed record DocumentTotals
{
    /// <summary>BT-106 Sum of Invoice line net amount.</summary>
    public Amount? LineTotal { get; init; }

    /// <summary>BT-107 Sum of allowances on document level.</summary>
    public Amount? AllowanceTotal { get; init; }

    /// <summary>BT-108 Sum of charges on document level.</summary>
    public Amount? ChargeTotal { get; init; }

    /// <summary>BT-109 Invoice total amount without VAT.</summary>
    public Amount? TaxExclusiveAmount { get; init; }

    /// <summary>BT-110 Invoice total VAT amount (in the invoice currency BT-5).</summary>
    public Amount? VatTotal { get; init; }

    /// <summary>BT-111 Invoice total VAT amount in accounting currency (BT-6).</summary>
    public Amount? VatTotalInAccountingCurrency { get; init; }

    /// <summary>BT-112 Invoice total amount with VAT.</summary>
    public Amount? TaxInclusiveAmount { get; init; }

    /// <summary>BT-113 Paid amount.</summary>
    public Amount? PrepaidAmount { get; init; }

    /// <summary>BT-114 Rounding amount.</summary>
    public Amount? RoundingAmount { get; init; }

    /// <summary>BT-115 Amount due for payment.</summary>
    public Amount? AmountDue { get; init; }

    /// <summary>Where the totals element was read.</summary>
    public SourceLocation Location { get; init; }
}

/// <summary>BG-24 Additional supporting document.</summary>
public sealed record SupportingDocument
{
    /// <summary>BT-122 Supporting document reference.</summary>
    public string? Reference { get; init; }

    /// <summary>BT-123 Supporting document description.</summary>
    public string? Description { get; init; }

    /// <summary>BT-124 External document location (URL).</summary>
    public string? ExternalLocation { get; init; }

    /// <summary>BT-125 Attached document (embedded binary object), with its MIME code BT-125-1 and file name BT-125-2.</summary>
    public BinaryObject? Attachment { get; init; }

    /// <summary>Where the document reference element was read.</summary>
    public SourceLocation Location { get; init; }
}
