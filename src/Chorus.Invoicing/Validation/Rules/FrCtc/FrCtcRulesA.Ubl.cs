using Chorus.Invoicing.Validation.Internal.Tree;
using Chorus.Invoicing.Validation.Rules.Tree;
using static Chorus.Invoicing.Validation.Rules.FrCtc.FrCtcFunctions;

namespace Chorus.Invoicing.Validation.Rules.FrCtc;

// BR-FR-01 … BR-FR-32 on UBL 2.1 Invoice and CreditNote (BR-FR-Flux2-Schematron-UBL, patterns M24 to M52, in their order).
// Where the official UBL stylesheet differs from the CII one (ids, a mention found by "#PMT#" in the concatenated notes,
// rules whose context never matches such as BR-FR-27 on ubl:Invoice/cac:Item, a second BR-FR-16 rule shadowed by the
// first), the table keeps the stylesheet's meaning: these rules report what the official artefact reports.
internal static partial class FrCtcRulesA
{
    private const string USupplier = "cac:AccountingSupplierParty/cac:Party";
    private const string UCustomer = "cac:AccountingCustomerParty/cac:Party";

    private static readonly ElementPath UPartyId = ElementPath.Of("cac:PartyIdentification/cbc:ID");
    private static readonly ElementPath UCompanyId = ElementPath.Of("cac:PartyLegalEntity/cbc:CompanyID");
    private static readonly ElementPath UDeliveryLocationId = ElementPath.Of("cac:DeliveryLocation/cbc:ID");
    private static readonly ElementPath UDeliveryCompanyId = ElementPath.Of("cac:DeliveryParty/cac:PartyLegalEntity/cbc:CompanyID");
    private static readonly ElementPath USupplierCompanyId = ElementPath.Of(USupplier + "/cac:PartyLegalEntity/cbc:CompanyID");
    private static readonly ElementPath UCustomerCompanyId = ElementPath.Of(UCustomer + "/cac:PartyLegalEntity/cbc:CompanyID");
    private static readonly ElementPath USupplierEndpoint = ElementPath.Of(USupplier + "/cbc:EndpointID");
    private static readonly ElementPath UCustomerEndpoint = ElementPath.Of(UCustomer + "/cbc:EndpointID");

    private static readonly (string Id, string Party, ElementPath Siret, ElementPath Siren, bool Fallback)[] USiretParties =
    [
        ("BR-FR-09_BT-29", U(USupplier), UPartyId, UCompanyId, false),
        ("BR-FR-09_BT-46", U(UCustomer), UPartyId, UCompanyId, false),
        ("BR-FR-09_BT-60", U("cac:PayeeParty"), UPartyId, UCompanyId, true),
        ("BR-FR-09_EXT-FR-FE-06", U(UCustomer + "/cac:AgentParty"), UPartyId, UCompanyId, true),
        ("BR-FR-09_EXT-FR-FE-46", U("cac:PaymentMeans/cac:PaymentMandate/cac:PayerParty"), UPartyId, UCompanyId, true),
        ("BR-FR-09_EXT-FR-FE-69", U(USupplier + "/cac:AgentParty"), UPartyId, UCompanyId, true),
        ("BR-FR-09_EXT-FR-FE-92", U(UCustomer + "/cac:ServiceProviderParty/cac:Party"), UPartyId, UCompanyId, true),
        ("BR-FR-09_EXT-FR-FE-115", U(USupplier + "/cac:ServiceProviderParty/cac:Party"), UPartyId, UCompanyId, true),
        ("BR-FR-09_BT-71", U("cac:Delivery"), UDeliveryLocationId, UDeliveryCompanyId, true),

        // The stylesheet looks for cac:DeliveryLocation below the line's cac:DeliveryLocation: never there, the rule holds.
        ("BR-FR-09_EXT-FR-FE-146", UL("cac:Delivery/cac:DeliveryLocation"), UDeliveryLocationId, UDeliveryCompanyId, true),
    ];

    private static readonly (string Term, string Party)[] UEndpointParties =
    [
        ("BT-34", USupplier),
        ("BT-49", UCustomer),
        ("EXT-FR-FE-12", UCustomer + "/cac:AgentParty"),
        ("EXT-FR-FE-29", "cac:PayeeParty"),
        ("EXT-FR-FE-52", "cac:PaymentMeans/cac:PaymentMandate/cac:PayerParty"),
        ("EXT-FR-FE-75", USupplier + "/cac:AgentParty"),
        ("EXT-FR-FE-98", UCustomer + "/cac:ServiceProviderParty/cac:Party"),
        ("EXT-FR-FE-121", USupplier + "/cac:ServiceProviderParty/cac:Party"),
    ];

    private static readonly (string Term, string Party)[] UPrivateIdParties = [("BT-29", USupplier), ("BT-46", UCustomer)];

    // The BAR treatments BR-FR-20 accepts in UBL (the stylesheet's list has no B2CINT there).
    private static readonly HashSet<string> UblBarTreatments = new(StringComparer.Ordinal) { "B2B", "B2BINT", "B2C", "OUTOFSCOPE", "ARCHIVEONLY" };

    private static readonly string[] UblBarMarkers = ["BAR#B2B#", "BAR#B2BINT#", "BAR#B2C#", "BAR#B2CINT#", "BAR#OUTOFSCOPE#", "BAR#ARCHIVEONLY#"];

    private const string URoot = "ubl:Invoice | cn:CreditNote";

    private static Rule[][] UblPatterns() =>
    [
        // BR-FR-01: invoice identifiers at most 35 characters, allowed characters.
        P(
            R(U("cbc:ID"), V("BR-FR-01_BT-1-1", MaxLength(35)), V("BR-FR-01_BT-1-2", IsValidIdFormat)),
            R(U("cac:BillingReference/cac:InvoiceDocumentReference/cbc:ID"), V("BR-FR-01_BT-25-1", MaxLength(35)), V("BR-FR-01_BT-25-2", IsValidIdFormat)),
            R(UL("cac:BillingReference/cac:DocumentReference/cbc:ID"), V("BR-FR-01_EXT-FR-FE-136-1", MaxLength(35)), V("BR-FR-01_BT-EXT-FR-FE-136-2", IsValidIdFormat))),

        // BR-FR-02: allowed characters.
        P(
            R(U("cbc:ID"), V("BR-FR-02_BT-1", IsValidIdFormat)),
            R(U("cac:BillingReference/cac:InvoiceDocumentReference/cbc:ID"), V("BR-FR-02_BT-25", IsValidIdFormat)),
            R(UL("cac:DocumentReference/cbc:ID"), V("BR-FR-02_EXT-FR-FE-136", IsValidIdFormat))),

        // BR-FR-03: dates AAAA-MM-JJ in 2000-2099.
        P(
            R(U("cbc:IssueDate"), V("BR-FR-03_BT-2", IsValidUblDate)),
            R(U("cbc:TaxPointDate"), V("BR-FR-03_BT-7", IsValidUblDate)),
            R(U("cbc:DueDate"), V("BR-FR-03_BT-9", IsValidUblDate)),
            R(U("cac:BillingReference/cac:InvoiceDocumentReference/cbc:IssueDate"), V("BR-FR-03_BT-26", IsValidUblDate)),
            R(U("cac:Delivery/cbc:ActualDeliveryDate"), V("BR-FR-03_BT-72", IsValidUblDate)),
            R(U("cac:InvoicePeriod/cbc:StartDate"), V("BR-FR-03_BT-73", IsValidUblDate)),
            R(U("cac:InvoicePeriod/cbc:EndDate"), V("BR-FR-03_BT-74", IsValidUblDate)),
            R(UL("cac:DocumentReference/cbc:IssueDate"), V("BR-FR-03_EXT-FR-FE-138", IsValidUblDate)),
            R(UL("cac:Delivery/cbc:ActualDeliveryDate"), V("BR-FR-03_EXT-FR-FE-158", IsValidUblDate)),
            R(UL("cac:InvoicePeriod/cbc:StartDate"), V("BR-FR-03_BT-134", IsValidUblDate)),
            R(UL("cac:InvoicePeriod/cbc:EndDate"), V("BR-FR-03_BT-135", IsValidUblDate))),

        // BR-FR-04: document type codes accepted by the reform.
        P(
            R("ubl:Invoice/cbc:InvoiceTypeCode | cn:CreditNote/cbc:CreditNoteTypeCode", V("BR-FR-04_BT-3", IsValidDocumentTypeCode)),
            R(U("cac:BillingReference/cac:InvoiceDocumentReference/cbc:DocumentTypeCode"), V("BR-FR-04_EXT-FR-FE-02", IsValidDocumentTypeCode)),
            R(UL("cac:BillingReference/cac:InvoiceDocumentReference/cbc:DocumentTypeCode"), V("BR-FR-04_EXT-FR-FE-137", IsValidDocumentTypeCode))),

        // BR-FR-05: the mandatory mentions, as "#PMT#…" in the notes (BT-22), are there.
        P(R(
            URoot,
            C("BR-FR-05_BT-22-1", static n => Has(AllNotes(n), "#PMT#")),
            C("BR-FR-05_BT-22-2", static n => Has(AllNotes(n), "#PMD#")),
            C("BR-FR-05_BT-22-3", static n => Has(AllNotes(n), "#AAB#")))),

        // BR-FR-06: each at most once (and TXD).
        P(R(
            URoot,
            C("BR-FR-06_BT-21-1", static n => Occurrences(AllNotes(n), "#PMT#") <= 1),
            C("BR-FR-06_BT-21-2", static n => Occurrences(AllNotes(n), "#PMD#") <= 1),
            C("BR-FR-06_BT-21-3", static n => Occurrences(AllNotes(n), "#AAB#") <= 1),
            C("BR-FR-06_BT-21-4", static n => Occurrences(AllNotes(n), "#TXD#") <= 1))),

        // BR-FR-08: the billing mode (BT-23, cbc:ProfileID) is present and listed.
        P(R(URoot, C("BR-FR-08_BT-23", static n => Any(n.Elements(Ns.Cbc, "ProfileID"), IsValidBillingMode)))),

        // BR-FR-09: SIRET/SIREN coherence per party.
        P(USiretParties.Select(static p => R(p.Party, C(p.Id, n => SiretCoherent(WithScheme(n, p.Siret, "0009"), WithScheme(n, p.Siren, "0002"), p.Fallback, severalSiretsFail: false)))).ToArray()),

        // BR-FR-10: the seller's SIREN (BT-30) is 9 digits, for each legal entity of the seller.
        P(R("cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity", C("BR-FR-10_BT-30", static n => Scheme(n.Elements(Ns.Cbc, "CompanyID").ToList(), "0002") is { Count: > 0 } s && IsDigits(NormalizeJoined(s), 9)))),

        // BR-FR-11: a B2B invoice gives the buyer's SIREN (BT-47).
        P(R(URoot, C("BR-FR-11_BT-47", static n => UblBarTreatment(n) != "B2B" || (WithScheme(n, UCustomerCompanyId, "0002") is { Count: > 0 } s && IsDigits(NormalizeJoined(s), 9))))),

        // BR-FR-12 / BR-FR-13: the buyer's and seller's electronic addresses are given.
        P(R(URoot, C("BR-FR-12_BT-49", static n => NormalizeJoined(All(n, UCustomerEndpoint)).Length > 0))),
        P(R(URoot, C("BR-FR-13_BT-34", static n => NormalizeJoined(All(n, USupplierEndpoint)).Length > 0))),

        // BR-FR-15: VAT category codes without L and M.
        P(
            R("cac:AllowanceCharge/cac:TaxCategory", UblVatCategory("BR-FR-15_BT-95_BT-102-1"), UblNotLm("BR-FR-15_BT-95_BT-102-2")),
            R("cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory", UblVatCategory("BR-FR-15_BT-118-1"), UblNotLm("BR-FR-15_BT-118-2")),
            R("cac:Item/cac:ClassifiedTaxCategory", UblVatCategory("BR-FR-15_BT-151-1"), UblNotLm("BR-FR-08_BT-151-2"))),

        // BR-FR-16: VAT rates among the French rates, when given (the BT-103 rule repeats the BT-96 context: never reached).
        P(
            R("cac:AllowanceCharge/cac:TaxCategory", UblVatRate("BR-FR-16_BT-96")),
            R("cac:AllowanceCharge/cac:TaxCategory", UblVatRate("BR-FR-16_BT-103")),
            R("cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory", UblVatRate("BR-FR-16_BT-119")),
            R("cac:InvoiceLine/cac:Item/cac:ClassifiedTaxCategory", UblVatRate("BR-FR-16_BT-152"))),

        // BR-FR-17: an additional document's description (BT-123) is a listed code, when given.
        P(R("cac:AdditionalDocumentReference", C("BR-FR-17_BT-123", static n => n.Elements(Ns.Cbc, "DocumentDescription").ToList() is var d && (d.Count == 0 || Any(d, IsValidAttachmentCode))))),

        // BR-FR-18: at most one LISIBLE document.
        P(R(URoot, C("BR-FR-18_BT-123", static n => n.Elements(Ns.Cac, "AdditionalDocumentReference").Count(static d => ChildEquals(d, Ns.Cbc, "DocumentDescription", "LISIBLE")) <= 1))),

        // BR-FR-20: the BAR treatment, when given, is a listed one.
        P(R(URoot, C("BR-FR-20_BT-21", static n => UblBarTreatment(n) is var t && (t.Length == 0 || UblBarTreatments.Contains(t))))),

        // BR-FR-21: B2B, not self-billed: the buyer's address starts with its SIREN, scheme 0225.
        P(R(URoot, C("BR-FR-21_BT-49", static n => UblBarTreatment(n) != "B2B" || AnyEquals(UblTypeCodes(n), Excluded) ? true
            : EndpointStartsWithSiren(All(n, UCustomerEndpoint), WithScheme(n, UCustomerCompanyId, "0002"))))),

        // BR-FR-22: any BAR treatment, self-billed: the seller's address starts with its SIREN, scheme 0225.
        P(R(URoot, C("BR-FR-22_BT-34", static n => UblBarTreatment(n).Length == 0 || !AnyEquals(UblTypeCodes(n), Excluded) ? true
            : EndpointStartsWithSiren(All(n, USupplierEndpoint), WithScheme(n, USupplierCompanyId, "0002"))))),

        // BR-FR-23: electronic addresses in scheme 0225 use the allowed characters.
        P(UEndpointParties.Select(static p => R(U(p.Party + "/cbc:EndpointID"), static n => n.Attr("schemeID") == "0225", V("BR-FR-23_" + p.Term, IsValidSchemeIdFormat))).ToArray()),

        // BR-FR-24: private identifiers (0224) use the allowed characters.
        P(UPrivateIdParties.Select(static p => R(U(p.Party + "/cac:PartyIdentification/cbc:ID"), static n => n.Attr("schemeID") == "0224", V("BR-FR-24_" + p.Term, IsValidSchemeIdFormat))).ToArray()),

        // BR-FR-25: electronic addresses at most 125 characters.
        P(UEndpointParties.Select(static p => R(U(p.Party + "/cbc:EndpointID"), V("BR-FR-25_" + p.Term, MaxLength(125)))).ToArray()),

        // BR-FR-26: private identifiers at most 100 characters.
        P(UPrivateIdParties.Select(static p => R(U(p.Party + "/cac:PartyIdentification/cbc:ID"), static n => n.Attr("schemeID") == "0224", V("BR-FR-26_" + p.Term, MaxLength(100)))).ToArray()),

        // BR-FR-27: item attributes have a name or a code, not blank (contexts as the stylesheet writes them: the item
        // directly below the invoice, which UBL never has).
        P(
            R(U("cac:Item/cac:AdditionalItemProperty"), C("BR-FR-27_BG-32", static n => n.Element(Ns.Cbc, "Name") is not null || n.Element(Ns.Cbc, "NameCode") is not null)),
            R(U("cac:Item/cac:AdditionalItemProperty/cbc:Name"), V("BR-FR-27_BT-160", NotBlank)),
            R(U("cac:Item/cac:AdditionalItemProperty/cbc:NameCode"), V("BR-FR-27_EXT-FR-FE-159", NotBlank))),

        // BR-FR-28: an item attribute has a value or a quantity with its unit, not both.
        P(R(UL("cac:Item/cac:AdditionalItemProperty"), C("BR-FR-28-Value", static n => ValueXorMeasure(n, Ns.Cbc, "Value", "ValueQuantity")))),

        // BR-FR-29 / BR-FR-30: invoiced objects AFL/AVV at most once per reference, with an identifier (header, line).
        P(
            R(U("cac:AdditionalDocumentReference"), C("BR-FR-29_BT-18", static n => AflAvvIdsAtMostOnce(n))),
            R(U("cac:AdditionalDocumentReference/cbc:ID"), static n => n.Attr("schemeID") == "AFL", V("BR-FR-29_AFL", NotBlank)),
            R(U("cac:AdditionalDocumentReference/cbc:ID"), static n => n.Attr("schemeID") == "AVV", V("BR-FR-29_AVV", NotBlank))),
        P(
            R(UL("cac:DocumentReference"), C("BR-FR-30_BT-128", static n => AflAvvIdsAtMostOnce(n))),
            R(UL("cac:DocumentReference/cbc:ID"), static n => n.Attr("schemeID") == "AFL", V("BR-FR-30_AFL", NotBlank)),
            R(UL("cac:DocumentReference/cbc:ID"), static n => n.Attr("schemeID") == "AVV", V("BR-FR-30_AVV", NotBlank))),

        // BR-FR-31 (the stylesheet's id is BR-FR-30_BT-21): at most one BAR treatment in the notes that mention BAR.
        P(R(URoot, C("BR-FR-30_BT-21", static n => BarMarkerCount(n) <= 1))),

        // BR-FR-32: SIREN-like identifiers (0002, 0231) are 9 digits, wherever they are.
        P(
            R("cac:PartyLegalEntity/cbc:CompanyID", static n => n.Attr("schemeID") == "0002", V("BR-FR-32-LEGALID", static v => IsDigits(TreeQuery.NormalizeSpace(v), 9))),
            R("cac:PartyIdentification/cbc:ID", static n => n.Attr("schemeID") is "0002" or "0231", V("BR-FR-32-ID", static v => IsDigits(TreeQuery.NormalizeSpace(v), 9)))),
    ];

    private static string U(string path) => "ubl:Invoice/" + path + " | cn:CreditNote/" + path;

    private static string UL(string path) => "ubl:Invoice/cac:InvoiceLine/" + path + " | cn:CreditNote/cac:CreditNoteLine/" + path;

    private static bool Has(string text, string part) =>
#if NET8_0_OR_GREATER
        text.Contains(part, StringComparison.Ordinal);
#else
        text.IndexOf(part, StringComparison.Ordinal) >= 0;
#endif

    // string-join(cbc:Note, '')
    private static string AllNotes(XNode root) => string.Concat(root.Elements(Ns.Cbc, "Note").Select(static n => n.StringValue));

    // The treatment after "#BAR#" in the joined notes, up to the next '#' ("" when no note says #BAR#).
    private static string UblBarTreatment(XNode root)
    {
        var notes = AllNotes(root);
        var at = notes.IndexOf("#BAR#", StringComparison.Ordinal);
        if (at < 0)
        {
            return string.Empty;
        }

        var after = notes.Substring(at + 5);
        var hash = TreeQuery.IndexOf(after, '#');
        return hash >= 0 ? after.Substring(0, hash) : after;
    }

    private static IEnumerable<XNode> UblTypeCodes(XNode root) => root.Elements().Where(static e => e.NamespaceUri == Ns.Cbc && e.LocalName is "InvoiceTypeCode" or "CreditNoteTypeCode");

    // count(tokenize($s, marker)) - 1: the non-overlapping occurrences, left to right (-1 for an empty string, i.e. fewer).
    private static int Occurrences(string s, string marker)
    {
        var count = 0;
        for (var at = s.IndexOf(marker, StringComparison.Ordinal); at >= 0; at = s.IndexOf(marker, at + marker.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    // The stylesheet counts each "BAR#<treatment>#" in the notes containing "#BAR#", joined and followed by '#'.
    private static int BarMarkerCount(XNode root)
    {
        var joined = string.Concat(root.Elements(Ns.Cbc, "Note").Select(static n => n.StringValue).Where(static v => Has(v, "#BAR#"))) + "#";
        return UblBarMarkers.Sum(m => Occurrences(joined, m));
    }

    private static Check UblVatCategory(string id) => C(id, static n => n.Elements(Ns.Cbc, "ID").ToList() is var c && (c.Count == 0 || Any(c, IsValidVatCategoryCode)));

    private static Check UblNotLm(string id) => C(id, static n => !AnyEquals(n.Elements(Ns.Cbc, "ID"), "L", "M"));

    private static Check UblVatRate(string id) => C(id, static n => n.Elements(Ns.Cbc, "Percent").ToList() is var r && (r.Count == 0 || Any(r, IsValidVatRate)));

    private static bool AflAvvIdsAtMostOnce(XNode n)
    {
        var ids = n.Elements(Ns.Cbc, "ID").ToList();
        return ids.Count(static i => i.Attr("schemeID") == "AFL") <= 1 && ids.Count(static i => i.Attr("schemeID") == "AVV") <= 1;
    }
}
