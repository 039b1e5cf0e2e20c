using Chorus.Invoicing.Validation.Internal.Tree;
using Chorus.Invoicing.Validation.Rules.Tree;

namespace Chorus.Invoicing.Validation.Rules.Ubl;

// The building blocks of the tests, with XPath's meaning: general comparisons are existential over the nodes a path
// selects, string values are compared as strings (untyped against a string literal), upper-case of nothing is "".
// The tables call the factories while the class initializes: they use no static field of this class (fields of other
// files may not be initialized yet); the predicates they return read fields only when run.
internal static partial class UblConditionalRules
{
    private static readonly ElementPath DocumentTypeCode = ElementPath.Of("cbc:DocumentTypeCode");
    private static readonly ElementPath IdSchemeId = ElementPath.Of("cbc:ID/@schemeID");
    private static readonly ElementPath AdditionalDocumentReference = ElementPath.Of("cac:AdditionalDocumentReference");
    private static readonly ElementPath PayeeName = ElementPath.Of("cac:PartyName/cbc:Name");
    private static readonly ElementPath SellerRegistrationName = ElementPath.Of("cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity/cbc:RegistrationName");
    private static readonly ElementPath PayeeIdentifier = ElementPath.Of("cac:PartyIdentification/cbc:ID");

    // upper-case(value) = upper: XPath's upper-case is the invariant upper-casing (of "" for nothing), then an ordinal comparison.
    private static bool UpperCaseIs(string? value, string upper)
    {
        var u = (value ?? string.Empty).ToUpperInvariant();
        return u == upper;
    }

    private static bool Is(XNode n, string ns, string local) => n.Kind == XNodeKind.Element && n.LocalName == local && n.NamespaceUri == ns;

    // not(path)
    private static Func<XNode, bool> Absent(string path)
    {
        var p = ElementPath.Of(path);
        return n => !n.Exists(p);
    }

    // exists(path)
    private static Func<XNode, bool> Present(string path)
    {
        var p = ElementPath.Of(path);
        return n => n.Exists(p);
    }

    // count(path) <= max
    private static Func<XNode, bool> AtMost(string path, int max)
    {
        var p = ElementPath.Of(path);
        return n => n.Count(p) <= max;
    }

    // count(path) = count
    private static Func<XNode, bool> Exactly(string path, int count)
    {
        var p = ElementPath.Of(path);
        return n => n.Count(p) == count;
    }

    // not(path) or path = value: absent, or some occurrence has the value.
    private static Func<XNode, bool> NoneOrSome(string path, Func<string, bool> value)
    {
        var p = ElementPath.Of(path);
        return n =>
        {
            var any = false;
            foreach (var v in n.Values(p))
            {
                if (value(v))
                {
                    return true;
                }

                any = true;
            }

            return !any;
        };
    }

    private static Func<XNode, bool> Either(Func<XNode, bool> a, Func<XNode, bool> b) => n => a(n) || b(n);

    private static Func<XNode, bool> Both(Func<XNode, bool> a, Func<XNode, bool> b) => n => a(n) && b(n);

    // ../cn:CreditNote from the document element: the document element is a credit note.
    private static bool IsCreditNote(XNode root) => Is(root, CreditNoteNs, "CreditNote");

    // cbc:DocumentTypeCode = / != 'x': some type code of the reference satisfies the comparison.
    private static bool TypeCodes(XNode reference, Func<string, bool> test)
    {
        foreach (var c in reference.Elements(Ns.Cbc, "DocumentTypeCode"))
        {
            if (test(c.StringValue))
            {
                return true;
            }
        }

        return false;
    }

    // UBL-SR-04: count(cac:AdditionalDocumentReference[cbc:DocumentTypeCode='130']/cbc:ID) <= 1
    private static bool InvoicedObjectIdsAtMostOne(XNode root)
    {
        var ids = 0;
        foreach (var reference in root.Select(AdditionalDocumentReference))
        {
            if (TypeCodes(reference, static c => c == "130"))
            {
                foreach (var _ in reference.Elements(Ns.Cbc, "ID"))
                {
                    ids++;
                }
            }
        }

        return ids <= 1;
    }

    // UBL-SR-43: (cbc:DocumentTypeCode='130') or ((local-name(/*) = 'CreditNote') and (cbc:DocumentTypeCode='50'))
    //            or (not(cbc:ID/@schemeID) and not(cbc:DocumentTypeCode))
    private static bool SchemeOnlyForInvoicedObject(XNode reference) =>
        TypeCodes(reference, static c => c == "130")
        || (reference.DocumentElement()?.LocalName == "CreditNote" && TypeCodes(reference, static c => c == "50"))
        || (!reference.Exists(IdSchemeId) && !reference.Exists(DocumentTypeCode));

    // UBL-SR-12/13/18: count(<party>/cac:PartyTaxScheme[cac:TaxScheme/upper-case(cbc:ID) = 'VAT' (or != 'VAT')]/cbc:CompanyID) <= 1.
    // Both predicates are existential over the tax schemes: a party tax scheme without one counts for neither.
    private static Func<XNode, bool> TaxIdsAtMostOne(string party, bool vat)
    {
        var schemes = ElementPath.Of(party + "/cac:PartyTaxScheme");
        return root =>
        {
            var ids = 0;
            foreach (var partyTaxScheme in root.Select(schemes))
            {
                if (SomeTaxScheme(partyTaxScheme, vat))
                {
                    foreach (var _ in partyTaxScheme.Elements(Ns.Cbc, "CompanyID"))
                    {
                        ids++;
                    }
                }
            }

            return ids <= 1;
        };
    }

    // cac:TaxScheme/upper-case(cbc:ID) = 'VAT' (vat) or != 'VAT' (!vat), evaluated over every tax scheme as XPath does:
    // upper-case of two cbc:ID is a type error, whichever scheme comes first.
    private static bool SomeTaxScheme(XNode partyTaxScheme, bool vat)
    {
        var found = false;
        foreach (var scheme in partyTaxScheme.Elements(Ns.Cac, "TaxScheme"))
        {
            string? id = null;
            foreach (var e in scheme.Elements(Ns.Cbc, "ID"))
            {
                if (id is not null)
                {
                    throw new RuleTestException(SequenceError);
                }

                id = e.StringValue;
            }

            found |= UpperCaseIs(id, "VAT") == vat;
        }

        return found;
    }

    // UBL-DT-01's context: a name ending in Amount but not PriceAmount, not below a price that has an allowance
    // (ancestor::cac:Price/cac:AllowanceCharge: any Price ancestor with an AllowanceCharge child, wherever the node is).
    private static bool IsAmount(XNode n)
    {
        if (!n.LocalName.EndsWith("Amount", StringComparison.Ordinal) || n.LocalName.EndsWith("PriceAmount", StringComparison.Ordinal))
        {
            return false;
        }

        for (var a = n.Parent; a is not null && a.Kind == XNodeKind.Element; a = a.Parent)
        {
            if (Is(a, Ns.Cac, "Price") && a.Element(Ns.Cac, "AllowanceCharge") is not null)
            {
                return false;
            }
        }

        return true;
    }

    // string-length(substring-after(value, '.')): code points after the first full stop (0 without one).
    private static int FractionLength(string value)
    {
        var dot = TreeQuery.IndexOf(value, '.');
        if (dot < 0)
        {
            return 0;
        }

        var n = 0;
        for (var i = dot + 1; i < value.Length; i++)
        {
            if (!char.IsLowSurrogate(value[i]))
            {
                n++;
            }
        }

        return n;
    }

    // (cac:PartyName/cbc:Name) != (../cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity/cbc:RegistrationName):
    // true when some payee name differs from some seller name, so false when either side is missing.
    private static bool PayeeNameDiffersFromSeller(XNode payee)
    {
        if (payee.Parent is not { } parent)
        {
            return false;
        }

        foreach (var name in payee.Values(PayeeName))
        {
            foreach (var seller in parent.Values(SellerRegistrationName))
            {
                if (name != seller)
                {
                    return true;
                }
            }
        }

        return false;
    }

    // UBL-SR-20: count(cac:PartyIdentification/cbc:ID[upper-case(@schemeID) != 'SEPA']) <= 1 (no scheme counts: "" != 'SEPA').
    private static bool PayeeIdsAtMostOne(XNode payee)
    {
        var ids = 0;
        foreach (var id in payee.Select(PayeeIdentifier))
        {
            if (!UpperCaseIs(id.Attr("schemeID"), "SEPA"))
            {
                ids++;
            }
        }

        return ids <= 1;
    }
}
