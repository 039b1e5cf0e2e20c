using System.Runtime.CompilerServices;
using Chorus.Invoicing.Validation.Internal.Tree;
using Chorus.Invoicing.Validation.Rules.FacturX;
using Chorus.Invoicing.Validation.Rules.Tree;

namespace Chorus.Invoicing.Validation.Rules.ExtendedCtcFr;

// Pattern EN16931-CII-Syntax (M11): what the profile lets back in (delivery terms, a line net price, the tax currency
// exchange, type codes and dates of referenced documents), and the code lists (M12, M13) it restricts or adds.
internal static partial class ExtendedCtcFrCii
{
    private static readonly ElementPath LineAgreements = ElementPath.Of("rsm:SupplyChainTradeTransaction/ram:IncludedSupplyChainTradeLineItem/ram:SpecifiedLineTradeAgreement");
    private static readonly ElementPath LineSettlements = ElementPath.Of("rsm:SupplyChainTradeTransaction/ram:IncludedSupplyChainTradeLineItem/ram:SpecifiedLineTradeSettlement");
    private static readonly ElementPath HeaderAgreement = ElementPath.Of("rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement");
    private static readonly ElementPath HeaderSettlement = ElementPath.Of("rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement");
    private static readonly ElementPath NetPriceAmounts = ElementPath.Of("ram:NetPriceProductTradePrice/ram:ChargeAmount");

    private static readonly string[] ExchangeChildren = ["SourceCurrencyCode", "TargetCurrencyCode", "ConversionRate", "ConversionRateDateTime"];

    private static IEnumerable<FxRule> Syntax() =>
    [
        new("CII-FREXT-SR-106", static d => d.FromRoot(LineAgreements), static (n, _, _) => OnlyIncoterms(n)),
        new("CII-FREXT-SR-439", static d => d.FromRoot(LineAgreements), static (n, _, _) => n.Count(NetPriceAmounts) <= 1),
        new("CII-SR-454", static d => d.FromRoot(LineSettlements), static (n, _, _) => n.Kids("ApplicableTradeTax").Count() <= 1),
        new("CII-FREXT-SR-293", static d => d.FromRoot(HeaderAgreement), static (n, _, _) => OnlyIncoterms(n)),
        new("CII-FREXT-SR-366", static d => d.FromRoot(HeaderSettlement), static (n, _, _) => n.Kids("TaxApplicableTradeCurrencyExchange").SelectMany(static x => x.Elements()).All(static c => Array.IndexOf(ExchangeChildren, c.LocalName) >= 0)),
        new("CII-EXT-DT-018", ReferencedDocuments, static (n, _, _) => !n.Has("TypeCode") || (n.LocalName == "AdditionalReferencedDocument" && (n.HasValue("TypeCode", "50") || n.HasValue("TypeCode", "130") || n.HasValue("TypeCode", "916"))) || n.LocalName == "InvoiceReferencedDocument"),
        new("CII-FREXT-DT-024", ReferencedDocuments, static (n, _, _) => !n.Has("ReferenceTypeCode") || (n.LocalName == "AdditionalReferencedDocument" && n.HasValue("TypeCode", "130")) || n.LocalName == "ContractReferencedDocument"),
        new("CII-FREXTDT-027", ReferencedDocuments, static (n, _, _) => !n.Has("FormattedIssueDateTime") || n.LocalName is "InvoiceReferencedDocument" or "ContractReferencedDocument" or "BuyerOrderReferencedDocument" or "DespatchAdviceReferencedDocument"),
    ];

    private static IEnumerable<FxRule> CodeLists()
    {
        var extended = FacturXVatExtended.Rules.ToList();
        return
        [
            // Its test starts with not(self::ram:ContractReferencedDocument) on a ram:ReferenceTypeCode: it always holds.
            new("BR-EXT-CL-07", static d => d.All("ReferenceTypeCode"), static (n, _, _) => n.LocalName != "ContractReferencedDocument"),
            new("BR-FREXT-CL-10", static d => d.All("GlobalID").Where(static g => g.Attr("schemeID") is not null && !HasAncestor(g, "SpecifiedTradeProduct") && !HasAncestor(g, "ShipToTradeParty")), static (n, _, _) => InList(IcdCodes, TreeQuery.NormalizeSpace(n.Attr("schemeID")))),
            new("BR-FREXT-CL-19-GP", static d => d.All("ReasonCode").Where(static r => r.ParentIs("AppliedTradeAllowanceCharge") && r.Up().ParentIs("GrossPriceProductTradePrice") && IndicatorIs(r.Up(), false)), static (n, _, _) => InList(GrossPriceAllowanceReasons, TreeQuery.NormalizeSpace(n.StringValue))),
            new("BR-FREXT-CL-20", static d => ChargeReasonCodes(d, "7161"), static (n, _, _) => InList(ChargeReasons, TreeQuery.NormalizeSpace(n.StringValue))),
            new("BR-FREXT-CL-20-TAX", static d => ChargeReasonCodes(d, "5153"), static (n, _, _) => InList(TaxReasons, TreeQuery.NormalizeSpace(n.StringValue))),
            new("BR-FREXT-CL-20-LISTID", static d => ChargeReasonCodes(d, null), static (n, _, _) => InList(ReasonListIds, TreeQuery.NormalizeSpace(n.StringValue))),
            new("BR-FREXT-CL-24", static d => d.All("AttachmentBinaryObject").Where(static b => b.Attr("mimeCode") is not null), static (n, _, _) => Array.IndexOf(MimeCodes, n.Attr("mimeCode")) >= 0),
            new("BR-FREXT-CL-27", static d => d.All("DeliveryTypeCode").Where(static c => c.ParentIs("ApplicableTradeDeliveryTerms")), static (n, _, _) => InList(DeliveryTerms, TreeQuery.NormalizeSpace(n.StringValue))),
            Same("BR-FXEXT-04", "BR-FXEXT-04", extended),
        ];
    }

    /// <summary>
    /// <c>not(ram:ApplicableTradeDeliveryTerms) or (no child of it but ram:DeliveryTypeCode and ram:RelevantTradeLocation,
    /// and no child of the location but ram:Name)</c>.
    /// </summary>
    private static bool OnlyIncoterms(XNode agreement)
    {
        foreach (var terms in agreement.Kids("ApplicableTradeDeliveryTerms"))
        {
            foreach (var c in terms.Elements())
            {
                if (!(c.NamespaceUri == Ns.Ram && c.LocalName is "DeliveryTypeCode" or "RelevantTradeLocation"))
                {
                    return false;
                }

                if (c.NamespaceUri == Ns.Ram && c.LocalName == "RelevantTradeLocation" && c.Elements().Any(static x => !(x.NamespaceUri == Ns.Ram && x.LocalName == "Name")))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static readonly ConditionalWeakTable<FxDoc, List<XNode>> ReferencedDocumentsMemo = new();

    /// <summary>
    /// <c>//ram:*[ends-with(name(), 'ReferencedDocument')]</c>: the local name ends so, whatever the prefix. One walk of
    /// the document for the three rules of that context.
    /// </summary>
    private static List<XNode> ReferencedDocuments(FxDoc d) => ReferencedDocumentsMemo.GetValue(d, static doc => FindReferencedDocuments(doc));

    private static List<XNode> FindReferencedDocuments(FxDoc d)
    {
        var found = new List<XNode>();
        Collect(d.Root!, found);
        return found;

        static void Collect(XNode node, List<XNode> into)
        {
            foreach (var c in node.Elements())
            {
                if (c.NamespaceUri == Ns.Ram && c.LocalName.EndsWith("ReferencedDocument", StringComparison.Ordinal))
                {
                    into.Add(c);
                }

                Collect(c, into);
            }
        }
    }

    /// <summary>
    /// <c>ram:SpecifiedTradeAllowanceCharge[ram:ChargeIndicator/udt:Indicator = true()]/ram:ReasonCode</c> with
    /// <c>[@listID='7161' or not(@listID)]</c> (1009), <c>[@listID='5153']</c> (1008) or any other <c>@listID</c> (1007,
    /// <paramref name="listId"/> null), the order in which the three rules take a code. A charge whose indicators also
    /// equal false() is taken by the allowance rule before them (1011).
    /// </summary>
    private static IEnumerable<XNode> ChargeReasonCodes(FxDoc d, string? listId) =>
        d.All("ReasonCode").Where(r =>
        {
            if (!r.ParentIs("SpecifiedTradeAllowanceCharge") || !IndicatorIs(r.Up(), true) || IndicatorIs(r.Up(), false))
            {
                return false;
            }

            var list = r.Attr("listID");
            return listId switch
            {
                "7161" => list is null or "7161",
                "5153" => list == "5153",
                _ => list is not null and not "7161" and not "5153",
            };
        });
}
