using Chorus.Directory.Identifiers;
using Chorus.Invoicing.Validation.Internal.Schematron;
using Chorus.Invoicing.Validation.Internal.XPath;

namespace Chorus.Invoicing.Validation.Internal;

/// <summary>
/// Chorus Pro's own rules (CHORUS-…): the declarative ones in Resources/chorus/Chorus-{UBL,CII}.sch (invoice number
/// length, amount decimals, accepted type codes, identifier schemes), and two that need code: the buyer SIRET's check
/// digits (CHORUS-05, Chorus.Directory's <see cref="Siret"/>) and the directory's requirements on BT-10/BT-13 (CHORUS-07/08).
/// </summary>
internal static class ChorusRules
{
    private static readonly Lazy<SchematronRules> Ubl = new(() => RuleTableLoader.Load("chorus/Chorus-UBL.sch"));
    private static readonly Lazy<SchematronRules> Cii = new(() => RuleTableLoader.Load("chorus/Chorus-CII.sch"));

    public static void Check(XNode root, string syntax, IBuyerDirectory? directory, List<ValidationProblem> problems)
    {
        if (syntax is not ("ubl" or "cii"))
        {
            return;
        }

        RuleTableLoader.AddProblems((syntax == "ubl" ? Ubl : Cii).Value.Run(root.Document), "CHORUS", problems);

        var buyerSiret = BuyerSiret(root, syntax, out var where);
        if (buyerSiret is not null && !Siret.TryParse(buyerSiret, out _))
        {
            problems.Add(new ValidationProblem("CHORUS-05", ValidationSeverity.Fatal, $"[CHORUS-05]-The buyer SIRET (scheme 0009) '{buyerSiret}' is not a valid SIRET (14 digits with a valid check digit).", where!));
        }

        if (directory is null || buyerSiret is null || !Siret.TryParse(buyerSiret, out var siret) || directory.Find(siret.ToString()) is not { } requirements)
        {
            return;
        }

        var serviceCode = syntax == "ubl"
            ? RuleTableLoader.Text(root, "BuyerReference")
            : RuleTableLoader.Text(root, "SupplyChainTradeTransaction", "ApplicableHeaderTradeAgreement", "BuyerReference");
        var engagement = syntax == "ubl"
            ? RuleTableLoader.Text(root, "OrderReference", "ID")
            : RuleTableLoader.Text(root, "SupplyChainTradeTransaction", "ApplicableHeaderTradeAgreement", "BuyerOrderReferencedDocument", "IssuerAssignedID");
        if (requirements.ServiceCodeRequired && serviceCode is null)
        {
            problems.Add(new ValidationProblem("CHORUS-07", ValidationSeverity.Fatal, $"[CHORUS-07]-The public-entity directory says structure {siret} requires a code service: the buyer reference (BT-10) is missing.", root.Path()));
        }

        if (requirements.EngagementRequired && engagement is null)
        {
            problems.Add(new ValidationProblem("CHORUS-08", ValidationSeverity.Fatal, $"[CHORUS-08]-The public-entity directory says structure {siret} requires an engagement number: the purchase order reference (BT-13) is missing.", root.Path()));
        }
    }

    private static string? BuyerSiret(XNode root, string syntax, out string? where)
    {
        where = null;
        var party = syntax == "ubl"
            ? DocumentKind.Path(root, "AccountingCustomerParty", "Party")
            : DocumentKind.Path(root, "SupplyChainTradeTransaction", "ApplicableHeaderTradeAgreement", "BuyerTradeParty");
        if (party is null)
        {
            return null;
        }

        foreach (var id in Descendants(party))
        {
            if (id.LocalName is "CompanyID" or "ID" && id.Attributes.Any(static a => a.LocalName == "schemeID" && a.Value?.Trim() == "0009"))
            {
                where = id.Path();
                return id.StringValue.Trim();
            }
        }

        return null;
    }

    private static IEnumerable<XNode> Descendants(XNode node)
    {
        foreach (var c in node.Children)
        {
            if (c.Kind != XNodeKind.Element)
            {
                continue;
            }

            yield return c;
            foreach (var d in Descendants(c))
            {
                yield return d;
            }
        }
    }
}
