using Chorus.Invoicing.Model;
using Chorus.Invoicing.Xml;

namespace Chorus.Invoicing.Cii;

internal static partial class CiiReader
{
    /// <summary>What the transaction holds, collected while reading (CII spreads the header over agreement, delivery and settlement).</summary>
    private sealed class Transaction
    {
        public RawText CurrencyText;
        public string? Currency, TaxCurrency, VatPointDateCode, BuyerReference, ProjectReference, ContractReference;
        public string? PurchaseOrderReference, SalesOrderReference, ReceivingAdviceReference, DespatchAdviceReference;
        public string? TenderOrLotReference, BuyerAccountingReference, PaymentTerms, RemittanceInformation, CreditorId, MandateReference;
        public string? MeansCode, MeansText;
        public DateValue? VatPointDate, DueDate;
        public Identifier? InvoicedObject;
        public Party? Seller, Buyer, Payee, TaxRepresentative;
        public Delivery? Delivery;
        public Period? Period;
        public SourceLocation PaymentLocation;
        public bool HasPayment;
        public PaymentCard? Card;
        public string? DebitedAccount;
        public DocumentTotals? Totals;
        public List<PrecedingInvoiceReference>? Preceding;
        public List<CreditTransfer>? CreditTransfers;
        public List<AllowanceCharge>? AllowancesCharges;
        public List<VatBreakdown>? VatBreakdowns;
        public List<SupportingDocument>? Documents;
        public List<InvoiceLine>? Lines;

        public PaymentInstructions? Payment()
        {
            var directDebit = MandateReference is not null || CreditorId is not null || DebitedAccount is not null
                ? new DirectDebit(MandateReference, CreditorId, DebitedAccount)
                : null;
            if (!HasPayment && RemittanceInformation is null && directDebit is null)
            {
                return null;
            }

            return new PaymentInstructions
            {
                MeansCode = MeansCode,
                MeansText = MeansText,
                RemittanceInformation = RemittanceInformation,
                CreditTransfers = EquatableArray<CreditTransfer>.From(CreditTransfers),
                Card = Card,
                DirectDebit = directDebit,
                Location = PaymentLocation,
            };
        }
    }

    private static void ReadTransaction(XmlCursor c, Transaction tx)
    {
        if (!c.BeginChildren())
        {
            return;
        }

        while (c.NextChild())
        {
            switch (c.LocalName)
            {
                case "IncludedSupplyChainTradeLineItem":
                    (tx.Lines ??= []).Add(ReadLine(c));
                    break;
                case "ApplicableHeaderTradeAgreement":
                case "ApplicableSupplyChainTradeAgreement":
                    ReadAgreement(c, tx);
                    break;
                case "ApplicableHeaderTradeDelivery":
                case "ApplicableSupplyChainTradeDelivery":
                    ReadDelivery(c, tx);
                    break;
                case "ApplicableHeaderTradeSettlement":
                case "ApplicableSupplyChainTradeSettlement":
                    ReadSettlement(c, tx);
                    break;
                default:
                    c.Skip();
                    break;
            }
        }
    }

    private static void ReadAgreement(XmlCursor c, Transaction tx)
    {
        if (!c.BeginChildren())
        {
            return;
        }

        while (c.NextChild())
        {
            switch (c.LocalName)
            {
                case "BuyerReference":
                    c.Once(ref tx.BuyerReference);
                    break;
                case "SellerTradeParty":
                    if (c.First(tx.Seller is not null))
                    {
                        tx.Seller = ReadParty(c);
                    }

                    break;
                case "BuyerTradeParty":
                    if (c.First(tx.Buyer is not null))
                    {
                        tx.Buyer = ReadParty(c);
                    }

                    break;
                case "SellerTaxRepresentativeTradeParty":
                    if (c.First(tx.TaxRepresentative is not null))
                    {
                        tx.TaxRepresentative = ReadParty(c);
                    }

                    break;
                case "SellerOrderReferencedDocument":
                    ReadReferencedDocumentId(c, ref tx.SalesOrderReference);
                    break;
                case "BuyerOrderReferencedDocument":
                    ReadReferencedDocumentId(c, ref tx.PurchaseOrderReference);
                    break;
                case "ContractReferencedDocument":
                    ReadReferencedDocumentId(c, ref tx.ContractReference);
                    break;
                case "AdditionalReferencedDocument":
                    ReadAdditionalDocument(c, tx);
                    break;
                case "SpecifiedProcuringProject":
                    tx.ProjectReference = ReadIdChild(c, tx.ProjectReference);
                    break;
                default:
                    c.Skip();
                    break;
            }
        }
    }

    // BG-24 (TypeCode 916), BT-17 (TypeCode 50) or BT-18 (TypeCode 130).
    private static void ReadAdditionalDocument(XmlCursor c, Transaction tx)
    {
        var location = c.Here();
        string? id = null, uri = null, typeCode = null, name = null, referenceType = null;
        BinaryObject? attachment = null;
        SourceLocation idLocation = default;
        if (c.BeginChildren())
        {
            while (c.NextChild())
            {
                switch (c.LocalName)
                {
                    case "IssuerAssignedID":
                        idLocation = c.Here();
                        c.Once(ref id);
                        break;
                    case "URIID":
                        c.Once(ref uri);
                        break;
                    case "TypeCode":
                        c.Once(ref typeCode);
                        break;
                    case "Name":
                        c.Once(ref name);
                        break;
                    case "ReferenceTypeCode":
                        c.Once(ref referenceType);
                        break;
                    case "AttachmentBinaryObject":
                        if (c.First(attachment is not null))
                        {
                            var mime = c.Attribute("mimeCode");
                            var file = c.Attribute("filename");
                            attachment = new BinaryObject(c.ReadBase64(), mime, file, owned: true);
                        }

                        break;
                    default:
                        c.Skip();
                        break;
                }
            }
        }

        switch (typeCode)
        {
            case "50" when tx.TenderOrLotReference is null:
                tx.TenderOrLotReference = id;
                break;
            case "130" when tx.InvoicedObject is null:
                tx.InvoicedObject = new Identifier(id ?? string.Empty, referenceType is null ? null : new IdentifierScheme(referenceType)) { Location = idLocation };
                break;
            default:
                (tx.Documents ??= []).Add(new SupportingDocument
                {
                    Reference = id,
                    Description = name,
                    ExternalLocation = uri,
                    Attachment = attachment,
                    Location = location,
                });
                break;
        }
    }

    private static void ReadDelivery(XmlCursor c, Transaction tx)
    {
        if (!c.BeginChildren())
        {
            return;
        }

        var delivery = tx.Delivery ?? new Delivery { Location = c.Here() };
        var touched = false;
        while (c.NextChild())
        {
            switch (c.LocalName)
            {
                case "ShipToTradeParty":
                    var party = ReadParty(c);
                    delivery = delivery with
                    {
                        PartyName = party.Name,
                        LocationId = party.Identifiers.Count > 0 ? party.Identifiers[0] : null,
                        Address = party.Address,
                    };
                    touched = true;
                    break;
                case "ActualDeliverySupplyChainEvent":
                    if (c.BeginChildren())
                    {
                        while (c.NextChild())
                        {
                            if (c.LocalName == "OccurrenceDateTime")
                            {
                                delivery = delivery with { ActualDeliveryDate = ReadDateContainer(c) };
                                touched = true;
                            }
                            else
                            {
                                c.Skip();
                            }
                        }
                    }

                    break;
                case "DespatchAdviceReferencedDocument":
                    ReadReferencedDocumentId(c, ref tx.DespatchAdviceReference);
                    break;
                case "ReceivingAdviceReferencedDocument":
                    ReadReferencedDocumentId(c, ref tx.ReceivingAdviceReference);
                    break;
                default:
                    c.Skip();
                    break;
            }
        }

        if (touched)
        {
            tx.Delivery = delivery;
        }
    }

    private static void ReadSettlement(XmlCursor c, Transaction tx)
    {
        if (!c.BeginChildren())
        {
            return;
        }

        while (c.NextChild())
        {
            switch (c.LocalName)
            {
                case "CreditorReferenceID":
                    c.Once(ref tx.CreditorId);
                    break;
                case "PaymentReference":
                    c.Once(ref tx.RemittanceInformation);
                    break;
                case "TaxCurrencyCode":
                    c.Once(ref tx.TaxCurrency);
                    break;
                case "InvoiceCurrencyCode":
                    if (tx.Currency is null)
                    {
                        tx.CurrencyText = new RawText(c.ReadText());
                        tx.Currency = tx.CurrencyText.Text!.Trim();
                        break;
                    }

                    c.Once(ref tx.Currency);
                    break;
                case "PayeeTradeParty":
                    if (c.First(tx.Payee is not null))
                    {
                        tx.Payee = ReadParty(c);
                    }

                    break;
                case "SpecifiedTradeSettlementPaymentMeans":
                    ReadPaymentMeans(c, tx);
                    break;
                case "ApplicableTradeTax":
                    (tx.VatBreakdowns ??= []).Add(ReadTradeTax(c, tx));
                    break;
                case "BillingSpecifiedPeriod":
                    if (c.First(tx.Period is not null))
                    {
                        tx.Period = ReadPeriod(c);
                    }

                    break;
                case "SpecifiedTradeAllowanceCharge":
                    (tx.AllowancesCharges ??= []).Add(ReadAllowanceCharge(c));
                    break;
                case "SpecifiedTradePaymentTerms":
                    ReadPaymentTerms(c, tx);
                    break;
                case "SpecifiedTradeSettlementHeaderMonetarySummation":
                case "SpecifiedTradeSettlementMonetarySummation":
                    if (c.First(tx.Totals is not null))
                    {
                        tx.Totals = ReadTotals(c, tx.Currency, tx.TaxCurrency);
                    }

                    break;
                case "InvoiceReferencedDocument":
                    (tx.Preceding ??= []).Add(ReadPreceding(c));
                    break;
                case "ReceivableSpecifiedTradeAccountingAccount":
                    tx.BuyerAccountingReference = ReadIdChild(c, tx.BuyerAccountingReference);
                    break;
                default:
                    c.Skip();
                    break;
            }
        }
    }

    private static void ReadPaymentMeans(XmlCursor c, Transaction tx)
    {
        if (!tx.HasPayment)
        {
            tx.PaymentLocation = c.Here();
        }

        tx.HasPayment = true;
        string? code = null, text = null, iban = null, proprietary = null, accountName = null, bic = null;
        if (c.BeginChildren())
        {
            while (c.NextChild())
            {
                switch (c.LocalName)
                {
                    case "TypeCode":
                        c.Once(ref code);
                        break;
                    case "Information":
                        c.Once(ref text);
                        break;
                    case "ApplicableTradeSettlementFinancialCard":
                        string? pan = null, holder = null;
                        if (c.BeginChildren())
                        {
                            while (c.NextChild())
                            {
                                switch (c.LocalName)
                                {
                                    case "ID":
                                        c.Once(ref pan);
                                        break;
                                    case "CardholderName":
                                        c.Once(ref holder);
                                        break;
                                    default:
                                        c.Skip();
                                        break;
                                }
                            }
                        }

                        tx.Card ??= new PaymentCard(pan, holder);
                        break;
                    case "PayerPartyDebtorFinancialAccount":
                        string? debited = null;
                        c.OnceChild("IBANID", ref debited);

                        tx.DebitedAccount ??= debited;
                        break;
                    case "PayeePartyCreditorFinancialAccount":
                        if (c.BeginChildren())
                        {
                            while (c.NextChild())
                            {
                                switch (c.LocalName)
                                {
                                    case "IBANID":
                                        c.Once(ref iban);
                                        break;
                                    case "ProprietaryID":
                                        c.Once(ref proprietary);
                                        break;
                                    case "AccountName":
                                        c.Once(ref accountName);
                                        break;
                                    default:
                                        c.Skip();
                                        break;
                                }
                            }
                        }

                        break;
                    case "PayeeSpecifiedCreditorFinancialInstitution":
                        c.OnceChild("BICID", ref bic);

                        break;
                    default:
                        c.Skip();
                        break;
                }
            }
        }

        tx.MeansCode ??= code;
        tx.MeansText ??= text;
        if (iban is not null || proprietary is not null || accountName is not null || bic is not null)
        {
            (tx.CreditTransfers ??= []).Add(new CreditTransfer(iban ?? proprietary, accountName, bic));
        }
    }

    private static VatBreakdown ReadTradeTax(XmlCursor c, Transaction? tx)
    {
        var location = c.Here();
        Amount? taxable = null, tax = null;
        string? category = null, rawCategory = null, reason = null, reasonCode = null, dueDateCode = null, typeCode = null;
        Percentage? rate = null;
        if (c.BeginChildren())
        {
            while (c.NextChild())
            {
                switch (c.LocalName)
                {
                    case "CalculatedAmount":
                        c.Once(ref tax);
                        break;
                    case "BasisAmount":
                        c.Once(ref taxable);
                        break;
                    case "CategoryCode":
                        if (category is null)
                        {
                            rawCategory = c.ReadText();
                            category = rawCategory.Trim();
                        }
                        else
                        {
                            c.Once(ref category);
                        }

                        break;
                    case "TypeCode":
                        // Untrimmed: the stylesheets compare upper-case(ram:TypeCode) = 'VAT' without normalize-space.
                        if (typeCode is null)
                        {
                            typeCode = c.ReadText();
                        }
                        else
                        {
                            c.Skip();
                        }

                        break;
                    case "ExemptionReason":
                        c.Once(ref reason);
                        break;
                    case "ExemptionReasonCode":
                        c.Once(ref reasonCode);
                        break;
                    case "RateApplicablePercent":
                    case "ApplicablePercent":
                        c.Once(ref rate);
                        break;
                    case "TaxPointDate":
                        var date = ReadDateContainer(c);
                        if (tx is not null)
                        {
                            tx.VatPointDate ??= date;
                        }

                        break;
                    case "DueDateTypeCode":
                        c.Once(ref dueDateCode);
                        break;
                    default:
                        c.Skip();
                        break;
                }
            }
        }

        if (tx is not null && dueDateCode is not null)
        {
            tx.VatPointDateCode ??= dueDateCode;
        }

        return new VatBreakdown
        {
            TaxableAmount = taxable,
            TaxAmount = tax,
            Category = category is null ? null : new VatCategoryCode(category),
            Rate = rate,
            Scheme = new TaxScheme(typeCode, rawCategory),
            ExemptionReason = reason,
            ExemptionReasonCode = reasonCode,
            Location = location,
        };
    }

    private static Period ReadPeriod(XmlCursor c)
    {
        var location = c.Here();
        DateValue? start = null, end = null;
        SourceLocation startElement = default, endElement = default;
        if (c.BeginChildren())
        {
            while (c.NextChild())
            {
                switch (c.LocalName)
                {
                    case "StartDateTime":
                        if (!startElement.IsKnown)
                        {
                            startElement = c.Here();
                        }

                        start ??= ReadDateContainer(c);
                        break;
                    case "EndDateTime":
                        if (!endElement.IsKnown)
                        {
                            endElement = c.Here();
                        }

                        end ??= ReadDateContainer(c);
                        break;
                    default:
                        c.Skip();
                        break;
                }
            }
        }

        return new Period { Start = start, End = end, StartElement = startElement, EndElement = endElement, Location = location };
    }

    private static AllowanceCharge ReadAllowanceCharge(XmlCursor c)
    {
        var location = c.Here();
        var isCharge = false;
        Amount? amount = null, basis = null;
        Percentage? percent = null;
        string? reason = null, reasonCode = null;
        VatBreakdown? tax = null;
        var indicatorElement = default(SourceLocation);
        if (c.BeginChildren())
        {
            while (c.NextChild())
            {
                switch (c.LocalName)
                {
                    case "ChargeIndicator":
                        if (!indicatorElement.IsKnown)
                        {
                            indicatorElement = c.Here();
                        }

                        isCharge = ReadIndicator(c);
                        break;
                    case "CalculationPercent":
                        c.Once(ref percent);
                        break;
                    case "BasisAmount":
                        c.Once(ref basis);
                        break;
                    case "ActualAmount":
                        c.Once(ref amount);
                        break;
                    case "ReasonCode":
                        c.Once(ref reasonCode);
                        break;
                    case "Reason":
                        c.Once(ref reason);
                        break;
                    case "CategoryTradeTax":
                        tax ??= ReadTradeTax(c, null);
                        break;
                    default:
                        c.Skip();
                        break;
                }
            }
        }

        return new AllowanceCharge
        {
            IsCharge = isCharge,
            Amount = amount,
            BaseAmount = basis,
            Percentage = percent,
            VatCategory = tax?.Category,
            VatRate = tax?.Rate,
            VatScheme = tax?.Scheme ?? default,
            IndicatorElement = indicatorElement,
            Reason = reason,
            ReasonCode = reasonCode,
            Location = location,
        };
    }

    private static void ReadPaymentTerms(XmlCursor c, Transaction tx)
    {
        if (!c.BeginChildren())
        {
            return;
        }

        while (c.NextChild())
        {
            switch (c.LocalName)
            {
                case "Description":
                    if (tx.PaymentTerms is null)
                    {
                        tx.PaymentTerms = c.ReadText();
                    }
                    else
                    {
                        tx.PaymentTerms += "\n" + c.ReadText();
                    }

                    break;
                case "DueDateDateTime":
                    var due = ReadDateContainer(c);
                    tx.DueDate ??= due;
                    break;
                case "DirectDebitMandateID":
                    c.Once(ref tx.MandateReference);
                    break;
                default:
                    c.Skip();
                    break;
            }
        }
    }

    private static DocumentTotals ReadTotals(XmlCursor c, string? currency, string? taxCurrency)
    {
        var location = c.Here();
        Amount? lineTotal = null, charges = null, allowances = null, taxBasis = null, vat = null, vatAccounting = null;
        Amount? rounding = null, grand = null, prepaid = null, due = null;
        if (c.BeginChildren())
        {
            while (c.NextChild())
            {
                switch (c.LocalName)
                {
                    case "LineTotalAmount":
                        c.Once(ref lineTotal);
                        break;
                    case "ChargeTotalAmount":
                        c.Once(ref charges);
                        break;
                    case "AllowanceTotalAmount":
                        c.Once(ref allowances);
                        break;
                    case "TaxBasisTotalAmount":
                        c.Once(ref taxBasis);
                        break;
                    case "TaxTotalAmount":
                        // BT-110 in the invoice currency, BT-111 in the VAT accounting currency (BT-6).
                        var amount = c.ReadAmount();
                        if (vat is null && (amount.CurrencyId is null || amount.CurrencyId == currency || taxCurrency is null || taxCurrency == currency))
                        {
                            vat = amount;
                        }
                        else if (vatAccounting is null)
                        {
                            vatAccounting = amount;
                        }
                        else if (vat is null)
                        {
                            // Neither currency matched: keep the second amount too (the rules look at both).
                            vat = amount;
                        }

                        break;
                    case "RoundingAmount":
                        c.Once(ref rounding);
                        break;
                    case "GrandTotalAmount":
                        c.Once(ref grand);
                        break;
                    case "TotalPrepaidAmount":
                        c.Once(ref prepaid);
                        break;
                    case "DuePayableAmount":
                        c.Once(ref due);
                        break;
                    default:
                        c.Skip();
                        break;
                }
            }
        }

        return new DocumentTotals
        {
            LineTotal = lineTotal,
            ChargeTotal = charges,
            AllowanceTotal = allowances,
            TaxExclusiveAmount = taxBasis,
            VatTotal = vat,
            VatTotalInAccountingCurrency = vatAccounting,
            RoundingAmount = rounding,
            TaxInclusiveAmount = grand,
            PrepaidAmount = prepaid,
            AmountDue = due,
            Location = location,
        };
    }

    private static PrecedingInvoiceReference ReadPreceding(XmlCursor c)
    {
        string? id = null;
        DateValue? date = null;
        if (c.BeginChildren())
        {
            while (c.NextChild())
            {
                switch (c.LocalName)
                {
                    case "IssuerAssignedID":
                        c.Once(ref id);
                        break;
                    case "FormattedIssueDateTime":
                        date ??= ReadDateContainer(c);
                        break;
                    default:
                        c.Skip();
                        break;
                }
            }
        }

        return new PrecedingInvoiceReference(id, date);
    }
}
