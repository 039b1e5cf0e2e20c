using Chorus.Invoicing.Validation.Internal.Tree;
using Chorus.Invoicing.Validation.Rules.Tree;
using Chorus.Invoicing.Validation.Rules.Ubl;

namespace Chorus.Invoicing.Validation.Rules;

/// <summary>
/// BR-CL-*: coded values belong to their code lists (<see cref="CodeLists"/>). These rules are about elements wherever
/// they occur (every <c>cbc:Amount</c>'s currency, every <c>ram:CountryID</c>…), so they are evaluated on the
/// validator's XML tree rather than on the model: a table of (id, element context, value, list), first matching
/// context wins as in the artefacts' code list pattern.
/// </summary>
internal static class CodeListRules
{
    private const string Cbc = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";
    private const string Cac = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";
    private const string Ram = "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100";
    private const string Rsm = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100";
    private const string Udt = "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100";

    /// <summary>A code list rule: the local names its context can match at all (a necessary condition the context test
    /// starts with), where it applies and whether a node's value passes.</summary>
    private sealed record CodeRule(string Id, string[] Locals, Func<XNode, bool> Context, Func<XNode, bool> Holds);

    private static readonly HashSet<string> UblAmounts = new(StringComparer.Ordinal)
    {
        "Amount", "BaseAmount", "PriceAmount", "TaxAmount", "TaxableAmount", "LineExtensionAmount", "TaxExclusiveAmount",
        "TaxInclusiveAmount", "AllowanceTotalAmount", "ChargeTotalAmount", "PrepaidAmount", "PayableRoundingAmount", "PayableAmount",
    };

    // Every UBL amount's name is tested: by name instance, not by hashing the local name.
    private static readonly NameMemo<bool> IsUblAmount = new(static (ns, local) => ns == Cbc && UblAmounts.Contains(local));

    private static readonly CodeRule[] Ubl =
    [
        new("BR-CL-01", ["InvoiceTypeCode", "CreditNoteTypeCode"], n => Is(n, Cbc, "InvoiceTypeCode") || Is(n, Cbc, "CreditNoteTypeCode"),
            n => In(n.LocalName == "InvoiceTypeCode" ? CodeLists.Untdid1001Invoice : CodeLists.Untdid1001CreditNote, Text(n))),
        new("BR-CL-03", [.. UblAmounts], n => IsUblAmount.Get(n.NamespaceUri, n.LocalName), n => In(CodeLists.Iso4217, Attr(n, "currencyID"))),
        new("BR-CL-04", ["DocumentCurrencyCode"], n => Is(n, Cbc, "DocumentCurrencyCode"), n => In(CodeLists.Iso4217, Text(n))),
        new("BR-CL-05", ["TaxCurrencyCode"], n => Is(n, Cbc, "TaxCurrencyCode"), n => In(CodeLists.Iso4217, Text(n))),
        new("BR-CL-06", ["DescriptionCode"], n => Is(n, Cbc, "DescriptionCode") && ParentIs(n, Cac, "InvoicePeriod"), n => In(CodeLists.Untdid2005, Text(n))),
        new("BR-CL-07", ["ID"], n => Is(n, Cbc, "ID") && Has(n, "schemeID") && (ParentIs(n, Cac, "AdditionalDocumentReference") || ParentIs(n, Cac, "DocumentReference")) && ChildText(n.Parent!, Cbc, "DocumentTypeCode") == "130",
            n => In(CodeLists.Untdid1153, Attr(n, "schemeID"))),
        new("BR-CL-10", ["ID"], n => Is(n, Cbc, "ID") && Has(n, "schemeID") && ParentIs(n, Cac, "PartyIdentification"),
            n => In(CodeLists.Iso6523Icd, Attr(n, "schemeID")) || (Attr(n, "schemeID") == "SEPA" && (HasAncestor(n, Cac, "AccountingSupplierParty") || HasAncestor(n, Cac, "PayeeParty")))),
        new("BR-CL-11", ["CompanyID"], n => Is(n, Cbc, "CompanyID") && Has(n, "schemeID") && ParentIs(n, Cac, "PartyLegalEntity"), n => In(CodeLists.Iso6523Icd, Attr(n, "schemeID"))),
        new("BR-CL-13", ["ItemClassificationCode"], n => Is(n, Cbc, "ItemClassificationCode") && Has(n, "listID") && ParentIs(n, Cac, "CommodityClassification"), n => In(CodeLists.Untdid7143, Attr(n, "listID"))),
        new("BR-CL-14", ["IdentificationCode"], n => Is(n, Cbc, "IdentificationCode") && ParentIs(n, Cac, "Country"), n => In(CodeLists.Iso3166, Text(n))),
        new("BR-CL-15", ["IdentificationCode"], n => Is(n, Cbc, "IdentificationCode") && ParentIs(n, Cac, "OriginCountry"), n => In(CodeLists.Iso3166, Text(n))),
        new("BR-CL-16", ["PaymentMeansCode"], n => Is(n, Cbc, "PaymentMeansCode") && ParentIs(n, Cac, "PaymentMeans"), n => In(CodeLists.Untdid4461, Text(n))),
        new("BR-CL-17", ["ID"], n => Is(n, Cbc, "ID") && ParentIs(n, Cac, "TaxCategory"), n => In(CodeLists.Uncl5305, Text(n))),
        new("BR-CL-18", ["ID"], n => Is(n, Cbc, "ID") && ParentIs(n, Cac, "ClassifiedTaxCategory"), n => In(CodeLists.Uncl5305, Text(n))),
        new("BR-CL-19", ["AllowanceChargeReasonCode"], n => Is(n, Cbc, "AllowanceChargeReasonCode") && ParentIs(n, Cac, "AllowanceCharge") && UblChargeIndicator(n.Parent!) == false, n => In(CodeLists.Untdid5189, Text(n))),
        new("BR-CL-20", ["AllowanceChargeReasonCode"], n => Is(n, Cbc, "AllowanceChargeReasonCode") && ParentIs(n, Cac, "AllowanceCharge") && UblChargeIndicator(n.Parent!) == true, n => In(CodeLists.Untdid7161, Text(n))),
        new("BR-CL-21", ["ID"], n => Is(n, Cbc, "ID") && Has(n, "schemeID") && ParentIs(n, Cac, "StandardItemIdentification"), n => In(CodeLists.Iso6523Icd, Attr(n, "schemeID"))),
        new("BR-CL-22", ["TaxExemptionReasonCode"], n => Is(n, Cbc, "TaxExemptionReasonCode"), n => InUpper(CodeLists.Vatex, Text(n))),
        new("BR-CL-23", ["InvoicedQuantity", "BaseQuantity", "CreditedQuantity"], n => (Is(n, Cbc, "InvoicedQuantity") || Is(n, Cbc, "BaseQuantity") || Is(n, Cbc, "CreditedQuantity")) && Has(n, "unitCode"), n => In(CodeLists.UnEceRec20And21, Attr(n, "unitCode"))),
        new("BR-CL-24", ["EmbeddedDocumentBinaryObject"], n => Is(n, Cbc, "EmbeddedDocumentBinaryObject") && Has(n, "mimeCode"), n => CodeLists.Mime.Contains(RawAttr(n, "mimeCode"))),
        new("BR-CL-25", ["EndpointID"], n => Is(n, Cbc, "EndpointID") && Has(n, "schemeID"), n => In(CodeLists.Eas, Attr(n, "schemeID"))),
        new("BR-CL-26", ["ID"], n => Is(n, Cbc, "ID") && Has(n, "schemeID") && ParentIs(n, Cac, "DeliveryLocation"), n => In(CodeLists.Iso6523Icd, Attr(n, "schemeID"))),
    ];

    private static readonly CodeRule[] Cii =
    [
        new("BR-CL-01", ["TypeCode"], n => Is(n, Ram, "TypeCode") && ParentIs(n, Rsm, "ExchangedDocument"), n => In(CodeLists.Untdid1001Cii, Text(n))),
        new("BR-CL-03", ["TaxTotalAmount"], n => Is(n, Ram, "TaxTotalAmount") && Has(n, "currencyID"), n => In(CodeLists.Iso4217, Attr(n, "currencyID"))),
        new("BR-CL-04", ["InvoiceCurrencyCode"], n => Is(n, Ram, "InvoiceCurrencyCode"), n => In(CodeLists.Iso4217, Text(n))),
        new("BR-CL-05", ["TaxCurrencyCode"], n => Is(n, Ram, "TaxCurrencyCode"), n => In(CodeLists.Iso4217, Text(n))),
        new("BR-CL-06", ["DueDateTypeCode"], n => Is(n, Ram, "DueDateTypeCode"), n => In(CodeLists.Untdid2475, Text(n))),
        new("BR-CL-07", ["ReferenceTypeCode"], n => Is(n, Ram, "ReferenceTypeCode"), n => In(CodeLists.Untdid1153, Text(n))),
        new("BR-CL-08", ["SubjectCode"], n => Is(n, Ram, "SubjectCode"), n => In(CodeLists.Untdid4451, Text(n))),
        new("BR-CL-10", ["GlobalID"], n => Is(n, Ram, "GlobalID") && Has(n, "schemeID") && !HasAncestor(n, Ram, "SpecifiedTradeProduct") && !HasAncestor(n, Ram, "ShipToTradeParty"), n => In(CodeLists.Iso6523Icd, Attr(n, "schemeID"))),
        new("BR-CL-11", ["ID"], n => Is(n, Ram, "ID") && Has(n, "schemeID") && !HasAncestor(n, Ram, "SpecifiedTaxRegistration"), n => In(CodeLists.Iso6523Icd, Attr(n, "schemeID"))),
        new("BR-CL-13", ["ClassCode"], n => Is(n, Ram, "ClassCode") && Has(n, "listID"), n => In(CodeLists.Untdid7143, Attr(n, "listID"))),
        new("BR-CL-14", ["CountryID"], n => Is(n, Ram, "CountryID"), n => In(CodeLists.Iso3166Cii, Text(n))),
        new("BR-CL-15", ["ID"], n => Is(n, Ram, "ID") && ParentIs(n, Ram, "OriginTradeCountry"), n => In(CodeLists.Iso3166Cii, Text(n))),
        new("BR-CL-16", ["TypeCode"], n => Is(n, Ram, "TypeCode") && ParentIs(n, Ram, "SpecifiedTradeSettlementPaymentMeans"), n => In(CodeLists.Untdid4461, Text(n))),
        new("BR-CL-17", ["CategoryCode"], n => Is(n, Ram, "CategoryCode") && ParentIs(n, Ram, "CategoryTradeTax"), n => In(CodeLists.Uncl5305, Text(n))),
        new("BR-CL-18", ["CategoryCode"], n => Is(n, Ram, "CategoryCode") && ParentIs(n, Ram, "ApplicableTradeTax"), n => In(CodeLists.Uncl5305, Text(n))),
        new("BR-CL-19", ["ReasonCode"], n => Is(n, Ram, "ReasonCode") && ParentIs(n, Ram, "SpecifiedTradeAllowanceCharge") && CiiChargeIndicator(n.Parent!) == false, n => In(CodeLists.Untdid5189, Text(n))),
        new("BR-CL-20", ["ReasonCode"], n => Is(n, Ram, "ReasonCode") && ParentIs(n, Ram, "SpecifiedTradeAllowanceCharge") && CiiChargeIndicator(n.Parent!) == true, n => In(CodeLists.Untdid7161, Text(n))),
        new("BR-CL-21", ["GlobalID"], n => Is(n, Ram, "GlobalID") && Has(n, "schemeID") && ParentIs(n, Ram, "SpecifiedTradeProduct"), n => In(CodeLists.Iso6523Icd, Attr(n, "schemeID"))),
        new("BR-CL-22", ["ExemptionReasonCode"], n => Is(n, Ram, "ExemptionReasonCode"), n => InUpper(CodeLists.Vatex, Text(n))),
        new("BR-CL-23", ["BasisQuantity", "BilledQuantity"], n => (Is(n, Ram, "BasisQuantity") || Is(n, Ram, "BilledQuantity")) && Has(n, "unitCode"), n => In(CodeLists.UnEceRec20And21, Attr(n, "unitCode"))),
        new("BR-CL-24", ["AttachmentBinaryObject"], n => Is(n, Ram, "AttachmentBinaryObject") && Has(n, "mimeCode"), n => CodeLists.Mime.Contains(RawAttr(n, "mimeCode"))),
        new("BR-CL-25", ["URIID"], n => Is(n, Ram, "URIID") && Has(n, "schemeID") && ParentIs(n, Ram, "URIUniversalCommunication"), n => In(CodeLists.Eas, Attr(n, "schemeID"))),
        new("BR-CL-26", ["GlobalID"], n => Is(n, Ram, "GlobalID") && Has(n, "schemeID") && ParentIs(n, Ram, "ShipToTradeParty") && n.Parent!.Parent is { } d && d.LocalName == "ApplicableHeaderTradeDelivery" && d.NamespaceUri == Ram,
            n => In(CodeLists.Iso6523Icd, Attr(n, "schemeID"))),
    ];

    private static readonly NameMemo<int[]> UblByLocal = ByLocal(Ubl);
    private static readonly NameMemo<int[]> CiiByLocal = ByLocal(Cii);

    private static readonly HashSet<string> UblIds = Ids(Ubl, "BR-CL-08");
    private static readonly HashSet<string> CiiIds = Ids(Cii);

    /// <summary>Each rule's id, declared local names and context test (tests check that a context never matches an
    /// element of another name, which the walk relies on).</summary>
    internal static IEnumerable<(string Id, string[] Locals, Func<XNode, bool> Context)> Contexts(RuleSyntax syntax) =>
        (syntax == RuleSyntax.Ubl ? Ubl : Cii).Select(static r => (r.Id, r.Locals, r.Context));

    /// <summary>The ids checked here for a syntax.</summary>
    public static IEnumerable<string> IdsFor(RuleSyntax syntax) => syntax == RuleSyntax.Ubl ? UblIds : CiiIds;

    /// <summary>Checks every element of the document against the table of its syntax.</summary>
    public static void Run(XNode document, RuleSyntax syntax, List<ValidationProblem> problems)
    {
        var (table, byLocal) = syntax == RuleSyntax.Ubl ? (Ubl, UblByLocal) : (Cii, CiiByLocal);
        Walk(document, table, byLocal, syntax, problems);
    }

    // For each local name, the rules (in table order) whose context can match an element of that name: an element is
    // tested against those only, and the first that matches still wins.
    private static NameMemo<int[]> ByLocal(CodeRule[] table)
    {
        var byLocal = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < table.Length; i++)
        {
            foreach (var local in table[i].Locals)
            {
                if (!byLocal.TryGetValue(local, out var rules))
                {
                    byLocal[local] = rules = [];
                }

                if (rules.Count == 0 || rules[rules.Count - 1] != i)
                {
                    rules.Add(i);
                }
            }
        }

        var arrays = byLocal.ToDictionary(static e => e.Key, static e => e.Value.ToArray(), StringComparer.Ordinal);
        return new NameMemo<int[]>((_, local) => arrays.TryGetValue(local, out var rules) ? rules : []);
    }

    private static void Walk(XNode node, CodeRule[] table, NameMemo<int[]> byLocal, RuleSyntax syntax, List<ValidationProblem> problems)
    {
        foreach (var child in node.Children)
        {
            if (child.Kind != XNodeKind.Element)
            {
                continue;
            }

            foreach (var i in byLocal.Get(child.NamespaceUri, child.LocalName))
            {
                var rule = table[i];
                if (rule.Context(child))
                {
                    if (!rule.Holds(child))
                    {
                        Add(rule.Id, syntax, child, problems);
                    }

                    break; // first matching rule of the pattern wins
                }
            }

            // BR-CL-08 (UBL): a note may start with #code#, the code from UNTDID 4451 (its own pattern).
            if (syntax == RuleSyntax.Ubl && Is(child, Cbc, "Note") && child.Parent is { Kind: XNodeKind.Element } p && p.Parent?.Kind == XNodeKind.Document && !NoteSubjectHolds(child.StringValue))
            {
                Add("BR-CL-08", syntax, child, problems);
            }

            Walk(child, table, byLocal, syntax, problems);
        }
    }

    private static void Add(string id, RuleSyntax syntax, XNode node, List<ValidationProblem> problems)
    {
        if (!(syntax == RuleSyntax.Cii && RuleTexts.Cii.TryGetValue(id, out var text)) && !RuleTexts.Common.TryGetValue(id, out text))
        {
            throw new InvalidOperationException("no official text for rule " + id);
        }

        problems.Add(new ValidationProblem(id, text.Fatal ? ValidationSeverity.Fatal : ValidationSeverity.Warning, text.Message, node.Path()));
    }

    private static bool NoteSubjectHolds(string note)
    {
        var first = IndexOfHash(note, 0);
        if (first < 0)
        {
            return true;
        }

        var second = IndexOfHash(note, first + 1);
        var code = second < 0 ? string.Empty : note.Substring(first + 1, second - first - 1);
#if NET8_0_OR_GREATER
        return code.Length != 3 || CodeLists.Untdid4451Text.Contains(code, StringComparison.Ordinal);
#else
        return code.Length != 3 || CodeLists.Untdid4451Text.IndexOf(code, StringComparison.Ordinal) >= 0;
#endif
    }

    private static int IndexOfHash(string text, int start)
    {
        for (var k = start; k < text.Length; k++)
        {
            if (text[k] == '#')
            {
                return k;
            }
        }

        return -1;
    }

    private static HashSet<string> Ids(CodeRule[] table, params string[] more)
    {
        var ids = new HashSet<string>(more, StringComparer.Ordinal);
        foreach (var r in table)
        {
            ids.Add(r.Id);
        }

        return ids;
    }

    private static bool Is(XNode n, string ns, string local) => n.LocalName == local && n.NamespaceUri == ns;

    private static bool ParentIs(XNode n, string ns, string local) => n.Parent is { } p && Is(p, ns, local);

    private static bool HasAncestor(XNode n, string ns, string local)
    {
        for (var a = n.Parent; a is not null; a = a.Parent)
        {
            if (Is(a, ns, local))
            {
                return true;
            }
        }

        return false;
    }

    private static XNode? Attribute(XNode n, string name)
    {
        foreach (var a in n.Attributes)
        {
            if (a.LocalName == name && a.NamespaceUri.Length == 0)
            {
                return a;
            }
        }

        return null;
    }

    private static bool Has(XNode n, string name) => Attribute(n, name) is not null;

    private static string RawAttr(XNode n, string name) => Attribute(n, name)?.Value ?? string.Empty;

    private static string Attr(XNode n, string name) => TreeQuery.NormalizeSpace(RawAttr(n, name));

    private static string Text(XNode n) => TreeQuery.NormalizeSpace(n.StringValue);

    private static string? ChildText(XNode n, string ns, string local)
    {
        foreach (var c in n.Children)
        {
            if (c.Kind == XNodeKind.Element && Is(c, ns, local))
            {
                return c.StringValue;
            }
        }

        return null;
    }

    // [cbc:ChargeIndicator = false()]: the untyped value cast to xs:boolean.
    private static bool? UblChargeIndicator(XNode allowanceCharge) => Boolean(ChildText(allowanceCharge, Cbc, "ChargeIndicator"));

    private static bool? CiiChargeIndicator(XNode allowanceCharge)
    {
        foreach (var c in allowanceCharge.Children)
        {
            if (c.Kind == XNodeKind.Element && Is(c, Ram, "ChargeIndicator"))
            {
                return Boolean(ChildText(c, Udt, "Indicator"));
            }
        }

        return null;
    }

    private static bool? Boolean(string? text) => text?.Trim() switch
    {
        "true" or "1" => true,
        "false" or "0" => false,
        _ => null,
    };

    // not(contains(normalize-space(v), ' ')) and contains(' list ', concat(' ', normalize-space(v), ' ')).
    private static bool In(HashSet<string> list, string value) => value.Length > 0 && list.Contains(value);

    private static bool InUpper(HashSet<string> list, string value) => In(list, value.ToUpperInvariant());
}
