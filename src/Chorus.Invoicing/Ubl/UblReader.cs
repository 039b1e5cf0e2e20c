using Chorus.Invoicing.Model;
using Chorus.Invoicing.Xml;

namespace Chorus.Invoicing.Ubl;

/// <summary>
/// Reads UBL 2.1 <c>Invoice</c> and <c>CreditNote</c> into the model: recursive descent on local names, one pass,
/// unknown elements skipped (depth-limited). UBL conventions mapped here: a note <c>#AAI#text</c> carries its subject
/// code BT-21; a party identifier with scheme <c>SEPA</c> is the creditor identifier BT-90; document references with
/// type code 130 are BT-18 (and BT-128 on lines), with type code 50 on a credit note BT-11.
/// </summary>
internal static partial class UblReader
{
    private sealed class State
    {
        public RawText CurrencyText;
        public string? Number, TypeCode, Currency, TaxCurrency, VatPointDateCode, BuyerReference, ProjectReference;
        public string? ContractReference, PurchaseOrderReference, SalesOrderReference, ReceivingAdviceReference;
        public string? DespatchAdviceReference, TenderOrLotReference, AccountingCost, PaymentTerms, Bt23, Bt24, CreditorId;
        public DateValue? IssueDate, DueDate, VatPointDate;
        public Identifier? InvoicedObject;
        public Party? Seller, Buyer, Payee, TaxRepresentative;
        public SourceLocation SupplierPartyLocation;
        public Delivery? Delivery;
        public Period? Period;
        public PaymentInstructions? Payment;
        public DocumentTotals? Totals;
        public Amount? VatTotal, VatTotalAccounting;
        public List<Note>? Notes;
        public List<PrecedingInvoiceReference>? Preceding;
        public List<AllowanceCharge>? AllowancesCharges;
        public List<VatBreakdown>? VatBreakdowns;
        public List<SupportingDocument>? Documents;
        public List<InvoiceLine>? Lines;
    }

    public static Invoice Read(XmlCursor c, InvoiceDocumentType type)
    {
        var location = c.Here();
        var s = new State();
        if (c.BeginChildren())
        {
            while (c.NextChild())
            {
                ReadRootChild(c, s, type);
            }
        }

        var totals = s.Totals;
        if (s.VatTotal is not null || s.VatTotalAccounting is not null)
        {
            totals = (totals ?? new DocumentTotals()) with { VatTotal = s.VatTotal, VatTotalInAccountingCurrency = s.VatTotalAccounting };
        }

        var payment = s.Payment;
        if (s.CreditorId is not null)
        {
            payment ??= new PaymentInstructions();
            payment = payment with { DirectDebit = (payment.DirectDebit ?? new DirectDebit(null, null, null)) with { CreditorId = s.CreditorId } };
        }

        return new Invoice
        {
            DocumentType = type,
            Number = s.Number,
            IssueDate = s.IssueDate,
            TypeCode = s.TypeCode is null ? null : new DocumentTypeCode(s.TypeCode),
            CurrencyCode = s.Currency is null ? null : new CurrencyCode(s.Currency),
            CurrencyCodeText = s.CurrencyText,
            VatAccountingCurrencyCode = s.TaxCurrency is null ? null : new CurrencyCode(s.TaxCurrency),
            VatPointDate = s.VatPointDate,
            VatPointDateCode = s.VatPointDateCode,
            DueDate = s.DueDate,
            BuyerReference = s.BuyerReference,
            ProjectReference = s.ProjectReference,
            ContractReference = s.ContractReference,
            PurchaseOrderReference = s.PurchaseOrderReference,
            SalesOrderReference = s.SalesOrderReference,
            ReceivingAdviceReference = s.ReceivingAdviceReference,
            DespatchAdviceReference = s.DespatchAdviceReference,
            TenderOrLotReference = s.TenderOrLotReference,
            InvoicedObjectIdentifier = s.InvoicedObject,
            BuyerAccountingReference = s.AccountingCost,
            PaymentTerms = s.PaymentTerms,
            Notes = EquatableArray<Note>.From(s.Notes),
            BusinessProcessType = s.Bt23,
            SpecificationIdentifier = s.Bt24,
            PrecedingInvoices = EquatableArray<PrecedingInvoiceReference>.From(s.Preceding),
            Seller = s.Seller,
            SupplierPartyLocation = s.SupplierPartyLocation,
            Buyer = s.Buyer,
            Payee = s.Payee,
            SellerTaxRepresentative = s.TaxRepresentative,
            Delivery = s.Delivery,
            InvoicingPeriod = s.Period,
            PaymentInstructions = payment,
            AllowancesCharges = EquatableArray<AllowanceCharge>.From(s.AllowancesCharges),
            Totals = totals,
            VatBreakdowns = EquatableArray<VatBreakdown>.From(s.VatBreakdowns),
            SupportingDocuments = EquatableArray<SupportingDocument>.From(s.Documents),
            Lines = EquatableArray<InvoiceLine>.From(s.Lines),
            Location = location,
        };
    }

    private static void ReadRootChild(XmlCursor c, State s, InvoiceDocumentType type)
    {
        switch (c.LocalName)
        {
            case "CustomizationID":
                c.Once(ref s.Bt24);
                break;
            case "ProfileID":
                c.Once(ref s.Bt23);
                break;
            case "ID":
                c.Once(ref s.Number);
                break;
            case "IssueDate":
                c.OnceDate(ref s.IssueDate);
                break;
            case "DueDate":
                c.OnceDate(ref s.DueDate);
                break;
            case "InvoiceTypeCode":
            case "CreditNoteTypeCode":
                c.Once(ref s.TypeCode);
                break;
            case "Note":
                (s.Notes ??= []).Add(ParseNote(c.ReadText()));
                break;
            case "TaxPointDate":
                c.OnceDate(ref s.VatPointDate);
                break;
            case "DocumentCurrencyCode":
                if (s.Currency is null)
                {
                    s.CurrencyText = new RawText(c.ReadText());
                    s.Currency = s.CurrencyText.Text!.Trim();
                    break;
                }

                c.Once(ref s.Currency);
                break;
            case "TaxCurrencyCode":
                c.Once(ref s.TaxCurrency);
                break;
            case "AccountingCost":
                c.Once(ref s.AccountingCost);
                break;
            case "BuyerReference":
                c.Once(ref s.BuyerReference);
                break;
            case "InvoicePeriod":
                if (c.First(s.Period is not null))
                {
                    // An InvoicePeriod holding only BT-8 (DescriptionCode) is not a BG-14.
                    var period = ReadPeriod(c, ref s.VatPointDateCode);
                    s.Period = period.Start is null && period.End is null ? null : period;
                }

                break;
            case "OrderReference":
                ReadOrderReference(c, s);
                break;
            case "BillingReference":
                ReadBillingReference(c, s);
                break;
            case "DespatchDocumentReference":
                ReadDocumentId(c, ref s.DespatchAdviceReference);
                break;
            case "ReceiptDocumentReference":
                ReadDocumentId(c, ref s.ReceivingAdviceReference);
                break;
            case "OriginatorDocumentReference":
                ReadDocumentId(c, ref s.TenderOrLotReference);
                break;
            case "ContractDocumentReference":
                ReadDocumentId(c, ref s.ContractReference);
                break;
            case "AdditionalDocumentReference":
                ReadAdditionalDocument(c, s, type);
                break;
            case "ProjectReference":
                ReadDocumentId(c, ref s.ProjectReference);
                break;
            case "AccountingSupplierParty":
                if (!s.SupplierPartyLocation.IsKnown)
                {
                    s.SupplierPartyLocation = c.Here();
                }

                if (c.First(s.Seller is not null))
                {
                    s.Seller = ReadPartyWrapper(c, s);
                }

                break;
            case "AccountingCustomerParty":
                if (c.First(s.Buyer is not null))
                {
                    s.Buyer = ReadPartyWrapper(c, s);
                }

                break;
            case "PayeeParty":
                if (c.First(s.Payee is not null))
                {
                    s.Payee = ReadParty(c, s, partyNameIsName: true);
                }

                break;
            case "TaxRepresentativeParty":
                if (c.First(s.TaxRepresentative is not null))
                {
                    s.TaxRepresentative = ReadParty(c, s, partyNameIsName: true);
                }

                break;
            case "Delivery":
                if (c.First(s.Delivery is not null))
                {
                    s.Delivery = ReadDelivery(c);
                }

                break;
            case "PaymentMeans":
                ReadPaymentMeans(c, s);
                break;
            case "PaymentTerms":
                ReadPaymentTerms(c, s);
                break;
            case "AllowanceCharge":
                (s.AllowancesCharges ??= []).Add(ReadAllowanceCharge(c));
                break;
            case "TaxTotal":
                ReadTaxTotal(c, s);
                break;
            case "LegalMonetaryTotal":
                if (c.First(s.Totals is not null))
                {
                    s.Totals = ReadTotals(c);
                }

                break;
            case "InvoiceLine":
            case "CreditNoteLine":
                (s.Lines ??= []).Add(ReadLine(c));
                break;
            default:
                c.Skip();
                break;
        }
    }

    // Peppol/XRechnung convention: "#AAI#text" carries the note subject code BT-21.
    internal static Note ParseNote(string text)
    {
        if (text.Length > 2 && text[0] == '#')
        {
            var end = text.IndexOf('#', 1);
            if (end > 1 && end <= 4)
            {
                return new Note(text.Substring(1, end - 1), text.Substring(end + 1));
            }
        }

        return new Note(null, text);
    }

    private static Period ReadPeriod(XmlCursor c, ref string? descriptionCode)
    {
        var location = c.Here();
        DateValue? start = null, end = null;
        if (c.BeginChildren())
        {
            while (c.NextChild())
            {
                switch (c.LocalName)
                {
                    case "StartDate":
                        c.OnceDate(ref start);
                        break;
                    case "EndDate":
                        c.OnceDate(ref end);
                        break;
                    case "DescriptionCode":
                        c.Once(ref descriptionCode);
                        break;
                    default:
                        c.Skip();
                        break;
                }
            }
        }

        return new Period { Start = start, End = end, Location = location };
    }

    private static void ReadOrderReference(XmlCursor c, State s)
    {
        if (!c.BeginChildren())
        {
            return;
        }

        while (c.NextChild())
        {
            switch (c.LocalName)
            {
                case "ID":
                    c.Once(ref s.PurchaseOrderReference);
                    break;
                case "SalesOrderID":
                    c.Once(ref s.SalesOrderReference);
                    break;
                default:
                    c.Skip();
                    break;
            }
        }
    }

    private static void ReadBillingReference(XmlCursor c, State s)
    {
        if (!c.BeginChildren())
        {
            return;
        }

        while (c.NextChild())
        {
            if (c.LocalName != "InvoiceDocumentReference")
            {
                c.Skip();
                continue;
            }

            string? id = null;
            DateValue? date = null;
            if (c.BeginChildren())
            {
                while (c.NextChild())
                {
                    switch (c.LocalName)
                    {
                        case "ID":
                            c.Once(ref id);
                            break;
                        case "IssueDate":
                            c.OnceDate(ref date);
                            break;
                        default:
                            c.Skip();
                            break;
                    }
                }
            }

            (s.Preceding ??= []).Add(new PrecedingInvoiceReference(id, date));
        }
    }

    // <X><cbc:ID>…</cbc:ID></X>: the first wins, repeats are recorded.
    private static void ReadDocumentId(XmlCursor c, ref string? field)
    {
        if (!c.First(field is not null))
        {
            return;
        }

        string? id = null;
        c.OnceChild("ID", ref id);

        field = id ?? string.Empty;
    }

    private static void ReadAdditionalDocument(XmlCursor c, State s, InvoiceDocumentType type)
    {
        var location = c.Here();
        Identifier? id = null;
        string? typeCode = null, description = null, uri = null;
        BinaryObject? attachment = null;
        if (c.BeginChildren())
        {
            while (c.NextChild())
            {
                switch (c.LocalName)
                {
                    case "ID":
                        c.Once(ref id);
                        break;
                    case "DocumentTypeCode":
                        c.Once(ref typeCode);
                        break;
                    case "DocumentDescription":
                        c.Once(ref description);
                        break;
                    case "Attachment":
                        if (c.BeginChildren())
                        {
                            while (c.NextChild())
                            {
                                switch (c.LocalName)
                                {
                                    case "EmbeddedDocumentBinaryObject":
                                        if (c.First(attachment is not null))
                                        {
                                            var mime = c.Attribute("mimeCode");
                                            var file = c.Attribute("filename");
                                            attachment = new BinaryObject(c.ReadBase64(), mime, file, owned: true);
                                        }

                                        break;
                                    case "ExternalReference":
                                        c.OnceChild("URI", ref uri);

                                        break;
                                    default:
                                        c.Skip();
                                        break;
                                }
                            }
                        }

                        break;
                    default:
                        c.Skip();
                        break;
                }
            }
        }

        if (typeCode == "130" && s.InvoicedObject is null)
        {
            s.InvoicedObject = id;
        }
        else if (typeCode == "50" && type == InvoiceDocumentType.CreditNote && s.ProjectReference is null)
        {
            s.ProjectReference = id?.Value;
        }
        else
        {
            (s.Documents ??= []).Add(new SupportingDocument
            {
                Reference = id?.Value,
                Description = description,
                ExternalLocation = uri,
                Attachment = attachment,
                Location = location,
            });
        }
    }
}
