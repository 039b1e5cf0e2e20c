using System.Runtime.CompilerServices;
using Chorus.Invoicing.Validation.Internal.Tree;
using Chorus.Invoicing.Validation.Rules.FacturX;
using Chorus.Invoicing.Validation.Rules.Tree;

namespace Chorus.Invoicing.Validation.Rules.ExtendedCtcFr;

// Pattern M14, the sub-lines (EXT-FR-FE-162 parent line id, EXT-FR-FE-163 subtype DETAIL/GROUP/INFORMATION) on
// //ram:IncludedSupplyChainTradeLineItem, with the rule's variables: $lineID and $subLineCode are node sequences (general
// comparisons on them are existential, on their string values), $parentID is normalize-space(ParentLineID).
internal static partial class ExtendedCtcFrCii
{
    private static readonly ElementPath LinesPath = ElementPath.Of("rsm:SupplyChainTradeTransaction/ram:IncludedSupplyChainTradeLineItem");

    private static IEnumerable<FxRule> SubLines() =>
    [
        new("BR-FREXT-05", static d => d.All("IncludedSupplyChainTradeLineItem"), static (n, _, _) => SubtypeKnown(n)),
        new("BR-FREXT-06", static d => d.All("IncludedSupplyChainTradeLineItem"), static (n, _, _) => ParentId(n).Length == 0 || Subtypes(n).Any(static c => c.Length > 0)),
        new("BR-FREXT-08", static d => d.All("IncludedSupplyChainTradeLineItem"), static (n, d, _) => !IsSublineGroup(n) || GroupNetMatches(n, d)),
        new("BR-FREXT-11", static d => d.All("IncludedSupplyChainTradeLineItem"), static (n, d, _) => ParentId(n).Length == 0 || ParentExists(n, d)),
        new("BR-FREXT-12", static d => d.All("IncludedSupplyChainTradeLineItem"), static (n, d, _) => !IsSublineGroup(n) || GroupChildrenHaveNet(n, d)),
    ];

    private static IEnumerable<XNode> LineDocuments(XNode line) => line.Kids("AssociatedDocumentLineDocument");

    private static List<string> LineIds(XNode line) => [.. LineDocuments(line).SelectMany(static a => a.Kids("LineID")).Select(static i => i.StringValue)];

    private static List<string> Subtypes(XNode line) => [.. LineDocuments(line).SelectMany(static a => a.Kids("LineStatusReasonCode")).Select(static c => c.StringValue)];

    private static List<string> ParentIds(XNode line) => [.. LineDocuments(line).SelectMany(static a => a.Kids("ParentLineID")).Select(static c => c.StringValue)];

    /// <summary><c>normalize-space(ram:AssociatedDocumentLineDocument/ram:ParentLineID)</c>: several are an error.</summary>
    private static string ParentId(XNode line)
    {
        var ids = ParentIds(line);
        return ids.Count switch
        {
            0 => string.Empty,
            1 => TreeQuery.NormalizeSpace(ids[0]),
            _ => throw new FxEvalException("XPTY0004: a sequence of more than one item is not allowed as the argument of normalize-space()"),
        };
    }

    /// <summary>BR-FREXT-05: no subtype, or one that is DETAIL, GROUP or INFORMATION exactly (not normalised).</summary>
    private static bool SubtypeKnown(XNode line)
    {
        var codes = Subtypes(line);
        return codes.Count switch
        {
            0 => true,
            1 => InList(LineSubtypes, codes[0]),
            _ => throw new FxEvalException("XPTY0004: a sequence of more than one item is not allowed as the first argument of contains()"),
        };
    }

    /// <summary><c>$subLineCode = 'GROUP' and exists(…/ram:LineTotalAmount)</c>.</summary>
    private static bool IsSublineGroup(XNode line) => Subtypes(line).Contains("GROUP") && line.Exists(LineNetPath);

    /// <summary>The lines of the document whose parent line id equals one of this line's ids and whose subtype is one of <paramref name="subtypes"/>, in document order.</summary>
    private static IEnumerable<XNode> Children(XNode line, FxDoc d, params string[] subtypes)
    {
        var ids = LineIds(line);
        IEnumerable<XNode> candidates = ids.Count switch
        {
            0 => [],
            1 => IndexOf(d).ByParent.TryGetValue(ids[0], out var children) ? children : [],
            _ => d.FromRoot(LinesPath).Where(l => ParentIds(l).Any(ids.Contains)),
        };
        return candidates.Where(l => Subtypes(l).Any(s => Array.IndexOf(subtypes, s) >= 0));
    }

    /// <summary>
    /// BR-FREXT-08: some net amount of the GROUP line equals <c>round(sum(children's net amounts) * 100) div 100</c>, a
    /// double sum of untyped values (the integer 0 without children); the comparison casts the line's amount to a double.
    /// </summary>
    private static bool GroupNetMatches(XNode line, FxDoc d)
    {
        var (isDouble, sum, _) = Fx.SumUntyped(Children(line, d, "GROUP", "DETAIL").SelectMany(static c => c.Select(LineNetPath)));
        var calculated = isDouble ? Fx.Round(sum * 100) / 100 : 0d;
        return Fx.CompareAny(line.Select(LineNetPath), "=", calculated);
    }

    /// <summary>BR-FREXT-11: a line of the document has the parent id as its id, and an id other than this line's.</summary>
    private static bool ParentExists(XNode line, FxDoc d)
    {
        var own = LineIds(line);
        return IndexOf(d).ById.TryGetValue(ParentId(line), out var candidates) && candidates.Any(l => LineIds(l).Any(i => own.Any(o => o != i)));
    }

    /// <summary>
    /// The document's lines (<c>/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:IncludedSupplyChainTradeLineItem</c>)
    /// by line id and by parent line id (string values, each line once per distinct value, in document order), built
    /// once per document: the sub-line rules look lines up by id for every line, which would be quadratic on large invoices.
    /// </summary>
    private sealed class SubLineIndex
    {
        public SubLineIndex(FxDoc d)
        {
            foreach (var line in d.FromRoot(LinesPath))
            {
                Add(ById, LineIds(line), line);
                Add(ByParent, ParentIds(line), line);
            }
        }

        public Dictionary<string, List<XNode>> ById { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, List<XNode>> ByParent { get; } = new(StringComparer.Ordinal);

        private static void Add(Dictionary<string, List<XNode>> index, List<string> keys, XNode line)
        {
            foreach (var key in keys.Distinct(StringComparer.Ordinal))
            {
                if (!index.TryGetValue(key, out var lines))
                {
                    index[key] = lines = [];
                }

                lines.Add(line);
            }
        }
    }

    private static readonly ConditionalWeakTable<FxDoc, SubLineIndex> SubLineIndexes = new();

    private static SubLineIndex IndexOf(FxDoc d) => SubLineIndexes.GetValue(d, static doc => new SubLineIndex(doc));

    /// <summary>BR-FREXT-12: as many net amounts as GROUP children.</summary>
    private static bool GroupChildrenHaveNet(XNode line, FxDoc d)
    {
        var groups = Children(line, d, "GROUP").ToList();
        return groups.Count == groups.Sum(static g => g.Count(LineNetPath));
    }
}
