// The conditional UBL syntax rules of the CEN/TC 434 artefacts v1.3.16 (pattern UBL-syntax of
// EN16931-UBL-validation-preprocessed.sch): rule id, flag, context and message are facts of the artefacts; each test is
// C# with the meaning of the artefacts' XPath (quoted beside it).
using Chorus.Invoicing.Validation.Rules.Tree;

namespace Chorus.Invoicing.Validation.Rules.Ubl;

internal static partial class UblConditionalRules
{
    // Context /ubl:Invoice | /cn:CreditNote: rules on the document element whose test is a path from it.
    private static readonly ConditionalRule[] OnRoot =
    [
        // not(cbc:UBLVersionID) or cbc:UBLVersionID = '2.1'
        new("UBL-CR-002", false, NoneOrSome("cbc:UBLVersionID", static v => v == "2.1"), "[UBL-CR-002]-A UBL invoice should not include the UBLVersionID or it should be 2.1"),

        // not(cac:PaymentMeans/cbc:PaymentDueDate) or ../cn:CreditNote: a credit note may state it.
        new("UBL-CR-412", false, Either(IsCreditNote, Absent("cac:PaymentMeans/cbc:PaymentDueDate")), "[UBL-CR-412]-A UBL invoice should not include the PaymentMeans PaymentDueDate"),
        new("UBL-CR-420", false, Absent("cac:PaymentMeans/cac:CardAccount/cbc:CV2ID"), "[UBL-CR-420]-A UBL invoice should not include the PaymentMeans CardAccount CV2ID"),

        // count(cac:AdditionalDocumentReference[cbc:DocumentTypeCode='130']/cbc:ID) <= 1
        new("UBL-SR-04", true, InvoicedObjectIdsAtMostOne, "[UBL-SR-04]-Invoice object identifier shall occur maximum once"),

        // count(<party>/cac:PartyTaxScheme[cac:TaxScheme/upper-case(cbc:ID) = or != 'VAT']/cbc:CompanyID) <= 1
        new("UBL-SR-12", true, TaxIdsAtMostOne("cac:AccountingSupplierParty/cac:Party", vat: true), "[UBL-SR-12]-Seller VAT identifier shall occur maximum once"),
        new("UBL-SR-13", true, TaxIdsAtMostOne("cac:AccountingSupplierParty/cac:Party", vat: false), "[UBL-SR-13]-Seller tax registration shall occur maximum once"),
        new("UBL-SR-18", true, TaxIdsAtMostOne("cac:AccountingCustomerParty/cac:Party", vat: true), "[UBL-SR-18]-Buyer VAT identifier shall occur maximum once"),

        // count(cac:PaymentMeans/cbc:PaymentMeansCode/@name) <= 1
        new("UBL-SR-46", true, AtMost("cac:PaymentMeans/cbc:PaymentMeansCode/@name", 1), "[UBL-SR-46]-Payment means text shall occur maximum once"),
    ];

    // The element contexts of the pattern that carry conditional rules, in the artefacts' order (they are disjoint).
    private static readonly ConditionalContext[] Contexts =
    [
        new("//cac:PostalAddress | //cac:Address", static n => n.NamespaceUri == Ns.Cac && n.LocalName is "PostalAddress" or "Address",
        [
            // not(cac:AddressLine) or count(cac:AddressLine) = 1
            new("UBL-SR-51", true, AtMost("cac:AddressLine", 1), "[UBL-SR-51]-An address can only have one third line."),
        ], static (ns, local) => ns == Ns.Cac && local is "PostalAddress" or "Address"),
        new("cac:AccountingSupplierParty/cac:Party", static n => Is(n, Ns.Cac, "Party") && n.Parent is { } p && Is(p, Ns.Cac, "AccountingSupplierParty"),
        [
            new("UBL-SR-42", true, AtMost("cac:PartyTaxScheme", 2), "[UBL-SR-42]-Party tax scheme shall occur maximum twice in accounting supplier party"),
        ], static (ns, local) => ns == Ns.Cac && local == "Party"),
        new("cac:AdditionalDocumentReference", static n => Is(n, Ns.Cac, "AdditionalDocumentReference"),
        [
            new("UBL-SR-43", true, SchemeOnlyForInvoicedObject, "[UBL-SR-43]-Scheme identifier shall only be used for invoiced object (document type code with value 130 or 50)"),
        ], static (ns, local) => ns == Ns.Cac && local == "AdditionalDocumentReference"),
        new("//*[ends-with(name(), 'Amount') and not(ends-with(name(),'PriceAmount')) and not(ancestor::cac:Price/cac:AllowanceCharge)]", IsAmount,
        [
            // string-length(substring-after(., '.')) <= 2
            new("UBL-DT-01", true, static n => FractionLength(n.StringValue) <= 2, "[UBL-DT-01]-Amounts shall be decimal up to two fraction digits"),
        ], static (_, local) => local.EndsWith("Amount", StringComparison.Ordinal) && !local.EndsWith("PriceAmount", StringComparison.Ordinal)),
        new("//*[ends-with(name(), 'BinaryObject')]", static n => n.LocalName.EndsWith("BinaryObject", StringComparison.Ordinal),
        [
            new("UBL-DT-06", true, static n => n.Attr("mimeCode") is not null, "[UBL-DT-06]-Binary object elements shall contain the mime code attribute"),
            new("UBL-DT-07", true, static n => n.Attr("filename") is not null, "[UBL-DT-07]-Binary object elements shall contain the file name attribute"),
        ], static (_, local) => local.EndsWith("BinaryObject", StringComparison.Ordinal)),
        new("cac:PartyTaxScheme", static n => Is(n, Ns.Cac, "PartyTaxScheme"),
        [
            // exists(cac:TaxScheme/cbc:ID) and exists(cbc:CompanyID)
            new("UBL-SR-53", true, Both(Present("cac:TaxScheme/cbc:ID"), Present("cbc:CompanyID")), "[UBL-SR-53]- CompanyID (VAT Identifier) must be stated when providing the PartyTaxScheme/TaxScheme/ID."),
        ], static (ns, local) => ns == Ns.Cac && local == "PartyTaxScheme"),
        new("cac:InvoiceLine | cac:CreditNoteLine", static n => n.NamespaceUri == Ns.Cac && n.LocalName is "InvoiceLine" or "CreditNoteLine",
        [
            // count(cac:Item/cac:ClassifiedTaxCategory) = 1
            new("UBL-SR-48", true, Exactly("cac:Item/cac:ClassifiedTaxCategory", 1), "[UBL-SR-48]-Invoice lines shall have one and only one classified tax category."),
        ], static (ns, local) => ns == Ns.Cac && local is "InvoiceLine" or "CreditNoteLine"),
        new("cac:PayeeParty", static n => Is(n, Ns.Cac, "PayeeParty"),
        [
            // (count(…) <= 1) and ((cac:PartyName/cbc:Name) != (../cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity/cbc:RegistrationName))
            new("UBL-SR-19", true, Both(AtMost("cac:PartyName/cbc:Name", 1), PayeeNameDiffersFromSeller), "[UBL-SR-19]-Payee name shall occur maximum once, if the Payee is different from the Seller"),
            new("UBL-SR-20", true, Both(PayeeIdsAtMostOne, PayeeNameDiffersFromSeller), "[UBL-SR-20]-Payee identifier shall occur maximum once, if the Payee is different from the Seller"),
            new("UBL-SR-21", true, Both(AtMost("cac:PartyLegalEntity/cbc:CompanyID", 1), PayeeNameDiffersFromSeller), "[UBL-SR-21]-Payee legal registration identifier shall occur maximum once, if the Payee is different from the Seller"),
        ], static (ns, local) => ns == Ns.Cac && local == "PayeeParty"),
        new("cac:BillingReference", static n => Is(n, Ns.Cac, "BillingReference"),
        [
            new("UBL-SR-07", true, Present("cac:InvoiceDocumentReference/cbc:ID"), "[UBL-SR-07]-If there is a preceding invoice reference, the preceding invoice number shall be present"),
        ], static (ns, local) => ns == Ns.Cac && local == "BillingReference"),
    ];

    // Context /ubl:Invoice | /cn:CreditNote, tests on //path: checked during the walk, reported on the document element.
    private static readonly AnywhereRule[] AnywhereTable =
    [
        new("UBL-CR-652", false, "cac:PartyTaxScheme/cbc:CompanyID/@schemeID", Occurrence.None, "[UBL-CR-652]-A UBL invoice should not include the PartyTaxScheme CompanyID scheme identifier"),
        new("UBL-CR-660", false, "cac:Country/cbc:IdentificationCode/@listID", Occurrence.None, "[UBL-CR-660]-A UBL invoice should not include the Country Identification code listID"),
        new("UBL-CR-662", false, "cbc:AllowanceChargeReasonCode/@listID", Occurrence.None, "[UBL-CR-662]-A UBL invoice should not include the AllowanceChargeReasonCode listID"),
        new("UBL-CR-664", false, "cac:FinancialInstitution", Occurrence.None, "[UBL-CR-664]-A UBL invoice should not include the FinancialInstitutionBranch FinancialInstitution"),

        // //cac:AdditionalDocumentReference[cbc:DocumentTypeCode != '130' or not(cbc:DocumentTypeCode)]/cbc:ID/@schemeID
        new("UBL-CR-665", false, "cac:AdditionalDocumentReference/cbc:ID/@schemeID", Occurrence.None, "[UBL-CR-665]-A UBL invoice should not include the AdditionalDocumentReference ID schemeID unless the DocumentTypeCode equals '130'", static id => TypeCodes(id.Parent!, static c => c != "130") || !id.Parent!.Exists(DocumentTypeCode)),

        // //cac:AdditionalDocumentReference[cbc:DocumentTypeCode = '130']/cac:Attachment (and /cbc:DocumentDescription)
        new("UBL-CR-666", true, "cac:AdditionalDocumentReference/cac:Attachment", Occurrence.None, "[UBL-CR-666]-A UBL invoice shall not include an AdditionalDocumentReference simultaneously referring an Invoice Object Identifier and an Attachment", static a => TypeCodes(a.Parent!, static c => c == "130")),
        new("UBL-CR-667", false, "cac:BuyersItemIdentification/cbc:ID/@schemeID", Occurrence.None, "[UBL-CR-667]-A UBL invoice should not include a Buyer Item Identification schemeID"),
        new("UBL-CR-668", false, "cac:SellersItemIdentification/cbc:ID/@schemeID", Occurrence.None, "[UBL-CR-668]-A UBL invoice should not include a Sellers Item Identification schemeID"),
        new("UBL-CR-669", false, "cac:Price/cac:AllowanceCharge/cbc:AllowanceChargeReasonCode", Occurrence.None, "[UBL-CR-669]-A UBL invoice should not include a Price Allowance Reason Code"),
        new("UBL-CR-670", false, "cac:Price/cac:AllowanceCharge/cbc:AllowanceChargeReason", Occurrence.None, "[UBL-CR-670]-A UBL invoice should not include a Price Allowance Reason"),
        new("UBL-CR-671", false, "cac:Price/cac:AllowanceCharge/cbc:MultiplierFactorNumeric", Occurrence.None, "[UBL-CR-671]-A UBL invoice should not include a Price Allowance Multiplier Factor"),
        new("UBL-CR-673", true, "cac:AdditionalDocumentReference/cbc:DocumentDescription", Occurrence.None, "[UBL-CR-673]-A UBL invoice shall not include an AdditionalDocumentReference simultaneously referring an Invoice Object Identifier and an Document Description", static d => TypeCodes(d.Parent!, static c => c == "130")),
        new("UBL-CR-674", false, "cbc:PrimaryAccountNumberID/@schemeID", Occurrence.None, "[UBL-CR-674]-A UBL invoice should not include the PrimaryAccountNumber schemeID"),
        new("UBL-CR-675", false, "cac:CardAccount/cbc:NetworkID/@schemeID", Occurrence.None, "[UBL-CR-675]-A UBL invoice should not include the NetworkID schemeID"),
        new("UBL-CR-676", false, "cac:PaymentMandate/cbc:ID/@schemeID", Occurrence.None, "[UBL-CR-676]-A UBL invoice should not include the PaymentMandate/ID schemeID"),
        new("UBL-CR-677", false, "cac:PaymentMandate/cac:PayerFinancialAccount/cbc:ID/@schemeID", Occurrence.None, "[UBL-CR-677]-A UBL invoice should not include the PayerFinancialAccount/ID schemeID"),
        new("UBL-CR-678", false, "cac:TaxCategory/cbc:ID/@schemeID", Occurrence.None, "[UBL-CR-678]-A UBL invoice should not include the TaxCategory/ID schemeID"),
        new("UBL-CR-679", false, "cac:ClassifiedTaxCategory/cbc:ID/@schemeID", Occurrence.None, "[UBL-CR-679]-A UBL invoice should not include the ClassifiedTaxCategory/ID schemeID"),
        new("UBL-CR-680", false, "cac:PaymentMeans/cac:PayerFinancialAccount", Occurrence.None, "[UBL-CR-680]-A UBL invoice should not include the PaymentMeans/PayerFinancialAccount"),

        // not(//@attr): attributes EN 16931 does not use, wherever they are.
        new("UBL-CR-663", false, "@unitCodeListID", Occurrence.None, "[UBL-CR-663]-A UBL invoice should not include the unitCodeListID"),
        new("UBL-DT-08", false, "@schemeName", Occurrence.None, "[UBL-DT-08]-Scheme name attribute should not be present"),
        new("UBL-DT-09", false, "@schemeAgencyName", Occurrence.None, "[UBL-DT-09]-Scheme agency name attribute should not be present"),
        new("UBL-DT-10", false, "@schemeDataURI", Occurrence.None, "[UBL-DT-10]-Scheme data uri attribute should not be present"),
        new("UBL-DT-11", false, "@schemeURI", Occurrence.None, "[UBL-DT-11]-Scheme uri attribute should not be present"),
        new("UBL-DT-12", false, "@format", Occurrence.None, "[UBL-DT-12]-Format attribute should not be present"),
        new("UBL-DT-13", false, "@unitCodeListIdentifier", Occurrence.None, "[UBL-DT-13]-Unit code list identifier attribute should not be present"),
        new("UBL-DT-14", false, "@unitCodeListAgencyIdentifier", Occurrence.None, "[UBL-DT-14]-Unit code list agency identifier attribute should not be present"),
        new("UBL-DT-15", false, "@unitCodeListAgencyName", Occurrence.None, "[UBL-DT-15]-Unit code list agency name attribute should not be present"),
        new("UBL-DT-16", false, "@listAgencyName", Occurrence.None, "[UBL-DT-16]-List agency name attribute should not be present"),
        new("UBL-DT-17", false, "@listName", Occurrence.None, "[UBL-DT-17]-List name attribute should not be present"),
        new("UBL-DT-19", false, "@languageID", Occurrence.None, "[UBL-DT-19]-Language identifier attribute should not be present"),
        new("UBL-DT-20", false, "@listURI", Occurrence.None, "[UBL-DT-20]-List uri attribute should not be present"),
        new("UBL-DT-21", false, "@listSchemeURI", Occurrence.None, "[UBL-DT-21]-List scheme uri attribute should not be present"),
        new("UBL-DT-22", false, "@languageLocaleID", Occurrence.None, "[UBL-DT-22]-Language local identifier attribute should not be present"),
        new("UBL-DT-23", false, "@uri", Occurrence.None, "[UBL-DT-23]-Uri attribute should not be present"),
        new("UBL-DT-24", false, "@currencyCodeListVersionID", Occurrence.None, "[UBL-DT-24]-Currency code list version id should not be present"),
        new("UBL-DT-25", false, "@characterSetCode", Occurrence.None, "[UBL-DT-25]-CharacterSetCode attribute should not be present"),
        new("UBL-DT-26", false, "@encodingCode", Occurrence.None, "[UBL-DT-26]-EncodingCode attribute should not be present"),
        new("UBL-DT-27", false, "@schemeAgencyID", Occurrence.None, "[UBL-DT-27]-Scheme Agency ID attribute should not be present"),
        new("UBL-DT-28", false, "@listAgencyID", Occurrence.None, "[UBL-DT-28]-List Agency ID attribute should not be present"),

        // count(//@name) - count(//cbc:PaymentMeansCode/@name) <= 0: a name attribute anywhere but on a payment means code.
        new("UBL-DT-18", false, "@name", Occurrence.None, "[UBL-DT-18]-Name attribute should not be present", static owner => !Is(owner, Ns.Cbc, "PaymentMeansCode")),

        // count(//cac:PartyIdentification/cbc:ID[upper-case(@schemeID) = 'SEPA']) <= 1
        new("UBL-SR-29", true, "cac:PartyIdentification/cbc:ID", Occurrence.AtMostOne, "[UBL-SR-29]-Bank creditor reference shall occur maximum once", static id => UpperCaseIs(id.Attr("schemeID"), "SEPA")),

        // count(//cbc:PaymentID[not(preceding::cbc:PaymentID/. = .)]) <= 1: one distinct value (same for the codes).
        new("UBL-SR-44", true, "cbc:PaymentID", Occurrence.OneDistinctValue, "[UBL-SR-44]-An Invoice may only have one unique PaymentID, but the PaymentID may be used for multiple PaymentMeans"),
        new("UBL-SR-47", true, "cbc:PaymentMeansCode", Occurrence.OneDistinctValue, "[UBL-SR-47]-When there are more than one payment means code, they shall be equal"),
    ];
}
