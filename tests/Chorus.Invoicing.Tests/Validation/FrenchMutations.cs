using System.Text.RegularExpressions;

namespace Chorus.Invoicing.Tests.Validation;

/// <summary>
/// Mutants aimed at the French reform's rules BR-FR-01 … BR-FR-32: SIREN/SIRET mismatch, bad or missing billing mode,
/// missing or repeated mentions, BAR treatment (B2B, self-billed, invalid, twice), identifiers, dates, VAT codes and
/// rates, electronic addresses, attachments, invoiced objects, item attributes, repeated addresses (a node-set where
/// XPath wants one string). Text-level edits; a kind that does not apply to a file gives no mutant.
/// </summary>
internal static class FrenchMutations
{
    private static string CiiBar(string content) => "<ram:IncludedNote><ram:Content>" + content + "</ram:Content><ram:SubjectCode>BAR</ram:SubjectCode></ram:IncludedNote>";

    private static readonly Dictionary<string, Func<string, string?>> Cii = new(StringComparer.Ordinal)
    {
        ["fr-seller-siret-mismatch"] = t => Sub(t, @"(<ram:GlobalID schemeID=""0009"">)[^<]*", "${1}11111111100011"),
        ["fr-seller-siret-13-digits"] = t => Sub(t, @"(<ram:GlobalID schemeID=""0009"">)[^<]*", "${1}1234567820007"),
        ["fr-seller-siret-added"] = t => Sub(t, @"(<ram:SellerTradeParty>)", "${1}<ram:GlobalID schemeID=\"0009\">98765432100015</ram:GlobalID>"),
        ["fr-payee-siret-fallback"] = t => Sub(t, @"(<ram:ApplicableHeaderTradeSettlement>)", "${1}<ram:PayeeTradeParty><ram:GlobalID schemeID=\"0009\">12345678200077</ram:GlobalID><ram:Name>P</ram:Name></ram:PayeeTradeParty>"),
        ["fr-payee-two-sirets"] = t => Sub(t, @"(<ram:ApplicableHeaderTradeSettlement>)", "${1}<ram:PayeeTradeParty><ram:GlobalID schemeID=\"0009\">12345678200077</ram:GlobalID><ram:GlobalID schemeID=\"0009\">12345678200078</ram:GlobalID><ram:Name>P</ram:Name></ram:PayeeTradeParty>"),
        ["fr-payee-two-sirens"] = t => Sub(t, @"(<ram:ApplicableHeaderTradeSettlement>)", "${1}<ram:PayeeTradeParty><ram:GlobalID schemeID=\"0009\">12345678200077</ram:GlobalID><ram:Name>P</ram:Name><ram:SpecifiedLegalOrganization><ram:ID schemeID=\"0002\">123456782</ram:ID><ram:ID schemeID=\"0002\">123456782</ram:ID></ram:SpecifiedLegalOrganization></ram:PayeeTradeParty>"),
        ["fr-billing-mode-bad"] = t => Sub(t, @"(<ram:BusinessProcessSpecifiedDocumentContextParameter>\s*<ram:ID>)[^<]*", "${1}Z9"),
        ["fr-billing-mode-drop"] = t => Sub(t, @"<ram:BusinessProcessSpecifiedDocumentContextParameter>.*?</ram:BusinessProcessSpecifiedDocumentContextParameter>", string.Empty),
        ["fr-pmt-drop"] = t => Sub(t, "<ram:SubjectCode>PMT</ram:SubjectCode>", "<ram:SubjectCode>REG</ram:SubjectCode>"),
        ["fr-aab-as-pmd"] = t => Sub(t, "<ram:SubjectCode>AAB</ram:SubjectCode>", "<ram:SubjectCode>PMD</ram:SubjectCode>"),
        ["fr-bar-b2b"] = t => Sub(t, "(</rsm:ExchangedDocument>)", CiiBar("B2B") + "${1}"),
        ["fr-bar-invalid"] = t => Sub(t, "(</rsm:ExchangedDocument>)", CiiBar("B2X") + "${1}"),
        ["fr-bar-twice"] = t => Sub(t, "(</rsm:ExchangedDocument>)", CiiBar("B2B") + CiiBar(" B2C ") + "${1}"),
        ["fr-bar-b2b-self-billed"] = t => Sub(Sub(t, "(</rsm:ExchangedDocument>)", CiiBar("B2B") + "${1}"), @"(<rsm:ExchangedDocument>.*?<ram:TypeCode>)[^<]*", "${1}389"),
        ["fr-id-long"] = t => Sub(t, @"(<rsm:ExchangedDocument>\s*<ram:ID>)[^<]*", "${1}F2026002300000000000000000000000000000"),
        ["fr-id-space"] = t => Sub(t, @"(<rsm:ExchangedDocument>\s*<ram:ID>)[^<]*", "${1}F 2026"),
        ["fr-issue-date-1999"] = t => Sub(t, @"(<ram:IssueDateTime>\s*<udt:DateTimeString[^>]*>)[^<]*", "${1}19991231"),
        ["fr-issue-date-leap"] = t => Sub(t, @"(<ram:IssueDateTime>\s*<udt:DateTimeString[^>]*>)[^<]*", "${1}20240229"),
        ["fr-line-vat-L"] = t => Sub(t, @"(<ram:SpecifiedLineTradeSettlement>\s*<ram:ApplicableTradeTax>.*?<ram:CategoryCode>)[^<]*", "${1}L"),
        ["fr-line-vat-none"] = t => Sub(t, @"(<ram:SpecifiedLineTradeSettlement>\s*<ram:ApplicableTradeTax>.*?)<ram:CategoryCode>[^<]*</ram:CategoryCode>", "${1}"),
        ["fr-header-rate-19"] = t => Sub(t, @"(<ram:ApplicableHeaderTradeSettlement>.*?<ram:RateApplicablePercent>)[^<]*", "${1}19.00"),
        ["fr-uri-0225-bad"] = t => Sub(t, @"<ram:URIID schemeID=""[^""]*"">[^<]*", "<ram:URIID schemeID=\"0225\">bad@addr"),
        ["fr-uri-long"] = t => Sub(t, @"(<ram:URIID schemeID=""[^""]*"">)[^<]*", "${1}" + new string('a', 130)),
        ["fr-uri-twice"] = t => Sub(t, @"(<ram:URIUniversalCommunication>\s*<ram:URIID schemeID=.*?</ram:URIUniversalCommunication>)", "${1}${1}"),
        ["fr-siren-8-digits"] = t => Sub(t, @"(<ram:ID schemeID=""0002"">)\d{9}", "${1}12345678"),
        ["fr-siren-drop"] = t => Sub(t, @"<ram:ID schemeID=""0002"">[^<]*</ram:ID>", string.Empty),
        ["fr-global-0231"] = t => Sub(t, @"(<ram:SellerTradeParty>)", "${1}<ram:GlobalID schemeID=\"0231\">1234567890</ram:GlobalID><ram:GlobalID schemeID=\"0224\">bad id!</ram:GlobalID>"),
        ["fr-attachment-bad"] = t => Sub(t, "(</ram:ApplicableHeaderTradeAgreement>)", "<ram:AdditionalReferencedDocument><ram:IssuerAssignedID>X</ram:IssuerAssignedID><ram:TypeCode>916</ram:TypeCode><ram:Name>FOO</ram:Name></ram:AdditionalReferencedDocument>${1}"),
        ["fr-lisible-twice"] = t => Sub(t, "(</ram:ApplicableHeaderTradeAgreement>)", "<ram:AdditionalReferencedDocument><ram:IssuerAssignedID>X</ram:IssuerAssignedID><ram:TypeCode>916</ram:TypeCode><ram:Name>LISIBLE</ram:Name></ram:AdditionalReferencedDocument><ram:AdditionalReferencedDocument><ram:IssuerAssignedID>Y</ram:IssuerAssignedID><ram:TypeCode>916</ram:TypeCode><ram:Name> LISIBLE </ram:Name></ram:AdditionalReferencedDocument>${1}"),
        ["fr-afl-twice"] = t => Sub(t, "(</ram:ApplicableHeaderTradeAgreement>)", "<ram:AdditionalReferencedDocument><ram:IssuerAssignedID> </ram:IssuerAssignedID><ram:TypeCode>130</ram:TypeCode><ram:ReferenceTypeCode>AFL</ram:ReferenceTypeCode></ram:AdditionalReferencedDocument><ram:AdditionalReferencedDocument><ram:IssuerAssignedID>Y</ram:IssuerAssignedID><ram:TypeCode>130</ram:TypeCode><ram:ReferenceTypeCode>AFL</ram:ReferenceTypeCode><ram:ReferenceTypeCode>AVV</ram:ReferenceTypeCode></ram:AdditionalReferencedDocument>${1}"),
        ["fr-characteristic-bad"] = t => Sub(t, "(<ram:SpecifiedTradeProduct>)", "${1}<ram:ApplicableProductCharacteristic><ram:Description> </ram:Description><ram:Value>x</ram:Value><ram:ValueMeasure unitCode=\"\">1</ram:ValueMeasure></ram:ApplicableProductCharacteristic><ram:ApplicableProductCharacteristic><ram:ValueMeasure>1</ram:ValueMeasure></ram:ApplicableProductCharacteristic>"),
    };

    private static readonly Dictionary<string, Func<string, string?>> Ubl = new(StringComparer.Ordinal)
    {
        ["fr-siret-mismatch"] = t => Sub(t, @"(<cbc:ID schemeID=""0009"">)[^<]*", "${1}11111111100011"),
        ["fr-siret-added"] = t => Sub(t, @"(<cac:AccountingSupplierParty>\s*<cac:Party>)", "${1}<cac:PartyIdentification><cbc:ID schemeID=\"0009\">98765432100015</cbc:ID></cac:PartyIdentification><cac:PartyIdentification><cbc:ID schemeID=\"0224\">bad id!</cbc:ID></cac:PartyIdentification>"),
        ["fr-payee-two-sirens"] = t => Sub(t, "(</cac:AccountingCustomerParty>)", "${1}<cac:PayeeParty><cac:PartyIdentification><cbc:ID schemeID=\"0009\">12345678200077</cbc:ID></cac:PartyIdentification><cac:PartyLegalEntity><cbc:CompanyID schemeID=\"0002\">123456782</cbc:CompanyID></cac:PartyLegalEntity><cac:PartyLegalEntity><cbc:CompanyID schemeID=\"0002\">123456782</cbc:CompanyID></cac:PartyLegalEntity></cac:PayeeParty>"),
        ["fr-payee-fallback"] = t => Sub(t, "(</cac:AccountingCustomerParty>)", "${1}<cac:PayeeParty><cac:PartyIdentification><cbc:ID schemeID=\"0009\">12345678200077</cbc:ID></cac:PartyIdentification><cac:PartyIdentification><cbc:ID schemeID=\"0009\">1234567820007</cbc:ID></cac:PartyIdentification><cbc:EndpointID schemeID=\"0225\">a b</cbc:EndpointID></cac:PayeeParty>"),
        ["fr-profile-bad"] = t => Sub(t, "(<cbc:ProfileID>)[^<]*", "${1}Z9"),
        ["fr-profile-drop"] = t => Sub(t, "<cbc:ProfileID>[^<]*</cbc:ProfileID>", string.Empty),
        ["fr-pmt-drop"] = t => Sub(t, "#PMT#", "#REG#"),
        ["fr-aab-as-pmd"] = t => Sub(t, "#AAB#", "#PMD#"),
        ["fr-bar-b2b"] = t => Sub(t, "(</cbc:IssueDate>)", "${1}<cbc:Note>#BAR#B2B</cbc:Note>"),
        ["fr-bar-invalid"] = t => Sub(t, "(</cbc:IssueDate>)", "${1}<cbc:Note>#BAR#B2X#</cbc:Note>"),
        ["fr-bar-twice"] = t => Sub(t, "(</cbc:IssueDate>)", "${1}<cbc:Note>#BAR#B2B#</cbc:Note><cbc:Note>#BAR#B2C#</cbc:Note>"),
        ["fr-bar-b2b-self-billed"] = t => Sub(Sub(t, "(</cbc:IssueDate>)", "${1}<cbc:Note>#BAR#B2B#</cbc:Note>"), "(<cbc:InvoiceTypeCode>)[^<]*", "${1}389"),
        ["fr-id-long"] = t => Sub(t, "(<cbc:ID>)[^<]*", "${1}F2026002300000000000000000000000000000"),
        ["fr-id-space"] = t => Sub(t, "(<cbc:ID>)[^<]*", "${1}F 2026"),
        ["fr-issue-date-1999"] = t => Sub(t, "(<cbc:IssueDate>)[^<]*", "${1}1999-12-31"),
        ["fr-issue-date-compact"] = t => Sub(t, "(<cbc:IssueDate>)[^<]*", "${1}20240115"),
        ["fr-line-vat-L"] = t => Sub(t, @"(<cac:ClassifiedTaxCategory>\s*<cbc:ID>)[^<]*", "${1}L"),
        ["fr-subtotal-rate-19"] = t => Sub(t, @"(<cac:TaxSubtotal>.*?<cbc:Percent>)[^<]*", "${1}19"),
        ["fr-endpoint-bad"] = t => Sub(t, @"<cbc:EndpointID schemeID=""[^""]*"">[^<]*", "<cbc:EndpointID schemeID=\"0225\">bad@addr"),
        ["fr-endpoint-long"] = t => Sub(t, @"(<cbc:EndpointID schemeID=""[^""]*"">)[^<]*", "${1}" + new string('a', 130)),
        ["fr-endpoint-twice"] = t => Sub(t, @"(<cbc:EndpointID[^>]*>[^<]*</cbc:EndpointID>)", "${1}${1}"),
        ["fr-companyid-8-digits"] = t => Sub(t, @"(<cbc:CompanyID schemeID=""0002"">)\d{9}", "${1}12345678"),
        ["fr-attachment-bad"] = t => Sub(t, "(<cac:AccountingSupplierParty>)", "<cac:AdditionalDocumentReference><cbc:ID>X</cbc:ID><cbc:DocumentDescription>FOO</cbc:DocumentDescription></cac:AdditionalDocumentReference>${1}"),
        ["fr-lisible-twice"] = t => Sub(t, "(<cac:AccountingSupplierParty>)", "<cac:AdditionalDocumentReference><cbc:ID>X</cbc:ID><cbc:DocumentDescription>LISIBLE</cbc:DocumentDescription></cac:AdditionalDocumentReference><cac:AdditionalDocumentReference><cbc:ID>Y</cbc:ID><cbc:DocumentDescription>LISIBLE</cbc:DocumentDescription></cac:AdditionalDocumentReference>${1}"),
        ["fr-afl-twice"] = t => Sub(t, "(<cac:AccountingSupplierParty>)", "<cac:AdditionalDocumentReference><cbc:ID schemeID=\"AFL\"> </cbc:ID><cbc:ID schemeID=\"AFL\">Y</cbc:ID><cbc:ID schemeID=\"AVV\">Z</cbc:ID></cac:AdditionalDocumentReference>${1}"),
        ["fr-item-property-bad"] = t => Sub(t, "(<cac:Item>)", "${1}<cac:AdditionalItemProperty><cbc:Name> </cbc:Name><cbc:Value>x</cbc:Value><cbc:ValueQuantity unitCode=\"\">1</cbc:ValueQuantity></cac:AdditionalItemProperty>"),
        ["fr-allowance-category-M"] = t => Sub(t, @"(<cac:AllowanceCharge>.*?<cac:TaxCategory>\s*<cbc:ID>)[^<]*", "${1}M"),
        ["fr-legal-0002-added"] = t => Sub(t, @"(<cac:AccountingCustomerParty>\s*<cac:Party>)", "${1}<cac:PartyIdentification><cbc:ID schemeID=\"0231\">12345</cbc:ID></cac:PartyIdentification>"),
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

    // The first match replaced (a .NET replacement pattern), or null when the pattern is not there.
    private static string? Sub(string? text, string pattern, string replacement)
    {
        if (text is null)
        {
            return null;
        }

        var regex = new Regex(pattern, RegexOptions.Singleline);
        return regex.IsMatch(text) ? regex.Replace(text, replacement, 1) : null;
    }
}
