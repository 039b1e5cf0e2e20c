using Chorus.Invoicing.Validation.Internal.Tree;
using Chorus.Invoicing.Validation.Rules.Tree;

namespace Chorus.Invoicing.Validation.Rules.ExtendedCtcFr;

/// <summary>
/// The rules of the French EXTENDED-CTC-FR profile (BT-24 <c>urn.cpro.gouv.fr:1p0:extended-ctc-fr</c>), CII and UBL, as
/// the official stylesheets <c>EXTENDED-CTC-FR-{CII,UBL}.xslt</c> state them, native.
/// </summary>
/// <remarks>
/// Those stylesheets are the EN 16931 v1.3.16 artefacts edited for the profile: most assertions are kept word for word
/// (672 of 747 in CII, 885 of 953 in UBL), some are dropped (sub-lines, multi-rate and logistics charges make BR-CO-10…15,
/// BR-S-08… and the EXTENDED syntax restrictions wrong for the profile), and new ones take their place (BR-FREXT-*,
/// BR-FXEXT-*, CII-FREXT-*, UBL-FREXT-*). So the profile runs our EN 16931 rules, keeps what the profile keeps, and adds its
/// own rules (<see cref="ExtendedCtcFrCii"/>, <see cref="ExtendedCtcFrUbl"/>). Two places where an edit changes which rule
/// of a pattern sees a node (first match wins) are mirrored too: see <see cref="Keep"/>.
/// </remarks>
internal static class ExtendedCtcFrRules
{
    /// <summary>The profile name <c>DocumentKind.ProfileOf</c> gives.</summary>
    public const string Profile = "EXTENDED-CTC-FR";

    // EN 16931 ids that the profile's stylesheets no longer carry (CII-SR-454 is replaced by a version of its own).
    private static readonly HashSet<string> DroppedCii = new(StringComparer.Ordinal)
    {
        "BR-22", "BR-23", "BR-24", "BR-26", "BR-27", "BR-28", "BR-38", "BR-44", "BR-54", "BR-AE-01", "BR-AE-08",
        "BR-AF-01", "BR-AF-08", "BR-AF-10", "BR-AG-01", "BR-AG-08", "BR-AG-10", "BR-CL-07", "BR-CL-10", "BR-CL-20",
        "BR-CL-24", "BR-CO-04", "BR-CO-10", "BR-CO-11", "BR-CO-12", "BR-CO-13", "BR-CO-15", "BR-CO-17", "BR-CO-22",
        "BR-CO-24", "BR-E-01", "BR-E-08", "BR-G-01", "BR-G-08", "BR-IC-01", "BR-IC-08", "BR-O-01", "BR-O-02",
        "BR-O-03", "BR-O-04", "BR-O-08", "BR-O-09", "BR-O-10", "BR-O-11", "BR-O-12", "BR-O-13", "BR-O-14", "BR-S-01",
        "BR-S-08", "BR-S-09", "BR-S-10", "BR-Z-01", "BR-Z-08", "BR-Z-10", "CII-DT-018", "CII-DT-024", "CII-DT-027",
        "CII-DT-052", "CII-DT-058", "CII-DT-098", "CII-SR-039", "CII-SR-040", "CII-SR-041", "CII-SR-068",
        "CII-SR-070", "CII-SR-106", "CII-SR-107", "CII-SR-108", "CII-SR-127", "CII-SR-128", "CII-SR-148",
        "CII-SR-156", "CII-SR-164", "CII-SR-170", "CII-SR-173", "CII-SR-174", "CII-SR-175", "CII-SR-200",
        "CII-SR-201", "CII-SR-210", "CII-SR-278", "CII-SR-293", "CII-SR-305", "CII-SR-333", "CII-SR-334",
        "CII-SR-350", "CII-SR-351", "CII-SR-352", "CII-SR-353", "CII-SR-354", "CII-SR-355", "CII-SR-356",
        "CII-SR-357", "CII-SR-358", "CII-SR-359", "CII-SR-360", "CII-SR-361", "CII-SR-362", "CII-SR-363",
        "CII-SR-365", "CII-SR-366", "CII-SR-422", "CII-SR-439", "CII-SR-454", "CII-SR-458", "CII-SR-464",
        "CII-SR-467", "CII-SR-468", "CII-SR-469", "CII-SR-470", "CII-SR-471", "CII-SR-472", "CII-SR-473",
        "CII-SR-474", "CII-SR-475", "CII-SR-476", "CII-SR-477", "CII-SR-478", "CII-SR-479", "CII-SR-480",
        "CII-SR-481", "CII-SR-482", "CII-SR-483", "CII-SR-484", "CII-SR-485", "CII-SR-486", "CII-SR-487",
        "CII-SR-488", "CII-SR-489", "CII-SR-490", "CII-SR-491", "CII-SR-492", "CII-SR-493", "CII-SR-494",
    };

    private static readonly HashSet<string> DroppedUbl = new(StringComparer.Ordinal)
    {
        "BR-22", "BR-23", "BR-24", "BR-26", "BR-27", "BR-28", "BR-54", "BR-AE-08", "BR-AF-01", "BR-AF-08", "BR-AG-08",
        "BR-CL-20", "BR-CL-24", "BR-CO-04", "BR-CO-10", "BR-CO-11", "BR-CO-12", "BR-CO-13", "BR-CO-15", "BR-CO-17",
        "BR-E-01", "BR-E-08", "BR-G-01", "BR-G-08", "BR-IC-01", "BR-IC-08", "BR-O-01", "BR-O-02", "BR-O-03",
        "BR-O-04", "BR-O-08", "BR-O-11", "BR-O-12", "BR-O-13", "BR-O-14", "BR-S-01", "BR-S-08", "BR-S-09", "BR-S-10",
        "BR-Z-01", "BR-Z-08", "BR-Z-10", "UBL-CR-018", "UBL-CR-026", "UBL-CR-047", "UBL-CR-096", "UBL-CR-099",
        "UBL-CR-194", "UBL-CR-195", "UBL-CR-258", "UBL-CR-259", "UBL-CR-269", "UBL-CR-270", "UBL-CR-271",
        "UBL-CR-272", "UBL-CR-273", "UBL-CR-274", "UBL-CR-288", "UBL-CR-410", "UBL-CR-439", "UBL-CR-480",
        "UBL-CR-481", "UBL-CR-490", "UBL-CR-523", "UBL-CR-524", "UBL-CR-525", "UBL-CR-528", "UBL-CR-529",
        "UBL-CR-530", "UBL-CR-531", "UBL-CR-550", "UBL-CR-561", "UBL-CR-563", "UBL-CR-600", "UBL-CR-601",
        "UBL-CR-609", "UBL-CR-611", "UBL-CR-619", "UBL-CR-633", "UBL-CR-634", "UBL-CR-645", "UBL-CR-662",
        "UBL-CR-669", "UBL-CR-670", "UBL-SR-04", "UBL-SR-16", "UBL-SR-20", "UBL-SR-34", "UBL-SR-37", "UBL-SR-48",
        "UBL-SR-52",
    };

    // CII: the profile puts per-category contexts on the header VAT breakdown (ApplicableTradeTax[CategoryCode='S']
    // [upper-case(TypeCode)='VAT'], BR-FXEXT-S-08…) ahead of the generic one in the same pattern, so for those breakdowns
    // the generic rule's assertions (and BR-AF-09/BR-AG-09, whose contexts are the same nodes) are never reached.
    private static readonly HashSet<string> ShadowedOnHeaderBreakdowns = new(StringComparer.Ordinal)
    {
        "BR-45", "BR-46", "BR-47", "BR-48", "BR-CO-03", "BR-DEC-19", "BR-DEC-20", "BR-AF-09", "BR-AG-09",
    };

    private static readonly string[] ShadowingCategories = ["AE", "L", "M", "E", "G", "K", "O", "S", "Z"];

    // UBL: BR-55, UBL-SR-06 and UBL-SR-07 look at the document's cac:BillingReference only (the EN 16931 context
    // cac:BillingReference also matched the line-level one that the profile uses for sub-line references).
    private static readonly HashSet<string> DocumentLevelBillingReference = new(StringComparer.Ordinal) { "BR-55", "UBL-SR-06", "UBL-SR-07" };

    private static readonly ElementPath HeaderBreakdowns = ElementPath.Of("rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/ram:ApplicableTradeTax");
    private static readonly ElementPath CategoryCode = ElementPath.Of("ram:CategoryCode");
    private static readonly ElementPath TypeCode = ElementPath.Of("ram:TypeCode");
    private static readonly ElementPath BillingReference = ElementPath.Of("cac:BillingReference");

    /// <summary>
    /// Checks a UBL or CII document against the profile: the EN 16931 rules it keeps (unless <paramref name="en16931Ran"/>:
    /// the caller has reported every EN 16931 rule already) and its own.
    /// </summary>
    public static void Check(ArraySegment<byte> xml, XNode document, string syntax, bool en16931Ran, List<ValidationProblem> problems)
    {
        if (syntax is not ("ubl" or "cii"))
        {
            return;
        }

        if (!en16931Ran)
        {
            var en = new List<ValidationProblem>();
            NativeEn16931.Check(xml, document, syntax, en);
            var keep = Keep(document, syntax);
            foreach (var p in en)
            {
                if (keep(p))
                {
                    problems.Add(p);
                }
            }
        }

        if (syntax == "cii")
        {
            ExtendedCtcFrCii.Run(document, problems);
        }
        else
        {
            ExtendedCtcFrUbl.Run(document, problems);
        }
    }

    /// <summary>The EN 16931 ids the profile drops, per syntax ("ubl" or "cii").</summary>
    public static IReadOnlyCollection<string> DroppedIds(string syntax) => syntax == "cii" ? DroppedCii : DroppedUbl;

    /// <summary>Whether an EN 16931 problem is one the profile's stylesheet reports too.</summary>
    private static Func<ValidationProblem, bool> Keep(XNode document, string syntax)
    {
        var root = document.DocumentElement();
        if (syntax == "cii")
        {
            var shadowed = new HashSet<string>(StringComparer.Ordinal);
            if (root is not null)
            {
                foreach (var tax in root.Select(HeaderBreakdowns))
                {
                    if (IsPerCategoryContext(tax))
                    {
                        shadowed.Add(Comparable(tax.Path()));
                    }
                }
            }

            return p => p.Rule == "CHORUS-MODEL" || (!DroppedCii.Contains(p.Rule) && !(ShadowedOnHeaderBreakdowns.Contains(p.Rule) && shadowed.Contains(Comparable(p.Location))));
        }

        var documentLevel = new HashSet<string>(StringComparer.Ordinal);
        if (root is not null)
        {
            foreach (var reference in root.Select(BillingReference))
            {
                documentLevel.Add(Comparable(reference.Path()));
            }
        }

        return p => p.Rule == "CHORUS-MODEL" || (!DroppedUbl.Contains(p.Rule) && !(DocumentLevelBillingReference.Contains(p.Rule) && !documentLevel.Contains(Comparable(p.Location))));
    }

    // The model rules write every step's position ([1] included), the tree only where there are siblings of the name:
    // without "[1]" both name a node the same way.
    private static string Comparable(string location) => string.Concat(location.Split(FirstPosition, StringSplitOptions.None));

    private static readonly string[] FirstPosition = ["[1]"];

    // ram:CategoryCode = 'X' for one of the nine codes (a general comparison: any CategoryCode child, untrimmed) and
    // upper-case(ram:TypeCode) = 'VAT' (a single TypeCode; several would be an XPath error, so no match).
    private static bool IsPerCategoryContext(XNode tax)
    {
        var hasCategory = false;
        foreach (var code in tax.Values(CategoryCode))
        {
            if (Array.IndexOf(ShadowingCategories, code) >= 0)
            {
                hasCategory = true;
                break;
            }
        }

        if (!hasCategory)
        {
            return false;
        }

        var types = tax.Values(TypeCode).ToList();
        return types.Count == 1 && string.Equals(types[0].ToUpperInvariant(), "VAT", StringComparison.Ordinal);
    }
}
