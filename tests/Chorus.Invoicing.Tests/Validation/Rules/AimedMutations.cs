using System.Text.RegularExpressions;

namespace Chorus.Invoicing.Tests.Validation.Rules;

/// <summary>
/// Mutation kinds aimed at the conditional CII syntax rules and the binding-dependent BR rules (BR-17, 49..61, B-01/02,
/// IC-11/12): text-level edits of a valid invoice that make one of them fire (or come close), including inputs where
/// XPath raises a dynamic error (a non-boolean indicator, two type codes, two delivery dates).
/// </summary>
internal static class AimedMutations
{
    public static readonly (string Name, string Syntax, Func<string, string?> Apply)[] All =
    [
        ("pm-30-no-iban", "cii", t => Drop(SetIn(t, "SpecifiedTradeSettlementPaymentMeans", "TypeCode", "30"), "IBANID")),
        ("pm-58-no-account", "cii", t => DropBlock(SetIn(t, "SpecifiedTradeSettlementPaymentMeans", "TypeCode", "58"), "PayeePartyCreditorFinancialAccount")),
        ("pm-no-typecode", "cii", t => DropIn(t, "SpecifiedTradeSettlementPaymentMeans", "TypeCode")),
        ("pm-twice-differing", "cii", t => DuplicateChanged(t, "SpecifiedTradeSettlementPaymentMeans", "<ram:TypeCode>[^<]*</ram:TypeCode>", "<ram:TypeCode> 4</ram:TypeCode><ram:Information>x</ram:Information>")),
        ("due-date-codes-differ", "cii", t => InsertBefore(t, "</ram:ApplicableTradeTax>", "<ram:DueDateTypeCode>5</ram:DueDateTypeCode>", "<ram:DueDateTypeCode>72</ram:DueDateTypeCode>")),
        ("payment-reference-twice", "cii", t => InsertAfterOpen(t, "ApplicableHeaderTradeSettlement", "<ram:PaymentReference>A</ram:PaymentReference><ram:PaymentReference>B</ram:PaymentReference>")),
        ("global-id-no-scheme", "cii", t => InsertAfterOpen(t, "SpecifiedTradeProduct", "<ram:GlobalID>4000001123452</ram:GlobalID>")),
        ("id-attributes", "cii", t => t.Replace("<ram:ID>", "<ram:ID schemeName=\"n\" schemeAgencyName=\"a\" schemeDataURI=\"d\" schemeURI=\"u\" schemeID=\"s\" schemeAgencyID=\"g\" schemeVersionID=\"v\">", StringComparison.Ordinal)),
        ("typecode-attributes", "cii", t => t.Replace("<ram:TypeCode>", "<ram:TypeCode name=\"n\" listURI=\"u\" listID=\"i\" listAgencyID=\"a\" listVersionID=\"v\">", StringComparison.Ordinal)),
        ("category-attributes", "cii", t => t.Replace("<ram:CategoryCode>", "<ram:CategoryCode listID=\"i\" listAgencyID=\"a\" listVersionID=\"v\" listURI=\"u\">", StringComparison.Ordinal)),
        ("amount-attributes", "cii", t => t.Replace("<ram:LineTotalAmount>", "<ram:LineTotalAmount currencyID=\"EUR\" currencyCodeListVersionID=\"1\">", StringComparison.Ordinal)),
        ("quantity-attributes", "cii", t => Regex.Replace(t, "<ram:BilledQuantity unitCode=\"[^\"]*\"", "<ram:BilledQuantity unitCodeListID=\"l\" unitCodeListAgencyID=\"a\" unitCodeListAgencyName=\"n\"")),
        ("line-tax-extras", "cii", t => Sub(t, @"(<ram:SpecifiedLineTradeSettlement>\s*<ram:ApplicableTradeTax>)", "$1<ram:BasisAmount>1</ram:BasisAmount><ram:ExemptionReasonCode>X</ram:ExemptionReasonCode><ram:ExemptionReason>x</ram:ExemptionReason><ram:TaxPointDate/><ram:DueDateTypeCode>5</ram:DueDateTypeCode>")),
        ("allowance-tax-extras", "cii", t => Sub(t, "(<ram:CategoryTradeTax>)", "$1<ram:BasisAmount>1</ram:BasisAmount><ram:ExemptionReasonCode>X</ram:ExemptionReasonCode><ram:ExemptionReason>x</ram:ExemptionReason><ram:TaxPointDate/><ram:DueDateTypeCode>5</ram:DueDateTypeCode>")),
        ("tax-type-gst", "cii", t => Regex.Replace(t, "(<ram:CategoryTradeTax>\\s*<ram:TypeCode>)VAT", "${1}GST")),
        ("date-102-dashes", "cii", t => Regex.Replace(t, "(<udt:DateTimeString format=\"102\">)(\\d{4})(\\d{2})(\\d{2})", "${1}${2}-${3}-${4}")),
        ("date-102-padded", "cii", t => Regex.Replace(t, "(<udt:DateTimeString format=\"102\">)(\\d{8})", "${1} ${2}\n")),
        ("root-language", "cii", t => Regex.Replace(t, "<rsm:CrossIndustryInvoice ", "<rsm:CrossIndustryInvoice languageID=\"fr\" languageLocaleID=\"fr-FR\" ")),
        ("documents-50-twice", "cii", t => InsertBefore(t, "</ram:ApplicableHeaderTradeAgreement>", "<ram:AdditionalReferencedDocument><ram:IssuerAssignedID>A</ram:IssuerAssignedID><ram:URIID>u</ram:URIID><ram:TypeCode>50</ram:TypeCode><ram:Name>n</ram:Name><ram:ReferenceTypeCode>AAA</ram:ReferenceTypeCode><ram:FormattedIssueDateTime/></ram:AdditionalReferencedDocument><ram:AdditionalReferencedDocument><ram:IssuerAssignedID>B</ram:IssuerAssignedID><ram:TypeCode> 50</ram:TypeCode><ram:TypeCode>50</ram:TypeCode></ram:AdditionalReferencedDocument>")),
        ("documents-50-twice-clean", "cii", t => InsertBefore(t, "</ram:ApplicableHeaderTradeAgreement>", "<ram:AdditionalReferencedDocument><ram:IssuerAssignedID>A</ram:IssuerAssignedID><ram:URIID>u</ram:URIID><ram:TypeCode>50</ram:TypeCode><ram:Name>n</ram:Name><ram:ReferenceTypeCode>AAA</ram:ReferenceTypeCode></ram:AdditionalReferencedDocument><ram:AdditionalReferencedDocument><ram:IssuerAssignedID>B</ram:IssuerAssignedID><ram:TypeCode>50</ram:TypeCode></ram:AdditionalReferencedDocument>")),
        ("document-issue-date", "cii", t => InsertBefore(t, "</ram:ApplicableHeaderTradeAgreement>", "<ram:AdditionalReferencedDocument><ram:IssuerAssignedID>A</ram:IssuerAssignedID><ram:TypeCode>130</ram:TypeCode><ram:FormattedIssueDateTime><qdt:DateTimeString xmlns:qdt=\"urn:un:unece:uncefact:data:standard:QualifiedDataType:100\" format=\"102\">20240101</qdt:DateTimeString></ram:FormattedIssueDateTime></ram:AdditionalReferencedDocument>")),
        ("typecode-dropped", "cii", t => DropIn(t, "ExchangedDocument", "TypeCode")),
        ("documents-916-names", "cii", t => InsertBefore(t, "</ram:ApplicableHeaderTradeAgreement>", "<ram:AdditionalReferencedDocument><ram:IssuerAssignedID>A</ram:IssuerAssignedID><ram:TypeCode> 916 </ram:TypeCode><ram:Name>a</ram:Name><ram:Name>b</ram:Name><ram:AttachmentBinaryObject mimeCode=\"text/csv\" filename=\"a.csv\">QQ==</ram:AttachmentBinaryObject></ram:AdditionalReferencedDocument><ram:AdditionalReferencedDocument><ram:IssuerAssignedID>B</ram:IssuerAssignedID><ram:TypeCode>916</ram:TypeCode><ram:AttachmentBinaryObject mimeCode=\"text/csv\" filename=\"b.csv\">QQ==</ram:AttachmentBinaryObject></ram:AdditionalReferencedDocument>")),
        ("line-documents-130", "cii", t => InsertBefore(t, "</ram:SpecifiedLineTradeSettlement>", "<ram:AdditionalReferencedDocument><ram:IssuerAssignedID>A</ram:IssuerAssignedID><ram:TypeCode>130</ram:TypeCode></ram:AdditionalReferencedDocument><ram:AdditionalReferencedDocument><ram:IssuerAssignedID>B</ram:IssuerAssignedID><ram:TypeCode>130 </ram:TypeCode></ram:AdditionalReferencedDocument>")),
        ("header-category-K", "cii", t => SetIn(t, "ApplicableHeaderTradeSettlement", "CategoryCode", "K")),
        ("header-category-K-two-types", "cii", t => Regex.Replace(SetIn(t, "ApplicableHeaderTradeSettlement", "CategoryCode", "K") ?? t, "(<ram:ApplicableHeaderTradeSettlement>.*?<ram:ApplicableTradeTax>)", "${1}<ram:TypeCode>vat</ram:TypeCode>", RegexOptions.Singleline)),
        ("line-category-B", "cii", t => SetIn(t, "IncludedSupplyChainTradeLineItem", "CategoryCode", "B")),
        ("payee-without-name", "cii", t => InsertAfterOpen(t, "ApplicableHeaderTradeSettlement", "<ram:PayeeTradeParty><ram:ID>1</ram:ID><ram:GlobalID schemeID=\"0088\">1</ram:GlobalID></ram:PayeeTradeParty>")),
        ("payee-named-as-seller", "cii", t => PayeeAsSeller(t)),
        ("tax-currency", "cii", t => InsertBefore(t, "<ram:InvoiceCurrencyCode>", "<ram:TaxCurrencyCode>USD</ram:TaxCurrencyCode>")),
        ("tax-currency-same", "cii", t => Regex.Replace(t, "(<ram:InvoiceCurrencyCode>)([^<]*)(</ram:InvoiceCurrencyCode>)", "<ram:TaxCurrencyCode>$2</ram:TaxCurrencyCode>$1$2$3")),
        ("preceding-invoice-blank", "cii", t => InsertBefore(t, "</ram:ApplicableHeaderTradeSettlement>", "<ram:InvoiceReferencedDocument><ram:IssuerAssignedID> </ram:IssuerAssignedID></ram:InvoiceReferencedDocument>")),
        ("card-full-number", "cii", t => InsertBefore(t, "</ram:SpecifiedTradeSettlementPaymentMeans>", "<ram:ApplicableTradeSettlementFinancialCard><ram:ID>1234 5678 9012 3456</ram:ID></ram:ApplicableTradeSettlementFinancialCard>")),
        ("allowance-no-indicator", "cii", t => DropBlockIn(t, "SpecifiedTradeAllowanceCharge", "ChargeIndicator")),
        ("price-charge", "cii", t => InsertAfterOpen(t, "GrossPriceProductTradePrice", "<ram:AppliedTradeAllowanceCharge><ram:ChargeIndicator><udt:Indicator>true</udt:Indicator></ram:ChargeIndicator><ram:ActualAmount>1</ram:ActualAmount></ram:AppliedTradeAllowanceCharge>", "ChargeAmount")),
        ("price-indicator-invalid", "cii", t => InsertAfterOpen(t, "GrossPriceProductTradePrice", "<ram:AppliedTradeAllowanceCharge><ram:ChargeIndicator><udt:Indicator>yes</udt:Indicator></ram:ChargeIndicator><ram:ActualAmount>1</ram:ActualAmount></ram:AppliedTradeAllowanceCharge>", "ChargeAmount")),
        ("price-allowance-no-amount", "cii", t => InsertAfterOpen(t, "GrossPriceProductTradePrice", "<ram:AppliedTradeAllowanceCharge><ram:ChargeIndicator><udt:Indicator> 0 </udt:Indicator></ram:ChargeIndicator></ram:AppliedTradeAllowanceCharge>", "ChargeAmount")),
        ("contacts-both", "cii", t => InsertBefore(t, "</ram:SellerTradeParty>", "<ram:DefinedTradeContact><ram:PersonName>A</ram:PersonName></ram:DefinedTradeContact><ram:DefinedTradeContact><ram:DepartmentName>B</ram:DepartmentName></ram:DefinedTradeContact>")),
        ("buyer-and-shipto-ids", "cii", t => InsertBefore(InsertBefore(t, "</ram:BuyerTradeParty>", "<ram:ID>1</ram:ID><ram:GlobalID schemeID=\"0088\">1</ram:GlobalID>"), "<ram:ApplicableHeaderTradeSettlement>", "<ram:ApplicableHeaderTradeDelivery><ram:ShipToTradeParty><ram:ID>1</ram:ID><ram:GlobalID schemeID=\"0088\">1</ram:GlobalID></ram:ShipToTradeParty></ram:ApplicableHeaderTradeDelivery>")),
        ("guideline-dropped", "cii", t => DropBlock(t, "GuidelineSpecifiedDocumentContextParameter")),
        ("typecode-twice", "cii", t => Regex.Replace(t, "(<rsm:ExchangedDocument>.*?)(<ram:TypeCode>[^<]*</ram:TypeCode>)", "$1$2$2", RegexOptions.Singleline)),
        ("line-tax-twice", "cii", t => Regex.Replace(t, "(<ram:SpecifiedLineTradeSettlement>\\s*)(<ram:ApplicableTradeTax>.*?</ram:ApplicableTradeTax>)", "$1$2$2", RegexOptions.Singleline)),
        ("characteristic-odd", "cii", t => InsertBefore(t, "</ram:SpecifiedTradeProduct>", "<ram:ApplicableProductCharacteristic><ram:Description>a</ram:Description><ram:Description>b</ram:Description></ram:ApplicableProductCharacteristic><ram:OriginTradeCountry><ram:ID>FR</ram:ID><ram:ID>DE</ram:ID></ram:OriginTradeCountry>")),
        ("net-price-twice", "cii", t => Regex.Replace(t, "(<ram:NetPriceProductTradePrice>\\s*)(<ram:ChargeAmount>[^<]*</ram:ChargeAmount>)", "$1$2$2")),
        ("pm-30-no-account-id", "ubl", t => DropIn(SetIn(t, "PaymentMeans", "PaymentMeansCode", "30"), "PayeeFinancialAccount", "ID")),
        ("pm-58-no-account", "ubl", t => DropBlock(SetIn(t, "PaymentMeans", "PaymentMeansCode", "58"), "PayeeFinancialAccount")),
        ("pm-code-dropped", "ubl", t => DropIn(t, "PaymentMeans", "PaymentMeansCode")),
        ("pm-code-spaced", "ubl", t => SetIn(t, "PaymentMeans", "PaymentMeansCode", " 30 ")),
        ("billing-reference-no-id", "ubl", t => InsertBefore(t, "<cac:AccountingSupplierParty>", "<cac:BillingReference><cac:InvoiceDocumentReference><cbc:IssueDate>2020-01-01</cbc:IssueDate></cac:InvoiceDocumentReference></cac:BillingReference>")),
        ("payee-without-name", "ubl", t => InsertBefore(t, "<cac:TaxTotal>", "<cac:PayeeParty><cac:PartyIdentification><cbc:ID>1</cbc:ID></cac:PartyIdentification></cac:PayeeParty>")),
        ("payee-named-as-seller", "ubl", t => PayeeAsSellerUbl(t)),
        ("tax-currency", "ubl", t => InsertAfterElement(t, "DocumentCurrencyCode", "<cbc:TaxCurrencyCode>USD</cbc:TaxCurrencyCode>")),
        ("breakdown-category-K", "ubl", t => SetIn(t, "TaxSubtotal", "ID", "K")),
        ("breakdown-category-K-two-deliveries", "ubl", t => InsertBefore(SetIn(t, "TaxSubtotal", "ID", "K") ?? t, "<cac:TaxTotal>", "<cac:Delivery><cbc:ActualDeliveryDate>2024-01-01</cbc:ActualDeliveryDate></cac:Delivery><cac:Delivery><cbc:ActualDeliveryDate>2024-01-02</cbc:ActualDeliveryDate></cac:Delivery>")),
        ("line-category-B", "ubl", t => SetIn(t, "ClassifiedTaxCategory", "ID", "B")),
        ("card-full-number", "ubl", t => InsertAfterElement(t, "PaymentMeansCode", "<cac:CardAccount><cbc:PrimaryAccountNumberID>1234567890123456</cbc:PrimaryAccountNumberID><cbc:NetworkID>VISA</cbc:NetworkID></cac:CardAccount>")),
    ];

    private static string Open(string local) => $@"<(?:\w+:)?{local}\b[^>]*>";

    private static string? Sub(string text, string pattern, string replacement, RegexOptions options = RegexOptions.Singleline)
    {
        var m = new Regex(pattern, options).Match(text);
        return m.Success ? string.Concat(text.AsSpan(0, m.Index), m.Result(replacement), text.AsSpan(m.Index + m.Length)) : null;
    }

    // The first <inner> after the first <outer ...>: its text set to value.
    private static string? SetIn(string? text, string outer, string inner, string value) =>
        text is null ? null : Sub(text, $@"({Open(outer)}(?:(?!</(?:\w+:)?{outer}>).)*?<(?:\w+:)?{inner}\b[^>]*>)[^<]*", "${1}" + value);

    private static string? DropIn(string? text, string outer, string inner) =>
        text is null ? null : Sub(text, $@"({Open(outer)}(?:(?!</(?:\w+:)?{outer}>).)*?)<(?:\w+:)?{inner}\b[^>]*>[^<]*</(?:\w+:)?{inner}>", "$1");

    private static string? DropBlockIn(string? text, string outer, string inner) =>
        text is null ? null : Sub(text, $@"({Open(outer)}(?:(?!</(?:\w+:)?{outer}>).)*?)<(?:\w+:)?{inner}\b[^>]*>.*?</(?:\w+:)?{inner}>", "$1");

    private static string? Drop(string? text, string local) =>
        text is null ? null : Sub(text, $@"<(?:\w+:)?{local}\b[^>]*>[^<]*</(?:\w+:)?{local}>", string.Empty);

    private static string? DropBlock(string? text, string local) =>
        text is null ? null : Sub(text, $@"<(?:\w+:)?{local}\b[^>]*>.*?</(?:\w+:)?{local}>", string.Empty);

    private static string? InsertBefore(string? text, string marker, params string[] inserts)
    {
        if (text is null)
        {
            return null;
        }

        var i = text.IndexOf(marker, StringComparison.Ordinal);
        return i < 0 ? null : string.Concat(text.AsSpan(0, i), string.Concat(inserts), text.AsSpan(i));
    }

    // Right after the opening tag of the first <local> (after the first <after> inside it when given).
    private static string? InsertAfterOpen(string text, string local, string insert, string? after = null) =>
        after is null
            ? Sub(text, $"({Open(local)})", "$1" + insert.Replace("$", "$$", StringComparison.Ordinal))
            : Sub(text, $@"({Open(local)}(?:(?!</(?:\w+:)?{local}>).)*?</(?:\w+:)?{after}>)", "$1" + insert.Replace("$", "$$", StringComparison.Ordinal));

    private static string? InsertAfterElement(string text, string local, string insert) =>
        Sub(text, $@"(<(?:\w+:)?{local}\b[^>]*>[^<]*</(?:\w+:)?{local}>)", "$1" + insert);

    private static string? PayeeAsSeller(string text)
    {
        var name = Regex.Match(text, @"<ram:SellerTradeParty>.*?<ram:Name>([^<]*)</ram:Name>", RegexOptions.Singleline);
        return name.Success ? InsertAfterOpen(text, "ApplicableHeaderTradeSettlement", $"<ram:PayeeTradeParty><ram:Name>{name.Groups[1].Value}</ram:Name></ram:PayeeTradeParty>") : null;
    }

    private static string? PayeeAsSellerUbl(string text)
    {
        var name = Regex.Match(text, @"<cac:AccountingSupplierParty>.*?<cac:PartyName>\s*<cbc:Name>([^<]*)</cbc:Name>", RegexOptions.Singleline);
        return name.Success ? InsertBefore(text, "<cac:TaxTotal>", $"<cac:PayeeParty><cac:PartyName><cbc:Name>{name.Groups[1].Value}</cbc:Name></cac:PartyName></cac:PayeeParty>") : null;
    }

    // The first <local> block followed by a copy of it with a change.
    private static string? DuplicateChanged(string text, string local, string find, string replace)
    {
        var m = Regex.Match(text, $@"<(?:\w+:)?{local}\b[^>]*>.*?</(?:\w+:)?{local}>", RegexOptions.Singleline);
        return m.Success ? string.Concat(text.AsSpan(0, m.Index + m.Length), Regex.Replace(m.Value, find, replace), text.AsSpan(m.Index + m.Length)) : null;
    }
}
