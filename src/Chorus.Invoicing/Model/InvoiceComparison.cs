using System.Globalization;

namespace Chorus.Invoicing.Model;

/// <summary>
/// Field-by-field comparison of two invoices through the model, named by EN 16931 business term: what a recycle check
/// ("only BT-10, BT-13 and the buyer identifiers may change") or an audit diff needs. Locations are ignored.
/// </summary>
public static class InvoiceComparison
{
    private static readonly (string Term, string Name, Func<Invoice, object?> Get)[] Terms =
    [
        ("BT-1", "Invoice number", i => i.Number),
        ("BT-2", "Invoice issue date", i => i.IssueDate),
        ("BT-3", "Invoice type code", i => i.TypeCode),
        ("BT-5", "Invoice currency code", i => i.CurrencyCode),
        ("BT-6", "VAT accounting currency code", i => i.VatAccountingCurrencyCode),
        ("BT-7", "VAT point date", i => i.VatPointDate),
        ("BT-8", "VAT point date code", i => i.VatPointDateCode),
        ("BT-9", "Payment due date", i => i.DueDate),
        ("BT-10", "Buyer reference", i => i.BuyerReference),
        ("BT-11", "Project reference", i => i.ProjectReference),
        ("BT-12", "Contract reference", i => i.ContractReference),
        ("BT-13", "Purchase order reference", i => i.PurchaseOrderReference),
        ("BT-14", "Sales order reference", i => i.SalesOrderReference),
        ("BT-15", "Receiving advice reference", i => i.ReceivingAdviceReference),
        ("BT-16", "Despatch advice reference", i => i.DespatchAdviceReference),
        ("BT-17", "Tender or lot reference", i => i.TenderOrLotReference),
        ("BT-18", "Invoiced object identifier", i => i.InvoicedObjectIdentifier),
        ("BT-19", "Buyer accounting reference", i => i.BuyerAccountingReference),
        ("BT-20", "Payment terms", i => i.PaymentTerms),
        ("BG-1", "Invoice notes", i => i.Notes),
        ("BT-23", "Business process type", i => i.BusinessProcessType),
        ("BT-24", "Specification identifier", i => i.SpecificationIdentifier),
        ("BG-3", "Preceding invoice references", i => i.PrecedingInvoices),
        ("BT-27", "Seller name", i => i.Seller?.Name),
        ("BT-28", "Seller trading name", i => i.Seller?.TradingName),
        ("BT-29", "Seller identifiers", i => i.Seller?.Identifiers),
        ("BT-30", "Seller legal registration identifier", i => i.Seller?.LegalRegistrationId),
        ("BT-31", "Seller VAT identifier", i => i.Seller?.VatId),
        ("BT-32", "Seller tax registration identifier", i => i.Seller?.TaxRegistrationId),
        ("BT-33", "Seller additional legal information", i => i.Seller?.AdditionalLegalInformation),
        ("BT-34", "Seller electronic address", i => i.Seller?.ElectronicAddress),
        ("BG-5", "Seller postal address", i => i.Seller?.Address),
        ("BG-6", "Seller contact", i => i.Seller?.Contact),
        ("BT-44", "Buyer name", i => i.Buyer?.Name),
        ("BT-45", "Buyer trading name", i => i.Buyer?.TradingName),
        ("BT-46", "Buyer identifiers", i => i.Buyer?.Identifiers),
        ("BT-47", "Buyer legal registration identifier", i => i.Buyer?.LegalRegistrationId),
        ("BT-48", "Buyer VAT identifier", i => i.Buyer?.VatId),
        ("BT-49", "Buyer electronic address", i => i.Buyer?.ElectronicAddress),
        ("BG-8", "Buyer postal address", i => i.Buyer?.Address),
        ("BG-9", "Buyer contact", i => i.Buyer?.Contact),
        ("BG-10", "Payee", i => i.Payee),
        ("BG-11", "Seller tax representative", i => i.SellerTaxRepresentative),
        ("BG-13", "Delivery information", i => i.Delivery),
        ("BG-14", "Invoicing period", i => i.InvoicingPeriod),
        ("BG-16", "Payment instructions", i => i.PaymentInstructions),
        ("BG-20/BG-21", "Document level allowances and charges", i => i.AllowancesCharges),
        ("BT-106", "Sum of invoice line net amount", i => i.Totals?.LineTotal),
        ("BT-107", "Sum of allowances on document level", i => i.Totals?.AllowanceTotal),
        ("BT-108", "Sum of charges on document level", i => i.Totals?.ChargeTotal),
        ("BT-109", "Invoice total amount without VAT", i => i.Totals?.TaxExclusiveAmount),
        ("BT-110", "Invoice total VAT amount", i => i.Totals?.VatTotal),
        ("BT-111", "Invoice total VAT amount in accounting currency", i => i.Totals?.VatTotalInAccountingCurrency),
        ("BT-112", "Invoice total amount with VAT", i => i.Totals?.TaxInclusiveAmount),
        ("BT-113", "Paid amount", i => i.Totals?.PrepaidAmount),
        ("BT-114", "Rounding amount", i => i.Totals?.RoundingAmount),
        ("BT-115", "Amount due for payment", i => i.Totals?.AmountDue),
        ("BG-23", "VAT breakdown", i => i.VatBreakdowns),
        ("BG-24", "Additional supporting documents", i => i.SupportingDocuments),
        ("BG-25", "Invoice lines", i => i.Lines),
    ];

    /// <summary>
    /// Every business term (or group, for repeatable groups and whole parties such as BG-10) whose value differs, in
    /// EN 16931 order. Amounts compare by value (<c>100.0</c> equals <c>100.00</c>) whatever their <c>currencyID</c> attribute, so a UBL invoice and its CII version compare equal.
    /// </summary>
    public static IReadOnlyList<InvoiceDifference> Compare(Invoice before, Invoice after)
    {
        // currencyID attributes are syntax (every UBL amount has one, CII amounts none): compare values only.
        // BT-8 is stated in UNTDID 2005 in UBL and 2475 in CII: compare in 2005.
        before = AmountRewriter.Rewrite(before, a => a.WithCurrency(null)) with { VatPointDateCode = VatPointDateCode2005(before.VatPointDateCode) };
        after = AmountRewriter.Rewrite(after, a => a.WithCurrency(null)) with { VatPointDateCode = VatPointDateCode2005(after.VatPointDateCode) };
        var differences = new List<InvoiceDifference>();
        if (before.DocumentType != after.DocumentType)
        {
            differences.Add(new InvoiceDifference("Document type", "Invoice or credit note", Describe(before.DocumentType), Describe(after.DocumentType)));
        }

        foreach (var (term, name, get) in Terms)
        {
            var a = get(before);
            var b = get(after);
            if (!Equals(a, b))
            {
                differences.Add(new InvoiceDifference(term, name, Describe(a), Describe(b)));
            }
        }

        return differences;
    }

    private static string? VatPointDateCode2005(string? code) => code switch
    {
        "5" => "3",
        "29" => "35",
        "72" => "432",
        _ => code,
    };

    private static string? Describe(object? value) => value switch
    {
        null => null,
        Amount a => a.Text,
        DateValue d => d.ToIsoString(),
        EquatableArray<Identifier> ids => string.Join(", ", ids.Select(i => i.ToString())),
        System.Collections.ICollection { Count: var n } => n.ToString(CultureInfo.InvariantCulture) + " item(s)",
        System.Collections.IEnumerable e and not string => e.Cast<object>().Count().ToString(CultureInfo.InvariantCulture) + " item(s)",
        _ => value.ToString(),
    };
}

/// <summary>One business term whose value differs between two invoices.</summary>
/// <param name="Term">The EN 16931 identifier, e.g. <c>BT-13</c> (or a group, e.g. <c>BG-25</c>).</param>
/// <param name="Name">The term's name, e.g. <c>Purchase order reference</c>.</param>
/// <param name="Before">The first invoice's value as text (null when absent); a group shows its item count.</param>
/// <param name="After">The second invoice's value as text (null when absent).</param>
public sealed record InvoiceDifference(string Term, string Name, string? Before, string? After);
