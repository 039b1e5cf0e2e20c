using Chorus.Invoicing.Validation.Internal.Tree;
using Chorus.Invoicing.Validation.Rules.Bindings;
using Chorus.Invoicing.Validation.Rules.FacturX;
using Chorus.Invoicing.Validation.Rules.Tree;

namespace Chorus.Invoicing.Validation.Rules.ExtendedCtcFr;

/// <summary>
/// The assertions of <c>EXTENDED-CTC-FR-UBL.xslt</c> that are not EN 16931's word for word (68 ids): BR-FREXT-*,
/// UBL-FREXT-*, CII-FREXT-CR-490, BR-CO-25 on the document's amount due, and the EN 16931 rules the profile restates with
/// another test or context (BR-55, UBL-SR-06/07 on the document-level cac:BillingReference are EN 16931's, filtered by
/// <see cref="ExtendedCtcFrRules"/>).
/// </summary>
/// <remarks>
/// One <see cref="TreePattern"/> per pattern of the stylesheet (modes M11…M14), each with the profile's contexts in the
/// stylesheet's order. The EN 16931 contexts of the same patterns that come before them cannot match the same nodes
/// (checked by name: none is a cbc:PayableAmount, cac:LegalMonetaryTotal, the document element, a line,
/// cac:AdditionalItemProperty or a header cac:TaxCategory), except in M13, where
/// <c>cac:AllowanceCharge[cbc:ChargeIndicator = false()]/cbc:AllowanceChargeReasonCode</c> comes first and is listed.
/// </remarks>
internal static partial class ExtendedCtcFrUbl
{
    private const string Prefix = "EXTENDED-CTC-FR: ";

    // (BR id suffix, UNCL 5305 code) of the per-category rules, in the stylesheet's order.
    private static readonly (string Name, string Code)[] Categories =
    [
        ("AE", "AE"), ("E", "E"), ("G", "G"), ("IC", "K"), ("AF", "L"), ("AG", "M"), ("O", "O"), ("S", "S"), ("Z", "Z"),
    ];

    private static readonly (string Name, string Code)[] DocumentCategories =
    [
        ("S", "S"), ("Z", "Z"), ("E", "E"), ("AE", "AE"), ("IC", "K"), ("G", "G"), ("O", "O"), ("AF", "L"), ("AG", "M"),
    ];

    // The code lists of BR-FREXT-04 and CL-20 are those of BR-FXEXT-04 (FacturXVatExtended) and BR-CL-20 (CodeLists).
    // UNCL 5153 without VAT.
    private static readonly HashSet<string> Uncl5153 = UblX.List(" AAA AAB AAC AAD AAE AAF AAG AAH AAI AAJ AAK AAL AAM AAO AAP ADD BOL CAP CAR COC CST CUD CVD ENV EXC EXP FET FRE GCN GST ILL IMP IND LAC LCN LDP LOC LST MCA MCD OTH PDB PDC PRF SCN SSS STT SUP SUR SWT TAC TOT TOX TTA VAD ");

    private static readonly HashSet<string> ReasonListIds = UblX.List(" 7161 5153 ");

    private static readonly HashSet<string> Incoterms = UblX.List(" 1 2 CFR CIF CIP CPT DAP DDP DPU EXW FAS FCA FOB ");

    private static readonly string[] MimeCodes =
    [
        "application/pdf", "image/png", "image/jpeg", "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "application/vnd.oasis.opendocument.spreadsheet", "application/xml", "text/xml",
    ];

    // The profile restates them on the document-level cac:BillingReference only; the EN 16931 rules check them and
    // ExtendedCtcFrRules keeps their problems on that reference.
    private static readonly string[] RestatedEn16931 = ["BR-55", "UBL-SR-06", "UBL-SR-07"];

    /// <summary>The ids of the stylesheet's new assertions: checked here, or (BR-55, UBL-SR-06/07) by the EN 16931 rules as the profile narrows them.</summary>
    public static IEnumerable<string> Ids => Compiled.Patterns.SelectMany(static p => p.Ids).Concat(RestatedEn16931).Distinct(StringComparer.Ordinal);

    /// <summary>Adds a problem per failed assertion.</summary>
    public static void Run(XNode document, List<ValidationProblem> problems)
    {
        foreach (var pattern in Compiled.Patterns)
        {
            pattern.Run(document, problems);
        }
    }

    // Built on first use, once the tables of every part of the class (Texts…) are initialised.
    private static class Compiled
    {
        public static readonly TreePattern[] Patterns = [BusinessRules(), SyntaxRules(), CodeLists(), SubLines()];
    }

    // M11, the business rules.
    private static TreePattern BusinessRules()
    {
        var rules = new List<TreeRuleContext>
        {
            new("/ubl:Invoice/cac:LegalMonetaryTotal/cbc:PayableAmount", TreeMatch.Path("/ubl:Invoice/cac:LegalMonetaryTotal/cbc:PayableAmount"), Assert("BR-CO-25", DueDateOrTermsGiven)),
            new("cac:LegalMonetaryTotal", TreeMatch.Path("cac:LegalMonetaryTotal"),
                Assert("BR-FREXT-CO-10", LineTotalMatches),
                Assert("BR-FREXT-CO-11", static n => AllowanceOrChargeTotalMatches(n, charge: false)),
                Assert("BR-FREXT-CO-12", static n => AllowanceOrChargeTotalMatches(n, charge: true)),
                Assert("BR-FREXT-CO-13", TaxExclusiveMatches),
                Assert("BR-FREXT-CO-15", TaxInclusiveMatches)),
            new("/ubl:Invoice | /cn:CreditNote", TreeMatch.Path("/ubl:Invoice", "/cn:CreditNote"),
                [.. DocumentCategories.Select(static c => Assert($"BR-FREXT-{c.Name}-01", n => CategoryHasBreakdown(n, c.Code)))]),
            new("cac:InvoiceLine | cac:CreditNoteLine", TreeMatch.Path("cac:InvoiceLine", "cac:CreditNoteLine"),
                Assert("BR-FREXT-22", static n => !Counted(n) || n.HasCbc("InvoicedQuantity") || n.HasCbc("CreditedQuantity")),
                Assert("BR-FREXT-23", static n => !Counted(n) || n.Cbc("InvoicedQuantity").Concat(n.Cbc("CreditedQuantity")).Any(static q => q.AttrNode("unitCode") is not null)),
                Assert("BR-FREXT-24", static n => !Counted(n) || n.HasCbc("LineExtensionAmount")),
                Assert("BR-FREXT-26", static n => !Counted(n) || n.Cac("Price").Any(static p => p.HasCbc("PriceAmount"))),
                Assert("BR-FREXT-CO-04", static n => !Counted(n) || HasVatCategory(n))),
            new("//cac:AdditionalItemProperty", TreeMatch.Path("//cac:AdditionalItemProperty"),
                Assert("BR-FREXT-54-1", static n => n.HasCbc("Name") || n.HasCbc("NameCode")),
                Assert("BR-FREXT-54-2", static n => (n.HasCbc("Value") && !n.HasCbc("ValueQuantity")) || (!n.HasCbc("Value") && n.Cbc("ValueQuantity").Any(static q => q.Attr("unitCode") is { } u && u.Length > 0)))),
        };

        foreach (var (name, code) in Categories)
        {
            var asserts = new List<TreeAssert>
            {
                Assert($"BR-FREXT-{name}-08", n => Sums(n, code) is var s && (s.Holds(full: true) || s.Holds(full: false))),
                Assert($"BR-FREXT-{name}-08ini", n => Sums(n, code).Holds(full: false)),
                Assert($"BR-FREXT-{name}-08rev", n => Sums(n, code).Holds(full: true)),
            };
            if (code == "S")
            {
                asserts.Add(Assert("BR-FREXT-S-09", static n => Sums(n, "S").VatMatches()));
            }

            rules.Add(new($"/*/cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory[normalize-space(cbc:ID) = '{code}'][VAT]", TreeMatch.Where(n => IsBreakdownCategory(n, code), (Ns.Cac, "TaxCategory")), [.. asserts]));
        }

        return new TreePattern([.. rules]);
    }

    private static BreakdownSums Sums(XNode category, string code) => BreakdownSums.Of(category, code);

    // M12, the syntax rules.
    private static TreePattern SyntaxRules() => new(
        new TreeRuleContext("/ubl:Invoice | /cn:CreditNote", TreeMatch.Path("/ubl:Invoice", "/cn:CreditNote"),
            Assert("UBL-FREXT-CR-410", static n => DeliveryTermsRestricted(n.Cac("DeliveryTerms"))),
            Assert("CII-FREXT-CR-490", TaxExchangeRateRestricted),
            Assert("UBL-FREXT-CR-645", static n => DeliveryTermsRestricted(UblX.LinesOf(n).SelectMany(static l => l.Cac("DeliveryTerms"))))),
        new TreeRuleContext("cac:InvoiceLine | cac:CreditNoteLine", TreeMatch.Path("cac:InvoiceLine", "cac:CreditNoteLine"), Assert("UBL-FREXT-SR-48", OneClassifiedTaxCategory)));

    // M13, the code lists.
    private static TreePattern CodeLists() => new(
        new TreeRuleContext("cac:AllowanceCharge[cbc:ChargeIndicator = false()]/cbc:AllowanceChargeReasonCode", ReasonCode(charge: false, static _ => true)),
        new TreeRuleContext("cac:AllowanceCharge[cbc:ChargeIndicator = true()]/cbc:AllowanceChargeReasonCode[@listID='7161' or not(@listID)]", ReasonCode(charge: true, static n => n.Attr("listID") is null or "7161"),
            Assert("BR-FREXT-CL-20", static n => UblX.InList(Rules.CodeLists.Untdid7161, n.StringValue))),
        new TreeRuleContext("cac:AllowanceCharge[cbc:ChargeIndicator = true()]/cbc:AllowanceChargeReasonCode[@listID='5153']", ReasonCode(charge: true, static n => n.Attr("listID") == "5153"),
            Assert("BR-FREXT-CL-20-TAX", static n => UblX.InList(Uncl5153, n.StringValue))),
        new TreeRuleContext("cac:AllowanceCharge[cbc:ChargeIndicator = true()]/cbc:AllowanceChargeReasonCode[exists(@listID)]", ReasonCode(charge: true, static n => n.Attr("listID") is not null),
            Assert("BR-FREXT-CL-20-LISTID", static n => UblX.InList(ReasonListIds, n.StringValue))),
        new TreeRuleContext("cbc:EmbeddedDocumentBinaryObject[@mimeCode]", TreeMatch.Where(static n => n.Attr("mimeCode") is not null, (Ns.Cbc, "EmbeddedDocumentBinaryObject")),
            Assert("BR-FREXT-CL-24", static n => Array.IndexOf(MimeCodes, n.Attr("mimeCode")) >= 0)),
        new TreeRuleContext("cac:DeliveryTerms/cbc:ID", TreeMatch.Path("cac:DeliveryTerms/cbc:ID"),
            Assert("BR-FREXT-CL-27", static n => UblX.InList(Incoterms, n.StringValue))));

    private static TreeContextTest ReasonCode(bool charge, Func<XNode, bool> attributes) => TreeMatch.Where(
        n =>
        {
            try
            {
                return n.ParentIs(Ns.Cac, "AllowanceCharge") && UblX.ChargeIs(n.Parent!, charge) && attributes(n);
            }
            catch (FxEvalException)
            {
                return false; // a dynamic error in a match pattern: not a match
            }
        },
        (Ns.Cbc, "AllowanceChargeReasonCode"));

    // M14, the sub-lines.
    private static TreePattern SubLines() => new(
        new TreeRuleContext("(cac:InvoiceLine|cac:CreditNoteLine)/cac:Item/cac:AdditionalItemProperty/cbc:NameCode",
            TreeMatch.Path("cac:InvoiceLine/cac:Item/cac:AdditionalItemProperty/cbc:NameCode", "cac:CreditNoteLine/cac:Item/cac:AdditionalItemProperty/cbc:NameCode"),
            Assert("BR-FREXT-04", static n => UblX.InList(FacturXVatExtended.AttributeCodeSet, n.StringValue))),
        new TreeRuleContext("(cac:InvoiceLine|cac:CreditNoteLine)", TreeMatch.Path("cac:InvoiceLine", "cac:CreditNoteLine"),
            Assert("BR-FREXT-05", SublineCodeKnown),
            Assert("BR-FREXT-06", ParentedLineHasCode),
            Assert("BR-FREXT-08", GroupAmountIsChildrenSum),
            Assert("BR-FREXT-11", ParentLineExists),
            Assert("BR-FREXT-12", GroupChildrenHaveAmounts)));

    /// <summary>An assertion with the stylesheet's flag and message (its values filled in); a dynamic error (XPath) makes it fail.</summary>
    private static TreeAssert Assert(string id, Func<XNode, bool> test)
    {
        var fatal = Texts[id].Fatal;
        return new TreeAssert(id, fatal, n =>
        {
            try
            {
                return test(n);
            }
            catch (FxEvalException)
            {
                return null;
            }
        }, Plain(id), n => Describe(id, n));
    }
}
