using Chorus.Invoicing.Model;
using Chorus.Invoicing.Xml;

namespace Chorus.Invoicing.Cii;

internal static partial class CiiWriter
{
    private static void WriteSettlement(XmlOut o, Invoice invoice)
    {
        var pay = invoice.PaymentInstructions;
        o.Start("ApplicableHeaderTradeSettlement");
        o.Text("CreditorReferenceID", pay?.DirectDebit?.CreditorId);
        o.Text("PaymentReference", pay?.RemittanceInformation);
        o.Text("TaxCurrencyCode", invoice.VatAccountingCurrencyCode?.Value);
        o.Text("InvoiceCurrencyCode", invoice.CurrencyCode?.Value);
        if (invoice.Payee is { } payee)
        {
            WriteParty(o, "PayeeTradeParty", payee);
        }

        if (pay is not null && (pay.MeansCode is not null || pay.CreditTransfers.Count > 0 || pay.Card is not null || pay.DirectDebit?.DebitedAccountId is not null))
        {
            var count = Math.Max(1, pay.CreditTransfers.Count);
            for (var i = 0; i < count; i++)
            {
                o.Start("SpecifiedTradeSettlementPaymentMeans");
                o.Text("TypeCode", pay.MeansCode);
                o.Text("Information", pay.MeansText);
                if (i == 0 && pay.Card is { } card)
                {
                    o.Start("ApplicableTradeSettlementFinancialCard");
                    o.Text("ID", card.PrimaryAccountNumber);
                    o.Text("CardholderName", card.HolderName);
                    o.End();
                }

                if (i == 0 && pay.DirectDebit?.DebitedAccountId is { } debited)
                {
                    o.Start("PayerPartyDebtorFinancialAccount");
                    o.Text("IBANID", debited);
                    o.End();
                }

                if (i < pay.CreditTransfers.Count)
                {
                    var t = pay.CreditTransfers[i];
                    if (t.AccountId is not null || t.AccountName is not null)
                    {
                        o.Start("PayeePartyCreditorFinancialAccount");
                        o.Text("IBANID", t.AccountId);
                        o.Text("AccountName", t.AccountName);
                        o.End();
                    }

                    if (t.ServiceProviderId is not null)
                    {
                        o.Start("PayeeSpecifiedCreditorFinancialInstitution");
                        o.Text("BICID", t.ServiceProviderId);
                        o.End();
                    }
                }

                o.End();
            }
        }

        var first = true;
        foreach (var b in invoice.VatBreakdowns)
        {
            WriteTradeTax(o, b.TaxAmount, b.TaxableAmount, b.Category, b.Rate, b.ExemptionReason, b.ExemptionReasonCode, first ? invoice.VatPointDate : null, first ? invoice.VatPointDateCode : null);
            first = false;
        }

        WritePeriod(o, invoice.InvoicingPeriod);
        foreach (var ac in invoice.AllowancesCharges)
        {
            WriteAllowanceCharge(o, ac, withTax: true);
        }

        if (invoice.PaymentTerms is not null || invoice.DueDate is not null || pay?.DirectDebit?.MandateReference is not null)
        {
            o.Start("SpecifiedTradePaymentTerms");
            o.Text("Description", invoice.PaymentTerms);
            WriteDate(o, "DueDateDateTime", invoice.DueDate);
            o.Text("DirectDebitMandateID", pay?.DirectDebit?.MandateReference);
            o.End();
        }

        var t2 = invoice.Totals ?? new DocumentTotals();
        o.Start("SpecifiedTradeSettlementHeaderMonetarySummation");
        o.Amount("LineTotalAmount", t2.LineTotal, null);
        o.Amount("ChargeTotalAmount", t2.ChargeTotal, null);
        o.Amount("AllowanceTotalAmount", t2.AllowanceTotal, null);
        o.Amount("TaxBasisTotalAmount", t2.TaxExclusiveAmount, null);
        o.Amount("TaxTotalAmount", t2.VatTotal, invoice.CurrencyCode?.Value);
        o.Amount("TaxTotalAmount", t2.VatTotalInAccountingCurrency, invoice.VatAccountingCurrencyCode?.Value);
        o.Amount("RoundingAmount", t2.RoundingAmount, null);
        o.Amount("GrandTotalAmount", t2.TaxInclusiveAmount, null);
        o.Amount("TotalPrepaidAmount", t2.PrepaidAmount, null);
        o.Amount("DuePayableAmount", t2.AmountDue, null);
        o.End();

        // CII D16B holds one InvoiceReferencedDocument: the converter warns about the others.
        if (invoice.PrecedingInvoices.Count > 0)
        {
            var p = invoice.PrecedingInvoices[0];
            o.Start("InvoiceReferencedDocument");
            o.Text("IssuerAssignedID", p.Number);
            WriteDate(o, "FormattedIssueDateTime", p.IssueDate, "DateTimeString", Qdt, "qdt");
            o.End();
        }

        if (invoice.BuyerAccountingReference is not null)
        {
            o.Start("ReceivableSpecifiedTradeAccountingAccount");
            o.Text("ID", invoice.BuyerAccountingReference);
            o.End();
        }

        o.End();
    }

    private static void WriteTradeTax(XmlOut o, Amount? tax, Amount? basis, VatCategoryCode? category, Percentage? rate, string? reason, string? reasonCode, DateValue? taxPointDate, string? dueDateCode, string element = "ApplicableTradeTax")
    {
        o.Start(element);
        o.Amount("CalculatedAmount", tax, null);
        o.Text("TypeCode", "VAT");
        o.Text("ExemptionReason", reason);
        o.Amount("BasisAmount", basis, null);
        o.Text("CategoryCode", category?.Value);
        o.Text("ExemptionReasonCode", reasonCode);
        WriteDate(o, "TaxPointDate", taxPointDate, "DateString");
        o.Text("DueDateTypeCode", dueDateCode);
        o.Percent("RateApplicablePercent", rate);
        o.End();
    }

    private static void WritePeriod(XmlOut o, Period? period)
    {
        if (period is null)
        {
            return;
        }

        o.Start("BillingSpecifiedPeriod");
        WriteDate(o, "StartDateTime", period.Start);
        WriteDate(o, "EndDateTime", period.End);
        o.End();
    }

    private static void WriteAllowanceCharge(XmlOut o, AllowanceCharge ac, bool withTax)
    {
        o.Start("SpecifiedTradeAllowanceCharge");
        WriteIndicator(o, ac.IsCharge);
        o.Percent("CalculationPercent", ac.Percentage);
        o.Amount("BasisAmount", ac.BaseAmount, null);
        o.Amount("ActualAmount", ac.Amount, null);
        o.Text("ReasonCode", ac.ReasonCode);
        o.Text("Reason", ac.Reason);
        if (withTax && (ac.VatCategory is not null || ac.VatRate is not null))
        {
            o.Start("CategoryTradeTax");
            o.Text("TypeCode", "VAT");
            o.Text("CategoryCode", ac.VatCategory?.Value);
            o.Percent("RateApplicablePercent", ac.VatRate);
            o.End();
        }

        o.End();
    }

    private static void WriteLine(XmlOut o, InvoiceLine line)
    {
        o.Start("IncludedSupplyChainTradeLineItem");
        o.Start("AssociatedDocumentLineDocument");
        o.Text("LineID", line.Id);
        if (line.Note is not null)
        {
            o.Start("IncludedNote");
            o.Text("Content", line.Note);
            o.End();
        }

        o.End();

        var item = line.Item ?? new Item();
        o.Start("SpecifiedTradeProduct");
        o.Id("GlobalID", item.StandardId);
        o.Text("SellerAssignedID", item.SellerId);
        o.Text("BuyerAssignedID", item.BuyerId);
        o.Text("Name", item.Name);
        o.Text("Description", item.Description);
        foreach (var attribute in item.Attributes)
        {
            o.Start("ApplicableProductCharacteristic");
            o.Text("Description", attribute.Name);
            o.Text("Value", attribute.Value);
            o.End();
        }

        foreach (var classification in item.Classifications)
        {
            o.Start("DesignatedProductClassification");
            o.Id("ClassCode", classification, "listID");
            o.End();
        }

        if (item.OriginCountry is not null)
        {
            o.Start("OriginTradeCountry");
            o.Text("ID", item.OriginCountry);
            o.End();
        }

        o.End();

        o.Start("SpecifiedLineTradeAgreement");
        if (line.OrderLineReference is not null)
        {
            o.Start("BuyerOrderReferencedDocument");
            o.Text("LineID", line.OrderLineReference);
            o.End();
        }

        if (line.Price is { } price)
        {
            if (price.GrossPrice is not null || price.Discount is not null)
            {
                o.Start("GrossPriceProductTradePrice");
                o.Amount("ChargeAmount", price.GrossPrice, null);
                if (price.Discount is not null)
                {
                    o.Start("AppliedTradeAllowanceCharge");
                    WriteIndicator(o, false);
                    o.Amount("ActualAmount", price.Discount, null);
                    o.End();
                }

                o.End();
            }

            o.Start("NetPriceProductTradePrice");
            o.Amount("ChargeAmount", price.NetPrice, null);
            o.Quantity("BasisQuantity", price.BaseQuantity);
            o.End();
        }

        o.End();

        o.Start("SpecifiedLineTradeDelivery");
        o.Quantity("BilledQuantity", line.Quantity);
        o.End();

        o.Start("SpecifiedLineTradeSettlement");
        if (line.VatCategory is not null || line.VatRate is not null)
        {
            o.Start("ApplicableTradeTax");
            o.Text("TypeCode", "VAT");
            o.Text("CategoryCode", line.VatCategory?.Value);
            o.Percent("RateApplicablePercent", line.VatRate);
            o.End();
        }

        WritePeriod(o, line.Period);
        foreach (var ac in line.AllowancesCharges)
        {
            WriteAllowanceCharge(o, ac, withTax: false);
        }

        o.Start("SpecifiedTradeSettlementLineMonetarySummation");
        o.Amount("LineTotalAmount", line.NetAmount, null);
        o.End();
        if (line.ObjectIdentifier is { } obj)
        {
            o.Start("AdditionalReferencedDocument");
            o.Text("IssuerAssignedID", obj.Value);
            o.Text("TypeCode", "130");
            o.Text("ReferenceTypeCode", obj.Scheme?.Value);
            o.End();
        }

        if (line.BuyerAccountingReference is not null)
        {
            o.Start("ReceivableSpecifiedTradeAccountingAccount");
            o.Text("ID", line.BuyerAccountingReference);
            o.End();
        }

        o.End();
        o.End();
    }
}
