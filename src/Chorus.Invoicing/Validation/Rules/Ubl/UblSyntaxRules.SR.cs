// Cardinality and "shall not be used" rules of the UBL binding of the CEN/TC 434 artefacts v1.3.16, as a table of facts:
// rule id, flag, context element, element path, expectation and message.
namespace Chorus.Invoicing.Validation.Rules.Ubl;

/// <summary>The UBL syntax rules (UBL-SR, UBL-DT) that are an element path with a cardinality.</summary>
internal static partial class UblSyntaxRules
{
    private static readonly SyntaxRule[] SrTable =
    [
        new("UBL-SR-33", true, Names("cac:AdditionalDocumentReference"), "cbc:DocumentDescription", Expect.AtMostOne, "[UBL-SR-33]-Supporting document description shall occur maximum once"),
        new("UBL-SR-25", true, Names("cac:Delivery"), "cac:DeliveryParty/cac:PartyName/cbc:Name", Expect.AtMostOne, "[UBL-SR-25]-Deliver to party name shall occur maximum once"),
        new("UBL-SR-30", true, AllowanceCharge(false), "cbc:AllowanceChargeReason", Expect.AtMostOne, "[UBL-SR-30]-Document level allowance reason shall occur maximum once"),
        new("UBL-SR-31", true, AllowanceCharge(true), "cbc:AllowanceChargeReason", Expect.AtMostOne, "[UBL-SR-31]-Document level charge reason shall occur maximum once"),
        new("UBL-SR-01", true, Root(), "cac:ContractDocumentReference/cbc:ID", Expect.AtMostOne, "[UBL-SR-01]-Contract identifier shall occur maximum once."),
        new("UBL-SR-02", true, Root(), "cac:ReceiptDocumentReference/cbc:ID", Expect.AtMostOne, "[UBL-SR-02]-Receive advice identifier shall occur maximum once"),
        new("UBL-SR-03", true, Root(), "cac:DespatchDocumentReference/cbc:ID", Expect.AtMostOne, "[UBL-SR-03]-Despatch advice identifier shall occur maximum once"),
        new("UBL-SR-05", true, Root(), "cac:PaymentTerms/cbc:Note", Expect.AtMostOne, "[UBL-SR-05]-Payment terms shall occur maximum once"),
        new("UBL-SR-08", true, Root(), "cac:InvoicePeriod", Expect.AtMostOne, "[UBL-SR-08]-Invoice period shall occur maximum once"),
        new("UBL-SR-09", true, Root(), "cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity/cbc:RegistrationName", Expect.AtMostOne, "[UBL-SR-09]-Seller name shall occur maximum once"),
        new("UBL-SR-10", true, Root(), "cac:AccountingSupplierParty/cac:Party/cac:PartyName/cbc:Name", Expect.AtMostOne, "[UBL-SR-10]-Seller trader name shall occur maximum once"),
        new("UBL-SR-11", true, Root(), "cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity/cbc:CompanyID", Expect.AtMostOne, "[UBL-SR-11]-Seller legal registration identifier shall occur maximum once"),
        new("UBL-SR-14", true, Root(), "cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity/cbc:CompanyLegalForm", Expect.AtMostOne, "[UBL-SR-14]-Seller additional legal information shall occur maximum once"),
        new("UBL-SR-15", true, Root(), "cac:AccountingCustomerParty/cac:Party/cac:PartyLegalEntity/cbc:RegistrationName", Expect.AtMostOne, "[UBL-SR-15]-Buyer name shall occur maximum once"),
        new("UBL-SR-16", true, Root(), "cac:AccountingCustomerParty/cac:Party/cac:PartyIdentification/cbc:ID", Expect.AtMostOne, "[UBL-SR-16]-Buyer identifier shall occur maximum once"),
        new("UBL-SR-17", true, Root(), "cac:AccountingCustomerParty/cac:Party/cac:PartyLegalEntity/cbc:CompanyID", Expect.AtMostOne, "[UBL-SR-17]-Buyer legal registration identifier shall occur maximum once"),
        new("UBL-SR-24", true, Root(), "cac:Delivery", Expect.AtMostOne, "[UBL-SR-24]-Deliver to information shall occur maximum once"),
        new("UBL-SR-39", true, Root(), "cac:ProjectReference/cbc:ID", Expect.AtMostOne, "[UBL-SR-39]-Project reference shall occur maximum once."),
        new("UBL-SR-40", true, Root(), "cac:AccountingCustomerParty/cac:Party/cac:PartyName/cbc:Name", Expect.AtMostOne, "[UBL-SR-40]-Buyer trade name shall occur maximum once"),
        new("UBL-SR-45", true, Root(), "cac:PaymentMeans/cbc:PaymentDueDate", Expect.AtMostOne, "[UBL-SR-45]-Due Date shall occur maximum once"),
        new("UBL-SR-49", true, Root(), "cac:InvoicePeriod/cbc:DescriptionCode", Expect.AtMostOne, "[UBL-SR-49]-Value tax point date shall occur maximum once"),
        new("UBL-SR-54", true, Root(), "cac:PaymentMeans/cac:CardAccount", Expect.AtMostOne, "[UBL-SR-54]-An Invoice shall contain maximum one Payment Card account (BG-18)."),
        new("UBL-SR-55", true, Root(), "cac:PaymentMeans/cac:PaymentMandate", Expect.AtMostOne, "[UBL-SR-55]-An Invoice shall contain maximum one Payment Mandate (BG-19)."),
        new("UBL-SR-56", true, Root(), "cac:OriginatorDocumentReference/cbc:ID", Expect.AtMostOne, "[UBL-SR-56]-An Invoice shall contain maximum one Originator document reference identifier (BT-17)."),
        new("UBL-SR-34", true, Names("cac:InvoiceLine", "cac:CreditNoteLine"), "cbc:Note", Expect.AtMostOne, "[UBL-SR-34]-Invoice line note shall occur maximum once"),
        new("UBL-SR-35", true, Names("cac:InvoiceLine", "cac:CreditNoteLine"), "cac:OrderLineReference/cbc:LineID", Expect.AtMostOne, "[UBL-SR-35]-Referenced purchase order line identifier shall occur maximum once"),
        new("UBL-SR-36", true, Names("cac:InvoiceLine", "cac:CreditNoteLine"), "cac:InvoicePeriod", Expect.AtMostOne, "[UBL-SR-36]-Invoice line period shall occur maximum once"),
        new("UBL-SR-37", true, Names("cac:InvoiceLine", "cac:CreditNoteLine"), "cac:Price/cac:AllowanceCharge/cbc:Amount", Expect.AtMostOne, "[UBL-SR-37]-Item price discount shall occur maximum once"),
        new("UBL-SR-50", true, Names("cac:InvoiceLine", "cac:CreditNoteLine"), "cac:Item/cbc:Description", Expect.AtMostOne, "[UBL-SR-50]-Item description shall occur maximum once"),
        new("UBL-SR-52", true, Names("cac:InvoiceLine", "cac:CreditNoteLine"), "cac:DocumentReference", Expect.AtMostOne, "[UBL-SR-52]-Document reference shall occur maximum once"),
        new("UBL-SR-26", true, Names("cac:PaymentMeans"), "cbc:PaymentID", Expect.AtMostOne, "[UBL-SR-26]-Payment reference shall occur maximum once"),
        new("UBL-SR-27", true, Names("cac:PaymentMeans"), "cbc:PaymentMeansCode", Expect.AtMostOne, "[UBL-SR-27]-Payment means text shall occur maximum once"),
        new("UBL-SR-28", true, Names("cac:PaymentMeans"), "cac:PaymentMandate/cbc:ID", Expect.AtMostOne, "[UBL-SR-28]-Mandate reference identifier shall occur maximum once"),
        new("UBL-SR-06", true, Names("cac:BillingReference"), "cac:InvoiceDocumentReference", Expect.AtMostOne, "[UBL-SR-06]-Preceding invoice reference shall occur maximum once"),
        new("UBL-SR-22", true, Names("cac:TaxRepresentativeParty"), "cac:PartyName/cbc:Name", Expect.AtMostOne, "[UBL-SR-22]-Seller tax representative name shall occur maximum once, if the Seller has a tax representative"),
        new("UBL-SR-23", true, Names("cac:TaxRepresentativeParty"), "cac:PartyTaxScheme/cbc:CompanyID", Expect.AtMostOne, "[UBL-SR-23]-Seller tax representative VAT identifier shall occur maximum once, if the Seller has a tax representative"),
        new("UBL-SR-32", true, Names("cac:TaxSubtotal"), "cac:TaxCategory/cbc:TaxExemptionReason", Expect.AtMostOne, "[UBL-SR-32]-VAT exemption reason text shall occur maximum once"),
    ];
}
