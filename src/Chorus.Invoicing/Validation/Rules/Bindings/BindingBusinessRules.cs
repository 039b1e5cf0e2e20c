// BR rules of the CEN/TC 434 artefacts v1.3.16 whose official tests depend on the syntax binding in ways the model does
// not keep (which elements exist, exact versus normalized comparisons, document-wide searches such as "any country code
// other than IT"), written on the validator's tree for each binding. Ids, flags and messages: RuleTexts.
using Chorus.Invoicing.Validation.Internal.Tree;
using Chorus.Invoicing.Validation.Rules.Tree;

namespace Chorus.Invoicing.Validation.Rules.Bindings;

/// <summary>
/// BR-17, BR-49, BR-50, BR-51, BR-53, BR-55, BR-61, BR-B-01, BR-B-02, BR-IC-11 and BR-IC-12 in the UBL and the CII
/// binding. No earlier rule of the official model patterns matches these contexts' elements, so first-rule-wins does not
/// take any of them away.
/// </summary>
internal static class BindingBusinessRules
{
    private const string Transaction = "rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction";

    private static readonly Lazy<TreePattern> UblPattern = new(BuildUbl);
    private static readonly Lazy<TreePattern> CiiPattern = new(BuildCii);

    /// <summary>The ids checked here for a binding.</summary>
    public static IEnumerable<string> IdsFor(RuleSyntax syntax) => (syntax == RuleSyntax.Ubl ? UblPattern : CiiPattern).Value.Ids;

    /// <summary>Checks a document of the binding.</summary>
    public static void Run(XNode document, RuleSyntax syntax, List<ValidationProblem> problems) =>
        (syntax == RuleSyntax.Ubl ? UblPattern : CiiPattern).Value.Run(document, problems);

    private static TreeAssert Br(string id, RuleSyntax syntax, Func<XNode, bool?> holds)
    {
        var (fatal, message) = syntax == RuleSyntax.Cii && RuleTexts.Cii.TryGetValue(id, out var text) ? text : RuleTexts.Common[id];
        return new TreeAssert(id, fatal, holds, message);
    }

    private static TreePattern BuildCii()
    {
        const RuleSyntax cii = RuleSyntax.Cii;
        var cardId = ElementPath.Of("ram:ID");
        var iban = ElementPath.Of("ram:IBANID");
        var proprietary = ElementPath.Of("ram:ProprietaryID");
        var typeCode = ElementPath.Of("ram:TypeCode");
        var taxCurrency = ElementPath.Of(Transaction + "/ram:ApplicableHeaderTradeSettlement/ram:TaxCurrencyCode");
        var invoiceCurrency = ElementPath.Of(Transaction + "/ram:ApplicableHeaderTradeSettlement/ram:InvoiceCurrencyCode");
        var taxTotalCurrency = ElementPath.Of("ram:TaxTotalAmount/@currencyID");
        var issuerId = ElementPath.Of("ram:IssuerAssignedID");
        var deliveryDate = ElementPath.Of(Transaction + "/ram:ApplicableHeaderTradeDelivery/ram:ActualDeliverySupplyChainEvent/ram:OccurrenceDateTime/udt:DateTimeString");
        var periodStart = ElementPath.Of("ram:BillingSpecifiedPeriod/ram:StartDateTime");
        var periodEnd = ElementPath.Of("ram:BillingSpecifiedPeriod/ram:EndDateTime");
        var shipToCountry = ElementPath.Of(Transaction + "/ram:ApplicableHeaderTradeDelivery/ram:ShipToTradeParty/ram:PostalTradeAddress/ram:CountryID");
        var intraCommunity = TreeMatch.Path("//rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/ram:ApplicableTradeTax/ram:CategoryCode");
        var creditTransferAccount = TreeMatch.Path("//ram:SpecifiedTradeSettlementPaymentMeans/ram:PayeePartyCreditorFinancialAccount");

        return new TreePattern(
            new TreeRuleContext(
                "//ram:ApplicableTradeSettlementFinancialCard",
                TreeMatch.Path("//ram:ApplicableTradeSettlementFinancialCard"),
                Br("BR-51", cii, n => TreeMatch.CodePoints(n.Normalized(cardId)) <= 10)),
            new TreeRuleContext(
                "credit transfer (30, 58) account",
                TreeMatch.Where(n => creditTransferAccount.Matches(n) == true && (n.Parent!.AnyEquals(typeCode, "30") || n.Parent!.AnyEquals(typeCode, "58")), creditTransferAccount.Name),
                Br("BR-50", cii, n => n.Normalized(iban).Length > 0 || n.Normalized(proprietary).Length > 0),
                Br("BR-61", cii, n => n.Exists(iban) || n.Exists(proprietary))),
            new TreeRuleContext(
                "//ram:SpecifiedTradeSettlementHeaderMonetarySummation",
                TreeMatch.Path("//ram:SpecifiedTradeSettlementHeaderMonetarySummation"),

                // With a VAT accounting currency, a VAT total in it, and that currency differs from the invoice's.
                Br("BR-53", cii, n =>
                {
                    var tax = n.Document.Values(taxCurrency).ToList();
                    return tax.Count == 0
                        || (TreeMatch.AnyEqual(n.Values(taxTotalCurrency), tax) && !TreeMatch.AnyEqual(tax, n.Document.Values(invoiceCurrency)));
                })),
            new TreeRuleContext(
                "/rsm:CrossIndustryInvoice",
                TreeMatch.Path("/rsm:CrossIndustryInvoice"),

                // Split payment anywhere: every country code (of any party or item) is IT, and no standard rate anywhere.
                Br("BR-B-01", cii, n => !AnyCiiCategory(n, "B") || !n.All(Ns.Ram, "CountryID").Any(static c => c.StringValue != "IT")),
                Br("BR-B-02", cii, n => !AnyCiiCategory(n, "B") || !AnyCiiCategory(n, "S"))),
            new TreeRuleContext(
                "//ram:PayeeTradeParty",
                TreeMatch.Path("//ram:PayeeTradeParty"),
                Br("BR-17", cii, PayeeDiffersFromSeller(
                    "ram:Name",
                    [("ram:Name", "ram:ApplicableHeaderTradeAgreement/ram:SellerTradeParty/ram:Name"),
                     ("ram:ID", "ram:ApplicableHeaderTradeAgreement/ram:SellerTradeParty/ram:ID"),
                     ("ram:SpecifiedLegalOrganization/ram:ID", "ram:ApplicableHeaderTradeAgreement/ram:SellerTradeParty/ram:SpecifiedLegalOrganization/ram:ID")],
                    static n => n.Parent?.Parent))),
            new TreeRuleContext(
                "//ram:SpecifiedTradeSettlementPaymentMeans",
                TreeMatch.Path("//ram:SpecifiedTradeSettlementPaymentMeans"),
                Br("BR-49", cii, n => n.Exists(typeCode))),
            new TreeRuleContext(
                "/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/ram:InvoiceReferencedDocument",
                TreeMatch.Path("/" + Transaction + "/ram:ApplicableHeaderTradeSettlement/ram:InvoiceReferencedDocument"),
                Br("BR-55", cii, n => n.Normalized(issuerId).Length > 0)),
            new TreeRuleContext(
                "header VAT category code K of type VAT",
                TreeMatch.Where(n => IsVatCategory(intraCommunity, n, "K"), intraCommunity.Name),
                Br("BR-IC-11", cii, n => n.Document.Exists(deliveryDate) || n.Parent!.Parent!.Exists(periodStart) || n.Parent!.Parent!.Exists(periodEnd)),
                Br("BR-IC-12", cii, n => n.Document.Exists(shipToCountry))));
    }

    private static TreePattern BuildUbl()
    {
        const RuleSyntax ubl = RuleSyntax.Ubl;
        var paymentMeansCode = ElementPath.Of("cbc:PaymentMeansCode");
        var accountId = ElementPath.Of("cbc:ID");
        var payeeAccountId = ElementPath.Of("cac:PayeeFinancialAccount/cbc:ID");
        var precedingInvoice = ElementPath.Of("cac:InvoiceDocumentReference/cbc:ID");
        var creditTransferAccount = TreeMatch.Path("//cac:PaymentMeans/cac:PayeeFinancialAccount");
        var root = TreeMatch.Path("/ubl:Invoice", "/cn:CreditNote");
        var deliveryDate = ElementPath.Of("cac:Delivery/cbc:ActualDeliveryDate");
        var deliveryCountry = ElementPath.Of("cac:Delivery/cac:DeliveryLocation/cac:Address/cac:Country/cbc:IdentificationCode");
        var breakdownCategory = ElementPath.Of("cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory/cbc:ID");
        var allowanceCategory = ElementPath.Of("cac:AllowanceCharge/cac:TaxCategory/cbc:ID");

        return new TreePattern(
            new TreeRuleContext(
                "cac:PaymentMeans/cac:CardAccount/cbc:PrimaryAccountNumberID",
                TreeMatch.Path("//cac:PaymentMeans/cac:CardAccount/cbc:PrimaryAccountNumberID"),
                Br("BR-51", ubl, static n => TreeMatch.CodePoints(TreeQuery.NormalizeSpace(n.StringValue)) <= 10)),
            new TreeRuleContext(
                "/ubl:Invoice | /cn:CreditNote",
                root,

                // Every VAT accounting currency has a VAT total (TaxTotal/TaxAmount) in that currency.
                Br("BR-53", ubl, static n => n.Elements(Ns.Cbc, "TaxCurrencyCode").All(t => n.All(Ns.Cac, "TaxTotal").Any(total => total.Elements(Ns.Cbc, "TaxAmount").Any(a => a.Attr("currencyID") == t.StringValue)))),
                Br("BR-IC-11", ubl, n => WhenIntraCommunity(n, r => StringLength(r, deliveryDate) is { } l ? l > 1 || r.Elements(Ns.Cac, "InvoicePeriod").Any(static p => p.Elements().Any()) : null)),
                Br("BR-IC-12", ubl, n => WhenIntraCommunity(n, r => StringLength(r, deliveryCountry) is { } l ? l > 1 : null)),
                Br("BR-B-01", ubl, static n => !AnyUblCategory(n, "B") || !n.All(Ns.Cbc, "IdentificationCode").Any(static c => c.StringValue != "IT")),
                Br("BR-B-02", ubl, n =>
                {
                    bool Uses(string code) => n.AnyEquals(breakdownCategory, code) || n.AnyEquals(allowanceCategory, code) || AnyWithId(n.All(Ns.Cac, "ClassifiedTaxCategory"), code);
                    return !Uses("B") || !Uses("S");
                })),
            new TreeRuleContext(
                "cac:PayeeParty",
                TreeMatch.Path("//cac:PayeeParty"),
                Br("BR-17", ubl, PayeeDiffersFromSeller(
                    "cac:PartyName/cbc:Name",
                    [("cac:PartyName/cbc:Name", "cac:AccountingSupplierParty/cac:Party/cac:PartyName/cbc:Name"),
                     ("cac:PartyIdentification/cbc:ID", "cac:AccountingSupplierParty/cac:Party/cac:PartyIdentification/cbc:ID")],
                    static n => n.Parent))),
            new TreeRuleContext(
                "cac:PaymentMeans[cbc:PaymentMeansCode='30' or cbc:PaymentMeansCode='58']/cac:PayeeFinancialAccount",
                TreeMatch.Where(n => creditTransferAccount.Matches(n) == true && (n.Parent!.AnyEquals(paymentMeansCode, "30") || n.Parent!.AnyEquals(paymentMeansCode, "58")), creditTransferAccount.Name),
                Br("BR-50", ubl, n => n.Normalized(accountId).Length > 0)),
            new TreeRuleContext(
                "cac:PaymentMeans",
                TreeMatch.Path("//cac:PaymentMeans"),
                Br("BR-49", ubl, n => n.Exists(paymentMeansCode)),

                // A credit transfer (30, 58) has an account id; other means need none.
                Br("BR-61", ubl, n =>
                {
                    var code = n.Normalized(paymentMeansCode);
                    var transfer = code is "30" or "58";
                    return (transfer && n.Exists(payeeAccountId)) || !transfer;
                })),
            new TreeRuleContext(
                "cac:BillingReference",
                TreeMatch.Path("//cac:BillingReference"),
                Br("BR-55", ubl, n => n.Exists(precedingInvoice))));
    }

    // The payee has a name, and shares neither name nor identifier with the seller (any value equal counts).
    private static Func<XNode, bool?> PayeeDiffersFromSeller(string name, (string Payee, string Seller)[] pairs, Func<XNode, XNode?> sellerBase)
    {
        var n0 = ElementPath.Of(name);
        var compiled = pairs.Select(static p => (Payee: ElementPath.Of(p.Payee), Seller: ElementPath.Of(p.Seller))).ToArray();
        return n =>
        {
            if (!n.Exists(n0))
            {
                return false;
            }

            var b = sellerBase(n);
            foreach (var (payee, seller) in compiled)
            {
                if (b is not null && TreeMatch.AnyEqual(n.Values(payee), b.Values(seller)))
                {
                    return false;
                }
            }

            return true;
        };
    }

    // A header VAT category code equal to the code whose sibling type code, upper-cased, is VAT; upper-case() of several
    // type codes is an XPath error: the official template then matches nothing (null).
    private static bool? IsVatCategory(TreeContextTest headerCategory, XNode n, string code)
    {
        if (headerCategory.Matches(n) != true || n.StringValue != code)
        {
            return false;
        }

        var types = n.Parent!.Elements(Ns.Ram, "TypeCode").ToList();
        return types.Count > 1 ? null : types.Count == 1 && string.Equals(types[0].StringValue, "VAT", StringComparison.OrdinalIgnoreCase);
    }

    private static bool AnyCiiCategory(XNode n, string code) => n.All(Ns.Ram, "CategoryCode").Any(c => c.StringValue == code);

    private static bool AnyUblCategory(XNode n, string code) =>
        AnyWithId(n.All(Ns.Cac, "TaxCategory"), code) || AnyWithId(n.All(Ns.Cac, "ClassifiedTaxCategory"), code);

    // Some element has a cbc:ID child whose string value is the code (loops, not LINQ: run for every UBL invoice).
    private static bool AnyWithId(IEnumerable<XNode> elements, string code)
    {
        foreach (var e in elements)
        {
            foreach (var c in e.Children)
            {
                if (c.Kind == XNodeKind.Element && c.LocalName == "ID" && c.NamespaceUri == Ns.Cbc && c.StringValue == code)
                {
                    return true;
                }
            }
        }

        return false;
    }

    // A VAT breakdown of category K ("Intra-community supply") whose scheme is VAT. Every tax scheme of every breakdown
    // category is looked at (upper-case() of a scheme with several ids is an XPath error: null).
    private static bool? IntraCommunity(XNode root)
    {
        var found = false;
        foreach (var total in root.Elements(Ns.Cac, "TaxTotal"))
        {
            foreach (var sub in total.Elements(Ns.Cac, "TaxSubtotal"))
            {
                foreach (var category in sub.Elements(Ns.Cac, "TaxCategory"))
                {
                    var vat = false;
                    foreach (var scheme in category.Elements(Ns.Cac, "TaxScheme"))
                    {
                        XNode? id = null;
                        foreach (var c in scheme.Elements(Ns.Cbc, "ID"))
                        {
                            if (id is not null)
                            {
                                return null;
                            }

                            id = c;
                        }

                        vat |= TreeQuery.NormalizeSpace(id is null ? string.Empty : id.StringValue.ToUpperInvariant()) == "VAT";
                    }

                    found |= vat && category.Elements(Ns.Cbc, "ID").Any(static id => TreeQuery.NormalizeSpace(id.StringValue) == "K");
                }
            }
        }

        return found;
    }

    // (K and requirement) or not(K), K evaluated first.
    private static bool? WhenIntraCommunity(XNode root, Func<XNode, bool?> requirement) => IntraCommunity(root) switch
    {
        null => null,
        false => true,
        true => requirement(root),
    };

    // string-length() of a path: several nodes are an XPath error (null).
    private static int? StringLength(XNode n, ElementPath path)
    {
        var values = n.Values(path).ToList();
        return values.Count > 1 ? null : TreeMatch.CodePoints(values.Count == 0 ? string.Empty : values[0]);
    }
}
