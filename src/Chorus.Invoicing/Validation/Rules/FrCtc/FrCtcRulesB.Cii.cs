using Chorus.Invoicing.Validation.Internal.Tree;
using Chorus.Invoicing.Validation.Rules.Tree;

namespace Chorus.Invoicing.Validation.Rules.FrCtc;

/// <summary>The CII bindings (BR-FR-Flux2-Schematron-CII), one pattern per official pattern, in the artefact's order.</summary>
internal static partial class FrCtcRulesB
{
    private const string CType = "rsm:ExchangedDocument/ram:TypeCode";
    private const string CFramework = "rsm:ExchangedDocumentContext/ram:BusinessProcessSpecifiedDocumentContextParameter/ram:ID";
    private const string CSet = "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement";
    private const string CAgr = "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement";
    private const string CSum = CSet + "/ram:SpecifiedTradeSettlementHeaderMonetarySummation";
    private const string CDue = CSet + "/ram:SpecifiedTradePaymentTerms/ram:DueDateDateTime/udt:DateTimeString";
    private const string CLines = "rsm:SupplyChainTradeTransaction/ram:IncludedSupplyChainTradeLineItem";
    private const string CLineSum = "ram:SpecifiedLineTradeSettlement/ram:SpecifiedTradeSettlementLineMonetarySummation";
    private const string CStatus = "ram:AssociatedDocumentLineDocument/ram:LineStatusReasonCode";
    private const string CParent = "ram:AssociatedDocumentLineDocument/ram:ParentLineID";
    private const string CLineId = "ram:AssociatedDocumentLineDocument/ram:LineID";
    private const string CLineSeller = "ram:SpecifiedLineTradeAgreement/ram:ItemSellerTradeParty";
    private const string CLineLegal = CLineSeller + "/ram:SpecifiedLegalOrganization/ram:ID";
    private const string CRoot = "rsm:CrossIndustryInvoice";
    private const string CLineCtx = "rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:IncludedSupplyChainTradeLineItem";

    private static readonly Pattern[] CiiPatterns =
    [
        // BR-FR-CO-03: a 262 (global allowance credit) needs the contract (BT-12) and the billing period (BG-14).
        new(R(CRoot, static (n, _, r) => r.Assert("BR-FR-CO-03_BT-3", !AnyIn(Vals(n, CType), "262") || HeaderStrings(
            Vals(n, "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/ram:ContractReferencedDocument/ram:IssuerAssignedID"),
            Vals(n, CSet + "/ram:BillingSpecifiedPeriod/ram:StartDateTime/udt:DateTimeString"),
            Vals(n, CSet + "/ram:BillingSpecifiedPeriod/ram:EndDateTime/udt:DateTimeString")), n))),

        // BR-FR-CO-04: a corrective invoice references exactly one earlier invoice.
        new(R(CRoot, static (n, _, r) => r.Assert("BR-FR-CO-04_BT-4", !AnyIn(Vals(n, CType), "384", "471", "472", "473") || Sel(n, CSet + "/ram:InvoiceReferencedDocument").Count == 1, n))),

        // BR-FR-CO-05: a credit note references an earlier invoice in the header or on every (DETAIL) line.
        new(R(CRoot, static (n, _, r) => r.Assert("BR-FR-CO-05_BT-3", !AnyIn(Vals(n, CType), "261", "381", "396", "502", "503") || CiiCreditReferences(n), n))),

        // BR-FR-CO-07: the due date is not before the issue date, except for down payments and paid invoices.
        new(R(CRoot, static (n, _, r) => r.Assert("BR-FR-CO-07_BT-9", CiiDueDate(n), n))),

        // BR-FR-CO-08: B4/S4/M4 (final after down payment) is not itself a down payment.
        new(R(CRoot, static (n, _, r) => r.Assert("BR-FR-CO-08_BT-23", !AnyIn(Vals(n, CFramework), "B4", "S4", "M4") || !AnyIn(Vals(n, CType), "386", "500", "503"), n))),

        // BR-FR-CO-09: B2/S2/M2 (already paid): prepaid = total, nothing due, a due date.
        new(R(CRoot, static (n, _, r) =>
        {
            var paid = AnyIn(Vals(n, CFramework), "B2", "S2", "M2");
            r.Assert("BR-FR-CO-09_BT-23-1", !paid || FrCtcDecimals.Number(Vals(n, CSum + "/ram:TotalPrepaidAmount")) == FrCtcDecimals.Number(Vals(n, CSum + "/ram:GrandTotalAmount")), n);
            r.Assert("BR-FR-CO-09_BT-23-2", !paid || FrCtcDecimals.Number(Vals(n, CSum + "/ram:DuePayableAmount")) == 0, n);
            r.Assert("BR-FR-CO-09_BT-23-3", !paid || NonEmptyString(Vals(n, CDue)), n);
        })),

        Co10Pattern(ubl: false),

        // BR-FR-CO-12: an invoice not in EUR gives the VAT total in EUR (BT-6 = EUR, BT-111 in EUR).
        new(R(CRoot, static (n, _, r) => r.Assert("BR-FR-CO-12_BT-5", !AnyNot(Vals(n, CSet + "/ram:InvoiceCurrencyCode"), "EUR") ||
            (AnyIn(Vals(n, CSet + "/ram:TaxCurrencyCode"), "EUR") && NonEmptyString(EurTaxTotals(n))), n))),

        // BR-FR-CO-14: a member of a single taxable person (scheme 0231) says so in a TXD note.
        new(R(CRoot, static (n, _, r) => r.Assert("BR-FR-CO-14_BT-29-1", !CiiIsAu(n) || Sel(n, "rsm:ExchangedDocument/ram:IncludedNote").Exists(static note =>
            AnyIn(Vals(note, "ram:SubjectCode"), "TXD") && AnyIn(Vals(note, "ram:Content"), "MEMBRE_ASSUJETTI_UNIQUE")), n))),

        // BR-FR-CO-15: ... and has a tax representative (BG-11) with the VAT number of the single taxable person.
        new(R(CRoot, static (n, _, r) =>
        {
            var rep = Sel(n, CAgr + "/ram:SellerTaxRepresentativeTradeParty");
            r.Assert("BR-FR-CO-15_BT-29-1", !CiiIsAu(n) || (rep.Count > 0 && NonEmptyString(rep.SelectMany(static x => Sel(x, "ram:SpecifiedTaxRegistration/ram:ID"))
                .Where(static id => id.Attr("schemeID") == "VA").Select(static id => id.StringValue).ToList())), n);
        })),

        Dec01Pattern(ubl: false),

        new(
            R(CLineCtx + "/ram:SpecifiedLineTradeDelivery/ram:BilledQuantity", static (n, _, r) => r.Assert("BR-FR-DEC-02_BT-129", FrCtcDecimals.IsDecimal19_4(TreeQuery.NormalizeSpace(n.StringValue)), n)),
            R(CLineCtx + "/ram:SpecifiedLineTradeAgreement/ram:NetPriceProductTradePrice/ram:BasisQuantity", static (n, _, r) => r.Assert("BR-FR-DEC-02_BT-149", FrCtcDecimals.IsDecimal19_4(TreeQuery.NormalizeSpace(n.StringValue)), n))),

        new(
            R(CLineCtx + "/ram:SpecifiedLineTradeAgreement/ram:NetPriceProductTradePrice/ram:ChargeAmount", static (n, d, r) => r.Assert("BR-FR-DEC-03_BT-146", PriceFormat(TreeQuery.NormalizeSpace(n.StringValue), d), n)),
            R(CLineCtx + "/ram:SpecifiedLineTradeAgreement/ram:GrossPriceProductTradePrice/ram:AppliedTradeAllowanceCharge/ram:ActualAmount", static (n, d, r) => r.Assert("BR-FR-DEC-03_BT-147", PriceFormat(TreeQuery.NormalizeSpace(n.StringValue), d), n)),
            R(CLineCtx + "/ram:SpecifiedLineTradeAgreement/ram:GrossPriceProductTradePrice/ram:ChargeAmount", static (n, d, r) => r.Assert("BR-FR-DEC-03_BT-148", PriceFormat(TreeQuery.NormalizeSpace(n.StringValue), d), n))),

        Dec04Pattern(ubl: false),

        // BR-FR-MV-01: under a multi-vendor or bi-directional framework every line has a sub-type.
        new(R(CLineCtx + "/ram:AssociatedDocumentLineDocument/ram:LineStatusReasonCode", static (n, d, r) => r.Assert("BR-FR-MV-01_EXT-FR-FE-163", !d.Special || TreeQuery.NormalizeSpace(n.StringValue).Length > 0, n))),

        // BR-FR-MV-02: multi-vendor: at least one GROUP line without parent.
        new(R("rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction", static (n, d, r) => r.Assert("BR-FR-MV-02_EXT-FR-FE-163", !d.SpecialMV || CiiGroups(n).Count >= 1, n))),

        // BR-FR-BD-02: bi-directional: exactly two GROUP lines, one for the seller (BT-30), one for the buyer (BT-47).
        new(R("rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction", static (n, d, r) =>
        {
            r.Assert("BR-FR-BD-02_EXT-FR-FE-163", !d.SpecialBD || CiiGroups(n).Count == 2, n);
            r.Assert("BR-FR-BD-02_BT-31", !d.SpecialBD || CiiGroupsOf(n, "ram:ApplicableHeaderTradeAgreement/ram:SellerTradeParty/ram:SpecifiedLegalOrganization/ram:ID") == 1, n);
            r.Assert("BR-FR-BD-02_BT-47", !d.SpecialBD || CiiGroupsOf(n, "ram:ApplicableHeaderTradeAgreement/ram:BuyerTradeParty/ram:SpecifiedLegalOrganization/ram:ID") == 1, n);
        })),

        // BR-FR-MV-03: a GROUP line without parent names its seller, gives its VAT total, and its AFL/AVV references.
        new(
            R(CLineCtx, static (n, d, r) =>
            {
                if (!d.Special)
                {
                    return;
                }

                var invCurrency = d.ValsOnce(n.Parent!, "ram:ApplicableHeaderTradeSettlement/ram:InvoiceCurrencyCode");
                var accCurrency = d.ValsOnce(n.Parent!, "ram:ApplicableHeaderTradeSettlement/ram:TaxCurrencyCode");
                r.Assert("BR-FR-MV-03_EXT-FR-FE-164", !d.Special || NormSpace(n, CLineSeller + "/ram:Name").Length > 0, n);
                r.Assert("BR-FR-MV-03_EXT-FR-FE-167", !d.Special || NormSpace(n, CLineLegal).Length > 0, n);
                r.Assert("BR-FR-MV-03_EXT-FR-FE-177", !d.Special || NormSpace(n, CLineSeller + "/ram:PostalTradeAddress/ram:CountryID").Length > 0, n);
                r.Assert("BR-FR-MV-03_EXT-FR-FE-181", !d.Special || NormSpace(CiiLineTax(n, invCurrency)).Length > 0, n);
                r.Assert("BR-FR-MV-03_EXT-FR-FE-182", !d.Special || accCurrency.Count == 0 || (AnyNot(accCurrency, string.Empty) && NormSpace(CiiLineTax(n, accCurrency)).Length > 0), n);
            }, static (n, _) => CiiIsGroup(n)),
            R(CLineCtx + "/ram:SpecifiedLineTradeSettlement/ram:AdditionalReferencedDocument", static (n, d, r) => r.Assert("BR-FR-MV-03_BT-128_AFL",
                !d.Special || (AnyIn(Vals(n, "ram:TypeCode"), "130") && NormSpace(n, "ram:IssuerAssignedID").Length > 0), n), static (n, _) => CiiIsGroup(n.Parent!.Parent!) && AnyIn(Vals(n, "ram:ReferenceTypeCode"), "AFL")),
            R(CLineCtx + "/ram:SpecifiedLineTradeSettlement/ram:AdditionalReferencedDocument", static (n, d, r) => r.Assert("BR-FR-MV-03_BT-128_AVV",
                !d.Special || (AnyIn(Vals(n, "ram:TypeCode"), "130") && NormSpace(n, "ram:IssuerAssignedID").Length > 0 && !AnyIn(Vals(n, "ram:IssuerAssignedID"), "M8", "S8", "B8")), n), static (n, _) => CiiIsGroup(n.Parent!.Parent!) && AnyIn(Vals(n, "ram:ReferenceTypeCode"), "AVV"))),

        // BR-FR-MV-05: the GROUP line's net amount is the sum of its sub-lines' (±0.01 per sub-line).
        new(R(CLineCtx, static (n, d, r) =>
        {
            if (!d.Special)
            {
                return;
            }

            var groupId = NormSpace(n, CLineId);
            var subAmounts = d.LinesWithId(n.Parent!, static t => Sel(t, "ram:IncludedSupplyChainTradeLineItem"), CParent, [groupId])
                .Where(static l => AnyNot(Vals(l, CStatus), "INFORMATION"))
                .SelectMany(static l => Vals(l, CLineSum + "/ram:LineTotalAmount")).ToList();
            r.Assert("BR-FR-MV-05_EXT-FR-FE-BG-12", Sum(subAmounts) is { } sum && Math.Abs(FrCtcDecimals.Number(Vals(n, CLineSum + "/ram:LineTotalAmount")) - sum) <= (double)(0.01m * subAmounts.Count), n);
        }, static (n, _) => CiiIsGroup(n))),

        // BR-FR-MV-06: every line names its seller's legal id, the same as its parent line's.
        new(R(CLineCtx, static (n, d, r) =>
        {
            if (!d.Special)
            {
                return;
            }

            var parentIds = Vals(n, CParent);
            var legal = NormSpace(n, CLineLegal);
            r.Assert("BR-FR-MV-06_EXT-FR-FE-167", legal.Length > 0 && (parentIds.Count == 0 || legal == NormSpace(CiiLinesWithId(n, parentIds, d).SelectMany(static l => Vals(l, CLineLegal)).ToList())), n);
        })),

        // BR-FR-MV-07: every line has its AFL invoice number, the same as its parent line's.
        new(R(CLineCtx, static (n, d, r) =>
        {
            if (!d.Special)
            {
                return;
            }

            var parentIds = Vals(n, CParent);
            var numfact = NormSpace(CiiAfl(n));
            r.Assert("BR-FR-MV-07_BT-128", numfact.Length > 0 && (parentIds.Count == 0 || numfact == NormSpace(CiiLinesWithId(n, parentIds, d).SelectMany(CiiAfl).ToList())), n);
        })),

        // BR-FR-MV-08: a DETAIL line's VAT exemption reason starts with #<its AFL number>#.
        new(R(CLineCtx, static (n, d, r) =>
        {
            if (!d.Special)
            {
                return;
            }

            var numfact = NormSpace(CiiAfl(n));
            var reasons = Vals(n, "ram:SpecifiedLineTradeSettlement/ram:ApplicableTradeTax/ram:ExemptionReason");
            Outcome outcome = NormSpace(reasons).Length > 0 && numfact.Length > 0 &&
                (reasons.Count > 1 ? Outcome.Failed(ManyItems) : reasons[0].StartsWith("#" + numfact + "#", StringComparison.Ordinal));
            r.Assert("BR-FR-MV-08_BT-128", outcome, n);
        }, static (n, _) => AnyIn(Vals(n, CStatus), "DETAIL"))),

        // BR-FR-MV-09: a GROUP line's VAT total is the sum of the VAT breakdowns whose exemption reason starts with #<AFL>#.
        new(R(CLineCtx, static (n, d, r) =>
        {
            if (!d.Special)
            {
                return;
            }

            var prefix = "#" + NormSpace(CiiAfl(n)) + "#";
            var sumVat = SumOfBreakdowns(d.SelOnce(n.Parent!, "ram:ApplicableHeaderTradeSettlement/ram:ApplicableTradeTax"), "ram:TypeCode", "ram:ExemptionReason", prefix, "ram:CalculatedAmount");
            var invCurrency = d.ValsOnce(n.Parent!, "ram:ApplicableHeaderTradeSettlement/ram:InvoiceCurrencyCode");
            r.Assert("BR-FR-MV-09_EXT-FR-FE-181", sumVat is { } s && Math.Abs(FrCtcDecimals.Number(CiiLineTax(n, invCurrency)) - s) <= 0.01, n);
        }, static (n, _) => CiiIsGroup(n))),

        // BR-FR-MV-10: a GROUP line's total with VAT is its net plus its VAT (±0.01 per DETAIL sub-line).
        new(R(CLineCtx, static (n, d, r) =>
        {
            if (!d.Special || !Has(n, CLineSum + "/ram:GrandTotalAmount"))
            {
                return;
            }

            var invCurrency = d.ValsOnce(n.Parent!, "ram:ApplicableHeaderTradeSettlement/ram:InvoiceCurrencyCode");
            var lineIds = Vals(n, CLineId);
            var details = d.Root is null ? 0 : Sel(d.Root, "rsm:SupplyChainTradeTransaction")
                .Sum(t => d.LinesWithId(t, static x => Sel(x, "ram:IncludedSupplyChainTradeLineItem"), CParent, lineIds).Count(static l => AnyIn(Vals(l, CStatus), "DETAIL")));
            var grand = Vals(n, CLineSum + "/ram:GrandTotalAmount");
            r.Assert("BR-FR-MV-10_EXT-FR-FE-184", NormSpace(grand).Length > 0 && Math.Abs(FrCtcDecimals.Number(grand) - FrCtcDecimals.Number(Vals(n, CLineSum + "/ram:LineTotalAmount")) - FrCtcDecimals.Number(CiiLineTax(n, invCurrency))) <= (double)(0.01m * details), n);
        }, static (n, _) => CiiIsGroup(n))),

        // BR-FR-MV-11: the main seller's GROUP line carries the invoice number (BT-1) as its AFL number, unless it has several.
        new(R(CLineCtx, static (n, d, r) =>
        {
            if (!d.Special)
            {
                return;
            }

            var (_, invId, count) = CiiSellerGroups(d);
            var numFactLine = NormSpace(CiiAfl(n));
            r.Assert("BR-FR-MV-11_BT-128", count == 1 || (count == 0 && AnyIn(invId, numFactLine)) || (count > 1 && AnyNot(invId, numFactLine)), n);
        }, static (n, d) => CiiIsGroup(n) && AnyEqual(Vals(n, CLineLegal), CiiSellerGroups(d).SellerId))),

        // BR-FR-MV-12: the AFL numbers of the GROUP lines without parent are unique (no earlier IssuerAssignedID with the same value).
        new(R("rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction", static (n, d, r) =>
        {
            if (!d.Special)
            {
                return;
            }

            var targets = new HashSet<XNode>(Sel(n, "ram:IncludedSupplyChainTradeLineItem").Where(CiiIsGroup).SelectMany(CiiAflNodes));
            r.Assert("BR-FR-MV-12_BT-128", !RepeatsEarlier(d, targets, Ns.Ram, "IssuerAssignedID", null), n);
        })),

        // BR-FR-MV-13: multi-vendor: the type code is not a self-billing one.
        new(R("rsm:CrossIndustryInvoice/rsm:ExchangedDocument/ram:TypeCode", static (n, d, r) => r.Assert("BR-FR-MV-13_BT-3",
            !d.SpecialMV || (TreeQuery.NormalizeSpace(n.StringValue).Length > 0 && !AnyIn([n.StringValue], "389", "261", "501", "500", "502", "471", "473")), n))),

        // BR-FR-BD-13: bi-directional: the type code is a self-billing one.
        new(R("rsm:CrossIndustryInvoice/rsm:ExchangedDocument/ram:TypeCode", static (n, d, r) => r.Assert("BR-FR-BD-13_BT-3",
            !d.SpecialBD || (TreeQuery.NormalizeSpace(n.StringValue).Length > 0 && AnyIn([TreeQuery.NormalizeSpace(n.StringValue)], "389", "261", "501", "500", "502", "471", "473")), n))),

        // BR-FR-MV-14: multi-vendor corrective invoices and credit notes: each GROUP line references the earlier invoice and its date.
        new(R(CLineCtx, static (n, d, r) =>
        {
            r.Assert("BR-FR-MV-14-EXT-FR-FE-136", !d.SpecialMV || Has(n, "ram:SpecifiedLineTradeSettlement/ram:InvoiceReferencedDocument/ram:IssuerAssignedID"), n);
            r.Assert("BR-FR-MV-14-EXT-FR-FE-138", !d.SpecialMV || Has(n, "ram:SpecifiedLineTradeSettlement/ram:InvoiceReferencedDocument/ram:FormattedIssueDateTime/qdt:DateTimeString"), n);
        }, static (n, _) => CiiIsGroup(n) && AnyIn(Vals(n.Parent!.Parent!, CType), "384", "472", "381", "396", "503"))),

        // BR-FR-BD-14: the same for bi-directional self-billed corrective invoices and credit notes.
        new(R(CLineCtx, static (n, d, r) =>
        {
            r.Assert("BR-FR-BD-14-EXT-FR-FE-136", !d.SpecialBD || Has(n, "ram:SpecifiedLineTradeSettlement/ram:InvoiceReferencedDocument/ram:IssuerAssignedID"), n);
            r.Assert("BR-FR-BD-14-EXT-FR-FE-138", !d.SpecialBD || Has(n, "ram:SpecifiedLineTradeSettlement/ram:InvoiceReferencedDocument/ram:FormattedIssueDateTime/qdt:DateTimeString"), n);
        }, static (n, _) => CiiIsGroup(n) && AnyIn(Vals(n.Parent!.Parent!, CType), "261", "471", "473", "502"))),
    ];

    /// <summary><c>string($a) and string($b) and string($c)</c>, left to right, an error on the first with several items.</summary>
    private static Outcome HeaderStrings(params List<string>[] values)
    {
        foreach (var v in values)
        {
            if (!TryString(v, out var s))
            {
                return Outcome.Failed(ManyItems);
            }

            if (s.Length == 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The effective boolean value of <c>string($seq)</c>.</summary>
    private static Outcome NonEmptyString(List<string> values) => TryString(values, out var s) ? s.Length > 0 : Outcome.Failed(ManyItems);

    private static bool CiiCreditReferences(XNode n)
    {
        static bool Complete(XNode doc) => Has(doc, "ram:IssuerAssignedID") && Has(doc, "ram:FormattedIssueDateTime/qdt:DateTimeString");

        if (Sel(n, CSet + "/ram:InvoiceReferencedDocument").Exists(Complete))
        {
            return true;
        }

        return Sel(n, CLines).Where(static l => !Has(l, CStatus) || AnyIn(Vals(l, CStatus), "DETAIL"))
            .All(static l => Sel(l, "ram:SpecifiedLineTradeSettlement/ram:InvoiceReferencedDocument").Exists(Complete));
    }

    private static Outcome CiiDueDate(XNode n)
    {
        var due = Vals(n, CDue);
        if (!TryString(due, out var dueText))
        {
            return Outcome.Failed(ManyItems);
        }

        if (dueText.Length == 0 || AnyIn(Vals(n, CType), "386", "500", "503") || AnyIn(Vals(n, CFramework), "B2", "S2", "M2"))
        {
            return true;
        }

        // $dueDate ge $issueDate: a value comparison of the two untyped texts (string order); empty issue date: false.
        var issue = Vals(n, "rsm:ExchangedDocument/ram:IssueDateTime/udt:DateTimeString");
        if (issue.Count > 1)
        {
            return Outcome.Failed(ManyCompared);
        }

        return issue.Count == 1 && string.CompareOrdinal(dueText, issue[0]) >= 0;
    }

    private static List<string> EurTaxTotals(XNode n) =>
        Sel(n, CSum + "/ram:TaxTotalAmount").Where(static t => t.Attr("currencyID") == "EUR").Select(static t => t.StringValue).ToList();

    private static bool CiiIsAu(XNode n) => Sel(n, CAgr + "/ram:SellerTradeParty/ram:GlobalID").Exists(static id => id.Attr("schemeID") == "0231");

    /// <summary>A line with sub-type GROUP and no parent line.</summary>
    private static bool CiiIsGroup(XNode line) => AnyIn(Vals(line, CStatus), "GROUP") && !Has(line, CParent);

    private static List<XNode> CiiGroups(XNode transaction) => Sel(transaction, "ram:IncludedSupplyChainTradeLineItem").Where(CiiIsGroup).ToList();

    private static int CiiGroupsOf(XNode transaction, string partyLegalId)
    {
        var party = Vals(transaction, partyLegalId);
        return CiiGroups(transaction).Count(l => AnyEqual(Vals(l, CLineLegal), party));
    }

    /// <summary>The line's VAT totals (EXT-FR-FE-181/182) in one of the currencies.</summary>
    private static List<string> CiiLineTax(XNode line, List<string> currencies) =>
        Sel(line, CLineSum + "/ram:TaxTotalAmount").Where(t => t.Attr("currencyID") is { } c && currencies.Contains(c)).Select(static t => t.StringValue).ToList();

    private static IEnumerable<XNode> CiiAflNodes(XNode line) =>
        Sel(line, "ram:SpecifiedLineTradeSettlement/ram:AdditionalReferencedDocument")
            .Where(static a => AnyIn(Vals(a, "ram:ReferenceTypeCode"), "AFL") && AnyIn(Vals(a, "ram:TypeCode"), "130"))
            .SelectMany(static a => Sel(a, "ram:IssuerAssignedID"));

    private static List<string> CiiAfl(XNode line) => CiiAflNodes(line).Select(static x => x.StringValue).ToList();

    private static IEnumerable<XNode> CiiLinesWithId(XNode line, List<string> ids, DocContext d) =>
        d.LinesWithId(line.Parent!, static t => Sel(t, "ram:IncludedSupplyChainTradeLineItem"), CLineId, ids);

    /// <summary>
    /// The document-wide variables of the official CII stylesheet: <c>$sellerID</c> (BT-30), <c>$invID</c> (BT-1) and
    /// <c>$nbSubinvoiceSeller</c>, the number of AFL references equal to BT-1 on the seller's GROUP lines.
    /// </summary>
    private static (List<string> SellerId, List<string> InvId, int Count) CiiSellerGroups(DocContext d)
    {
        if (d.CiiSeller is { } memo)
        {
            return memo;
        }

        var root = d.Root;
        var seller = root is null ? [] : Vals(root, CAgr + "/ram:SellerTradeParty/ram:SpecifiedLegalOrganization/ram:ID");
        var invId = root is null ? [] : Vals(root, "rsm:ExchangedDocument/ram:ID");
        var count = d.Elements.Where(static e => e.LocalName == "IncludedSupplyChainTradeLineItem" && e.NamespaceUri == Ns.Ram)
            .Where(l => AnyEqual(Vals(l, CLineLegal), seller) && CiiIsGroup(l))
            .SelectMany(static l => Sel(l, "ram:SpecifiedLineTradeSettlement/ram:AdditionalReferencedDocument"))
            .Count(a => AnyIn(Vals(a, "ram:ReferenceTypeCode"), "AFL") && AnyIn(Vals(a, "ram:TypeCode"), "130") && AnyEqual(Vals(a, "ram:IssuerAssignedID"), invId));
        var result = (seller, invId, count);
        d.CiiSeller = result;
        return result;
    }

    /// <summary>
    /// <c>sum(breakdowns[TypeCode = 'VAT' and starts-with(ExemptionReason, prefix)]/amount)</c>; null where the sum or
    /// <c>starts-with</c> raises an error (the variable is then empty and the test false).
    /// </summary>
    private static double? SumOfBreakdowns(IEnumerable<XNode> breakdowns, string typePath, string reasonPath, string prefix, string amountPath)
    {
        var amounts = new List<string>();
        foreach (var b in breakdowns)
        {
            if (!AnyIn(Vals(b, typePath), "VAT"))
            {
                continue;
            }

            var reasons = Vals(b, reasonPath);
            if (reasons.Count > 1)
            {
                return null;
            }

            if ((reasons.Count == 0 ? string.Empty : reasons[0]).StartsWith(prefix, StringComparison.Ordinal))
            {
                amounts.AddRange(Vals(b, amountPath));
            }
        }

        return Sum(amounts);
    }

    /// <summary>
    /// Whether a target node's value equals the value of an element named (ns, local) earlier in document order
    /// (<c>. = preceding::name</c>), optionally only those an extra test accepts.
    /// </summary>
    private static bool RepeatsEarlier(DocContext d, HashSet<XNode> targets, string ns, string local, Func<XNode, bool>? accept)
    {
        if (targets.Count == 0)
        {
            return false;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in d.Elements)
        {
            if (targets.Contains(e) && seen.Contains(e.StringValue))
            {
                return true;
            }

            if (e.LocalName == local && e.NamespaceUri == ns && (accept is null || accept(e)))
            {
                seen.Add(e.StringValue);
            }
        }

        return false;
    }
}
