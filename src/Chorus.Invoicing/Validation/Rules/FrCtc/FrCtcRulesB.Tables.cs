using Chorus.Invoicing.Validation.Rules.Tree;

namespace Chorus.Invoicing.Validation.Rules.FrCtc;

/// <summary>The rules that read the same in both syntaxes, declared once with their CII and UBL contexts: BR-FR-DEC-*, BR-FR-CO-10.</summary>
internal static partial class FrCtcRulesB
{
    private const string CiiSettlement = "rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement";
    private const string CiiTotals = "/" + CiiSettlement + "/ram:SpecifiedTradeSettlementHeaderMonetarySummation";
    private const string CiiLine = "rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:IncludedSupplyChainTradeLineItem";

    /// <summary>The declarations, in their own type so that they exist before the pattern arrays that use them.</summary>
    private static class Decl
    {
        /// <summary>BR-FR-DEC-01: amounts with at most 2 decimals and 19 characters; the value is the context's normalised text.</summary>
        public static readonly (string Id, string Cii, string Ubl)[] Dec01 =
        [
            ("BR-FR-DEC-01_BT-92_BT-99", CiiSettlement + "/ram:SpecifiedTradeAllowanceCharge/ram:ActualAmount", "ubl:Invoice/cac:AllowanceCharge/cbc:Amount | cn:CreditNote/cac:AllowanceCharge/cbc:Amount"),
            ("BR-FR-DEC-01_BT-93_BT-100", "/" + CiiSettlement + "/ram:SpecifiedTradeAllowanceCharge/ram:BasisAmount", "ubl:Invoice/cac:AllowanceCharge/cbc:BaseAmount | cn:CreditNote/cac:AllowanceCharge/cbc:BaseAmount"),
            ("BR-FR-DEC-01_BT-106", CiiTotals + "/ram:LineTotalAmount", "cac:LegalMonetaryTotal/cbc:LineExtensionAmount"),
            ("BR-FR-DEC-01_BT-107", CiiTotals + "/ram:AllowanceTotalAmount", "cac:LegalMonetaryTotal/cbc:AllowanceTotalAmount"),
            ("BR-FR-DEC-01_BT-108", CiiTotals + "/ram:ChargeTotalAmount", "cac:LegalMonetaryTotal/cbc:ChargeTotalAmount"),
            ("BR-FR-DEC-01_BT-109", CiiTotals + "/ram:TaxBasisTotalAmount", "cac:LegalMonetaryTotal/cbc:TaxExclusiveAmount"),
            ("BR-FR-DEC-01_BT-110", CiiTotals + "/ram:TaxTotalAmount", "cac:TaxTotal/cbc:TaxAmount"),

            // Same context as BT-110 in both artefacts: first rule wins, so BT-111 never fires (kept for fidelity).
            ("BR-FR-DEC-01_BT-111", CiiTotals + "/ram:TaxTotalAmount", "cac:TaxTotal/cbc:TaxAmount"),
            ("BR-FR-DEC-01_BT-112", CiiTotals + "/ram:GrandTotalAmount", "cac:LegalMonetaryTotal/cbc:TaxInclusiveAmount"),
            ("BR-FR-DEC-01_BT-113", CiiTotals + "/ram:TotalPrepaidAmount", "cac:LegalMonetaryTotal/cbc:PrepaidAmount"),
            ("BR-FR-DEC-01_BT-114", CiiTotals + "/ram:RoundingAmount", "cac:LegalMonetaryTotal/cbc:PayableRoundingAmount"),
            ("BR-FR-DEC-01_BT-115", CiiTotals + "/ram:DuePayableAmount", "cac:LegalMonetaryTotal/cbc:PayableAmount"),
            ("BR-FR-DEC-01_BT-116", "/" + CiiSettlement + "/ram:ApplicableTradeTax/ram:BasisAmount", "cac:TaxTotal/cac:TaxSubtotal/cbc:TaxableAmount"),
            ("BR-FR-DEC-01_BT-117", "/" + CiiSettlement + "/ram:ApplicableTradeTax/ram:CalculatedAmount", "cac:TaxTotal/cac:TaxSubtotal/cbc:TaxAmount"),
            ("BR-FR-DEC-01_BT-131", "/" + CiiLine + "/ram:SpecifiedLineTradeSettlement/ram:SpecifiedTradeSettlementLineMonetarySummation/ram:LineTotalAmount", "ubl:Invoice/cac:InvoiceLine/cbc:LineExtensionAmount | cn:CreditNote/cac:CreditNoteLine/cbc:LineExtensionAmount"),
            ("BR-FR-DEC-01_BT-136_BT-141", "/" + CiiLine + "/ram:SpecifiedLineTradeSettlement/ram:SpecifiedTradeAllowanceCharge/ram:ActualAmount", "ubl:Invoice/cac:InvoiceLine/cac:AllowanceCharge/cbc:Amount | cn:CreditNote/cac:CreditNoteLine/cac:AllowanceCharge/cbc:Amount"),
            ("BR-FR-DEC-01_BT-137_BT-142", "/" + CiiLine + "/ram:SpecifiedLineTradeSettlement/ram:SpecifiedTradeAllowanceCharge/ram:BasisAmount", "ubl:Invoice/cac:InvoiceLine/cac:AllowanceCharge/cbc:BaseAmount | cn:CreditNote/cac:CreditNoteLine/cac:AllowanceCharge/cbc:BaseAmount"),
        ];

        /// <summary>BR-FR-DEC-04: VAT rates, positive, at most 2 decimals and 4 characters.</summary>
        public static readonly (string Id, string Cii, string Ubl)[] Dec04 =
        [
            ("BR-FR-DEC-04_BT-96_BT-103", CiiSettlement + "/ram:SpecifiedTradeAllowanceCharge/ram:CategoryTradeTax/ram:RateApplicablePercent", "cac:AllowanceCharge/cac:TaxCategory/cbc:Percent"),
            ("BR-FR-DEC-04_BT-119", CiiSettlement + "/ram:ApplicableTradeTax/ram:RateApplicablePercent", "cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory/cbc:Percent"),
            ("BR-FR-DEC-04_BT-152", CiiLine + "/ram:SpecifiedLineTradeSettlement/ram:ApplicableTradeTax/ram:RateApplicablePercent", "cac:Item/cac:ClassifiedTaxCategory/cbc:Percent"),
        ];

        /// <summary>
        /// BR-FR-CO-10: a party's global identifiers (CII ram:GlobalID, UBL PartyIdentification/ID or, for a delivery
        /// location, its ID) each carry a scheme (-1), and no scheme twice (-2).
        /// </summary>
        public static readonly (string Id, string Cii, string Ubl, string UblIds)[] Co10 =
        [
            ("BR-FR-CO-10_BT-29", "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/ram:SellerTradeParty", "cac:AccountingSupplierParty/cac:Party", "cac:PartyIdentification/cbc:ID"),
            ("BR-FR-CO-10_BT-46", "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/ram:BuyerTradeParty", "cac:AccountingCustomerParty/cac:Party", "cac:PartyIdentification/cbc:ID"),
            ("BR-FR-CO-10_BT-60", "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/ram:PayeeTradeParty", "cac:PayeeParty", "cac:PartyIdentification/cbc:ID"),
            ("BR-FR-CO-10_EXT-FR-FE-06", "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/ram:BuyerAgentTradeParty", "cac:AccountingCustomerParty/cac:Party/cac:AgentParty", "cac:PartyIdentification/cbc:ID"),
            ("BR-FR-CO-10_EXT-FR-FE-46", "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/ram:PayerTradeParty", "cac:PaymentMeans/cac:PaymentMandate/cac:PayerParty", "cac:PartyIdentification/cbc:ID"),
            ("BR-FR-CO-10_EXT-FR-FE-69", "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/ram:SalesAgentTradeParty", "cac:AccountingSupplierParty/cac:Party/cac:AgentParty", "cac:PartyIdentification/cbc:ID"),
            ("BR-FR-CO-10_EXT-FR-FE-92", "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/ram:InvoiceeTradeParty", "cac:AccountingCustomerParty/cac:Party/cac:ServiceProviderParty/cac:Party", "cac:PartyIdentification/cbc:ID"),
            ("BR-FR-CO-10_EXT-FR-FE-115", "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/ram:InvoicerTradeParty", "cac:AccountingSupplierParty/cac:Party/cac:ServiceProviderParty/cac:Party", "cac:PartyIdentification/cbc:ID"),
            ("BR-FR-CO-10_BT-71", "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeDelivery/ram:ShipToTradeParty", "ubl:Invoice/cac:Delivery/cac:DeliveryLocation | cn:CreditNote/cac:Delivery/cac:DeliveryLocation", "cbc:ID"),
            ("BR-FR-CO-10_EXT-FR-FE-146", "rsm:SupplyChainTradeTransaction/ram:IncludedSupplyChainTradeLineItem/ram:SpecifiedLineTradeDelivery/ram:ShipToTradeParty", "ubl:Invoice/cac:InvoiceLine/cac:Delivery/cac:DeliveryLocation | cn:CreditNote/cac:CreditNoteLine/cac:Delivery/cac:DeliveryLocation", "cbc:ID"),
        ];
    }

    private static Pattern Dec01Pattern(bool ubl) => new(Decl.Dec01.Select(d => R(ubl ? d.Ubl : d.Cii, (n, _, r) => r.Assert(d.Id, FrCtcDecimals.IsDecimal19_2(TreeQuery.NormalizeSpace(n.StringValue)), n))).ToArray());

    private static Pattern Dec04Pattern(bool ubl) => new(Decl.Dec04.Select(d => R(ubl ? d.Ubl : d.Cii, (n, _, r) => r.Assert(d.Id, FrCtcDecimals.IsPercent4_2Positive(TreeQuery.NormalizeSpace(n.StringValue)), n))).ToArray());

    /// <summary>BR-FR-DEC-03 price formats: signed allowed only under a bi-directional framework (BT-23 S9/B9/M9).</summary>
    private static bool PriceFormat(string amount, DocContext doc) =>
        doc.SpecialBD ? FrCtcDecimals.IsDecimal19_6(amount) : FrCtcDecimals.IsDecimal19_6Positive(amount);

    private static Pattern Co10Pattern(bool ubl) => new(Decl.Co10.Select(d => R(ubl ? d.Ubl : d.Cii, (n, _, r) =>
    {
        var ids = Sel(n, ubl ? d.UblIds : "ram:GlobalID");
        var schemes = new List<string>();
        var allHaveScheme = true;
        foreach (var id in ids)
        {
            if (id.Attr("schemeID") is { } s)
            {
                schemes.Add(s);
            }
            else
            {
                allHaveScheme = false;
            }
        }

        r.Assert(d.Id + "-1", allHaveScheme, n);
        r.Assert(d.Id + "-2", schemes.Distinct(StringComparer.Ordinal).Count() == schemes.Count, n);
    })).ToArray());
}
