using Chorus.Invoicing.Validation.Internal.Tree;
using Chorus.Invoicing.Validation.Rules.Tree;
using static Chorus.Invoicing.Validation.Rules.FrCtc.FrCtcFunctions;

namespace Chorus.Invoicing.Validation.Rules.FrCtc;

// BR-FR-01 … BR-FR-32 on UN/CEFACT CII (BR-FR-Flux2-Schematron-CII, patterns M24 to M51, in their order).
internal static partial class FrCtcRulesA
{
    private const string CRoot = "rsm:CrossIndustryInvoice";
    private const string CDoc = CRoot + "/rsm:ExchangedDocument";
    private const string CTx = CRoot + "/rsm:SupplyChainTradeTransaction";
    private const string CAgreement = CTx + "/ram:ApplicableHeaderTradeAgreement";
    private const string CSettlement = CTx + "/ram:ApplicableHeaderTradeSettlement";
    private const string CLine = CTx + "/ram:IncludedSupplyChainTradeLineItem";
    private const string CLineSettlement = CLine + "/ram:SpecifiedLineTradeSettlement";

    private static readonly ElementPath CGlobalId = ElementPath.Of("ram:GlobalID");
    private static readonly ElementPath CLegalId = ElementPath.Of("ram:SpecifiedLegalOrganization/ram:ID");
    private static readonly ElementPath CBillingMode = ElementPath.Of("ram:BusinessProcessSpecifiedDocumentContextParameter/ram:ID");
    private static readonly ElementPath CNotes = ElementPath.Of("rsm:ExchangedDocument/ram:IncludedNote");
    private static readonly ElementPath CTypeCode = ElementPath.Of("rsm:ExchangedDocument/ram:TypeCode");
    private static readonly ElementPath CSeller = ElementPath.Of("rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/ram:SellerTradeParty");
    private static readonly ElementPath CBuyer = ElementPath.Of("rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/ram:BuyerTradeParty");
    private static readonly ElementPath CUriId = ElementPath.Of("ram:URIUniversalCommunication/ram:URIID");
    private static readonly ElementPath CAdditionalDocument = ElementPath.Of("rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/ram:AdditionalReferencedDocument");
    private static readonly ElementPath CLineStatus = ElementPath.Of("ram:AssociatedDocumentLineDocument/ram:LineStatusReasonCode");

    // The parties whose SIRET (GlobalID 0009) must begin with their SIREN; true: the SIREN falls back on the SIRET's
    // first 9 digits when the party gives none (BR-FR-09).
    private static readonly (string Id, string Party, bool Fallback)[] CSiretParties =
    [
        ("BR-FR-09_BT-29", CAgreement + "/ram:SellerTradeParty", false),
        ("BR-FR-09_BT-46", CAgreement + "/ram:BuyerTradeParty", false),
        ("BR-FR-09_BT-60", CSettlement + "/ram:PayeeTradeParty", true),
        ("BR-FR-09_EXT-FR-FE-06", CAgreement + "/ram:BuyerAgentTradeParty", true),
        ("BR-FR-09_EXT-FR-FE-46", CSettlement + "/ram:PayerTradeParty", true),
        ("BR-FR-09_EXT-FR-FE-69", CAgreement + "/ram:SalesAgentTradeParty", true),
        ("BR-FR-09_EXT-FR-FE-92", CSettlement + "/ram:InvoiceeTradeParty", true),
        ("BR-FR-09_EXT-FR-FE-115", CSettlement + "/ram:InvoicerTradeParty", true),
        ("BR-FR-09_BT-71", CTx + "/ram:ApplicableHeaderTradeDelivery/ram:ShipToTradeParty", true),
        ("BR-FR-09_EXT-FR-FE-146", CLine + "/ram:SpecifiedLineTradeDelivery/ram:ShipToTradeParty", true),
    ];

    // The parties with an electronic address (BR-FR-23, BR-FR-25), by the business term of that address.
    private static readonly (string Term, string Party)[] CEndpointParties =
    [
        ("BT-34", CAgreement + "/ram:SellerTradeParty"),
        ("BT-49", CAgreement + "/ram:BuyerTradeParty"),
        ("EXT-FR-FE-12", CAgreement + "/ram:BuyerAgentTradeParty"),
        ("EXT-FR-FE-29", CSettlement + "/ram:PayeeTradeParty"),
        ("EXT-FR-FE-52", CSettlement + "/ram:PayerTradeParty"),
        ("EXT-FR-FE-75", CAgreement + "/ram:SalesAgentTradeParty"),
        ("EXT-FR-FE-98", CSettlement + "/ram:InvoiceeTradeParty"),
        ("EXT-FR-FE-121", CSettlement + "/ram:InvoicerTradeParty"),
    ];

    private static readonly (string Term, string Party)[] CPrivateIdParties =
    [
        ("BT-29", CAgreement + "/ram:SellerTradeParty"),
        ("BT-46", CAgreement + "/ram:BuyerTradeParty"),
    ];

    private static Rule[][] CiiPatterns() =>
    [
        // BR-FR-01 (at most 35 characters) and BR-FR-02 (allowed characters) on invoice identifiers.
        P(
            R(CDoc + "/ram:ID", V("BR-FR-01_BT-1", MaxLength(35)), V("BR-FR-02_BT-1", IsValidIdFormat)),
            R(CSettlement + "/ram:InvoiceReferencedDocument/ram:IssuerAssignedID", V("BR-FR-01_BT-25", MaxLength(35)), V("BR-FR-02_BT-25", IsValidIdFormat)),
            R(CLineSettlement + "/ram:InvoiceReferencedDocument/ram:IssuerAssignedID", V("BR-FR-01_EXT-FR-FE-136", MaxLength(35)), V("BR-FR-02_EXT-FR-FE-136", IsValidIdFormat))),

        // BR-FR-03: dates AAAAMMJJ in 2000-2099.
        P(
            R(CDoc + "/ram:IssueDateTime/udt:DateTimeString", V("BR-FR-03_BT-2", IsValidCiiDate)),
            R(CSettlement + "/ram:ApplicableTradeTax/ram:TaxPointDate/udt:DateString", V("BR-FR-03_BT-7", IsValidCiiDate)),
            R(CSettlement + "/ram:SpecifiedTradePaymentTerms/ram:DueDateDateTime/udt:DateTimeString", V("BR-FR-03_BT-9", IsValidCiiDate)),
            R(CSettlement + "/ram:InvoiceReferencedDocument/ram:FormattedIssueDateTime/qdt:DateTimeString", V("BR-FR-03_BT-26", IsValidCiiDate)),
            R(CTx + "/ram:ApplicableHeaderTradeDelivery/ram:ActualDeliverySupplyChainEvent/ram:OccurrenceDateTime/udt:DateTimeString", V("BR-FR-03_BT-72", IsValidCiiDate)),
            R(CSettlement + "/ram:BillingSpecifiedPeriod/ram:StartDateTime/udt:DateTimeString", V("BR-FR-03_BT-73", IsValidCiiDate)),
            R(CSettlement + "/ram:BillingSpecifiedPeriod/ram:EndDateTime/udt:DateTimeString", V("BR-FR-03_BT-74", IsValidCiiDate)),
            R(CLineSettlement + "/ram:InvoiceReferencedDocument/ram:FormattedIssueDateTime/qdt:DateTimeString", V("BR-FR-03_EXT-FR-FE-138", IsValidCiiDate)),
            R(CLine + "/ram:SpecifiedLineTradeDelivery/ram:ActualDeliverySupplyChainEvent/ram:OccurrenceDateTime/udt:DateTimeString", V("BR-FR-03_EXT-FR-FE-158", IsValidCiiDate)),
            R(CLineSettlement + "/ram:BillingSpecifiedPeriod/ram:StartDateTime/udt:DateTimeString", V("BR-FR-03_EXT-FR-FE-134", IsValidCiiDate)),
            R(CLineSettlement + "/ram:BillingSpecifiedPeriod/ram:EndDateTime/udt:DateTimeString", V("BR-FR-03_EXT-FR-FE-135", IsValidCiiDate))),

        // BR-FR-04: document type codes accepted by the reform.
        P(
            R(CDoc + "/ram:TypeCode", V("BR-FR-04_BT-3", IsValidDocumentTypeCode)),
            R(CSettlement + "/ram:InvoiceReferencedDocument/ram:TypeCode", V("BR-FR-04_EXT-FR-FE-02", IsValidDocumentTypeCode)),
            R(CLineSettlement + "/ram:InvoiceReferencedDocument/ram:TypeCode", V("BR-FR-04_EXT-FR-FE-137", IsValidDocumentTypeCode))),

        // BR-FR-05: the mandatory mentions (recovery costs PMT, late penalties PMD, discount AAB) are notes.
        P(R(CDoc, C("BR-FR-05_BT-22_PMT", n => NoteCount(n, "PMT") > 0), C("BR-FR-05_BT-22_PMD", n => NoteCount(n, "PMD") > 0), C("BR-FR-05_BT-22_AAB", n => NoteCount(n, "AAB") > 0))),

        // BR-FR-06: each of those subject codes (and TXD) at most once.
        P(R(
            CDoc,
            C("BR-FR-06_BT-21_PMT", n => NoteCount(n, "PMT") <= 1),
            C("BR-FR-06_BT-21_PMD", n => NoteCount(n, "PMD") <= 1),
            C("BR-FR-06_BT-21_AAB", n => NoteCount(n, "AAB") <= 1),
            C("BR-FR-06_BT-21_TXD", n => NoteCount(n, "TXD") <= 1))),

        // BR-FR-08: the billing mode (BT-23) is present and one of the listed codes.
        P(R(CRoot + "/rsm:ExchangedDocumentContext", C("BR-FR-08_BT-23", static n => Any(All(n, CBillingMode), IsValidBillingMode)))),

        // BR-FR-09: SIRET/SIREN coherence per party.
        P(CSiretParties.Select(static p => R(p.Party, C(p.Id, n => SiretCoherent(WithScheme(n, CGlobalId, "0009"), WithScheme(n, CLegalId, "0002"), p.Fallback, severalSiretsFail: true)))).ToArray()),

        // BR-FR-10: the seller's SIREN (BT-30) is present and 9 digits.
        P(R(CRoot, C("BR-FR-10_BT-30", static n => Scheme(CiiPartyValues(n, CSeller, CLegalId), "0002") is { Count: > 0 } s && IsDigits(NormalizeJoined(s), 9)))),

        // BR-FR-11: a B2B invoice (BAR note) gives the buyer's SIREN (BT-47), 9 digits.
        P(R(CRoot, C("BR-FR-11_BT-47", static n => !AnyEquals(CiiBarContents(n), "B2B") ? true
            : One(Scheme(CiiPartyValues(n, CBuyer, CLegalId), "0002")) is { } siren ? IsDigits(siren, 9) : null))),

        // BR-FR-12 / BR-FR-13: the buyer's (BT-49) and seller's (BT-34) electronic addresses are given.
        P(R(CRoot, C("BR-FR-12_BT-49", static n => One(CiiPartyValues(n, CBuyer, CUriId)) is { } v ? v.Length > 0 : null))),
        P(R(CRoot, C("BR-FR-13_BT-34", static n => One(CiiPartyValues(n, CSeller, CUriId)) is { } v ? v.Length > 0 : null))),

        // BR-FR-15: VAT category codes without L and M; a GROUP or INFORMATION line may have none.
        P(
            R(CSettlement + "/ram:SpecifiedTradeAllowanceCharge/ram:CategoryTradeTax", VatCategory("BR-FR-15_BT-95_BT-102"), NotLm("BR-FR-15_BT-95_BT-102_LM")),
            R(CSettlement + "/ram:ApplicableTradeTax", VatCategory("BR-FR-15_BT-95_BT-118"), NotLm("BR-FR-15_BT-95_BT-118_LM")),
            R(
                CLineSettlement + "/ram:ApplicableTradeTax",
                C("BR-FR-15_BT-95_BT-151", static n => Any(n.Elements(Ns.Ram, "CategoryCode"), IsValidVatCategoryCode) ||
                    (!n.Elements(Ns.Ram, "CategoryCode").Any() && AnyEquals(All(n.Parent!.Parent!, CLineStatus), "GROUP", "INFORMATION"))),
                NotLm("BR-FR-15_BT-95_BT-151_LM"))),

        // BR-FR-16: VAT rates among the French rates, when given.
        P(
            R(CSettlement + "/ram:SpecifiedTradeAllowanceCharge/ram:CategoryTradeTax", CiiVatRate("BR-FR-16_BT-96_BT-103")),
            R(CSettlement + "/ram:ApplicableTradeTax", CiiVatRate("BR-FR-16_BT-119")),
            R(CLineSettlement + "/ram:ApplicableTradeTax", CiiVatRate("BR-FR-16_BT-152"))),

        // BR-FR-17: an attached document (type 916) is qualified by a listed code (BT-123).
        P(R(
            CAgreement + "/ram:AdditionalReferencedDocument",
            static n => ChildEquals(n, Ns.Ram, "TypeCode", "916"),
            C("BR-FR-17_BT-123", static n => NormalizeJoined(n.Elements(Ns.Ram, "Name").ToList()) is var code && (code.Length == 0 || IsValidAttachmentCode(code))))),

        // BR-FR-18: at most one LISIBLE attachment.
        P(R(CRoot, C("BR-FR-18_BT-123", static n => All(n, CAdditionalDocument).Count(static d => ChildEquals(d, Ns.Ram, "Name", "LISIBLE")) <= 1))),

        // BR-FR-20: a BAR note says B2B, B2BINT, B2C, B2CINT, OUTOFSCOPE or ARCHIVEONLY.
        P(R(CDoc + "/ram:IncludedNote", static n => ChildEquals(n, Ns.Ram, "SubjectCode", "BAR"), C("BR-FR-20_BT-21", static n => Any(n.Elements(Ns.Ram, "Content"), IsValidBarTreatment)))),

        // BR-FR-21: B2B, not self-billed: the buyer's address (BT-49) starts with its SIREN, scheme 0225.
        P(R(CRoot, C("BR-FR-21_BT-49", static n => !(AnyEquals(CiiBarContents(n), "B2B") && !AnyEquals(All(n, CTypeCode), Excluded)) ? true
            : EndpointStartsWithSiren(CiiPartyValues(n, CBuyer, CUriId), CiiPartyValues(n, CBuyer, CLegalId))))),

        // BR-FR-22: B2B, self-billed: the seller's address (BT-34) starts with its SIREN, scheme 0225.
        P(R(CRoot, C("BR-FR-22_BT-34", static n => !(AnyEquals(CiiBarContents(n), "B2B") && AnyEquals(All(n, CTypeCode), Excluded)) ? true
            : EndpointStartsWithSiren(CiiPartyValues(n, CSeller, CUriId), CiiPartyValues(n, CSeller, CLegalId))))),

        // BR-FR-23: electronic addresses in scheme 0225 use the allowed characters.
        P(CEndpointParties.Select(static p => R(p.Party + "/ram:URIUniversalCommunication/ram:URIID", static n => n.Attr("schemeID") == "0225", V("BR-FR-23_" + p.Term, IsValidSchemeIdFormat))).ToArray()),

        // BR-FR-24: private identifiers (scheme 0224) use the allowed characters.
        P(CPrivateIdParties.Select(static p => R(p.Party + "/ram:GlobalID", static n => n.Attr("schemeID") == "0224", V("BR-FR-24_" + p.Term, IsValidSchemeIdFormat))).ToArray()),

        // BR-FR-25: electronic addresses at most 125 characters.
        P(CEndpointParties.Select(static p => R(p.Party + "/ram:URIUniversalCommunication/ram:URIID", V("BR-FR-25_" + p.Term, MaxLength(125)))).ToArray()),

        // BR-FR-26: private identifiers at most 100 characters.
        P(CPrivateIdParties.Select(static p => R(p.Party + "/ram:GlobalID", static n => n.Attr("schemeID") == "0224", V("BR-FR-26_" + p.Term, MaxLength(100)))).ToArray()),

        // BR-FR-27: an item attribute (BG-32) has a name or a code, neither blank.
        P(
            R(CLine + "/ram:SpecifiedTradeProduct/ram:ApplicableProductCharacteristic", C("BR-FR-27_BG-32", static n => n.Element(Ns.Ram, "Description") is not null || n.Element(Ns.Ram, "TypeCode") is not null)),
            R(CLine + "/ram:SpecifiedTradeProduct/ram:ApplicableProductCharacteristic/ram:Description", V("BR-FR-27_BT-160", NotBlank)),
            R(CLine + "/ram:SpecifiedTradeProduct/ram:ApplicableProductCharacteristic/ram:TypeCode", V("BR-FR-27_EXT-FR-FE-159", NotBlank))),

        // BR-FR-28: an item attribute has a value or a measure with its unit, not both.
        P(R(CLine + "/ram:SpecifiedTradeProduct/ram:ApplicableProductCharacteristic", C("BR-FR-28-Value", static n => ValueXorMeasure(n, Ns.Ram, "Value", "ValueMeasure")))),

        // BR-FR-29 / BR-FR-30: invoiced objects AFL/AVV at most once each, with an identifier (header, line).
        P(
            R(CAgreement, C("BR-FR-29_BT-18", static n => AflAvvAtMostOnce(n))),
            R(CAgreement + "/ram:AdditionalReferencedDocument/ram:IssuerAssignedID", static n => ChildEquals(n.Parent!, Ns.Ram, "ReferenceTypeCode", "AFL"), V("BR-FR-29_AFL", NotBlank)),
            R(CAgreement + "/ram:AdditionalReferencedDocument/ram:IssuerAssignedID", static n => ChildEquals(n.Parent!, Ns.Ram, "ReferenceTypeCode", "AVV"), V("BR-FR-29_AVV", NotBlank))),
        P(
            R(CLine, C("BR-FR-30_BT-128", static n => AflAvvAtMostOnce(n))),
            R(CLine + "/ram:AdditionalReferencedDocument/ram:IssuerAssignedID", static n => ChildEquals(n.Parent!, Ns.Ram, "ReferenceTypeCode", "AFL"), V("BR-FR-30_AFL", NotBlank)),
            R(CLine + "/ram:AdditionalReferencedDocument/ram:IssuerAssignedID", static n => ChildEquals(n.Parent!, Ns.Ram, "ReferenceTypeCode", "AVV"), V("BR-FR-30_AVV", NotBlank))),

        // BR-FR-31: at most one BAR note with a valid treatment.
        P(R(CDoc, C("BR-FR-31_BT-21", static n => n.Elements(Ns.Ram, "IncludedNote")
            .Count(static note => ChildEquals(note, Ns.Ram, "SubjectCode", "BAR") && IsValidBarTreatment(NormalizeJoined(note.Elements(Ns.Ram, "Content").ToList()))) <= 1))),

        // BR-FR-32: SIREN-like identifiers (0002, 0231) are 9 digits, wherever they are.
        P(
            R("ram:SpecifiedLegalOrganization/ram:ID", static n => n.Attr("schemeID") == "0002", V("BR-FR-32-LEGALID", static v => IsDigits(TreeQuery.NormalizeSpace(v), 9))),
            R("ram:GlobalID", static n => n.Attr("schemeID") is "0002" or "0231", V("BR-FR-32-GLOBALID", static v => IsDigits(TreeQuery.NormalizeSpace(v), 9)))),
    ];

    private static Func<string, bool> MaxLength(int max) => v => CodePointLength(v) <= max;

    private static bool NotBlank(string v) => TreeQuery.NormalizeSpace(v).Length > 0;

    // count($notes[ram:SubjectCode = code]) for the IncludedNote children of rsm:ExchangedDocument.
    private static int NoteCount(XNode document, string code) => document.Elements(Ns.Ram, "IncludedNote").Count(n => ChildEquals(n, Ns.Ram, "SubjectCode", code));

    // rsm:ExchangedDocument/ram:IncludedNote[ram:SubjectCode = 'BAR']/ram:Content
    private static IEnumerable<XNode> CiiBarContents(XNode root) =>
        All(root, CNotes).Where(static n => ChildEquals(n, Ns.Ram, "SubjectCode", "BAR")).SelectMany(static n => n.Elements(Ns.Ram, "Content"));

    // The nodes below each header party (one path, a party repeated gives all of them, as XPath does).
    private static List<XNode> CiiPartyValues(XNode root, ElementPath party, ElementPath below) => All(root, party).SelectMany(p => p.Select(below)).ToList();

    private static Check VatCategory(string id) => C(id, static n => Any(n.Elements(Ns.Ram, "CategoryCode"), IsValidVatCategoryCode));

    private static Check NotLm(string id) => C(id, static n => !AnyEquals(n.Elements(Ns.Ram, "CategoryCode"), "L", "M"));

    // $rate := string(ram:RateApplicablePercent): several make the variable fail (bound to nothing, so the rule holds).
    private static Check CiiVatRate(string id) => C(id, static n => n.Elements(Ns.Ram, "RateApplicablePercent").ToList() is var r && (r.Count != 1 || r[0].StringValue.Length == 0 || IsValidVatRate(r[0].StringValue)));

    // (exists(value) and not(exists(measure))) or (not(exists(value)) and exists(measure[@unitCode != '']))
    private static bool ValueXorMeasure(XNode n, string ns, string value, string measure)
    {
        var hasValue = n.Element(ns, value) is not null;
        return hasValue ? n.Element(ns, measure) is null : n.Elements(ns, measure).Any(static m => m.Attr("unitCode") is { Length: > 0 });
    }

    private static bool AflAvvAtMostOnce(XNode n)
    {
        var docs = n.Elements(Ns.Ram, "AdditionalReferencedDocument").ToList();
        return docs.Count(static d => ChildEquals(d, Ns.Ram, "ReferenceTypeCode", "AFL")) <= 1 && docs.Count(static d => ChildEquals(d, Ns.Ram, "ReferenceTypeCode", "AVV")) <= 1;
    }
}
