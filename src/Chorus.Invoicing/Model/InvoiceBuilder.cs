namespace Chorus.Invoicing.Model;

/// <summary>
/// Builds an <see cref="Invoice"/> from host code (an ERP filling an invoice). It computes nothing behind your back:
/// <see cref="ComputeTotals"/> fills, on request, exactly what EN 16931 defines as derived (BT-106…BT-112, BT-115 and
/// the VAT breakdown BG-23, with BR-CO-10…BR-CO-17 arithmetic and amounts rounded to 2 decimals).
/// </summary>
/// <example>
/// <code>
/// var invoice = new InvoiceBuilder("F-2026-001", new DateTime(2026, 1, 15))
///     .Seller(new Party { Name = "Fournisseur SA", VatId = "FR44732829320" })
///     .Buyer(new Party { Name = "Ministère" })
///     .AddLine("1", "Conseil", 2m, UnitCode.Hour, 450m, VatCategoryCode.Standard, 20m)
///     .ComputeTotals()
///     .Build();
/// </code>
/// </example>
public sealed class InvoiceBuilder
{
    private Invoice _invoice;
    private readonly List<InvoiceLine> _lines = [];
    private readonly List<AllowanceCharge> _allowancesCharges = [];
    private readonly List<Note> _notes = [];
    private bool _computeTotals;

    /// <summary>Starts an invoice (type 380, currency EUR) with its number BT-1 and issue date BT-2.</summary>
    public InvoiceBuilder(string number, DateTime issueDate)
    {
        _invoice = new Invoice
        {
            Number = number,
            IssueDate = new DateValue(issueDate),
            TypeCode = DocumentTypeCode.CommercialInvoice,
            CurrencyCode = Model.CurrencyCode.Euro,
            SpecificationIdentifier = "urn:cen.eu:en16931:2017",
        };
    }

    /// <summary>Starts from an existing invoice (e.g. to resend it with a corrected code service).</summary>
    public InvoiceBuilder(Invoice invoice)
    {
        _invoice = invoice;
        _lines.AddRange(invoice.Lines);
        _allowancesCharges.AddRange(invoice.AllowancesCharges);
        _notes.AddRange(invoice.Notes);
    }

    /// <summary>BT-3 type code; a credit-note code makes a credit note (UBL <c>CreditNote</c>).</summary>
    public InvoiceBuilder TypeCode(DocumentTypeCode code) => Set(_invoice with
    {
        TypeCode = code,
        DocumentType = code.IsCreditNote ? InvoiceDocumentType.CreditNote : InvoiceDocumentType.Invoice,
    });

    /// <summary>BT-5 invoice currency.</summary>
    public InvoiceBuilder Currency(string code) => Set(_invoice with { CurrencyCode = new CurrencyCode(code) });

    /// <summary>BT-9 payment due date.</summary>
    public InvoiceBuilder DueDate(DateTime date) => Set(_invoice with { DueDate = new DateValue(date) });

    /// <summary>BT-10 buyer reference (Chorus Pro code service).</summary>
    public InvoiceBuilder BuyerReference(string value) => Set(_invoice with { BuyerReference = value });

    /// <summary>BT-13 purchase order reference (Chorus Pro engagement number).</summary>
    public InvoiceBuilder PurchaseOrderReference(string value) => Set(_invoice with { PurchaseOrderReference = value });

    /// <summary>BT-24 specification identifier (default <c>urn:cen.eu:en16931:2017</c>).</summary>
    public InvoiceBuilder Specification(string value) => Set(_invoice with { SpecificationIdentifier = value });

    /// <summary>BT-20 payment terms.</summary>
    public InvoiceBuilder PaymentTerms(string value) => Set(_invoice with { PaymentTerms = value });

    /// <summary>BG-1 adds a note.</summary>
    public InvoiceBuilder AddNote(string text, string? subjectCode = null)
    {
        _notes.Add(new Note(subjectCode, text));
        return this;
    }

    /// <summary>BG-4 seller.</summary>
    public InvoiceBuilder Seller(Party party) => Set(_invoice with { Seller = party });

    /// <summary>BG-7 buyer.</summary>
    public InvoiceBuilder Buyer(Party party) => Set(_invoice with { Buyer = party });

    /// <summary>BG-10 payee.</summary>
    public InvoiceBuilder Payee(Party party) => Set(_invoice with { Payee = party });

    /// <summary>BG-13 delivery.</summary>
    public InvoiceBuilder Delivery(Delivery delivery) => Set(_invoice with { Delivery = delivery });

    /// <summary>BG-16 payment instructions.</summary>
    public InvoiceBuilder PaymentInstructions(PaymentInstructions instructions) => Set(_invoice with { PaymentInstructions = instructions });

    /// <summary>Any other term: <c>b.With(i =&gt; i with { ContractReference = "C-12" })</c>.</summary>
    public InvoiceBuilder With(Func<Invoice, Invoice> change) => Set(change(_invoice));

    /// <summary>BG-25 adds a line as given.</summary>
    public InvoiceBuilder AddLine(InvoiceLine line)
    {
        _lines.Add(line);
        return this;
    }

    /// <summary>
    /// BG-25 adds a simple line: the net amount BT-131 is quantity × net price, rounded to 2 decimals (the line's own
    /// arithmetic, stated here because the caller asked for this shortcut).
    /// </summary>
    public InvoiceBuilder AddLine(string id, string itemName, decimal quantity, UnitCode unit, decimal netPrice, VatCategoryCode vatCategory, decimal? vatRate) =>
        AddLine(new InvoiceLine
        {
            Id = id,
            Quantity = new Quantity(quantity, unit),
            NetAmount = new Amount(InvoiceTotals.Round(quantity * netPrice)),
            Price = new Price { NetPrice = new Amount(netPrice) },
            VatCategory = vatCategory,
            VatRate = vatRate is null ? null : new Percentage(vatRate.Value),
            Item = new Item { Name = itemName },
        });

    /// <summary>BG-20 adds a document level allowance.</summary>
    public InvoiceBuilder AddAllowance(decimal amount, VatCategoryCode vatCategory, decimal? vatRate, string? reason = null, string? reasonCode = null) =>
        AddAllowanceCharge(false, amount, vatCategory, vatRate, reason, reasonCode);

    /// <summary>BG-21 adds a document level charge.</summary>
    public InvoiceBuilder AddCharge(decimal amount, VatCategoryCode vatCategory, decimal? vatRate, string? reason = null, string? reasonCode = null) =>
        AddAllowanceCharge(true, amount, vatCategory, vatRate, reason, reasonCode);

    /// <summary>Asks <see cref="Build"/> to compute the EN 16931 derived totals and the VAT breakdown.</summary>
    public InvoiceBuilder ComputeTotals()
    {
        _computeTotals = true;
        return this;
    }

    /// <summary>The immutable invoice.</summary>
    public Invoice Build()
    {
        var invoice = _invoice with
        {
            Lines = EquatableArray<InvoiceLine>.From(_lines),
            AllowancesCharges = EquatableArray<AllowanceCharge>.From(_allowancesCharges),
            Notes = EquatableArray<Note>.From(_notes),
        };
        return _computeTotals ? InvoiceTotals.Compute(invoice) : invoice;
    }

    private InvoiceBuilder AddAllowanceCharge(bool isCharge, decimal amount, VatCategoryCode vatCategory, decimal? vatRate, string? reason, string? reasonCode)
    {
        _allowancesCharges.Add(new AllowanceCharge
        {
            IsCharge = isCharge,
            Amount = new Amount(amount),
            VatCategory = vatCategory,
            VatRate = vatRate is null ? null : new Percentage(vatRate.Value),
            Reason = reason,
            ReasonCode = reasonCode,
        });
        return this;
    }

    private InvoiceBuilder Set(Invoice invoice)
    {
        _invoice = invoice;
        return this;
    }
}

/// <summary>The EN 16931 derived totals (BG-22) and VAT breakdown (BG-23).</summary>
public static class InvoiceTotals
{
    /// <summary>
    /// Returns the invoice with BT-106…BT-110, BT-112, BT-115 and BG-23 computed from the lines and document level
    /// allowances and charges (BR-CO-10…BR-CO-17; VAT per category and rate, rounded to 2 decimals). Keeps BT-113
    /// (paid) and BT-114 (rounding) as given, and the exemption reasons of existing breakdowns of the same category.
    /// </summary>
    public static Invoice Compute(Invoice invoice)
    {
        decimal Sum(IEnumerable<Amount?> amounts) => amounts.Sum(a => a?.Value ?? 0m);
        var lineTotal = Sum(invoice.Lines.Select(l => l.NetAmount));
        var allowances = Sum(invoice.Allowances.Select(a => a.Amount));
        var charges = Sum(invoice.Charges.Select(a => a.Amount));
        var taxExclusive = lineTotal - allowances + charges;

        var groups = new Dictionary<(string Category, decimal Rate), decimal>();
        void Add(VatCategoryCode? category, Percentage? rate, decimal amount)
        {
            var key = (category?.Value ?? "", rate?.Value ?? 0m);
            groups[key] = (groups.TryGetValue(key, out var v) ? v : 0m) + amount;
        }

        foreach (var line in invoice.Lines)
        {
            Add(line.VatCategory, line.VatRate, line.NetAmount?.Value ?? 0m);
        }

        foreach (var ac in invoice.AllowancesCharges)
        {
            Add(ac.VatCategory, ac.VatRate, (ac.IsCharge ? 1 : -1) * (ac.Amount?.Value ?? 0m));
        }

        var breakdowns = new List<VatBreakdown>();
        foreach (var g in groups)
        {
            var taxable = Round(g.Value);
            var tax = Round(taxable * g.Key.Rate / 100m);
            var existing = invoice.VatBreakdowns.FirstOrDefault(b => b.Category?.Value == g.Key.Category);
            breakdowns.Add(new VatBreakdown
            {
                TaxableAmount = new Amount(taxable),
                TaxAmount = new Amount(tax),
                Category = new VatCategoryCode(g.Key.Category),
                Rate = new Percentage(g.Key.Rate),
                ExemptionReason = existing?.ExemptionReason,
                ExemptionReasonCode = existing?.ExemptionReasonCode,
            });
        }

        var vat = breakdowns.Sum(b => b.TaxAmount!.Value.Value!.Value);
        var totals = invoice.Totals ?? new DocumentTotals();
        var paid = totals.PrepaidAmount?.Value ?? 0m;
        var rounding = totals.RoundingAmount?.Value ?? 0m;
        var currency = invoice.CurrencyCode?.Value;
        return invoice with
        {
            VatBreakdowns = EquatableArray<VatBreakdown>.From(breakdowns),
            Totals = totals with
            {
                LineTotal = new Amount(Round(lineTotal)),
                AllowanceTotal = invoice.Allowances.Any() ? new Amount(Round(allowances)) : null,
                ChargeTotal = invoice.Charges.Any() ? new Amount(Round(charges)) : null,
                TaxExclusiveAmount = new Amount(Round(taxExclusive)),
                VatTotal = new Amount(Round(vat), currency),
                TaxInclusiveAmount = new Amount(Round(taxExclusive + vat)),
                AmountDue = new Amount(Round(taxExclusive + vat - paid + rounding)),
            },
        };
    }

    // Rounded half away from zero to 2 decimals, and written with 2 decimals (adding 0.00m sets the scale to 2).
    internal static decimal Round(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero) + 0.00m;
}
