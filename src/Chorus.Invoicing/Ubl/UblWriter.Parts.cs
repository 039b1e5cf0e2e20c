using Chorus.Invoicing.Model;
using Chorus.Invoicing.Xml;

namespace Chorus.Invoicing.Ubl;

internal static partial class UblWriter
{
    private static void WriteParty(XmlOut cac, XmlOut cbc, string element, Party p, string? sepaCreditorId)
    {
        cac.Start(element);
        cbc.Id("EndpointID", p.ElectronicAddress);
        foreach (var id in p.Identifiers)
        {
            cac.Start("PartyIdentification");
            cbc.Id("ID", id);
            cac.End();
        }

        if (sepaCreditorId is not null)
        {
            cac.Start("PartyIdentification");
            cbc.TextWithAttribute("ID", sepaCreditorId, "schemeID", "SEPA");
            cac.End();
        }

        if (p.TradingName is not null)
        {
            cac.Start("PartyName");
            cbc.Text("Name", p.TradingName);
            cac.End();
        }

        WriteAddress(cac, cbc, "PostalAddress", p.Address);
        WriteTaxScheme(cac, cbc, p.VatId, "VAT");
        WriteTaxScheme(cac, cbc, p.TaxRegistrationId, "FC");
        if (p.Name is not null || p.LegalRegistrationId is not null || p.AdditionalLegalInformation is not null)
        {
            cac.Start("PartyLegalEntity");
            cbc.Text("RegistrationName", p.Name);
            cbc.Id("CompanyID", p.LegalRegistrationId);
            cbc.Text("CompanyLegalForm", p.AdditionalLegalInformation);
            cac.End();
        }

        if (p.Contact is { } c)
        {
            cac.Start("Contact");
            cbc.Text("Name", c.Name);
            cbc.Text("Telephone", c.Telephone);
            cbc.Text("ElectronicMail", c.Email);
            cac.End();
        }

        cac.End();
    }

    // Payee BG-10 and tax representative BG-11: the name is PartyName/Name.
    private static void WriteNamedParty(XmlOut cac, XmlOut cbc, string element, Party p, string? sepaCreditorId)
    {
        cac.Start(element);
        foreach (var id in p.Identifiers)
        {
            cac.Start("PartyIdentification");
            cbc.Id("ID", id);
            cac.End();
        }

        if (sepaCreditorId is not null)
        {
            cac.Start("PartyIdentification");
            cbc.TextWithAttribute("ID", sepaCreditorId, "schemeID", "SEPA");
            cac.End();
        }

        if (p.Name is not null)
        {
            cac.Start("PartyName");
            cbc.Text("Name", p.Name);
            cac.End();
        }

        WriteAddress(cac, cbc, "PostalAddress", p.Address);
        WriteTaxScheme(cac, cbc, p.VatId, "VAT");
        if (p.LegalRegistrationId is not null)
        {
            cac.Start("PartyLegalEntity");
            cbc.Id("CompanyID", p.LegalRegistrationId);
            cac.End();
        }

        cac.End();
    }

    private static void WriteTaxScheme(XmlOut cac, XmlOut cbc, string? companyId, string scheme)
    {
        if (companyId is null)
        {
            return;
        }

        cac.Start("PartyTaxScheme");
        cbc.Text("CompanyID", companyId);
        cac.Start("TaxScheme");
        cbc.Text("ID", scheme);
        cac.End();
        cac.End();
    }

    private static void WriteAddress(XmlOut cac, XmlOut cbc, string element, Address? a)
    {
        if (a is null)
        {
            return;
        }

        cac.Start(element);
        cbc.Text("StreetName", a.Line1);
        cbc.Text("AdditionalStreetName", a.Line2);
        cbc.Text("CityName", a.City);
        cbc.Text("PostalZone", a.PostCode);
        cbc.Text("CountrySubentity", a.CountrySubdivision);
        if (a.Line3 is not null)
        {
            cac.Start("AddressLine");
            cbc.Text("Line", a.Line3);
            cac.End();
        }

        if (a.CountryCode is not null)
        {
            cac.Start("Country");
            cbc.Text("IdentificationCode", a.CountryCode);
            cac.End();
        }

        cac.End();
    }

    private static void WriteDelivery(XmlOut cac, XmlOut cbc, Delivery? d)
    {
        if (d is null)
        {
            return;
        }

        cac.Start("Delivery");
        cbc.IsoDate("ActualDeliveryDate", d.ActualDeliveryDate);
        if (d.LocationId is not null || d.Address is not null)
        {
            cac.Start("DeliveryLocation");
            cbc.Id("ID", d.LocationId);
            WriteAddress(cac, cbc, "Address", d.Address);
            cac.End();
        }

        if (d.PartyName is not null)
        {
            cac.Start("DeliveryParty");
            cac.Start("PartyName");
            cbc.Text("Name", d.PartyName);
            cac.End();
            cac.End();
        }

        cac.End();
    }

    private static void WritePaymentMeans(XmlOut cac, XmlOut cbc, Invoice invoice, bool creditNote)
    {
        var pay = invoice.PaymentInstructions;
        var dueOnMeans = creditNote ? invoice.DueDate : null;
        if (pay is null || (pay.MeansCode is null && pay.CreditTransfers.Count == 0 && pay.Card is null && pay.DirectDebit?.MandateReference is null && pay.DirectDebit?.DebitedAccountId is null && pay.RemittanceInformation is null))
        {
            return;
        }

        var count = Math.Max(1, pay.CreditTransfers.Count);
        for (var i = 0; i < count; i++)
        {
            cac.Start("PaymentMeans");
            cbc.TextWithAttribute("PaymentMeansCode", pay.MeansCode, "name", pay.MeansText);
            cbc.IsoDate("PaymentDueDate", i == 0 ? dueOnMeans : null);
            cbc.Text("PaymentID", pay.RemittanceInformation);
            if (i == 0 && pay.Card is { } card)
            {
                cac.Start("CardAccount");
                cbc.Text("PrimaryAccountNumberID", card.PrimaryAccountNumber ?? string.Empty);
                cbc.Text("NetworkID", "NA");
                cbc.Text("HolderName", card.HolderName);
                cac.End();
            }

            if (i < pay.CreditTransfers.Count)
            {
                var t = pay.CreditTransfers[i];
                cac.Start("PayeeFinancialAccount");
                cbc.Text("ID", t.AccountId ?? string.Empty);
                cbc.Text("Name", t.AccountName);
                if (t.ServiceProviderId is not null)
                {
                    cac.Start("FinancialInstitutionBranch");
                    cbc.Text("ID", t.ServiceProviderId);
                    cac.End();
                }

                cac.End();
            }

            if (i == 0 && (pay.DirectDebit?.MandateReference is not null || pay.DirectDebit?.DebitedAccountId is not null))
            {
                cac.Start("PaymentMandate");
                cbc.Text("ID", pay.DirectDebit.MandateReference);
                if (pay.DirectDebit.DebitedAccountId is not null)
                {
                    cac.Start("PayerFinancialAccount");
                    cbc.Text("ID", pay.DirectDebit.DebitedAccountId);
                    cac.End();
                }

                cac.End();
            }

            cac.End();
        }
    }

    private static void WriteTaxCategory(XmlOut cac, XmlOut cbc, string element, VatCategoryCode? category, Percentage? rate, string? reasonCode = null, string? reason = null)
    {
        cac.Start(element);
        cbc.Text("ID", category?.Value);
        cbc.Percent("Percent", rate);
        cbc.Text("TaxExemptionReasonCode", reasonCode);
        cbc.Text("TaxExemptionReason", reason);
        cac.Start("TaxScheme");
        cbc.Text("ID", "VAT");
        cac.End();
        cac.End();
    }

    private static void WriteAllowanceCharge(XmlOut cac, XmlOut cbc, AllowanceCharge ac, string? cur, bool withTax)
    {
        cac.Start("AllowanceCharge");
        cbc.Text("ChargeIndicator", ac.IsCharge ? "true" : "false");
        cbc.Text("AllowanceChargeReasonCode", ac.ReasonCode);
        cbc.Text("AllowanceChargeReason", ac.Reason);
        cbc.Percent("MultiplierFactorNumeric", ac.Percentage);
        cbc.Amount("Amount", ac.Amount ?? Amount.FromText(string.Empty), cur);
        cbc.Amount("BaseAmount", ac.BaseAmount, cur);
        if (withTax && (ac.VatCategory is not null || ac.VatRate is not null))
        {
            WriteTaxCategory(cac, cbc, "TaxCategory", ac.VatCategory, ac.VatRate);
        }

        cac.End();
    }

    private static void WriteTaxTotals(XmlOut cac, XmlOut cbc, Invoice invoice, string? cur)
    {
        var totals = invoice.Totals;
        if (totals?.VatTotal is not null || invoice.VatBreakdowns.Count > 0)
        {
            cac.Start("TaxTotal");
            cbc.Amount("TaxAmount", totals?.VatTotal ?? Amount.FromText("0"), cur);
            foreach (var b in invoice.VatBreakdowns)
            {
                cac.Start("TaxSubtotal");
                cbc.Amount("TaxableAmount", b.TaxableAmount, cur);
                cbc.Amount("TaxAmount", b.TaxAmount ?? Amount.FromText(string.Empty), cur);
                WriteTaxCategory(cac, cbc, "TaxCategory", b.Category, b.Rate, b.ExemptionReasonCode, b.ExemptionReason);
                cac.End();
            }

            cac.End();
        }

        if (totals?.VatTotalInAccountingCurrency is { } accounting)
        {
            cac.Start("TaxTotal");
            cbc.Amount("TaxAmount", accounting, invoice.VatAccountingCurrencyCode?.Value ?? cur);
            cac.End();
        }
    }

    private static void WriteTotals(XmlOut cac, XmlOut cbc, DocumentTotals t, string? cur)
    {
        cac.Start("LegalMonetaryTotal");
        cbc.Amount("LineExtensionAmount", t.LineTotal, cur);
        cbc.Amount("TaxExclusiveAmount", t.TaxExclusiveAmount, cur);
        cbc.Amount("TaxInclusiveAmount", t.TaxInclusiveAmount, cur);
        cbc.Amount("AllowanceTotalAmount", t.AllowanceTotal, cur);
        cbc.Amount("ChargeTotalAmount", t.ChargeTotal, cur);
        cbc.Amount("PrepaidAmount", t.PrepaidAmount, cur);
        cbc.Amount("PayableRoundingAmount", t.RoundingAmount, cur);
        cbc.Amount("PayableAmount", t.AmountDue ?? Amount.FromText(string.Empty), cur);
        cac.End();
    }

    private static void WriteLine(XmlOut cac, XmlOut cbc, InvoiceLine line, bool creditNote, string? cur)
    {
        cac.Start(creditNote ? "CreditNoteLine" : "InvoiceLine");
        cbc.Text("ID", line.Id ?? string.Empty);
        cbc.Text("Note", line.Note);
        cbc.Quantity(creditNote ? "CreditedQuantity" : "InvoicedQuantity", line.Quantity);
        cbc.Amount("LineExtensionAmount", line.NetAmount ?? Amount.FromText(string.Empty), cur);
        cbc.Text("AccountingCost", line.BuyerAccountingReference);
        if (line.Period is { } period)
        {
            cac.Start("InvoicePeriod");
            cbc.IsoDate("StartDate", period.Start);
            cbc.IsoDate("EndDate", period.End);
            cac.End();
        }

        if (line.OrderLineReference is not null)
        {
            cac.Start("OrderLineReference");
            cbc.Text("LineID", line.OrderLineReference);
            cac.End();
        }

        if (line.ObjectIdentifier is { } obj)
        {
            cac.Start("DocumentReference");
            cbc.Id("ID", obj);
            cbc.Text("DocumentTypeCode", "130");
            cac.End();
        }

        foreach (var ac in line.AllowancesCharges)
        {
            WriteAllowanceCharge(cac, cbc, ac, cur, withTax: false);
        }

        var item = line.Item ?? new Item();
        cac.Start("Item");
        cbc.Text("Description", item.Description);
        cbc.Text("Name", item.Name);
        WriteItemId(cac, cbc, "BuyersItemIdentification", item.BuyerId);
        WriteItemId(cac, cbc, "SellersItemIdentification", item.SellerId);
        if (item.StandardId is not null)
        {
            cac.Start("StandardItemIdentification");
            cbc.Id("ID", item.StandardId);
            cac.End();
        }

        if (item.OriginCountry is not null)
        {
            cac.Start("OriginCountry");
            cbc.Text("IdentificationCode", item.OriginCountry);
            cac.End();
        }

        foreach (var classification in item.Classifications)
        {
            cac.Start("CommodityClassification");
            cbc.Id("ItemClassificationCode", classification, "listID");
            cac.End();
        }

        if (line.VatCategory is not null || line.VatRate is not null)
        {
            WriteTaxCategory(cac, cbc, "ClassifiedTaxCategory", line.VatCategory, line.VatRate);
        }

        foreach (var attribute in item.Attributes)
        {
            cac.Start("AdditionalItemProperty");
            cbc.Text("Name", attribute.Name ?? string.Empty);
            cbc.Text("Value", attribute.Value);
            cac.End();
        }

        cac.End();

        if (line.Price is { } price)
        {
            cac.Start("Price");
            cbc.Amount("PriceAmount", price.NetPrice ?? Amount.FromText(string.Empty), cur);
            cbc.Quantity("BaseQuantity", price.BaseQuantity);
            if (price.Discount is not null || price.GrossPrice is not null)
            {
                cac.Start("AllowanceCharge");
                cbc.Text("ChargeIndicator", "false");
                cbc.Amount("Amount", price.Discount ?? Amount.FromText("0"), cur);
                cbc.Amount("BaseAmount", price.GrossPrice, cur);
                cac.End();
            }

            cac.End();
        }

        cac.End();
    }

    private static void WriteItemId(XmlOut cac, XmlOut cbc, string element, string? id)
    {
        if (id is null)
        {
            return;
        }

        cac.Start(element);
        cbc.Text("ID", id);
        cac.End();
    }
}
