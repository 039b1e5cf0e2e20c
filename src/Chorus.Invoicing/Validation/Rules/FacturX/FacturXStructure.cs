using Chorus.Invoicing.Validation.Internal.Tree;
using Chorus.Invoicing.Validation.Rules.Tree;

// The factories return the abstract check/predicate on purpose: they are the tables' vocabulary, not a hot path.
#pragma warning disable CA1859

namespace Chorus.Invoicing.Validation.Rules.FacturX;

/// <summary>
/// The vocabulary of the generated per-profile tables (FacturXStructure.&lt;Profile&gt;.cs): each factory is one shape of
/// the structure assertions the FNFE/FeRD generator put into the Factur-X 1.09 stylesheets, with the message it derives
/// (eng/facturx-structure-tables.py checks that every derived message equals the official one).
/// </summary>
internal static partial class FacturXStructure
{
    private static StructureRule Rule(string path, params StructureCheck[] checks) => new(path, [], checks);

    private static StructureRule Rule(string path, (int Step, StructurePredicate Predicate)[] where, params StructureCheck[] checks) => new(path, where, checks);

    /// <summary>A predicate on the context path's step <paramref name="step"/> (0 = the root element).</summary>
    private static (int, StructurePredicate) At(int step, StructurePredicate predicate) => (step, predicate);

    // count(child) = n, <= n, >= n
    private static StructureCheck Exactly(string id, string child, int n) => new CountCheck(id, $"Element '{child}' must occur exactly {n} times.", child, null, n, n);

    private static StructureCheck AtMost(string id, string child, int n) => new CountCheck(id, $"Element '{child}' may occur at maximum {n} times.", child, null, 0, n);

    private static StructureCheck AtLeast(string id, string child, int n) => new CountCheck(id, $"Element '{child}' must occur at least {n} times.", child, null, n, int.MaxValue);

    // count(child[predicate]) <= n; the label is the variant as the message names it.
    private static StructureCheck AtMostVariant(string id, string child, StructurePredicate variant, int n, string label) =>
        new CountCheck(id, $"Element variant '{label}' may occur at maximum {n} times.", child, variant, 0, n);

    private static StructureCheck Required(string id, string attribute) => new AttributeCheck(id, $"Attribute '@{attribute}' is required in this context.", attribute, isReport: false);

    // The official message lacks the opening quote: kept as published.
    private static StructureCheck NotUsedAttribute(string id, string attribute) => new AttributeCheck(id, $"Attribute @{attribute}' marked as not used in the given context.", attribute, isReport: true);

    private static StructureCheck NotUsed(string id, string element) => new NotUsedCheck(id, $"Element '{element}' is marked as not used in the given context.");

    private static StructureCheck NotUsedVariant(string id, string label) => new NotUsedCheck(id, $"Element variant '{label}' is marked as not used in the given context.");

    /// <summary>The context's value (<c>@attr</c> when the label is an attribute, else the element's string value) must be in the list, when not empty.</summary>
    private static StructureCheck Code(string id, string label, CodeList list) => new CodeCheck(id, $"Value of '{label}' is not allowed.", label, list);

    // ram:X = "literal" (existential over what the path selects; the path may end in @attribute or be only @attribute)
    private static StructurePredicate Eq(string path, string literal) => new EqualsLiteral(ElementPath.Of(path), literal);

    private static StructurePredicate Has(string attribute) => new HasAttribute(attribute.Substring(1));

    // @attr = ../../ram:X (up = number of parent steps)
    private static StructurePredicate EqUp(string attribute, int up, string path) => new AttributeEqualsNodes(attribute.Substring(1), up, ElementPath.Of(path));

    // @attr = /rsm:A/.../ram:X (from the document node)
    private static StructurePredicate EqRoot(string attribute, string path) => new AttributeEqualsNodes(attribute.Substring(1), -1, ElementPath.Of(path));

    private static StructurePredicate Not(StructurePredicate p) => new NotPredicate(p);

    private static StructurePredicate And(params StructurePredicate[] all) => new AndPredicate(all);

    private sealed class CountCheck(string id, string message, string child, StructurePredicate? variant, int min, int max) : StructureCheck(id, message, isReport: false)
    {
        private readonly (string Ns, string Local) _child = ElementPath.Of(child).Steps[0];

        public override bool Fires(XNode context)
        {
            var n = 0;
            foreach (var c in context.Children)
            {
                if (c.Kind == XNodeKind.Element && c.LocalName == _child.Local && c.NamespaceUri == _child.Ns && (variant?.Holds(c) ?? true))
                {
                    n++;
                }
            }

            return n < min || n > max;
        }
    }

    private sealed class AttributeCheck(string id, string message, string attribute, bool isReport) : StructureCheck(id, message, isReport)
    {
        // assert @x fails when absent; report @x fires when present: both fire when presence == IsReport.
        public override bool Fires(XNode context) => context.Attr(attribute) is not null == IsReport;
    }

    private sealed class NotUsedCheck(string id, string message) : StructureCheck(id, message, isReport: true)
    {
        public override bool Fires(XNode context) => true;
    }

    private sealed class CodeCheck(string id, string message, string label, CodeList list) : StructureCheck(id, message, isReport: false)
    {
        private readonly string? _attribute = label[0] == '@' ? label.Substring(1) : null;

        // string-length($v) = 0 or $v in the list: an absent attribute is an empty sequence, so it passes too.
        public override bool Fires(XNode context) =>
            (_attribute is null ? context.StringValue : context.Attr(_attribute)) is { Length: > 0 } value && !list.Contains(value);
    }

    private sealed class EqualsLiteral(ElementPath path, string literal) : StructurePredicate
    {
        public override bool Holds(XNode node)
        {
            foreach (var v in node.Values(path))
            {
                if (v == literal)
                {
                    return true;
                }
            }

            return false;
        }
    }

    private sealed class HasAttribute(string attribute) : StructurePredicate
    {
        public override bool Holds(XNode node) => node.Attr(attribute) is not null;
    }

    private sealed class AttributeEqualsNodes(string attribute, int up, ElementPath path) : StructurePredicate
    {
        public override bool Holds(XNode node)
        {
            if (node.Attr(attribute) is not { } value)
            {
                return false;
            }

            var from = up < 0 ? node.Document : node;
            for (var i = 0; i < up && from is not null; i++)
            {
                from = from.Parent;
            }

            if (from is null)
            {
                return false;
            }

            foreach (var v in from.Values(path))
            {
                if (v == value)
                {
                    return true;
                }
            }

            return false;
        }
    }

    private sealed class NotPredicate(StructurePredicate inner) : StructurePredicate
    {
        public override bool Holds(XNode node) => !inner.Holds(node);
    }

    private sealed class AndPredicate(StructurePredicate[] all) : StructurePredicate
    {
        public override bool Holds(XNode node)
        {
            foreach (var p in all)
            {
                if (!p.Holds(node))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
