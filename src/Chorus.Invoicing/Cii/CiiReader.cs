using Chorus.Invoicing.Model;
using Chorus.Invoicing.Xml;

namespace Chorus.Invoicing.Cii;

/// <summary>
/// Reads UN/CEFACT CII D16B (<c>rsm:CrossIndustryInvoice</c>, every Factur-X profile) and ZUGFeRD 1.0
/// (<c>rsm:CrossIndustryDocument</c>, whose element names differ in places: both spellings are accepted) into the model.
/// Recursive descent on local names, one pass; unknown elements are skipped (depth-limited).
/// </summary>
internal static partial class CiiReader
{
    public static Invoice Read(XmlCursor c)
    {
        var location = c.Here();
        string? bt23 = null, bt24 = null;
        Header header = default;
        var tx = new Transaction();
        if (c.BeginChildren())
        {
            while (c.NextChild())
            {
                switch (c.LocalName)
                {
                    case "ExchangedDocumentContext":
                    case "SpecifiedExchangedDocumentContext":
                        ReadContext(c, ref bt23, ref bt24);
                        break;
                    case "ExchangedDocument":
                    case "HeaderExchangedDocument":
                        header = ReadHeader(c);
                        break;
                    case "SupplyChainTradeTransaction":
                    case "SpecifiedSupplyChainTradeTransaction":
                        ReadTransaction(c, tx);
                        break;
                    default:
                        c.Skip();
                        break;
                }
            }
        }

        var typeCode = header.TypeCode is null ? (DocumentTypeCode?)null : new DocumentTypeCode(header.TypeCode);
        return new Invoice
        {
            DocumentType = typeCode?.IsCreditNote == true ? InvoiceDocumentType.CreditNote : InvoiceDocumentType.Invoice,
            Number = header.Number,
            IssueDate = header.IssueDate,
            TypeCode = typeCode,
            Notes = EquatableArray<Note>.From(header.Notes),
            BusinessProcessType = bt23,
            SpecificationIdentifier = bt24,
            CurrencyCode = tx.Currency is null ? null : new CurrencyCode(tx.Currency),
            CurrencyCodeText = tx.CurrencyText,
            VatAccountingCurrencyCode = tx.TaxCurrency is null ? null : new CurrencyCode(tx.TaxCurrency),
            VatPointDate = tx.VatPointDate,
            VatPointDateCode = tx.VatPointDateCode,
            DueDate = tx.DueDate,
            BuyerReference = tx.BuyerReference,
            ProjectReference = tx.ProjectReference,
            ContractReference = tx.ContractReference,
            PurchaseOrderReference = tx.PurchaseOrderReference,
            SalesOrderReference = tx.SalesOrderReference,
            ReceivingAdviceReference = tx.ReceivingAdviceReference,
            DespatchAdviceReference = tx.DespatchAdviceReference,
            TenderOrLotReference = tx.TenderOrLotReference,
            InvoicedObjectIdentifier = tx.InvoicedObject,
            BuyerAccountingReference = tx.BuyerAccountingReference,
            PaymentTerms = tx.PaymentTerms,
            PrecedingInvoices = EquatableArray<PrecedingInvoiceReference>.From(tx.Preceding),
            Seller = tx.Seller,
            Buyer = tx.Buyer,
            Payee = tx.Payee,
            SellerTaxRepresentative = tx.TaxRepresentative,
            Delivery = tx.Delivery,
            InvoicingPeriod = tx.Period,
            PaymentInstructions = tx.Payment(),
            AllowancesCharges = EquatableArray<AllowanceCharge>.From(tx.AllowancesCharges),
            Totals = tx.Totals,
            VatBreakdowns = EquatableArray<VatBreakdown>.From(tx.VatBreakdowns),
            SupportingDocuments = EquatableArray<SupportingDocument>.From(tx.Documents),
            Lines = EquatableArray<InvoiceLine>.From(tx.Lines),
            Location = location,
        };
    }

    private static void ReadContext(XmlCursor c, ref string? bt23, ref string? bt24)
    {
        if (!c.BeginChildren())
        {
            return;
        }

        while (c.NextChild())
        {
            switch (c.LocalName)
            {
                case "BusinessProcessSpecifiedDocumentContextParameter":
                    bt23 = ReadIdChild(c, bt23);
                    break;
                case "GuidelineSpecifiedDocumentContextParameter":
                    bt24 = ReadIdChild(c, bt24);
                    break;
                default:
                    c.Skip();
                    break;
            }
        }
    }

    // <X><ram:ID>value</ram:ID></X>: the first ID wins, repeats are recorded.
    private static string? ReadIdChild(XmlCursor c, string? current)
    {
        if (current is not null)
        {
            c.NoteRepeated();
            c.Skip();
            return current;
        }

        string? id = null;
        c.OnceChild("ID", ref id);

        return id;
    }

    // <X><ram:IssuerAssignedID>…</ram:IssuerAssignedID></X> (ZUGFeRD 1.0: <ram:ID>).
    private static void ReadReferencedDocumentId(XmlCursor c, ref string? field)
    {
        if (!c.First(field is not null))
        {
            return;
        }

        string? id = null;
        if (c.BeginChildren())
        {
            while (c.NextChild())
            {
                if (c.LocalName is "IssuerAssignedID" or "ID")
                {
                    c.Once(ref id);
                }
                else
                {
                    c.Skip();
                }
            }
        }

        field = id ?? string.Empty;
    }

    private struct Header
    {
        public string? Number;
        public string? TypeCode;
        public DateValue? IssueDate;
        public List<Note>? Notes;
    }

    private static Header ReadHeader(XmlCursor c)
    {
        var h = default(Header);
        if (!c.BeginChildren())
        {
            return h;
        }

        while (c.NextChild())
        {
            switch (c.LocalName)
            {
                case "ID":
                    c.Once(ref h.Number);
                    break;
                case "TypeCode":
                    c.Once(ref h.TypeCode);
                    break;
                case "IssueDateTime":
                    if (c.First(h.IssueDate.HasValue))
                    {
                        h.IssueDate = ReadDateContainer(c);
                    }

                    break;
                case "IncludedNote":
                    (h.Notes ??= []).Add(ReadNote(c));
                    break;
                default:
                    c.Skip();
                    break;
            }
        }

        return h;
    }

    private static Note ReadNote(XmlCursor c)
    {
        string? subject = null, content = null;
        if (c.BeginChildren())
        {
            while (c.NextChild())
            {
                switch (c.LocalName)
                {
                    case "Content":
                        if (content is null)
                        {
                            content = c.ReadText();
                        }
                        else
                        {
                            // ZUGFeRD 1.0 allows several Content elements in one note: keep them all.
                            content += "\n" + c.ReadText();
                        }

                        break;
                    case "SubjectCode":
                        c.Once(ref subject);
                        break;
                    default:
                        c.Skip();
                        break;
                }
            }
        }

        return new Note(subject, content);
    }

    /// <summary>A date wrapper (<c>IssueDateTime</c>, <c>DueDateDateTime</c>…) holding <c>udt:DateTimeString</c> or <c>udt:DateString</c>.</summary>
    internal static DateValue? ReadDateContainer(XmlCursor c)
    {
        DateValue? date = null;
        if (c.BeginChildren())
        {
            while (c.NextChild())
            {
                if (c.LocalName is "DateTimeString" or "DateString")
                {
                    c.OnceDate(ref date);
                }
                else
                {
                    c.Skip();
                }
            }
        }

        return date;
    }

    private static bool ReadIndicator(XmlCursor c)
    {
        var value = false;
        if (c.BeginChildren())
        {
            while (c.NextChild())
            {
                if (c.LocalName == "Indicator")
                {
                    value = c.ReadText().Trim() is "true" or "1";
                }
                else
                {
                    c.Skip();
                }
            }
        }

        return value;
    }
}
