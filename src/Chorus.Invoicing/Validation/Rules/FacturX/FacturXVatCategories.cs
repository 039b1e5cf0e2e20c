using Chorus.Invoicing.Validation.Internal.Tree;
using Chorus.Invoicing.Validation.Rules.Tree;

namespace Chorus.Invoicing.Validation.Rules.FacturX;

/// <summary>How the -01 rule of a category counts its occurrences (the official texts differ by category).</summary>
internal enum FxPresence
{
    /// <summary>S, AF, AG: lines and allowances/charges of the category each come with at least one breakdown ("count(a)+count(b) &gt;= 2").</summary>
    Pairs,

    /// <summary>Z, E, AE, IC, G: none anywhere, or exactly one breakdown with a line or allowance/charge.</summary>
    ExactlyOne,

    /// <summary>O: no breakdown, or exactly one with a line or allowance/charge.</summary>
    OptionalOne,
}

/// <summary>Which parties a category requires (rules -02, -03, -04).</summary>
internal enum FxParties
{
    /// <summary>S, Z, E, AF, AG: seller VAT id (VA) or tax registration (FC), or tax representative VAT id, at the document's header path.</summary>
    SellerVatOrFcAtHeader,

    /// <summary>G: a seller or tax representative VAT id anywhere.</summary>
    SellerVat,

    /// <summary>IC: a seller or tax representative VAT id, and a buyer VAT id.</summary>
    SellerAndBuyerVat,

    /// <summary>AE: seller VA/FC or representative VA, and buyer VAT id or legal registration id.</summary>
    SellerAndBuyerId,

    /// <summary>O: no seller, representative or buyer VAT id.</summary>
    NoVatIds,
}

/// <summary>What a category says of the rate of lines, allowances and charges (rules -05, -06, -07).</summary>
internal enum FxRate
{
    Zero,
    Positive,
    NotNegative,
    Absent,
}

/// <summary>Which node the breakdown rules (-08…-14) of a category are located on, as the official contexts differ.</summary>
internal enum FxBreakdownContext
{
    /// <summary><c>//rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/ram:ApplicableTradeTax/ram:CategoryCode[. = 'X']</c>.</summary>
    CodeUnderTransaction,

    /// <summary><c>//ram:ApplicableHeaderTradeSettlement/ram:ApplicableTradeTax/ram:CategoryCode[. = 'X']</c>.</summary>
    Code,

    /// <summary><c>//rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/ram:ApplicableTradeTax[ram:CategoryCode = 'X']</c>.</summary>
    Breakdown,
}

/// <summary>One VAT category (UNCL 5305 code) and what its rules check; the rule ids are BR-{Family}-nn.</summary>
internal sealed record FxCategory(string Family, string Code, FxPresence Presence, FxParties Parties, FxRate Rate, FxBreakdownContext Breakdown, bool? ExemptionReason);

/// <summary>
/// The rules every VAT category repeats (BR-x-01…07, 09, 10, BR-FXEXT-x-01) declared once over the category table, plus
/// the category-specific ones (BR-IC-11/12, BR-O-11…14). The sums (-08, BR-S-09) are in <see cref="FacturXVatSums"/>.
/// </summary>
internal static class FacturXVatCategories
{
    public static readonly FxCategory[] Categories =
    [
        new("S", "S", FxPresence.Pairs, FxParties.SellerVatOrFcAtHeader, FxRate.Positive, FxBreakdownContext.Code, false),
        new("Z", "Z", FxPresence.ExactlyOne, FxParties.SellerVatOrFcAtHeader, FxRate.Zero, FxBreakdownContext.Code, false),
        new("E", "E", FxPresence.ExactlyOne, FxParties.SellerVatOrFcAtHeader, FxRate.Zero, FxBreakdownContext.CodeUnderTransaction, true),
        new("AE", "AE", FxPresence.ExactlyOne, FxParties.SellerAndBuyerId, FxRate.Zero, FxBreakdownContext.CodeUnderTransaction, true),
        new("IC", "K", FxPresence.ExactlyOne, FxParties.SellerAndBuyerVat, FxRate.Zero, FxBreakdownContext.CodeUnderTransaction, true),
        new("G", "G", FxPresence.ExactlyOne, FxParties.SellerVat, FxRate.Zero, FxBreakdownContext.CodeUnderTransaction, true),
        new("O", "O", FxPresence.OptionalOne, FxParties.NoVatIds, FxRate.Absent, FxBreakdownContext.Breakdown, true),
        new("AF", "L", FxPresence.Pairs, FxParties.SellerVatOrFcAtHeader, FxRate.Positive, FxBreakdownContext.Breakdown, false),
        new("AG", "M", FxPresence.Pairs, FxParties.SellerVatOrFcAtHeader, FxRate.NotNegative, FxBreakdownContext.Breakdown, false),
    ];

    private static readonly ElementPath SellerIds = ElementPath.Of("rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/ram:SellerTradeParty/ram:SpecifiedTaxRegistration/ram:ID");
    private static readonly ElementPath RepresentativeIds = ElementPath.Of("rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/ram:SellerTaxRepresentativeTradeParty/ram:SpecifiedTaxRegistration/ram:ID");
    private static readonly ElementPath DeliveryDate = ElementPath.Of("rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeDelivery/ram:ActualDeliverySupplyChainEvent/ram:OccurrenceDateTime/udt:DateTimeString");
    private static readonly ElementPath ShipToCountry = ElementPath.Of("rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeDelivery/ram:ShipToTradeParty/ram:PostalTradeAddress/ram:CountryID");

    public static IEnumerable<FxRule> Rules => Build();

    // ---- contexts -------------------------------------------------------------------------------------------------

    /// <summary><c>/rsm:CrossIndustryInvoice</c>.</summary>
    public static IEnumerable<XNode> RootContext(FxDoc d) => d.Root is { } r ? [r] : [];

    /// <summary><c>//rsm:SupplyChainTradeTransaction/ram:IncludedSupplyChainTradeLineItem/ram:SpecifiedLineTradeSettlement/ram:ApplicableTradeTax[ram:CategoryCode = code]</c>.</summary>
    public static IEnumerable<XNode> LineTaxes(FxDoc d, string code) =>
        d.All("ApplicableTradeTax").Where(t => t.HasValue("CategoryCode", code) && t.ParentIs("SpecifiedLineTradeSettlement")
            && t.Up().ParentIs("IncludedSupplyChainTradeLineItem") && t.Up().Up().ParentIs(Ns.Rsm, "SupplyChainTradeTransaction"));

    /// <summary><c>//ram:SpecifiedTradeAllowanceCharge[ram:ChargeIndicator/udt:Indicator=indicator]/ram:CategoryTradeTax[ram:CategoryCode = code]</c> (any level).</summary>
    public static IEnumerable<XNode> AllowanceChargeTaxes(FxDoc d, string code, string indicator) =>
        d.All("CategoryTradeTax").Where(t => t.HasValue("CategoryCode", code) && t.ParentIs("SpecifiedTradeAllowanceCharge") && IndicatorIs(t.Up(), indicator));

    /// <summary>The breakdown context of a category (see <see cref="FxBreakdownContext"/>).</summary>
    public static IEnumerable<XNode> Breakdowns(FxDoc d, string code, FxBreakdownContext kind) => kind switch
    {
        FxBreakdownContext.Breakdown => d.All("ApplicableTradeTax").Where(t => t.HasValue("CategoryCode", code) && t.ParentIs("ApplicableHeaderTradeSettlement") && t.Up().ParentIs(Ns.Rsm, "SupplyChainTradeTransaction")),
        _ => d.All("CategoryCode").Where(c => c.StringValue == code && c.ParentIs("ApplicableTradeTax") && c.Up().ParentIs("ApplicableHeaderTradeSettlement")
            && (kind == FxBreakdownContext.Code || c.Up().Up().ParentIs(Ns.Rsm, "SupplyChainTradeTransaction"))),
    };

    /// <summary>The ram:ApplicableTradeTax of a breakdown context node (the node itself, or the parent of its CategoryCode).</summary>
    public static XNode TaxOf(XNode context) => context.LocalName == "CategoryCode" ? context.Up() : context;

    /// <summary><c>ram:ChargeIndicator/udt:Indicator = 'value'</c>.</summary>
    public static bool IndicatorIs(XNode allowanceCharge, string value)
    {
        foreach (var ci in allowanceCharge.Kids("ChargeIndicator"))
        {
            foreach (var i in ci.Elements(Ns.Udt, "Indicator"))
            {
                if (i.StringValue == value)
                {
                    return true;
                }
            }
        }

        return false;
    }

    // ---- tests ----------------------------------------------------------------------------------------------------

    private static IEnumerable<FxRule> Build()
    {
        foreach (var c in Categories)
        {
            var code = c.Code;
            var f = c.Family;
            if (Declared($"BR-{f}-01"))
            {
                yield return new($"BR-{f}-01", RootContext, (_, d, _) => Presence(d, code, c.Presence));
            }

            yield return new($"BR-FXEXT-{f}-01", RootContext, (_, d, _) => ExtendedPresence(d, code));
            yield return new($"BR-{f}-02", d => LineTaxes(d, code), (_, d, _) => PartiesHold(d, c.Parties));
            yield return new($"BR-{f}-03", d => AllowanceChargeTaxes(d, code, "false"), (_, d, _) => PartiesHold(d, c.Parties));
            yield return new($"BR-{f}-04", d => AllowanceChargeTaxes(d, code, "true"), (_, d, _) => PartiesHold(d, c.Parties));
            yield return new($"BR-{f}-05", d => LineTaxes(d, code), (n, _, _) => RateHolds(n, c.Rate));
            yield return new($"BR-{f}-06", d => AllowanceChargeTaxes(d, code, "false"), (n, _, _) => RateHolds(n, c.Rate));
            yield return new($"BR-{f}-07", d => AllowanceChargeTaxes(d, code, "true"), (n, _, _) => RateHolds(n, c.Rate));
            if (f != "S")
            {
                // BR-S-09 is a calculation (FacturXVatSums); AF and AG declare BR-xx-09 with the test true().
                yield return new($"BR-{f}-09", d => Breakdowns(d, code, c.Breakdown), (n, _, _) => f is "AF" or "AG" || Fx.CompareAny(TaxOf(n).Kids("CalculatedAmount"), "=", 0));
            }

            if (c.ExemptionReason is { } required && Declared($"BR-{f}-10"))
            {
                yield return new($"BR-{f}-10", d => Breakdowns(d, code, c.Breakdown), (n, _, _) => HasExemptionReason(TaxOf(n)) == required);
            }
        }

        var ic = Categories[4];
        yield return new("BR-IC-11", d => Breakdowns(d, "K", ic.Breakdown), (n, d, _) => d.ExistsFromRoot(DeliveryDate) || n.Up().Up().Kids("BillingSpecifiedPeriod").Any(static p => p.Has("StartDateTime") || p.Has("EndDateTime")));
        yield return new("BR-IC-12", d => Breakdowns(d, "K", ic.Breakdown), (_, d, _) => d.ExistsFromRoot(ShipToCountry));
        foreach (var id in new[] { "BR-O-11", "BR-O-12" })
        {
            yield return new(id, d => Breakdowns(d, "O", FxBreakdownContext.Breakdown), (_, d, _) => !d.All("ApplicableTradeTax").Any(static t => t.Kids("CategoryCode").Any(static c => c.StringValue != "O")));
        }

        foreach (var id in new[] { "BR-O-13", "BR-O-14" })
        {
            yield return new(id, d => Breakdowns(d, "O", FxBreakdownContext.Breakdown), (_, d, _) => !d.All("CategoryTradeTax").Any(static t => t.Kids("CategoryCode").Any(static c => c.StringValue != "O")));
        }
    }

    private static bool Declared(string id) => FacturXVatTexts.Facts.ContainsKey(id);

    private static bool HasExemptionReason(XNode tax) => tax.Has("ExemptionReason") || tax.Has("ExemptionReasonCode");

    /// <summary>-05/-06/-07: <c>ram:RateApplicablePercent = 0</c>, <c>&gt; 0</c>, <c>&gt;= 0</c> or <c>not(ram:RateApplicablePercent)</c>.</summary>
    private static bool RateHolds(XNode tax, FxRate rate) => rate switch
    {
        FxRate.Zero => Fx.CompareAny(tax.Kids("RateApplicablePercent"), "=", 0),
        FxRate.Positive => Fx.CompareAny(tax.Kids("RateApplicablePercent"), ">", 0),
        FxRate.NotNegative => Fx.CompareAny(tax.Kids("RateApplicablePercent"), ">=", 0),
        _ => !tax.Has("RateApplicablePercent"),
    };

    /// <summary>-01 (BASIC, EN 16931): lines, document allowances/charges and breakdowns of a category come together.</summary>
    private static bool Presence(FxDoc d, string code, FxPresence kind)
    {
        var header = HeaderTaxes(d, code);
        var lines = d.All("ApplicableTradeTax").Count(t => t.ParentIs("SpecifiedLineTradeSettlement") && t.HasValue("CategoryCode", code));
        var allowances = d.All("CategoryTradeTax").Count(t => t.HasValue("CategoryCode", code));
        return kind switch
        {
            FxPresence.Pairs => (lines + header >= 2 || lines == 0) && (allowances + header >= 2 || allowances == 0),
            FxPresence.ExactlyOne => (header == 0 && lines == 0 && allowances == 0) || (header == 1 && (lines > 0 || allowances > 0)),
            _ => header == 0 || (header == 1 && (lines > 0 || allowances > 0)),
        };
    }

    /// <summary>
    /// BR-FXEXT-x-01: as -01 with "at least one" breakdown. The official test filters the lines on a
    /// <c>ram:SpecifiedLineTradeSettlement[not(ram:AssociatedDocumentLineDocument/…)]</c> predicate, which never holds a
    /// child of that name (the line document is a sibling): every line counts, as in the official verdicts.
    /// </summary>
    private static bool ExtendedPresence(FxDoc d, string code)
    {
        var header = HeaderTaxes(d, code);
        var lines = d.All("ApplicableTradeTax").Any(t => t.ParentIs("SpecifiedLineTradeSettlement") && t.HasValue("CategoryCode", code) && LineFilterHolds(t.Up()));
        var allowances = d.All("CategoryTradeTax").Any(t => t.HasValue("CategoryCode", code));
        return (header == 0 && !lines && !allowances) || (header >= 1 && (lines || allowances));
    }

    /// <summary><c>[not(ram:AssociatedDocumentLineDocument/ram:LineStatusReasonCode) or ram:AssociatedDocumentLineDocument/ram:LineStatusReasonCode = 'DETAIL']</c> on a node.</summary>
    public static bool LineFilterHolds(XNode node)
    {
        var any = false;
        foreach (var doc in node.Kids("AssociatedDocumentLineDocument"))
        {
            foreach (var s in doc.Kids("LineStatusReasonCode"))
            {
                any = true;
                if (s.StringValue == "DETAIL")
                {
                    return true;
                }
            }
        }

        return !any;
    }

    /// <summary><c>count(//ram:ApplicableHeaderTradeSettlement/ram:ApplicableTradeTax[ram:CategoryCode = code])</c>.</summary>
    public static int HeaderTaxes(FxDoc d, string code) =>
        d.All("ApplicableTradeTax").Count(t => t.ParentIs("ApplicableHeaderTradeSettlement") && t.HasValue("CategoryCode", code));

    private static bool PartiesHold(FxDoc d, FxParties parties)
    {
        switch (parties)
        {
            case FxParties.SellerVatOrFcAtHeader:
                return d.FromRoot(SellerIds).Any(static i => i.Attr("schemeID") is "VA" or "FC") || d.FromRoot(RepresentativeIds).Any(static i => i.Attr("schemeID") == "VA");
            case FxParties.SellerVat:
                return AnyId(d, "SellerTradeParty", "VA", null) || AnyId(d, "SellerTaxRepresentativeTradeParty", "VA", null);
            case FxParties.SellerAndBuyerVat:
                return (AnyId(d, "SellerTradeParty", "VA", null) || AnyId(d, "SellerTaxRepresentativeTradeParty", "VA", null)) && AnyId(d, "BuyerTradeParty", "VA", null);
            case FxParties.SellerAndBuyerId:
                return (AnyId(d, "SellerTradeParty", "VA", "FC") || AnyId(d, "SellerTaxRepresentativeTradeParty", "VA", null))
                    && (AnyId(d, "BuyerTradeParty", "VA", null) || d.All("BuyerTradeParty").Any(static b => b.Kids("SpecifiedLegalOrganization").Any(static o => o.Has("ID"))));
            default:
                return !d.FromRoot(SellerIds).Any(static i => i.Attr("schemeID") == "VA") && !d.FromRoot(RepresentativeIds).Any(static i => i.Attr("schemeID") == "VA")
                    && !AnyId(d, "BuyerTradeParty", "VA", null);
        }
    }

    /// <summary><c>//ram:{party}/ram:SpecifiedTaxRegistration/ram:ID[@schemeID = (a, b)]</c>.</summary>
    private static bool AnyId(FxDoc d, string party, string scheme, string? other)
    {
        foreach (var p in d.All(party))
        {
            foreach (var r in p.Kids("SpecifiedTaxRegistration"))
            {
                foreach (var id in r.Kids("ID"))
                {
                    var s = id.Attr("schemeID");
                    if (s is not null && (s == scheme || s == other))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }
}
