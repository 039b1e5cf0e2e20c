using Chorus.Directory.Identifiers;
using Chorus.Invoicing.Validation.Internal.Tree;
using Chorus.Invoicing.Validation.Rules.Tree;

namespace Chorus.Invoicing.Validation.Internal;

/// <summary>
/// Chorus Pro's own rules (CHORUS-…, our ids, never an official prefix): invoice number length, amount decimals,
/// accepted type codes and identifier schemes; the buyer SIRET's check digits (CHORUS-05, Chorus.Directory's
/// <see cref="Siret"/>); and the directory's requirements on BT-10/BT-13 (CHORUS-07/08).
/// </summary>
internal static class ChorusRules
{
    private const string Cn = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2";

    private const string Rule01 = "[CHORUS-01]-Chorus Pro accepts an invoice number (BT-1) of at most 20 characters.";
    private const string Rule02 = "[CHORUS-02]-Chorus Pro accepts amounts with at most 2 decimals (unit prices excepted).";
    private const string Rule03 = "[CHORUS-03]-Chorus Pro accepts the invoice type codes (BT-3) 380 (invoice), 381 (credit note), 384 (corrective invoice), 386 (prepayment invoice) and 389 (self-billed invoice).";
    private const string Rule04 = "[CHORUS-04]-A public buyer is identified on Chorus Pro by its SIRET: the buyer identifier (BT-46 or BT-47) shall use scheme 0009.";
    private const string Rule06 = "[CHORUS-06]-A French supplier is identified on Chorus Pro by its SIREN (scheme 0002) or SIRET (scheme 0009) (BT-29 or BT-30).";

    // Where each syntax keeps the facts the rules read (BT-1, BT-3, the buyer's and seller's identifiers, BT-10, BT-13).
    private static readonly Binding UblBinding = new(
        InvoiceNumber: ElementPath.Of("cbc:ID"),
        TypeCodes: [ElementPath.Of("cbc:InvoiceTypeCode"), ElementPath.Of("cbc:CreditNoteTypeCode")],
        Buyer: ElementPath.Of("cac:AccountingCustomerParty/cac:Party"),
        Seller: ElementPath.Of("cac:AccountingSupplierParty/cac:Party"),
        PartyIds: [ElementPath.Of("cac:PartyLegalEntity/cbc:CompanyID"), ElementPath.Of("cac:PartyIdentification/cbc:ID")],
        ServiceCode: ElementPath.Of("cbc:BuyerReference"),
        Engagement: ElementPath.Of("cac:OrderReference/cbc:ID"));

    private static readonly Binding CiiBinding = new(
        InvoiceNumber: ElementPath.Of("rsm:ExchangedDocument/ram:ID"),
        TypeCodes: [ElementPath.Of("rsm:ExchangedDocument/ram:TypeCode")],
        Buyer: ElementPath.Of("rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/ram:BuyerTradeParty"),
        Seller: ElementPath.Of("rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/ram:SellerTradeParty"),
        PartyIds: [ElementPath.Of("ram:SpecifiedLegalOrganization/ram:ID"), ElementPath.Of("ram:GlobalID")],
        ServiceCode: ElementPath.Of("rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/ram:BuyerReference"),
        Engagement: ElementPath.Of("rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/ram:BuyerOrderReferencedDocument/ram:IssuerAssignedID"));

    private static readonly string[] AcceptedTypeCodes = ["380", "381", "384", "386", "389"];

    public static void Check(XNode root, string syntax, IBuyerDirectory? directory, List<ValidationProblem> problems)
    {
        if (syntax is not ("ubl" or "cii"))
        {
            return;
        }

        var ubl = syntax == "ubl";
        var binding = ubl ? UblBinding : CiiBinding;
        if (ubl ? (root.NamespaceUri == Ns.UblInvoice && root.LocalName == "Invoice") || (root.NamespaceUri == Cn && root.LocalName == "CreditNote")
                : root.NamespaceUri == Ns.Rsm && root.LocalName == "CrossIndustryInvoice")
        {
            CheckDocument(root, binding, problems);
        }

        CheckAmounts(root, ubl, problems);

        var buyerSiret = BuyerSiret(root, binding, out var where);
        if (buyerSiret is not null && !Siret.TryParse(buyerSiret, out _))
        {
            problems.Add(new ValidationProblem("CHORUS-05", ValidationSeverity.Fatal, $"[CHORUS-05]-The buyer SIRET (scheme 0009) '{buyerSiret}' is not a valid SIRET (14 digits with a valid check digit).", where!));
        }

        if (directory is null || buyerSiret is null || !Siret.TryParse(buyerSiret, out var siret) || directory.Find(siret.ToString()) is not { } requirements)
        {
            return;
        }

        if (requirements.ServiceCodeRequired && Trimmed(root.Value(binding.ServiceCode)) is null)
        {
            problems.Add(new ValidationProblem("CHORUS-07", ValidationSeverity.Fatal, $"[CHORUS-07]-The public-entity directory says structure {siret} requires a code service: the buyer reference (BT-10) is missing.", root.Path()));
        }

        if (requirements.EngagementRequired && Trimmed(root.Value(binding.Engagement)) is null)
        {
            problems.Add(new ValidationProblem("CHORUS-08", ValidationSeverity.Fatal, $"[CHORUS-08]-The public-entity directory says structure {siret} requires an engagement number: the purchase order reference (BT-13) is missing.", root.Path()));
        }
    }

    private static void CheckDocument(XNode root, Binding binding, List<ValidationProblem> problems)
    {
        // Length in characters after normalize-space, as Chorus Pro counts the number it displays.
        if (TreeQuery.NormalizeSpace(root.Value(binding.InvoiceNumber)).Length > 20)
        {
            problems.Report("CHORUS-01", fatal: true, Rule01, root);
        }

        foreach (var path in binding.TypeCodes)
        {
            if (root.Value(path) is { } code && Array.IndexOf(AcceptedTypeCodes, TreeQuery.NormalizeSpace(code)) < 0)
            {
                problems.Report("CHORUS-03", fatal: true, Rule03, root);
                break;
            }
        }

        if (!HasScheme(root.First(binding.Buyer), binding, "0009", null))
        {
            problems.Report("CHORUS-04", fatal: true, Rule04, root);
        }

        if (!HasScheme(root.First(binding.Seller), binding, "0002", "0009"))
        {
            problems.Report("CHORUS-06", fatal: false, Rule06, root);
        }
    }

    // Every amount outside unit prices: UBL, an element with a currencyID other than the price amount of a cac:Price;
    // CII, a ram:…Amount element outside the gross and net prices.
    private static void CheckAmounts(XNode node, bool ubl, List<ValidationProblem> problems)
    {
        foreach (var c in node.Children)
        {
            if (c.Kind != XNodeKind.Element)
            {
                continue;
            }

            if (ubl)
            {
                if (c.Attr("currencyID") is not null && !(c.LocalName == "PriceAmount" && c.NamespaceUri == Ns.Cbc) && !(node.LocalName == "Price" && node.NamespaceUri == Ns.Cac))
                {
                    CheckDecimals(c, problems);
                }
            }
            else
            {
                if (c.NamespaceUri == Ns.Ram && c.LocalName is "GrossPriceProductTradePrice" or "NetPriceProductTradePrice")
                {
                    continue;
                }

                if (c.NamespaceUri == Ns.Ram && c.LocalName.EndsWith("Amount", StringComparison.Ordinal))
                {
                    CheckDecimals(c, problems);
                }
            }

            CheckAmounts(c, ubl, problems);
        }
    }

    private static void CheckDecimals(XNode amount, List<ValidationProblem> problems)
    {
        var text = TreeQuery.NormalizeSpace(amount.StringValue);
        var point = TreeQuery.IndexOf(text, '.');
        if (point >= 0 && text.Length - point - 1 > 2)
        {
            problems.Report("CHORUS-02", fatal: true, Rule02, amount);
        }
    }

    private static bool HasScheme(XNode? party, Binding binding, string scheme, string? otherScheme)
    {
        if (party is null)
        {
            return false;
        }

        foreach (var path in binding.PartyIds)
        {
            foreach (var id in party.Select(path))
            {
                if (id.Attr("schemeID") is { } s && (s == scheme || s == otherScheme))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // The first identifier with scheme 0009 anywhere in the buyer party, in document order.
    private static string? BuyerSiret(XNode root, Binding binding, out string? where)
    {
        where = null;
        if (root.First(binding.Buyer) is not { } party)
        {
            return null;
        }

        foreach (var id in AllElements(party))
        {
            if (id.LocalName is "CompanyID" or "ID" && id.Attr("schemeID")?.Trim() == "0009")
            {
                where = id.Path();
                return id.StringValue.Trim();
            }
        }

        return null;
    }

    private static IEnumerable<XNode> AllElements(XNode node)
    {
        foreach (var c in node.Children)
        {
            if (c.Kind != XNodeKind.Element)
            {
                continue;
            }

            yield return c;
            foreach (var d in AllElements(c))
            {
                yield return d;
            }
        }
    }

    private static string? Trimmed(string? value) => value?.Trim() is { Length: > 0 } v ? v : null;

    private sealed record Binding(ElementPath InvoiceNumber, ElementPath[] TypeCodes, ElementPath Buyer, ElementPath Seller, ElementPath[] PartyIds, ElementPath ServiceCode, ElementPath Engagement);
}
