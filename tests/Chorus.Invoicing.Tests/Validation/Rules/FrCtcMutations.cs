using System.Text.RegularExpressions;

namespace Chorus.Invoicing.Tests.Validation.Rules;

/// <summary>
/// Mutants aimed at the reform's BR-FR-BD/CO/DEC/MV rules: billing frameworks (BT-23: paid B2, final B4, multi-vendor
/// S8, bi-directional B9), GROUP/DETAIL line structures with their AFL references, over-precise decimals, party
/// identifiers without or with repeated schemes, single taxable person members, non-EUR invoices, dates and types.
/// Text-level edits, as a faulty generator would emit them; each returns null where it does not apply.
/// </summary>
internal static class FrCtcMutations
{
    private static readonly Dictionary<string, Func<string, string?>> Cii = new(StringComparer.Ordinal)
    {
        ["amount-3-decimals"] = t => Value(t, "LineTotalAmount", "100.001"),
        ["grand-20-digits"] = t => Value(t, "GrandTotalAmount", "12345678901234567890"),
        ["allowance-amount-x"] = t => Value(t, "ActualAmount", "1,00"),
        ["quantity-5-decimals"] = t => Value(t, "BilledQuantity", "1.00001"),
        ["price-negative"] = t => Value(t, "ChargeAmount", "-12.5"),
        ["price-7-decimals"] = t => Value(t, "ChargeAmount", "1.0000001"),
        ["rate-negative"] = t => Value(t, "RateApplicablePercent", "-20"),
        ["rate-5-chars"] = t => Value(t, "RateApplicablePercent", "20.125"),
        ["rate-empty"] = t => Value(t, "RateApplicablePercent", " "),
        ["type-262"] = t => Value(t, "TypeCode", "262", "<(?:\\w+:)?ExchangedDocument\\b"),
        ["type-384"] = t => Value(t, "TypeCode", "384", "<(?:\\w+:)?ExchangedDocument\\b"),
        ["type-381"] = t => Value(t, "TypeCode", "381", "<(?:\\w+:)?ExchangedDocument\\b"),
        ["type-386"] = t => Value(t, "TypeCode", "386", "<(?:\\w+:)?ExchangedDocument\\b"),
        ["type-389"] = t => Value(t, "TypeCode", "389", "<(?:\\w+:)?ExchangedDocument\\b"),
        ["due-before-issue"] = t => Value(t, "DateTimeString", "19990101", "<(?:\\w+:)?DueDateDateTime\\b"),
        ["currency-USD"] = t => Value(t, "InvoiceCurrencyCode", "USD"),
        ["seller-globalid-no-scheme"] = t => Insert(t, "<ram:SellerTradeParty>", "<ram:GlobalID>123</ram:GlobalID>"),
        ["seller-globalid-dup-scheme"] = t => Insert(t, "<ram:SellerTradeParty>", "<ram:GlobalID schemeID=\"0088\">1</ram:GlobalID><ram:GlobalID schemeID=\"0088\">2</ram:GlobalID>"),
        ["buyer-globalid-0231"] = t => Insert(t, "<ram:BuyerTradeParty>", "<ram:GlobalID schemeID=\"0088\">1</ram:GlobalID><ram:GlobalID>2</ram:GlobalID>"),
        ["seller-0231"] = t => Insert(t, "<ram:SellerTradeParty>", "<ram:GlobalID schemeID=\"0231\">123456789</ram:GlobalID>"),
        ["framework-B2"] = t => Framework(t, "B2"),
        ["framework-B4-386"] = t => Framework(Value(t, "TypeCode", "386", "<(?:\\w+:)?ExchangedDocument\\b") ?? t, "B4"),
        ["framework-S8"] = t => Framework(t, "S8"),
        ["framework-B9"] = t => Framework(t, "B9"),
        ["S8-groups"] = t => Framework(CiiGroups(t, false) ?? t, "S8"),
        ["S8-groups-broken"] = t => Framework(CiiGroups(t, true) ?? t, "S8"),
        ["B9-groups"] = t => Framework(CiiGroups(t, false) ?? t, "B9"),
        ["B9-groups-381"] = t => Framework(Value(CiiGroups(t, true) ?? t, "TypeCode", "381", "<(?:\\w+:)?ExchangedDocument\\b") ?? t, "B9"),
        ["S8-groups-384"] = t => Framework(Value(CiiGroups(t, false) ?? t, "TypeCode", "384", "<(?:\\w+:)?ExchangedDocument\\b") ?? t, "S8"),
        ["M9-groups-261"] = t => Framework(Value(CiiGroups(t, false) ?? t, "TypeCode", "261", "<(?:\\w+:)?ExchangedDocument\\b") ?? t, "M9"),
        ["S8-two-groups"] = t => Framework(CiiGroups(t, false, twoGroups: true) ?? t, "S8"),
        ["S8-status-empty"] = t => Framework(Nth(CiiGroups(t, false), "<ram:LineStatusReasonCode>DETAIL</ram:LineStatusReasonCode>", "<ram:LineStatusReasonCode> </ram:LineStatusReasonCode>") ?? t, "S8"),
        ["S8-group-grand"] = t => Framework(Nth(CiiGroups(t, false), "<ram:SpecifiedTradeSettlementLineMonetarySummation>", "<ram:SpecifiedTradeSettlementLineMonetarySummation><ram:TaxTotalAmount currencyID=\"EUR\">10.00</ram:TaxTotalAmount><ram:GrandTotalAmount>110.00</ram:GrandTotalAmount>") ?? t, "S8"),
        ["S8-group-grand-empty"] = t => Framework(Nth(CiiGroups(t, false), "<ram:SpecifiedTradeSettlementLineMonetarySummation>", "<ram:SpecifiedTradeSettlementLineMonetarySummation><ram:GrandTotalAmount> </ram:GrandTotalAmount>") ?? t, "S8"),
        ["S8-afl-916"] = t => Framework(Nth(CiiGroups(t, false), "<ram:TypeCode>130</ram:TypeCode><ram:ReferenceTypeCode>AFL", "<ram:TypeCode>916</ram:TypeCode><ram:ReferenceTypeCode>AFL") ?? t, "S8"),
        ["S8-avv"] = t => Framework(Nth(CiiGroups(t, false), "</ram:SpecifiedLineTradeSettlement>", "<ram:AdditionalReferencedDocument><ram:IssuerAssignedID>S8</ram:IssuerAssignedID><ram:TypeCode>130</ram:TypeCode><ram:ReferenceTypeCode>AVV</ram:ReferenceTypeCode></ram:AdditionalReferencedDocument><ram:AdditionalReferencedDocument><ram:IssuerAssignedID>X</ram:IssuerAssignedID><ram:TypeCode>130</ram:TypeCode><ram:ReferenceTypeCode>AVV</ram:ReferenceTypeCode></ram:AdditionalReferencedDocument></ram:SpecifiedLineTradeSettlement>") ?? t, "S8"),
        ["S8-exemption"] = t => Framework(Regex.Replace(CiiGroups(t, false) ?? t, "</ram:ApplicableTradeTax>", "<ram:ExemptionReason>#F-1# exo</ram:ExemptionReason></ram:ApplicableTradeTax>"), "S8"),
        ["S8-exemption-twice"] = t => Framework(Regex.Replace(CiiGroups(t, false) ?? t, "</ram:ApplicableTradeTax>", "<ram:ExemptionReason>#F-1#</ram:ExemptionReason><ram:ExemptionReason>#F-1#</ram:ExemptionReason></ram:ApplicableTradeTax>"), "S8"),
        ["S8-two-frameworks"] = t => Insert(Framework(t, "S8") ?? t, "<rsm:ExchangedDocumentContext>", "<ram:BusinessProcessSpecifiedDocumentContextParameter><ram:ID>B9</ram:ID></ram:BusinessProcessSpecifiedDocumentContextParameter>"),
        ["payment-terms-twice"] = t => Nth(t, "</ram:SpecifiedTradePaymentTerms>", "</ram:SpecifiedTradePaymentTerms><ram:SpecifiedTradePaymentTerms><ram:DueDateDateTime><udt:DateTimeString format=\"102\">20300101</udt:DateTimeString></ram:DueDateDateTime></ram:SpecifiedTradePaymentTerms>"),
        ["B2-payment-terms-twice"] = t => Framework(Nth(t, "</ram:SpecifiedTradePaymentTerms>", "</ram:SpecifiedTradePaymentTerms><ram:SpecifiedTradePaymentTerms><ram:DueDateDateTime><udt:DateTimeString format=\"102\">20300101</udt:DateTimeString></ram:DueDateDateTime></ram:SpecifiedTradePaymentTerms>") ?? t, "B2"),
        ["B9-groups-389"] = t => Framework(Value(CiiGroups(t, false) ?? t, "TypeCode", " 389 ", "<(?:\\w+:)?ExchangedDocument\\b") ?? t, "B9"),
        ["S8-389"] = t => Framework(Value(t, "TypeCode", "389", "<(?:\\w+:)?ExchangedDocument\\b") ?? t, "S8"),
        ["all-amounts-3-decimals"] = t => Regex.Replace(t, @">(-?\d+\.\d{2})<", ">${1}1<"),
        ["all-parties-ids"] = t => CiiAllParties(t),
    };

    private static readonly Dictionary<string, Func<string, string?>> Ubl = new(StringComparer.Ordinal)
    {
        ["amount-3-decimals"] = t => Value(t, "LineExtensionAmount", "100.001"),
        ["payable-20-digits"] = t => Value(t, "PayableAmount", "12345678901234567890"),
        ["allowance-amount-x"] = t => Value(t, "Amount", "1,00", "<(?:\\w+:)?AllowanceCharge\\b"),
        ["quantity-5-decimals"] = t => Value(t, "InvoicedQuantity", "1.00001") ?? Value(t, "CreditedQuantity", "1.00001"),
        ["base-quantity-x"] = t => Value(t, "BaseQuantity", "x"),
        ["price-negative"] = t => Value(t, "PriceAmount", "-12.5"),
        ["price-7-decimals"] = t => Value(t, "PriceAmount", "1.0000001"),
        ["rate-negative"] = t => Value(t, "Percent", "-20"),
        ["rate-5-chars"] = t => Value(t, "Percent", "20.125"),
        ["type-384"] = t => Value(t, "InvoiceTypeCode", "384"),
        ["type-386"] = t => Value(t, "InvoiceTypeCode", "386"),
        ["type-389"] = t => Value(t, "InvoiceTypeCode", "389"),
        ["cn-type-262"] = t => Value(t, "CreditNoteTypeCode", "262"),
        ["cn-type-381"] = t => Value(t, "CreditNoteTypeCode", "381"),
        ["due-before-issue"] = t => Value(t, "DueDate", "1999-01-01") ?? Insert(t, "</cbc:IssueDate>", "<cbc:DueDate>1999-01-01</cbc:DueDate>"),
        ["currency-USD"] = t => Value(t, "DocumentCurrencyCode", "USD"),
        ["seller-id-no-scheme"] = t => Insert(t, "<cac:AccountingSupplierParty><cac:Party>", "<cac:PartyIdentification><cbc:ID>123</cbc:ID></cac:PartyIdentification>"),
        ["seller-id-dup-scheme"] = t => Insert(t, "<cac:AccountingSupplierParty><cac:Party>", "<cac:PartyIdentification><cbc:ID schemeID=\"0088\">1</cbc:ID></cac:PartyIdentification><cac:PartyIdentification><cbc:ID schemeID=\"0088\">2</cbc:ID></cac:PartyIdentification>"),
        ["seller-0231"] = t => Insert(t, "<cac:AccountingSupplierParty><cac:Party>", "<cac:PartyIdentification><cbc:ID schemeID=\"0231\">123456789</cbc:ID></cac:PartyIdentification>"),
        ["seller-0231-note"] = t => Insert(Insert(t, "<cac:AccountingSupplierParty><cac:Party>", "<cac:PartyIdentification><cbc:ID schemeID=\"0231\">123456789</cbc:ID></cac:PartyIdentification>") ?? t, "</cbc:IssueDate>", "<cbc:Note>#TXD#MEMBRE_ASSUJETTI_UNIQUE#</cbc:Note>"),
        ["framework-B2"] = t => Profile(t, "B2"),
        ["framework-B4-386"] = t => Profile(Value(t, "InvoiceTypeCode", "386") ?? t, "B4"),
        ["framework-S8"] = t => Profile(t, "S8"),
        ["framework-B9"] = t => Profile(t, "B9"),
        ["S8-groups"] = t => Profile(UblGroups(t, false) ?? t, "S8"),
        ["S8-groups-broken"] = t => Profile(UblGroups(t, true) ?? t, "S8"),
        ["B9-groups"] = t => Profile(UblGroups(t, false) ?? t, "B9"),
        ["S8-groups-384"] = t => Profile(Value(UblGroups(t, false) ?? t, "InvoiceTypeCode", "384") ?? t, "S8"),
        ["B9-groups-381"] = t => Profile(Value(UblGroups(t, true) ?? t, "CreditNoteTypeCode", "381") ?? t, "B9"),
        ["S8-two-groups"] = t => Profile(UblGroups(t, false, twoGroups: true) ?? t, "S8"),
        ["S8-group-grand"] = t => Profile(Nth(UblGroups(t, false), "<cac:Item>", "<cbc:TaxInclusiveLineExtensionAmount currencyID=\"EUR\">110.00</cbc:TaxInclusiveLineExtensionAmount><cac:TaxTotal><cbc:TaxAmount currencyID=\"EUR\">10.00</cbc:TaxAmount></cac:TaxTotal><cac:Item>") ?? t, "S8"),
        ["S8-avv"] = t => Profile(Nth(UblGroups(t, false), "<cac:Item>", "<cac:DocumentReference><cbc:ID schemeID=\"AVV\">S8</cbc:ID><cbc:DocumentTypeCode>130</cbc:DocumentTypeCode></cac:DocumentReference><cac:Item>") ?? t, "S8"),
        ["S8-exemption"] = t => Profile(Regex.Replace(UblGroups(t, false) ?? t, "</cac:ClassifiedTaxCategory>", "<cbc:TaxExemptionReason>#F-1# exo</cbc:TaxExemptionReason></cac:ClassifiedTaxCategory>"), "S8"),
        ["S8-389"] = t => Profile(Value(UblGroups(t, false) ?? t, "InvoiceTypeCode", "389") ?? t, "S8"),
        ["B9-groups-261"] = t => Profile(Value(UblGroups(t, false) ?? t, "InvoiceTypeCode", "261") ?? t, "B9"),
        ["price-base-negative"] = t => Value(t, "BaseAmount", "-1", "<(?:\\w+:)?Price\\b"),
        ["B2-two-due-dates"] = t => Profile(Insert(t, "</cbc:IssueDate>", "<cbc:DueDate>2030-01-01</cbc:DueDate><cbc:DueDate>2030-01-02</cbc:DueDate>") ?? t, "B2"),
        ["tax-currency-EUR-USD"] = t => Insert(Value(t, "DocumentCurrencyCode", "USD") ?? t, "</cbc:DocumentCurrencyCode>", "<cbc:TaxCurrencyCode>EUR</cbc:TaxCurrencyCode>"),
        ["all-amounts-3-decimals"] = t => Regex.Replace(t, @">(-?\d+\.\d{2})<", ">${1}1<"),
        ["all-parties-ids"] = t => UblAllParties(t),
    };

    public static IEnumerable<(string Name, string Text)> Of(string text, string syntax)
    {
        foreach (var (name, op) in syntax == "ubl" ? Ubl : Cii)
        {
            var mutated = op(text);
            if (mutated is not null && mutated != text)
            {
                yield return (name, mutated);
            }
        }
    }

    private static string? Value(string text, string local, string value, string? after = null)
    {
        var start = 0;
        if (after is not null)
        {
            var a = Regex.Match(text, after);
            if (!a.Success)
            {
                return null;
            }

            start = a.Index + a.Length;
        }

        var m = new Regex($@"(<(?:\w+:)?{local}\b[^>/]*>)([^<]*)(</(?:\w+:)?{local}>)").Match(text, start);
        return m.Success ? text.Substring(0, m.Index) + m.Groups[1].Value + value + m.Groups[3].Value + text.Substring(m.Index + m.Length) : null;
    }

    /// <summary>Every party BR-FR-CO-10 names, each with a global id without scheme and two with the same scheme.</summary>
    private static string? CiiAllParties(string text)
    {
        const string Ids = "<ram:GlobalID>1</ram:GlobalID><ram:GlobalID schemeID=\"0088\">2</ram:GlobalID><ram:GlobalID schemeID=\"0088\">3</ram:GlobalID>";
        var t = Regex.Replace(text, "<ram:(SellerTradeParty|BuyerTradeParty)>", "$0" + Ids);
        t = Insert(t, "<ram:ApplicableHeaderTradeAgreement>", $"<ram:SalesAgentTradeParty>{Ids}</ram:SalesAgentTradeParty><ram:BuyerAgentTradeParty>{Ids}</ram:BuyerAgentTradeParty>") ?? t;
        t = Insert(t, "<ram:ApplicableHeaderTradeSettlement>", $"<ram:InvoicerTradeParty>{Ids}</ram:InvoicerTradeParty><ram:InvoiceeTradeParty>{Ids}</ram:InvoiceeTradeParty><ram:PayeeTradeParty>{Ids}</ram:PayeeTradeParty><ram:PayerTradeParty>{Ids}</ram:PayerTradeParty>") ?? t;
        t = Regex.Replace(t, "<ram:ApplicableHeaderTradeDelivery/>", $"<ram:ApplicableHeaderTradeDelivery><ram:ShipToTradeParty>{Ids}</ram:ShipToTradeParty></ram:ApplicableHeaderTradeDelivery>");
        t = Regex.Replace(t, "<ram:ApplicableHeaderTradeDelivery>(?!<ram:ShipTo)", $"$0<ram:ShipToTradeParty>{Ids}</ram:ShipToTradeParty>");
        return Regex.Replace(t, "<ram:SpecifiedLineTradeDelivery>", $"$0<ram:ShipToTradeParty>{Ids}</ram:ShipToTradeParty>");
    }

    /// <summary>The UBL parties of BR-FR-CO-10 (agents, service providers, payee, payer, delivery locations), with the same ids.</summary>
    private static string? UblAllParties(string text)
    {
        const string Ids = "<cac:PartyIdentification><cbc:ID>1</cbc:ID></cac:PartyIdentification><cac:PartyIdentification><cbc:ID schemeID=\"0088\">2</cbc:ID></cac:PartyIdentification><cac:PartyIdentification><cbc:ID schemeID=\"0088\">3</cbc:ID></cac:PartyIdentification>";
        const string LocationIds = "<cbc:ID>1</cbc:ID><cbc:ID schemeID=\"0088\">2</cbc:ID><cbc:ID schemeID=\"0088\">3</cbc:ID>";
        var t = Regex.Replace(text, @"<cac:(AccountingSupplierParty|AccountingCustomerParty)>\s*<cac:Party>", $"$0{Ids}<cac:AgentParty>{Ids}</cac:AgentParty><cac:ServiceProviderParty><cac:Party>{Ids}</cac:Party></cac:ServiceProviderParty>");
        t = Insert(t, "</cac:AccountingCustomerParty>", $"<cac:PayeeParty>{Ids}</cac:PayeeParty><cac:Delivery><cac:DeliveryLocation>{LocationIds}</cac:DeliveryLocation></cac:Delivery><cac:PaymentMeans><cbc:PaymentMeansCode>59</cbc:PaymentMeansCode><cac:PaymentMandate><cac:PayerParty>{Ids}</cac:PayerParty></cac:PaymentMandate></cac:PaymentMeans>") ?? t;
        return Regex.Replace(t, "<cac:Item>", $"<cac:Delivery><cac:DeliveryLocation>{LocationIds}</cac:DeliveryLocation></cac:Delivery>$0");
    }

    /// <summary>Replaces the first occurrence of a text (null when absent or when the input is null).</summary>
    private static string? Nth(string? text, string find, string replacement)
    {
        var at = text?.IndexOf(find, StringComparison.Ordinal) ?? -1;
        return at < 0 ? null : string.Concat(text.AsSpan(0, at), replacement, text.AsSpan(at + find.Length));
    }

    private static string? Insert(string text, string anchor, string xml)
    {
        var m = Regex.Match(text, Regex.Escape(anchor).Replace(">", @"\s*>", StringComparison.Ordinal).Replace("<cac:Party", @"\s*<cac:Party", StringComparison.Ordinal));
        return m.Success ? text.Insert(m.Index + m.Length, xml) : null;
    }

    private static string? Framework(string text, string code)
    {
        var m = Regex.Match(text, @"(<ram:BusinessProcessSpecifiedDocumentContextParameter>\s*<ram:ID>)[^<]*(</ram:ID>)");
        if (m.Success)
        {
            return text.Substring(0, m.Index) + m.Groups[1].Value + code + m.Groups[2].Value + text.Substring(m.Index + m.Length);
        }

        return Insert(text, "<rsm:ExchangedDocumentContext>", $"<ram:BusinessProcessSpecifiedDocumentContextParameter><ram:ID>{code}</ram:ID></ram:BusinessProcessSpecifiedDocumentContextParameter>");
    }

    private static string? Profile(string text, string code) =>
        Value(text, "ProfileID", code) ?? Insert(text, "</cbc:CustomizationID>", $"<cbc:ProfileID>{code}</cbc:ProfileID>");

    /// <summary>The first line becomes a GROUP line (seller, AFL number), the others its DETAIL sub-lines; broken: no AFL on the sub-lines, a second GROUP with the same AFL.</summary>
    private static string? CiiGroups(string text, bool broken, bool twoGroups = false)
    {
        var lines = Regex.Matches(text, @"<ram:AssociatedDocumentLineDocument>\s*<ram:LineID>([^<]*)</ram:LineID>");
        if (lines.Count < 2)
        {
            return null;
        }

        var seller = Regex.Match(text, @"<ram:SellerTradeParty>.*?<ram:SpecifiedLegalOrganization>\s*<ram:ID[^>]*>([^<]*)</ram:ID>", RegexOptions.Singleline);
        var sellerId = seller.Success ? seller.Groups[1].Value : "123456789";
        var groupId = lines[0].Groups[1].Value;
        var i = 0;
        var withStatus = Regex.Replace(text, @"(<ram:AssociatedDocumentLineDocument>\s*<ram:LineID>[^<]*</ram:LineID>)", m =>
            m.Value + (i++ == 0 || ((broken || twoGroups) && i == 2) ? "<ram:LineStatusReasonCode>GROUP</ram:LineStatusReasonCode>" : $"<ram:ParentLineID>{groupId}</ram:ParentLineID><ram:LineStatusReasonCode>DETAIL</ram:LineStatusReasonCode>"));
        var j = 0;
        var withSeller = Regex.Replace(withStatus, @"<ram:SpecifiedLineTradeAgreement>", m =>
            m.Value + (j++ == 0 || !broken ? $"<ram:ItemSellerTradeParty><ram:Name>Vendeur</ram:Name><ram:SpecifiedLegalOrganization><ram:ID>{sellerId}</ram:ID></ram:SpecifiedLegalOrganization><ram:PostalTradeAddress><ram:CountryID>FR</ram:CountryID></ram:PostalTradeAddress></ram:ItemSellerTradeParty>" : string.Empty));
        var k = 0;
        return Regex.Replace(withSeller, @"</ram:SpecifiedLineTradeSettlement>", m =>
            (k++ == 0 || !broken ? "<ram:AdditionalReferencedDocument><ram:IssuerAssignedID>F-1</ram:IssuerAssignedID><ram:TypeCode>130</ram:TypeCode><ram:ReferenceTypeCode>AFL</ram:ReferenceTypeCode></ram:AdditionalReferencedDocument>" : string.Empty) + m.Value);
    }

    /// <summary>The UBL counterpart: GROUP/DETAIL BillingReferences to the invoice itself, AFL DocumentReferences, line sellers.</summary>
    private static string? UblGroups(string text, bool broken, bool twoGroups = false)
    {
        var id = Regex.Match(text, @"<cbc:ID>([^<]*)</cbc:ID>");
        var lines = Regex.Matches(text, @"<cac:(?:Invoice|CreditNote)Line>\s*<cbc:ID>([^<]*)</cbc:ID>");
        if (!id.Success || lines.Count < 2)
        {
            return null;
        }

        var invoiceId = id.Groups[1].Value;
        var groupId = lines[0].Groups[1].Value;
        var seller = Regex.Match(text, @"<cac:AccountingSupplierParty>.*?<cac:PartyLegalEntity>.*?<cbc:CompanyID[^>]*>([^<]*)</cbc:CompanyID>", RegexOptions.Singleline);
        var sellerId = seller.Success ? seller.Groups[1].Value : "123456789";
        var i = 0;
        var withRefs = Regex.Replace(text, @"<cac:Item>", m =>
        {
            var first = i++ == 0;
            var status = first || ((broken || twoGroups) && i == 2)
                ? $"<cac:BillingReference><cac:InvoiceDocumentReference><cbc:ID>{invoiceId}</cbc:ID><cbc:DocumentStatusCode>GROUP</cbc:DocumentStatusCode></cac:InvoiceDocumentReference></cac:BillingReference>"
                : $"<cac:BillingReference><cac:InvoiceDocumentReference><cbc:ID>{invoiceId}</cbc:ID><cbc:DocumentStatusCode>DETAIL</cbc:DocumentStatusCode></cac:InvoiceDocumentReference><cac:BillingReferenceLine><cbc:ID>{groupId}</cbc:ID></cac:BillingReferenceLine></cac:BillingReference>";
            var afl = first || !broken ? "<cac:DocumentReference><cbc:ID schemeID=\"AFL\">F-1</cbc:ID><cbc:DocumentTypeCode>130</cbc:DocumentTypeCode></cac:DocumentReference>" : string.Empty;
            return status + afl + m.Value;
        });
        var j = 0;
        return Regex.Replace(withRefs, @"</cac:Item>", m =>
            (j++ == 0 || !broken ? $"<cac:ManufacturerParty><cac:PostalAddress><cac:Country><cbc:IdentificationCode>FR</cbc:IdentificationCode></cac:Country></cac:PostalAddress><cac:PartyLegalEntity><cbc:RegistrationName>Vendeur</cbc:RegistrationName><cbc:CompanyID>{sellerId}</cbc:CompanyID></cac:PartyLegalEntity></cac:ManufacturerParty>" : string.Empty) + m.Value);
    }
}
