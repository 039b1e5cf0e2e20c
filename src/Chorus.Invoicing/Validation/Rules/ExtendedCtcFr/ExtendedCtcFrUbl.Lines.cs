using Chorus.Invoicing.Validation.Internal.Tree;
using Chorus.Invoicing.Validation.Rules.FacturX;
using Chorus.Invoicing.Validation.Rules.Tree;

namespace Chorus.Invoicing.Validation.Rules.ExtendedCtcFr;

/// <summary>
/// Sub-lines: a UBL line refers to its parent line through a cac:BillingReference to the invoice itself
/// (InvoiceDocumentReference/cbc:ID = BT-1, cbc:DocumentStatusCode = the sub-line code GROUP, DETAIL or INFORMATION,
/// BillingReferenceLine/cbc:ID = the parent line's id). Only DETAIL lines (and lines without a code) are invoiced amounts.
/// </summary>
internal static partial class ExtendedCtcFrUbl
{
    private static readonly HashSet<string> SublineCodes = UblX.List("DETAIL GROUP INFORMATION");

    /// <summary>The variables of the M14 line rule (and M11's $lineInCalul), computed once per line: ten assertions use them.</summary>
    private sealed class SubLine
    {
        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<XNode, SubLine> Cache = new();

        private SubLine(XNode line)
        {
            Line = line;
            InvoiceIds = UblX.InvoiceIds(line);
            LineIds = new HashSet<string>(line.Cbc("ID").Select(static i => i.StringValue), StringComparer.Ordinal);
            IsSublineCode = UblX.OwnStatusCodes(line, InvoiceIds).Any();
            ParentIdNodes = ParentIdNodesOf(line).ToList();
            ParentIds = new HashSet<string>(ParentIdNodes.Select(static i => i.StringValue), StringComparer.Ordinal);

            // cac:BillingReference/cac:InvoiceDocumentReference[cbc:ID = $invoiceID]/cbc:DocumentStatusCode = 'GROUP'
            IsGroup = line.Cac("BillingReference").SelectMany(static r => r.Cac("InvoiceDocumentReference"))
                    .Where(d => d.Cbc("ID").Any(i => InvoiceIds.Contains(i.StringValue)))
                    .SelectMany(static d => d.Cbc("DocumentStatusCode")).Any(static c => c.StringValue == "GROUP")
                && line.HasCbc("LineExtensionAmount");
            Counted = UblX.CountsInTotals(line, InvoiceIds);
        }

        public static SubLine Of(XNode line) => Cache.GetValue(line, static l => new SubLine(l));

        /// <summary>M11's <c>$lineInCalul</c>: the line counts in the totals.</summary>
        public bool Counted { get; }

        public XNode Line { get; }

        public HashSet<string> InvoiceIds { get; }

        public HashSet<string> LineIds { get; }

        public bool IsSublineCode { get; }

        public HashSet<string> ParentIds { get; }

        /// <summary><c>$parentID</c>: the parent line ids of the line's references to this invoice.</summary>
        public List<XNode> ParentIdNodes { get; }

        public bool IsGroup { get; }

        /// <summary>The sibling lines whose parent is this line, with one of the sub-line codes, in document order.</summary>
        public IEnumerable<XNode> Children(params string[] codes)
        {
            var siblings = Siblings.Of(Line.Parent!);
            var children = new HashSet<XNode>(LineIds.SelectMany(siblings.WithParent)).ToList();
            children.Sort(static (a, b) => a.Order.CompareTo(b.Order));
            return children.Where(l => UblX.OwnStatusCodes(l, InvoiceIds).Any(c => Array.IndexOf(codes, c.StringValue) >= 0));
        }

        private IEnumerable<XNode> ParentIdNodesOf(XNode line) => ParentIdNodes(line, InvoiceIds);
    }

    // $parentID of a line: cac:BillingReference[cac:InvoiceDocumentReference/cbc:ID = $invoiceID]/cac:BillingReferenceLine/cbc:ID.
    private static IEnumerable<XNode> ParentIdNodes(XNode line, HashSet<string> invoiceIds) =>
        UblX.OwnReferences(line, invoiceIds).SelectMany(static r => r.Cac("BillingReferenceLine")).SelectMany(static b => b.Cbc("ID"));

    /// <summary>
    /// The lines of one parent element indexed by their ids and by the parent line ids they refer to, built once per
    /// document (the sibling look-ups of BR-FREXT-08, 11 and 12 would otherwise scan every line for every sub-line).
    /// </summary>
    private sealed class Siblings
    {
        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<XNode, Siblings> Cache = new();
        private static readonly List<XNode> None = [];

        private readonly Dictionary<string, List<XNode>> byId = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<XNode>> byParentId = new(StringComparer.Ordinal);

        private Siblings(XNode parent)
        {
            var invoiceIds = UblX.InvoiceIds(parent);
            foreach (var line in UblX.LinesOf(parent))
            {
                foreach (var id in line.Cbc("ID"))
                {
                    Add(byId, id.StringValue, line);
                }

                foreach (var id in ParentIdNodes(line, invoiceIds))
                {
                    Add(byParentId, id.StringValue, line);
                }
            }
        }

        public static Siblings Of(XNode parent) => Cache.GetValue(parent, static p => new Siblings(p));

        /// <summary>The lines with this id (<c>(../cac:InvoiceLine|../cac:CreditNoteLine)[cbc:ID = $id]</c>).</summary>
        public List<XNode> WithId(string id) => byId.TryGetValue(id, out var lines) ? lines : None;

        /// <summary>The lines whose parent line id (in a reference to this invoice) is this one.</summary>
        public List<XNode> WithParent(string id) => byParentId.TryGetValue(id, out var lines) ? lines : None;

        private static void Add(Dictionary<string, List<XNode>> index, string key, XNode line)
        {
            if (!index.TryGetValue(key, out var lines))
            {
                index[key] = lines = [];
            }

            if (lines.Count == 0 || !ReferenceEquals(lines[lines.Count - 1], line))
            {
                lines.Add(line);
            }
        }
    }

    // BR-FREXT-05: a line's sub-line code is one of GROUP, DETAIL, INFORMATION (normalize-space of every reference's code).
    private static bool SublineCodeKnown(XNode line) =>
        !SubLine.Of(line).IsSublineCode
        || UblX.InList(SublineCodes, UblX.Normalized(line.Cac("BillingReference").SelectMany(static r => r.Cac("InvoiceDocumentReference")).SelectMany(static d => d.Cbc("DocumentStatusCode"))));

    // BR-FREXT-06: a line with a parent line states its sub-line code.
    private static bool ParentedLineHasCode(XNode line)
    {
        var s = SubLine.Of(line);
        return s.ParentIds.Count == 0 || s.IsSublineCode;
    }

    // BR-FREXT-08: a GROUP line's net amount is the sum of its DETAIL and GROUP children's (an untyped amount compared with
    // the rounded sum, as xs:double).
    private static bool GroupAmountIsChildrenSum(XNode line)
    {
        var s = SubLine.Of(line);
        if (!s.IsGroup)
        {
            return true;
        }

        var sum = UblX.RoundedSum(s.Children("DETAIL", "GROUP").SelectMany(static c => c.Cbc("LineExtensionAmount"))).AsDouble;
        return line.Cbc("LineExtensionAmount").Any(a => Fx.ParseDouble(a.StringValue) == sum);
    }

    // BR-FREXT-11: the parent line id is the id of another line of the invoice.
    private static bool ParentLineExists(XNode line)
    {
        var s = SubLine.Of(line);
        if (s.ParentIds.Count == 0)
        {
            return true;
        }

        // (../cac:InvoiceLine|../cac:CreditNoteLine)[cbc:ID = $parentID][cbc:ID != $lineID]
        var siblings = Siblings.Of(line.Parent!);
        return s.ParentIds.SelectMany(siblings.WithId).Any(l => l.Cbc("ID").Any(i => s.LineIds.Any(own => own != i.StringValue)));
    }

    // BR-FREXT-12: every GROUP child of a GROUP line with a net amount has a net amount too.
    private static bool GroupChildrenHaveAmounts(XNode line)
    {
        var s = SubLine.Of(line);
        if (!s.IsGroup)
        {
            return true;
        }

        var children = s.Children("GROUP").ToList();
        return children.Count == children.Sum(static c => c.Cbc("LineExtensionAmount").Count());
    }

    // ---- M11 line rules (BR-FREXT-22…26, CO-04): only lines counted in the totals need quantities, amounts, a category ----

    private static bool Counted(XNode line) => SubLine.Of(line).Counted;

    // exists(cac:Item/cac:ClassifiedTaxCategory[cac:TaxScheme/(normalize-space(upper-case(cbc:ID))='VAT')]/cbc:ID): the
    // predicate is the effective boolean value of one boolean per tax scheme (several: an error).
    private static bool HasVatCategory(XNode line) =>
        line.Cac("Item").SelectMany(static i => i.Cac("ClassifiedTaxCategory")).Any(static c =>
        {
            var schemes = c.Cac("TaxScheme").ToList();
            if (schemes.Count > 1)
            {
                throw new FxEvalException("FORG0006: effective boolean value of a sequence of several booleans");
            }

            return schemes.Count == 1 && string.Equals(UblX.Normalized(schemes[0].Cbc("ID")).ToUpperInvariant(), "VAT", StringComparison.Ordinal) && c.HasCbc("ID");
        });

    // ---- M12 (syntax restrictions of the profile) --------------------------------------------------------------------------

    // UBL-FREXT-CR-410/645: delivery terms carry only cbc:ID and cac:DeliveryLocation/cbc:Name (INCOTERMS).
    private static bool DeliveryTermsRestricted(IEnumerable<XNode> terms) =>
        terms.All(static t => t.Elements().All(static e => e.Is(Ns.Cbc, "ID") || e.Is(Ns.Cac, "DeliveryLocation"))
            && t.Cac("DeliveryLocation").All(static l => l.Elements().All(static e => e.Is(Ns.Cbc, "Name"))));

    private static readonly string[] ExchangeRateChildren = ["SourceCurrencyCode", "TargetCurrencyCode", "CalculationRate", "Date"];

    // CII-FREXT-CR-490: the tax exchange rate has only source and target currencies, the rate and its date (local names).
    private static bool TaxExchangeRateRestricted(XNode root) =>
        root.Cac("TaxExchangeRate").SelectMany(static r => r.Elements()).All(static e => Array.IndexOf(ExchangeRateChildren, e.LocalName) >= 0);

    // UBL-FREXT-SR-48: a counted line has exactly one item VAT category, others at most one. M12's $lineInCalul is "no
    // preceding invoice id at all, or a DETAIL reference to this invoice".
    private static bool OneClassifiedTaxCategory(XNode line)
    {
        var ids = UblX.InvoiceIds(line);
        var counted = !line.Cac("BillingReference").SelectMany(static r => r.Cac("InvoiceDocumentReference")).Any(static d => d.HasCbc("ID"))
            || UblX.OwnStatusCodes(line, ids).Any(static c => c.StringValue == "DETAIL");
        var categories = line.Cac("Item").SelectMany(static i => i.Cac("ClassifiedTaxCategory")).Count();
        return counted ? categories == 1 : categories <= 1;
    }
}
