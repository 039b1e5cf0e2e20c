using Chorus.Invoicing.Validation.Internal.Tree;
using Chorus.Invoicing.Validation.Rules.Tree;

namespace Chorus.Invoicing.Validation.Rules.FrCtc;

/// <summary>
/// The UBL bindings (BR-FR-Flux2-Schematron-UBL), one pattern per official pattern, in the artefact's order. A line's
/// sub-type, parent and invoice reference live in its BillingReference whose InvoiceDocumentReference/ID is the
/// invoice's own number (<c>$invoiceID</c>).
/// </summary>
internal static partial class FrCtcRulesB
{
    private const string URoot = "ubl:Invoice | cn:CreditNote";
    private const string URootMixed = "ubl:Invoice|/cn:CreditNote";
    private const string ULines = "ubl:Invoice/cac:InvoiceLine|cn:CreditNote/cac:CreditNoteLine";
    private const string UGroupRefs = "ubl:Invoice/cac:InvoiceLine/cac:BillingReference|cn:CreditNote/cac:CreditNoteLine/cac:BillingReference";
    private const string UMaker = "cac:Item/cac:ManufacturerParty";
    private const string UMakerId = UMaker + "/cac:PartyLegalEntity/cbc:CompanyID";
    private const string UDocId = "cac:InvoiceDocumentReference/cbc:ID";
    private const string UDocStatus = "cac:InvoiceDocumentReference/cbc:DocumentStatusCode";
    private const string URefLine = "cac:BillingReferenceLine/cbc:ID";

    private static readonly Pattern[] UblPatterns =
    [
        // BR-FR-CO-03: a 262 credit note needs the contract (BT-12) and the billing period (BG-14).
        new(R("cn:CreditNote", static (n, _, r) => r.Assert("BR-FR-CO-03_BT-3", !AnyIn(Vals(n, "cbc:CreditNoteTypeCode"), "262") || HeaderStrings(
            Vals(n, "cac:ContractDocumentReference/cbc:ID"), Vals(n, "cac:InvoicePeriod/cbc:StartDate"), Vals(n, "cac:InvoicePeriod/cbc:EndDate")), n))),

        // BR-FR-CO-04: a corrective invoice has exactly one BillingReference (the artefact reads InvoiceTypeCode only).
        new(R(URoot, static (n, _, r) => r.Assert("BR-FR-CO-04_BT-3", !AnyIn(Vals(n, "cbc:InvoiceTypeCode"), "384", "471", "472", "473") || Sel(n, "cac:BillingReference").Count == 1, n))),

        // BR-FR-CO-05: a credit note references an earlier invoice in the header or on every line it counts.
        new(R("cn:CreditNote", static (n, _, r) => r.Assert("BR-FR-CO-05_BT-3", !AnyIn(Vals(n, "cbc:CreditNoteTypeCode"), "261", "381", "396", "502", "503") || UblCreditReferences(n), n))),

        // BR-FR-CO-07 in UBL: not($dueDate and not(exempt) and $dueDate < $issueDate), a general (existential) comparison.
        new(R(URoot, static (n, _, r) =>
        {
            var due = Vals(n, "cbc:DueDate");
            var exempt = AnyIn(UblTypes(n), "386", "500", "503") || AnyIn(Vals(n, "cbc:ProfileID"), "B2", "S2", "M2");
            var issue = Vals(n, "cbc:IssueDate");
            var before = due.Exists(x => issue.Exists(y => string.CompareOrdinal(x, y) < 0));
            r.Assert("BR-FR-CO-07_BT-9", !(due.Count > 0 && !exempt && before), n);
        })),

        // BR-FR-CO-08: B4/S4/M4 is not a down payment.
        new(R(URoot, static (n, _, r) => r.Assert("BR-FR-CO-08_BT-23", !AnyIn(Vals(n, "cbc:ProfileID"), "B4", "S4", "M4") || !AnyIn(UblTypes(n), "386", "500", "503"), n))),

        // BR-FR-CO-09: B2/S2/M2 (already paid): prepaid = total with VAT, nothing payable, a due date.
        new(R(URoot, static (n, _, r) =>
        {
            var paid = AnyIn(Vals(n, "cbc:ProfileID"), "B2", "S2", "M2");
            r.Assert("BR-FR-CO-09_BT-23-1", !paid || FrCtcDecimals.Number(Vals(n, "cac:LegalMonetaryTotal/cbc:PrepaidAmount")) == FrCtcDecimals.Number(Vals(n, "cac:LegalMonetaryTotal/cbc:TaxInclusiveAmount")), n);
            r.Assert("BR-FR-CO-09_BT-23-2", !paid || FrCtcDecimals.Number(Vals(n, "cac:LegalMonetaryTotal/cbc:PayableAmount")) == 0, n);

            // $dueDate = cbc:DueDate | cac:PaymentMeans/cbc:PaymentDueDate (a union: several items make string() fail).
            r.Assert("BR-FR-CO-09_BT-23-3", !paid || NonEmptyString([.. Vals(n, "cbc:DueDate"), .. Vals(n, "cac:PaymentMeans/cbc:PaymentDueDate")]), n);
        })),

        Co10Pattern(ubl: true),

        // BR-FR-CO-12: not in EUR: TaxCurrencyCode EUR and a VAT total in EUR.
        new(R(URoot, static (n, _, r) => r.Assert("BR-FR-CO-12_BT-5", !AnyNot(Vals(n, "cbc:DocumentCurrencyCode"), "EUR") ||
            (AnyIn(Vals(n, "cbc:TaxCurrencyCode"), "EUR") && NonEmptyString(Sel(n, "cac:TaxTotal/cbc:TaxAmount").Where(static t => t.Attr("currencyID") == "EUR").Select(static t => t.StringValue).ToList())), n))),

        // BR-FR-CO-14 in UBL: the notes joined, the text after #TXD# up to the next # is MEMBRE_ASSUJETTI_UNIQUE.
        new(R(URoot, static (n, _, r) => r.Assert("BR-FR-CO-14_BT-29-1", !UblIsAu(n) || TxdValue(string.Concat(Vals(n, "cbc:Note"))) == "MEMBRE_ASSUJETTI_UNIQUE", n))),

        // BR-FR-CO-15: a single taxable person member has a tax representative with a VAT number.
        new(R(URoot, static (n, _, r) =>
        {
            var rep = Sel(n, "cac:TaxRepresentativeParty/cac:PartyTaxScheme");
            r.Assert("BR-FR-CO-15_BT-29-1", !UblIsAu(n) || (rep.Count > 0 && NonEmptyString(rep.SelectMany(static x => Vals(x, "cbc:CompanyID")).ToList())), n);
        })),

        // BR-FR-DEC-01 (BT-93 comes first in the UBL artefact; the contexts do not overlap, so the order does not matter).
        Dec01Pattern(ubl: true),

        new(
            R("ubl:Invoice/cac:InvoiceLine/cbc:InvoicedQuantity | cn:CreditNote/cac:CreditNoteLine/cbc:CreditedQuantity", static (n, _, r) => r.Assert("BR-FR-DEC-02_BT-129", FrCtcDecimals.IsDecimal19_4(TreeQuery.NormalizeSpace(n.StringValue)), n)),
            R(ULines, static (n, _, r) =>
            {
                var q = NormSpace(n, "cac:Price/cbc:BaseQuantity");
                r.Assert("BR-FR-DEC-02_BT-149", q.Length == 0 || FrCtcDecimals.IsDecimal19_4(q), n);
            })),

        new(
            R(ULines, static (n, d, r) =>
            {
                var a = NormSpace(n, "cac:Price/cbc:PriceAmount");
                r.Assert("BR-FR-DEC-03_BT-146", a.Length == 0 || PriceFormat(a, d), n);
            }),
            R("ubl:Invoice/cac:InvoiceLine/cac:Price/cac:AllowanceCharge | cn:CreditNote/cac:CreditNoteLine/cac:Price/cac:AllowanceCharge", static (n, d, r) =>
            {
                var a = NormSpace(n, "cbc:Amount");
                r.Assert("BR-FR-DEC-03_BT-147", a.Length == 0 || PriceFormat(a, d), n);
            }),
            R("ubl:Invoice/cac:InvoiceLine/cac:Price/cac:AllowanceCharge/cbc:BaseAmount | cn:CreditNote/cac:CreditNoteLine/cac:Price/cac:AllowanceCharge/cbc:BaseAmount", static (n, d, r) =>
            {
                var a = TreeQuery.NormalizeSpace(n.StringValue);
                r.Assert("BR-FR-DEC-03_BT-148", a.Length == 0 || PriceFormat(a, d), n);
            })),

        Dec04Pattern(ubl: true),

        // BR-FR-MV-01: every line has a BillingReference to the invoice itself with a sub-type.
        new(R("cac:InvoiceLine|cac:CreditNoteLine", static (n, d, r) =>
        {
            var own = OwnRefs(n, d);
            r.Assert("BR-FR-MV-01_EXT-FR-FE-163", !d.Special || (own.Count > 0 && NormSpace(own.SelectMany(static b => Vals(b, UDocStatus)).ToList()).Length > 0), n);
        })),

        // BR-FR-MV-02: multi-vendor: at least one GROUP reference without parent line.
        new(R(URootMixed, static (n, d, r) => r.Assert("BR-FR-MV-02_EXT-FR-FE-163", !d.SpecialMV || UblGroupRefs(n, d).Count >= 1, n))),

        // BR-FR-BD-02: bi-directional: exactly two GROUP lines, one made by the seller (BT-30), one by the buyer (BT-47).
        new(R(URootMixed, static (n, d, r) =>
        {
            r.Assert("BR-FR-BD-02_EXT-FR-FE-163", !d.SpecialBD || UblGroupRefs(n, d).Count == 2, n);
            r.Assert("BR-FR-BD-02_BT-30", !d.SpecialBD || UblGroupRefsOf(n, d, "cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity/cbc:CompanyID") == 1, n);
            r.Assert("BR-FR-BD-02_BT-47", !d.SpecialBD || UblGroupRefsOf(n, d, "cac:AccountingCustomerParty/cac:Party/cac:PartyLegalEntity/cbc:CompanyID") == 1, n);
        })),

        // BR-FR-MV-03 on the GROUP line's BillingReference: seller name, legal id, country, VAT totals, AFL and AVV references.
        new(R(UGroupRefs, static (n, d, r) =>
        {
            if (!d.Special)
            {
                return;
            }

            var line = n.Parent!;
            var invCurrency = d.ValsOnce(line.Parent!, "cbc:DocumentCurrencyCode");
            var accCurrency = d.TaxCurrencies(line.Parent!);
            r.Assert("BR-FR-MV-03_EXT-FR-FE-164", NormSpace(line, UMaker + "/cac:PartyLegalEntity/cbc:RegistrationName").Length > 0, n);
            r.Assert("BR-FR-MV-03_EXT-FR-FE-167", NormSpace(line, UMakerId).Length > 0, n);
            r.Assert("BR-FR-MV-03_EXT-FR-FE-177", NormSpace(line.Descendants(Ns.Cac, "Item").SelectMany(static i => Vals(i, "cac:ManufacturerParty/cac:PostalAddress/cac:Country/cbc:IdentificationCode")).ToList()).Length > 0, n);
            r.Assert("BR-FR-MV-03_EXT-FR-FE-181", NormSpace(UblLineTax(line, invCurrency)).Length > 0, n);
            r.Assert("BR-FR-MV-03_EXT-FR-FE-182", accCurrency.Count == 0 || (AnyNot(accCurrency, string.Empty) && NormSpace(UblLineTax(line, accCurrency)).Length > 0), n);
            r.Assert("BR-FR-MV-03_BT-128_AFL", NormSpace(UblLineRef(line, "AFL")).Length > 0, n);
            var avv = UblLineRef(line, "AVV");
            r.Assert("BR-FR-MV-03_BT-128_AVV", NormSpace(avv).Length > 0 && !AnyIn(avv, "M8", "S8", "B8"), n);
        }, static (n, d) => IsGroupRef(n, d))),

        // BR-FR-MV-05: the GROUP line's net amount is the sum of its sub-lines' (±0.01 per sub-line).
        new(R(UGroupRefs, static (n, d, r) =>
        {
            if (!d.Special)
            {
                return;
            }

            var line = n.Parent!;
            var groupId = NormSpace(line, "cbc:ID");
            var subAmounts = d.LinesWithId(line.Parent!, UblLinesOf, "cac:BillingReference/" + URefLine, [groupId])
                .Where(l => Sel(l, "cac:BillingReference").Exists(b => AnyEqual(Vals(b, UDocId), d.InvoiceId) && AnyNot(Vals(b, UDocStatus), "INFORMATION") && AnyIn(Vals(b, URefLine), groupId)))
                .SelectMany(static l => Vals(l, "cbc:LineExtensionAmount")).ToList();
            r.Assert("BR-FR-MV-05_EXT-FR-FE-BG-12", Sum(subAmounts) is { } sum && Math.Abs(FrCtcDecimals.Number(Vals(line, "cbc:LineExtensionAmount")) - sum) <= (double)(0.01m * subAmounts.Count), n);
        }, static (n, d) => IsGroupRef(n, d))),

        // BR-FR-MV-06: every line names its maker's legal id (ManufacturerParty), the same as its parent line's.
        new(R(ULines, static (n, d, r) =>
        {
            if (!d.Special)
            {
                return;
            }

            var parentIds = UblParentIds(n, d);
            var legal = NormSpace(n, UMakerId);
            r.Assert("BR-FR-MV-06_EXT-FR-FE-167", legal.Length > 0 && (parentIds.Count == 0 || legal == NormSpace(UblLinesWithId(n, parentIds, d).SelectMany(static l => Vals(l, UMakerId)).ToList())), n);
        })),

        // BR-FR-MV-07: every line has its AFL invoice number, the same as its parent line's.
        new(R(ULines, static (n, d, r) =>
        {
            if (!d.Special)
            {
                return;
            }

            var parentIds = UblParentIds(n, d);
            var numfact = NormSpace(UblLineRef(n, "AFL"));
            r.Assert("BR-FR-MV-07_BT-128", numfact.Length > 0 && (parentIds.Count == 0 || numfact == NormSpace(UblLinesWithId(n, parentIds, d).SelectMany(static l => UblLineRef(l, "AFL")).ToList())), n);
        })),

        // BR-FR-MV-08: a DETAIL line's VAT exemption reason starts with #<its AFL number>#.
        new(R(ULines, static (n, d, r) =>
        {
            if (!d.Special)
            {
                return;
            }

            var numfact = NormSpace(UblLineRef(n, "AFL"));
            var reasons = Vals(n, "cac:Item/cac:ClassifiedTaxCategory/cbc:TaxExemptionReason");
            Outcome outcome = NormSpace(reasons).Length > 0 && numfact.Length > 0 &&
                (reasons.Count > 1 ? Outcome.Failed(ManyItems) : reasons[0].StartsWith("#" + numfact + "#", StringComparison.Ordinal));
            r.Assert("BR-FR-MV-08_BT-128", outcome, n);
        }, static (n, d) => AnyIn(OwnRefs(n, d).SelectMany(static b => Vals(b, UDocStatus)), "DETAIL"))),

        // BR-FR-MV-09: a GROUP line's VAT total is the sum of the VAT breakdowns whose exemption reason starts with #<AFL>#.
        new(R(UGroupRefs, static (n, d, r) =>
        {
            if (!d.Special)
            {
                return;
            }

            var line = n.Parent!;
            var prefix = "#" + NormSpace(UblLineRef(line, "AFL")) + "#";
            var sumVat = SumOfBreakdowns(d.SelOnce(line.Parent!, "cac:TaxTotal/cac:TaxSubtotal"), "cac:TaxCategory/cac:TaxScheme/cbc:ID", "cac:TaxCategory/cbc:TaxExemptionReason", prefix, "cbc:TaxAmount");
            var invCurrency = d.ValsOnce(line.Parent!, "cbc:DocumentCurrencyCode");
            r.Assert("BR-FR-MV-09_EXT-FR-FE-181", sumVat is { } s && Math.Abs(FrCtcDecimals.Number(UblLineTax(line, invCurrency)) - s) <= 0.01, n);
        }, static (n, d) => IsGroupRef(n, d))),

        // BR-FR-MV-10: a GROUP line's total with VAT is its net plus its VAT (±0.01 per DETAIL sub-line).
        new(R(UGroupRefs, static (n, d, r) =>
        {
            var line = n.Parent!;
            if (!d.Special || !Has(line, "cbc:TaxInclusiveLineExtensionAmount"))
            {
                return;
            }

            var invCurrency = d.ValsOnce(line.Parent!, "cbc:DocumentCurrencyCode");
            var lineId = Vals(line, "cbc:ID");
            var details = d.LinesWithId(line.Parent!, UblLinesOf, "cac:BillingReference/" + URefLine, lineId).SelectMany(static l => Sel(l, "cac:BillingReference"))
                .Count(b => AnyEqual(Vals(b, UDocId), d.InvoiceId) && AnyIn(Vals(b, UDocStatus), "DETAIL") && AnyEqual(Vals(b, URefLine), lineId));
            var grand = Vals(line, "cbc:TaxInclusiveLineExtensionAmount");
            r.Assert("BR-FR-MV-10_EXT-FR-FE-184", NormSpace(grand).Length > 0 && Math.Abs(FrCtcDecimals.Number(grand) - FrCtcDecimals.Number(Vals(line, "cbc:LineExtensionAmount")) - FrCtcDecimals.Number(UblLineTax(line, invCurrency))) <= (double)(0.01m * details), n);
        }, static (n, d) => IsGroupRef(n, d))),

        // BR-FR-MV-11: the main seller's GROUP line carries the invoice number as its AFL number, unless it has several.
        new(R(UGroupRefs, static (n, d, r) =>
        {
            if (!d.Special)
            {
                return;
            }

            var (_, count) = UblSellerGroups(d);
            var numFactLine = NormSpace(UblLineRef(n.Parent!, "AFL"));
            r.Assert("BR-FR-MV-11_BT-128", count == 1 || (count == 0 && AnyIn(d.InvoiceId, numFactLine)) || (count > 1 && AnyNot(d.InvoiceId, numFactLine)), n);
        }, static (n, d) => IsGroupRef(n, d) && AnyIn(UblSellerGroups(d).SellerId, NormSpace(n.Parent!, UMakerId)))),

        // BR-FR-MV-12: the AFL numbers of the GROUP lines are unique (no earlier AFL DocumentReference with the same ID).
        new(R(URootMixed, static (n, d, r) =>
        {
            if (!d.Special)
            {
                return;
            }

            var targets = new HashSet<XNode>(UblLinesOf(n).Where(l => Sel(l, "cac:BillingReference").Exists(b => IsGroupRef(b, d))).SelectMany(static l => UblLineRefNodes(l, "AFL")));
            r.Assert("BR-FR-MV-12_BT-128", !RepeatsEarlier(d, targets, Ns.Cbc, "ID", static id => id.Attr("schemeID") == "AFL" && id.Parent is { } p && p.LocalName == "DocumentReference" && p.NamespaceUri == Ns.Cac && AnyIn(Vals(p, "cbc:DocumentTypeCode"), "130")), n);
        })),

        // BR-FR-MV-13 (multi-vendor: not a self-billing type) and BR-FR-MV-BD (bi-directional: a self-billing type).
        new(R("ubl:Invoice/cbc:InvoiceTypeCode|/cn:CreditNote/cbc:CreditNoteTypeCode", static (n, d, r) => r.Assert("BR-FR-MV-13_BT-3",
            !d.SpecialMV || (TreeQuery.NormalizeSpace(n.StringValue).Length > 0 && !AnyIn([TreeQuery.NormalizeSpace(n.StringValue)], "389", "261", "501", "500", "502", "471", "473")), n))),

        new(R("ubl:Invoice/cbc:InvoiceTypeCode|/cn:CreditNote/cbc:CreditNoteTypeCode", static (n, d, r) => r.Assert("BR-FR-MV-BD_BT-3",
            !d.SpecialBD || (TreeQuery.NormalizeSpace(n.StringValue).Length > 0 && AnyIn([TreeQuery.NormalizeSpace(n.StringValue)], "389", "261", "501", "500", "502", "471", "473")), n))),

        // BR-FR-MV-14 / BR-FR-BD-14: corrective invoices and credit notes: each GROUP line references the earlier invoice and its date.
        new(R(UblAnyLineRefs, static (n, d, r) =>
        {
            r.Assert("BR-FR-MV-14-EXT-FR-FE-136", !d.SpecialMV || OtherRefs(n, d).Exists(static b => Has(b, UDocId)), n);
            r.Assert("BR-FR-MV-14-EXT-FR-FE-138", !d.SpecialMV || OtherRefs(n, d).Exists(static b => Has(b, "cac:InvoiceDocumentReference/cbc:IssueDate")), n);
        }, static (n, d) => AnyIn(UblTypes(n.Parent!.Parent!), "384", "472", "381", "396", "503") && IsGroupRef(n, d))),

        new(R(UblAnyLineRefs, static (n, d, r) =>
        {
            r.Assert("BR-FR-BD-14-EXT-FR-FE-136", !d.SpecialBD || OtherRefs(n, d).Exists(static b => Has(b, UDocId)), n);
            r.Assert("BR-FR-BD-14-EXT-FR-FE-138", !d.SpecialBD || OtherRefs(n, d).Exists(static b => Has(b, "cac:InvoiceDocumentReference/cbc:IssueDate")), n);
        }, static (n, d) => AnyIn(UblTypes(n.Parent!.Parent!), "261", "471", "473", "502") && IsGroupRef(n, d))),
    ];

    /// <summary><c>(ubl:Invoice | cn:CreditNote)/(cac:InvoiceLine | cac:CreditNoteLine)/cac:BillingReference</c>, either line under either root.</summary>
    private const string UblAnyLineRefs = "ubl:Invoice/cac:InvoiceLine/cac:BillingReference|ubl:Invoice/cac:CreditNoteLine/cac:BillingReference|cn:CreditNote/cac:InvoiceLine/cac:BillingReference|cn:CreditNote/cac:CreditNoteLine/cac:BillingReference";

    private static List<string> UblTypes(XNode root) => [.. Vals(root, "cbc:InvoiceTypeCode"), .. Vals(root, "cbc:CreditNoteTypeCode")];

    private static bool UblCreditReferences(XNode n)
    {
        // BR-FR-CO-05: a header reference with number and date, or every line counted by the artefact (no reference to the
        // invoice itself, or a DETAIL one) has a reference to another invoice with number and date.
        var invoiceId = Vals(n, "cbc:ID");
        if (Sel(n, "cac:BillingReference/cac:InvoiceDocumentReference").Exists(static x => Has(x, "cbc:ID") && Has(x, "cbc:IssueDate")))
        {
            return true;
        }

        var counted = Sel(n, "cac:CreditNoteLine").Where(l =>
            !AnyEqual(Vals(l, "cac:BillingReference/" + UDocId), invoiceId) ||
            AnyIn(Sel(l, "cac:BillingReference").Where(b => AnyEqual(Vals(b, UDocId), invoiceId)).SelectMany(static b => Vals(b, UDocStatus)), "DETAIL")).ToList();
        var withRef = counted.Count(l => Sel(l, "cac:BillingReference").Where(b => UblAnyDiffers(Vals(b, UDocId), invoiceId))
            .SelectMany(static b => Sel(b, "cac:InvoiceDocumentReference")).Any(static x => Has(x, "cbc:ID") && Has(x, "cbc:IssueDate")));
        return withRef == counted.Count;
    }

    /// <summary>General comparison <c>a != b</c> of two sequences: some pair differs.</summary>
    private static bool UblAnyDiffers(List<string> a, List<string> b) => a.Exists(x => b.Exists(y => !string.Equals(x, y, StringComparison.Ordinal)));

    private static bool UblIsAu(XNode n) => Sel(n, "cac:AccountingSupplierParty/cac:Party/cac:PartyIdentification/cbc:ID").Exists(static id => id.Attr("schemeID") == "0231");

    /// <summary>The value after <c>#TXD#</c> up to the next <c>#</c> in the joined notes (empty when there is none).</summary>
    private static string TxdValue(string notes)
    {
        var at = notes.IndexOf("#TXD#", StringComparison.Ordinal);
        if (at < 0)
        {
            return string.Empty;
        }

        var after = notes.Substring(at + 5);
        var end = TreeQuery.IndexOf(after, '#');
        return end < 0 ? after : after.Substring(0, end);
    }

    private static IEnumerable<XNode> UblLinesOf(XNode root) =>
        root.Elements().Where(static e => e.NamespaceUri == Ns.Cac && e.LocalName is "InvoiceLine" or "CreditNoteLine");

    /// <summary>The line's BillingReferences to the invoice itself (<c>cac:BillingReference[InvoiceDocumentReference/ID = $invoiceID]</c>).</summary>
    private static List<XNode> OwnRefs(XNode line, DocContext d) => Sel(line, "cac:BillingReference").Where(b => AnyEqual(Vals(b, UDocId), d.InvoiceId)).ToList();

    /// <summary>The line's BillingReferences to another invoice (<c>../cac:BillingReference[InvoiceDocumentReference/ID != $invoiceID]</c>).</summary>
    private static List<XNode> OtherRefs(XNode groupRef, DocContext d) => Sel(groupRef.Parent!, "cac:BillingReference").Where(b => UblAnyDiffers(Vals(b, UDocId), d.InvoiceId)).ToList();

    /// <summary>A GROUP line's own reference: to the invoice itself, sub-type GROUP, no parent line.</summary>
    private static bool IsGroupRef(XNode b, DocContext d) =>
        AnyEqual(Vals(b, UDocId), d.InvoiceId) && AnyIn(Vals(b, UDocStatus), "GROUP") && !Has(b, URefLine);

    private static List<XNode> UblGroupRefs(XNode root, DocContext d) =>
        UblLinesOf(root).SelectMany(static l => Sel(l, "cac:BillingReference")).Where(b => IsGroupRef(b, d)).ToList();

    private static int UblGroupRefsOf(XNode root, DocContext d, string partyLegalId)
    {
        var party = Vals(root, partyLegalId);
        return UblGroupRefs(root, d).Count(b => AnyEqual(Vals(b.Parent!, UMakerId), party));
    }

    private static List<string> UblLineTax(XNode line, List<string> currencies) =>
        Sel(line, "cac:TaxTotal/cbc:TaxAmount").Where(t => t.Attr("currencyID") is { } c && currencies.Contains(c)).Select(static t => t.StringValue).ToList();

    /// <summary><c>cac:DocumentReference[cbc:DocumentTypeCode = '130']/cbc:ID[@schemeID = scheme]</c>.</summary>
    private static IEnumerable<XNode> UblLineRefNodes(XNode line, string scheme) =>
        Sel(line, "cac:DocumentReference").Where(static r => AnyIn(Vals(r, "cbc:DocumentTypeCode"), "130"))
            .SelectMany(static r => Sel(r, "cbc:ID")).Where(id => id.Attr("schemeID") == scheme);

    private static List<string> UblLineRef(XNode line, string scheme) => UblLineRefNodes(line, scheme).Select(static x => x.StringValue).ToList();

    private static List<string> UblParentIds(XNode line, DocContext d) => OwnRefs(line, d).SelectMany(static b => Vals(b, URefLine)).ToList();

    private static IEnumerable<XNode> UblLinesWithId(XNode line, List<string> ids, DocContext d) =>
        d.LinesWithId(line.Parent!, UblLinesOf, "cbc:ID", ids);

    /// <summary>
    /// The UBL stylesheet's document-wide <c>$sellerID</c> (BT-30's legal id) and <c>$nbSubinvoiceSeller</c>: the seller's
    /// lines with a GROUP reference to the invoice and an AFL reference equal to the invoice number.
    /// </summary>
    private static (List<string> SellerId, int Count) UblSellerGroups(DocContext d)
    {
        if (d.UblSeller is { } memo)
        {
            return memo;
        }

        var root = d.Root;
        var seller = root is null ? [] : Vals(root, "cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity/cbc:CompanyID");
        var count = root is null ? 0 : UblLinesOf(root).Count(l =>
            AnyIn(seller, NormSpace(l, UMakerId)) &&
            AnyEqual(Sel(l, "cac:BillingReference").Where(static b => AnyIn(Vals(b, UDocStatus), "GROUP") && !Has(b, URefLine)).SelectMany(static b => Vals(b, UDocId)).ToList(), d.InvoiceId) &&
            AnyEqual(UblLineRef(l, "AFL"), d.InvoiceId));
        var result = (seller, count);
        d.UblSeller = result;
        return result;
    }
}
