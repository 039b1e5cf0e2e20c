using Chorus.Invoicing.Model;

namespace Chorus.Invoicing.Conversion;

/// <summary>
/// Converts invoices between UBL 2.1 and CII D16B through the EN 16931 model, losing nothing the target syntax can hold,
/// and listing as warnings what it cannot (e.g. a second preceding invoice reference in CII, BT-9 of a UBL 2.1 credit
/// note without payment means).
/// </summary>
public static class InvoiceConverter
{
    /// <summary>Reads <paramref name="input"/> (UBL, CII or ZUGFeRD 1.0) and writes it to <paramref name="output"/> in <paramref name="target"/>.</summary>
    /// <exception cref="InvoiceFormatException">The input is not a readable invoice.</exception>
    public static ConversionResult Convert(Stream input, InvoiceSyntax target, Stream output, InvoiceWriteOptions? options = null)
    {
        var document = InvoiceXml.Read(input);
        var result = Convert(document.Invoice, document.Syntax, target);
        InvoiceXml.Write(result.Invoice, target, output, options);
        return result with { SourceSyntax = document.Syntax };
    }

    /// <summary>
    /// The model as the target syntax will carry it (the one that reading the written file gives back), with warnings
    /// for what is dropped or changed. <paramref name="source"/> says where the invoice came from (for code mappings).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="target"/> is ZUGFeRD 1.0 (read only).</exception>
    public static ConversionResult Convert(Invoice invoice, InvoiceSyntax source, InvoiceSyntax target)
    {
        if (target == InvoiceSyntax.Zugferd1)
        {
            throw new ArgumentException("ZUGFeRD 1.0 is read only: convert to CII (Factur-X) instead", nameof(target));
        }

        var warnings = new List<ConversionWarning>();
        var fromUbl = source == InvoiceSyntax.Ubl;
        var toUbl = target == InvoiceSyntax.Ubl;
        if (fromUbl != toUbl)
        {
            invoice = invoice with { VatPointDateCode = MapVatPointDateCode(invoice.VatPointDateCode, toUbl, warnings) };
        }

        return toUbl ? ToUbl(invoice, source, warnings) : ToCii(invoice, warnings);
    }

    private static ConversionResult ToCii(Invoice invoice, List<ConversionWarning> warnings)
    {
        if (invoice.PrecedingInvoices.Count > 1)
        {
            warnings.Add(new("BG-3", $"CII D16B holds one preceding invoice reference: {invoice.PrecedingInvoices.Count - 1} dropped ({string.Join(", ", invoice.PrecedingInvoices.Skip(1).Select(p => p.Number))})"));
            invoice = invoice with { PrecedingInvoices = [invoice.PrecedingInvoices[0]] };
        }

        // CII lists party identifiers without a scheme (ram:ID) before those with one (ram:GlobalID).
        Party? Reorder(Party? p, string role)
        {
            if (p is null || p.Identifiers.Count < 2)
            {
                return p;
            }

            var ordered = p.Identifiers.Where(i => i.Scheme is null).Concat(p.Identifiers.Where(i => i.Scheme is not null)).ToEquatableArray();
            if (ordered == p.Identifiers)
            {
                return p;
            }

            warnings.Add(new(role, "CII writes identifiers without a scheme before those with one: their order changed"));
            return p with { Identifiers = ordered };
        }

        invoice = invoice with
        {
            Seller = Reorder(invoice.Seller, "BT-29"),
            Buyer = Reorder(invoice.Buyer, "BT-46"),
            Payee = Reorder(invoice.Payee, "BT-60"),
        };

        // A CII gross price (BT-148) must have an amount when a price discount (BT-147) is given: BT-148 = BT-146 + BT-147.
        if (invoice.Lines.Any(l => l.Price is { GrossPrice: null, Discount.Value: not null, NetPrice.Value: not null }))
        {
            warnings.Add(new("BT-148", "CII states a price discount on the gross price: gross prices derived as net price + discount where missing"));
            invoice = invoice with
            {
                Lines = invoice.Lines.Select(l => l.Price is { GrossPrice: null, Discount.Value: { } d, NetPrice: { Value: { } n } net }
                    ? l with { Price = l.Price with { GrossPrice = new Amount(n + d, net.CurrencyId) } }
                    : l).ToEquatableArray(),
            };
        }

        var currency = invoice.CurrencyCode?.Value;
        var foreign = 0;
        invoice = AmountRewriter.Rewrite(invoice, a =>
        {
            if (a.CurrencyId is not null && a.CurrencyId != currency)
            {
                foreign++;
            }

            return a.WithCurrency(null);
        });
        if (foreign > 0)
        {
            warnings.Add(new("BT-5", $"{foreign} amount(s) stated a currency other than the invoice currency {currency}: CII amounts carry no currency, so they now read as {currency}"));
        }

        if (invoice.Totals?.VatTotalInAccountingCurrency is { CurrencyId: null } bt111 && invoice.VatAccountingCurrencyCode is { } bt6)
        {
            invoice = invoice with { Totals = invoice.Totals with { VatTotalInAccountingCurrency = bt111.WithCurrency(bt6.Value) } };
        }

        return new ConversionResult(invoice, InvoiceSyntax.Cii, warnings);
    }

    private static ConversionResult ToUbl(Invoice invoice, InvoiceSyntax source, List<ConversionWarning> warnings)
    {
        var pay = invoice.PaymentInstructions;
        if (invoice.DocumentType == InvoiceDocumentType.CreditNote && invoice.DueDate is not null && pay is null)
        {
            warnings.Add(new("BT-9", "a UBL 2.1 credit note holds the payment due date in its payment means, and this one has none: due date dropped"));
            invoice = invoice with { DueDate = null };
        }

        if (invoice.SalesOrderReference is not null && invoice.PurchaseOrderReference is null)
        {
            warnings.Add(new("BT-13", "UBL needs an order reference ID beside the sales order reference: written as \"NA\""));
            invoice = invoice with { PurchaseOrderReference = "NA" };
        }

        if (pay is not null && pay.MeansCode is null && (pay.CreditTransfers.Count > 0 || pay.Card is not null || pay.RemittanceInformation is not null))
        {
            warnings.Add(new("BT-81", "UBL payment means need a payment means type code, and the source has none: the output is not schema-valid until one is given"));
        }

        if (invoice.Lines.Any(l => l.Price is { NetPrice: null }))
        {
            warnings.Add(new("BT-146", "UBL needs a net price where a line has price details: lines without one are written with an empty price amount"));
        }

        if (invoice.Lines.Count == 0)
        {
            warnings.Add(new("BG-25", "UBL requires at least one invoice line and the source has none (e.g. Factur-X MINIMUM): the output is not schema-valid"));
        }

        // UBL states a gross price (BT-148) through a price allowance whose amount (BT-147) is mandatory: 0 when none.
        invoice = invoice with
        {
            Lines = invoice.Lines.Select(l => l.Price is { GrossPrice: not null, Discount: null }
                ? l with { Price = l.Price with { Discount = Amount.FromText("0") } }
                : l).ToEquatableArray(),
        };

        // BT-21 travels in UBL as a "#code#" note prefix: only a code of 1 to 3 letters or digits can.
        if (invoice.Notes.Any(n => n.SubjectCode is { } code && !IsNoteSubject(code)))
        {
            warnings.Add(new("BT-21", "a note subject code that is not 1-3 letters or digits cannot be carried by UBL: kept in the note text"));
            invoice = invoice with
            {
                Notes = invoice.Notes.Select(n => n.SubjectCode is { } code && !IsNoteSubject(code) ? Ubl.UblReader.ParseNote(code + n.Text) : n).ToEquatableArray(),
            };
        }

        var currency = invoice.CurrencyCode?.Value;
        var accounting = invoice.VatAccountingCurrencyCode?.Value;
        var vatAccounting = invoice.Totals?.VatTotalInAccountingCurrency;
        invoice = AmountRewriter.Rewrite(invoice, a => a.CurrencyId is null ? a.WithCurrency(currency) : a);
        if (vatAccounting is { CurrencyId: null } && accounting is not null)
        {
            invoice = invoice with { Totals = invoice.Totals! with { VatTotalInAccountingCurrency = vatAccounting.Value.WithCurrency(accounting) } };
        }

        if (source == InvoiceSyntax.Zugferd1)
        {
            warnings.Add(new("BT-24", "converted from ZUGFeRD 1.0: the specification identifier is kept as stated"));
        }

        return new ConversionResult(invoice, InvoiceSyntax.Ubl, warnings);
    }

    private static bool IsNoteSubject(string code) => code.Length is >= 1 and <= 3 && code.All(char.IsLetterOrDigit);

    // BT-8: UBL uses UNTDID 2005 (3 invoice date, 35 delivery date, 432 paid-to date), CII UNTDID 2475 (5, 29, 72).
    private static string? MapVatPointDateCode(string? code, bool toUbl, List<ConversionWarning> warnings)
    {
        if (code is null)
        {
            return null;
        }

        var mapped = toUbl
            ? code switch { "5" => "3", "29" => "35", "72" => "432", _ => null }
            : code switch { "3" => "5", "35" => "29", "432" => "72", _ => null };
        if (mapped is null)
        {
            warnings.Add(new("BT-8", $"VAT point date code {code} has no equivalent in the target code list: kept as stated"));
            return code;
        }

        return mapped;
    }
}

/// <summary>What a conversion produced.</summary>
/// <param name="Invoice">The model as the target syntax carries it.</param>
/// <param name="TargetSyntax">The syntax written.</param>
/// <param name="Warnings">What the target could not carry, or carries differently.</param>
public sealed record ConversionResult(Invoice Invoice, InvoiceSyntax TargetSyntax, IReadOnlyList<ConversionWarning> Warnings)
{
    /// <summary>The syntax read, when the conversion started from XML.</summary>
    public InvoiceSyntax? SourceSyntax { get; init; }
}

/// <summary>Something the target syntax cannot carry, or carries differently.</summary>
/// <param name="BusinessTerm">The EN 16931 term or group concerned (e.g. <c>BG-3</c>).</param>
/// <param name="Message">What happened to it.</param>
public sealed record ConversionWarning(string BusinessTerm, string Message);
