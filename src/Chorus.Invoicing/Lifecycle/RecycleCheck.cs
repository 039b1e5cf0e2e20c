using System.Globalization;
using Chorus.Invoicing.Model;

namespace Chorus.Invoicing.Lifecycle;

/// <summary>One difference between the invoice as sent and as resent.</summary>
/// <param name="Field">The business term or group, e.g. <c>BT-13</c>, or <c>BG-25[2]</c> for the second invoice line.</param>
/// <param name="Name">The English name of the term (e.g. "Purchase order reference").</param>
/// <param name="Before">The value as sent, or <see langword="null"/> when absent.</param>
/// <param name="After">The value as resent, or <see langword="null"/> when absent.</param>
/// <param name="Allowed">Whether recycling may change this term.</param>
public sealed record FieldChange(string Field, string Name, string? Before, string? After, bool Allowed);

/// <summary>The verdict of <see cref="RecycleCheck.Compare"/>: every changed term and whether each change is allowed.</summary>
/// <param name="Changes">Every difference, in the order of the EN 16931 model (BT-1 first).</param>
public sealed record RecycleCheckResult(IReadOnlyList<FieldChange> Changes)
{
    /// <summary>True when every change is allowed (and therefore the invoice number BT-1 is unchanged).</summary>
    public bool IsAllowed => Changes.All(c => c.Allowed);
}

/// <summary>
/// May an invoice be resent as the recycling of an invoice à recycler? Chorus Pro lets the supplier change only the
/// routing data: the recipient identifier (buyer identifiers BT-46, legal registration BT-47, electronic address BT-49),
/// the code service (BT-10 Buyer reference) and the engagement number (BT-13 Purchase order reference); the invoice
/// number BT-1 must stay the same (communaute.chorus-pro.gouv.fr, "Comment traiter une facture qui m'est renvoyée";
/// domain.md §4). Everything else the model holds is compared; source locations never count.
/// </summary>
public static class RecycleCheck
{
    private delegate IEnumerable<FieldChange> Comparer(Invoice sent, Invoice resent);

    // The one table of what is compared: (term, name, value, allowed) for single terms, per item for repeated groups.
    private static readonly Comparer[] Fields =
    [
        Term("BT-1", "Invoice number", i => i.Number),
        Term("BT-2", "Invoice issue date", i => i.IssueDate),
        Term("BT-3", "Invoice type code", i => i.TypeCode),
        Term("BT-5", "Invoice currency code", i => i.CurrencyCode),
        Term("BT-6", "VAT accounting currency code", i => i.VatAccountingCurrencyCode),
        Term("BT-7", "Value added tax point date", i => i.VatPointDate),
        Term("BT-8", "Value added tax point date code", i => i.VatPointDateCode),
        Term("BT-9", "Payment due date", i => i.DueDate),
        Term("BT-10", "Buyer reference (code service)", i => i.BuyerReference, allowed: true),
        Term("BT-11", "Project reference", i => i.ProjectReference),
        Term("BT-12", "Contract reference", i => i.ContractReference),
        Term("BT-13", "Purchase order reference (engagement number)", i => i.PurchaseOrderReference, allowed: true),
        Term("BT-14", "Sales order reference", i => i.SalesOrderReference),
        Term("BT-15", "Receiving advice reference", i => i.ReceivingAdviceReference),
        Term("BT-16", "Despatch advice reference", i => i.DespatchAdviceReference),
        Term("BT-17", "Tender or lot reference", i => i.TenderOrLotReference),
        Term("BT-18", "Invoiced object identifier", i => i.InvoicedObjectIdentifier),
        Term("BT-19", "Buyer accounting reference", i => i.BuyerAccountingReference),
        Term("BT-20", "Payment terms", i => i.PaymentTerms),
        Items("BG-1", "Invoice note", i => i.Notes, n => Join(n.SubjectCode is null ? null : $"[{n.SubjectCode}]", n.Text)),
        Term("BT-23", "Business process type", i => i.BusinessProcessType),
        Term("BT-24", "Specification identifier", i => i.SpecificationIdentifier),
        Items("BG-3", "Preceding invoice reference", i => i.PrecedingInvoices, p => Join(p.Number, Show(p.IssueDate))),

        Term("BT-27", "Seller name", i => i.Seller?.Name),
        Term("BT-28", "Seller trading name", i => i.Seller?.TradingName),
        Term("BT-29", "Seller identifier", i => List(i.Seller?.Identifiers)),
        Term("BT-30", "Seller legal registration identifier", i => i.Seller?.LegalRegistrationId),
        Term("BT-31", "Seller VAT identifier", i => i.Seller?.VatId),
        Term("BT-32", "Seller tax registration identifier", i => i.Seller?.TaxRegistrationId),
        Term("BT-33", "Seller additional legal information", i => i.Seller?.AdditionalLegalInformation),
        Term("BT-34", "Seller electronic address", i => i.Seller?.ElectronicAddress),
        Term("BG-5", "Seller postal address", i => i.Seller?.Address, Describe),
        Term("BG-6", "Seller contact", i => i.Seller?.Contact, Describe),

        Term("BT-44", "Buyer name", i => i.Buyer?.Name),
        Term("BT-45", "Buyer trading name", i => i.Buyer?.TradingName),
        Term("BT-46", "Buyer identifier (recipient SIRET)", i => List(i.Buyer?.Identifiers), allowed: true),
        Term("BT-47", "Buyer legal registration identifier", i => i.Buyer?.LegalRegistrationId, allowed: true),
        Term("BT-48", "Buyer VAT identifier", i => i.Buyer?.VatId),
        Term("BT-49", "Buyer electronic address (recipient identifier)", i => i.Buyer?.ElectronicAddress, allowed: true),
        Term("BG-8", "Buyer postal address", i => i.Buyer?.Address, Describe),
        Term("BG-9", "Buyer contact", i => i.Buyer?.Contact, Describe),

        Term("BG-10", "Payee", i => i.Payee, Describe),
        Term("BG-11", "Seller tax representative", i => i.SellerTaxRepresentative, Describe),
        Term("BG-13", "Delivery information", i => i.Delivery, d => Join(d.PartyName, Show(d.LocationId), Show(d.ActualDeliveryDate), Describe(d.Address))),
        Term("BG-14", "Invoicing period", i => i.InvoicingPeriod, Describe),
        Term("BG-16", "Payment instructions", i => i.PaymentInstructions, Describe),
        Items("BG-20/21", "Document allowance or charge", i => i.AllowancesCharges, Describe),

        Term("BT-106", "Sum of invoice line net amount", i => i.Totals?.LineTotal),
        Term("BT-107", "Sum of allowances on document level", i => i.Totals?.AllowanceTotal),
        Term("BT-108", "Sum of charges on document level", i => i.Totals?.ChargeTotal),
        Term("BT-109", "Invoice total amount without VAT", i => i.Totals?.TaxExclusiveAmount),
        Term("BT-110", "Invoice total VAT amount", i => i.Totals?.VatTotal),
        Term("BT-111", "Invoice total VAT amount in accounting currency", i => i.Totals?.VatTotalInAccountingCurrency),
        Term("BT-112", "Invoice total amount with VAT", i => i.Totals?.TaxInclusiveAmount),
        Term("BT-113", "Paid amount", i => i.Totals?.PrepaidAmount),
        Term("BT-114", "Rounding amount", i => i.Totals?.RoundingAmount),
        Term("BT-115", "Amount due for payment", i => i.Totals?.AmountDue),
        Items("BG-23", "VAT breakdown", i => i.VatBreakdowns, v => Join(Show(v.Category), Pct(v.Rate), Show(v.TaxableAmount), "→", Show(v.TaxAmount), v.ExemptionReasonCode, v.ExemptionReason)),
        Items("BG-24", "Additional supporting document", i => i.SupportingDocuments, d => Join(d.Reference, d.Description, d.ExternalLocation, d.Attachment?.ToString())),
        Items("BG-25", "Invoice line", i => i.Lines, Describe),
    ];

    /// <summary>Compares the invoice as <paramref name="sent"/> and as <paramref name="resent"/> and lists every changed term.</summary>
    public static RecycleCheckResult Compare(Invoice sent, Invoice resent)
    {
        (sent, resent) = (WithoutSyntaxDifferences(sent), WithoutSyntaxDifferences(resent));
        var changes = new List<FieldChange>();
        foreach (var field in Fields)
        {
            changes.AddRange(field(sent, resent));
        }

        return new RecycleCheckResult(changes);
    }

    // What differs only by syntax is made equal before comparing (sent as UBL, resent as Factur-X must not list every
    // amount as changed). UBL states currencyID on every amount, CII on none but BT-111: an amount in the invoice
    // currency BT-5 is the same amount whichever syntax wrote it, so the attribute is dropped where it repeats BT-5.
    private static Invoice WithoutSyntaxDifferences(Invoice invoice)
    {
        var currency = invoice.CurrencyCode?.Value;
        Amount? A(Amount? amount) => amount is { } a && (a.CurrencyId is null || a.CurrencyId == currency) ? a.WithCurrency(null) : amount;
        AllowanceCharge Ac(AllowanceCharge c) => c with { Amount = A(c.Amount), BaseAmount = A(c.BaseAmount) };
        return invoice with
        {
            // BT-8: UBL states UNTDID 2005 (3, 35, 432), CII UNTDID 2475 (5, 29, 72) for the same three meanings.
            VatPointDateCode = invoice.VatPointDateCode switch { "5" => "3", "29" => "35", "72" => "432", var code => code },
            AllowancesCharges = invoice.AllowancesCharges.Select(Ac).ToEquatableArray(),
            VatBreakdowns = invoice.VatBreakdowns.Select(v => v with { TaxableAmount = A(v.TaxableAmount), TaxAmount = A(v.TaxAmount) }).ToEquatableArray(),
            Totals = invoice.Totals is not { } t ? null : t with
            {
                LineTotal = A(t.LineTotal),
                AllowanceTotal = A(t.AllowanceTotal),
                ChargeTotal = A(t.ChargeTotal),
                TaxExclusiveAmount = A(t.TaxExclusiveAmount),
                VatTotal = A(t.VatTotal),
                TaxInclusiveAmount = A(t.TaxInclusiveAmount),
                PrepaidAmount = A(t.PrepaidAmount),
                RoundingAmount = A(t.RoundingAmount),
                AmountDue = A(t.AmountDue),
            },
            Lines = invoice.Lines.Select(l => l with
            {
                NetAmount = A(l.NetAmount),
                Price = l.Price is not { } p ? null : p with { NetPrice = A(p.NetPrice), Discount = A(p.Discount), GrossPrice = A(p.GrossPrice) },
                AllowancesCharges = l.AllowancesCharges.Select(Ac).ToEquatableArray(),
            }).ToEquatableArray(),
        };
    }

    private static Comparer Term<T>(string id, string name, Func<Invoice, T?> get, Func<T, string?>? show = null, bool allowed = false)
    {
        return (a, b) =>
        {
            var (x, y) = (get(a), get(b));
            if (EqualityComparer<T?>.Default.Equals(x, y))
            {
                return [];
            }

            var (before, after) = (x is null ? null : show is null ? Show(x) : show(x), y is null ? null : show is null ? Show(y) : show(y));
            return [new FieldChange(id, name, before, Distinguish(before, after), allowed)];
        };
    }

    private static Comparer Items<T>(string id, string name, Func<Invoice, EquatableArray<T>> get, Func<T, string?> show)
    {
        return (a, b) =>
        {
            var (x, y) = (get(a), get(b));
            var changes = new List<FieldChange>();
            for (var n = 0; n < Math.Max(x.Count, y.Count); n++)
            {
                if (n < x.Count && n < y.Count && EqualityComparer<T>.Default.Equals(x[n], y[n]))
                {
                    continue;
                }

                var beforeText = n < x.Count ? show(x[n]) : null;
                var afterText = n < y.Count ? show(y[n]) : null;
                changes.Add(new FieldChange($"{id}[{(n + 1).ToString(CultureInfo.InvariantCulture)}]", name, beforeText, Distinguish(beforeText, afterText), false));
            }

            return changes;
        };
    }

    // Two different values whose summaries print the same (a detail the summary leaves out) must not look unchanged.
    private static string? Distinguish(string? before, string? after) =>
        after is not null && string.Equals(before, after, StringComparison.Ordinal) ? after + " (other details differ)" : after;

    private static string? Show(object? value) => value switch
    {
        null => null,
        DateValue d => d.ToIsoString(),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static string? Pct(Percentage? rate) => rate is { } r ? r + " %" : null;

    private static string? List(EquatableArray<Identifier>? ids) => ids is { Count: > 0 } a ? string.Join(", ", a.Select(i => i.ToString())) : null;

    private static string? Join(params string?[] parts)
    {
        var text = string.Join(" ", parts.Where(p => !string.IsNullOrEmpty(p)));
        return text.Length == 0 ? null : text;
    }

    private static string? Describe(Address? a) => a is null ? null : Join(a.Line1, a.Line2, a.Line3, a.PostCode, a.City, a.CountrySubdivision, a.CountryCode);

    private static string? Describe(Contact c) => Join(c.Name, c.Telephone, c.Email);

    private static string? Describe(Party p) => Join(p.Name, p.TradingName, List(p.Identifiers), Show(p.LegalRegistrationId), p.VatId, Describe(p.Address));

    private static string? Describe(Period p) => Join(Show(p.Start), "–", Show(p.End));

    private static string? Describe(PaymentInstructions p) => Join(
        p.MeansCode, p.MeansText, p.RemittanceInformation,
        string.Join(", ", p.CreditTransfers.Select(t => Join(t.AccountId, t.AccountName, t.ServiceProviderId))),
        p.Card is null ? null : Join("card", p.Card.PrimaryAccountNumber, p.Card.HolderName),
        p.DirectDebit is null ? null : Join("direct debit", p.DirectDebit.MandateReference, p.DirectDebit.CreditorId, p.DirectDebit.DebitedAccountId));

    private static string? Describe(AllowanceCharge c) => Join(
        c.IsCharge ? "charge" : "allowance", Show(c.Amount), Show(c.BaseAmount), Pct(c.Percentage), Show(c.VatCategory), Pct(c.VatRate), c.ReasonCode, c.Reason);

    private static string? Describe(InvoiceLine l) => Join(
        l.Id, l.Item?.Name, Show(l.Quantity), "×", Show(l.Price?.NetPrice),
        l.Price?.GrossPrice is { } gross ? $"(gross {Show(gross)}, discount {Show(l.Price.Discount) ?? "none"}{(l.Price.BaseQuantity is { } bq ? ", per " + Show(bq) : "")})" : null,
        "=", Show(l.NetAmount), Show(l.VatCategory), Pct(l.VatRate),
        l.Period is null ? null : Describe(l.Period), l.Note, l.AllowancesCharges.Count == 0 ? null : $"{l.AllowancesCharges.Count} allowance(s)/charge(s)");
}
