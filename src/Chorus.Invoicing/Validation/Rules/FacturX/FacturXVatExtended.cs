using System.Text.RegularExpressions;
using Chorus.Invoicing.Validation.Internal.Tree;
using Chorus.Invoicing.Validation.Rules.Tree;

namespace Chorus.Invoicing.Validation.Rules.FacturX;

/// <summary>
/// The EXTENDED profile's own rules: free-text notes (BR-FXEXT-01/02), VAT ids of other parties (03), item attribute
/// codes (04, BR-54-1/2), line subtypes and parent lines (06, 08, 11, 12), the line rules that apply to DETAIL lines only
/// (BR-22/23/24/26, CO-04), charge reasons (BR-38/44), the document totals with logistics service charges and DETAIL
/// lines (CO-10…16) and the 205 date format (CII-DT-097a).
/// </summary>
internal static class FacturXVatExtended
{
    // BR-FXEXT-04: UNTDID 6313 + Factur-X extension codes, exactly as the official test lists them (space-delimited).
    private const string AttributeCodes = " A AAA AAB AAC AAD AAF AAG AAH AAI AAJ AAK AAM AAN AAO AAP AAQ AAR AAS AAT AAU AAV AAW AAX AAY AAZ ABA ABB ABC ABD ABE ABF ABG ABH ABI ABJ ABK ABL ABM ABN ABO ABP ABS ABT ABX ABY ABZ ACA ACE ACG ACN ACP ACS ACV ACW ACX ADR ADS ADT ADU ADV ADW ADX ADY ADZ AEA AEB AEC AED AEE AEF AEG AEH AEI AEJ AEK AEL AEM AEN AEO AEP AEQ AER AES AET AEU AEV AEW AEX AEY AEZ AF AFA AFB AFC AFD AFE AFF AFG AFH AFI AFJ AFK AFL AFM AFN AFO AFP AFQ AFR AFS AFT AFU AFV AFW AFX B BL BMY BMZ BNA BNB BNC BND BNE BNF BNG BNH BNI BNJ BNK BNL BNM BNN BNO BNP BNQ BNR BNS BNT BNU BNV BNW BNX BNY BNZ BR BRA BRB BRC BRD BRE BRF BRG BRH BRI BRJ BRK BRL BRM BRN BRO BRP BRQ BRR BRS BRT BRU BRV BS BSW BSX BSY BSZ BTA BTB BTC BTD BTE BTF BTG BTH BTI BTJ BTK BTL BTM BW CHN CHO CM CT CV CZ D DI DL DN DP DR DS DW E EA F FI FL FN FV GG GW HF HM HT IB ID L LM LN LND M MO MW N OD PRS PTN RA RF RJ RMW RP RUN RY SQ T TC TH TN TT VGM VH VW WA WD WM WU XH XQ XZ YS ZAL ZAS ZB ZBI ZC ZCA ZCB ZCE ZCL ZCO ZCR ZCU ZFE ZFS ZGE ZH ZK ZMG ZMN ZMO ZN ZNA ZNB ZNI ZO ZP ZPB ZS ZSB ZSE ZSI ZSL ZSN ZTA ZTE ZTI ZV ZW ZWA ZZN ZZR ZZZ BEST_BEFORE_DATE COLOR_TEXT COMMISSION DEPOSIT_SYSTEM DEPOSIT_TYPE ENERGY_CLASS EXPIRATION_DATE FEE KIND_OF_ARTICLE MATERIAL METER_LOCATION METER_NUMBER ORGANIC_CONTROL_BODY PACKAGING_MATERIAL PACKAGING_TYPE PROMOTIONAL_VARIANT SEAL_NUMBER SIZE_CODE SIZE_TEXT TRADING_UNIT WASTE_CODE WASTE_FRACTION WEEE_NUMBER ";

    /// <summary>The codes of BR-FXEXT-04 (also EXTENDED-CTC-FR's BR-FREXT-04: the same list).</summary>
    internal static readonly HashSet<string> AttributeCodeSet = new(AttributeCodes.Split([' '], StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);

    private static readonly Regex Format205 = new(@"^\s*(\d{4})(1[0-2]|0[1-9])(3[01]|[12][0-9]|0[1-9])([01][0-9]|2[0-3])[0-5][0-9]\s*$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    private static readonly ElementPath HeaderNotes = ElementPath.Of("rsm:ExchangedDocument/ram:IncludedNote");
    private static readonly ElementPath Lines = ElementPath.Of("rsm:SupplyChainTradeTransaction/ram:IncludedSupplyChainTradeLineItem");
    private static readonly ElementPath HeaderAllowanceCharges = ElementPath.Of("rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/ram:SpecifiedTradeAllowanceCharge");
    private static readonly ElementPath HeaderLogistics = ElementPath.Of("rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/ram:SpecifiedLogisticsServiceCharge");
    private static readonly ElementPath LineNet = ElementPath.Of("ram:SpecifiedLineTradeSettlement/ram:SpecifiedTradeSettlementLineMonetarySummation/ram:LineTotalAmount");

    public static IEnumerable<FxRule> Rules =>
    [
        new("BR-FXEXT-01", static d => d.FromRoot(HeaderNotes).Where(static n => n.Has("SubjectCode")), static (n, _, _) => n.Has("ContentCode") || n.Has("Content")),
        new("BR-FXEXT-02", static d => d.All("IncludedNote").Where(static n => n.ParentIs("AssociatedDocumentLineDocument") && n.Has("SubjectCode")), static (n, _, _) => n.Has("ContentCode") || n.Has("Content")),
        new("BR-FXEXT-03", static d => d.All("ID").Where(static i => i.ParentIs("SpecifiedTaxRegistration") && !HasAncestor(i, "SellerTradeParty")), static (n, _, _) => n.Attr("schemeID") == "VA"),
        new("BR-FXEXT-04", static d => d.All("TypeCode").Where(static t => t.ParentIs("ApplicableProductCharacteristic")), static (n, _, _) => AttributeCodeKnown(TreeQuery.NormalizeSpace(n.StringValue))),
        new("BR-FXEXT-06", static d => d.All("IncludedSupplyChainTradeLineItem"), static (n, _, _) => SubtypeGiven(n)),
        new("BR-FXEXT-08", static d => d.All("IncludedSupplyChainTradeLineItem"), static (_, d, _) => GroupTotalsMatch(d)),
        new("BR-FXEXT-11", static d => d.All("IncludedSupplyChainTradeLineItem").Where(static l => Normalized(l, "ParentLineID").Length > 0), static (n, d, _) => ParentExists(n, d)),
        new("BR-FXEXT-12", static d => d.All("IncludedSupplyChainTradeLineItem").Where(static l => IsGroup(l) && l.Exists(LineNet)), static (n, d, _) => GroupChildrenHaveNet(n, d)),
        new("BR-FXEXT-BR-22", DetailLineDocuments, static (n, _, _) => n.Up().Kids("SpecifiedLineTradeDelivery").Any(static x => x.Has("BilledQuantity"))),
        new("BR-FXEXT-BR-23", DetailLineDocuments, static (n, _, _) => n.Up().Kids("SpecifiedLineTradeDelivery").Any(static x => x.Kids("BilledQuantity").Any(static q => q.Attr("unitCode") is not null))),
        new("BR-FXEXT-BR-24", DetailLineDocuments, static (n, _, _) => n.Up().Exists(LineNet)),
        new("BR-FXEXT-BR-26", DetailLineDocuments, static (n, _, _) => n.Up().Kids("SpecifiedLineTradeAgreement").Any(static a => a.Kids("NetPriceProductTradePrice").Any(static p => p.Has("ChargeAmount")))),
        new("BR-FXEXT-CO-04", DetailLineDocuments, static (n, _, _) => LineHasVatCategory(n.Up())),
        new("BR-FXEXT-BR-38", static d => ChargeIndicators(d, "ApplicableHeaderTradeSettlement"), static (n, _, _) => n.Up().Has("Reason") || n.Up().Has("ReasonCode")),
        new("BR-FXEXT-BR-44", static d => ChargeIndicators(d, "SpecifiedLineTradeSettlement"), static (n, _, _) => n.Up().Has("Reason") || n.Up().Has("ReasonCode")),
        new("BR-FXEXT-BR-54-1", static d => d.All("ApplicableProductCharacteristic"), static (n, _, _) => n.Has("Description") || n.Has("TypeCode")),
        new("BR-FXEXT-BR-54-2", static d => d.All("ApplicableProductCharacteristic"), static (n, _, _) => (n.Has("Value") && !n.Has("ValueMeasure")) || (!n.Has("Value") && n.Kids("ValueMeasure").Any(static m => m.Attr("unitCode") is { Length: > 0 }))),
        new("BR-FXEXT-CO-10", Summations, static (n, d, _) => LineTotalMatches(n)),
        new("BR-FXEXT-CO-11", Summations, static (n, d, _) => AllowanceTotalMatches(n, d)),
        new("BR-FXEXT-CO-12", Summations, static (n, d, _) => ChargeTotalMatches(n, d)),
        new("BR-FXEXT-CO-13", Summations, static (n, d, _) => TaxBasisMatches(n, d)),
        new("BR-FXEXT-CO-15", Summations, static (n, _, _) => GrandTotalMatches(n)),
        new("BR-FXEXT-CO-16", Summations, static (n, _, _) => DuePayableMatches(n)),
        new("BR-FXEXT-CII-DT-097a", static d => d.All(Ns.Udt, "DateTimeString").Where(static s => s.Attr("format") == "205"), static (n, _, _) => Format205.IsMatch(n.StringValue)),
    ];

    private static List<XNode> Summations(FxDoc d) => d.All("SpecifiedTradeSettlementHeaderMonetarySummation");

    /// <summary><c>//ram:IncludedSupplyChainTradeLineItem/ram:AssociatedDocumentLineDocument[not(ram:LineStatusReasonCode) or ram:LineStatusReasonCode = 'DETAIL']</c>.</summary>
    private static IEnumerable<XNode> DetailLineDocuments(FxDoc d) =>
        d.All("AssociatedDocumentLineDocument").Where(static a => a.ParentIs("IncludedSupplyChainTradeLineItem") && (!a.Has("LineStatusReasonCode") || a.HasValue("LineStatusReasonCode", "DETAIL")));

    /// <summary><c>//ram:{parent}/ram:SpecifiedTradeAllowanceCharge/ram:ChargeIndicator[udt:Indicator='true']</c>.</summary>
    private static IEnumerable<XNode> ChargeIndicators(FxDoc d, string parent) =>
        d.All("ChargeIndicator").Where(c => c.ParentIs("SpecifiedTradeAllowanceCharge") && c.Up().ParentIs(parent) && c.Elements(Ns.Udt, "Indicator").Any(static i => i.StringValue == "true"));

    private static bool HasAncestor(XNode node, string local)
    {
        for (var p = node.Parent; p is not null && p.Kind == XNodeKind.Element; p = p.Parent)
        {
            if (p.LocalName == local && p.NamespaceUri == Fx.Ram)
            {
                return true;
            }
        }

        return false;
    }

    // contains(list, concat(' ', code, ' ')) with no space in the code: the code is one of the list's tokens.
    private static bool AttributeCodeKnown(string code) => TreeQuery.IndexOf(code, ' ') < 0 && AttributeCodeSet.Contains(code);

    /// <summary>
    /// <c>normalize-space(ram:AssociatedDocumentLineDocument/ram:{local})</c> of a line; several values are joined with a
    /// space, as the interpreter does where the official stylesheet would stop.
    /// </summary>
    private static string Normalized(XNode line, string local) =>
        TreeQuery.NormalizeSpace(string.Join(" ", line.Kids("AssociatedDocumentLineDocument").SelectMany(a => a.Kids(local)).Select(static x => x.StringValue)));

    private static bool IsGroup(XNode line) => line.Kids("AssociatedDocumentLineDocument").Any(static a => a.HasValue("LineStatusReasonCode", "GROUP"));

    /// <summary><c>normalize-space((ram:LineStatusReasonCode | ram:AssociatedDocumentLineDocument/ram:LineStatusReasonCode | ram:SpecifiedLineTradeSettlement/ram:LineStatusReasonCode)[1])</c>.</summary>
    private static string FirstSubtype(XNode line)
    {
        foreach (var c in line.Elements())
        {
            if (c.NamespaceUri != Fx.Ram)
            {
                continue;
            }

            if (c.LocalName == "LineStatusReasonCode")
            {
                return TreeQuery.NormalizeSpace(c.StringValue);
            }

            if (c.LocalName is "AssociatedDocumentLineDocument" or "SpecifiedLineTradeSettlement" && c.Element(Fx.Ram, "LineStatusReasonCode") is { } s)
            {
                return TreeQuery.NormalizeSpace(s.StringValue);
            }
        }

        return string.Empty;
    }

    /// <summary>BR-FXEXT-06: a line with a parent, or that is a parent, states its subtype.</summary>
    private static bool SubtypeGiven(XNode line)
    {
        if (Normalized(line, "ParentLineID").Length > 0 && FirstSubtype(line).Length == 0)
        {
            return false;
        }

        var id = Normalized(line, "LineID");
        var isParent = line.Up().Kids("IncludedSupplyChainTradeLineItem").Any(o => !ReferenceEquals(o, line) && Normalized(o, "ParentLineID") == id);
        return !(isParent && FirstSubtype(line).Length == 0);
    }

    /// <summary>
    /// BR-FXEXT-08: every GROUP line with a net amount equals the sum of its DETAIL/GROUP children's net amounts, both read
    /// with <c>number()</c> (NaN when not a number, and NaN never equals).
    /// </summary>
    private static bool GroupTotalsMatch(FxDoc d)
    {
        var lines = d.All("IncludedSupplyChainTradeLineItem");
        foreach (var item in lines)
        {
            var net = NetText(item);
            if (!IsGroup(item) || net.Length == 0)
            {
                continue;
            }

            var id = Normalized(item, "LineID");
            var any = false;
            double sum = 0;
            foreach (var child in lines)
            {
                if (Normalized(child, "ParentLineID") == id && child.Kids("AssociatedDocumentLineDocument").Any(static a => a.HasValue("LineStatusReasonCode", "DETAIL") || a.HasValue("LineStatusReasonCode", "GROUP")))
                {
                    any = true;
                    sum += Fx.NumberOf(NetText(child));
                }
            }

            if (!Fx.Holds(Fx.NumberOf(net), "=", any ? sum : 0))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary><c>normalize-space(ram:SpecifiedLineTradeSettlement/ram:SpecifiedTradeSettlementLineMonetarySummation/ram:LineTotalAmount)</c> (joined when repeated).</summary>
    private static string NetText(XNode line) => TreeQuery.NormalizeSpace(string.Join(" ", line.Select(LineNet).Select(static x => x.StringValue)));

    private static bool ParentExists(XNode line, FxDoc d)
    {
        var parent = Normalized(line, "ParentLineID");
        return d.All("LineID").Any(i => i.ParentIs("AssociatedDocumentLineDocument") && i.Up().ParentIs("IncludedSupplyChainTradeLineItem") && TreeQuery.NormalizeSpace(i.StringValue) == parent);
    }

    /// <summary>
    /// BR-FXEXT-12: for the GROUP line's id, as many GROUP children as GROUP children's net amounts. One boolean per LineID:
    /// none is false, several is a type error (effective boolean value of several booleans).
    /// </summary>
    private static bool GroupChildrenHaveNet(XNode line, FxDoc d)
    {
        var results = new List<bool>();
        foreach (var id in line.Kids("AssociatedDocumentLineDocument").SelectMany(static a => a.Kids("LineID")))
        {
            var children = d.FromRoot(Lines).Where(l => l.Kids("AssociatedDocumentLineDocument").Any(a => a.HasValue("ParentLineID", id.StringValue)) && IsGroup(l)).ToList();
            results.Add(children.Count == children.Sum(static c => c.Count(LineNet)));
        }

        return Single(results);
    }

    private static bool Single(List<bool> results) => results.Count switch
    {
        0 => false,
        1 => results[0],
        _ => throw new FxEvalException("FORG0006: effective boolean value of a sequence of several atomic values"),
    };

    /// <summary>BR-FXEXT-CO-04: <c>(ApplicableTradeTax/TypeCode = 'VAT') and (ApplicableTradeTax[upper-case(TypeCode) = 'VAT']/CategoryCode)</c>.</summary>
    private static bool LineHasVatCategory(XNode line)
    {
        var taxes = line.Kids("SpecifiedLineTradeSettlement").SelectMany(static s => s.Kids("ApplicableTradeTax")).ToList();
        if (!taxes.Any(static t => t.HasValue("TypeCode", "VAT")))
        {
            return false;
        }

        foreach (var t in taxes)
        {
            var codes = t.Kids("TypeCode").ToList();
            if (codes.Count > 1)
            {
                throw new FxEvalException("XPTY0004: a sequence of more than one item is not allowed here");
            }

            var upper = (codes.Count == 1 ? codes[0].StringValue : string.Empty).ToUpperInvariant();
            if (upper == "VAT" && t.Has("CategoryCode"))
            {
                return true;
            }
        }

        return false;
    }

    // ---- CO-10…16: the totals, as the official tests compute them --------------------------------------------------------

    private const decimal Tolerance = 0.01m;

    private static IEnumerable<XNode> DetailLines(XNode summation) =>
        summation.Up().Up().Kids("IncludedSupplyChainTradeLineItem").Where(static l => FacturXVatCategories.LineFilterHolds(l));

    private static IEnumerable<XNode> AllowanceCharges(XNode parent, string indicator) =>
        parent.Kids("SpecifiedTradeAllowanceCharge").Where(a => FacturXVatCategories.IndicatorIs(a, indicator));

    private static IEnumerable<XNode> HeaderAllowanceChargesOf(FxDoc d, string indicator) =>
        d.FromRoot(HeaderAllowanceCharges).Where(a => FacturXVatCategories.IndicatorIs(a, indicator));

    /// <summary>Σ BT-131 of the DETAIL lines: <c>xs:decimal(round(sum(LineTotalAmount) * xs:decimal(100)) div xs:decimal(100))</c>.</summary>
    private static decimal DetailLineNetSum(XNode summation) => Fx.RoundedSumUntyped(DetailLines(summation).SelectMany(static l => l.Select(LineNet)), tenTimesTen: false);

    /// <summary>Σ BT-99 + Σ logistics service charges (BT-X-272).</summary>
    private static decimal ChargesWithLogistics(FxDoc d) =>
        Fx.RoundedSumUntyped(HeaderAllowanceChargesOf(d, "true").SelectMany(static a => a.Kids("ActualAmount")), tenTimesTen: false)
        + Fx.RoundedSumUntyped(d.FromRoot(HeaderLogistics).SelectMany(static l => l.Kids("AppliedAmount")), tenTimesTen: true);

    private static int ChargeCount(XNode summation) => AllowanceCharges(summation.Up(), "true").Count() + summation.Up().Kids("SpecifiedLogisticsServiceCharge").Count();

    private static bool LineTotalMatches(XNode s)
    {
        var calculated = DetailLineNetSum(s);
        if (s.DecimalOf("LineTotalAmount") is not { } total)
        {
            return false;
        }

        var lines = s.Up().Up().Kids("IncludedSupplyChainTradeLineItem").Count();
        return Math.Abs(total - calculated) <= lines * Tolerance;
    }

    private static bool AllowanceTotalMatches(XNode s, FxDoc d)
    {
        if (!HeaderAllowanceChargesOf(d, "false").Any() && !s.Has("AllowanceTotalAmount"))
        {
            return true;
        }

        var calculated = Fx.RoundedSumUntyped(HeaderAllowanceChargesOf(d, "false").SelectMany(static a => a.Kids("ActualAmount")), tenTimesTen: true);
        if (s.DecimalOf("AllowanceTotalAmount") is not { } total)
        {
            return false;
        }

        return Math.Abs(total - calculated) <= AllowanceCharges(s.Up(), "false").Count() * Tolerance;
    }

    private static bool ChargeTotalMatches(XNode s, FxDoc d)
    {
        if (!HeaderAllowanceChargesOf(d, "true").Any() && !s.Has("ChargeTotalAmount"))
        {
            return true;
        }

        var calculated = ChargesWithLogistics(d);
        if (s.DecimalOf("ChargeTotalAmount") is not { } total)
        {
            return false;
        }

        return Math.Abs(total - calculated) <= ChargeCount(s) * Tolerance;
    }

    private static bool TaxBasisMatches(XNode s, FxDoc d)
    {
        if (s.DecimalOf("TaxBasisTotalAmount") is not { } basis)
        {
            return false;
        }

        var lines = DetailLineNetSum(s);
        var allowances = Fx.RoundedSumUntyped(HeaderAllowanceChargesOf(d, "false").SelectMany(static a => a.Kids("ActualAmount")), tenTimesTen: true);
        var charges = ChargesWithLogistics(d);
        var count = DetailLines(s).Count() + AllowanceCharges(s.Up(), "false").Count() + ChargeCount(s);
        return Math.Abs(basis - lines + allowances - charges) <= Tolerance * count;
    }

    /// <summary>BR-FXEXT-CO-15: one result per invoice currency code; no VAT total in that currency gives no result (false).</summary>
    private static bool GrandTotalMatches(XNode s)
    {
        var results = new List<bool>();
        foreach (var currency in s.Up().Kids("InvoiceCurrencyCode"))
        {
            if (s.DecimalOf("TaxBasisTotalAmount") is not { } basis)
            {
                continue;
            }

            var inCurrency = s.Kids("TaxTotalAmount").Where(t => t.Attr("currencyID") == currency.StringValue).ToList();
            if (inCurrency.Count > 1)
            {
                throw new FxEvalException("XPTY0004: a sequence of more than one item is not allowed as the argument of xs:decimal()");
            }

            if (inCurrency.Count == 0)
            {
                continue;
            }

            var tax = Fx.ParseDecimal(inCurrency[0].StringValue);
            if (s.DecimalOf("GrandTotalAmount") is not { } grand)
            {
                continue;
            }

            var count = DetailLines(s).Count() + AllowanceCharges(s.Up(), "false").Count() + ChargeCount(s);
            var abs = Math.Abs(grand - tax - basis);
            results.Add((abs <= Tolerance * count && inCurrency.Count == 1) || (basis == grand && inCurrency.Count != 1));
        }

        return Single(results);
    }

    /// <summary>BR-FXEXT-CO-16: BT-115 = BT-112 − BT-113 + BT-114 + Σ charges collected for a third party, in xs:decimal.</summary>
    private static bool DuePayableMatches(XNode s)
    {
        var due = s.Kids("DuePayableAmount").ToList();
        if (due.Count == 0)
        {
            return false;
        }

        var left = s.DecimalOf("DuePayableAmount")!.Value;
        var right = DecimalSum(s.Kids("GrandTotalAmount")) - DecimalSum(s.Kids("TotalPrepaidAmount")) + DecimalSum(s.Kids("RoundingAmount"))
            + DecimalSum(s.Up().Kids("SpecifiedFinancialAdjustment").SelectMany(static a => a.Kids("ActualAmount")));
        return left == right;
    }

    private static decimal DecimalSum(IEnumerable<XNode> nodes)
    {
        decimal sum = 0;
        foreach (var n in nodes)
        {
            sum += Fx.ParseDecimal(n.StringValue);
        }

        return sum;
    }
}
