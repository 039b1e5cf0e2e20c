// The CII syntax rules of the CEN/TC 434 artefacts v1.3.16 (pattern EN16931-CII-Syntax) that are more than a path and a
// cardinality: exact counts, conditions, document-wide comparisons, attributes. Ids, flags and messages are the
// official ones; the tests are C# with the meaning of the official ones.
using Chorus.Invoicing.Validation.Internal.Tree;
using Chorus.Invoicing.Validation.Rules.Bindings;
using Chorus.Invoicing.Validation.Rules.Tree;

namespace Chorus.Invoicing.Validation.Rules.Cii;

/// <summary>
/// The conditional CII-SR/CII-DT rules, as the syntax pattern in its order: the contexts whose assertions are in
/// <see cref="CiiSyntaxRules"/>' tables are listed too (without assertions), since an element is checked only by the
/// first rule of the pattern that matches it. That matters twice: the four ID elements of CII-DT-001..007 are not
/// checked by CII-DT-101..104, and ExchangedDocument/TypeCode is claimed by the //ram:TypeCode rule, so that CII-DT-010,
/// 011 and 012 never fire (as with the official stylesheet).
/// </summary>
internal static class CiiConditionalRules
{
    private const string Root = "/rsm:CrossIndustryInvoice";
    private const string Line = "/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:IncludedSupplyChainTradeLineItem";
    private const string Header = "/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction";

    private static readonly Lazy<TreePattern> Pattern = new(Build);

    /// <summary>The ids checked here.</summary>
    public static IReadOnlyCollection<string> Ids { get; } = new HashSet<string>(Pattern.Value.Ids, StringComparer.Ordinal);

    /// <summary>Checks the document.</summary>
    public static void Run(XNode document, List<ValidationProblem> problems) => Pattern.Value.Run(document, problems);

    private static TreePattern Build()
    {
        var billedUnit = ElementPath.Of("rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:IncludedSupplyChainTradeLineItem/ram:SpecifiedLineTradeDelivery/ram:BilledQuantity/@unitCode");
        var paymentTypeCodes = ElementPath.Of("ram:TypeCode");
        var paymentInformation = ElementPath.Of("ram:Information");
        return new TreePattern(
            new TreeRuleContext("//ram:SpecifiedTradeSettlementPaymentMeans", TreeMatch.Path("//ram:SpecifiedTradeSettlementPaymentMeans")),
            new TreeRuleContext(
                Root + "/rsm:ExchangedDocumentContext",
                TreeMatch.Path(Root + "/rsm:ExchangedDocumentContext"),
                new TreeAssert("CII-SR-009", true, CountIs("ram:GuidelineSpecifiedDocumentContextParameter", 1), "[CII-SR-009] - GuidelineSpecifiedDocumentContextParameter must exist exactly once"),
                new TreeAssert("CII-SR-010", true, CountIs("ram:GuidelineSpecifiedDocumentContextParameter/ram:ID", 1), "[CII-SR-010] - ID must exist exactly once")),
            new TreeRuleContext(
                Root + "/rsm:ExchangedDocument",
                TreeMatch.Path(Root + "/rsm:ExchangedDocument"),
                new TreeAssert("CII-SR-014", true, CountIs("ram:TypeCode", 1), "[CII-SR-014] - TypeCode must exist exactly once")),
            new TreeRuleContext(Root + "/rsm:ExchangedDocument/ram:IncludedNote", TreeMatch.Path(Root + "/rsm:ExchangedDocument/ram:IncludedNote")),
            new TreeRuleContext(Line, TreeMatch.Path(Line)),
            new TreeRuleContext(Line + "/ram:AssociatedDocumentLineDocument", TreeMatch.Path(Line + "/ram:AssociatedDocumentLineDocument")),
            new TreeRuleContext(
                Line + "/ram:SpecifiedTradeProduct",
                TreeMatch.Path(Line + "/ram:SpecifiedTradeProduct"),
                new TreeAssert("CII-SR-046", true, NoneOr("ram:GlobalID", "ram:GlobalID/@schemeID"), "[CII-SR-046] - schemeID must be present if GlobalID is present"),
                new TreeAssert("CII-SR-090", true, NoneOrCountIs("ram:OriginTradeCountry", "ram:OriginTradeCountry/ram:ID", 1), "[CII-SR-090] - ID should exist maximum once.")),
            new TreeRuleContext(
                Line + "/ram:SpecifiedTradeProduct/ram:ApplicableProductCharacteristic",
                TreeMatch.Path(Line + "/ram:SpecifiedTradeProduct/ram:ApplicableProductCharacteristic"),
                new TreeAssert("CII-SR-069", true, CountIs("ram:Description", 1), "[CII-SR-069] - Description should exist maximum once."),
                new TreeAssert("CII-SR-072", true, CountIs("ram:Value", 1), "[CII-SR-072] - Value should exist maximum once.")),
            new TreeRuleContext(
                Line + "/ram:SpecifiedLineTradeAgreement",
                TreeMatch.Path(Line + "/ram:SpecifiedLineTradeAgreement"),
                new TreeAssert("CII-SR-439", true, CountIs("ram:NetPriceProductTradePrice/ram:ChargeAmount", 1), "[CII-SR-439] - ChargeAmount should exist maximum once"),
                new TreeAssert("CII-SR-119", false, PriceAllowancesOnly(), "[CII-SR-119] - Only allowances on price a price should be present")),
            new TreeRuleContext(
                "//ram:SpecifiedTradeAllowanceCharge",
                TreeMatch.Path("//ram:SpecifiedTradeAllowanceCharge"),
                new TreeAssert("CII-SR-463", true, Has("ram:ChargeIndicator"), "[CII-SR-463]-Each Specified Trade Allowance Charge (BG-20)(BG-21) shall contain a Charge Indicator.")),
            new TreeRuleContext("//ram:GrossPriceProductTradePrice/ram:AppliedTradeAllowanceCharge", TreeMatch.Path("//ram:GrossPriceProductTradePrice/ram:AppliedTradeAllowanceCharge")),
            new TreeRuleContext(Line + "/ram:SpecifiedLineTradeDelivery", TreeMatch.Path(Line + "/ram:SpecifiedLineTradeDelivery")),
            new TreeRuleContext(
                Line + "/ram:SpecifiedLineTradeSettlement",
                TreeMatch.Path(Line + "/ram:SpecifiedLineTradeSettlement"),
                new TreeAssert("CII-SR-454", false, CountIs("ram:ApplicableTradeTax", 1), "[CII-SR-454] - Only one ApplicableTradeTax should be present"),
                new TreeAssert("CII-SR-474", false, AtMostOneDocument("ram:AdditionalReferencedDocument", "130", normalized: true, then: null), "[CII-SR-474] - An invoice line shall not contain more than one AdditionalReferencedDocument with TypeCode 130.")),
            new TreeRuleContext(
                Header + "/ram:ApplicableHeaderTradeAgreement",
                TreeMatch.Path(Header + "/ram:ApplicableHeaderTradeAgreement"),
                new TreeAssert("CII-SR-450", false, NotBoth("ram:BuyerTradeParty/ram:ID", "ram:BuyerTradeParty/ram:GlobalID"), "[CII-SR-450] - Only one buyer identifier should be present (either the ID or the Global ID)"),
                new TreeAssert("CII-SR-457", false, AtMostOneDocument("ram:AdditionalReferencedDocument", "50", normalized: false, then: null), "[CII-SR-457] - IssuerAssignedID with TypeCode 50 should exist maximum once"),
                new TreeAssert("CII-SR-458", false, AtMostOneDocument("ram:AdditionalReferencedDocument", "130", normalized: false, then: null), "[CII-SR-458] - IssuerAssignedID with TypeCode 130 should exist maximum once"),
                new TreeAssert("CII-SR-465", false, NotBoth("ram:SellerTradeParty/ram:DefinedTradeContact/ram:PersonName", "ram:SellerTradeParty/ram:DefinedTradeContact/ram:DepartmentName"), "[CII-SR-465] - Only one BT-41 element is allowed on an invoice."),
                new TreeAssert("CII-SR-466", false, NotBoth("ram:BuyerTradeParty/ram:DefinedTradeContact/ram:PersonName", "ram:BuyerTradeParty/ram:DefinedTradeContact/ram:DepartmentName"), "[CII-SR-466] - Only one BT-56 element is allowed on an invoice."),
                new TreeAssert("CII-SR-475", false, AtMostOneDocument("ram:AdditionalReferencedDocument", "916", normalized: true, then: "ram:Name"), "[CII-SR-475] - Only one AdditionalReferencedDocument Name BT-123 is allowed with TypeCode 916."),
                new TreeAssert("CII-SR-476", false, AtMostOneDocument("ram:AdditionalReferencedDocument", "916", normalized: true, then: "ram:AttachmentBinaryObject"), "[CII-SR-476] - Only one AdditionalReferencedDocument AttachmentBinaryObject BT-125 is allowed with TypeCode 916.")),
            new TreeRuleContext(
                Header + "/ram:ApplicableHeaderTradeDelivery",
                TreeMatch.Path(Header + "/ram:ApplicableHeaderTradeDelivery"),
                new TreeAssert("CII-SR-449", false, NotBoth("ram:ShipToTradeParty/ram:ID", "ram:ShipToTradeParty/ram:GlobalID"), "[CII-SR-449] - Only one delivery to location identifier should be present (either the ID or the Global ID)")),
            new TreeRuleContext(
                Header + "/ram:ApplicableHeaderTradeSettlement",
                TreeMatch.Path(Header + "/ram:ApplicableHeaderTradeSettlement"),
                new TreeAssert("CII-SR-451", false, NotBoth("ram:PayeeTradeParty/ram:ID", "ram:PayeeTradeParty/ram:GlobalID"), "[CII-SR-451] - Only one payee identifier should be present (either the ID or the Global ID)"),
                new TreeAssert("CII-SR-462", true, OneDueDateTypeCode, "[CII-SR-462] - Only one DueDateTypeCode shall be present"),
                new TreeAssert("CII-SR-470", true, CreditTransfersHaveAccount(), "[CII-SR-470] - Either the IBAN or a Proprietary ID (BT-84) shall be used.")),
            new TreeRuleContext(Header + "/ram:ApplicableHeaderTradeSettlement/ram:SpecifiedTradeSettlementHeaderMonetarySummation", TreeMatch.Path(Header + "/ram:ApplicableHeaderTradeSettlement/ram:SpecifiedTradeSettlementHeaderMonetarySummation")),
            new TreeRuleContext(
                Root,
                TreeMatch.Path(Root),
                new TreeAssert("CII-DT-013", true, NoAttr("languageID"), "[CII-DT-013] - languageID should not be present"),
                new TreeAssert("CII-DT-014", true, NoAttr("languageLocaleID"), "[CII-DT-014] - languageLocaleID should not be present"),
                new TreeAssert("CII-SR-467", true, n => AllPaymentMeansAgree(n, paymentTypeCodes), "[CII-SR-467] - All Payment means type codes (BT-81) shall have the same value across all SpecifiedTradeSettlementPaymentMeans."),
                new TreeAssert("CII-SR-468", true, n => AllPaymentMeansAgree(n, paymentInformation), "[CII-SR-468] - All Payment means texts (BT-82) shall have the same value across all SpecifiedTradeSettlementPaymentMeans."),
                new TreeAssert("CII-SR-469", true, AtMostOnePaymentReference, "[CII-SR-469] - Payment reference (BT-83) shall occur at most once in the document.")),

            // Any namespace: name() ends with the suffix.
            new TreeRuleContext("//*[ends-with(name(), 'DocumentContextParameter')]", TreeMatch.Where(static n => n.LocalName.EndsWith("DocumentContextParameter", StringComparison.Ordinal), static (_, local) => local.EndsWith("DocumentContextParameter", StringComparison.Ordinal))),
            new TreeRuleContext(
                "the four identifiers without scheme",
                TreeMatch.Path(
                    Root + "/rsm:ExchangedDocumentContext/ram:GuidelineSpecifiedDocumentContextParameter/ram:ID",
                    Root + "/rsm:ExchangedDocument/ram:ID",
                    Line + "/ram:AssociatedDocumentLineDocument/ram:LineID",
                    Line + "/ram:SpecifiedTradeProduct/ram:SellerAssignedID"),
                NoAttr("CII-DT-001", "schemeName"),
                NoAttr("CII-DT-002", "schemeAgencyName"),
                NoAttr("CII-DT-003", "schemeDataURI"),
                NoAttr("CII-DT-004", "schemeURI"),
                NoAttr("CII-DT-005", "schemeID"),
                NoAttr("CII-DT-006", "schemeAgencyID"),
                NoAttr("CII-DT-007", "schemeVersionID")),
            new TreeRuleContext(
                "//ram:*[ends-with(name(), 'ID')]",
                TreeMatch.LocalEndsWith(Ns.Ram, "ID"),
                NoAttr("CII-DT-101", "schemeName"),
                NoAttr("CII-DT-102", "schemeAgencyName"),
                NoAttr("CII-DT-103", "schemeDataURI"),
                NoAttr("CII-DT-104", "schemeURI")),
            new TreeRuleContext(
                "//ram:TypeCode",
                TreeMatch.Path("//ram:TypeCode"),
                NoAttr("CII-DT-008", "name"),
                NoAttr("CII-DT-009", "listURI")),

            // Claimed by //ram:TypeCode above: never reached.
            new TreeRuleContext(
                Root + "/rsm:ExchangedDocument/ram:TypeCode",
                TreeMatch.Path(Root + "/rsm:ExchangedDocument/ram:TypeCode"),
                NoAttr("CII-DT-010", "listID"),
                NoAttr("CII-DT-011", "listAgencyID"),
                NoAttr("CII-DT-012", "listVersionID")),
            new TreeRuleContext(
                "line VAT category code",
                TreeMatch.Path(Line + "/ram:SpecifiedLineTradeSettlement/ram:ApplicableTradeTax/ram:CategoryCode"),
                NoAttr("CII-DT-045", "listID", fatal: false, at: true),
                NoAttr("CII-DT-046", "listAgencyID", fatal: false, at: true),
                NoAttr("CII-DT-047", "listVersionID", fatal: false, at: true),
                NoAttr("CII-DT-048", "listURI", fatal: false, at: true)),
            new TreeRuleContext(
                "//ram:*[ends-with(name(), 'ReferencedDocument')]",
                TreeMatch.LocalEndsWith(Ns.Ram, "ReferencedDocument"),
                new TreeAssert("CII-DT-015", true, AbsentUnlessAdditional("ram:URIID", "916"), "[CII-DT-015] - URIID should not be present"),
                new TreeAssert("CII-DT-018", true, AbsentUnlessAdditional("ram:TypeCode", "50", "130", "916"), "[CII-DT-018] - TypeCode should not be present"),
                new TreeAssert("CII-DT-021", true, AbsentUnlessAdditional("ram:Name", "916"), "[CII-DT-021] - Name should not be present"),
                new TreeAssert("CII-DT-022", true, AbsentUnlessAdditional("ram:AttachmentBinaryObject", "916"), "[CII-DT-022] - AttachmentBinaryObject should not be present"),
                new TreeAssert("CII-DT-024", true, AbsentUnlessAdditional("ram:ReferenceTypeCode", "130"), "[CII-DT-024] - ReferenceTypeCode should not be present"),
                new TreeAssert("CII-DT-027", true, AbsentUnlessSelf("ram:FormattedIssueDateTime", "InvoiceReferencedDocument"), "[CII-DT-027] - FormattedIssueDateTime should not be present")),
            new TreeRuleContext(
                "//ram:*[ends-with(name(), 'Amount') and not (self::ram:TaxTotalAmount)]",
                TreeMatch.Where(
                    static n => n.NamespaceUri == Ns.Ram && n.LocalName.EndsWith("Amount", StringComparison.Ordinal) && n.LocalName != "TaxTotalAmount",
                    static (ns, local) => ns == Ns.Ram && local.EndsWith("Amount", StringComparison.Ordinal) && local != "TaxTotalAmount"),
                NoAttr("CII-DT-031", "currencyID"),
                NoAttr("CII-DT-032", "currencyCodeListVersionID")),
            new TreeRuleContext(
                "//ram:*[ends-with(name(), 'Quantity')]",
                TreeMatch.LocalEndsWith(Ns.Ram, "Quantity"),

                // unitCode is allowed as soon as one line's billed quantity carries one (document-wide, as stated).
                new TreeAssert("CII-DT-033", true, n => !n.HasAttr("unitCode") || n.Document.Exists(billedUnit), "[CII-DT-033] - unitCode should not be present", HoldsWithoutAttributes: true),
                NoAttr("CII-DT-034", "unitCodeListID"),
                NoAttr("CII-DT-035", "unitCodeListAgencyID"),
                NoAttr("CII-DT-036", "unitCodeListAgencyName")),
            new TreeRuleContext(
                "//ram:*[ends-with(name(), 'TradeTax')]",
                TreeMatch.LocalEndsWith(Ns.Ram, "TradeTax"),
                new TreeAssert("CII-DT-037", true, TypeCodeIsVat(), "[CII-DT-037] - TypeCode shall be 'VAT'"),
                new TreeAssert("CII-DT-041", false, AbsentUnlessInHeader("ram:BasisAmount"), "[CII-DT-041] - BasisAmount should not be present"),
                new TreeAssert("CII-DT-052", false, AbsentUnlessSelf("ram:ExemptionReasonCode", "ApplicableTradeTax"), "[CII-DT-052] - ExemptionReasonCode should not be present"),
                new TreeAssert("CII-DT-098", false, AbsentUnlessSelf("ram:ExemptionReason", "ApplicableTradeTax"), "[CII-DT-098] - ExemptionReason should not be present"),
                new TreeAssert("CII-DT-054", false, AbsentUnlessInHeader("ram:TaxPointDate"), "[CII-DT-054] - TaxPointDate should not be present"),
                new TreeAssert("CII-DT-058", false, AbsentUnlessInHeader("ram:DueDateTypeCode"), "[CII-DT-058] - DueDateTypeCode should not be present")),
            new TreeRuleContext("//ram:BillingSpecifiedPeriod", TreeMatch.Path("//ram:BillingSpecifiedPeriod")),
            new TreeRuleContext("//ram:PostalTradeAddress", TreeMatch.Path("//ram:PostalTradeAddress")),
            new TreeRuleContext(
                "//udt:DateTimeString[@format = '102']",
                TreeMatch.Where(static n => n.Attr("format") == "102", (Ns.Udt, "DateTimeString")),
                new TreeAssert("CII-DT-097", true, static n => IsYyyyMmDd(n.StringValue), "[CII-DT-097] - Date time string with format attribute 102 shall be YYYYMMDD.")));
    }

    private static Func<XNode, bool?> CountIs(string path, int count)
    {
        var p = ElementPath.Of(path);
        return n => n.Count(p) == count;
    }

    private static Func<XNode, bool?> Has(string path)
    {
        var p = ElementPath.Of(path);
        return n => n.Exists(p);
    }

    private static Func<XNode, bool?> NoneOr(string absent, string orPresent)
    {
        var a = ElementPath.Of(absent);
        var b = ElementPath.Of(orPresent);
        return n => !n.Exists(a) || n.Exists(b);
    }

    private static Func<XNode, bool?> NoneOrCountIs(string absent, string counted, int count)
    {
        var a = ElementPath.Of(absent);
        var c = ElementPath.Of(counted);
        return n => !n.Exists(a) || n.Count(c) == count;
    }

    // (not A and B) or (A and not B) or (not A and not B): never both.
    private static Func<XNode, bool?> NotBoth(string first, string second)
    {
        var a = ElementPath.Of(first);
        var b = ElementPath.Of(second);
        return n => !(n.Exists(a) && n.Exists(b));
    }

    private static Func<XNode, bool?> NoAttr(string name) => n => !n.HasAttr(name);

    private static TreeAssert NoAttr(string id, string attribute, bool fatal = true, bool at = false) =>
        new(id, fatal, NoAttr(attribute), $"[{id}] - {(at ? "@" : string.Empty)}{attribute} should not be present", HoldsWithoutAttributes: true);

    // count(docs[TypeCode = code]) <= 1, or count(docs[...]/then) <= 1; the type code compared exactly or normalized.
    private static Func<XNode, bool?> AtMostOneDocument(string documents, string code, bool normalized, string? then)
    {
        var docs = ElementPath.Of(documents);
        var typeCode = ElementPath.Of("ram:TypeCode");
        var child = then is null ? null : ElementPath.Of(then);
        return n =>
        {
            var count = 0;
            foreach (var d in n.Select(docs))
            {
                if (normalized ? d.Normalized(typeCode) == code : d.AnyEquals(typeCode, code))
                {
                    count += child is null ? 1 : d.Count(child);
                }
            }

            return count <= 1;
        };
    }

    // Price allowances (BT-147) only: an allowance indicator with its amount, or neither indicator nor amount.
    private static Func<XNode, bool?> PriceAllowancesOnly()
    {
        var indicators = ElementPath.Of("ram:GrossPriceProductTradePrice/ram:AppliedTradeAllowanceCharge/ram:ChargeIndicator");
        var amounts = ElementPath.Of("ram:GrossPriceProductTradePrice/ram:AppliedTradeAllowanceCharge/ram:ActualAmount");
        var indicator = ElementPath.Of("udt:Indicator");
        return n =>
        {
            // The usual line: no price allowance at all (nothing to collect).
            if (!n.Exists(indicators))
            {
                return !n.Exists(amounts);
            }

            // Every ChargeIndicator's predicate [udt:Indicator = false()] is evaluated: a text that is no boolean is an error.
            var anyAllowance = false;
            foreach (var ci in n.Select(indicators))
            {
                foreach (var v in ci.Values(indicator))
                {
                    var b = XsBoolean(v);
                    if (b is null)
                    {
                        return null;
                    }

                    if (!b.Value)
                    {
                        anyAllowance = true;
                        break;
                    }
                }
            }

            return (anyAllowance && n.Exists(amounts)) || (!n.Exists(indicators) && !n.Exists(amounts));
        };
    }

    // An untyped value compared with a boolean is cast to xs:boolean ("true"/"1", "false"/"0", surrounding spaces allowed).
    private static bool? XsBoolean(string value) => value.Trim(' ', '\t', '\r', '\n') switch
    {
        "true" or "1" => true,
        "false" or "0" => false,
        _ => null,
    };

    // Over the whole document: no VAT due date type code, or a single distinct value.
    private static bool? OneDueDateTypeCode(XNode n)
    {
        string? first = null;
        foreach (var tax in n.All(Ns.Ram, "ApplicableTradeTax"))
        {
            // A loop over the children, not an iterator per tax: every line has one.
            foreach (var code in tax.Children)
            {
                if (!code.Is(Ns.Ram, "DueDateTypeCode"))
                {
                    continue;
                }

                var v = code.StringValue;
                if (first is null)
                {
                    first = v;
                }
                else if (v != first)
                {
                    return false;
                }
            }
        }

        return true;
    }

    // No credit transfer (type code 30 or 58) without an IBAN or a proprietary account id.
    private static Func<XNode, bool?> CreditTransfersHaveAccount()
    {
        var means = ElementPath.Of("ram:SpecifiedTradeSettlementPaymentMeans");
        var typeCode = ElementPath.Of("ram:TypeCode");
        var iban = ElementPath.Of("ram:PayeePartyCreditorFinancialAccount/ram:IBANID");
        var proprietary = ElementPath.Of("ram:PayeePartyCreditorFinancialAccount/ram:ProprietaryID");
        return n =>
        {
            foreach (var m in n.Select(means))
            {
                var code = m.Normalized(typeCode);
                if ((code == "30" || code == "58") && !(m.Exists(iban) || m.Exists(proprietary)))
                {
                    return false;
                }
            }

            return true;
        };
    }

    // Every payment means' value (normalized) equals the first one of the document.
    private static bool? AllPaymentMeansAgree(XNode n, ElementPath value)
    {
        string? first = null;
        foreach (var m in n.All(Ns.Ram, "SpecifiedTradeSettlementPaymentMeans"))
        {
            foreach (var v in m.Select(value))
            {
                var s = TreeQuery.NormalizeSpace(v.StringValue);
                if (first is null)
                {
                    first = s;
                }
                else if (s != first)
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static bool? AtMostOnePaymentReference(XNode n)
    {
        var count = 0;
        foreach (var s in n.All(Ns.Ram, "ApplicableHeaderTradeSettlement"))
        {
            count += s.Elements(Ns.Ram, "PaymentReference").Count();
        }

        return count <= 1;
    }

    // not(child) or (self::ram:AdditionalReferencedDocument and ram:TypeCode = one of the codes).
    private static Func<XNode, bool?> AbsentUnlessAdditional(string child, params string[] codes)
    {
        var c = ElementPath.Of(child);
        var typeCode = ElementPath.Of("ram:TypeCode");
        return n => !n.Exists(c) || (n.Is(Ns.Ram, "AdditionalReferencedDocument") && codes.Any(code => n.AnyEquals(typeCode, code)));
    }

    private static Func<XNode, bool?> AbsentUnlessSelf(string child, string self)
    {
        var c = ElementPath.Of(child);
        return n => !n.Exists(c) || n.Is(Ns.Ram, self);
    }

    private static Func<XNode, bool?> AbsentUnlessInHeader(string child)
    {
        var c = ElementPath.Of(child);
        return n => !n.Exists(c) || n.HasAncestor(Ns.Ram, "ApplicableHeaderTradeSettlement");
    }

    private static Func<XNode, bool?> TypeCodeIsVat()
    {
        var c = ElementPath.Of("ram:TypeCode");
        return n => !n.Exists(c) || n.AnyEquals(c, "VAT");
    }

    // YYYYMMDD with optional surrounding whitespace (XML regex \s: space, tab, CR, LF), month 01-12, day 01-31 (the
    // pattern checks no calendar); the year's \d is any Unicode decimal digit, as in XML Schema regular expressions.
    private static bool IsYyyyMmDd(string value)
    {
        var s = value.Trim(' ', '\t', '\r', '\n');
        if (s.Length != 8)
        {
            return false;
        }

        for (var i = 0; i < 4; i++)
        {
            if (!char.IsDigit(s[i]))
            {
                return false;
            }
        }

        var month = s.Substring(4, 2);
        var day = s.Substring(6, 2);
        return month[0] is >= '0' and <= '9' && month[1] is >= '0' and <= '9' && day[0] is >= '0' and <= '9' && day[1] is >= '0' and <= '9'
            && string.CompareOrdinal(month, "01") >= 0 && string.CompareOrdinal(month, "12") <= 0
            && string.CompareOrdinal(day, "01") >= 0 && string.CompareOrdinal(day, "31") <= 0;
    }
}
